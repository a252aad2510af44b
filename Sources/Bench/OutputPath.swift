import ArgumentParser
import BenchKit
import Foundation

/// Checks `--output` before any work, so a long run never ends in an unwritable path: exit 73
/// (EX_CANTCREAT), as a failed write at the end would give.
enum OutputPath {
    static func check(_ path: String) throws {
        if let problem = problem(with: path) {
            FileHandle.standardError.write(Data("bench: cannot write --output \(path): \(problem)\n".utf8))
            throw ExitCode(ExitStatus.cantCreate)
        }
    }

    /// Why `path` cannot be written, or nil.
    static func problem(with path: String) -> String? {
        guard !path.isEmpty else { return "the path is empty" }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "directory \(directory) does not exist"
        }
        guard FileManager.default.isWritableFile(atPath: directory) else { return "directory \(directory) is not writable" }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "it is a directory"
        }
        return nil
    }
}

/// Prints or writes a report in the chosen format. Files are written atomically; when a file is
/// written, the table still goes to standard output.
enum ReportOutput {
    static func emit(_ report: ThroughputReport, format: ReportFormat, to path: String?) throws {
        try write(try report.rendered(as: format), to: path, alsoPrint: try report.rendered(as: .table))
    }

    /// Prints `text`, or writes it to `path` atomically and prints `alsoPrint` (the table) instead.
    static func write(_ text: String, to path: String?, alsoPrint: String?) throws {
        guard let path else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            return
        }
        do {
            try writeAtomically(Data(text.utf8), to: path)
        } catch {
            FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
            throw ExitCode(ExitStatus.cantCreate)
        }
        if let alsoPrint { print(alsoPrint, terminator: alsoPrint.hasSuffix("\n") ? "" : "\n") }
        FileHandle.standardError.write(Data("bench: wrote \(path)\n".utf8))
    }
}

extension ThroughputReport {
    /// The report as text in one of the formats.
    func rendered(as format: ReportFormat) throws -> String {
        switch format {
        case .table: return tableText()
        case .json: return String(decoding: try jsonData(), as: UTF8.self)
        case .csv: return csvText()
        case .markdown: return markdownText()
        }
    }
}
