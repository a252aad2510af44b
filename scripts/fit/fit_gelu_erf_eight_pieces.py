#!/usr/bin/env python3
"""Float32 tables for the fast GELU-erf where a build reads eight-entry tables but not sixteen
(AVX2: one `vpermd` on ymm; FloatVector+GELUErfEightPieces.swift). The output is recorded in
gelu_erf_eight_pieces_coefficients.md.

e = 2^(-u^2/L) and h(u) = u·Phi(-u)·2^(u^2/L), so that e·h = u·Phi(-u): h takes the difference
e^(-u^2/2)/2^(-u^2/L) = e^(gamma·u^2), gamma = ln2/L - 1/2, a smooth factor. L = 11357/8192 has
thirteen fraction bits (gamma about -2e-5): few enough that (k/8)·L + alpha + c is one float for
every step k/8 the kernel meets (below).

h is fitted as in fit_gelu_erf_pieces.py (`fit_piece`) on eight pieces: the octaves of
q = u^2 + c rounded, (bits(q) >> 23) & 7, the argument the reduction rounds, so the kernel names a
piece with one shift. With c near SHIFT_NOMINAL = 1.69 the pieces in u are [0, 0.555),
[0.555, 1.52), [1.52, 2.51), [2.51, 3.78), [3.78, 5.51), [5.51, 7.89), [7.89, 11.2), [11.2, UC]:
c in [1, 2) keeps q within eight octaves below 256, a smaller c widens the first piece and a larger
one the second, and near 1.69 the two balance (7.21·2^-24 on the second, 7.12 on the fourth).
Piece j sits in entry (7 + j) mod 8 (q in [c, 2) has the exponent field 127). Each is a sextic
in u itself: no centre is read or subtracted, which costs accuracy where a piece lies far from 0
against its width (the float32 Horner sum cancels; the evaluation is checked on EVAL_POINTS =
100001 points a piece). A piece takes the lowest degree whose unrounded fit is within SLACK = 2^-23.
Piece 0 has no constant term and the linear term 1/2 exactly, so tiny x give x/2 as it rounds.
The pieces are fitted up to NORMAL_U + 1/16: above NORMAL_U the result is below 2^-126, where the
budget is an absolute bound, and the polynomial's ratio to h up to the clamp is printed.

The reduction in steps of L/8: -q/L = k/8 - s/L, k/8 = -q/L rounded by the constant
MAGIC = 1.5·2^20 + 127 + 512·m, whose float spacing is 1/8, and s = q + (k/8)·L, |s| <= L/16;
2^(-u^2/L) = 2^(c/L)·2^(k/8)·2^(-s/L). The kernel forms p = (k/8)·L + alpha + c as one FMA of the
sum itself, shifted·L + C with C = alpha + c - MAGIC·L: the product and C are exact inside the FMA
and their sum has at most 24 significant bits (sixteen fraction bits, below 256), so it rounds to
itself. That needs C to be a float: on the grid of 0.25 where |C| is near 2^21, so alpha + c must
lie on MAGIC·L's lattice of 0.25. alpha is the minimax cubic's own, rounded; m (which moves the
lattice in steps of 512·L mod 0.25 = 1/16, leaving MAGIC's low twelve bits at 1016 = 127·8) and c
are chosen so that c is the lattice point nearest alpha + SHIFT_NOMINAL, less alpha, for the m
that brings it nearest SHIFT_NOMINAL (`choose_shift`). Then a = s + alpha = u·u + p (one FMA,
the square exact inside it, rounding once near alpha ≈ -2).

The sum's bits shifted left by 20 are the float 2^n·(1 + j/8) (n = floor(k/8), j = k mod 8: the
exponent field n + 127, then j in the top three mantissa bits), so the table holds
c3·2^(j/8 + c/L)/(1 + j/8) and no mask is needed. At u = 0, q = c gives k = -10, so entry 6 is the
one moved to make e(0) = 1 exactly (minimax.eighth_table_cubic's anchor). u is clamped at
UC = sqrt(127·L - c) rounded, where k is -1016 exactly: there the shifted bits are those of +0, so
e = 0 (-inf gives -0), and no smaller k occurs, so the exponent field never wraps; for k in
(-1016, -1008) the field is 0 and the scale a subnormal, within the budget's absolute 2^-126 where
results are not normal. 2^(-s/L) is a cubic with its square term shifted away, c3·((a^2 + P)·a + Q):
two FMAs, c3 in the table (minimax.eighth_table_cubic). e is formed as (entry·cubic)·2^n·(1 + j/8),
so the product is near 1 before the scaling.

Fit: minimax relative error (Lawson), each coefficient rounded to float32 from the lowest degree
up with the higher ones refitted; the figures printed are the rounded forms evaluated as the
kernel does (float32 Horner with FMA) against mpmath or numpy.

Usage: .venv-fit/bin/python scripts/fit/fit_gelu_erf_eight_pieces.py   (run from scripts/fit; about a minute)

--degree N and --origin centre fit the forms weighed in results/kernels/README.md (lower degrees;
each piece's sextic in u - c_j from its midpoint, read from a table and subtracted).
"""
import argparse
import math

