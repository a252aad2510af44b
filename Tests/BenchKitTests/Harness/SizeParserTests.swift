import Testing
@testable import BenchKit

@Suite struct SizeParserTests {
    @Test func plainAndSuffixed() throws {
        #expect(try SizeParser.parse("1000") == 1000)
        #expect(try SizeParser.parse("1K") == 1024)
        #expect(try SizeParser.parse("1M") == 1_048_576)
        #expect(try SizeParser.parse("2g") == 2 * 1_073_741_824)
        #expect(try SizeParser.parse("64k") == 65536)
        #expect(try SizeParser.parseList("1K,1M") == [1024, 1_048_576])
    }

    @Test(arguments: ["0", "-1", "", "M", "1.5M", "1MM", "abc", "3G", "99999999999999999999", "1K,,2K", "١٢"])
    func rejects(text: String) {
        #expect(throws: UsageError.self) { try SizeParser.parseList(text) }
    }
}

@Suite struct InputDistributionTests {
    @Test func parsesAndDescribes() throws {
        #expect(try InputDistribution(parsing: "uniform:-10:10") == .uniform(-10, 10))
        #expect(try InputDistribution(parsing: "normal:0:2") == .normal(mean: 0, sigma: 2))
        #expect(InputDistribution.uniform(-10, 10).description == "uniform:-10.0:10.0")
    }

    @Test(arguments: ["uniform:1:1", "uniform:2:1", "normal:0:0", "normal:0:-1", "uniform:a:b", "uniform:0", "laplace:0:1",
                      "uniform:-inf:1", "uniform:nan:1"])
    func rejects(text: String) {
        #expect(throws: UsageError.self) { try InputDistribution(parsing: text) }
    }

    @Test func sameSeedSameInputsWithinRange() {
        let a = AlignedBuffer(count: 1000)!, b = AlignedBuffer(count: 1000)!
        InputDistribution.uniform(-3, 5).fill(a.buffer, seed: 7)
        InputDistribution.uniform(-3, 5).fill(b.buffer, seed: 7)
        #expect(Array(a.buffer) == Array(b.buffer))
        #expect(a.buffer.allSatisfy { $0 >= -3 && $0 < 5 })
        InputDistribution.normal(mean: 1, sigma: 2).fill(b.buffer, seed: 7)
        let mean = b.buffer.reduce(0, +) / 1000
        #expect(abs(mean - 1) < 0.3)
    }

    @Test func bufferIsAligned() {
        let buffer = AlignedBuffer(count: 17)!
        #expect(Int(bitPattern: buffer.pointer) % 64 == 0)
        #expect(AlignedBuffer(count: -1) == nil)
    }
}

@Suite struct HarnessTests {
    @Test func splitsIntoContiguousChunks() {
        #expect(Harness.split(count: 10, parts: 3) == [0..<3, 3..<6, 6..<10])
        #expect(Harness.split(count: 2, parts: 4) == [0..<1, 1..<2])
        #expect(Harness.split(count: 5, parts: 1) == [0..<5])
    }

    @Test func interleavedRunsEveryPieceEveryRound() {
        let harness = Harness(samples: 4, minSampleTime: 0.0005, warmupTime: 0, threads: 1)
        let counter = Counter()
        let pieces = (0..<3).map { id in Harness.Work(count: 100) { _ in counter.add(id) } }
        var rounds: [Int] = []
        let ms = harness.measureInterleaved(pieces) { round, _ in rounds.append(round) }
        #expect(ms.count == 3)
        #expect(ms.allSatisfy { $0.nsPerElement.count == 4 && $0.batch >= 1 })
        #expect(rounds == [1, 2, 3, 4])
        for id in 0..<3 { #expect(counter.calls(id) >= 4 * ms[id].batch) }
    }

    @Test func measuresEveryElementEverySample() {
        let harness = Harness(samples: 3, minSampleTime: 0.001, warmupTime: 0, threads: 2)
        let m = harness.measure(count: 1000) { range in
            var x = 0.0
            for i in range { x += Double(i).squareRoot() }
            if x < 0 { print(x) }
        }
        #expect(m.nsPerElement.count == 3 && m.cyclesPerElement.count == 3)
        #expect(m.batch >= 1)
        #expect(m.nsPerElement.allSatisfy { $0 > 0 })
    }
}

/// Counts calls per piece, from whichever thread makes them.
final class Counter: @unchecked Sendable {
    private var counts: [Int: Int] = [:]
    private let lock = NSLock()
    func add(_ id: Int) { lock.lock(); counts[id, default: 0] += 1; lock.unlock() }
    func calls(_ id: Int) -> Int { lock.lock(); defer { lock.unlock() }; return counts[id, default: 0] }
}

import Foundation
