#!/usr/bin/env python3
"""Float32 constants for the fast sigmoid where the build reads eight-entry tables but not larger
ones (AVX2: one `vpermps` on ymm; FloatVector+SigmoidEighth.swift). The output is recorded in
sigmoid_eighth_coefficients.md.

sigmoid(x) = E/(E + 2^25), E = e^z·2^25, z = x clamped to [-104, 60] (the table-free sigmoid's
form). e^z is reduced in steps of ln2/8: z = (k/8)·ln2 + t, |t| <= ln2/16, k/8 = z·log2e rounded
by the constant 1.5·2^20 + 152, whose float spacing is 1/8; the sum's bits shifted left by 20 are the float
2^(n + 25)·(1 + j/8) (n = floor(k/8), j = k mod 8: the exponent field n + 152 = n + 25 + 127, then
j in the top three mantissa bits), so the table holds c3·2^(j/8)/(1 + j/8) and no mask is needed.
ln2 is one float, as in the fast tier's other sigmoids: t = z - (k/8)·ln2 by one FMA, off by
(k/8)·(ln2 - float(ln2)), so E carries up to |k/8|·1.9e-9 relative, about four units of 2^-24
where the sigmoid's result nears 2^-126 (k/8 = -126).

e^t is a cubic by Horner's rule from its monic form's square term, c3·(((t + c2)·t + c1)·t + c0):
one add and two FMAs once t is formed, c3 carried by the table (minimax.eighth_table_horner_cubic),
so no step rounds near a shifted argument. The fit is minimax relative (Lawson) on |t| <= ln2/16
plus a margin for the rounding of log2e in the index; c2, c1 and c0 are rounded in turn with the
rest refitted, and entry 0 is moved by the fewest float steps that make E(0) = 2^25 exactly (so
sigmoid(0) = 1/2).

The figures printed are the exponential and the whole sigmoid as the kernel forms them in float32
(fma32 rounds a·b + c once) against mpmath, on every 97th float of [-104, 60] and x = 0.

Usage: .venv-fit/bin/python scripts/fit/fit_sigmoid_eighth.py   (run from scripts/fit; a minute)
"""
import math

import mpmath as mp
import numpy as np

from fit_gelu_erf_pieces import swift_hex
from minimax import eighth_table_horner_cubic, f32, fma32

mp.mp.dps = 30
LN2_8 = math.log(2) / 8
LN2 = f32(math.log(2))
MAGIC = 1.5 * 2**20 + 152
LOG2E = f32(1 / math.log(2))


def cubic():
    """c2, c1, c0, c3 and the table, with the cubic's relative error in exact arithmetic."""
    half = LN2_8 / 2 + 1e-5
    t = np.cos(np.linspace(0, math.pi, 4001)) * half
    return eighth_table_horner_cubic(t, np.exp(t))


def kernel(x, c2, c1, c0, table):
    """The kernel's steps in float32: (E, sigmoid)."""
    z = np.clip(x, np.float32(-104), np.float32(60)).astype(np.float32)
    shifted = fma32(z, np.float32(LOG2E), np.float32(MAGIC))
    k = (shifted - np.float32(MAGIC)).astype(np.float32)   # k/8
    t = fma32(k, np.float32(-LN2), z)
    r = fma32(fma32((t + np.float32(c2)).astype(np.float32), t, np.float32(c1)), t, np.float32(c0))
    kk = np.round(k.astype(np.float64) * 8).astype(np.int64)
    entry = np.array(table, dtype=np.float32)[kk % 8]
    scale = (1 + (kk % 8) / 8) * np.exp2((kk // 8 + 25).astype(np.float64))   # exact in float32
    # The scaled entry, formed beside the cubic; then E and E + 2^25 from it side by side.
    scaled = (entry.astype(np.float64) * scale).astype(np.float32)
    e = (scaled * r).astype(np.float32)
    d = fma32(scaled, r, np.float32(2**25))
    return e, (e / d).astype(np.float32)


def ulps(y, exact):
    """|y - exact| in units of the float spacing at exact (2^-149 below 2^-126)."""
    spacing = np.maximum(np.exp2(np.floor(np.log2(np.abs(exact))) - 23), 2.0**-149)
    return np.abs(y.astype(np.float64) - exact) / spacing


def main():
    c2, c1, c0, c3, table, err = cubic()
    print(f"e^t ~ c3·(((t + c2)·t + c1)·t + c0), |t| <= ln2/16: {err:.3e} ({err / 2**-24:.2f} x 2^-24) relative")
    print(f"c2 = {swift_hex(c2)}, c1 = {swift_hex(c1)}, c0 = {swift_hex(c0)} (c3 = {float(c3):.17g})")
    print("c3·2^(j/8)/(1 + j/8), j = 0-7:", ", ".join(swift_hex(v) for v in table))
    print(f"ln2 = {swift_hex(LN2)}; log2e = {swift_hex(LOG2E)}")
    lo, hi = np.array([-104.0, 60.0], dtype=np.float32).view(np.int32)
    bits = np.concatenate([np.arange(0, hi, 97, dtype=np.int64), np.arange(0, int(np.uint32(lo) & 0x7fffffff), 97, dtype=np.int64) | 0x80000000])
    x = bits.astype(np.uint32).view(np.float32)
    x = x[np.isfinite(x)]
    e, y = kernel(x, c2, c1, c0, table)
    z = np.clip(x, -104, 60).astype(np.float64)
    exact_e = np.array([float(mp.exp(mp.mpf(float(v))) * 2**25) for v in z[::50]])
    print(f"E = e^z·2^25 over {len(exact_e)} of the inputs: max {np.max(np.abs(e[::50] / exact_e - 1)) / 2**-24:.2f} x 2^-24 relative")
    near = (z[::50] >= -0.5) & (z[::50] <= 0.5)
    print(f"  of them with |z| <= 1/2 (the one-float ln2's part small): max {np.max(np.abs(e[::50][near] / exact_e[near] - 1)) / 2**-24:.2f} x 2^-24")
    exact = np.array([float(1 / (1 + mp.exp(-mp.mpf(float(v))))) for v in x[::10]])
    print(f"sigmoid over {len(exact)} floats of [-104, 60]: max {ulps(y[::10], exact).max():.3f} ulp")
    print(f"sigmoid(0) = {float(kernel(np.zeros(1, dtype=np.float32), c2, c1, c0, table)[1][0])!r}")


if __name__ == "__main__":
    main()
