import CKernels
import CPeers
import EigenPeer
import HighwayPeer

extension Registry {
    /// The peers linked in-process: oneDNN, XNNPACK, Eigen and Highway, each called the way an
    /// application calls it, on one thread. None promises an ulp bound here: their accuracy is
    /// measured, and a bad figure is a finding, not something to correct.
    static func peerKernels() -> [KernelFamily] {
        let onednn = codedFamily(
            implementation: "c-onednn", library: "oneDNN \(String(cString: cp_onednn_version()))",
            isAvailable: true,
            provides: { cp_onednn_status($0.code) == 0 },
            lacking: { _ in "oneDNN could not create the primitive (or onednn.c maps no algorithm to it)" },
            isa: { String(cString: cp_onednn_impl($0.code)) },
            note: { _ in "eltwise forward-inference primitive; OpenMP team of 1 thread; --peer-max-isa avx2 or ONEDNN_MAX_CPU_ISA caps the ISA it dispatches to" }
        ) { cp_onednn($0, $1, $2, $3, $4) }
        let xnnpack = codedFamily(
            implementation: "c-xnnpack", library: "XNNPACK (Debian snapshot 2022-02-16)", isAvailable: true,
            provides: { cp_xnnpack_provides($0.code) != 0 && cp_xnnpack_status($0.code) == 0 },
            lacking: { _ in "this XNNPACK has no f32 operator for it" },
            isa: { _ in xnnpackISA },
            note: { _ in "xnn_run_operator, no thread pool; flushes subnormals (FTZ/DAZ) during each call" }
        ) { cp_xnnpack($0, $1, $2, $3, $4) }
        let eigen = codedFamily(
            implementation: "cpp-eigen", library: "Eigen \(String(cString: ep_eigen_version()))", isAvailable: true,
            provides: { ep_eigen_expression($0.code).pointee != 0 }, lacking: { _ in "eigen.cpp has no expression for it" },
            isa: { _ in eigenISA }, note: { String(cString: ep_eigen_expression($0.code)) },
            positionDependence: { function in
                // Eigen computes the elements before the output's first aligned packet and after its
                // last whole packet with its scalar functions, other formulas than the packet ones.
                // The ulps are scripts/peers/eigen_position.c's figures over every float (AVX-512 and
                // AVX2 builds); only the AVX-512 packet logistic flushes subnormal results.
                let edges = "Eigen computes the elements before the first aligned vector and after the last whole one with its scalar"
                switch function {
                case .sigmoid:
                    let flush = eigenISA.hasPrefix("avx512")
                        ? "; for x in [-104, -87.3] its vector logistic flushes the result to 0 and the scalar one does not" : ""
                    return Kernel.PositionDependence(ulps: 4, reason: edges + " logistic" + flush)
                case .elu: return Kernel.PositionDependence(ulps: 2, reason: edges + " expm1")
                default: return nil
                }
            }
        ) { ep_eigen($0, $1, $2, $3, $4) }
        let highway = codedFamily(
            implementation: "cpp-highway", library: "Highway \(String(cString: hp_highway_version()))",
            isAvailable: true,
            provides: { hp_highway_provides($0.code) != 0 },
            lacking: { $0 == .geluErf ? "Highway's contrib math has no erf" : "highway.cpp does not compose it" },
            isa: { _ in String(cString: hp_highway_target()).lowercased() },
            note: { String(cString: hp_highway_expression($0.code)) }
        ) { hp_highway($0, $1, $2, $3, $4) }
        return [onednn.dispatchingAtRunTime(), xnnpack.dispatchingAtRunTime(), eigen, highway.dispatchingAtRunTime()]
    }

    /// XNNPACK has no API that names the micro-kernels it chose; its initialisation takes the widest
    /// of AVX-512 F, AVX2, AVX, SSE4.1 and SSE2 that cpuinfo reports for sigmoid and ELU, so this
    /// reads the same flags (after `--peer-max-isa`, if given) and names the first two.
    static var xnnpackISA: String { String(cString: cp_xnnpack_isa()) }

    /// The widest vector ISA the Eigen peer was compiled for (its target's macros).
    static var eigenISA: String { String(cString: ep_eigen_isa()) }
}
