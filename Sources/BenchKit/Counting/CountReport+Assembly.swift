import CKernels
import Foundation

extension CountReport {
    /// Why AVX-512 kernels are never counted: valgrind (3.19 and every release since, to 3.24)
    /// decodes x86 vector instructions up to AVX2 and stops with SIGILL at the first AVX-512 one.
    public static let avx512Reason = "valgrind cannot execute AVX-512 instructions"
    /// Why peers that pick their code by CPUID at run time are not counted: under valgrind, CPUID
    /// reports valgrind's own AVX2 CPU, so the count would be of a path this machine does not run,
    /// under this machine's ISA label.
    public static let runTimeDispatchReason = "picks its code path by CPUID at run time, and valgrind reports another CPU"

    /// Splits a selection into the kernels to count and the implementations left out with a reason:
    /// AVX-512 ones (valgrind cannot run them), peers that dispatch at run time, and ones this CPU
    /// cannot run.
    public static func partition(_ kernels: [Kernel]) -> (counted: [Kernel], excluded: [CountConfiguration.Exclusion]) {
        var counted: [Kernel] = []
        var excluded: [CountConfiguration.Exclusion] = []
        func exclude(_ implementation: String, _ reason: String) {
            if !excluded.contains(where: { $0.implementation == implementation }) {
                excluded.append(.init(implementation: implementation, reason: reason))
            }
        }
        for kernel in kernels {
            if kernel.dispatchesAtRunTime {
                exclude(kernel.implementation, runTimeDispatchReason)
            } else if kernel.isa.hasPrefix("avx512") {
                exclude(kernel.implementation, avx512Reason)
            } else if !kernel.isAvailable {
                exclude(kernel.implementation, "this CPU lacks \(kernel.isa)")
            } else {
                counted.append(kernel)
            }
        }
        return (counted, excluded)
    }

    /// The report from the dumps of a worker run over `kernels`: per kernel, its calls' counts and
    /// the count less the harness's (the empty call of the same shape).
    public static func assemble(dumps: [String: UInt64], kernels: [Kernel], size: Int, repeats: Int,
                                machine: MachineInfo, toolchain: CountToolchain,
                                configuration: (command: String, seed: UInt64, distribution: String, alpha: Float),
                                excluded: [CountConfiguration.Exclusion]) throws(CallgrindRun.RunError) -> CountReport {
        func calls(_ what: String) throws(CallgrindRun.RunError) -> [UInt64] {
            var out: [UInt64] = []
            for r in 1...repeats {
                let label = CountWorker.label(what, repeat: r)
                guard let value = dumps[label] else { throw .missingDump(label: label) }
                out.append(value)
            }
            return out
        }
        var harness: [String: UInt64] = [:]
        for (shape, _) in CountWorker.harnessKernels { harness[shape] = try calls("harness-\(shape)").min() ?? 0 }
        var results: [KernelCount] = []
        for kernel in kernels {
            results.append(KernelCount(function: kernel.function.rawValue, implementation: kernel.implementation,
                                       isa: kernel.isa, size: size, callInstructions: try calls(kernel.id),
                                       harness: harness[CountWorker.shape(of: kernel)] ?? 0))
        }
        let config = CountConfiguration(command: configuration.command, size: size, seed: configuration.seed,
                                        distribution: configuration.distribution, alpha: configuration.alpha,
                                        repeats: repeats, harnessInstructions: harness, excluded: excluded)
        return CountReport(machine: machine, toolchain: toolchain, configuration: config, results: results)
    }
}

extension CountToolchain {
    /// This build's toolchain with the given valgrind version.
    public static func current(valgrindVersion: String) -> CountToolchain {
        CountToolchain(swiftVersion: Machine.swiftCompilerVersion, buildConfiguration: isDebugBuild ? "debug" : "release",
                       swiftTargetCPU: Machine.swiftTargetCPU, valgrindVersion: valgrindVersion,
                       sleefVersion: Machine.sleefVersion, libcVersion: libcVersion)
    }

    /// "glibc 2.36", or "libc unknown" where the C library does not say.
    public static var libcVersion: String { String(cString: ck_libc_version()) }
}
