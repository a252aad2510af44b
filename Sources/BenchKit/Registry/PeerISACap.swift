import CPeers
import HighwayPeer

/// An upper bound on the vector ISA the run-time-dispatching peers choose (oneDNN, XNNPACK,
/// Highway), so that one machine can measure what those libraries run on a narrower CPU: with
/// `avx2` on an AVX-512 machine they take the kernels an AVX2 machine gets. Eigen is compiled into
/// this binary for the build's target CPU (an AVX2 build: `ACTIVATION_BENCH_TARGET_CPU=haswell`),
/// and the vector math families name their ISA in their ids, so neither needs it. The Python peers
/// have no such control in ONNX Runtime, so the cap is not offered with them.
public enum PeerISACap: String, CaseIterable, Sendable {
    case avx2

    /// Applies the cap in this process. oneDNN and XNNPACK fix their choice when first used, so
    /// this runs before any peer kernel (before `Registry.standard`); a library that refuses,
    /// or a Highway target that stays above the cap, is an error rather than an uncapped row.
    public func apply() throws(PeerISACapError) {
        let onednn = cp_onednn_cap_at_avx2()
        guard onednn == 0 else { throw .refused(library: "oneDNN", detail: "dnnl_set_max_cpu_isa returned status \(onednn)") }
        guard cp_xnnpack_cap_at_avx2() == 0 else {
            throw .refused(library: "XNNPACK", detail: "it was initialised before the cap, or cpuinfo could not initialise")
        }
        guard hp_highway_cap_at_avx2() == 0 else {
            throw .refused(library: "Highway", detail: "its dispatch still picks \(String(cString: hp_highway_target())), a static target")
        }
    }
}

public enum PeerISACapError: Error, CustomStringConvertible, Equatable {
    case refused(library: String, detail: String)

    public var description: String {
        switch self {
        case let .refused(library, detail): "--peer-max-isa: \(library) could not be capped (\(detail))"
        }
    }
}
