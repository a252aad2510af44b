import ArgumentParser
import BenchKit
import Foundation

/// Checks `--output` before any work, so a long run never ends in an unwritable path.
enum OutputPath {
    static func check(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("cannot write --output \(path): directory \(directory) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw ValidationError("cannot write --output \(path): directory \(directory) is not writable")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("cannot write --output \(path): it is a directory")
        }
    }
}

/// Prints or writes a report in the chosen format. Files are written atomically; when a file is
/// written, the table still goes to standard output.
enum ReportOutput {
    static func emit(_ report: ThroughputReport, format: ReportFormat, to path: String?) throws {
        try write(try report.rendered(as: format), to: path, alsoPrint: format == .table ? nil : try report.rendered(as: .table))
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
            throw ExitCode(73)   // EX_CANTCREAT
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
