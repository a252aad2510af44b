#!/usr/bin/env python3
"""Float32 tables for the fast GELU-erf's tail factor at 16 lanes where the build reads tables
(FloatVector+GELUErfPieces.swift, `geluErfTailFactor`): h(u) = u·Phi(-u)·2^(u^2/L) as sixteen
quintics, and its exponential e = 2^(-u^2/L), L = 355/256 (2ln2 to nine bits), so that
e·h = u·Phi(-u). The output is recorded in gelu_erf_pieces_coefficients.md.

The piece is chosen by the bits of v = u + 1: (bits(v) >> 21) & 15 names a quarter of an octave of
v, so for u in [0, 15) the pieces are [0, 0.25), [0.25, 0.5), ... (width 0.25 up to u = 1, 0.5 up
to 3, 1 up to 7, 2 up to 15): narrow where h bends most (small u), wide where h flattens towards
1/sqrt(2 pi). Piece j (v's index 12 + j mod 16) is a polynomial in u itself: no centre is read or
subtracted. In float32 that costs little, because h's higher derivatives fall fast where the pieces
are wide, so the terms that cancel stay small (the figures printed are the float32 evaluation). A
piece takes the lowest degree whose unrounded fit is within SLACK (up to five); piece 0 has no
constant term and the exact linear term 1/2, so h(u) = u·(1/2 + ...) keeps its relative accuracy
down to the smallest u and rounds as u/2 does there. Each piece is fitted on its range widened by
2^-19 on both sides (v = u + 1 rounds, so u can land in the neighbouring piece by that much); the
last one only up to NORMAL_U + 1/16: above NORMAL_U the result is below 2^-126, where the budget is
an absolute bound and e < 2^-124 makes any h of modest size meet it (its ratio to h up to
u = 14.5 is printed).

h absorbs e^(-u^2/2)/2^(-u^2/L) = e^(gamma·u^2), gamma = ln2/L - 1/2 (about -1.5e-4), so the
kernel reduces u^2/L with the nine-bit L, exactly, and forms no low part of 2ln2. The reduction:
u^2 + scale·L = s, scale = k/32 (|s| <= L/64), and 2^(-s/L) = e^tau, tau = -lambda·s,
lambda = ln2/L. e^tau's quadratic with the tau^2 coefficient fixed at 1/2, 1 + c1·tau + tau^2/2,
is K·((s + alpha)^2 + beta) with K = lambda^2/2, alpha = -c1/lambda, beta = (2 - c1^2)/lambda^2:
one FMA in the kernel's argument a = s + alpha. K goes into the table, K·2^(j/32); beta is the
float nearest its value for which K·(alpha^2 + beta) rounds to 1, so that e = 1 at x = 0 (tiny x
keep x/2). Fixing the tau^2 coefficient costs nothing: the minimax c1 for it alone gives the same
error as the free quadratic (the error is tau^3/6 less a multiple of tau, a Chebyshev cubic either
way). alpha is put on the grid of 2^-16 so that the reduction's first FMA, scale·L + alpha, is exact;
the kernel forms a = u·u + that sum (one FMA, the exact square). The last figure printed is that
whole exponential in float32.

Fit: minimax relative error (Lawson-reweighted least squares); then each coefficient is rounded
to float32 from the constant term up, refitting the higher ones after each rounding. The figures
printed are the rounded pieces evaluated as the kernel does (float32 Horner with FMA) against
mpmath on a dense grid of each piece. The tables are printed as Swift literals (lowest degree
first, entry (12 + j) mod 16 holds piece j).

Usage: .venv-fit/bin/python scripts/fit/fit_gelu_erf_pieces.py   (about a minute)

--degree N, --pieces 32, --origin centre|start and --over-u fit the forms weighed against the
kernel's (results/kernels/README.md): lower degrees; thirty-two pieces, eighth octaves of v
((bits(v) >> 20) & 31), read by two-table permutes; each piece's polynomial in r = u - c_j from
its midpoint c_j (read from a table and subtracted) or from its start s_j (formed from v's bits by
a mask and a subtraction); h(u)/u in place of h, which needs no fixed terms at u = 0 (the
kernel would multiply u into e); and --exp-entries 16, the exponential on a 16-entry table (one
one-table read for the two-table one, |s| up to L/32), with --exp-degree 3 as the cubic with its
square term shifted away, c3·((a^2 + P)·a + Q) (minimax.table_cubic: one FMA more, c3 in the
table). The defaults, 5, 16, zero (the polynomial in u), h, 32 entries and the quadratic, are the
kernel's.
"""
import argparse
import math
import struct

