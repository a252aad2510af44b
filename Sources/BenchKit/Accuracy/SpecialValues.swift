/// The special-value checks of docs/method.md: NaN, ±inf, ±0, subnormal inputs and saturation.
public enum SpecialValues {
    /// Name and input. Exact ones must match the correctly rounded value bit for bit (sign of zero
    /// included); subnormal inputs must be within the kernel's budget (`Kernel.meetsBudget`; 1 ulp when it has none).
    static let exact: [(String, Float)] = [
        ("NaN", .nan), ("+inf", .infinity), ("-inf", -.infinity), ("+0", 0), ("-0", -0.0),
        ("+max (saturation)", .greatestFiniteMagnitude), ("-max (saturation)", -.greatestFiniteMagnitude),
    ]
    static let subnormal: [(String, Float)] = [
        ("+min subnormal", .leastNonzeroMagnitude), ("-min subnormal", -.leastNonzeroMagnitude),
        ("+subnormal 2^-140", 0x1p-140), ("-subnormal 2^-140", -0x1p-140),
    ]

    public static func verdicts(for kernel: Kernel, alpha: Float) -> [SpecialValueVerdict] {
        let all = exact + subnormal
        let run = AccuracyRun(sample: AccuracySample(inputs: all.map(\.1)), alpha: alpha)
        let outputs = run.run(kernel)
        return zip(all, outputs).enumerated().map { index, pair in
            let ((name, x), y) = pair
            let r = Reference.evaluate(.activation(kernel.function), x, alpha: alpha)
            let expected = r.roundedToFloat
            let pass: Bool
            if index < exact.count {
                pass = (y.isNaN && expected.isNaN) || (y == expected && y.sign == expected.sign)
            } else {
                pass = kernel.meetsBudget(y, r) ?? (ULP.error(y, r) <= 1)
            }
            return SpecialValueVerdict(name: name, input: x.hexDescription, output: y.hexDescription,
                                       expected: expected.hexDescription, pass: pass)
        }
    }
}

extension Float {
    /// A C99 hex float ("0x1.8p+3", "-0x0p+0", "inf", "nan"), the exact form reports print inputs in.
    /// A NaN keeps its sign ("-nan", as C's printf writes it): kernels differ in the NaN they return.
    public var hexDescription: String {
        if isNaN { return sign == .minus ? "-nan" : "nan" }
        if isInfinite { return self < 0 ? "-inf" : "inf" }
        let sign = self.sign == .minus ? "-" : ""
        if self == 0 { return sign + "0x0p+0" }
        let magnitude = Swift.abs(self)
        if magnitude.isSubnormal {
            // 0x0.xxxxxxp-126: the 23 fraction bits, shifted to whole hex digits.
            let fraction = magnitude.bitPattern << 1
            return sign + "0x0." + String(fraction, radix: 16).leftPadded(to: 6) + "p-126"
        }
        let fraction = (magnitude.bitPattern & 0x7f_ffff) << 1
        var digits = String(fraction, radix: 16).leftPadded(to: 6)
        while digits.hasSuffix("0") { digits.removeLast() }
        let exponent = Int(magnitude.exponent)
        return sign + "0x1" + (digits.isEmpty ? "" : "." + digits) + "p" + (exponent >= 0 ? "+" : "") + String(exponent)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
