#!/usr/bin/env python3
"""Float32 tables for the fast GELU-erf's tail factor at 16 lanes where the build reads tables
(FloatVector+GELUErfPieces.swift, `geluErfTailFactor`): h(u) = u·Phi(-u)·2^(u^2/L) as sixteen
quintics, and its exponential e = 2^(-u^2/L), L = 355/256 (2ln2 to nine bits), so that
e·h = u·Phi(-u). The output is recorded in gelu_erf_pieces_coefficients.md.

The piece is named by w = u^2 + c rounded, the value the exponential's reduction rounds:
(bits(w) >> 22) & 15 is a half of an octave of w ([1, 1.5), [1.5, 2), [2, 3), ...), so the piece
costs one shift. With c in [1, 1.5) the sixteen halves run from w = c to 256, u up to 15.9: narrow
where h bends most (small u), wide where h flattens towards 1/sqrt(2 pi). c near 1.41 balances the
first two pieces (a larger c narrows the first and widens the second); it is the point of C's
lattice nearest that (below). Piece j (w's index (first + j) mod 16) is a polynomial in u itself:
no centre is read or subtracted. In float32 that costs little, because h's higher derivatives fall
fast where the pieces are wide, so the terms that cancel stay small (the figures printed are the
float32 evaluation). A piece takes the lowest degree whose unrounded fit is within SLACK (up to
five); piece 0 has no constant term and the exact linear term 1/2, so h(u) = u·(1/2 + ...) keeps
its relative accuracy down to the smallest u and rounds as u/2 does there. Each piece is fitted on
its range widened by 2^-19 on both sides; the last one only up to NORMAL_U + 1/16: above NORMAL_U
the result is below 2^-126, where the budget is an absolute bound and e < 2^-124 makes any h of
modest size meet it (its ratio to h up to u's clamp is printed).

Two coefficients per table entry (PACK): the top one, c5 (c_DEGREE), is rounded to its
PACK_BITS = 13 high bits (sign, 8 exponent bits and 4 of mantissa) and stored in the low 13 bits
of c4's entry (the one below), which the kernel shifts left by 19 to read it; c4 is the float with
those low bits nearest its value (within 2^-11 relative). Both are fixed first, from the top, and
the others fitted to what they leave. Of 12, 13 and 14 bits, 13 gives the smallest worst piece
(c5's rounding against c4's). A piece of degree four has c5 = 0, so its c4's low 13 bits are 0.

h absorbs e^(-u^2/2)/2^(-u^2/L) = e^(gamma·u^2), gamma = ln2/L - 1/2 (about -1.5e-4), so the
kernel reduces u^2/L with the nine-bit L, exactly, and forms no low part of 2ln2. The reduction
rounds -w/L to k/32 by the constant MAGIC = 1.5·2^18 + 127 (float spacing 1/32; its bits shifted
left by 18 hold 127 in the exponent field): shifted = MAGIC - w/L rounded, and shifted's bits
shifted left by 18 are the float 2^n·(1 + j/32), n = floor(k/32), j = k mod 32. The residual
s = u^2 + c + (k/32)·L and 2^(-s/L) = e^tau, tau = -lambda·s, lambda = ln2/L; e^tau's quadratic with
the tau^2 coefficient fixed at 1/2, 1 + c1·tau + tau^2/2, is K·((s + alpha)^2 + beta) with
K = lambda^2/2, alpha = -c1/lambda (on the grid of 2^-16), beta = (2 - c1^2)/lambda^2. The kernel
forms a = s + alpha = u·u + p with p = (k/32)·L + alpha + c = shifted·L + C by one FMA:
C = alpha + c - MAGIC·L is a float only if alpha + c lies on MAGIC·L's lattice of 1/16 (floats
near 2^19), which is how c is chosen, and the product and C are exact in the FMA, whose result, on
the grid of 2^-13 below 256, is a float. The table holds K·2^(j/32 + c/L)/(1 + j/32) (2^(c/L)
undoes w's c), so e = (entry·(a^2 + beta))·2^n·(1 + j/32). beta is the float nearest its value for
which e = 1 exactly at u = 0 (tiny x keep x/2). Fixing the tau^2 coefficient costs nothing: the
minimax c1 for it alone gives the same error as the free quadratic (the error is tau^3/6 less a
multiple of tau, a Chebyshev cubic either way). u is clamped at UC, where k = -4064 = -127·32: the
shifted bits there are those of +0, so e is 0 (+inf gives +inf, -inf gives -0), and no smaller k
occurs, so the exponent field never wraps; for k in (-4064, -4032) the field is 0 and the scale a
subnormal below its value, where results are below 2^-126. The last figure printed is that whole
exponential in float32.

Fit: minimax relative error (Lawson-reweighted least squares); then each coefficient is rounded
to float32 from the constant term up (after the packed pair), refitting the higher ones after each
rounding. The figures printed are the rounded pieces evaluated as the kernel does (float32 Horner
with FMA) against mpmath on a dense grid of each piece. The tables are printed as Swift literals
(lowest degree first, entry (first + j) mod 16 holds piece j; c5 for reference, the kernel reads it
from c4's entry).

Usage: .venv-fit/bin/python scripts/fit/fit_gelu_erf_pieces.py   (run from scripts/fit; about a minute)

--degree N and --origin centre|start fit the forms weighed against the kernel's
(results/kernels/README.md): lower degrees; each piece's polynomial in r = u - c_j from its
midpoint c_j (read from a table and subtracted) or from its start s_j. The defaults, 5 and zero
(the polynomial in u), are the kernel's. fit_gelu_erf_eight_pieces.py uses this module's piece fit
(with PACK: c6 in c5's entry) for the AVX2 kernel's eight pieces.
"""
import argparse
import math
import struct

