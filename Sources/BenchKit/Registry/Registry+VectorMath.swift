import CKernels
import SwiftKernels

extension Registry {
    /// The vector math families, SLEEF's and glibc's libmvec, one per ISA, each available only where
    /// the CPU has that ISA. Both compute the same careful forms (vecmath_kernels_template.h).
    /// SLEEF budgets: the primitive's promise (u10: 1 ulp; SLEEF's erfc is u15) plus the activation's
    /// own roundings, measured over all 2^32 inputs (see results/). libmvec promises no ulp bound per
    /// function in its documentation that this suite could hold it to, so it has no budget: its
    /// accuracy is measured, as a peer's is.
    static func vectorMathKernels() -> [KernelFamily] {
        let avx2 = ck_cpu_has_avx2() != 0
        let avx512 = ck_cpu_has_avx512f() != 0
        let sleef = "SLEEF \(String(cString: ck_sleef_version()))"
        let u10Budget: (ActivationFunction) -> Double? = { function in
            switch function {
            case .sigmoid: return 3
            case .tanh: return 1.5
            case .elu: return 2
            case .geluErf: return 4
            case .geluTanh: return 3
            }
        }
        let u10avx2 = ActivationKernelSet(
            sigmoid: { ck_sigmoid_u10_avx2($0, $1, $2) }, tanh: { ck_tanh_u10_avx2($0, $1, $2) },
            elu: { ck_elu_u10_avx2($0, $1, $2, $3) }, geluErf: { ck_gelu_erf_u10_avx2($0, $1, $2) },
            geluTanh: { ck_gelu_tanh_u10_avx2($0, $1, $2) })
        let u10avx512 = ActivationKernelSet(
            sigmoid: { ck_sigmoid_u10_avx512($0, $1, $2) }, tanh: { ck_tanh_u10_avx512($0, $1, $2) },
            elu: { ck_elu_u10_avx512($0, $1, $2, $3) }, geluErf: { ck_gelu_erf_u10_avx512($0, $1, $2) },
            geluTanh: { ck_gelu_tanh_u10_avx512($0, $1, $2) })
        let u35 = KernelFamily(kernels: [
            Kernel(function: .tanh, implementation: "c-sleef-u35-avx512", isa: "avx512f", isAvailable: avx512,
                   ulpBudget: 3.5, library: sleef, body: .unary { ck_tanh_u35_avx512($0, $1, $2) }),
            Kernel(function: .tanh, implementation: "c-sleef-u35-avx2", isa: "avx2", isAvailable: avx2,
                   ulpBudget: 3.5, library: sleef, body: .unary { ck_tanh_u35_avx2($0, $1, $2) }),
        ])
        var families = [
            family(u10avx512, implementation: "c-sleef-u10-avx512", isa: "avx512f", isAvailable: avx512,
                   library: sleef, budget: u10Budget),
            family(u10avx2, implementation: "c-sleef-u10-avx2", isa: "avx2", isAvailable: avx2,
                   library: sleef, budget: u10Budget),
            u35,
        ]
        let libmvec = ck_has_libmvec() != 0
        if libmvec {
            let glibc = "glibc libmvec \(String(cString: ck_glibc_version()))"
            let mvecAVX2 = ActivationKernelSet(
                sigmoid: { ck_sigmoid_libmvec_avx2($0, $1, $2) }, tanh: { ck_tanh_libmvec_avx2($0, $1, $2) },
                elu: { ck_elu_libmvec_avx2($0, $1, $2, $3) }, geluErf: { ck_gelu_erf_libmvec_avx2($0, $1, $2) },
                geluTanh: { ck_gelu_tanh_libmvec_avx2($0, $1, $2) })
            let mvecAVX512 = ActivationKernelSet(
                sigmoid: { ck_sigmoid_libmvec_avx512($0, $1, $2) }, tanh: { ck_tanh_libmvec_avx512($0, $1, $2) },
                elu: { ck_elu_libmvec_avx512($0, $1, $2, $3) }, geluErf: { ck_gelu_erf_libmvec_avx512($0, $1, $2) },
                geluTanh: { ck_gelu_tanh_libmvec_avx512($0, $1, $2) })
            families += [
                family(mvecAVX512, implementation: "c-libmvec-avx512", isa: "avx512f", isAvailable: avx512,
                       library: glibc) { _ in nil },
                family(mvecAVX2, implementation: "c-libmvec-avx2", isa: "avx2", isAvailable: avx2,
                       library: glibc) { _ in nil },
            ]
        }
        return families
    }
}
