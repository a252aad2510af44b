import Testing
@testable import SwiftKernels

/// The array loops: every element written once, nothing past the end, the tail through a padded
/// vector, and, for the staged loops (four stages in one pipeline, with and without a prefetch,
/// and in two; two stages whose second reads its input again), the stages' composition on every
/// vector, in place as well.
@Suite struct VectorLoopTests {
    static let counts = [0, 1, 7, 15, 16, 17, 33, 47, 48, 49, 64, 100]
    /// Around eight vectors of 8 and 16 lanes (where two pipelines start) and odd and even vector
    /// counts beyond, with and without a tail.
    static let pairedCounts = counts + [63, 65, 79, 80, 81, 127, 128, 129, 143, 144, 150, 160, 161, 200, 257]

    /// Runs `loop` from a copy of xs into a buffer one longer than xs, or over that buffer in place.
    func run(_ xs: [Float], inPlace: Bool, _ loop: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void) -> [Float] {
        var out = inPlace ? xs + [-1] : [Float](repeating: -1, count: xs.count + 1)
        out.withUnsafeMutableBufferPointer { o in
            if inPlace {
                loop(UnsafePointer(o.baseAddress!), o.baseAddress!, xs.count)
            } else {
                xs.withUnsafeBufferPointer { i in loop(i.baseAddress ?? UnsafePointer(o.baseAddress!), o.baseAddress!, xs.count) }
            }
        }
        return out
    }

    @Test func loopCoversEveryCountWithoutTouchingMore() {
        for count in Self.counts {
            let xs = (0..<count).map { Float($0) }
            let out = run(xs, inPlace: false) { forEachVector($0, $1, $2, as: SIMD16<Float>.self) { $0 * 2 } }
            #expect(Array(out[0..<count]) == xs.map { $0 * 2 })
            #expect(out[count] == -1)
        }
    }

    enum StagedLoop: CaseIterable { case onePipeline, onePipelinePrefetching, twoPipelines }

    /// Each stage changes the value its own way and passes a tag along, so a stage skipped, repeated
    /// or applied to another vector's state shows in the result.
    @Test(arguments: [8, 16], StagedLoop.allCases)
    func stagedLoopComposesTheStagesOnEveryVector(width: Int, loop: StagedLoop) {
        func staged<V: FloatVector>(_: V.Type, _ i: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) {
            switch loop {
            case .onePipeline:
                forEachVector(i, o, n, as: V.self, stages: { ($0, $0 * 3) }, { ($0.0, $0.1 + 1) }, { ($0.0, $0.1 * $0.1) },
                              { $0.1 - $0.0 })
            case .onePipelinePrefetching:
                forEachVector(i, o, n, as: V.self, prefetch: true, stages: { ($0, $0 * 3) }, { ($0.0, $0.1 + 1) },
                              { ($0.0, $0.1 * $0.1) }, { $0.1 - $0.0 })
            case .twoPipelines:
                forEachVectorInPairs(i, o, n, as: V.self, stages: { ($0, $0 * 3) }, { ($0.0, $0.1 + 1) }, { ($0.0, $0.1 * $0.1) },
                                     { $0.1 - $0.0 })
            }
        }
        for count in Self.pairedCounts {
            for inPlace in [false, true] {
                let xs = (0..<count).map { Float($0) - 20 }
                let out = run(xs, inPlace: inPlace) { i, o, n in
                    width == 8 ? staged(SIMD8<Float>.self, i, o, n) : staged(SIMD16<Float>.self, i, o, n)
                }
                #expect(Array(out[0..<count]) == xs.map { (3 * $0 + 1) * (3 * $0 + 1) - $0 },
                        "count \(count), in place \(inPlace), \(loop)")
                #expect(out[count] == -1)
            }
        }
    }

    /// Stage 2 gets the state stage 1 made of the same vector and that vector's input: read again,
    /// before any store reaches it, so in place as well.
    @Test(arguments: [8, 16])
    func twoStageLoopGivesTheSecondStageItsOwnInput(width: Int) {
        func staged<V: FloatVector>(_: V.Type, _ i: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) {
            forEachVector(i, o, n, as: V.self, stages: { ($0 * 3, $0 + 1) }, { $0.0 * $0.1 - $1 })
        }
        for count in Self.counts + [2, 8, 9, 24, 31, 32, 65, 129] {
            for inPlace in [false, true] {
                let xs = (0..<count).map { Float($0) - 20 }
                let out = run(xs, inPlace: inPlace) { i, o, n in
                    width == 8 ? staged(SIMD8<Float>.self, i, o, n) : staged(SIMD16<Float>.self, i, o, n)
                }
                #expect(Array(out[0..<count]) == xs.map { 3 * $0 * ($0 + 1) - $0 }, "count \(count), in place \(inPlace)")
                #expect(out[count] == -1)
            }
        }
    }

    /// A loop reads the same tables through `withTables` whether they are held in memory or not.
    @Test(arguments: [false, true])
    func withTablesHandsTheLoopItsTables(inMemory: Bool) {
        let tables = (SIMD8<Int32>(10, 11, 12, 13, 14, 15, 16, 17), SIMD8<Int32>(20, 21, 22, 23, 24, 25, 26, 27))
        let xs = (0..<37).map { Float($0 % 8) }
        let out = run(xs, inPlace: false) { i, o, n in
            withTables(tables, inMemory: inMemory) { t in
                forEachVector(i, o, n, as: SIMD8<Float>.self) { x in
                    let index = SIMD8<Int32>(x.rounded(.towardZero))
                    return SIMD8<Float>(SIMD8.lookup8(t.pointee.0, index) &+ SIMD8.lookup8(t.pointee.1, index))
                }
            }
        }
        #expect(Array(out[0..<37]) == xs.map { 30 + 2 * $0 }, "in memory \(inMemory)")
        #expect(out[37] == -1)
    }
}