import mpmath as mp
import numpy as np

from minimax import f32, fma32, lawson

mp.mp.dps = 30
DEGREE = 5     # --degree
PIECES = 16    # pieces and table entries
ORIGIN = "zero"  # --origin: r = u ("zero"), u - (the midpoint of the piece, "centre") or u - (its start, "start")
PACK = False   # the top coefficient in the low bits of the next one's entry (each script's main sets it)
PACK_BITS = 13   # the top coefficient's high bits kept: sign, exponent and four mantissa bits
MARGIN = 2.0**-19
SLACK = 2.0**-26   # a piece takes the lowest degree whose unrounded fit is within this
L = round(2 * math.log(2) * 256) / 256   # the reduction's constant: 2ln2 to nine bits
NORMAL_U = 13.1462467   # u·Phi(-u) = 2^-126: |GELU(-u)| is a normal float below it
ENTRIES = 32   # the exponential's table: steps of 1/32 in the exponent
MAGIC = 1.5 * 2**18 + 127   # float spacing 1/32; bits << 18 put n + 127 in the exponent field
SHIFT_NOMINAL = 1.41   # w = u^2 + c, c near this: the first two pieces' errors near their balance
# Set by choose_shift(): c, C = alpha + c - MAGIC·L, and u's clamp, where k = -4064.
SHIFT = C = None
U_MAX = 14.5   # u's clamp (set to UC by main)
# What a caller with another kernel sets (fit_gelu_erf_eight_pieces.py): h's factor 1/e, the top of
# the last piece's fit and of its evaluation, and the slack below which a piece takes a lower degree.
GROWTH = lambda u: mp.power(2, u * u / L)
FIT_TOP = NORMAL_U + 1 / 16
EVAL_TOP = NORMAL_U
EVAL_POINTS = 4001   # each piece's float32 evaluation is checked on this many points


def h(u):
    u = mp.mpf(u)
    return float(u * mp.erfc(u / mp.sqrt(2)) / 2 * GROWTH(u))


def bits(v):
    return struct.unpack("<I", struct.pack("<f", v))[0]


def from_bits(b):
    return struct.unpack("<f", struct.pack("<I", b))[0]


def pieces():
    """(lo, hi) in u of the pieces, the halves of w = u^2 + c's octaves from c up, and the table
    entry of the first (piece j sits in entry (first + j) mod PIECES). A caller that cuts its
    pieces otherwise sets this module's `pieces` to its own function."""
    first = bits(SHIFT) >> 22
    cuts = []
    for j in range(PIECES):
        lo = 0.0 if j == 0 else math.sqrt(from_bits((first + j) << 22) - SHIFT)
        cuts.append((lo, math.sqrt(from_bits((first + j + 1) << 22) - SHIFT)))
    return cuts, first % PIECES


def packed_top(c5):
    """c5 rounded to its PACK_BITS high bits (nearest), as a float."""
    if c5 == 0:
        return 0.0
    low = 32 - PACK_BITS
    return from_bits(((bits(f32(c5)) + (1 << (low - 1))) >> low) << low)