import mpmath as mp
import numpy as np

from minimax import f32, fma32, lawson, table_cubic

mp.mp.dps = 30
DEGREE = 5     # --degree
PIECES = 16    # --pieces: 16 (quarter octaves of v) or 32 (eighth octaves)
ORIGIN = "zero"  # --origin: r = u ("zero"), u - (the midpoint of the piece, "centre") or u - (its start, "start")
EXP_ENTRIES = 32   # --exp-entries: the exponential's table (32, the kernel's, or 16: a one-table read)
EXP_DEGREE = 2     # --exp-degree: its polynomial, the factored quadratic or the depressed cubic
OVER_U = False     # --over-u: fit h(u)/u (no fixed terms; the kernel would multiply u into e)
MARGIN = 2.0**-19
SLACK = 2.0**-26   # a piece takes the lowest degree whose unrounded fit is within this
U_MAX = 14.5   # u = min(|x|, 14.5): e^(-u^2/2) at 14.5 is below 2^-151, 0 after scaling
L = round(2 * math.log(2) * 256) / 256   # the reduction's constant: 2ln2 to nine bits
NORMAL_U = 13.1462467   # u·Phi(-u) = 2^-126: |GELU(-u)| is a normal float below it
# What a caller with another kernel sets (fit_gelu_erf_eight_pieces.py): h's factor 1/e, the top of
# the last piece's fit and of its evaluation, and the slack below which a piece takes a lower degree.
GROWTH = lambda u: mp.power(2, u * u / L)
FIT_TOP = NORMAL_U + 1 / 16
EVAL_TOP = NORMAL_U
EVAL_POINTS = 4001   # each piece's float32 evaluation is checked on this many points


def h(u):
    u = mp.mpf(u)
    return float((1 if OVER_U else u) * mp.erfc(u / mp.sqrt(2)) / 2 * GROWTH(u))


def bits(v):
    return struct.unpack("<I", struct.pack("<f", v))[0]


def from_bits(b):
    return struct.unpack("<f", struct.pack("<I", b))[0]


def shift():
    """The right shift of bits(v) that leaves the piece in the low bits: 21 for 16 pieces, 20 for 32."""
    return 25 - PIECES.bit_length() + 1


def pieces():
    """(lo, hi) in u of the pieces, from v = u + 1's quarter (or eighth) octaves, and the table
    entry of the first (piece j sits in entry (first + j) mod PIECES). A caller that cuts its
    pieces otherwise sets this module's `pieces` to its own function."""
    first = bits(1.0) >> shift()
    return ([(from_bits((first + j) << shift()) - 1, from_bits((first + j + 1) << shift()) - 1)
             for j in range(PIECES)], first % PIECES)


def fit_piece(lo, hi):
    """Float32 coefficients (lowest degree first) and the centre of one piece."""
    a, b = max(lo - MARGIN, 0.0), min(hi + MARGIN, FIT_TOP)
    x = np.cos(np.linspace(0, math.pi, 400)) * (b - a) / 2 + (a + b) / 2
    zero = lo == 0 and not OVER_U
    if zero:
        x = x[x > 0]
    centre = 0.0 if zero or ORIGIN == "zero" else f32(lo if ORIGIN == "start" else (lo + hi) / 2)
    f = np.array([h(v) for v in x])
    r = x - centre
    fixed = [0.0, 0.5] if zero else []   # h(u) = u/2 + O(u^2): tiny x give x/2 exactly
    # The lowest degree whose unrounded fit is within SLACK: higher terms that the piece does not
    # need only add cancelling products to its float32 evaluation.
    degree = next((d for d in range(len(fixed), DEGREE) if lawson(
        np.stack([r**i for i in range(d + 1)], 1), f, 1 / np.abs(f), 40)[1] <= SLACK), DEGREE)
    while len(fixed) < degree + 1:
        k = len(fixed)
        rest = f - sum(c * r**i for i, c in enumerate(fixed))
        basis = np.stack([r**i for i in range(k, degree + 1)], 1)
        c, _ = lawson(basis, rest, 1 / np.abs(f), 40)
        fixed.append(f32(c[0]))
    return centre, fixed + [0.0] * (DEGREE - degree)


def evaluate(centre, coeffs, u):
    u = np.asarray(u, dtype=np.float32)
    r = (u - np.float32(centre)).astype(np.float32)
    p = np.full_like(u, np.float32(coeffs[-1]))
    for c in coeffs[-2::-1]:
        p = fma32(p, r, np.float32(c))
    return p


