/// The Swift SIMD vector math as array kernels, for the primitives accuracy table: e^x and e^x - 1
/// exactly as the activation kernels call them, over the domains they are called on (the clamps
/// the activations apply are applied here too, so inputs outside give the clamped value).
public enum SIMDPrimitives {
    /// e^x on [-105, 88.72] (sigmoid calls it on [-105, 0]).
    public static let exp: UnaryKernel = { input, output, count in
        forEachVector(input, output, count, as: SIMD16<Float>.self) { x in
            SIMD16<Float>.exp(x.clamped(-105, 88.72)).propagatingNaN(of: x)
        }
    }

    /// e^x - 1 on [-20, 18.5] (tanh calls it on [0, 18.2], ELU on [-20, 0]).
    public static let expm1: UnaryKernel = { input, output, count in
        forEachVector(input, output, count, as: SIMD16<Float>.self) { x in
            SIMD16<Float>.expm1(x.clamped(-20, 18.5)).propagatingNaN(of: x)
        }
    }
}
