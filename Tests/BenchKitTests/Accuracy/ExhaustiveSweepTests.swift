import Foundation
import SwiftKernels
import Testing
@testable import BenchKit

/// The sweep core: which bit patterns a domain holds, and groups over different domains in one sweep.
@Suite struct ExhaustiveSweepTests {
    static let domains: [ClosedRange<Float>] = [
        -1...1, 0...2, -0.0...0, -3...(-1), 0x1p-140...0x1p-120, -.infinity...(.infinity), -0.0...5, -5...(-0.0), 1...1,
    ]

    @Test(arguments: domains)
    func patternRangesHoldExactlyTheDomain(domain: ClosedRange<Float>) {
        let ranges = ExhaustiveSweep.patternRanges(of: domain)
        #expect(ranges.count <= 2)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound }, "ascending, apart")
        // Every pattern near a boundary of the domain, of the encoding and of zero, and a seeded sprinkle.
        var probes: [UInt32] = [0, 0x8000_0000, 0x7f80_0000, 0xff80_0000, 0x7fc0_0000, 0xffff_ffff]
        for edge in [domain.lowerBound, domain.upperBound, 0] {
            for p in [edge.bitPattern, (-edge).bitPattern] { probes += (0...8).map { p &- 4 &+ $0 } }
        }
        var generator = SeededGenerator(seed: 3)
        probes += (0..<10_000).map { _ in UInt32(truncatingIfNeeded: generator.next()) }
        for bits in probes {
            let inside = domain.contains(Float(bitPattern: bits))
            #expect(ranges.contains { $0.contains(bits) } == inside, "\(domain): 0x\(String(bits, radix: 16))")
        }
    }

    @Test func groupsOverDifferentDomainsEachSeeTheirOwnInputs() {
        // Two chunks around 1: one group over [0.999, 1.001], one over every input.
        let patterns: ClosedRange<UInt32> = 0x3f7f_8000...0x3f80_7fff
        let copy: UnaryKernel = { i, o, n in for k in 0..<n { o[k] = i[k] } }
        let narrow: ClosedRange<Float> = 0.999...1.001
        let sweep = ExhaustiveSweep(groups: [
            .init(reference: DoubleReference(.tanh), domain: narrow, kernels: [copy]),
            .init(reference: DoubleReference(.exp), domain: nil, kernels: [copy, copy]),
        ], patterns: patterns)
        let outcome = sweep.run()
        let expected = patterns.filter { narrow.contains(Float(bitPattern: $0)) }.count
        #expect(outcome.inputsVisited == [expected, patterns.count])
        #expect(outcome.stats.map { $0.map { $0.count } } == [[expected], [patterns.count, patterns.count]])
        // x - tanh x grows with x: the copy's worst input is the top of its group's domain, not of the slice.
        #expect(outcome.stats[0][0].maxULPInput == narrow.upperBound)
    }

    @Test func chunksOutsideEveryDomainAreSkipped() {
        let counter = ChunkCounter()
        let sweep = ExhaustiveSweep(groups: [.init(reference: DoubleReference(.erf), domain: 2...2.001, kernels: [])],
                                    patterns: 0x3f00_0000...0x40ff_ffff)
        let outcome = sweep.run { _, total in counter.note(total) }
        #expect(outcome.inputsVisited == [Int((2.001 as Float).bitPattern - (2 as Float).bitPattern) + 1])
        #expect(counter.totals == [1])
    }
}

/// The chunk totals a sweep's progress reported.
private final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var totals: Set<Int> = []

    func note(_ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        totals.insert(total)
    }
}
