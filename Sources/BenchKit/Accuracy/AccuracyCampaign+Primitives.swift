import Foundation

/// The primitives table, in the campaign's mode: an exhaustive campaign measures every float of each
/// primitive's domain on `ExhaustiveSweep` (the activations' core), so the table's maxima are the
/// true ones; a sampled campaign measures a sample against MPFR.
extension AccuracyCampaign {
    /// Random inputs, and as many evenly spaced ones, per primitive domain in a sampled campaign.
    static let primitiveSampleCount = 20_000

    /// Each available primitive implementation over its primitive's domain, and how it was measured.
    func primitiveTable(progress: Progress?) -> ([AccuracyReport.PrimitiveAccuracy], AccuracyReport.PrimitivesMethod) {
        exhaustive ? exhaustivePrimitiveTable(progress: progress) : sampledPrimitiveTable(progress: progress)
    }

    /// The primitives the selected kernels' functions are built from (`FunctionDefinition.primitives`)
    /// that have an available implementation, in table order, and those implementations.
    var availablePrimitives: [(primitive: Primitive, kernels: [PrimitiveKernel])] {
        let used = Set(kernels.flatMap(\.function.definition.primitives))
        return Primitive.allCases.filter(used.contains)
            .map { p in (p, PrimitiveKernel.all.filter { $0.primitive == p && $0.isAvailable }) }
            .filter { !$0.kernels.isEmpty }
    }

    static func row(_ kernel: PrimitiveKernel, _ stats: AccuracyStats) -> AccuracyReport.PrimitiveAccuracy {
        let d = kernel.primitive.domain
        return AccuracyReport.PrimitiveAccuracy(primitive: kernel.primitive.rawValue, implementation: kernel.implementation,
                                                domain: [d.lowerBound, d.upperBound], stats: stats)
    }

    /// Every float of each domain (within `patterns`), against the primitive's `DoubleReference`, with
    /// MPFR settling inputs next to a rounding midpoint; the references are validated against MPFR on
    /// a sample of each domain, as the activations' are.
    func exhaustivePrimitiveTable(progress: Progress?) -> ([AccuracyReport.PrimitiveAccuracy], AccuracyReport.PrimitivesMethod) {
        let start = Date()
        let members = availablePrimitives
        let groups = members.map { p, kernels in
            ExhaustiveSweep.Group(reference: DoubleReference(p.referenceTarget), domain: p.domain, kernels: kernels.map(\.run))
        }
        let outcome = ExhaustiveSweep(groups: groups, patterns: patterns).run { done, total in
            progress?("primitives (exhaustive)", done, total)
        }
        var rows: [AccuracyReport.PrimitiveAccuracy] = []
        for ((_, kernels), stats) in zip(members, outcome.stats) { rows += zip(kernels, stats).map(Self.row) }
        progress?("primitives (Double reference vs MPFR)", 0, 1)
        var validated = 0, worst = 0.0
        for (p, _) in members {
            let inputs = validationSample(grid: p.domain).filter(p.domain.contains)
            validated += inputs.count
            worst = Swift.max(worst, DoubleReference(p.referenceTarget).disagreement(over: inputs))
        }
        let method = AccuracyReport.PrimitivesMethod(
            mode: "exhaustive", inputs: outcome.inputsVisited.reduce(0, +), settledByMPFR: outcome.settledByMPFR.reduce(0, +),
            validationSampleSize: validated, validationMaxULP: worst, wallSeconds: Date().timeIntervalSince(start))
        return (rows, method)
    }

    /// `primitiveSampleCount` random floats uniform in each domain plus as many evenly spaced, against
    /// MPFR.
    func sampledPrimitiveTable(progress: Progress?) -> ([AccuracyReport.PrimitiveAccuracy], AccuracyReport.PrimitivesMethod) {
        let start = Date()
        let n = Self.primitiveSampleCount
        let members = availablePrimitives
        var rows: [AccuracyReport.PrimitiveAccuracy] = [], total = 0
        for (index, (primitive, kernels)) in members.enumerated() {
            progress?("primitives (sampled)", index, members.count)
            var generator = SeededGenerator(seed: seed &+ 7)
            let d = primitive.domain
            var inputs = (0..<n).map { _ in Float.random(in: d, using: &generator) }
            let step = (d.upperBound - d.lowerBound) / Float(n - 1)
            inputs += (0..<n).map { d.lowerBound + Float($0) * step }
            total += inputs.count
            let refs = Reference.evaluate(primitive.referenceTarget, inputs)
            for kernel in kernels {
                let outputs = AlignedBuffer.outputs(over: inputs, kernel.run)
                rows.append(Self.row(kernel, AccuracyStats(inputs: inputs, outputs: outputs, references: refs)))
            }
        }
        return (rows, AccuracyReport.PrimitivesMethod(mode: "sampled", inputs: total, wallSeconds: Date().timeIntervalSince(start)))
    }
}
