import Foundation

/// Results arranged for reading: the plain-text table and the Markdown view share this so both
/// show the same groups and the same figures with the same rounding.
struct DisplaySection {
    var size: Int
    var threads: Int
    var groups: [DisplayGroup]
}

struct DisplayGroup {
    var title: String
    var results: [KernelResult]
}

extension ThroughputReport {
    /// Sections by size (then thread count), ascending; in each, one group per function in the
    /// order the run measured them, and the copy row last as its own "copy (roofline)" group, once,
    /// since it is the reference for every function rather than a competitor in any.
    var displaySections: [DisplaySection] {
        let keys = Set(results.map { [$0.size, $0.threads] }).sorted { $0.lexicographicallyPrecedes($1) }
        return keys.map { key in
            let here = results.filter { $0.size == key[0] && $0.threads == key[1] }
            let isCopy = { (r: KernelResult) in r.function == Self.rooflineFunction }
            var functions: [String] = []
            for r in here where !isCopy(r) && !functions.contains(r.function) { functions.append(r.function) }
            var groups = functions.map { f in DisplayGroup(title: f, results: here.filter { $0.function == f }) }
            if let copy = here.first(where: isCopy) {
                groups.append(DisplayGroup(title: "\(Self.rooflineFunction) (roofline)", results: [copy]))
            }
            return DisplaySection(size: key[0], threads: key[1], groups: groups)
        }
    }

    /// The `max ulp` column is shown only when some row has it: a run without accuracy sampling
    /// should not carry a column of dashes.
    var showsMaxULP: Bool { results.contains { $0.maxULP != nil } }

    var columnTitles: [String] {
        ["implementation", "ISA", "Gelem/s", "ns/elem", "cycles/elem", "speedup", "roofline", "spread"]
            + (showsMaxULP ? ["max ulp"] : []) + (showsInstructions ? ["instr/elem"] : [])
    }

    func cells(for r: KernelResult) -> [String] {
        let s = r.summary
        var row = [r.implementation, r.isa,
                   Self.threeDigits(s.gelemPerSecond), Self.threeDigits(s.medianNsPerElement),
                   Self.threeDigits(s.medianCyclesPerElement),
                   s.speedupOverNaive.map { Self.threeDigits($0) + "x" } ?? "-",
                   s.rooflineShare.map(Self.percent) ?? "-",
                   "±" + String(format: "%.1f%%", s.madPercent)]
        if showsMaxULP { row.append(r.maxULP.map(Self.threeDigits) ?? "-") }
        if showsInstructions { row.append(r.instructionsPerElement.map { String(format: "%.2f", $0) } ?? "-") }
        return row
    }

    /// "size 1M (1048576 elements)", plus the thread count when it is not 1.
    func heading(of section: DisplaySection) -> String {
        "size \(Self.sizeLabel(section.size)) (\(section.size) elements)"
            + (section.threads == 1 ? "" : ", \(section.threads) threads")
    }

    /// "median of 30 samples", or a range when kernels took different counts; for a screened run,
    /// "median of ≥21 quiet samples of 25 rounds (screen: probe 3.0%, round 5.0%, own 5.0%,
    /// off-CPU 2.0%)", preceded by "lower median over 3 processes of the " for a multi-process run.
    /// Rules other than the standard ones add their differing constants: "...; state split 10%)".
    var sampleCountText: String {
        let processes = configuration.processes.flatMap { $0 > 1 ? "lower median over \($0) processes of the " : nil } ?? ""
        return processes + perProcessSampleText
    }

    private var perProcessSampleText: String {
        func range(_ counts: [Int]) -> String? {
            guard let lo = counts.min(), let hi = counts.max() else { return nil }
            return lo == hi ? "\(lo)" : "\(lo)–\(hi)"
        }
        let rules = configuration.rules
        let other = ScreeningRules.Differences(rules: rules).phrases.joined(separator: ", ")
        if configuration.screening != nil, let quiet = range(rounds.map(\.quietCount)), let taken = range(rounds.map(\.rounds)) {
            let tests = ["probe \(Self.percent(rules.quietTolerance))"] + [("round", rules.consensusTolerance),
                         ("own", rules.ownTolerance), ("off-CPU", rules.offCPUTolerance)].compactMap { name, tolerance in
                tolerance.map { "\(name) \(Self.percent($0))" }
            }
            return "median of ≥\(quiet) quiet samples of \(taken) rounds (screen: \(tests.joined(separator: ", "))"
                + (other.isEmpty ? "" : "; \(other)") + ")"
        }
        let counts = range(results.map(\.samplesNsPerElement.count)) ?? "\(configuration.samples)"
        return "median of \(counts) samples" + (other.isEmpty ? "" : " (rules: \(other))")
    }

    /// The plain-text table `bench` prints by default.
    public func tableText() -> String {
        let titles = columnTitles
        let sections = displaySections
        let allRows = sections.flatMap { $0.groups.flatMap { $0.results.map(cells) } }
        let widths = titles.indices.map { c in ([titles[c]] + allRows.map { $0[c] }).map(\.count).max() ?? 0 }
        // The first two columns are names and read left-aligned; the rest are numbers.
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { c, text in
                let fill = String(repeating: " ", count: widths[c] - text.count)
                return c < 2 ? text + fill : fill + text
            }
            return "  " + padded.joined(separator: "  ")
        }

        var out = [line(titles)]
        for section in sections {
            if sections.count > 1 { out += ["", "== \(heading(of: section)) =="] }
            for group in section.groups {
                out += ["", group.title]
                out += group.results.map { line(cells(for: $0)) }
            }
        }
        out += ["", footer]
        out += runNotes
        if let countsNote { out.append(countsNote) }
        if configuration.forcedDebugTiming { out.append(Self.debugTimingWarning) }
        return out.joined(separator: "\n") + "\n"
    }

    private var footer: String {
        "\(machine.cpuDescription) · Swift vector ISA \(machine.swiftVectorISA) · target CPU \(machine.swiftTargetCPU)"
            + " · \(machine.buildConfiguration) build · \(sizeListText) · \(sampleCountText)"
    }

    /// "size 1M" or "size 4K, 1M": the sizes measured (the configured ones if nothing was), and
    /// ", 2 threads" when the run used more than one.
    var sizeListText: String {
        let sizes = Set(results.map(\.size)).sorted().map(Self.sizeLabel)
        let threads = Set(results.map(\.threads)).sorted()
        return "size " + (sizes.isEmpty ? configuration.sizes.map(Self.sizeLabel) : sizes).joined(separator: ", ")
            + (threads.isEmpty || threads == [1] ? "" : ", " + threads.map(String.init).joined(separator: ", ") + " threads")
    }

    /// About three significant digits: enough to see a 1% difference, few enough to read a column.
    static func threeDigits(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == 0 { return "0" }
        switch abs(x) {
        case 100...: return String(format: "%.0f", x)
        case 10...: return String(format: "%.1f", x)
        case 1...: return String(format: "%.2f", x)
        default: return String(format: "%#.3g", x)
        }
    }

    static func percent(_ share: Double) -> String {
        let p = share * 100
        return String(format: p.magnitude >= 10 ? "%.0f%%" : "%.1f%%", p)
    }

    /// 1048576 → "1M", 4096 → "4K", 1000 → "1000": the binary suffixes `--size` accepts.
    public static func sizeLabel(_ n: Int) -> String {
        for (suffix, shift) in [("G", 30), ("M", 20), ("K", 10)] where n > 0 && n % (1 << shift) == 0 {
            return "\(n >> shift)\(suffix)"
        }
        return "\(n)"
    }
}
