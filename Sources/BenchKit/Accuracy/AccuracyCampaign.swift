import Foundation
import SwiftKernels

/// A whole `bench accuracy` run: the kernels (sampled against MPFR, or exhaustively against the
/// validated Double reference), their special-value verdicts, the primitives table (in the same
/// mode: `AccuracyCampaign+Primitives`), the GELU-tanh deviation and the ulp-versus-x profile.
public struct AccuracyCampaign: Sendable {
    public var kernels: [Kernel]
    public var randomCount = 100_000
    public var gridCount = 100_000
    public var domain: ClosedRange<Float> = -20...20
    public var seed: UInt64 = 0x5eed
    public var alpha: Float = 1
    public var exhaustive = false
    /// Bit patterns an exhaustive run visits, the primitives' included (all by default; a slice for
    /// tests and timing).
    public var patterns: ClosedRange<UInt32> = 0...UInt32.max
    /// Restrict an exhaustive run to inputs inside `domain`.
    public var exhaustiveInDomainOnly = false
    public var includePrimitives = true
    public var profileBins = 400

    public init(kernels: [Kernel]) { self.kernels = kernels }

    public typealias Progress = @Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void

    public func run(command: String, progress: Progress? = nil) -> AccuracyReport {
        let start = Date()
        // Read before the run: the git state is the one the figures were made with.
        let machine = MachineInfo.current(date: start)
        let available = kernels.filter(\.isAvailable)
        var results: [AccuracyReport.KernelAccuracy] = []
        var profile: AccuracyReport.Profile?
        var referenceInfo = AccuracyReport.ReferenceInfo(kind: "mpfr", mpfrPrecisionBits: Reference.precisionBits,
                                                         mpfrVersion: Reference.mpfrVersion)
        var inputsPerKernel = 0
        var statsByID: [String: AccuracyStats] = [:]

        if exhaustive {
            let sweep = ExhaustiveRun(kernels: available, alpha: alpha, patterns: patterns,
                                      domain: exhaustiveInDomainOnly ? domain : nil)
            let outcome = sweep.run { done, total in progress?("exhaustive", done, total) }
            statsByID = outcome.stats
            inputsPerKernel = outcome.inputsVisited
            progress?("Double reference vs MPFR", 0, 1)
            let validation = validateDoubleReference(functions: Set(available.map(\.function)))
            referenceInfo = AccuracyReport.ReferenceInfo(
                kind: "double (swift-libm forms), MPFR near rounding midpoints", mpfrPrecisionBits: Reference.precisionBits,
                mpfrVersion: Reference.mpfrVersion, validationSampleSize: validation.count,
                validationMaxULP: validation.maxULP, settledByMPFR: outcome.settledByMPFR)
        } else {
            let sample = AccuracySample(randomCount: randomCount, gridCount: gridCount, grid: domain, seed: seed)
            let run = AccuracyRun(sample: sample, alpha: alpha)
            inputsPerKernel = sample.inputs.count
            var bins: [String: [Double]] = [:]
            let functions = ActivationFunction.allCases.filter { f in available.contains { $0.function == f } }
            for (index, function) in functions.enumerated() {
                progress?("MPFR reference \(function.rawValue)", index, functions.count)
                let refs = run.references(for: function)
                for kernel in available where kernel.function == function {
                    let outputs = run.run(kernel)
                    statsByID[kernel.id] = AccuracyStats(inputs: sample.inputs, outputs: outputs, references: refs)
                    bins[kernel.id] = Self.profile(inputs: sample.inputs, outputs: outputs, references: refs,
                                                   domain: domain, bins: profileBins)
                }
            }
            profile = AccuracyReport.Profile(domain: [domain.lowerBound, domain.upperBound], bins: profileBins, maxULP: bins)
        }

        for kernel in available {
            guard let stats = statsByID[kernel.id] else { continue }
            results.append(AccuracyReport.KernelAccuracy(
                function: kernel.function.rawValue, implementation: kernel.implementation, isa: kernel.isa,
                ulpBudget: kernel.ulpBudget, tinyResultBound: kernel.tinyResultBound, budgetText: kernel.budgetText,
                withinBudget: kernel.meetsBudget(stats), stats: stats,
                specialValues: SpecialValues.verdicts(for: kernel, alpha: alpha)))
        }
        let (primitives, primitivesMethod) = includePrimitives ? primitiveTable(progress: progress) : ([], nil)
        let configuration = AccuracyReport.Configuration(
            command: command, mode: exhaustive ? "exhaustive" : "sampled", randomSamples: exhaustive ? 0 : randomCount,
            gridSamples: exhaustive ? 0 : gridCount, domain: [domain.lowerBound, domain.upperBound], seed: seed,
            alpha: alpha, inputsPerKernel: inputsPerKernel, wallSeconds: Date().timeIntervalSince(start))
        return AccuracyReport(machine: machine, configuration: configuration, reference: referenceInfo, results: results,
                              primitives: primitives, primitivesMethod: primitivesMethod,
                              geluTanhVersusErf: kernels.contains { [.geluErf, .geluTanh].contains($0.function) }
                                ? Self.geluDeviation(domain: domain) : nil,
                              profile: profile)
    }

