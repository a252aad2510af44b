import Foundation

/// The plain-text table and the self-contained Markdown report of an accuracy run.
extension AccuracyReport {
    /// Ulps in fixed notation, in exponent notation below 0.001 and from `ULP.exponentNotationFrom`
    /// (a wrong sign or a flush measured in a subnormal's ulps runs to 75 digits).
    static func ulpText(_ x: Double) -> String {
        if x.isInfinite { return "inf" }
        if x == 0 { return "0" }
        if x >= ULP.exponentNotationFrom { return String(format: "%.3e", x) }
        return x < 0.001 ? String(format: "%.1e", x) : String(format: "%.3f", x)
    }

    static func errorText(_ x: Double) -> String { x == 0 ? "0" : String(format: "%.2e", x) }

    var kernelHeader: [String] {
        ["implementation", "isa", "budget", "max ulp", "at x", "mean ulp", "correctly rounded", "max abs", "max rel", "finiteness", "specials",
         "max ulp |r|≥2^-126", "max abs |r|<2^-126", "in budget"]
    }

    func kernelCells(_ r: KernelAccuracy) -> [String] {
        let failed = r.specialValues.filter { !$0.pass }.map(\.name)
        let budget = r.tinyResultBound != nil ? (r.budgetText ?? "none") : (r.ulpBudget.map { Self.ulpText($0) } ?? "none")
        return [r.implementation, r.isa, budget,
                Self.ulpText(r.stats.maxULP), r.stats.maxULPInput.hexDescription, Self.ulpText(r.stats.meanULP),
                String(format: "%.2f%%", r.stats.correctlyRoundedShare * 100), Self.errorText(r.stats.maxAbsoluteError),
                Self.errorText(r.stats.maxRelativeError), String(r.stats.finitenessMismatches),
                failed.isEmpty ? "all pass" : "FAIL: " + failed.joined(separator: ", "),
                r.stats.maxULPNormalResult.map { Self.ulpText($0) } ?? "-",
                r.stats.maxTinyResultError.map { Self.errorText($0) } ?? "-",
                r.withinBudget.map { $0 ? "yes" : "NO" } ?? "-"]
    }

    var primitiveHeader: [String] {
        ["primitive", "implementation", "domain", "inputs", "max ulp", "at x", "mean ulp", "correctly rounded"]
    }

    func primitiveCells(_ p: PrimitiveAccuracy) -> [String] {
        [p.primitive, p.implementation, "[\(p.domain[0]), \(p.domain[1])]", String(p.stats.count), Self.ulpText(p.stats.maxULP),
         p.stats.maxULPInput.hexDescription, Self.ulpText(p.stats.meanULP),
         String(format: "%.2f%%", p.stats.correctlyRoundedShare * 100)]
    }

    var referenceLine: String {
        "reference: \(reference.kind), MPFR \(reference.mpfrVersion) at \(reference.mpfrPrecisionBits) bits"
            + Self.doubleReferenceText(validated: reference.validationSampleSize, maxULP: reference.validationMaxULP,
                                       settled: reference.settledByMPFR)
    }

    /// How a Double reference was checked against MPFR and how often MPFR decided (empty when sampled).
    static func doubleReferenceText(validated: Int?, maxULP: Double?, settled: Int?) -> String {
        var text = ""
        if let validated, let maxULP { text += "; Double reference vs MPFR on \(validated) inputs: max disagreement \(ulpText(maxULP)) ulp" }
        if let settled { text += "; \(settled) inputs next to a rounding midpoint settled by MPFR" }
        return text
    }

    var configurationLine: String {
        let c = configuration
        return "\(c.mode): \(c.inputsPerKernel) inputs per kernel" + (c.mode == "sampled"
            ? " (\(c.randomSamples) random bit patterns, \(c.gridSamples) grid points over [\(c.domain[0]), \(c.domain[1])], special values; seed \(c.seed))"
            : "") + String(format: "; %.1f s", c.wallSeconds)
    }

