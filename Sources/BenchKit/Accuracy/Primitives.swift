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

    /// The domain sampled: where the activations call the primitive and its result is finite.
    public var domain: ClosedRange<Float> {
        switch self {
        case .exp: return -103...88.7
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
    /// (u10, and u35 tanh; SLEEF's erfc is u15), and the Swift SIMD vector math (exp and expm1 only:
    /// the Swift tanh is the activation itself, and GELU evaluates erfc in Double inside the kernel).
    public static let all: [PrimitiveKernel] = {
        let glibc: [(Primitive, UnaryKernel)] = [
            (.exp, { i, o, n in for k in 0..<n { o[k] = expf(i[k]) } }),
            (.expm1, { i, o, n in for k in 0..<n { o[k] = expm1f(i[k]) } }),
            (.tanh, { i, o, n in for k in 0..<n { o[k] = tanhf(i[k]) } }),
            (.erf, { i, o, n in for k in 0..<n { o[k] = erff(i[k]) } }),
            (.erfc, { i, o, n in for k in 0..<n { o[k] = erfcf(i[k]) } }),
        ]
        let avx2 = ck_cpu_has_avx2() != 0, avx512 = ck_cpu_has_avx512f() != 0
        func sleef(_ code: Int32, _ isa512: Bool) -> UnaryKernel {
            if isa512 {
                return { input, output, count in ck_primitive_u10_avx512(code, input, output, count) }
            }
            return { input, output, count in ck_primitive_u10_avx2(code, input, output, count) }
        }
        var list = glibc.map { PrimitiveKernel(primitive: $0.0, implementation: "glibc-scalar", isAvailable: true, run: $0.1) }
        let families: [(String, Bool, Bool)] = [("avx512", true, avx512), ("avx2", false, avx2)]
        for (suffix, wide, available) in families {
            list += [
                PrimitiveKernel(primitive: .exp, implementation: "sleef-u10-\(suffix)", isAvailable: available, run: sleef(0, wide)),
                PrimitiveKernel(primitive: .expm1, implementation: "sleef-u10-\(suffix)", isAvailable: available, run: sleef(1, wide)),
                PrimitiveKernel(primitive: .tanh, implementation: "sleef-u10-\(suffix)", isAvailable: available, run: sleef(2, wide)),
                PrimitiveKernel(primitive: .tanh, implementation: "sleef-u35-\(suffix)", isAvailable: available, run: sleef(3, wide)),
                PrimitiveKernel(primitive: .erf, implementation: "sleef-u10-\(suffix)", isAvailable: available, run: sleef(4, wide)),
                PrimitiveKernel(primitive: .erfc, implementation: "sleef-u15-\(suffix)", isAvailable: available, run: sleef(5, wide)),
            ]
        }
        list += [
            PrimitiveKernel(primitive: .exp, implementation: "swift-simd16", isAvailable: true, run: SIMDPrimitives.exp),
            PrimitiveKernel(primitive: .expm1, implementation: "swift-simd16", isAvailable: true, run: SIMDPrimitives.expm1),
        ]
        return list
    }()
}
