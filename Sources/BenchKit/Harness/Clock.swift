import CKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two clocks a sample reads: a monotonic wall clock (ns) and the timestamp counter (ticks).
/// The TSC counts at a constant rate on current x86 CPUs, not core cycles, so "cycles/element" is
/// TSC ticks per element: comparable across kernels in one run, not a core-cycle count under turbo.
public enum Clock {
    @inline(__always)
    public static func nanoseconds() -> UInt64 { read(CLOCK_MONOTONIC) }

    @inline(__always)
    public static func ticks() -> UInt64 { ck_rdtsc() }

    /// CPU time this thread has run, in ns. Under a hypervisor that accounts steal time (this VM
    /// reports it in /proc/stat), time the host took the vCPU away is not counted here, nor is time
    /// another task held the CPU: wall time minus this is time the thread was not running.
    @inline(__always)
    public static func threadCPUNanoseconds() -> UInt64 { read(CLOCK_THREAD_CPUTIME_ID) }

    @inline(__always)
    private static func read(_ clock: clockid_t) -> UInt64 {
        var ts = timespec()
        clock_gettime(clock, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}

/// Whether this binary was built without optimisation: SIMD code there runs 10–300× slower,
/// so the benchmark refuses to time it unless forced.
public var isDebugBuild: Bool {
    #if DEBUG
    return true
    #else
    return false
    #endif
}
