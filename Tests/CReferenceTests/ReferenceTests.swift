import CReference
import Dispatch
import Testing

// Expected double-double values were computed with Python mpmath 1.3 at 400 bits (mp.prec = 400),
// in the same forms as forms.c, as hi = float(r), lo = float(r - hi). The tests themselves need
// no Python.

/// Every function of the table (forms.c), so a new one gets the checks over all of them.
private let allFunctions: [(String, cr_function)] = (0..<cr_function_count()).map { (String(cString: cr_function_name($0)), $0) }

private func named(_ name: String) -> cr_function {
    let f = cr_function_named(name)
    precondition(f >= 0, "no MPFR form named \(name)")
    return f
}

private let CR_SIGMOID = named("sigmoid"), CR_TANH = named("tanh"), CR_ELU = named("elu")
private let CR_GELU_ERF = named("gelu-erf"), CR_GELU_TANH = named("gelu-tanh")
private let CR_EXP = named("exp"), CR_EXPM1 = named("expm1"), CR_ERF = named("erf"), CR_ERFC = named("erfc")

private let fltMax = Float.greatestFiniteMagnitude

/// hi must equal the expected hi exactly (same sign, too), and lo must agree to far better than the
/// 2^-106 relative a double-double carries: 2^-120 relative to hi. A reference that got only the
/// double right, or used 0.044715 rounded to double, fails the lo check.
private func expectDD(
    _ f: cr_function, _ x: Float, alpha: Float = 1, hi: Double, lo: Double,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let r = cr_eval(f, x, alpha)
    #expect(r.hi == hi, "hi \(r.hi) != \(hi)", sourceLocation: sourceLocation)
    #expect(r.hi.sign == hi.sign, "sign of hi", sourceLocation: sourceLocation)
    let tolerance = Swift.max(abs(hi) * 0x1p-120, Double.leastNonzeroMagnitude)
    #expect(abs(r.lo - lo) <= tolerance, "lo \(r.lo) != \(lo)", sourceLocation: sourceLocation)
}

/// The result is exactly the given double, with lo == 0, and the same sign (so zeros are checked).
private func expectExact(
    _ f: cr_function, _ x: Float, alpha: Float = 1, _ value: Double,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let r = cr_eval(f, x, alpha)
    #expect(r.hi == value, "hi \(r.hi) != \(value)", sourceLocation: sourceLocation)
    #expect(r.hi.sign == value.sign, "sign of hi \(r.hi) vs \(value)", sourceLocation: sourceLocation)
    #expect(r.lo == 0, "lo \(r.lo) != 0", sourceLocation: sourceLocation)
}

@Suite struct ReferenceTests {
    @Test func metadata() {
        #expect(cr_precision_bits() == 160)
        let version = String(cString: cr_mpfr_version())
        #expect(version.first?.isNumber == true, "version \(version)")
        #expect(version.split(separator: ".").count >= 2, "version \(version)")
    }

