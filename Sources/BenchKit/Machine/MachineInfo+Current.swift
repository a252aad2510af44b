import CKernels
import Foundation

extension MachineInfo {
    /// This machine and this build, as `bench info` prints and every result records.
    public static func current(date: Date = Date()) -> MachineInfo {
        let features = [("avx2", ck_cpu_has_avx2()), ("avx512f", ck_cpu_has_avx512f())]
            .filter { $0.1 != 0 }.map(\.0)
        let model = Machine.cpuModel
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let widest = features.last ?? "baseline"
        var info = MachineInfo(
            cpuModel: model, cpuFeatures: features, logicalCores: cores,
            os: ProcessInfo.processInfo.operatingSystemVersionString,
            swiftVersion: Machine.swiftCompilerVersion, buildConfiguration: isDebugBuild ? "debug" : "release",
            swiftTargetCPU: Machine.swiftTargetCPU, swiftVectorISA: Machine.swiftVectorISA,
            sleefVersion: Machine.sleefVersion, mpfrVersion: Reference.mpfrVersion,
            gitCommit: Machine.gitCommit, date: ISO8601DateFormatter().string(from: date),
            machineKey: "\(model) | \(widest) | \(cores) cores")
        info.libraries = Registry.standard.libraries
        return info
    }
}

extension Machine {
    /// The compiler that built this binary, to the minor version.
    public static var swiftCompilerVersion: String {
        #if compiler(>=6.4)
        return "6.4 or later"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }

    /// The git commit of the source tree this binary was built from (found beside this source file),
    /// with "+dirty" when it has uncommitted changes; "unknown" outside a checkout.
    public static var gitCommit: String {
        let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        guard let commit = runGit(["rev-parse", "--short=12", "HEAD"], in: sourceDirectory) else { return "unknown" }
        let dirty = runGit(["status", "--porcelain", "--untracked-files=no"], in: sourceDirectory)
        return commit + ((dirty?.isEmpty ?? true) ? "" : "+dirty")
    }

    private static func runGit(_ arguments: [String], in directory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
