#!/usr/bin/env python3
"""Float32 tables for the fast GELU-erf where a build reads eight-entry tables but not sixteen
(AVX2: one `vpermd` on ymm; FloatVector+GELUErfEightPieces.swift). The output is recorded in
gelu_erf_eight_pieces_coefficients.md.

The tail factor h(u) = u·Phi(-u)·e^(u^2/2) is fitted as in fit_gelu_erf_pieces.py (its `fit_piece`),
on eight pieces: half octaves of v = u + 1, (bits(v) >> 22) & 7, so for u in [0, 15) the pieces are
[0, 0.5), [0.5, 1), [1, 2), [2, 3), [3, 5), [5, 7), [7, 11), [11, 15); piece j sits in entry
(6 + j) mod 8. Twice as wide as the sixteen pieces, they take sextics (seven coefficients) for the
quintics' accuracy.

The exponential e = e^(-x^2/2) is reduced in steps of ln2/8: -hi/2 = (k/8)·ln2 + t, |t| <= ln2/16,
by the constant 1.5·2^20 + 127, whose float spacing is 1/8; the sum's bits shifted left by 20 are
the float 2^n·(1 + j/8) (n = floor(k/8), j = k mod 8: the exponent field n + 127 and the top three
mantissa bits j), so the table holds 2^(j/8)/(1 + j/8) and no mask is needed. e^t is a cubic in
the kernel's argument a = -2t, p(a) = 1 + c1·a + c2·a^2 + c3·a^3 with p(0) = 1 exactly (tiny x
keep x/2), a minimax fit of e^(-a/2) on |a| <= ln2/8.

Fit: minimax relative error (Lawson), each coefficient rounded to float32 from the lowest degree
up with the higher ones refitted; the figures printed are the rounded forms evaluated as the
kernel does (float32 Horner with FMA) against mpmath or numpy.

Usage: .venv-fit/bin/python scripts/fit/fit_gelu_erf_eight_pieces.py   (run from scripts/fit; seconds)

--degree N fits lower degrees for the comparison in results/kernels/README.md (the default, 6, is the
kernel's).
"""
import argparse
import math

import mpmath as mp
import numpy as np

import fit_gelu_erf_pieces as pieces16
from minimax import f32, fma32, lawson

PIECES = 8
DEGREE = 6


def exponential():
    """c1, c2, c3 of p(a) ~ e^(-a/2), the table 2^(j/8)/(1 + j/8), and p's error in float32."""
    half = math.log(2) / 8 + 1e-6
    a = np.cos(np.linspace(0, math.pi, 2001)) * half
    f = np.exp(-a / 2)
    fixed = [1.0]
    while len(fixed) < 4:
        k = len(fixed)
        rest = f - sum(c * a**i for i, c in enumerate(fixed))
        c, _ = lawson(np.stack([a**i for i in range(k, 4)], 1), rest, 1 / f, 60)
        fixed.append(f32(c[0]))
    a32 = a.astype(np.float32)
    p = np.full_like(a32, np.float32(fixed[3]))
    for c in fixed[2::-1]:
        p = fma32(p, a32, np.float32(c))
    exact = np.exp(-a32.astype(np.float64) / 2)
    table = [f32(float(mp.power(2, mp.mpf(j) / 8) / (1 + mp.mpf(j) / 8))) for j in range(8)]
    return fixed[1:], table, float(np.max(np.abs(p.astype(np.float64) / exact - 1)))


def main():
    global DEGREE
    parser = argparse.ArgumentParser(description="Float32 tables for the AVX2 fast GELU-erf's eight pieces.")
    parser.add_argument("--degree", type=int, default=DEGREE, help="each piece's degree (default 6, the kernel's)")
    DEGREE = parser.parse_args().degree
    pieces16.PIECES, pieces16.DEGREE, pieces16.ORIGIN, pieces16.SLACK = PIECES, DEGREE, "centre", 0.0
    # This kernel's e is e^(-x^2/2) itself, and its pieces are fitted up to the clamp.
    pieces16.GROWTH = lambda u: mp.exp(u * u / 2)
    pieces16.FIT_TOP, pieces16.EVAL_TOP = pieces16.U_MAX + pieces16.MARGIN, pieces16.U_MAX
    pieces16.print_pieces()
    hexes = pieces16.swift_hex
    (c1, c2, c3), exp_table, err = exponential()
    print(f"p(a) ~ e^(-a/2), |a| <= ln2/8: c1 = {hexes(c1)}, c2 = {hexes(c2)}, c3 = {hexes(c3)}; "
          f"float32 evaluation {err:.3e} ({err / 2**-24:.2f} x 2^-24)")
    print("2^(j/8)/(1 + j/8), j = 0-7:", ", ".join(hexes(v) for v in exp_table))


if __name__ == "__main__":
    main()
