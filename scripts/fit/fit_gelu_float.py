#!/usr/bin/env python3
"""Float32 coefficients and constants for the accurate tier's GELU kernels (Sources/SwiftKernels/SIMD/
FloatVector+GELU.swift), and their error figures; the output is what gelu_float_coefficients.md records
(the fitting numerics are in minimax.py).

    q      (e^t - 1 - t)/t^2 ~ q0 + q1 t + ... + q4 t^4, |t| <= ln2/2 + 1e-3, minimax for the
           relative error of e^t = 1 + t + t^2 q(t) (Lawson-reweighted least squares)
    S      1/R(u) - D(u) ~ P(u)/Q(u), P(0) = 0, degrees (4,4), u in [0, 14.5], where
           R(u) = Phi(-u)·e^(u^2/2) (the Mills-ratio factor of GELU-erf's tail) and D(u) = a·u + 2,
           a = float(sqrt(2·pi)); minimax for the relative error of 1/R (Sanathanan-Koerner
           linearisation with Lawson reweighting), weight 1/D
    k1, k3 GELU-tanh's 2·sqrt(2/pi) and 0.044715·2·sqrt(2/pi) as double-floats; k1's high part is
           truncated to a multiple of 2^-20 so that k1h - (k1h + k3h·x^2) is exact for every inner
           value below 16 (FloatVector+GELU.swift)

Every coefficient is rounded to float32 and the rounded form is measured: q and R in float32
evaluation in the kernel's operation order (Estrin; FMA as a*b+c in float64, where a float32
product is exact, rounded once to float32) against mpmath at 30 digits.

    .venv-fit/bin/python scripts/fit/fit_gelu_float.py      (about a minute)
"""
import math
import numpy as np
import mpmath as mp

from minimax import f32, fit_rational, fma32, lawson

mp.mp.dps = 30
F = np.float32
UMAX = 14.5
T_RANGE = math.log(2) / 2 + 1e-3


def fit_q():
    t = np.cos(np.linspace(0, math.pi, 4001)) * T_RANGE
    t = t[np.abs(t) > 1e-5]
    g = (np.expm1(t) - t) / t**2
    basis = np.stack([t**i for i in range(5)], 1)
    c, err = lawson(basis, g, t**2 / np.exp(t), iters=100)
    q = [f32(v) for v in c]  # q0 .. q4
    rounded = np.max(np.abs((basis @ np.array(q) - g) * t**2 / np.exp(t)))
    # float32 evaluation as expReducedParts: hi = 1 + t, lo = ((1 - hi) + t) + t^2·q(t), Estrin q
    tt = np.linspace(-T_RANGE, T_RANGE, 400001).astype(np.float32)
    hi = (np.float32(1) + tt).astype(np.float32)
    tail = ((np.float32(1) - hi) + tt).astype(np.float32)
    t2 = (tt * tt).astype(np.float32)
    q01 = fma32(tt, F(q[1]), F(q[0]))
    q23 = fma32(tt, F(q[3]), F(q[2]))
    qq = fma32(t2, fma32(t2, F(q[4]), q23), q01)
    lo = fma32(t2, qq, tail)
    exact = np.array([float(mp.exp(mp.mpf(float(v)))) for v in tt[::20]])
    got = hi[::20].astype(np.float64) + lo[::20].astype(np.float64)
    evaluated = np.max(np.abs(got / exact - 1))
    print("q: (e^t - 1 - t)/t^2 = q0 + q1 t + ... + q4 t^4, |t| <= ln2/2 + 1e-3, coefficients q0..q4:")
    for v in q:
        print(f"    {v.hex():>22}  {v!r}")
    print(f"    relative error of 1 + t + t^2 q in e^t: fit {err / 2**-24:.3f} x 2^-24, "
          f"float coefficients {rounded / 2**-24:.3f} x 2^-24, "
          f"float32 evaluation of hi + lo ({len(tt[::20])} points) {evaluated / 2**-24:.3f} x 2^-24")
    return q


