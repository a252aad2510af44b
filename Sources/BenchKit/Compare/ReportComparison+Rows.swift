/// The cells the table and the Markdown view share, so both show the same figures rounded alike.
extension ReportComparison {
    var columnTitles: [String] {
        ["kernel", "baseline ns/elem", "current ns/elem", "ratio", "\(Self.percentText(settings.confidence)) interval",
         "timing", "max ulp", "accuracy"]
    }

    func cells(for k: KernelComparison) -> [String] {
        let three = ThroughputReport.threeDigits
        let ulp: String
        switch (k.baselineMaxULP, k.currentMaxULP) {
        case (nil, nil): ulp = "-"
        case let (b, c): ulp = "\(b.map(three) ?? "-") → \(c.map(three) ?? "-")"
        }
        // The copy reference has no accuracy to compare: "-", as in its ulp column.
        let accuracy = k.accuracyRegressed ? "WORSE" : k.key.function == ThroughputReport.rooflineFunction ? "-"
            : (k.baselineMaxULP == nil || k.currentMaxULP == nil ? "not compared" : "ok")
        return [k.key.label, three(k.baselineMedianNs), three(k.currentMedianNs), String(format: "%.3f", k.ratio.estimate),
                String(format: "[%.3f, %.3f]", k.judged.lower, k.judged.upper),
                k.timing == .regressed ? "REGRESSED" : k.timing.rawValue, ulp, accuracy]
    }

    /// "FAILED" or "passed": the first word of both views, so a CI log reader sees the outcome at once.
    var outcome: String { failed ? "FAILED" : "passed" }

    /// "baseline: commit abc1234, 2025-01-02T03:04:05Z, release build"; `commit` formats the commit
    /// (Markdown sets it as code so `abc+dirty` is not read as markup).
    func runLine(_ side: String, _ m: MachineInfo, commit: (String) -> String = { $0 }) -> String {
        "\(side): commit \(commit(m.gitCommit)), \(m.date), \(m.buildConfiguration) build"
    }
}