import numpy as np

import fit_gelu_erf_pieces as pieces16
from minimax import eighth_table_cubic, f32, fma32

PIECES = 8
DEGREE = 6
L = 11357 / 8192
SHIFT_NOMINAL = 1.69   # q = u^2 + c, c near this: the first two pieces' errors near their balance
SLACK = 2.0**-23
# Set by exponential(): the constant c of q = u^2 + c, MAGIC = 1.5·2^20 + 127 + 512·m (float spacing
# 1/8, low twelve bits 1016 = 127·8 for every m) and u's clamp UC, where k = -1016.
SHIFT = MAGIC = UC = None


def octave_pieces():
    """The pieces in u, octaves of q = u^2 + c (c in [1, 2), q below 256: eight octaves), and the
    entry of the first: q in [c, 2) has the exponent field 127, so piece j sits in (7 + j) mod 8."""
    cuts = [(0.0 if j == 0 else math.sqrt(2.0**j - SHIFT), math.sqrt(2.0**(j + 1) - SHIFT)) for j in range(PIECES)]
    return cuts, (pieces16.bits(1.0) >> 23) % PIECES


def choose_shift(alpha):
    """alpha itself, with c and MAGIC chosen for it: C = alpha + c - MAGIC·L must be a float (the
    grid of 0.25 near 2^21), so alpha + c lies on MAGIC·L's lattice of 0.25. MAGIC's offsets of 512
    move that lattice in steps of 0.0625 (512·L mod 0.25); c is the lattice point nearest
    alpha + SHIFT_NOMINAL, less alpha, for the offset that brings it nearest SHIFT_NOMINAL."""
    global SHIFT, MAGIC, UC
    best = None
    for m in range(4):
        magic = 1.5 * 2**20 + 127 + 512 * m
        base = magic * L % 0.25
        point = base + 0.25 * round((alpha + SHIFT_NOMINAL - base) / 0.25)
        c = point - alpha
        if best is None or abs(c - SHIFT_NOMINAL) < abs(best[0] - SHIFT_NOMINAL):
            best = (c, magic)
    SHIFT, MAGIC = best
    assert SHIFT == f32(SHIFT) and 1 <= SHIFT < 2, "c must be a float in [1, 2)"
    UC = f32(math.sqrt(127 * L - SHIFT))
    return alpha


