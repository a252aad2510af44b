#!/usr/bin/env python3
"""Float32 tables for the fast GELU-erf where a build reads eight-entry tables but not sixteen
(AVX2: one `vpermd` on ymm; FloatVector+GELUErfEightPieces.swift). The output is recorded in
gelu_erf_eight_pieces_coefficients.md.

The exponential is the sixteen pieces' (fit_gelu_erf_pieces.py): e = 2^(-u^2/L), L = 355/256 (2ln2
to nine bits), reduced without a low part of u^2 or of L, and h(u) = u·Phi(-u)·2^(u^2/L) takes the
difference e^(-u^2/2)/2^(-u^2/L) (its module's GROWTH). h is fitted as there (`fit_piece`) on eight
pieces: half octaves of v = u + 1, (bits(v) >> 22) & 7, so for u in [0, 15) the pieces are
[0, 0.5), [0.5, 1), [1, 2), [2, 3), [3, 5), [5, 7), [7, 11), [11, 15); piece j sits in entry
(6 + j) mod 8. Twice as wide as the sixteen pieces, they take sextics (seven coefficients) in
r = u - c_j for the quintics' accuracy, fitted up to the clamp (u = 14.5): e is not flushed at
2^-126 in this form.

The reduction in steps of L/8: -u^2/L = k/8 - s/L, k/8 = -hi/L rounded by the constant
1.5·2^20 + 127, whose float spacing is 1/8 (hi = u·u rounded), and s = u^2 + (k/8)·L, |s| <= L/16.
(k/8)·L + alpha is exact for alpha on the grid of 2^-11 (k/8·L is on it, below 256), so the
kernel's a = s + alpha = u·u + ((k/8)·L + alpha) is two FMAs, the square exact inside the second.
The sum's bits shifted left by 20 are the float 2^n·(1 + j/8) (n = floor(k/8), j = k mod 8: the
exponent field n + 127 and the top three mantissa bits), so the table holds c3·2^(j/8)/(1 + j/8)
and no mask is needed. 2^(-s/L) = e^(-lambda·s) (lambda = ln2/L) is a cubic with its square term
removed by the shift alpha: c3·((a^2 + P)·a + Q), two FMAs once a is formed, c3 in the table
(minimax.eighth_table_cubic).
alpha is the minimax cubic's c2/(3·c3) put on the grid; c3, P and Q are refitted with it fixed,
P rounded and the others refitted, Q rounded and c3 refitted, and entry 0 moved by the fewest float
steps that make e = 1 exactly at u = 0 (tiny x keep x/2). The kernel forms e as
(entry·cubic)·2^n·(1 + j/8), so the product is near 1 before the scaling.

Fit: minimax relative error (Lawson), each coefficient rounded to float32 from the lowest degree
up with the higher ones refitted; the figures printed are the rounded forms evaluated as the
kernel does (float32 Horner with FMA) against mpmath or numpy.

Usage: .venv-fit/bin/python scripts/fit/fit_gelu_erf_eight_pieces.py   (run from scripts/fit; seconds)

--degree N fits lower degrees for the comparison in results/kernels/README.md (the default, 6, is the
kernel's).
"""
import argparse
import math

import numpy as np

import fit_gelu_erf_pieces as pieces16
from minimax import eighth_table_cubic, f32, fma32

PIECES = 8
DEGREE = 6
L = pieces16.L
MAGIC = 1.5 * 2**20 + 127   # float spacing 1/8; low twelve bits 1016 = 127·8


def exponential():
    """alpha, P, Q, c3, the table c3·2^(j/8)/(1 + j/8), the cubic's relative error in exact
    arithmetic and the whole exponential's in float32 (the kernel's steps, u up to where GELU's
    result is normal)."""
    lam = math.log(2) / L
    half = L / 16 + 1e-4   # |s| <= L/16, plus the rounding of hi and of -1/L in the index
    s = np.cos(np.linspace(0, math.pi, 4001)) * half
    f = np.exp(-lam * s)
    alpha, P, Q, c3, table, err = eighth_table_cubic(s, f, round_alpha=lambda v: round(v * 2**11) / 2**11)
    # The kernel's exponential step by step in float32 (fma32 rounds a·b + c once).
    u = np.linspace(0, pieces16.NORMAL_U, 4000001).astype(np.float32)
    hi = (u * u).astype(np.float32)
    magic = np.float32(MAGIC)
    shifted = fma32(hi, np.float32(-1 / L), magic)
    scale = (shifted - magic).astype(np.float32)
    p = fma32(scale, np.float32(L), np.float32(alpha))
    assert np.all(p.astype(np.float64) == scale.astype(np.float64) * L + alpha), "p must be exact"
    aa = fma32(u, u, p)
    cubic = fma32(fma32(aa, aa, np.float32(P)), aa, np.float32(Q))
    kk = np.round(scale.astype(np.float64) * 8).astype(np.int64)
    entry = np.array(table, dtype=np.float32)[kk % 8]
    factor = (1 + (kk % 8) / 8) * np.exp2((kk // 8).astype(np.float64))   # exact in float32 (normal here)
    e = ((entry * cubic).astype(np.float32).astype(np.float64) * factor).astype(np.float32)
    exact = np.exp2(-np.square(u.astype(np.float64)) / L)   # u^2 is exact in float64
    evaluated = float(np.max(np.abs(e.astype(np.float64) / exact - 1)))
    return alpha, P, Q, float(c3), table, float(err), evaluated


def main():
    global DEGREE
    parser = argparse.ArgumentParser(description="Float32 tables for the AVX2 fast GELU-erf's eight pieces.")
    parser.add_argument("--degree", type=int, default=DEGREE, help="each piece's degree (default 6, the kernel's)")
    DEGREE = parser.parse_args().degree
    pieces16.PIECES, pieces16.DEGREE, pieces16.ORIGIN, pieces16.SLACK = PIECES, DEGREE, "centre", 0.0
    # h takes 2^(u^2/L) (the module's GROWTH), and its pieces are fitted up to the clamp.
    pieces16.FIT_TOP, pieces16.EVAL_TOP = pieces16.U_MAX + pieces16.MARGIN, pieces16.U_MAX
    pieces16.print_pieces()
    hexes = pieces16.swift_hex
    alpha, P, Q, c3, table, err, evaluated = exponential()
    print(f"L = {hexes(L)}; 2^(-s/L) ~ c3·((a^2 + P)·a + Q), a = s + alpha, |s| <= L/16: {err:.3e} "
          f"({err / 2**-24:.2f} x 2^-24) relative")
    print(f"alpha = {hexes(alpha)}, P = {hexes(P)}, Q = {hexes(Q)} (c3 = {c3:.17g})")
    print(f"e = 2^(-u^2/L) in float32 as the kernel forms it, u in [0, {pieces16.NORMAL_U}]: max relative error "
          f"{evaluated:.3e} ({evaluated / 2**-24:.2f} x 2^-24)")
    print("c3·2^(j/8)/(1 + j/8), j = 0-7:", ", ".join(hexes(v) for v in table))


if __name__ == "__main__":
    main()
