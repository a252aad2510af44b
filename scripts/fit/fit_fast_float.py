#!/usr/bin/env python3
"""Float32 coefficients for the fast exponentials and the fast GELU-erf (FloatVector+FastExp.swift,
FloatVector+FastActivations.swift) and their errors; the fitting numerics are in minimax.py.

Fits (minimax relative error, Lawson-reweighted least squares; rationals linearised by
Sanathanan-Koerner), rounds every coefficient to float32, then measures the rounded
approximation evaluated exactly as the kernel does (float32 Horner with FMA: a*b+c formed in
float64, where a float32 product is exact, then rounded once to float32) against double math
on a dense grid. The figures printed are what scripts/fit/fast_float_coefficients.md records.

    exp5   e^t ~ 1 + t*(c1 + t*(c2 + ... c5)),        |t| <= ln2/2 (+ 1e-4 for rounding ties)
    expm1  e^t - 1 ~ t + t^2*(q0 + t*(q1 + ...)), q of degree 3 and 4, same range
    tanh   tanh x ~ x*P(x^2)/Q(x^2), P(0) = Q(0) = 1, x in [0, TANH_CLAMP]
    phi    Phi(-u)*e^(u^2/2) ~ P(u)/Q(u), u in [0, 13.25]   (GELU-erf tail factor)

Usage: .venv-fit/bin/python scripts/fit/fit_fast_float.py   (seconds)
"""
import math
import numpy as np

from minimax import f32, fit_rational, fma32, lawson

F = np.float32
LN2_HALF = math.log(2) / 2 + 1e-4


def horner32(coeffs, t):
    """coeffs highest degree first, float32 evaluation with FMA."""
    t = np.asarray(t, dtype=np.float32)
    p = np.full_like(t, F(coeffs[0]))
    for c in coeffs[1:]:
        p = fma32(p, t, F(c))
    return p


def ulps_vs(y32, exact):
    """|y - r| / ulp(r) in float32 terms (normal range)."""
    exact = np.asarray(exact, dtype=np.float64)
    e = np.floor(np.log2(np.abs(exact)))
    spacing = np.exp2(np.maximum(e, -126) - 23)
    return np.abs(y32.astype(np.float64) - exact) / spacing


def fmt(c):
    return float(np.float32(c)).hex()


def exp5():
    t = np.cos(np.linspace(0, math.pi, 4001)) * LN2_HALF
    # e^t = 1 + t*g(t): fit g with weight |t|/e^t (relative error of the whole).
    g = np.where(t == 0, 1.0, np.expm1(t) / np.where(t == 0, 1, t))
    basis = np.stack([t**i for i in range(5)], 1)
    c, _ = lawson(basis, g, np.abs(t) / np.exp(t), iters=60)
    c32 = [f32(v) for v in c[::-1]]  # c5 .. c1
    tt = np.linspace(-LN2_HALF, LN2_HALF, 200001).astype(np.float32)
    p = fma32(horner32(c32, tt), tt, F(1))
    rel = np.max(np.abs(p.astype(np.float64) / np.exp(tt.astype(np.float64)) - 1))
    print("exp5: e^t = 1 + t*(c1 + ... + c5 t^4), coefficients c5..c1:")
    for v in c32:
        print("   ", fmt(v), v)
    print(f"    max relative error, float32 evaluation, {len(tt)} points: {rel:.3e} ({rel / 2**-24:.2f} x 2^-24)")
    return c32


def expm1_q(degree):
    t = np.cos(np.linspace(0, math.pi, 4001)) * LN2_HALF
    t = t[np.abs(t) > 1e-6]
    g = (np.expm1(t) - t) / t**2
    basis = np.stack([t**i for i in range(degree + 1)], 1)
    c, _ = lawson(basis, g, t**2 / np.abs(np.expm1(t)), iters=60)
    c32 = [f32(v) for v in c[::-1]]  # q_d .. q0
    tt = np.linspace(-LN2_HALF, LN2_HALF, 200001).astype(np.float32)
    tt = tt[tt != 0]
    q = horner32(c32, tt)
    t2 = (tt * tt).astype(np.float32)
    pm1 = fma32(t2, q, tt)
    rel = np.max(np.abs(pm1.astype(np.float64) / np.expm1(tt.astype(np.float64)) - 1))
    print(f"expm1: e^t - 1 = t + t^2*(q0 + q1 t + ... + q{degree} t^{degree}), coefficients q{degree}..q0:")
    for v in c32:
        print("   ", fmt(v), v)
    print(f"    max relative error, float32 evaluation: {rel:.3e} ({rel / 2**-24:.2f} x 2^-24)")
    return c32


