import Testing
@testable import BenchKit
import SwiftKernels

/// The kernel contract (docs/architecture.md) for every available kernel, peers and plugins included: any count, any alignment, in place.
/// Each variant's results must equal, bit for bit, the results of one aligned out-of-place call over
/// the same values: a kernel's lanes do not depend on where an element sits.
@Suite struct KernelContractTests {
    static let counts = [0, 1, 7, 15, 16, 17, 33, 1_000_003]
    static let allKernels = AccuracyFixture.availableKernels

    static func inputs(_ count: Int) -> [Float] {
        var generator = SeededGenerator(seed: UInt64(count) &+ 17)
        return (0..<count).map { _ in Float.random(in: -12...12, using: &generator) }
    }

    /// Out of place, from an aligned array: the results the variants must reproduce.
    func expected(_ kernel: Kernel, _ xs: [Float]) -> [Float] {
        var out = [Float](repeating: 0, count: xs.count)
        xs.withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                if xs.count > 0 { kernel.run(i.baseAddress!, o.baseAddress!, count: xs.count, parameters: KernelParameters(alpha: 1.5)) }
            }
        }
        return out
    }

    func bitwiseEqual(_ a: ArraySlice<Float>, _ b: ArraySlice<Float>) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    /// Bit for bit, or within the declared ulps for a kernel that declares position dependence.
    func agree(_ kernel: Kernel, _ a: ArraySlice<Float>, _ b: ArraySlice<Float>) -> Bool {
        guard let allowed = kernel.positionDependence?.ulps else { return bitwiseEqual(a, b) }
        return a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.bitPattern == y.bitPattern || (x.isFinite && y.isFinite && abs(Int64(x.bitPattern) - Int64(y.bitPattern)) <= allowed)
        }
    }

    @Test(arguments: allKernels)
    func tailsAlignmentAndInPlace(id: String) throws {
        let kernel = AccuracyFixture.kernel(id)
        try #require(kernel.isAvailable)
        let guardValue: Float = 12345.5
        for count in Self.counts {
            let xs = Self.inputs(count)
            let want = expected(kernel, xs)
            // Unaligned: input and output one float past an aligned start, guards on both sides.
            var source = [Float](repeating: 0, count: count + 2)
            source.replaceSubrange(1..<(count + 1), with: xs)
            var destination = [Float](repeating: guardValue, count: count + 2)
            source.withUnsafeBufferPointer { s in
                destination.withUnsafeMutableBufferPointer { d in
                    kernel.run(s.baseAddress! + 1, d.baseAddress! + 1, count: count, parameters: KernelParameters(alpha: 1.5))
                }
            }
            #expect(destination[0] == guardValue && destination[count + 1] == guardValue, "\(id) n=\(count) wrote outside")
            #expect(agree(kernel, destination[1..<(count + 1)], want[...]), "\(id) n=\(count) unaligned differs")
            // In place, unaligned.
            var buffer = source
            buffer.withUnsafeMutableBufferPointer { b in
                kernel.run(UnsafePointer(b.baseAddress! + 1), b.baseAddress! + 1, count: count, parameters: KernelParameters(alpha: 1.5))
            }
            #expect(agree(kernel, buffer[1..<(count + 1)], want[...]), "\(id) n=\(count) in place differs")
            #expect(buffer[0] == 0 && buffer[count + 1] == 0, "\(id) n=\(count) in place wrote outside")
        }
    }

    @Test(arguments: allKernels)
    func elementsDoNotDependOnTheirPosition(id: String) throws {
        let kernel = AccuracyFixture.kernel(id)
        try #require(kernel.isAvailable)
        let xs = Self.inputs(40)
        let whole = expected(kernel, xs)
        for (i, x) in xs.enumerated() {
            let one = expected(kernel, [x])
            #expect(agree(kernel, one[...], whole[i...i]), "\(id): element \(i) differs alone")
        }
    }

    /// Eigen's declared exceptions are real and within their bounds, at the inputs where
    /// scripts/peers/eigen_position.c found the largest differences: the result alone (Eigen's
    /// scalar path) against the same input in a 64-byte aligned array of 16 (its vector path).
    @Test(arguments: [
        ("sigmoid/cpp-eigen", Float(-0x1.07659cp+6)), ("elu/cpp-eigen", Float(-0x1.bb67b8p-23)),
    ])
    func eigensPositionDependenceIsAsDeclared(id: String, x: Float) throws {
        let kernel = AccuracyFixture.kernel(id)
        let allowed = try #require(kernel.positionDependence?.ulps)
        let run = { (n: Int) in AlignedBuffer.outputs(over: [Float](repeating: x, count: n)) { kernel.run($0, $1, count: $2) }[0] }
        let alone = run(1), packed = run(16)   // alpha 1, as the script ran
        let distance = abs(Int64(alone.bitPattern) - Int64(packed.bitPattern))
        #expect(distance > 0 && distance <= Int64(allowed), "\(id) at \(x): alone \(alone), in a vector \(packed)")
    }

    /// Eigen's AVX-512 packet logistic flushes a subnormal result to 0 where its scalar one does not;
    /// its AVX2 one does not flush (scripts/peers/eigen_position.c on each build), and the
    /// declaration says so only where it does.
    @Test func eigensVectorSigmoidFlushesOnlyWhereDeclared() {
        let kernel = AccuracyFixture.kernel("sigmoid/cpp-eigen")
        let x: Float = -0x1.5ebb86p+6
        let run = { (n: Int) in AlignedBuffer.outputs(over: [Float](repeating: x, count: n)) { kernel.run($0, $1, count: $2) }[0] }
        let declared = kernel.positionDependence?.reason.contains("flushes") == true
        #expect(declared == kernel.isa.hasPrefix("avx512"), "ISA \(kernel.isa)")
        #expect(run(1) > 0)
        if declared { #expect(run(16) == 0) } else { #expect(run(16) > 0) }
    }
}