    var deviationLine: String? {
        geluTanhVersusErf.map { d in
            "gelu-tanh formula vs gelu-erf over [\(d.domain[0]), \(d.domain[1])] (\(d.points) points, Double): max |difference| "
                + "\(Self.errorText(d.maxAbsoluteDifference)) at x = \(d.at), max relative \(Self.errorText(d.maxRelativeDifference)) "
                + "at x = \(d.relativeAt) (where |gelu-erf| >= 1e-6)"
        }
    }

    /// How the primitives table was made: every float of each domain, or a sample (a report without
    /// `primitivesMethod` predates it, and its table was sampled).
    var primitivesLine: String {
        guard let m = primitivesMethod, m.mode == "exhaustive" else {
            let sample = "\(AccuracyCampaign.primitiveSampleCount) random and as many evenly spaced inputs over each domain"
            return "sampled: \(sample), against MPFR" + (primitivesMethod.map { String(format: "; %.1f s", $0.wallSeconds) } ?? "")
        }
        return "exhaustive: every float in each domain, \(m.inputs) inputs, against the Double reference"
            + Self.doubleReferenceText(validated: m.validationSampleSize, maxULP: m.validationMaxULP, settled: m.settledByMPFR)
            + String(format: "; %.1f s", m.wallSeconds)
    }

    public func tableText() -> String {
        var out: [String] = []
        for function in ActivationFunction.allCases {
            let rows = results.filter { $0.function == function.rawValue }
            guard !rows.isEmpty else { continue }
            out.append("")
            out.append(function.rawValue + "  = " + function.formula)
            out.append(PlainTable(header: kernelHeader, rows: rows.map(kernelCells)).render(indent: "  "))
        }
        if !primitives.isEmpty {
            out.append("")
            out.append("primitives (\(primitivesLine))")
            out.append(PlainTable(header: primitiveHeader, rows: primitives.map(primitiveCells)).render(indent: "  "))
        }
        out.append("")
        if let deviationLine { out.append(deviationLine) }
        out.append(configurationLine)
        out.append(referenceLine)
        out.append("\(machine.cpuDescription) · Swift vector ISA \(machine.swiftVectorISA) · \(machine.buildConfiguration) build · commit \(machine.gitCommit)")
        return out.joined(separator: "\n") + "\n"
    }

    public func markdownText() -> String {
        var out = ["# Accuracy report", "",
                   "Made by `\(configuration.command)` on \(machine.date).", "",
                   "- machine: \(machine.cpuDescription), \(machine.logicalCores) cores, features \(machine.cpuFeatures.joined(separator: " "))",
                   "- build: Swift \(machine.swiftVersion), \(machine.buildConfiguration), target CPU \(machine.swiftTargetCPU) (\(machine.swiftVectorISA)), SLEEF \(machine.sleefVersion), commit \(machine.gitCommit)",
                   "- inputs: " + configurationLine,
                   "- " + referenceLine, "",
                   "Error in ulps of the exact value (docs/method.md: |y − r| / ulp(r), r from the reference). "
                   + "*Budget* is what the implementation promises; *specials* checks NaN, ±inf, ±0, subnormal inputs and saturation.", ""]
        for function in ActivationFunction.allCases {
            let rows = results.filter { $0.function == function.rawValue }
            guard !rows.isEmpty else { continue }
            out.append("## \(function.rawValue): `\(function.formula)`")
            out.append("")
            out.append(Self.markdownTable(header: kernelHeader, rows: rows.map(kernelCells)))
            out.append("")
        }
        if let deviationLine {
            out += ["## GELU-tanh against GELU-erf", "", deviationLine, ""]
        }
        if !primitives.isEmpty {
            out += ["## Primitives", "",
                    "Where the activations' error comes from: each library's primitive over the domain the kernels use it on; "
                    + primitivesLine + ".", ""]
            out.append(Self.markdownTable(header: primitiveHeader, rows: primitives.map(primitiveCells)))
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    static func markdownTable(header: [String], rows: [[String]]) -> String {
        let escape = { (s: String) in s.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["| " + header.map(escape).joined(separator: " | ") + " |",
                     "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
        lines += rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n")
    }
}
