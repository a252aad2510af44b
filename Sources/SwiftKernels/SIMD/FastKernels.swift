/// `swift-simd8-fast` and `swift-simd16-fast`: the fast tier, one generic implementation specialised
/// per width like SIMDKernels. Shorter polynomials, subnormal results allowed to flush to 0, and
/// GELU arguments in plain Float (no double-float parts, so GELU-tanh's error grows in its tail);
/// the budgets they are held to are declared in Registry+Swift.swift.
public enum FastKernels {
    public static let simd8 = make(SIMD8<Float>.self)
    public static let simd16 = make(SIMD16<Float>.self)

    @inline(__always)
    static func make<V: FloatVector>(_: V.Type) -> ActivationKernelSet {
        ActivationKernelSet(
            sigmoid: { input, output, count in forEachVector(input, output, count, as: V.self) { V.fastSigmoid($0) } },
            tanh: { input, output, count in forEachVector(input, output, count, as: V.self) { V.fastTanh($0) } },
            elu: { input, output, count, alpha in
                forEachVector(input, output, count, as: V.self) { V.fastELU($0, alpha: alpha) }
            },
            geluErf: { input, output, count in forEachVector(input, output, count, as: V.self) { V.fastGeluErf($0) } },
            geluTanh: { input, output, count in forEachVector(input, output, count, as: V.self) { V.fastGeluTanh($0) } }
        )
    }
}
