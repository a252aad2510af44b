extension ThroughputReport {
    static let csvColumns = [
        "function", "implementation", "isa", "size", "threads", "batch", "samples", "rejected",
        "median_ns_per_element", "min_ns_per_element", "p90_ns_per_element", "mad_percent",
        "gelem_per_second", "gbytes_per_second", "median_cycles_per_element",
        "speedup_over_naive", "roofline_share", "max_ulp",
    ]

    /// One header row and one row per result, named like the JSON keys. Numbers are written in full
    /// (Swift's shortest round-trip form), not rounded as in the table: CSV is for spreadsheets and
    /// scripts that do their own arithmetic. Absent figures are empty fields. Fields are quoted per
    /// RFC 4180 when they hold a comma, quote or line break; lines end in LF, which the usual CSV
    /// readers accept and line-oriented shell tools expect.
    public func csvText() -> String {
        func number(_ x: Double?) -> String { x.map { "\($0)" } ?? "" }
        let rows = results.map { r -> [String] in
            let s = r.summary
            return [r.function, r.implementation, r.isa, "\(r.size)", "\(r.threads)", "\(r.batch)",
                    "\(r.samplesNsPerElement.count)", "\(r.rejectedNsPerElement.count)",
                    number(s.medianNsPerElement), number(s.minNsPerElement), number(s.p90NsPerElement),
                    number(s.madPercent), number(s.gelemPerSecond), number(s.gbytesPerSecond),
                    number(s.medianCyclesPerElement), number(s.speedupOverNaive), number(s.rooflineShare),
                    number(r.maxULP)]
        }
        return ([Self.csvColumns] + rows).map { $0.map(Self.csvField).joined(separator: ",") + "\n" }.joined()
    }

    /// RFC 4180: a field holding a comma, a double quote or a line break is enclosed in double
    /// quotes, and quotes inside it are doubled.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
