import SwiftKernels

/// One (function, implementation) pair the suite can run: the unit of every table, result and baseline.
public struct Kernel: Sendable {
    /// The callable: unary kernels ignore `alpha`; ELU's uses it.
    public enum Body: Sendable {
        case unary(UnaryKernel)
        case elu(ELUKernel)
    }

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
    /// The library and version the kernel comes from, e.g. `oneDNN 2.6.3 (OpenMP)`; nil for our own.
    public let library: String?
    /// What the kernel computes beyond the formula, or how it runs: the expression a peer is written
    /// as, a floating-point mode it sets, a thread it pins. Shown by `bench list`.
    public let note: String?
    /// Set for a kernel whose result for an element can depend on where the element sits in the
    /// array (a library that computes its remainder with other code than its vector body): the one
    /// clause of the kernel contract such a kernel does not meet, by at most `ulps`. The contract
    /// tests hold it to that bound instead of to bit-for-bit agreement.
    public let positionDependence: PositionDependence?
    /// Whether the kernel's library picks its code path by CPUID when it runs (oneDNN's JIT, XNNPACK,
    /// Highway), rather than the build fixing it: its `isa` is what it chose on this machine.
    public var dispatchesAtRunTime = false
    /// Where the throughput run puts this kernel's buffers; nil (every in-process kernel): the run's own.
    public let bufferAllocator: (any KernelBufferAllocator)?
    let body: Body

    public struct PositionDependence: Sendable {
        public let ulps: Int
        public let reason: String
    }

    public init(function: ActivationFunction, implementation: String, isa: String, isAvailable: Bool,
                ulpBudget: Double?, library: String? = nil, note: String? = nil,
                positionDependence: PositionDependence? = nil, body: Body,
                bufferAllocator: (any KernelBufferAllocator)? = nil) {
        self.function = function
        self.implementation = implementation
        self.isa = isa
        self.isAvailable = isAvailable
        self.ulpBudget = ulpBudget
        self.library = library
        self.note = note
        self.positionDependence = positionDependence
        self.body = body
        self.bufferAllocator = bufferAllocator
    }

    /// `function/implementation`, the key results and baselines use.
    public var id: String { "\(function.rawValue)/\(implementation)" }

    /// Runs the kernel. Calling an unavailable kernel is a programming error (it would fault on an
    /// illegal instruction), so it stops here with a message instead.
    public func run(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, count: Int,
                    alpha: Float = 1) {
        precondition(isAvailable, "kernel \(id) needs \(isa), which this CPU lacks")
        switch body {
        case .unary(let kernel): kernel(input, output, count)
        case .elu(let kernel): kernel(input, output, count, alpha)
        }
    }
}
