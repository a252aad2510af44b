import Foundation

/// Why a report file could not be loaded: missing, unreadable, or not a valid report of this schema.
/// The cases map to distinct exit codes (66 missing, 65 invalid) so a script can tell a path typo
/// from a broken or outdated file.
public enum ReportFileError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case invalid(path: String, ReportError)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such file"
        case .unreadable(let path, let reason): return "\(path): cannot read (\(reason))"
        case .invalid(let path, let error): return "\(path): \(error)"
        }
    }

    public var errorDescription: String? { description }
}

extension ReportFileError {
    /// The bytes of the file at `path`, or why not. A pipe or device (`/dev/stdin`, a process
    /// substitution) is read to its end.
    static func read(path: String) throws(ReportFileError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path: path) }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "it is a directory") }
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        if type != nil && type != .typeRegular {
            guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path, reason: "cannot open it") }
            defer { try? handle.close() }
            do { return try handle.readToEnd() ?? Data() } catch {
                throw .unreadable(path: path, reason: (error as NSError).localizedFailureReason ?? "\(error)")
            }
        }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedFailureReason ?? "\(error)")
        }
    }
}

extension ThroughputReport {
    /// Reads and decodes the report at `path`, naming the path in every error.
    public static func load(path: String) throws(ReportFileError) -> ThroughputReport {
        let data = try ReportFileError.read(path: path)
        do { return try decode(from: data) } catch let error as ReportError { throw .invalid(path: path, error) } catch {
            throw .invalid(path: path, .malformed("\(error)"))
        }
    }
}
