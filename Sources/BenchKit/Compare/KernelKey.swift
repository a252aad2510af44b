/// What makes two results the same measurement: function, implementation, size and thread count.
/// The ISA is not part of it: a kernel that now runs on another ISA is the same kernel, measured.
public struct KernelKey: Hashable, Comparable, Sendable {
    public var function: String
    public var implementation: String
    public var size: Int
    public var threads: Int

    public init(function: String, implementation: String, size: Int, threads: Int) {
        self.function = function
        self.implementation = implementation
        self.size = size
        self.threads = threads
    }

    public init(_ result: KernelResult) {
        self.init(function: result.function, implementation: result.implementation, size: result.size,
                  threads: result.threads)
    }

    /// "sigmoid/swift-simd16@256K", plus "×2t" when more than one thread: the name in tables and exports.
    public var label: String {
        "\(function)/\(implementation)@\(ThroughputReport.sizeLabel(size))" + (threads == 1 ? "" : "×\(threads)t")
    }

    /// By size, threads, function, implementation: the order the tables are read in.
    public static func < (a: KernelKey, b: KernelKey) -> Bool {
        (a.size, a.threads, a.function, a.implementation) < (b.size, b.threads, b.function, b.implementation)
    }
}
