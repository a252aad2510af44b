import Foundation

/// The layout of the results directory (documented in results/README.md):
///
///     baselines/<machine-slug>/<name>.json   a run kept as this machine's reference, per name
///     history/<date>-<commit>.json           one file per run, never overwritten
///     latest/<machine-slug>.json             the most recent run per machine
///
/// Baselines are per machine (docs/method.md), so the machine key is part of the path: a baseline can
/// only be found from the machine it was made on, and two machines can share one repository.
public struct ResultsDirectory: Sendable {
    public var root: URL

    public init(path: String) { root = URL(fileURLWithPath: path, isDirectory: true) }

    /// The machine key as a directory name: lowercase ASCII letters and digits, runs of anything else
    /// as one "-" (so "Intel(R) Xeon(R) … | avx512f | 2 cores" → "intel-r-xeon-r-…-avx512f-2-cores").
    public static func slug(_ machineKey: String) -> String {
        var out = ""
        for scalar in machineKey.lowercased().unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty && out.last != "-" {
                out.append("-")
            }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "unknown-machine" : out
    }

    /// Checks a baseline name: letters, digits, ".", "_" and "-", not starting with "." (it becomes a
    /// file name; a "/" or ".." would escape the machine's directory).
    public static func checkBaselineName(_ name: String) throws(UsageError) {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        guard !name.isEmpty, allowed, !name.hasPrefix(".") else {
            throw UsageError("bad baseline name '\(name)'; accepted: letters, digits, '.', '_' and '-', not starting with '.'")
        }
    }

    public func baselinePath(name: String, machineKey: String) -> String {
        root.appendingPathComponent("baselines").appendingPathComponent(Self.slug(machineKey))
            .appendingPathComponent(name + ".json").path
    }

    public func latestPath(machineKey: String) -> String {
        root.appendingPathComponent("latest").appendingPathComponent(Self.slug(machineKey) + ".json").path
    }

    /// history/<UTC date and time>-<commit>.json, e.g. 20250102T030405Z-abc1234.json; a suffix "-2",
    /// "-3"… when a file of that name exists, so no run overwrites another.
    public func newHistoryPath(for report: ThroughputReport) -> String {
        let date = report.machine.date.filter { $0.isNumber || $0 == "T" || $0 == "Z" }
        let commit = Self.slug(report.machine.gitCommit.replacingOccurrences(of: "+", with: "-"))
        let directory = root.appendingPathComponent("history")
        let stem = "\(date.isEmpty ? "undated" : date)-\(commit)"
        var path = directory.appendingPathComponent(stem + ".json").path
        var n = 2
        while FileManager.default.fileExists(atPath: path) {
            path = directory.appendingPathComponent("\(stem)-\(n).json").path
            n += 1
        }
        return path
    }

    /// Writes the report as JSON at `path` atomically, creating the directories on the way.
    public func write(_ report: ThroughputReport, to path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: path, reason: "cannot create directory \(directory.path) (\((error as NSError).localizedFailureReason ?? "\(error)"))")
        }
        try writeAtomically(try report.jsonData(), to: path)
    }
}