def tanh_rational(clamp, np_deg, nq_deg):
    x = np.cos(np.linspace(0, math.pi, 6001)) * clamp / 2 + clamp / 2
    x = x[x > 1e-4]
    s = x * x
    f = np.tanh(x) / x
    a, b, err = fit_rational(s, f, list(range(1, np_deg + 1)), list(range(1, nq_deg + 1)), iters=30,
                             fixed_num=lambda v: np.ones_like(v), floor=1e-30)
    P = [f32(v) for v in a[::-1]] + [1.0]
    Q = [f32(v) for v in b[::-1]] + [1.0]
    xx = np.linspace(0, clamp, 400001).astype(np.float32)[1:]
    ss = (xx * xx).astype(np.float32)
    y = (xx * horner32(P, ss)).astype(np.float32) / horner32(Q, ss)
    y = y.astype(np.float32)
    u = ulps_vs(y, np.tanh(xx.astype(np.float64)))
    at_clamp = F(clamp) * horner32(P, np.array([F(clamp) * F(clamp)], dtype=np.float32))[0] / \
        horner32(Q, np.array([F(clamp) * F(clamp)], dtype=np.float32))[0]
    print(f"tanh x*P(x^2)/Q(x^2), P degree {np_deg}, Q degree {nq_deg} in x^2, clamp {clamp}:")
    print("    P (highest first):", ", ".join(fmt(v) for v in P))
    print("    Q (highest first):", ", ".join(fmt(v) for v in Q))
    print(f"    fit relative error {err:.3e}; float32 evaluation on [0, {clamp}]: max {u.max():.2f} ulp at x = "
          f"{xx[np.argmax(u)]:.6g}; value at the clamp {float(at_clamp)!r} ({float(at_clamp).hex()})")
    return P, Q, u.max()


def phi_tail(m, k, umax=13.25):
    u = np.cos(np.linspace(0, math.pi, 6001)) * umax / 2 + umax / 2
    f = np.array([math.erfc(v / math.sqrt(2)) / 2 * math.exp(v * v / 2) for v in u])
    a, b, err = fit_rational(u, f, list(range(0, m + 1)), list(range(1, k + 1)), iters=30, floor=1e-30)
    P = [f32(v) for v in a[::-1]]
    Q = [f32(v) for v in b[::-1]] + [1.0]
    uu = np.linspace(0, umax, 200001).astype(np.float32)
    y = horner32(P, uu) / horner32(Q, uu)
    ref = np.array([math.erfc(float(v) / math.sqrt(2)) / 2 * math.exp(float(v) ** 2 / 2) for v in uu])
    rel = np.max(np.abs(y.astype(np.float64) / ref - 1))
    print(f"Phi(-u)*e^(u^2/2) ~ P/Q, degrees ({m},{k}) on [0, {umax}]:")
    print("    P (highest first):", ", ".join(fmt(v) for v in P))
    print("    Q (highest first):", ", ".join(fmt(v) for v in Q))
    print(f"    fit relative error {err:.3e}; float32 Horner + one division: {rel:.3e} ({rel / 2**-24:.2f} x 2^-24)")
    return P, Q


if __name__ == "__main__":
    exp5()
    expm1_q(3)
    expm1_q(4)
    for clamp, dp, dq in [(9.0, 4, 4), (9.0, 4, 3), (9.0, 5, 4)]:
        tanh_rational(clamp, dp, dq)
    for m, k in [(3, 4), (4, 5), (5, 6)]:
        phi_tail(m, k)
