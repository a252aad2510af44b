import SwiftKernels
import CKernels

/// Facts about this machine and build that results record and the registry needs.
public enum Machine {
    /// The -target-cpu the Swift kernels were compiled with (Package.swift, ACTIVATION_BENCH_TARGET_CPU).
    public static var swiftTargetCPU: String { String(cString: ck_build_target_cpu()) }

    /// The widest vector ISA the Swift SIMD kernels use. With `native` that is this CPU's widest; with
    /// an explicit target it is named by the target, and unknown targets are reported as such.
    public static var swiftVectorISA: String {
        let target = swiftTargetCPU
        if target == "native" {
            if ck_cpu_has_avx512f() != 0 { return "avx512f" }
            if ck_cpu_has_avx2() != 0 { return "avx2" }
            return "sse2"
        }
        if target == "none" || target.isEmpty { return "sse2" }
        return "target-cpu=\(target)"
    }

    /// Which exponential this build's Swift sigmoid, tanh and ELU use (docs/architecture.md).
    public static var swiftExpForm: String {
        if SIMDKernels.readsTables { return "32- and 16-entry tables (one-instruction lookups)" }
        return SIMDKernels.readsEightEntryTables ? "8-entry tables for tanh and the fast GELU-erf, table-free polynomials elsewhere"
            : "table-free polynomial"
    }

    /// The CPU's brand string.
    public static var cpuModel: String {
        var buffer = [CChar](repeating: 0, count: 64)
        return buffer.withUnsafeMutableBufferPointer { String(cString: ck_cpu_model($0.baseAddress, $0.count)) }
    }

    /// The CPU's family, model and stepping as /proc/cpuinfo prints them, "family 25 model 17
    /// stepping 1" (cpuid leaf 1); nil without x86 CPUID.
    public static var cpuSignature: String? {
        var family: Int32 = 0, model: Int32 = 0, stepping: Int32 = 0
        guard ck_cpu_signature(&family, &model, &stepping) != 0 else { return nil }
        return "family \(family) model \(model) stepping \(stepping)"
    }

    public static var sleefVersion: String { String(cString: ck_sleef_version()) }
}
