import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file could not be written; `description` names the path and the reason.
public struct FileWriteError: Error, Equatable, CustomStringConvertible, LocalizedError {
    public var path: String
    public var reason: String

    public var description: String { "cannot write \(path): \(reason)" }
    public var errorDescription: String? { description }
}

/// Writes `data` to `path` so that a reader sees either the old file or the whole new one, never a
/// part (docs/method.md): the bytes go to a temporary file in the same directory, are flushed, and the
/// temporary file is renamed over the destination (a rename within one file system is atomic).
/// On any failure the temporary file is removed and the destination is left as it was.
///
/// Done with POSIX calls rather than `Data.write(options: .atomic)` so the error can say which path
/// and why, and so the temporary file's name is known here and can always be cleaned up. The file
/// is created with mode 0666 less the umask, like any file the user's tools create.
public func writeAtomically(_ data: Data, to path: String) throws {
    func failure(_ reason: String) -> FileWriteError { FileWriteError(path: path, reason: reason) }
    func errnoText(_ code: Int32) -> String { String(cString: strerror(code)) }

    guard !path.isEmpty else { throw failure("the path is empty") }
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
        throw failure("directory \(directory) does not exist")
    }
    guard isDirectory.boolValue else { throw failure("\(directory) is not a directory") }

    let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: .min ... .max))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard fd >= 0 else {
        throw failure("cannot create a temporary file in \(directory) (\(errnoText(errno)))")
    }
    var written = false
    defer { if !written { unlink(temporary) } }

    let writeError: Int32? = data.withUnsafeBytes { buffer -> Int32? in
        var offset = 0
        while offset < buffer.count {
            let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return fsync(fd) == 0 ? nil : errno
    }
    let closeFailed = close(fd) != 0 ? errno : nil
    if let code = writeError ?? closeFailed { throw failure(errnoText(code)) }

    guard rename(temporary, path) == 0 else { throw failure(errnoText(errno)) }
    written = true
}
