import ArgumentParser
import BenchKit
import Foundation

/// The exit codes of `bench compare`, `bench export`, `bench rejudge` and `bench --baseline` (and of
/// every command given an unusable `--plugin`), from sysexits.h where one fits, so a CI script can
/// tell a regression from a broken input. Documented in results/README.md and in `bench compare --help`.
enum ExitStatus {
    /// Something regressed (timing beyond the threshold, or accuracy).
    static let regressed: Int32 = 1
    /// `bench accuracy`: a kernel that declares a budget is out of it.
    static let outOfBudget: Int32 = 1
    /// EX_USAGE: a bad option value (threshold, baseline name, file counts).
    static let usage: Int32 = 64
    /// EX_DATAERR: a file that is not a valid report, or of another schema version, or (`bench
    /// rejudge`) one without the samples and probe readings re-judging needs; a `--plugin` file
    /// bench cannot use (not a shared library, no entry point, another ABI, a bad declaration), so
    /// that a CI script never reads a broken plugin as a regression (1).
    static let dataError: Int32 = 65
    /// EX_NOINPUT: a report or baseline file that does not exist or cannot be read.
    static let noInput: Int32 = 66
    /// The reports come from different machine keys (timings) or toolchains (instruction counts)
    /// and --force was not given.
    static let machineMismatch: Int32 = 67
    /// EX_UNAVAILABLE: something the command needs outside bench is missing or failed: valgrind
    /// for `bench count`, the Python peers' worker for `--peers python`.
    static let unavailable: Int32 = 69
    /// One report holds timings, the other instruction counts.
    static let measureMismatch: Int32 = 68
    /// EX_SOFTWARE: the count worker under valgrind failed.
    static let countFailed: Int32 = 70
    /// EX_CANTCREAT: `--output` cannot be written (checked before any work, and again on writing).
    static let cantCreate: Int32 = 73
    /// EX_CONFIG: `bench count` in a build for target CPU `native`.
    static let notCountable: Int32 = 78

    static let helpText = """
        Exit status: 0 nothing regressed; 1 a kernel regressed (timing beyond the threshold, max ulp \
        rose, or instructions per element rose beyond the threshold); 64 usage error; 65 malformed or \
        truncated report, or other schema version; 66 missing or unreadable file; 67 reports from different machines, or count reports from different toolchains (refused \
        without --force); 68 one report holds timings and the other instruction counts; 73 output not writable.
        """

    /// Prints `error` as one line on standard error and returns the exit code it maps to; errors
    /// this does not know are passed on unchanged for ArgumentParser to report.
    static func exit(for error: any Error) -> any Error {
        let code: Int32
        switch error {
        case let error as ReportFileError:
            switch error {
            case .invalid(_, .wrongMeasure): code = measureMismatch
            case .invalid: code = dataError
            default: code = noInput
            }
        case let error as CompareError:
            switch error {
            case .machineMismatch, .toolchainMismatch: code = machineMismatch
            case .measureMismatch: code = measureMismatch
            default: code = dataError
            }
        case is RejudgeError:
            code = dataError
        case is UsageError:
            code = usage
        case let error as PluginError:
            if case .notFound = error { code = usage } else { code = dataError }
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
