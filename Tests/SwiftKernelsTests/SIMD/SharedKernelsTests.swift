import Testing
@testable import SwiftKernels

/// Both tiers list tanh and ELU from SharedKernels: the same results bit for bit, at both widths,
/// and each tier still has all five functions. Their sigmoids are one body that differs in M's
/// ln2 low part, which rounds away where |x| ≤ 10, except where the build reads eight-entry tables
/// only (AVX2), where the fast tier's is its own form.
@Suite struct SharedKernelsTests {
    @Test func bothTiersRunTheSharedBodies() {
        var xs: [Float] = stride(from: Float(-110), through: 110, by: 0.173).map { $0 }
        xs += [.nan, .infinity, -.infinity, 0, -0.0, 0x1p-149, -0x1p-149, .greatestFiniteMagnitude]
        for (accurate, fast) in [(SIMDKernels.simd8, FastKernels.simd8), (SIMDKernels.simd16, FastKernels.simd16)] {
            #expect(Set(accurate.kernels.keys) == ["sigmoid", "tanh", "elu", "gelu-erf", "gelu-tanh"])
            #expect(Set(fast.kernels.keys) == Set(accurate.kernels.keys))
            /// Both tiers' outputs for one function over xs.
            func outputs(_ function: String) -> (accurate: [Float], fast: [Float]) {
                var a = [Float](repeating: 1, count: xs.count), f = [Float](repeating: 2, count: xs.count)
                let parameters = KernelParameters(alpha: 0.75)
                accurate.kernels[function]!.run(xs, &a, xs.count, parameters)
                fast.kernels[function]!.run(xs, &f, xs.count, parameters)
                return (a, f)
            }
            for function in ["tanh", "elu"] {
                let (a, f) = outputs(function)
                #expect(a.map(\.bitPattern) == f.map(\.bitPattern), "\(function)")
            }
            let (a, f) = outputs("sigmoid")
            let near = xs.indices.filter { abs(xs[$0]) <= 10 }
            if SIMDKernels.readsTables || !SIMDKernels.readsEightEntryTables {
                #expect(near.map { a[$0].bitPattern } == near.map { f[$0].bitPattern })
            }
            if SIMDKernels.readsTables {
                #expect(xs.indices.contains { a[$0] != f[$0] }, "the accurate tier's ln2 low part changes no result")
            }
        }
    }

    /// The array kernels run the sigmoid and tanh (both widths) and the fast GELU-erf (16 lanes) in
    /// stages on consecutive vectors (`forEachVector(…, stages:)`; tanh in two pipelines,
    /// `forEachVectorInPairs`) where the build reads tables, and the fast GELU-erf (both widths) in
    /// two stages where it reads only eight-entry tables: the same bits as the one-vector forms.
    @Test func stagedKernelsAreTheVectorFormsBitForBit() {
        var xs: [Float] = stride(from: Float(-110), through: 110, by: 0.0913).map { $0 }
        xs += [.nan, .infinity, -.infinity, 0, -0.0, 0x1p-149, -0x1p-149, .greatestFiniteMagnitude]
        let vector: [String: (SIMD16<Float>) -> SIMD16<Float>] = [
            "tanh": { .fastTanh($0) }, "sigmoid": { .sigmoid($0) }, "fast sigmoid": { .fastSigmoid($0) },
            "fast gelu-erf": { .fastGeluErf($0) },
        ]
        // The 8-lane fast GELU-erf is its own form where the build reads tables (the rational one).
        let vector8: [String: (SIMD8<Float>) -> SIMD8<Float>] = ["fast gelu-erf": { .fastGeluErf($0) }]
        let sets = [("tanh", SIMDKernels.simd8, 8), ("tanh", SIMDKernels.simd16, 16), ("sigmoid", SIMDKernels.simd8, 8),
                    ("sigmoid", SIMDKernels.simd16, 16), ("fast sigmoid", FastKernels.simd8, 8),
                    ("fast sigmoid", FastKernels.simd16, 16), ("fast gelu-erf", FastKernels.simd8, 8),
                    ("fast gelu-erf", FastKernels.simd16, 16)]
        for (name, set, width) in sets {
            let expected = xs.map { x in
                if width == 8, let form = vector8[name] { return form(SIMD8(repeating: x))[0] }
                return vector[name]!(SIMD16(repeating: x))[0]
            }
            var out = [Float](repeating: 1, count: xs.count)
            set.kernels[name.hasPrefix("fast ") ? String(name.dropFirst(5)) : name]!.run(xs, &out, xs.count, KernelParameters(alpha: 1))
            #expect(out.map(\.bitPattern) == expected.map(\.bitPattern), "\(name), \(width) lanes")
        }
    }

    /// ELU with α = 1 runs its own loop, without the multiply: the same bits as the general loop's
    /// form with α = 1, and α ≠ 1 still scales.
    @Test func eluAtAlphaOneIsTheGeneralFormBitForBit() {
        var xs: [Float] = stride(from: Float(-30), through: 5, by: 0.0137).map { $0 }
        xs += [.nan, -.nan, .infinity, -.infinity, 0, -0.0, 0x1p-149, -0x1p-149, -.greatestFiniteMagnitude]
        for set in [SIMDKernels.simd8, SIMDKernels.simd16, FastKernels.simd8, FastKernels.simd16] {
            var one = [Float](repeating: 1, count: xs.count), half = one
            set.kernels["elu"]!.run(xs, &one, xs.count, KernelParameters(alpha: 1))
            set.kernels["elu"]!.run(xs, &half, xs.count, KernelParameters(alpha: 0.5))
            let general = xs.map { x in SIMD16<Float>.fastELU(SIMD16(repeating: x), alpha: 1)[0] }
            #expect(one.map(\.bitPattern) == general.map(\.bitPattern))
            for (x, (y1, yh)) in zip(xs, zip(one, half)) where x < 0 { #expect(yh == y1 * 0.5, "x = \(x)") }
        }
    }
}
