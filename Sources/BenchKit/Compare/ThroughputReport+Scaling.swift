extension ThroughputReport {
    /// Multiplies every time (samples and summary; cycles too) by `factor`: the testing aid behind
    /// `bench compare --scale-baseline`, which turns a same-build baseline into one the current run is
    /// a known amount slower than (0.909 ≈ 1/1.1: the current run is 10% slower).
    public mutating func scaleTimes(by factor: Double) {
        for i in results.indices {
            results[i].samplesNsPerElement = results[i].samplesNsPerElement.map { $0 * factor }
            results[i].samplesCyclesPerElement = results[i].samplesCyclesPerElement.map { $0 * factor }
            // A result without samples keeps its summary; the comparison refuses it anyway.
            guard !results[i].samplesNsPerElement.isEmpty, !results[i].samplesCyclesPerElement.isEmpty else { continue }
            results[i].summary = .init(nsPerElement: results[i].samplesNsPerElement,
                                       cyclesPerElement: results[i].samplesCyclesPerElement)
        }
        fillRelativeFigures()
    }
}
