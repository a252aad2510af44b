/// The Swift SIMD vector math as array kernels, for the primitives accuracy table: e^x and e^x - 1
/// as the activation kernels compute them (the same functions, in the form this build uses), over
/// the primitives' domains (the clamps the activations apply are applied here too).
public enum SIMDPrimitives {
    /// e^x on [-104, 0] (sigmoid calls it on [-104, 60]) as sigmoid's E·2^-25.
    /// The product rounds once more where e^x < 2^-126; the kernels never do (σ divides E).
    public static let exp: UnaryKernel = { input, output, count in
        forEachVector(input, output, count, as: SIMD16<Float>.self) { x in
            (SIMD16<Float>.scaledExp(x.clamped(-104, 0)) * 0x1p-25).propagatingNaN(of: x)
        }
    }

    /// e^x - 1 on [-20, 18.5] (tanh calls it on 2|x| in [0, 18.2], ELU on [-20, 0]).
    public static let expm1: UnaryKernel = { input, output, count in
        forEachVector(input, output, count, as: SIMD16<Float>.self) { x in
            SIMD16<Float>.activationExpm1(x.clamped(-20, 18.5)).propagatingNaN(of: x)
        }
    }
}
