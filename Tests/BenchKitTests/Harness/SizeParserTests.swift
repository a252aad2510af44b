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

    @Test(arguments: ["0", "-1", "", "M", "1.5M", "1MM", "abc", "3G", "99999999999999999999", "1K,,2K", "١٢", "4K,4K", "1K,1024"])
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
