/// The kernel contract (docs/architecture.md): read `count` floats from `input`, write `count` floats to `output`.
/// Any count including 0, any alignment, and `input == output` (in place) are accepted; tails shorter
/// than a vector are handled inside the kernel. A kernel never allocates, locks or prints.
/// `UnaryKernel` is that contract without parameters: the primitives (exp, expm1) as array kernels.
public typealias UnaryKernel = @Sendable (_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, _ count: Int) -> Void

/// Every activation kernel's one shape: the contract of `UnaryKernel` plus the parameter set, which a
/// function without parameters ignores.
public typealias ActivationKernel = @Sendable (_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, _ count: Int,
                                               _ parameters: KernelParameters) -> Void

/// The functions' parameters, one set for every kernel (a function reads the ones its definition
/// names, e.g. ELU's `alpha`). Passed by value in registers: a field more costs a kernel call nothing.
public struct KernelParameters: Sendable, Hashable {
    /// ELU's slope on the negative side.
    public var alpha: Float

    public init(alpha: Float = 1) {
        self.alpha = alpha
    }
}

/// The kernels of one implementation family, by function id (`sigmoid`, `gelu-erf`, ...: the ids of
/// `bench list`). A family lacking a function simply has no entry; the registry lists that pair as
/// not provided. Written as a dictionary literal: `["sigmoid": .kernel { input, output, count, _ in ... }]`.
public struct ActivationKernelSet: Sendable, ExpressibleByDictionaryLiteral {
    /// One kernel. The struct is what keeps the call direct: a closure stored as such in a generic
    /// container (a dictionary, an array) is kept at the container's abstraction and reached through
    /// reabstraction thunks on every call; inside a struct it keeps its own calling convention.
    public struct Entry: Sendable {
        public let run: ActivationKernel

        public static func kernel(_ run: @escaping ActivationKernel) -> Entry { Entry(run: run) }
    }

    public let kernels: [String: Entry]

    public init(_ kernels: [String: Entry]) {
        self.kernels = kernels
    }

    public init(dictionaryLiteral elements: (String, Entry)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, _ in preconditionFailure("a function listed twice in a kernel set") }))
    }

    /// The kernel of the function with this id, or nil when the family has none.
    public subscript(function: String) -> ActivationKernel? { kernels[function]?.run }

    /// The function ids the family covers.
    public var functions: Set<String> { Set(kernels.keys) }
}

/// Constants of the GELU formulas, shared by every Swift implementation.
public enum GELUConstants {
    /// √(2/π), the scale inside the tanh approximation.
    public static let sqrtTwoOverPi: Double = 0.79788456080286535587989211986876
    /// The cubic coefficient of the tanh approximation (Hendrycks & Gimpel).
    public static let cubic: Double = 0.044715
    /// 1/√2, which turns GELU's x into erf's argument.
    public static let inverseSqrtTwo: Double = 0.70710678118654752440084436210485
}

/// Applies a scalar function element by element; the loop the scalar families share.
@inline(__always)
func mapScalars(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, _ count: Int,
                _ body: (Float) -> Float) {
    var i = 0
    while i < count {
        output[i] = body(input[i])
        i += 1
    }
}