def swift_hex(v):
    """v as the shortest Swift float literal in hex ("0" for zero)."""
    if v == 0:
        return "0"
    mantissa, exponent = abs(v).hex()[2:].split("p")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{'-' if v < 0 else ''}0x{mantissa}p{exponent}"


def exponential():
    """alpha, the polynomial's coefficients and the table of e = 2^(-u^2/L), with the polynomial's
    error and the whole exponential's in float32 (the kernel's steps, over u where the result is
    normal)."""
    lam = math.log(2) / L
    # u^2 + scale·L = s, |s| <= L/(2·entries) (plus the rounding of hi and of -1/L in the index),
    # and 2^(-s/L) = e^tau with tau = -lam·s.
    half = lam * (L / (2 * EXP_ENTRIES) + 1e-4)
    t = np.cos(np.linspace(0, math.pi, 2001)) * half
    f = np.exp(t)
    on_grid = lambda v: f32(round(v * 2**16) / 2**16)   # scale·L + alpha is then one float
    if EXP_DEGREE == 3:
        # c3·((a^2 + P)·a + Q), a = s + alpha: two FMAs, c3 in the table c3·2^(j/entries).
        alpha, P, Q, c3, table, polynomial = table_cubic(
            -t / lam, f, lambda j: mp.power(2, mp.mpf(j) / EXP_ENTRIES), EXP_ENTRIES, round_alpha=on_grid)
        coefficients = (P, Q)
        steps = lambda a: fma32(fma32(a, a, np.float32(P)), a, np.float32(Q))
    else:
        c, _ = lawson((t / f)[:, None], 1 - (1 + t * t / 2) / f, np.ones_like(t), 60)
        # 1 + c1·tau + tau^2/2 = K·((s + alpha)^2 + beta) with K = lam^2/2, alpha = -c1/lam,
        # beta = (2 - c1^2)/lam^2; alpha on the grid of 2^-16, so that scale·L + alpha is one float.
        alpha = on_grid(-c[0] / lam)
        c1 = -alpha * lam
        k = lam * lam / 2
        beta = f32((2 - c1 * c1) / (lam * lam))
        # e(0) = K·(alpha^2 + beta) must be 1 exactly (tiny x give x/2): the nearest beta that does it.
        table = [f32(float(mp.power(2, mp.mpf(j) / EXP_ENTRIES) * k)) for j in range(EXP_ENTRIES)]
        one = lambda bb: np.float32(np.float32(table[0]) * fma32(np.float32(alpha), np.float32(alpha), np.float32(bb)))
        near = [f32(float(np.float32(beta) + np.float32(i) * np.spacing(np.float32(beta)))) for i in sorted(range(-64, 65), key=abs)]
        beta = next(bb for bb in near if one(bb) == 1)
        assert one(beta) == 1, "e(0) must be 1 exactly"
        polynomial = float(np.max(np.abs((1 + c1 * t + t * t / 2) / f - 1)))
        coefficients = (beta,)
        steps = lambda a: fma32(a, a, np.float32(beta))
    # The kernel's exponential step by step in float32 (fma32 rounds a·b + c once).
    u = np.linspace(0, NORMAL_U, 4000001).astype(np.float32)
    hi = (u * u).astype(np.float32)
    magic = np.float32(1.5 * 2**23 / EXP_ENTRIES)   # float spacing 1/EXP_ENTRIES
    shifted = fma32(hi, np.float32(-1 / L), magic)
    scale = (shifted - magic).astype(np.float32)
    p = fma32(scale, np.float32(L), np.float32(alpha))
    assert np.all(p.astype(np.float64) == scale.astype(np.float64) * L + alpha), "p must be exact"
    a = fma32(u, u, p)
    entry = np.array(table, dtype=np.float32)[np.round(scale.astype(np.float64) * EXP_ENTRIES).astype(np.int64) % EXP_ENTRIES]
    e = ((entry * steps(a)).astype(np.float64) * np.exp2(np.floor(scale.astype(np.float64))))
    assert e[0] == 1, "e(0) must be 1 exactly"
    exact = np.exp2(-np.square(u.astype(np.float64)) / L)   # u^2 is exact in float64
    evaluated = float(np.max(np.abs(e / exact - 1)))
    return alpha, coefficients, polynomial, evaluated, table


