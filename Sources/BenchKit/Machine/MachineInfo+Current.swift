import BuildStamp
import CKernels
import Foundation

extension MachineInfo {
    /// This machine and this build, as `bench info` prints and every result records.
    public static func current(date: Date = Date()) -> MachineInfo {
        let features = [("avx2", ck_cpu_has_avx2()), ("avx512f", ck_cpu_has_avx512f())]
            .filter { $0.1 != 0 }.map(\.0)
        let model = Machine.cpuModel
        let signature = Machine.cpuSignature
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let widest = features.last ?? "baseline"
        var info = MachineInfo(
            cpuModel: model, cpuFeatures: features, logicalCores: cores,
            os: ProcessInfo.processInfo.operatingSystemVersionString,
            swiftVersion: Machine.swiftCompilerVersion, buildConfiguration: isDebugBuild ? "debug" : "release",
            swiftTargetCPU: Machine.swiftTargetCPU, swiftVectorISA: Machine.swiftVectorISA,
            sleefVersion: Machine.sleefVersion, mpfrVersion: Reference.mpfrVersion,
            gitCommit: Machine.gitCommit, date: ISO8601DateFormatter().string(from: date),
            machineKey: machineKey(cpuModel: model, cpuSignature: signature, widestISA: widest, logicalCores: cores))
        info.cpuSignature = signature
        info.libraries = Registry.standard.libraries
        return info
    }

    /// The key baselines are filed under: "AMD EPYC family 25 model 17 | avx512f | 2 cores". The
    /// family and model are in it because a hypervisor's brand string can be the same on different
    /// microarchitectures ("AMD EPYC" on Zen 3, 4 and 5), whose speeds differ by up to 2×; the
    /// stepping is not, since steppings of one model share the microarchitecture.
    public static func machineKey(cpuModel: String, cpuSignature: String?, widestISA: String, logicalCores: Int) -> String {
        let familyAndModel = cpuSignature.map { $0.components(separatedBy: " stepping ")[0] }
        return ([cpuModel] + (familyAndModel.map { [$0] } ?? [])).joined(separator: " ")
            + " | \(widestISA) | \(logicalCores) cores"
    }

    /// The key a machine had before keys named the family and model: `key` without its
    /// " family F model M"; nil when `key` has none.
    public static func keyWithoutFamilyAndModel(_ key: String) -> String? {
        let parts = key.components(separatedBy: " | ")
        guard let range = parts[0].range(of: #" family \d+ model \d+$"#, options: .regularExpression) else { return nil }
        return ([String(parts[0][..<range.lowerBound])] + parts.dropFirst()).joined(separator: " | ")
    }

    /// The CPU as reports print it: the brand string, with the signature in parentheses where known.
    public var cpuDescription: String { cpuModel + (cpuSignature.map { " (\($0))" } ?? "") }
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
