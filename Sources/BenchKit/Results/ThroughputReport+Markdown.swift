import Foundation

extension ThroughputReport {
    /// A Markdown document for a README or a CI summary: the machine, the exact command, then one
    /// table per function with the same figures as the text table.
    public func markdownText() -> String {
        let m = machine, c = configuration
        var out = ["# Throughput", "", "## Machine", ""]
        out += [
            "- CPU: \(m.cpuDescription) (\(m.logicalCores) logical cores)",
            "- CPU features: \(m.cpuFeatures.joined(separator: ", "))",
            "- OS: \(m.os)",
            "- Swift: \(m.swiftVersion), \(m.buildConfiguration) build, target CPU \(Self.codeSpan(m.swiftTargetCPU)), "
                + "vector ISA \(m.swiftVectorISA)",
            "- SLEEF: \(m.sleefVersion); MPFR: \(m.mpfrVersion)"
                + (m.libraries.map { "; libraries: " + $0.joined(separator: ", ") } ?? ""),
            "- Git commit: \(Self.codeSpan(m.gitCommit))",
            "- Date: \(m.date)",
            "- Machine key: \(Self.codeSpan(m.machineKey))",
        ].map(Self.markdownLine)
        out += ["", "## Configuration", "", Self.codeSpan(c.command), ""]
        out += [
            "- Sizes: \(c.sizes.map(Self.sizeLabel).joined(separator: ", ")); threads: \(c.threads)",
            "- \(sampleCountText), each at least \(c.minSampleTime) s",
            "- Inputs: \(c.distribution), seed \(c.seed)",
            "- Pinned CPU: \(c.pinnedCPU.map(String.init) ?? "none"); quick: \(c.quick ? "yes" : "no")",
        ].map(Self.markdownLine)
        for warning in runNotes { out += ["", "**\(warning)**"] }
        if c.forcedDebugTiming {
            out += ["", "**Warning:** a debug build was timed (forced); these figures are not representative."]
        }

        let sections = displaySections
        let titles = columnTitles
        for section in sections {
            for group in section.groups {
                let suffix = sections.count > 1 ? " — \(heading(of: section))" : ""
                out += ["", "## \(Self.markdownLine(group.title))\(suffix)", ""]
                out.append(Self.tableRow(titles))
                // Names left-aligned, numbers right-aligned, as in the text table.
                out.append(Self.tableRow(titles.indices.map { $0 < 2 ? "---" : "--:" }, escape: false))
                out += group.results.map { Self.tableRow(cells(for: $0)) }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func tableRow(_ cells: [String], escape: Bool = true) -> String {
        "| " + cells.map { escape ? markdownLine($0).replacingOccurrences(of: "|", with: "\\|") : $0 }
            .joined(separator: " | ") + " |"
    }

    /// Keeps a value on one line: a stray newline in a CPU model string would end the bullet or row.
    private static func markdownLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// A code span that survives backticks in the text (a shell command may hold them): the fence is
    /// one backtick longer than the longest run inside, padded with spaces when the text touches it.
    static func codeSpan(_ text: String) -> String {
        let line = markdownLine(text)
        var longest = 0, run = 0
        for ch in line { run = ch == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = line.hasPrefix("`") || line.hasSuffix("`") ? " " : ""
        return fence + pad + line + pad + fence
    }
}