    @Test func tableIsLookedUpByName() {
        #expect(Set(allFunctions.map(\.0)).count == allFunctions.count, "a name listed twice")
        for (name, f) in allFunctions { #expect(cr_function_named(name) == f) }
        #expect(cr_function_named("no-such-function") == -1)
        #expect(cr_function_name(-1) == nil && cr_function_name(cr_function_count()) == nil)
        #expect(cr_eval(-1, 1, 1).hi.isNaN && cr_eval(cr_function_count(), 1, 1).lo.isNaN)
    }

    @Test func exactValues() {
        expectExact(CR_SIGMOID, 0, 0.5)
        expectExact(CR_SIGMOID, -0.0, 0.5)
        expectExact(CR_EXP, 0, 1)
        expectExact(CR_ERFC, 0, 1)
        expectExact(CR_ELU, 2.5, alpha: 7, 2.5)  // positive side is x itself
        expectExact(CR_ELU, 0x1p-149, alpha: 7, 0x1p-149)
    }

    @Test func knownConstants() {
        expectDD(CR_TANH, 0.5, hi: 0x1.d9353d7568af3p-2, lo: 0x1.944a3b887196cp-56)
        expectDD(CR_TANH, -0.5, hi: -0x1.d9353d7568af3p-2, lo: -0x1.944a3b887196cp-56)
        // 0.5*erfc(-1/sqrt2)
        expectDD(CR_GELU_ERF, 1, hi: 0x1.aec4bd120d37dp-1, lo: 0x1.a4bf22e9ef2ddp-56)
        expectDD(CR_GELU_ERF, -3, hi: -0x1.096697b244861p-8, lo: -0x1.3402c6e1b96ebp-64)
        // With 0.044715 exactly. Rounded to double it would give lo = 0x1.e42c8ac4a542fp-55,
        // rounded to float hi = 0x1.aeb0b76fcee19p-1.
        expectDD(CR_GELU_TANH, 1, hi: 0x1.aeb0b772a3ae1p-1, lo: 0x1.e87de6f666799p-55)
        expectDD(CR_GELU_TANH, -3, hi: -0x1.dcc2a011612b9p-9, lo: 0x1.ff0baf6c63e2bp-63)
        expectDD(CR_EXP, 1, hi: 0x1.5bf0a8b145769p+1, lo: 0x1.4d57ee2b1013ap-53)
        expectDD(CR_EXP, 88.5, hi: 0x1.99b987155fe28p+127, lo: -0x1.b4c50eedc40c4p+72)
        expectDD(CR_EXPM1, -1, hi: -0x1.43a54e4e98864p-1, lo: -0x1.ca8a4270fadf5p-57)
        expectDD(CR_ERF, 1, hi: 0x1.af767a741088bp-1, lo: -0x1.c97f778122797p-56)
        expectDD(CR_ERFC, 1, hi: 0x1.4226162fbddd5p-3, lo: -0x1.b40443f6ec34ap-59)
        // 1/(1+e^100): the float result is subnormal, the double is not.
        expectDD(CR_SIGMOID, -100, hi: 0x1.a8c1f14e2af5dp-145, lo: -0x1.43089bb228e2cp-199)
    }

    @Test func eluNegativeSideIsAlphaTimesExpm1() {
        // alpha = 1: exactly expm1(-1).
        let elu = cr_eval(CR_ELU, -1, 1)
        let expm1 = cr_eval(CR_EXPM1, -1, 0)
        #expect(elu.hi == expm1.hi && elu.lo == expm1.lo)
        expectDD(CR_ELU, -1, alpha: 1, hi: -0x1.43a54e4e98864p-1, lo: -0x1.ca8a4270fadf5p-57)
        // alpha = 1.5 is used, not ignored.
        expectDD(CR_ELU, -1, alpha: 1.5, hi: -0x1.e577f575e4c96p-1, lo: -0x1.57e7b1d4bc278p-56)
    }

    @Test func infinities() {
        let inf = Float.infinity
        expectExact(CR_SIGMOID, -inf, 0)
        expectExact(CR_SIGMOID, inf, 1)
        expectExact(CR_TANH, -inf, -1)
        expectExact(CR_TANH, inf, 1)
        expectExact(CR_ELU, -inf, alpha: 1.5, -1.5)
        expectExact(CR_ELU, inf, alpha: 1.5, .infinity)
        expectExact(CR_GELU_ERF, -inf, -0.0)
        expectExact(CR_GELU_ERF, inf, .infinity)
        expectExact(CR_GELU_TANH, -inf, -0.0)
        expectExact(CR_GELU_TANH, inf, .infinity)
        expectExact(CR_EXP, -inf, 0)
        expectExact(CR_EXP, inf, .infinity)
        expectExact(CR_EXPM1, -inf, -1)
        expectExact(CR_EXPM1, inf, .infinity)
        expectExact(CR_ERF, -inf, -1)
        expectExact(CR_ERF, inf, 1)
        expectExact(CR_ERFC, -inf, 2)
        expectExact(CR_ERFC, inf, 0)
    }

    @Test func signedZeros() {
        // f(±0): odd functions keep the sign.
        for (name, f) in [("tanh", CR_TANH), ("elu", CR_ELU), ("gelu_erf", CR_GELU_ERF),
                          ("gelu_tanh", CR_GELU_TANH), ("expm1", CR_EXPM1), ("erf", CR_ERF)] {
            let p = cr_eval(f, 0.0, 1), m = cr_eval(f, -0.0, 1)
            #expect(p.hi == 0 && p.hi.sign == .plus, "\(name)(+0) = \(p.hi)")
            #expect(m.hi == 0 && m.hi.sign == .minus, "\(name)(-0) = \(m.hi)")
            #expect(p.lo == 0 && m.lo == 0, "\(name)(±0) lo")
        }
    }

    @Test func hugeArguments() {
        // MPFR's exponent range must not turn these into anything but overflow/underflow.
        expectExact(CR_EXP, -fltMax, 0)
        expectExact(CR_EXP, fltMax, .infinity)
        expectExact(CR_EXP, 1e30, .infinity)
        expectExact(CR_EXPM1, fltMax, .infinity)
        expectExact(CR_EXPM1, -fltMax, -1)
        expectExact(CR_SIGMOID, -fltMax, 0)
        expectExact(CR_SIGMOID, fltMax, 1)
        expectExact(CR_TANH, -fltMax, -1)
        expectExact(CR_ERFC, 1e38, 0)
        expectExact(CR_ERFC, -fltMax, 2)
        expectExact(CR_ELU, -fltMax, alpha: 2, -2)
        expectExact(CR_ELU, fltMax, Double(fltMax))
        // GELU: the negative side is a negative number far below double's range -> -0.
        for x: Float in [-fltMax, -1e38, -1e30, -1e18, -1e6, -100, -40] {
            let e = cr_eval(CR_GELU_ERF, x, 0), t = cr_eval(CR_GELU_TANH, x, 0)
            #expect(e.hi == 0 && e.hi.sign == .minus, "gelu_erf(\(x)) = \(e.hi)")
            #expect(t.hi == 0 && t.hi.sign == .minus, "gelu_tanh(\(x)) = \(t.hi)")
        }
        for x: Float in [fltMax, 1e38, 1e30, 1e6, 100] {
            expectExact(CR_GELU_ERF, x, Double(x))
            expectExact(CR_GELU_TANH, x, Double(x))
        }
    }

    @Test func underflowKeepsSign() {
        // gelu_erf(-20) ≈ -5.5e-88: negative, in double range, below float's.
        expectDD(CR_GELU_ERF, -20, hi: -0x1.1876296f504b2p-290, lo: 0x1.9a5685faf9959p-345)
        // gelu_erf(-38) ≈ -1.0965e-314: a negative double subnormal.
        let s = cr_eval(CR_GELU_ERF, -38, 0)
        #expect(s.hi < 0 && s.hi.isSubnormal, "gelu_erf(-38) = \(s.hi)")
        #expect(abs(s.hi / -0x1.088p-1043 - 1) < 1e-3, "gelu_erf(-38) = \(s.hi)")   // ≈ -1.0965e-314
        // Further out the double result underflows to -0.
        for x: Float in [-40, -50, -1000] {
            let r = cr_eval(CR_GELU_ERF, x, 0)
            #expect(r.hi == 0 && r.hi.sign == .minus, "gelu_erf(\(x)) = \(r.hi)")
        }
        // gelu_tanh(-30) = -30/(1+e^(~1100)): also -0 in double.
        let t = cr_eval(CR_GELU_TANH, -30, 0)
        #expect(t.hi == 0 && t.hi.sign == .minus, "gelu_tanh(-30) = \(t.hi)")
        // exp of a very negative argument: +0.
        let e = cr_eval(CR_EXP, -800, 0)
        #expect(e.hi == 0 && e.hi.sign == .plus, "exp(-800) = \(e.hi)")
    }

    @Test func nanPropagates() {
        for (name, f) in allFunctions {
            for x in [Float.nan, -Float.nan, Float.signalingNaN] {
                let r = cr_eval(f, x, 1)
                #expect(r.hi.isNaN, "\(name)(nan).hi = \(r.hi)")
                #expect(r.lo.isNaN, "\(name)(nan).lo = \(r.lo)")
            }
        }
        // NaN alpha matters only where alpha is used.
        #expect(cr_eval(CR_ELU, -1, .nan).hi.isNaN)
        #expect(cr_eval(CR_ELU, 1, .nan).hi == 1)
    }

    /// Inputs over every region: grid, subnormals, large values, both signs.
    private static let sweep: [Float] = {
        var xs: [Float] = []
        var x: Float = -60
        while x <= 60 { xs.append(x); x += 0.37 }
        for e in stride(from: -149, through: 127, by: 7) {
            let m = Float(sign: .plus, exponent: e, significand: 1.3)
            xs.append(m); xs.append(-m)
        }
        xs += [0x1p-149, -0x1p-149, Float(bitPattern: 0x007F_FFFF), 88.72283, 88.72284, -87.33654, -103.97208]
        return xs
    }()

    @Test func doubleDoubleInvariant() {
        for (name, f) in allFunctions {
            for x in Self.sweep {
                let r = cr_eval(f, x, 1.5)
                if !r.hi.isFinite {
                    #expect(r.hi.isNaN || r.lo == 0, "\(name)(\(x)) lo with infinite hi")
                    continue
                }
                // lo is at most half an ulp of hi, so hi = RN(hi + lo).
                #expect(abs(r.lo) <= r.hi.ulp / 2, "\(name)(\(x)): hi \(r.hi) lo \(r.lo)")
                #expect(r.hi + r.lo == r.hi, "\(name)(\(x)): hi \(r.hi) lo \(r.lo)")
            }
        }
    }

    @Test func arrayMatchesScalar() {
        let xs = Self.sweep
        for (name, f) in allFunctions {
            var out = [cr_dd](repeating: cr_dd(hi: 7, lo: 7), count: xs.count)
            xs.withUnsafeBufferPointer { xp in
                out.withUnsafeMutableBufferPointer { op in
                    cr_eval_array(f, xp.baseAddress, op.baseAddress, xs.count, 1.5)
                }
            }
            for (i, x) in xs.enumerated() {
                let r = cr_eval(f, x, 1.5)
                #expect(out[i].hi.bitPattern == r.hi.bitPattern && out[i].lo.bitPattern == r.lo.bitPattern,
                        "\(name)(\(x))")
            }
        }
        // n = 0 touches nothing (null pointers allowed).
        cr_eval_array(CR_EXP, nil, nil, 0, 0)
    }

