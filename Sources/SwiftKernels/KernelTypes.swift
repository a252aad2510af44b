/// The kernel contract (docs/architecture.md): read `count` floats from `input`, write `count` floats to `output`.
/// Any count including 0, any alignment, and `input == output` (in place) are accepted; tails shorter
/// than a vector are handled inside the kernel. A kernel never allocates, locks or prints.
public typealias UnaryKernel = @Sendable (_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, _ count: Int) -> Void

/// ELU's kernel shape: the contract of `UnaryKernel` plus the slope `alpha` of the negative side.
public typealias ELUKernel = @Sendable (_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, _ count: Int, _ alpha: Float) -> Void

/// The five activation kernels of one implementation family.
public struct ActivationKernelSet: Sendable {
    public let sigmoid: UnaryKernel
    public let tanh: UnaryKernel
    public let elu: ELUKernel
    public let geluErf: UnaryKernel
    public let geluTanh: UnaryKernel

    public init(sigmoid: @escaping UnaryKernel, tanh: @escaping UnaryKernel, elu: @escaping ELUKernel,
                geluErf: @escaping UnaryKernel, geluTanh: @escaping UnaryKernel) {
        self.sigmoid = sigmoid
        self.tanh = tanh
        self.elu = elu
        self.geluErf = geluErf
        self.geluTanh = geluTanh
    }
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
