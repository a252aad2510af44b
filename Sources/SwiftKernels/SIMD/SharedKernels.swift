/// Tanh and ELU as array kernels at one width: one body each (FloatVector+FastActivations.swift),
/// listed by both tiers, SIMDKernels and FastKernels, whose `make` adds its own sigmoid and GELUs.
/// Each is the cheapest form found within the accurate tier's 4 ulp. Inlined into each `make`, so
/// every closure is specialised per width.
enum SharedKernels {
    @inline(__always)
    static func entries<V: FloatVector>(_: V.Type) -> [String: ActivationKernelSet.Entry] {
        [
            // Tanh's stages run in two pipelines where the build reads tables (zmm: 32 registers);
            // with eight-entry tables (AVX2: 16 ymm registers) in one at 8 lanes, and unstaged at
            // 16, where the two ymm halves of each vector already interleave and a staged loop
            // spills (the 8-lane stages: 1.08× the unstaged loop, results/kernels/avx2-tanh-staged-1M.txt).
            "tanh": .kernel { input, output, count, _ in
                if V.readsTables {
                    forEachVectorInPairs(input, output, count, as: V.self, stages: { V.tanhStage1($0) }, { V.tanhStage2($0) },
                                         { V.tanhStage3($0) }, { V.tanhStage4($0) })
                } else if V.readsEightEntryTables && V.scalarCount == 8 {
                    forEachVector(input, output, count, as: V.self, stages: { V.tanhStage1($0) }, { V.tanhStage2($0) },
                                  { V.tanhStage3($0) }, { V.tanhStage4($0) })
                } else {
                    forEachVector(input, output, count, as: V.self) { V.fastTanh($0) }
                }
            },
            // α = 1, the default, takes a loop without the multiply by α: the same results, about
            // 1.025× as fast at 1M on a Zen 4 VM (results/zen4/ablation-1M.txt).
            "elu": .kernel { input, output, count, parameters in
                let alpha = parameters.alpha
                switch (V.readsTables, alpha == 1) {
                case (true, true):
                    forEachVector(input, output, count, as: V.self, prefetch: true, stages: { V.eluStage1($0) },
                                  { V.eluStage2($0) }, { V.eluStage3($0) }, { V.eluStage4($0) })
                case (true, false):
                    forEachVector(input, output, count, as: V.self, prefetch: true, stages: { V.eluStage1($0) },
                                  { V.eluStage2($0) }, { V.eluStage3($0) }, { V.eluStage4($0, alpha: alpha) })
                case (false, true):
                    forEachVector(input, output, count, as: V.self) { V.fastELU($0) }
                case (false, false):
                    forEachVector(input, output, count, as: V.self) { V.fastELU($0, alpha: alpha) }
                }
            },
        ]
    }

    /// The sigmoid as an array kernel, the accurate tier's or the fast tier's (`fastSigmoid`), in
    /// stages on consecutive vectors: where the build reads no table, the staged loop runs 1.08×
    /// (16 lanes) and 1.01× (8) as fast as the one-vector one in AVX2 builds (results/kernels/README.md).
    @inline(__always)
    static func sigmoid<V: FloatVector>(_: V.Type, fast: Bool) -> ActivationKernelSet.Entry {
        .kernel { input, output, count, _ in
            if V.readsTables {
                forEachVector(input, output, count, as: V.self, prefetch: true, stages: { V.sigmoidStage1($0) },
                              { V.sigmoidStage2($0, ln2Low: !fast) }, { V.sigmoidStage3($0) }, { V.sigmoidStage4($0) })
            } else if fast && V.readsEightEntryTables && V.scalarCount == 8 {
                forEachVector(input, output, count, as: V.self, stages: { V.sigmoidEighthStage1($0) },
                              { V.sigmoidEighthStage2($0) }, { V.sigmoidEighthStage3($0) }, { V.sigmoidEighthStage4($0) })
            } else if fast && V.readsEightEntryTables {
                // 16 lanes, two ymm halves per vector in sixteen registers: the first two stages as
                // one carry fewer vectors, and the loop spills nothing (1.017× the four stages,
                // which spill; at 8 lanes the four stages are the faster: results/kernels/README.md).
                forEachVector(input, output, count, as: V.self, stages: { V.sigmoidEighthStage2(V.sigmoidEighthStage1($0)) },
                              { V.sigmoidEighthStage3($0) }, { V.sigmoidEighthStage4($0) }, { $0 })
            } else {
                forEachVector(input, output, count, as: V.self, stages: { V.sigmoidTableFreeStage1($0) },
                              { V.sigmoidTableFreeStage2($0) }, { V.sigmoidTableFreeStage3($0) }, { V.sigmoidTableFreeStage4($0) })
            }
        }
    }

    /// `entries` and a tier's own kernels in one set (a function listed twice is a programming error).
    @inline(__always)
    static func set<V: FloatVector>(_: V.Type, adding own: [String: ActivationKernelSet.Entry]) -> ActivationKernelSet {
        ActivationKernelSet(entries(V.self).merging(own) { _, _ in preconditionFailure("a function listed twice in a kernel set") })
    }
}
