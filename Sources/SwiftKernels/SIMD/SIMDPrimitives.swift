/// The Swift SIMD vector math as array kernels, for the primitives accuracy table: e^x and e^x - 1
/// as the activation kernels compute them (the same functions, in the form this build uses), over
/// the primitives' domains (the clamps the activations apply are applied here too).
public enum SIMDPrimitives {
    /// e^x on [-103.97, 0] (where the activations call it: -|x|, -|w|, -x²/2) as sigmoid's E·2^-24.
    /// The product rounds once more where e^x < 2^-126; the kernels never do (σ divides E).
    public static let exp: UnaryKernel = { input, output, count in
        forEachVector(input, output, count, as: SIMD16<Float>.self) { x in
            (SIMD16<Float>.scaledExp(x.clamped(-103.97208, 0)) * 0x1p-24).propagatingNaN(of: x)
        }
    }

    /// e^x - 1 on [-20, 18.5] (tanh calls it on 2|x| in [0, 18.2], ELU on [-20, 0]).
    public static let expm1: UnaryKernel = { input, output, count in
        forEachVector(input, output, count, as: SIMD16<Float>.self) { x in
            SIMD16<Float>.activationExpm1(x.clamped(-20, 18.5)).propagatingNaN(of: x)
        }
    }
}
