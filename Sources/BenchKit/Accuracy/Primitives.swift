import CKernels
import SwiftKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The primitives the activation kernels are built from, with the implementations of each library
/// the kernels use, so a report can show where an activation's error comes from.
public enum Primitive: String, CaseIterable, Sendable, Codable {
    case exp, expm1, tanh, erf, erfc

    /// The domain sampled: where the activations call the primitive and its result is finite (e^x
    /// on non-positive arguments: -|w| in GELU-tanh, -x²/2 in GELU-erf, and sigmoid's x < 0, where
    /// e^x's error reaches σ undamped; sigmoid's x > 0 scales it by 1 - σ).
    public var domain: ClosedRange<Float> {
        switch self {
        case .exp: return -103...0
        case .expm1: return -20...18.5
        case .tanh: return -9...9
        case .erf: return -4...4
        case .erfc: return -4...10
        }
    }

    var referenceTarget: Reference.Target {
        switch self {
        case .exp: return .exp
        case .expm1: return .expm1
        case .tanh: return .tanh
        case .erf: return .erf
        case .erfc: return .erfc
        }
    }
}

/// One implementation of one primitive.
public struct PrimitiveKernel: Sendable {
    public let primitive: Primitive
    public let implementation: String
    public let isAvailable: Bool
    public let run: UnaryKernel

    /// Every primitive implementation in this binary: glibc's scalar float functions, SLEEF's
    /// (u10, and u35 tanh; SLEEF's erfc is u15), glibc's libmvec vector functions, and the Swift SIMD vector math (exp and expm1 only,
    /// in the forms the kernels use: SIMDPrimitives; the Swift tanh is the activation itself, and the GELUs evaluate their erfc and e^(-v) factors inside the kernel).
    public static let all: [PrimitiveKernel] = {
        let glibc: [(Primitive, UnaryKernel)] = [
            (.exp, { i, o, n in for k in 0..<n { o[k] = expf(i[k]) } }),
            (.expm1, { i, o, n in for k in 0..<n { o[k] = expm1f(i[k]) } }),
            (.tanh, { i, o, n in for k in 0..<n { o[k] = tanhf(i[k]) } }),
            (.erf, { i, o, n in for k in 0..<n { o[k] = erff(i[k]) } }),
            (.erfc, { i, o, n in for k in 0..<n { o[k] = erfcf(i[k]) } }),
        ]
        let avx2 = ck_cpu_has_avx2() != 0, avx512 = ck_cpu_has_avx512f() != 0
        typealias Entry = @Sendable (Int32, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void
        /// One vector math library at one ISA: its primitives by code (CKernels.h), under `names`.
        func library(_ prefix: String, _ suffix: String, available: Bool, _ entry: @escaping Entry,
                     _ names: [(Primitive, Int32, String)]) -> [PrimitiveKernel] {
            names.map { primitive, code, accuracy in
                PrimitiveKernel(primitive: primitive, implementation: "\(prefix)\(accuracy)\(suffix)", isAvailable: available,
                                run: { entry(code, $0, $1, $2) })
            }
        }
        let sleefNames: [(Primitive, Int32, String)] = [(.exp, 0, "-u10"), (.expm1, 1, "-u10"), (.tanh, 2, "-u10"),
                                                        (.tanh, 3, "-u35"), (.erf, 4, "-u10"), (.erfc, 5, "-u15")]
        let libmvecNames: [(Primitive, Int32, String)] = [(.exp, 0, ""), (.expm1, 1, ""), (.tanh, 2, ""), (.erf, 4, ""), (.erfc, 5, "")]
        let libmvec = ck_has_libmvec() != 0
        var list = glibc.map { PrimitiveKernel(primitive: $0.0, implementation: "glibc-scalar", isAvailable: true, run: $0.1) }
        list += library("sleef", "-avx512", available: avx512, { ck_primitive_u10_avx512($0, $1, $2, $3) }, sleefNames)
        list += library("sleef", "-avx2", available: avx2, { ck_primitive_u10_avx2($0, $1, $2, $3) }, sleefNames)
        list += library("glibc-libmvec", "-avx512", available: avx512 && libmvec,
                        { ck_primitive_libmvec_avx512($0, $1, $2, $3) }, libmvecNames)
        list += library("glibc-libmvec", "-avx2", available: avx2 && libmvec,
                        { ck_primitive_libmvec_avx2($0, $1, $2, $3) }, libmvecNames)
        list += [
            PrimitiveKernel(primitive: .exp, implementation: "swift-simd16", isAvailable: true, run: SIMDPrimitives.exp),
            PrimitiveKernel(primitive: .expm1, implementation: "swift-simd16", isAvailable: true, run: SIMDPrimitives.expm1),
        ]
        return list
    }()
}