    /// Max ulp per bin of x over `domain`.
    static func profile(inputs: [Float], outputs: [Float], references: [ReferenceValue],
                        domain: ClosedRange<Float>, bins: Int) -> [Double] {
        var maxima = [Double](repeating: 0, count: bins)
        let width = Double(domain.upperBound - domain.lowerBound) / Double(bins)
        for i in inputs.indices where domain.contains(inputs[i]) {
            let bin = Swift.min(bins - 1, Int((Double(inputs[i]) - Double(domain.lowerBound)) / width))
            let e = ULP.error(outputs[i], references[i])
            if e > maxima[bin] { maxima[bin] = e.isFinite ? e : 1e9 }
        }
        return maxima
    }

    /// The Double reference against MPFR on a sample (random bit patterns plus a grid over `domain`):
    /// the inputs compared and the largest disagreement, in float ulps of the exact value.
    func validateDoubleReference(functions: Set<ActivationFunction>) -> (count: Int, maxULP: Double) {
        let inputs = validationSample(grid: domain)
        let checked = ActivationFunction.allCases.filter(functions.contains)
        let worst = checked.map { DoubleReference(.activation($0), alpha: alpha).disagreement(over: inputs) }.max() ?? 0
        return (inputs.count * checked.count, worst)
    }

    /// The validation sample: 50,000 random bit patterns and as many points evenly spaced over `grid`.
    func validationSample(grid: ClosedRange<Float>) -> [Float] {
        AccuracySample(randomCount: 50_000, gridCount: 50_000, grid: grid, seed: seed &+ 1).inputs
    }

    /// |GELU-tanh(x) - GELU-erf(x)| over a fine grid of `domain`, both in Double; the relative figure
    /// counts only points where |GELU-erf| ≥ 1e-6 (in the far negative tail both vanish at different
    /// rates and the ratio says nothing useful).
    static func geluDeviation(domain: ClosedRange<Float>, points: Int = 400_001) -> AccuracyReport.FormulaDeviation {
        var maxAbs = 0.0, at: Float = 0, maxRel = 0.0, relAt: Float = 0
        let step = Double(domain.upperBound - domain.lowerBound) / Double(points - 1)
        for i in 0..<points {
            let x = Float(Double(domain.lowerBound) + Double(i) * step)
            let e = LibmKernels.geluErf(Double(x)), t = LibmKernels.geluTanh(Double(x))
            let diff = Swift.abs(t - e)
            if diff > maxAbs { maxAbs = diff; at = x }
            if Swift.abs(e) >= 1e-6, diff / Swift.abs(e) > maxRel { maxRel = diff / Swift.abs(e); relAt = x }
        }
        return AccuracyReport.FormulaDeviation(maxAbsoluteDifference: maxAbs, at: at, maxRelativeDifference: maxRel,
                                               relativeAt: relAt, domain: [domain.lowerBound, domain.upperBound], points: points)
    }
}
