import Foundation
import Testing
@testable import BenchKit

/// `Kernel.bufferAllocator`: the throughput run hands such a kernel buffers from its allocator, one
/// pair per allocator per size, with the same seeded input as the built-in kernels read.
@Suite struct ThroughputRunAllocatedBuffersTests {
    /// Hands out AlignedBuffers and remembers where, counting the live ones.
    final class RecordingAllocator: KernelBufferAllocator, @unchecked Sendable {
        let lock = NSLock()
        var ranges: [(start: UnsafeMutablePointer<Float>, count: Int)] = []
        var live = 0

        func allocateBuffer(count: Int) throws -> KernelBuffer {
            let storage = AlignedBuffer(count: count)!
            lock.withLock { ranges.append((storage.pointer, count)); live += 1 }
            return KernelBuffer(pointer: storage.pointer, count: count) { [self] in
                withExtendedLifetime(storage) {}
                lock.withLock { live -= 1 }
            }
        }

        func owns(_ p: UnsafePointer<Float>, count: Int) -> Bool {
            lock.withLock { ranges.contains { UnsafePointer($0.start) <= p && p + count <= UnsafePointer($0.start + $0.count) } }
        }
    }

    /// Records, per call, whether the allocator owned both buffers and what the input held.
    final class Seen: @unchecked Sendable {
        let lock = NSLock()
        var ownedBoth: [Bool] = []
        var firstInputs: [[Float]] = []
    }

    @Test func kernelsWithAnAllocatorReadTheSameSeededInputFromIt() throws {
        let allocator = RecordingAllocator()
        let seen = Seen(), builtIn = Seen()
        let size = 64
        let peer = Kernel(function: .sigmoid, implementation: "py-test", isa: "test", isAvailable: true, ulpBudget: nil,
                          body: { input, output, count, _ in
                              seen.lock.withLock {
                                  seen.ownedBoth.append(allocator.owns(input, count: count) && allocator.owns(output, count: count))
                                  seen.firstInputs.append(Array(UnsafeBufferPointer(start: input, count: count)))
                              }
                          }, bufferAllocator: allocator)
        let native = Kernel(function: .sigmoid, implementation: "swift-test", isa: "test", isAvailable: true, ulpBudget: nil,
                            body: { input, output, count, _ in
                                builtIn.lock.withLock {
                                    builtIn.ownedBoth.append(allocator.owns(input, count: count) || allocator.owns(output, count: count))
                                    builtIn.firstInputs.append(Array(UnsafeBufferPointer(start: input, count: count)))
                                }
                            })
        let harness = Harness(samples: 2, minSampleTime: 0.0002, warmupTime: 0, threads: 1)
        let run = ThroughputRun(kernels: [native, peer], sizes: [size], harness: harness,
                                distribution: .uniform(-3, 3), seed: 9)
        let output = try run.run()
        #expect(output.results.map(\.implementation) == ["memcpy", "swift-test", "py-test"])
        #expect(!seen.ownedBoth.isEmpty && seen.ownedBoth.allSatisfy { $0 })
        #expect(builtIn.ownedBoth.allSatisfy { !$0 })
        var expected = [Float](repeating: 0, count: size)
        expected.withUnsafeMutableBufferPointer { InputDistribution.uniform(-3, 3).fill($0, seed: 9) }
        #expect(seen.firstInputs.first == expected)
        #expect(builtIn.firstInputs.first == expected)
        #expect(allocator.ranges.count == 2)  // one input, one output
        #expect(allocator.live == 0)          // both released when the size was done
    }
}