def packed_c4(c4, c5q):
    """The float nearest c4 whose low PACK_BITS bits are c5q's high ones: c4's entry."""
    low = 32 - PACK_BITS
    step = 1 << PACK_BITS
    b = bits(f32(c4)) & ~(step - 1) & 0xFFFFFFFF
    candidates = [from_bits(((b + d * step) & ~(step - 1) & 0xFFFFFFFF) | (bits(c5q) >> low)) for d in (-1, 0, 1)]
    return min(candidates, key=lambda v: abs(v - c4))


def fit_piece(lo, hi):
    """Float32 coefficients (lowest degree first) and the centre of one piece."""
    a, b = max(lo - MARGIN, 0.0), min(hi + MARGIN, FIT_TOP)
    x = np.cos(np.linspace(0, math.pi, 400)) * (b - a) / 2 + (a + b) / 2
    zero = lo == 0
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
    top = {}   # coefficients fixed from the top: the packed pair

    def fit_free(k):
        """The unrounded coefficients k..degree not in `top`, fitted to what the rest leave."""
        free = [i for i in range(k, degree + 1) if i not in top]
        rest = f - sum(c * r**i for i, c in enumerate(fixed)) - sum(c * r**i for i, c in top.items())
        c, _ = lawson(np.stack([r**i for i in free], 1), rest, 1 / np.abs(f), 40)
        return dict(zip(free, c))

    top_degree = DEGREE
    if PACK and degree >= top_degree - 1:
        if degree == top_degree:
            top[top_degree] = packed_top(fit_free(len(fixed))[top_degree])
        else:
            top[top_degree] = 0.0
        below = fit_free(len(fixed))[top_degree - 1]
        top[top_degree - 1] = packed_c4(below, top[top_degree]) if degree == top_degree else packed_top(below)
    while len(fixed) < degree + 1 and len(fixed) not in top:
        fixed.append(f32(fit_free(len(fixed))[len(fixed)]))
    coeffs = fixed + [top.get(i, 0.0) for i in range(len(fixed), DEGREE + 1)]
    return centre, coeffs


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


def choose_shift(alpha):
    """c for alpha: C = alpha + c - MAGIC·L must be a float (the grid of 1/16 near 2^19), so
    alpha + c lies on MAGIC·L's lattice of 1/16; c is the lattice point nearest
    alpha + SHIFT_NOMINAL, less alpha. Sets SHIFT and C, and returns u's clamp: the float where
    the kernel's k first reaches -4064 (e = 0 there)."""
    global SHIFT, C
    base = MAGIC * L % (1 / 16)
    point = base + (1 / 16) * round((alpha + SHIFT_NOMINAL - base) * 16)
    SHIFT = point - alpha
    assert SHIFT == f32(SHIFT) and 1 <= SHIFT < 1.5, "c must be a float in [1, 1.5)"
    C = alpha + SHIFT - MAGIC * L
    assert C == f32(C), "C must be a float"
    lo, hi = bits(12.0), bits(14.0)   # k(12) > -4064 >= k(14): bisect on the floats between
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if steps(np.array([from_bits(mid)], dtype=np.float32))[0] <= -127 * ENTRIES:
            hi = mid
        else:
            lo = mid
    return from_bits(hi)


def reduced(u):
    """The kernel's reduction sum for each float32 u: w = u·u + c and shifted = MAGIC - w/L, each
    rounded once."""
    return fma32(fma32(u, u, np.float32(SHIFT)), np.float32(-1 / L), np.float32(MAGIC))


def steps(u):
    """The kernel's k for each float32 u: shifted = MAGIC + k/32."""
    return np.round((reduced(u).astype(np.float64) - MAGIC) * ENTRIES).astype(np.int64)


