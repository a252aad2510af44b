import Foundation
import Testing
import CKernels

/// The instruction sets the SLEEF kernels are built for.
enum ISA: String, Sendable {
    case avx2, avx512

    var isAvailable: Bool {
        switch self {
        case .avx2: ck_cpu_has_avx2() != 0
        case .avx512: ck_cpu_has_avx512f() != 0
        }
    }
}

/// One C kernel with its reference and the error bound it is held to.
struct SleefKernel: Sendable, CustomTestStringConvertible {
    typealias Run = @Sendable (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void

    let name: String
    let reference: @Sendable (Double) -> Double
    /// Max ulp against the Double reference over the grid: the measured figure plus a margin
    /// (SLEEF's u10 primitive <= 1 ulp, u35 <= 3.5, plus the kernel's own roundings).
    let ulpBound: Double
    let run: Run

    var testDescription: String { name }

    func callAsFunction(_ input: [Float]) -> [Float] {
        var out = [Float](repeating: 0, count: input.count)
        input.withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                run(i.baseAddress ?? UnsafePointer(bitPattern: 64)!, o.baseAddress ?? UnsafeMutablePointer(bitPattern: 64)!, input.count)
            }
        }
        return out
    }

    static func all(_ isa: ISA) -> [SleefKernel] {
        switch isa {
        case .avx2:
            [
                SleefKernel(name: "sigmoid_u10_avx2", reference: Reference.sigmoid, ulpBound: 2) { ck_sigmoid_u10_avx2($0, $1, $2, 1) },
                SleefKernel(name: "tanh_u10_avx2", reference: { tanh($0) }, ulpBound: 1.5) { ck_tanh_u10_avx2($0, $1, $2, 1) },
                SleefKernel(name: "tanh_u35_avx2", reference: { tanh($0) }, ulpBound: 3.5) { ck_tanh_u35_avx2($0, $1, $2) },
                SleefKernel(name: "elu_u10_avx2", reference: { Reference.elu($0) }, ulpBound: 1.5) { ck_elu_u10_avx2($0, $1, $2, 1) },
                SleefKernel(name: "gelu_erf_u10_avx2", reference: Reference.geluErf, ulpBound: 2.5) { ck_gelu_erf_u10_avx2($0, $1, $2, 1) },
                SleefKernel(name: "gelu_tanh_u10_avx2", reference: Reference.geluTanh, ulpBound: 2.5) { ck_gelu_tanh_u10_avx2($0, $1, $2, 1) },
            ]
        case .avx512:
            [
                SleefKernel(name: "sigmoid_u10_avx512", reference: Reference.sigmoid, ulpBound: 2) { ck_sigmoid_u10_avx512($0, $1, $2, 1) },
                SleefKernel(name: "tanh_u10_avx512", reference: { tanh($0) }, ulpBound: 1.5) { ck_tanh_u10_avx512($0, $1, $2, 1) },
                SleefKernel(name: "tanh_u35_avx512", reference: { tanh($0) }, ulpBound: 3.5) { ck_tanh_u35_avx512($0, $1, $2) },
                SleefKernel(name: "elu_u10_avx512", reference: { Reference.elu($0) }, ulpBound: 1.5) { ck_elu_u10_avx512($0, $1, $2, 1) },
                SleefKernel(name: "gelu_erf_u10_avx512", reference: Reference.geluErf, ulpBound: 2.5) { ck_gelu_erf_u10_avx512($0, $1, $2, 1) },
                SleefKernel(name: "gelu_tanh_u10_avx512", reference: Reference.geluTanh, ulpBound: 2.5) { ck_gelu_tanh_u10_avx512($0, $1, $2, 1) },
            ]
        }
    }
}
