/// `swift-simd8` and `swift-simd16`: pure Swift over SIMD8<Float> / SIMD16<Float>, one generic
/// implementation specialised per width. No libm call in the vector body; the only C is CLanes'
/// table lookup, inlined to one permute.
///
/// `make(_:)` is called with a concrete type inside this module, so the optimiser specialises each
/// closure for that width; callers in other modules only see the closures.
///
/// Tanh and ELU have one body each, listed by both tiers (SharedKernels.swift; the bodies in
/// FloatVector+FastActivations.swift); the sigmoid's body (FloatVector+Activations.swift) is listed
/// by each tier's `make` through SharedKernels.sigmoid, this one with ln2's low part. Over all
/// 2^32 inputs sigmoid, tanh and ELU are within 2.99, 3.50 and 2.77 ulp with tables
/// (results/accuracy-exhaustive.txt) and 3.49, 3.54 and 0.95 in AVX2 builds, where tanh reads
/// eight-entry tables and the others none (`readsTables`, `readsExpm1Table`;
/// results/kernels/avx2-exhaustive.txt), subnormal results included, inside this tier's 4-ulp
/// budget. The GELUs are this tier's own (FloatVector+GELU.swift).
public enum SIMDKernels {
    /// Whether this build's sigmoid, tanh and ELU (both tiers) read tables of 2^(j/32) and
    /// 2^(j/16): true where a lookup is one instruction (AVX-512F with VL; FloatVector+TableExp.swift).
    public static var readsTables: Bool { SIMD16<Float>.readsTables }
    /// Whether this build reads eight-entry tables (AVX2), which tanh and the fast GELU-erf do
    /// where it reads no larger ones.
    public static var readsEightEntryTables: Bool { SIMD16<Float>.readsEightEntryTables }

    public static let simd8 = make(SIMD8<Float>.self)
    public static let simd16 = make(SIMD16<Float>.self)

    @inline(__always)
    static func make<V: FloatVector>(_: V.Type) -> ActivationKernelSet {
        SharedKernels.set(V.self, adding: [
            "gelu-erf": .kernel { input, output, count, _ in forEachVector(input, output, count, as: V.self) { V.geluErfLanes($0) } },
            "gelu-tanh": .kernel { input, output, count, _ in forEachVector(input, output, count, as: V.self) { V.geluTanhLanes($0) } },
            "sigmoid": SharedKernels.sigmoid(V.self, fast: false),
        ])
    }
}
