import ArgumentParser
import BenchKit
import Foundation

/// The exit codes of `bench compare`, `bench export` and `bench --baseline`, from sysexits.h where one
/// fits, so a CI script can tell a regression from a broken input. Documented in results/README.md
/// and in `bench compare --help`.
enum ExitStatus {
    /// Something regressed (timing beyond the threshold, or accuracy).
    static let regressed: Int32 = 1
    /// EX_USAGE: a bad option value (threshold, baseline name, file counts).
    static let usage: Int32 = 64
    /// EX_DATAERR: a file that is not a valid report, or of another schema version.
    static let dataError: Int32 = 65
    /// EX_NOINPUT: a report or baseline file that does not exist or cannot be read.
    static let noInput: Int32 = 66
    /// The reports come from different machine keys and --force was not given.
    static let machineMismatch: Int32 = 67
    /// EX_UNAVAILABLE: a peer (`--peers python`) could not start, or failed during the run.
    static let peerUnavailable: Int32 = 69

    static let helpText = """
        Exit status: 0 nothing regressed; 1 a kernel regressed (timing beyond the threshold, or max ulp \
        rose); 64 usage error; 65 malformed report or other schema version; 66 missing or unreadable \
        file; 67 reports from different machines (refused without --force); 73 output not writable.
        """

    /// Prints `error` as one line on standard error and returns the exit code it maps to; errors
    /// this does not know are passed on unchanged for ArgumentParser to report.
    static func exit(for error: any Error) -> any Error {
        let code: Int32
        switch error {
        case let error as ReportFileError:
            if case .invalid = error { code = dataError } else { code = noInput }
        case let error as CompareError:
            if case .machineMismatch = error { code = machineMismatch } else { code = dataError }
        case is UsageError:
            code = usage
        default:
            return error
        }
        FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
        return ExitCode(code)
    }

    /// Runs `body`, turning the errors above into their exit codes.
    static func mapping<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw exit(for: error) }
    }
}