    @Test func concurrentCallsMatchSerial() {
        // Work items over all functions; the slow erf/erfc region is kept small.
        var items: [(cr_function, Float)] = []
        for (_, f) in allFunctions {
            for x in Self.sweep where abs(x) < 8 || !(f == CR_ERF || f == CR_ERFC || f == CR_GELU_ERF) {
                items.append((f, x))
            }
        }
        let serial = items.map { cr_eval($0.0, $0.1, 1.25) }
        let n = items.count
        let results = UnsafeMutableBufferPointer<cr_dd>.allocate(capacity: n * 4)
        defer { results.deallocate() }
        results.initialize(repeating: cr_dd(hi: 0, lo: 0))
        // Each iteration writes its own element; the buffer outlives concurrentPerform.
        nonisolated(unsafe) let base = results.baseAddress!
        let input = items
        // Four passes, interleaved so that different threads work on different functions at once.
        DispatchQueue.concurrentPerform(iterations: n * 4) { k in
            let i = (k * 7919) % (n * 4)
            let (f, x) = input[i % n]
            base[i] = cr_eval(f, x, 1.25)
        }
        var mismatches = 0
        for i in 0..<(n * 4) {
            let a = results[i], b = serial[i % n]
            let same = (a.hi.bitPattern == b.hi.bitPattern || (a.hi.isNaN && b.hi.isNaN))
                && (a.lo.bitPattern == b.lo.bitPattern || (a.lo.isNaN && b.lo.isNaN))
            if !same { mismatches += 1 }
        }
        #expect(mismatches == 0, "\(mismatches) of \(n * 4) concurrent results differ from serial")
    }
}
