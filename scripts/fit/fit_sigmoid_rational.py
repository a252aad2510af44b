"""The sigmoid's rational exponential with tables (FloatVector+Activations.swift): σ = N/(N + M),
N = c·2^(n+26)·2^(j/32)·(1 + t/2), M = c·2^26·(1 - e·t), so N/M = e^x wherever
(1 + t/2)/(1 - e·t) = e^t.

Prints:
- e, the minimax relative fit of (1 + t/2)/(1 - e·t) to e^t on |t| ≤ ln2/64 (+1e-6 for the
  reduction's rounding), against Padé's e = 1/2; the numerator's 1/2 is fixed because N is one FMA
  of s = c·2^(n+26)·2^(j/32) and s/2 (one integer subtract) with t.
- c, the float in [0.990, 0.9946] whose 32 entries c·2^(j/32) round to float with the smallest
  largest relative error: below 0.9946, M stays under 2^26 for every t, in the top of its binade
  (its rounding at most 2^-25 relative; above 2^26 it would be 2^-24), and c near 1 keeps it there.
- the table's Swift literals (entry bits less j·2^18, as `expTableLo`/`expTableHi`) and M's two
  float constants, c·2^26 (exact) and -c·e·2^26 (rounded).

The form's error over every float is what `bench accuracy --exhaustive` measures
(scripts/fit/sigmoid_rational_coefficients.md).

Run: python3 scripts/fit/fit_sigmoid_rational.py"""
import mpmath as mp
import numpy as np

from fit_table_exp import bits, swift_literal
from minimax import f32

mp.mp.prec = 120
TABLE = 32


def rational_error(e, t, exact):
    return float(np.max(np.abs((1 + t / 2) / (1 - e * t) / exact - 1)))


def fit_e(t, exact):
    """min over e of the max relative error: the error is unimodal in e, so golden-section search."""
    lo, hi = 0.49, 0.51
    g = (5 ** 0.5 - 1) / 2
    for _ in range(200):
        a, b = hi - g * (hi - lo), lo + g * (hi - lo)
        if rational_error(a, t, exact) < rational_error(b, t, exact):
            hi = b
        else:
            lo = a
    return (lo + hi) / 2


def entry_error(c, powers):
    v = np.float64(c) * powers
    return float(np.max(np.abs(v.astype(np.float32).astype(np.float64) - v) / v))


def main():
    h = float(mp.log(2)) / (2 * TABLE) + 1e-6
    t = np.linspace(-h, h, 20001)
    exact = np.array([float(mp.exp(v)) for v in t])
    e = fit_e(t, exact)
    print(f"(1 + t/2)/(1 - e*t), |t| <= {h:.6f}:")
    print(f"  Pade    e = 1/2: max relative error {rational_error(0.5, t, exact):.3e}")
    print(f"  minimax e = {f32(e).hex()}: max relative error {rational_error(f32(e), t, exact):.3e}")

    powers = np.array([float(mp.power(2, mp.mpf(j) / TABLE)) for j in range(TABLE)])
    first = np.array([0.990], dtype=np.float32).view(np.int32)[0]
    last = np.array([0.9946], dtype=np.float32).view(np.int32)[0]
    candidates = np.arange(first, last, dtype=np.int32).view(np.float32)
    errors = np.array([entry_error(c, powers) for c in candidates])
    c = float(candidates[np.argmin(errors)])
    print(f"c = {c.hex()}: largest relative entry rounding {errors.min() / 2**-25:.3f}·2^-25 "
          f"(median over the {len(candidates)} floats in [0.990, 0.9946]: {np.median(errors) / 2**-25:.3f}·2^-25)")
    print(f"  M/2^26 over |t| <= h: [{c * (1 - f32(e) * h):.5f}, {c * (1 + f32(e) * h):.5f}]")
    entries = [(bits(f32(float(mp.mpf(c) * mp.power(2, mp.mpf(j) / TABLE)))) - (j << 18)) & 0xffffffff
               for j in range(TABLE)]
    print("sigmoidTable (lo, hi):")
    for row in swift_literal(entries):
        print("   ", row)
    print(f"M = {f32(c * 2**26).hex()} + t*{f32(-c * f32(e) * 2**26).hex()}")


if __name__ == "__main__":
    main()
