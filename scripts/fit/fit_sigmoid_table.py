"""The sigmoid's table form (FloatVector+Activations.swift, builds that read tables):
σ = N/(N + M), N = c·2^(n+26)·2^(j/32) (a table entry scaled by an integer add, no arithmetic),
M = c·2^26·e^-t as the quadratic c·2^26 + t·(p1 + p2·t), so N/M = e^x wherever the quadratic is
e^-t.

Prints:
- the minimax quadratic 1 - a·t + b·t² for e^-t on |t| ≤ ln2/64 (+1e-6 for the reduction's
  rounding), relative, against Taylor's a = 1, b = 1/2.
- c, the float in [LOW, HIGH] whose 32 entries c·2^(j/32) round to float with the smallest largest
  relative error: below HIGH = 1/e^(ln2/64 + 1e-6), M stays under 2^26 for every t, in the top of
  its binade (its rounding at most 2^-25 relative; above 2^26 it would be 2^-24).
- M's float constants c·2^26 (exact), p1 = -c·a·2^26 and p2 = c·b·2^26 (rounded), and the relative
  error of M so evaluated (in double) against c·2^26·e^-t.
- the ln2 low part's constant for M's leading term: with ln2 as one float in the reduction, t is
  off by k·ℓ (k the reduction's index, ℓ = 0x1.05c610p-34, `ln2Lo32`), which the accurate tier
  puts back as M's leading term c·2^26·(1 - k·ℓ), one FMA beside the chain.
- the table's Swift literals (entry bits less j·2^18, as `expTableLo`/`expTableHi`).

The form's error over every float is what `bench accuracy --exhaustive` measures
(scripts/fit/sigmoid_table_coefficients.md).

Run: python3 scripts/fit/fit_sigmoid_table.py"""
import mpmath as mp
import numpy as np

from fit_table_exp import bits, swift_literal
from minimax import f32, lawson

mp.mp.prec = 120
TABLE = 32
LOW = 0.985
LN2_LO32 = float.fromhex("0x1.05c610p-34")


def entry_error(c, powers):
    v = np.float64(c) * powers
    return float(np.max(np.abs(v.astype(np.float32).astype(np.float64) - v) / v))


def main():
    h = float(mp.log(2)) / (2 * TABLE) + 1e-6
    t = np.linspace(-h, h, 20001)
    exact = np.array([float(mp.exp(-v)) for v in t])
    ab, _ = lawson(np.stack([t, t * t], 1), exact - 1, 1 / exact, 60)
    a, b = f32(-ab[0]), f32(ab[1])
    taylor = float(np.max(np.abs((1 - t + t * t / 2) / exact - 1)))
    print(f"e^-t, |t| <= {h:.6f}, 1 - a*t + b*t^2:")
    print(f"  Taylor  a = 1, b = 1/2: max relative error {taylor:.3e}")
    print(f"  minimax a = {a.hex()} b = {b.hex()}: max relative error {float(np.max(np.abs((1 - a * t + b * t * t) / exact - 1))):.3e}")

    high = float(1 / mp.exp(h))
    powers = np.array([float(mp.power(2, mp.mpf(j) / TABLE)) for j in range(TABLE)])
    first = np.array([LOW], dtype=np.float32).view(np.int32)[0]
    last = np.array([high], dtype=np.float32).view(np.int32)[0]
    candidates = np.arange(first, last, dtype=np.int32).view(np.float32)
    errors = np.array([entry_error(c, powers) for c in candidates])
    c = float(candidates[np.argmin(errors)])
    print(f"c = {c.hex()}: largest relative entry rounding {errors.min() / 2**-25:.3f}·2^-25 "
          f"(median over the {len(candidates)} floats in [{LOW}, {high:.5f}]: {np.median(errors) / 2**-25:.3f}·2^-25)")
    big = c * 2**26
    p1, p2 = f32(-c * a * 2**26), f32(c * b * 2**26)
    m = big + t * (p1 + p2 * t)
    print(f"  M/2^26 over |t| <= h: [{float(np.min(m)) / 2**26:.5f}, {float(np.max(m)) / 2**26:.5f}]")
    print(f"M = {f32(big).hex()} + t*({p1.hex()} + t*{p2.hex()}): max relative error "
          f"{float(np.max(np.abs(m / (big * exact) - 1))):.3e}")
    print(f"M's leading term with ln2's low part: {f32(big).hex()} + k*{f32(-big * LN2_LO32).hex()}")
    entries = [(bits(f32(float(mp.mpf(c) * mp.power(2, mp.mpf(j) / TABLE)))) - (j << 18)) & 0xffffffff
               for j in range(TABLE)]
    print("sigmoidTable (lo, hi):")
    for row in swift_literal(entries):
        print("   ", row)


if __name__ == "__main__":
    main()
