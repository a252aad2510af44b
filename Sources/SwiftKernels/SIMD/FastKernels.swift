/// `swift-simd8-fast` and `swift-simd16-fast`: the fast tier, one generic implementation specialised
/// per width like SIMDKernels. Tanh and ELU are the accurate tier's bodies (SharedKernels; the
/// cheapest forms found within 4 ulp); the sigmoid is its body without ln2's low part where the
/// build reads tables (one FMA fewer; its error grows as x falls), and its own eight-entry form,
/// with ln2 one float too, where the build reads only those; the GELUs are this tier's own:
/// shorter polynomials, subnormal results allowed to flush to 0, and arguments in plain Float (no
/// double-float parts, so GELU-tanh's error grows in its tail); the GELU-erf reads its tail factor
/// from sixteen tables at 16 lanes where the build reads tables, in stages on consecutive vectors,
/// and from eight-entry tables at both widths where the build reads only those (AVX2), in
/// two stages whose second reads its input again (sixteen registers); at 8 lanes the tables are
/// read as memory operands (`withTables`), which leaves the registers to the float constants.
/// The budgets are declared in Registry+Swift.swift.
public enum FastKernels {
    public static let simd8 = make(SIMD8<Float>.self)
    public static let simd16 = make(SIMD16<Float>.self)

    @inline(__always)
    static func make<V: FloatVector>(_: V.Type) -> ActivationKernelSet {
        SharedKernels.set(V.self, adding: [
            "gelu-erf": .kernel { input, output, count, _ in
                if V.readsTables && V.scalarCount == 16 {
                    forEachVector(input, output, count, as: V.self, stages: { V.geluErfStage1($0) },
                                  { V.geluErfStage2($0) }, { V.geluErfStage3($0) }, { $0 })
                } else if !V.readsTables && V.readsEightEntryTables {
                    withTables(V.geluErfEightTables, inMemory: V.scalarCount == 8) { tables in
                        forEachVector(input, output, count, as: V.self, stages: { V.geluErfEightStage1($0) },
                                      { V.geluErfEightStage2($0, $1, tables) })
                    }
                } else {
                    forEachVector(input, output, count, as: V.self) { V.fastGeluErf($0) }
                }
            },
            "gelu-tanh": .kernel { input, output, count, _ in forEachVector(input, output, count, as: V.self) { V.fastGeluTanh($0) } },
            "sigmoid": SharedKernels.sigmoid(V.self, fast: true),
        ])
    }
}