def exponential():
    """alpha, C, P, Q, c3, the table c3·2^(j/8)/(1 + j/8), the minimax alpha, the cubic's relative
    error in exact arithmetic and the whole exponential's in float32 (the kernel's steps, u up to
    where GELU's result is normal)."""
    lam = math.log(2) / L
    half = L / 16 + 1e-4   # |s| <= L/16, plus the rounding of q and of -1/L in the index
    s = np.cos(np.linspace(0, math.pi, 4001)) * half
    f = np.exp(-lam * s)
    assert (L * 8192).is_integer(), "L must have at most thirteen fraction bits"

    def anchor(alpha):
        """At u = 0, q = c: the step k0 the kernel takes there, the cubic's argument p0 and the
        scale 2^n0·(1 + j0/8), so that entry j0 makes e(0) = 1; every entry carries 2^(c/L)."""
        shifted0 = fma32(np.float32(SHIFT), np.float32(-1 / L), np.float32(MAGIC))
        k0 = int(round((float(shifted0) - MAGIC) * 8))
        p0 = k0 / 8 * L + alpha + SHIFT
        return pieces16.mp.power(2, pieces16.mp.mpf(SHIFT) / L), k0 % 8, p0, 2.0**(k0 // 8) * (1 + (k0 % 8) / 8)

    # alpha the minimax cubic's own (rounded to float); c and MAGIC put alpha + c on the lattice.
    alpha, P, Q, c3, table, err = eighth_table_cubic(s, f, round_alpha=lambda v: choose_shift(f32(v)), anchor=anchor)
    C = alpha + SHIFT - MAGIC * L
    assert C == f32(C), "C must be a float"
    # The kernel's exponential step by step in float32 (fma32 rounds a·b + c once).
    u = np.linspace(0, UC, 4000001).astype(np.float32)
    q = fma32(u, u, np.float32(SHIFT))
    magic = np.float32(MAGIC)
    shifted = fma32(q, np.float32(-1 / L), magic)
    kk = np.round((shifted.astype(np.float64) - MAGIC) * 8).astype(np.int64)
    p = fma32(shifted, np.float32(L), np.float32(C))
    assert np.all(p.astype(np.float64) == kk / 8 * L + alpha + SHIFT), "p must be exact"
    assert kk.min() == -1016 and kk[-1] == -1016, "the clamp must reach k = -1016 and no further"
    aa = fma32(u, u, p)
    cubic = fma32(fma32(aa, aa, np.float32(P)), aa, np.float32(Q))
    entry = np.array(table, dtype=np.float32)[kk % 8]
    factor = (1 + (kk % 8) / 8) * np.exp2((kk // 8).astype(np.float64))   # exact in float32 (normal here)
    e = ((entry * cubic).astype(np.float32).astype(np.float64) * factor).astype(np.float32)
    exact = np.exp2(-np.square(u.astype(np.float64)) / L)   # u^2 is exact in float64
    normal = u <= pieces16.NORMAL_U
    evaluated = float(np.max(np.abs(e[normal].astype(np.float64) / exact[normal] - 1)))
    return alpha, C, P, Q, float(c3), table, float(err), evaluated


def main():
    global DEGREE
    parser = argparse.ArgumentParser(description="Float32 tables for the AVX2 fast GELU-erf's eight pieces.")
    parser.add_argument("--degree", type=int, default=DEGREE, help="each piece's degree (default 6, the kernel's)")
    parser.add_argument("--origin", choices=("zero", "centre"), default="zero",
                        help="each piece's polynomial in u (zero, the kernel's) or in u - its midpoint")
    args = parser.parse_args()
    DEGREE = args.degree
    pieces16.PIECES, pieces16.DEGREE, pieces16.ORIGIN = PIECES, DEGREE, args.origin
    pieces16.PACK = DEGREE == 6 and args.origin == "zero"   # c6 in the low bits of c5's entry
    pieces16.SLACK = SLACK if args.origin == "zero" else 0.0
    pieces16.L, pieces16.GROWTH = L, lambda u: pieces16.mp.power(2, u * u / L)
    hexes = pieces16.swift_hex
    alpha, C, P, Q, c3, table, err, evaluated = exponential()   # fixes c, MAGIC and UC, which the pieces use
    pieces16.pieces = octave_pieces
    pieces16.U_MAX, pieces16.FIT_TOP, pieces16.EVAL_TOP = UC, pieces16.NORMAL_U + 1 / 16, pieces16.NORMAL_U
    pieces16.EVAL_POINTS = 100001   # the sum in u cancels: its float32 error wants a dense check
    pieces16.print_pieces()
    print(f"L = {hexes(L)} (gamma = ln2/L - 1/2 = {math.log(2) / L - 0.5:.2e}); MAGIC = 1.5·2^20 + 127 + "
          f"{MAGIC - 1.5 * 2**20 - 127:.0f}; c = {hexes(SHIFT)} (q = u^2 + c); u's clamp UC = {hexes(UC)}")
    print(f"alpha = {hexes(alpha)} (the minimax cubic's, rounded), alpha + c = MAGIC·L + C, C = {hexes(C)}")
    print(f"2^(-s/L) ~ c3·((a^2 + P)·a + Q), a = s + alpha, |s| <= L/16: {err:.3e} ({err / 2**-24:.2f} x 2^-24) relative")
    print(f"P = {hexes(P)}, Q = {hexes(Q)} (c3 = {c3:.17g})")
    print(f"e = 2^(-u^2/L) in float32 as the kernel forms it, u in [0, {pieces16.NORMAL_U}]: max relative error "
          f"{evaluated:.3e} ({evaluated / 2**-24:.2f} x 2^-24)")
    print("c3·2^(j/8 + c/L)/(1 + j/8), j = 0-7:", ", ".join(hexes(v) for v in table))


if __name__ == "__main__":
    main()
