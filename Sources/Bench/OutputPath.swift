import ArgumentParser
import BenchKit
import Foundation

/// Checks `--output` before any work, so a long run never ends in an unwritable path: exit 73
/// (EX_CANTCREAT), as a failed write at the end would give.
enum OutputPath {
    /// With `format`, a name that names a report format must also match it (`checkFormat`); `formats`
    /// are those the command writes (`format`'s type's cases).
    static func check(_ path: String, option: String = "--output", format: String? = nil, formats: [String] = []) throws {
        if let problem = problem(with: path) { try refuse("cannot write \(option) \(path): \(problem)") }
        if let format { try checkFormat(path, format: format, formats: formats, option: option) }
    }

    /// `check` for a command's format option: the formats it writes are the type's cases.
    static func check<F: CaseIterable & RawRepresentable>(_ path: String, format: F) throws where F.RawValue == String {
        try check(path, format: format.rawValue, formats: F.allCases.map(\.rawValue))
    }

    /// Checks a directory bench will create files under (`--results-dir`): it, or the nearest part
    /// of its path that exists, must be a writable directory.
    static func checkDirectory(_ path: String, option: String) throws {
        guard !path.isEmpty else { try refuse("\(option) is empty") }
        // The nearest part that exists as an entry (a link counts, even one to nothing: lstat).
        var existing = URL(fileURLWithPath: path).standardized
        while (try? FileManager.default.attributesOfItem(atPath: existing.path)) == nil && existing.path != "/" {
            existing.deleteLastPathComponent()
        }
        if let problem = directoryProblem(existing.path) { try refuse("cannot write under \(option) \(path): \(problem)") }
    }

    /// An `--output` whose extension names a report format (.json, .csv, .md) must be written in
    /// that format: a table saved as `run.json` is found out only when something reads it, after
    /// the run (an exhaustive one takes a quarter of an hour). Usage error (64) before any work;
    /// other extensions (.txt, none) take any format.
    private static func checkFormat(_ path: String, format: String, formats: [String], option: String) throws {
        guard let wanted = namedFormat(path), wanted != format else { return }
        let advice = formats.contains(wanted) ? "add --format \(wanted), or name the file for the \(format) format"
            : "this command writes no \(wanted) (its formats: \(formats.joined(separator: ", "))); name the file for the \(format) format"
        throw ValidationError("\(option) \(path) names a \(wanted) file but the report's format is \(format): " + advice)
    }

    /// The report format a file name's extension names (.json, .csv, .md, .markdown), or nil.
    static func namedFormat(_ path: String) -> String? {
        ["json": "json", "csv": "csv", "md": "markdown", "markdown": "markdown"][URL(fileURLWithPath: path).pathExtension.lowercased()]
    }

    private static func refuse(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
        throw ExitCode(ExitStatus.cantCreate)
    }

    /// Why `path` cannot be written, or nil.
    static func problem(with path: String) -> String? {
        guard !path.isEmpty else { return "the path is empty" }
        if let problem = directoryProblem(URL(fileURLWithPath: path).deletingLastPathComponent().path) { return problem }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "it is a directory"
        }
        return nil
    }

    /// Why files cannot be created in `directory`, or nil.
    private static func directoryProblem(_ directory: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: directory)) != nil {
                return "\(directory) is a link to a path that does not exist"
            }
            return "directory \(directory) does not exist"
        }
        guard isDirectory.boolValue else { return "\(directory) is a file, not a directory" }
        guard FileManager.default.isWritableFile(atPath: directory) else { return "directory \(directory) is not writable" }
        return nil
    }
}

/// Prints or writes a report in the chosen format. Files are written atomically; when a file is
/// written, the table still goes to standard output.
enum ReportOutput {
    static func emit(_ report: ThroughputReport, format: ReportFormat, to path: String?) throws {
        try write(try report.rendered(as: format), to: path, alsoPrint: try report.rendered(as: .table))
        // JSON and CSV on standard output have no place for the table's WARNING and NOTE lines.
        if path == nil && (format == .json || format == .csv) {
            for line in report.noteLines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
    }

    /// Prints `text`, or writes it to `path` atomically and prints `alsoPrint` (the table) instead.
    /// A write that fails after the work (a full disk; the path is checked before it) still prints
    /// the table and keeps the report in a file of the temporary directory, named on standard
    /// error, before exiting 73: a long run's results are never lost.
    static func write(_ text: String, to path: String?, alsoPrint: String?) throws {
        guard let path else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            return
        }
        if let alsoPrint { print(alsoPrint, terminator: alsoPrint.hasSuffix("\n") ? "" : "\n") }
        do {
            try writeAtomically(Data(text.utf8), to: path)
        } catch {
            let suffix = URL(fileURLWithPath: path).pathExtension
            let kept = FileManager.default.temporaryDirectory
                .appendingPathComponent("bench-report-\(getpid())-\(Int(Date().timeIntervalSince1970))" + (suffix.isEmpty ? "" : "." + suffix)).path
            let rescue = (try? writeAtomically(Data(text.utf8), to: kept)) != nil
                ? "; the report is kept in \(kept)" : "; it could not be kept in \(kept) either"
            FileHandle.standardError.write(Data("bench: \(error)\(rescue)\n".utf8))
            throw ExitCode(ExitStatus.cantCreate)
        }
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
