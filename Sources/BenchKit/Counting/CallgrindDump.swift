import Foundation

/// One callgrind output file as `bench count` reads it: the label its dump was triggered with and
/// its total instruction count (the `summary:` line; with only the Ir event collected, one number).
public struct CallgrindDump: Sendable, Equatable {
    public var label: String
    public var instructions: UInt64

    public init(label: String, instructions: UInt64) {
        self.label = label
        self.instructions = instructions
    }

    static let triggerPrefix = "desc: Trigger: Client Request: "

    /// Parses a dump's text; nil when it is not a client-request dump (the program-termination dump
    /// callgrind writes at exit has no label and is ignored) or has no summary.
    public init?(text: String) {
        var label: String?
        var summary: UInt64?
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix(Self.triggerPrefix) {
                label = String(line.dropFirst(Self.triggerPrefix.count))
            } else if line.hasPrefix("summary:") || (summary == nil && line.hasPrefix("totals:")) {
                let fields = line.split(separator: " ")
                if fields.count >= 2, let value = UInt64(fields[1]) { summary = value }
            }
        }
        guard let label, let summary else { return nil }
        self.init(label: label, instructions: summary)
    }

    /// Every labelled dump among the files in `directory` whose names start with `prefix.`.
    public static func readAll(in directory: URL, prefix: String) throws -> [CallgrindDump] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix(prefix + ".") }
        return try names.compactMap { name in
            CallgrindDump(text: try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        }
    }
}