def exponential():
    """alpha, beta, the quadratic's error, the whole exponential's in float32 (the kernel's steps,
    over u where the result is normal), its table and u's clamp."""
    lam = math.log(2) / L
    # |s| <= L/(2·entries), plus the rounding of w and of -1/L in the index.
    half = lam * (L / (2 * ENTRIES) + 1e-4)
    t = np.cos(np.linspace(0, math.pi, 2001)) * half
    f = np.exp(t)
    c, _ = lawson((t / f)[:, None], 1 - (1 + t * t / 2) / f, np.ones_like(t), 60)
    alpha = f32(round(-c[0] / lam * 2**16) / 2**16)
    c1 = -alpha * lam
    k = lam * lam / 2
    uc = choose_shift(alpha)
    factor = mp.power(2, mp.mpf(SHIFT) / L)
    table = [f32(float(mp.power(2, mp.mpf(j) / ENTRIES) * factor * k / (1 + mp.mpf(j) / ENTRIES))) for j in range(ENTRIES)]

    def kernel_e(u):
        """e as the kernel forms it, for float32 u (scale exact where normal)."""
        kk = steps(u)
        shifted = reduced(u)
        p = fma32(shifted, np.float32(L), np.float32(C))
        assert np.all(p.astype(np.float64) == kk / ENTRIES * L + alpha + SHIFT), "p must be exact"
        a = fma32(u, u, p)
        b = fma32(a, a, np.float32(beta))
        entry = np.array(table, dtype=np.float32)[kk % ENTRIES]
        scale = (1 + (kk % ENTRIES) / ENTRIES) * np.exp2((kk // ENTRIES).astype(np.float64))
        return ((entry * b).astype(np.float32).astype(np.float64) * scale).astype(np.float32)

    # beta: the float nearest its value for which e(0) = 1 exactly (tiny x keep x/2).
    ideal = f32((2 - c1 * c1) / (lam * lam))
    zero = np.zeros(1, dtype=np.float32)
    for i in sorted(range(-64, 65), key=abs):
        beta = f32(float(np.float32(ideal) + np.float32(i) * np.spacing(np.float32(ideal))))
        if kernel_e(zero)[0] == 1:
            break
    assert kernel_e(zero)[0] == 1, "e(0) must be 1 exactly"
    polynomial = float(np.max(np.abs((1 + c1 * t + t * t / 2) / f - 1)))
    u = np.linspace(0, uc, 4000001).astype(np.float32)
    assert steps(u).min() == -127 * ENTRIES and steps(u)[-1] == -127 * ENTRIES, "the clamp must reach k = -4064 and no further"
    e = kernel_e(u)
    exact = np.exp2(-np.square(u.astype(np.float64)) / L)   # u^2 is exact in float64
    normal = u <= NORMAL_U
    evaluated = float(np.max(np.abs(e[normal].astype(np.float64) / exact[normal] - 1)))
    return alpha, beta, polynomial, evaluated, table, uc


def print_pieces():
    """Fits every piece (PIECES of them, DEGREE each) and prints each one's float32 error, the
    worst, and the tables as Swift literals, entry (first + j) mod PIECES holding piece j."""
    centres = [0.0] * PIECES
    table = [[0.0] * PIECES for _ in range(DEGREE + 1)]
    cuts, first = pieces()
    worst = 0.0
    for j, (lo, hi) in enumerate(cuts):
        if lo >= U_MAX:
            centre, coeffs = 0.0, [0.0] * (DEGREE + 1)   # no u reaches it (u is clamped below it)
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
    global DEGREE, ORIGIN, PACK, U_MAX
    parser = argparse.ArgumentParser(description="Fit the fast GELU-erf's pieces.")
    parser.add_argument("--degree", type=int, default=DEGREE)
    parser.add_argument("--origin", default=ORIGIN, choices=("zero", "centre", "start"))
    arguments = parser.parse_args()
    DEGREE, ORIGIN = arguments.degree, arguments.origin
    PACK = DEGREE == 5 and ORIGIN == "zero"
    alpha, beta, err, evaluated, exp_table, uc = exponential()   # fixes c and C, which the pieces use
    U_MAX = uc
    print_pieces()
    lam = math.log(2) / L
    print(f"L = {swift_hex(L)}; MAGIC = 1.5·2^18 + 127; c = {swift_hex(SHIFT)} (w = u^2 + c); u's clamp UC = {swift_hex(uc)}")
    print(f"2^(-s/L) = e^tau ~ 1 + c1·tau + tau^2/2, |s| <= L/{2 * ENTRIES}: c1 = -alpha·ln2/L = "
          f"{-alpha * lam!r}, max relative error {err:.3e} ({err / 2**-24:.2f} x 2^-24)")
    print(f"alpha: {swift_hex(alpha)}, beta: {swift_hex(beta)}, C = alpha + c - MAGIC·L: {swift_hex(C)}")
    print(f"e = 2^(-u^2/L) in float32 as the kernel forms it, u in [0, {NORMAL_U}]: max relative error {evaluated:.3e} "
          f"({evaluated / 2**-24:.2f} x 2^-24)")
    for first in range(0, ENTRIES, 16):
        print(f"K·2^(j/{ENTRIES} + c/L)/(1 + j/{ENTRIES}), j = {first}-{first + 15}:",
              ", ".join(swift_hex(v) for v in exp_table[first:first + 16]))


if __name__ == "__main__":
    main()
