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
        let u35 = KernelFamily(kernels: [
            Kernel(function: .tanh, implementation: "c-sleef-u35-avx512", isa: "avx512f", isAvailable: avx512,
                   ulpBudget: 3.5, library: sleef, body: { i, o, n, _ in ck_tanh_u35_avx512(i, o, n) }),
            Kernel(function: .tanh, implementation: "c-sleef-u35-avx2", isa: "avx2", isAvailable: avx2,
                   ulpBudget: 3.5, library: sleef, body: { i, o, n, _ in ck_tanh_u35_avx2(i, o, n) }),
        ])
        var families = [
            family(vectorMathSet("u10", "avx512"), implementation: "c-sleef-u10-avx512", isa: "avx512f",
                   isAvailable: avx512, library: sleef) { u10Budgets[$0] },
            family(vectorMathSet("u10", "avx2"), implementation: "c-sleef-u10-avx2", isa: "avx2",
                   isAvailable: avx2, library: sleef) { u10Budgets[$0] },
            u35,
        ]
        if ck_has_libmvec() != 0 {
            let glibc = "glibc libmvec \(String(cString: ck_glibc_version()))"
            families += [
                family(vectorMathSet("libmvec", "avx512"), implementation: "c-libmvec-avx512", isa: "avx512f",
                       isAvailable: avx512, library: glibc) { _ in nil },
                family(vectorMathSet("libmvec", "avx2"), implementation: "c-libmvec-avx2", isa: "avx2",
                       isAvailable: avx2, library: glibc) { _ in nil },
            ]
        }
        return families
    }

    /// SLEEF u10's budget per function; a function not listed promises nothing.
    static let u10Budgets: [ActivationFunction: Double] = [
        .sigmoid: 3, .tanh: 1.5, .elu: 2, .geluErf: 4, .geluTanh: 3,
    ]

    /// The ids of CK_VECMATH_FUNCTIONS (CKernels.h), the functions the C families implement.
    static var vectorMathFunctions: [String] {
        var ids: [String] = []
        while let id = ck_vecmath_function(Int32(ids.count)) { ids.append(String(cString: id)) }
        return ids
    }

    /// One C family as a kernel set: each function of CK_VECMATH_FUNCTIONS, looked up once here, so
    /// a call is the closure and the C call through the pointer it holds.
    static func vectorMathSet(_ family: String, _ isa: String) -> ActivationKernelSet {
        var kernels: [String: ActivationKernelSet.Entry] = [:]
        for id in vectorMathFunctions {
            guard let kernel = ck_vecmath_kernel(family, isa, id) else { continue }
            kernels[id] = .kernel { kernel($0, $1, $2, $3.alpha) }
        }
        return ActivationKernelSet(kernels)
    }
}
