import SwiftKernels

/// One (function, implementation) pair the suite can run: the unit of every table, result and baseline.
public struct Kernel: Sendable {
    public let function: ActivationFunction
    /// Stable implementation id, e.g. `swift-simd16`, `c-sleef-u10-avx2`.
    public let implementation: String
    /// The instruction set the kernel runs with on this machine, e.g. `avx2`, `scalar`.
    public let isa: String
    /// Whether this CPU can run it. An unavailable kernel is listed, never called.
    public let isAvailable: Bool
    /// The largest ulp error the implementation promises over every float input, or nil when it
    /// promises none (`swift-naive`, whose failure modes are documented instead, and the peers, whose
    /// accuracy is what the suite measures).
    public let ulpBudget: Double?
    /// With `ulpBudget`: the absolute error allowed where the exact result's magnitude is below
    /// `Kernel.tinyResultLimit` (2^-126, the subnormal range and zero), and there only; the ulp
    /// budget then covers every other input (NaN, infinities and overflow included). nil: the ulp
    /// budget covers every input. A bound of 2^-126 lets a subnormal result flush to ±0 and no
    /// normal result do so.
    public let tinyResultBound: Double?
    /// The library and version the kernel comes from, e.g. `oneDNN 2.6.3 (OpenMP)`; nil for our own.
    public let library: String?
    /// What the kernel computes beyond the formula, or how it runs: the expression a peer is written
    /// as, a floating-point mode it sets, a thread it pins. Shown by `bench list`.
    public let note: String?
    /// Set for a kernel whose result for an element can depend on where the element sits in the
    /// array (a library that computes its head or remainder with other code than its vector body):
    /// the one clause of the kernel contract such a kernel does not meet, by at most `ulps` where
    /// the results are normal floats (the reason says what happens below 2^-126). The contract tests
    /// hold it to that bound instead of to bit-for-bit agreement; the accuracy runs call every kernel
    /// on 64-byte aligned buffers, so its figures are the same in every run.
    public let positionDependence: PositionDependence?
    /// Whether the kernel's library picks its code path by CPUID when it runs (oneDNN's JIT, XNNPACK,
    /// Highway), rather than the build fixing it: its `isa` is what it chose on this machine.
    public var dispatchesAtRunTime = false
    /// Where the throughput run puts this kernel's buffers; nil (every in-process kernel): the run's own.
    public let bufferAllocator: (any KernelBufferAllocator)?
    /// The callable, resolved once when the registry is built: each call is one closure call.
    let body: ActivationKernel

    public struct PositionDependence: Sendable {
        public let ulps: Int
        public let reason: String
    }

    public init(function: ActivationFunction, implementation: String, isa: String, isAvailable: Bool,
                ulpBudget: Double?, tinyResultBound: Double? = nil, library: String? = nil, note: String? = nil,
                positionDependence: PositionDependence? = nil, body: @escaping ActivationKernel,
                bufferAllocator: (any KernelBufferAllocator)? = nil) {
        self.function = function
        self.implementation = implementation
        self.isa = isa
        self.isAvailable = isAvailable
        self.ulpBudget = ulpBudget
        self.tinyResultBound = tinyResultBound
        self.library = library
        self.note = note
        self.positionDependence = positionDependence
        self.body = body
        self.bufferAllocator = bufferAllocator
    }

    /// Where `tinyResultBound` takes over from the ulp budget: exact results of magnitude below it.
    public static let tinyResultLimit = 0x1p-126

    /// Whether one result meets the budget (nil: the kernel promises none).
    public func meetsBudget(_ y: Float, _ r: ReferenceValue) -> Bool? {
        guard let ulpBudget else { return nil }
        if let bound = tinyResultBound, r.hi.isFinite, Swift.abs(r.hi) < Self.tinyResultLimit {
            return y.isFinite && Swift.abs((Double(y) - r.hi) - r.lo) <= bound
        }
        return ULP.error(y, r) <= ulpBudget
    }

    /// Whether measured figures meet the budget (nil: the kernel promises none).
    public func meetsBudget(_ stats: AccuracyStats) -> Bool? {
        guard let ulpBudget else { return nil }
        let withinULPs = stats.maxULPJudged(tinyResultsApart: tinyResultBound != nil) <= ulpBudget
        guard let bound = tinyResultBound else { return withinULPs }
        return withinULPs && (stats.maxTinyResultError ?? 0) <= bound
    }

    /// The budget in words, as `bench list` and the accuracy reports print it.
    public var budgetText: String? {
        guard let ulpBudget else { return nil }
        let ulps = "≤ \(ulpBudget == ulpBudget.rounded() ? String(Int(ulpBudget)) : String(ulpBudget)) ulp"
        guard let bound = tinyResultBound else { return ulps }
        let boundText = bound == Self.tinyResultLimit ? "2^-126" : String(bound)
        return ulps + " where |exact| ≥ 2^-126; |error| ≤ \(boundText) below"
    }

    /// `function/implementation`, the key results and baselines use.
    public var id: String { "\(function.rawValue)/\(implementation)" }

    /// Runs the kernel with the function's parameters (defaults: `KernelParameters()`). Calling an
    /// unavailable kernel is a programming error (it would fault on an illegal instruction), so it
    /// stops here with a message instead.
    public func run(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, count: Int,
                    parameters: KernelParameters = KernelParameters()) {
        precondition(isAvailable, "kernel \(id) needs \(isa), which this CPU lacks")
        body(input, output, count, parameters)
    }
}
