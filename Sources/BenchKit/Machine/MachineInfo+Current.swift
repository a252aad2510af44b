import BuildStamp
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

    /// The git commit of the sources this binary was built from, recorded when it was built, with
    /// "+dirty" when a file under Sources/ (tracked or new) or Package.swift had uncommitted changes
    /// then; "unknown" when built outside a checkout.
    public static var gitCommit: String { BuildStamp.commit }
}