def mills(u):
    u = mp.mpf(u)
    return mp.erfc(u / mp.sqrt(2)) / 2 * mp.exp(u * u / 2)


def fit_s(a):
    u = np.cos(np.linspace(0, math.pi, 4000)) * UMAX / 2 + UMAX / 2
    D = np.array([float(1 / mills(float(v))) for v in u])
    S = D - (a * u + 2)
    pa, qb, err = fit_rational(u, S, [1, 2, 3, 4], [1, 2, 3, 4], iters=40, weight=1 / D)
    p = [f32(v) for v in pa]  # p1 .. p4
    q = [1.0] + [f32(v) for v in qb]  # q0 = 1 .. q4
    P = sum(c * u**(i + 1) for i, c in enumerate(p))
    Q = sum(c * u**i for i, c in enumerate(q))
    rounded = np.max(np.abs((P / Q - S) / D))
    print(f"S: 1/R(u) - (a·u + 2) = P(u)/Q(u), u in [0, {UMAX}], max |S|/(1/R) = {np.max(np.abs(S) / D):.4f}")
    print("    P coefficients p1..p4 (P(0) = 0):")
    for v in p:
        print(f"    {v.hex():>22}  {v!r}")
    print("    Q coefficients q1..q4 (q0 = 1):")
    for v in q[1:]:
        print(f"    {v.hex():>22}  {v!r}")
    print(f"    relative error of 1/R: fit {err / 2**-24:.3f} x 2^-24, float coefficients {rounded / 2**-24:.3f} x 2^-24")
    # float32 evaluation as geluErf: Estrin P/u and Q, den = D·Q + P = fma(u, fma(Q, a, P/u), Q + Q)
    uu = np.linspace(0, UMAX, 200001).astype(np.float32)
    hi = (uu * uu).astype(np.float32)
    p01 = fma32(uu, F(p[1]), F(p[0]))
    p23 = fma32(uu, F(p[3]), F(p[2]))
    p_over_u = fma32(hi, p23, p01)
    q01 = fma32(uu, F(q[1]), F(1))
    q23 = fma32(uu, F(q[3]), F(q[2]))
    QQ = fma32(hi, fma32(hi, F(q[4]), q23), q01)
    den = fma32(uu, fma32(QQ, F(a), p_over_u), (QQ + QQ).astype(np.float32))
    got = QQ.astype(np.float64) / den.astype(np.float64)
    exact = np.array([float(mills(float(v))) for v in uu[::10]])
    evaluated = np.max(np.abs(got[::10] / exact - 1))
    at = float(uu[::10][np.argmax(np.abs(got[::10] / exact - 1))])
    print(f"    R = Q/(2Q + u·(a·Q + P/u)) in float32 (Estrin, both FMAs rounded, quotient exact), {len(exact)} points: "
          f"{evaluated / 2**-24:.3f} x 2^-24 at u = {at:.5g}")
    return p, q


def constants():
    k1 = 2 * mp.sqrt(2 / mp.pi)
    k3 = k1 * mp.mpf("0.044715")
    k1h = float(mp.floor(k1 * 2**20) / 2**20)
    k1l = f32(k1 - k1h)
    k3h = f32(k3)
    k3l = f32(k3 - k3h)
    a = f32(mp.sqrt(2 * mp.pi))
    print("constants:")
    print(f"    k1 = 2·sqrt(2/pi): hi {k1h.hex()} (a multiple of 2^-20), lo {k1l.hex()}, "
          f"hi + lo - k1 = {float(k1h + k1l - k1):.2e}")
    print(f"    k3 = 0.044715·k1:  hi {k3h.hex()}, lo {k3l.hex()}, hi + lo - k3 = {float(k3h + k3l - k3):.2e}")
    print(f"    a = float(sqrt(2·pi)) = {a.hex()} ({a!r})")
    return a


if __name__ == "__main__":
    a = constants()
    fit_q()
    fit_s(a)