def print_pieces():
    """Fits every piece (PIECES of them, DEGREE each) and prints each one's float32 error, the
    worst, and the tables as Swift literals, entry (first + j) mod PIECES holding piece j."""
    centres = [0.0] * PIECES
    table = [[0.0] * PIECES for _ in range(DEGREE + 1)]
    cuts, first = pieces()
    worst = 0.0
    for j, (lo, hi) in enumerate(cuts):
        if lo >= U_MAX:
            centre, coeffs = 0.0, [0.0] * (DEGREE + 1)   # no u reaches it (u is clamped at 13.5)
            err = float("nan")
        else:
            centre, coeffs = fit_piece(lo, hi)
            uu = np.linspace(max(lo - MARGIN, 2.0**-30), min(hi + MARGIN, EVAL_TOP), EVAL_POINTS)
            y = evaluate(centre, coeffs, uu).astype(np.float64)
            ref = np.array([h(float(v)) for v in uu.astype(np.float32)])
            err = float(np.max(np.abs(y / ref - 1)))
            worst = max(worst, err)
            if hi > EVAL_TOP < U_MAX:
                beyond = np.linspace(NORMAL_U, U_MAX, 4001)
                ratio = evaluate(centre, coeffs, beyond).astype(np.float64) / np.array([h(float(v)) for v in beyond.astype(np.float32)])
                print(f"piece {j} above u = {NORMAL_U} (results below 2^-126): h's polynomial / h - 1 in "
                      f"[{ratio.min() - 1:.2e}, {ratio.max() - 1:.2e}] up to u = {U_MAX}")
        slot = (first + j) % PIECES
        centres[slot] = centre
        for i in range(DEGREE + 1):
            table[i][slot] = coeffs[i]
        print(f"piece {j:{len(str(PIECES - 1))}d} u in [{lo:.4g}, {hi:.4g}): centre {centre!r}, float32 evaluation "
              f"{err:.3e} ({err / 2**-24:.2f} x 2^-24)")
    print(f"worst piece: {worst:.3e} ({worst / 2**-24:.2f} x 2^-24)")
    if ORIGIN != "zero":
        print("centres:", ", ".join(swift_hex(v) for v in centres))
    for i in range(DEGREE + 1):
        print(f"c{i}:", ", ".join(swift_hex(float(v)) for v in table[i]))


def main():
    global DEGREE, PIECES, ORIGIN, OVER_U, EXP_ENTRIES, EXP_DEGREE
    parser = argparse.ArgumentParser(description="Fit the fast GELU-erf's pieces.")
    parser.add_argument("--degree", type=int, default=DEGREE)
    parser.add_argument("--pieces", type=int, default=PIECES, choices=(16, 32))
    parser.add_argument("--origin", default=ORIGIN, choices=("zero", "centre", "start"))
    parser.add_argument("--over-u", action="store_true")
    parser.add_argument("--exp-entries", type=int, default=EXP_ENTRIES, choices=(16, 32))
    parser.add_argument("--exp-degree", type=int, default=EXP_DEGREE, choices=(2, 3))
    arguments = parser.parse_args()
    DEGREE, PIECES, ORIGIN, OVER_U = arguments.degree, arguments.pieces, arguments.origin, arguments.over_u
    EXP_ENTRIES, EXP_DEGREE = arguments.exp_entries, arguments.exp_degree
    print_pieces()
    alpha, coefficients, err, evaluated, exp_table = exponential()
    lam = math.log(2) / L
    if EXP_DEGREE == 3:
        print(f"L = {swift_hex(L)}; 2^(-s/L) = e^tau ~ c3·((a^2 + P)·a + Q), a = s + alpha, |s| <= L/{2 * EXP_ENTRIES}: "
              f"max relative error {err:.3e} ({err / 2**-24:.2f} x 2^-24)")
        print(f"alpha: {swift_hex(alpha)}, P: {swift_hex(coefficients[0])}, Q: {swift_hex(coefficients[1])}")
        entry = f"c3·2^(j/{EXP_ENTRIES})"
    else:
        print(f"L = {swift_hex(L)}; 2^(-s/L) = e^tau ~ 1 + c1·tau + tau^2/2, |s| <= L/{2 * EXP_ENTRIES}: c1 = -alpha·ln2/L = "
              f"{-alpha * lam!r}, max relative error {err:.3e} ({err / 2**-24:.2f} x 2^-24)")
        print(f"alpha: {swift_hex(alpha)}, beta: {swift_hex(coefficients[0])}")
        entry = f"K·2^(j/{EXP_ENTRIES})"
    print(f"e = 2^(-u^2/L) in float32 as the kernel forms it, u in [0, {NORMAL_U}]: max relative error {evaluated:.3e} "
          f"({evaluated / 2**-24:.2f} x 2^-24)")
    for first in range(0, EXP_ENTRIES, 16):
        print(f"{entry}, j = {first}-{first + 15}:", ", ".join(swift_hex(v) for v in exp_table[first:first + 16]))


if __name__ == "__main__":
    main()
