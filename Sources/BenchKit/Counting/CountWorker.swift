import CKernels
import Foundation
import SwiftKernels

/// The part of `bench count` that runs under callgrind: one uncounted warm-up call per kernel (it
/// resolves lazy symbol bindings and first-use initialisation, which are not the kernel's cost),
/// then `repeats` calls each bracketed by the client requests and dumped under its own label. The
/// empty kernels of each shape go first: their counts are the bracket's own cost.
public struct CountWorker: Sendable {
    public var kernels: [Kernel]
    public var size: Int
    public var distribution: InputDistribution
    public var seed: UInt64
    public var alpha: Float
    public var repeats: Int

    public init(kernels: [Kernel], size: Int, distribution: InputDistribution, seed: UInt64, alpha: Float, repeats: Int) {
        self.kernels = kernels
        self.size = size
        self.distribution = distribution
        self.seed = seed
        self.alpha = alpha
        self.repeats = repeats
    }

    public enum WorkerError: Error, CustomStringConvertible {
        case notUnderValgrind
        case noClientRequests
        case allocation(size: Int)
        public var description: String {
            switch self {
            case .notUnderValgrind:
                return "the count worker runs only under valgrind's callgrind; run `bench count`, which starts it"
            case .noClientRequests:
                return "this bench was built without <valgrind/callgrind.h>, so it cannot bracket kernel calls; "
                    + "install valgrind (scripts/install-deps.sh) and rebuild"
            case .allocation(let size): return "cannot allocate two buffers of \(size) floats"
            }
        }
    }

    /// The empty kernel of each shape: the same `Kernel.run` dispatch and closure call as a real
    /// kernel, with nothing inside. Every kernel has one shape, (input, output, count, parameters).
    public static let harnessKernels: [(shape: String, kernel: Kernel)] = [
        ("kernel", Kernel(function: .sigmoid, implementation: "harness", isa: "none", isAvailable: true, ulpBudget: nil,
                          body: { _, _, _, _ in })),
    ]

    /// The dump label of one counted call: `bench-count:<what>:<repeat>`, where `what` is
    /// `harness-<shape>` or the kernel id. Kernel ids hold no ":".
    public static func label(_ what: String, repeat index: Int) -> String { "bench-count:\(what):\(index)" }

    public static func shape(of kernel: Kernel) -> String { "kernel" }

    /// Counts every kernel; `progress` hears each kernel's id before it runs.
    public func run(progress: (Int, Int, String) -> Void) throws(WorkerError) {
        guard ck_callgrind_built_in() != 0 else { throw .noClientRequests }
        guard ck_running_on_valgrind() != 0 else { throw .notUnderValgrind }
        guard let input = AlignedBuffer(count: size), let output = AlignedBuffer(count: size) else {
            throw .allocation(size: size)
        }
        distribution.fill(input.buffer, seed: seed)
        ck_callgrind_start_instrumentation()

        let items = Self.harnessKernels.map { ("harness-\($0.shape)", $0.kernel) } + kernels.map { ($0.id, $0) }
        let parameters = KernelParameters(alpha: alpha)
        for (index, (what, kernel)) in items.enumerated() {
            progress(index, items.count, what)
            kernel.run(input.pointer, output.pointer, count: size, parameters: parameters)
            for r in 1...repeats {
                Self.label(what, repeat: r).withCString { label in
                    ck_callgrind_begin()
                    kernel.run(input.pointer, output.pointer, count: size, parameters: parameters)
                    ck_callgrind_end(label)
                }
            }
        }
        blackHole(output.buffer)
    }
}
