extension KernelResult.Summary {
    /// Bytes moved per element: each kernel reads one Float and writes one Float. The copy row moves
    /// the same, which is what makes its bytes/s the roofline for the others.
    static let bytesPerElement = 8.0

    /// The summary of one kernel's samples. The relative figures (`speedupOverNaive`,
    /// `rooflineShare`) need the other rows of the run, so they are left nil here and filled by
    /// `ThroughputReport.fillRelativeFigures()`.
    ///
    /// Throughput is derived from the *median* time, not the mean or the best, so one lucky or one
    /// interrupted sample moves neither figure.
    /// - Precondition: both sample lists are non-empty.
    public init(nsPerElement: [Double], cyclesPerElement: [Double]) {
        let ns = SampleStatistics(nsPerElement)
        let cycles = SampleStatistics(cyclesPerElement)
        let median = ns.median
        self.init(medianNsPerElement: median,
                  minNsPerElement: ns.min,
                  p90NsPerElement: ns.percentile(90),
                  madPercent: ns.madPercent,
                  // Elements per nanosecond is billions of elements per second.
                  gelemPerSecond: 1 / median,
                  gbytesPerSecond: Self.bytesPerElement / median,
                  medianCyclesPerElement: cycles.median)
    }
}

extension ThroughputReport {
    /// The implementation every speedup is measured against.
    static let baselineImplementation = "swift-naive"
    /// The roofline row: a plain copy of the same size, measured in the same run.
    static let rooflineFunction = "copy"
    static let rooflineImplementation = "memcpy"

    /// Fills `speedupOverNaive` and `rooflineShare` of every result from the rows measured in this
    /// same run at the same size and thread count. Ratios within one run are the figures worth
    /// comparing on a shared machine (docs/method.md); a figure whose reference row is absent is nil.
    public mutating func fillRelativeFigures() {
        struct Key: Hashable { var function: String, implementation: String, size: Int, threads: Int }
        var byKey: [Key: KernelResult.Summary] = [:]
        for r in results {
            let key = Key(function: r.function, implementation: r.implementation, size: r.size, threads: r.threads)
            if byKey[key] == nil { byKey[key] = r.summary }
        }
        for i in results.indices {
            let r = results[i]
            let naive = byKey[Key(function: r.function, implementation: Self.baselineImplementation,
                                  size: r.size, threads: r.threads)]
            let copy = byKey[Key(function: Self.rooflineFunction, implementation: Self.rooflineImplementation,
                                 size: r.size, threads: r.threads)]
            results[i].summary.speedupOverNaive = naive.map { $0.medianNsPerElement / r.summary.medianNsPerElement }
            results[i].summary.rooflineShare = copy.map { r.summary.gbytesPerSecond / $0.gbytesPerSecond }
        }
    }
}
