"""The exponential tables and the polynomials that go with them (FloatVector+TableExp.swift).

Prints the Swift literals of the tables (entry bits less j·2^s; each entry's relative rounding as
a float): the 32-entry `expTable`/`expTableLow` of e^x (s = 18), read by a two-table permute, and
the 16-entry `expm1Table`/`expm1TableLow` of e^x - 1 (s = 19), read by a one-table permute, which
costs the loop less. Then the polynomial fits with their error bounds:

- e^t on |t| ≤ ln2/64 (+1e-6 for the reduction's rounding) as 1 + t·(c1 + c2·t): the minimax
  relative error of this form against Taylor's c1 = 1, c2 = 1/2.
- e^(k·t) - 1 on |t| ≤ ln2/(32k) (the 16-entry table) and on |t| ≤ ln2/(16k) (the eight-entry
  one, its even entries, which AVX2 builds read for tanh) as k·t + t²·(a + b·t) and as
  k·t + t²·(a + t·(b + c·t)), k = 1 (ELU) and 2 (tanh): Taylor's and the minimax coefficients,
  relative to e^(k·t) - 1. Which ones the kernels use is decided over every float by
  `bench accuracy --exhaustive` (scripts/fit/table_exp_coefficients.md).

Run: python3 scripts/fit/fit_table_exp.py"""
import mpmath as mp
import numpy as np

from minimax import f32, lawson

mp.mp.prec = 120
TABLE = 32
EXPM1_TABLE = 16


def bits(v):
    return int(np.array([v], dtype=np.float32).view(np.uint32)[0])


def tables(size):
    """Entries 2^(j/size) as float bits less j·2^(23 - log2 size), and each entry's rounding, relative
    (entry 0's as -0, whose sum with +0 keeps the sign of a zero)."""
    shift = 23 - (size.bit_length() - 1)
    entries, lows = [], []
    for j in range(size):
        exact = mp.power(2, mp.mpf(j) / size)
        entry = f32(float(exact))
        entries.append((bits(entry) - (j << shift)) & 0xffffffff)
        lows.append(bits(f32(float((exact - entry) / entry))) if j else 0x8000_0000)
    return entries, lows


def swift_literal(values):
    def item(v):
        return f"0x{v >> 16:04x}_{v & 0xffff:04x}" if v < 0x8000_0000 else f"Int32(bitPattern: 0x{v >> 16:04x}_{v & 0xffff:04x})"
    return ["SIMD16(" + ", ".join(item(v) for v in values[i:i + 16]) + ")" for i in range(0, len(values), 16)]


def relative_error(approx, exact):
    return float(np.max(np.abs(approx / exact - 1)))


def main():
    for name, size in (("expTable", TABLE), ("expm1Table", EXPM1_TABLE)):
        entries, lows = tables(size)
        halves = " (lo, hi)" if size > 16 else ""
        print(f"{name}{halves}:")
        for row in swift_literal(entries):
            print("   ", row)
        print(f"{name}Low{halves}:")
        for row in swift_literal(lows):
            print("   ", row)

    h = float(mp.log(2)) / (2 * TABLE) + 1e-6
    t = np.linspace(-h, h, 20001)
    exact = np.array([float(mp.exp(v)) for v in t])
    c, _ = lawson(np.stack([t, t * t], 1), exact - 1, 1 / exact, 60)
    c1, c2 = f32(c[0]), f32(c[1])
    print(f"\ne^t, |t| <= {h:.6f}, 1 + t*(c1 + c2*t):")
    print(f"  Taylor  c1 = 1, c2 = 1/2: max relative error {relative_error(1 + t * (1 + 0.5 * t), exact):.3e}")
    print(f"  minimax c1 = {c1.hex()} c2 = {c2.hex()}: max relative error {relative_error(1 + t * (c1 + c2 * t), exact):.3e}")

    for size, k in ((EXPM1_TABLE, 1), (EXPM1_TABLE, 2), (EXPM1_TABLE // 2, 1), (EXPM1_TABLE // 2, 2)):
        hk = (float(mp.log(2)) / (2 * size) + 1e-6) / k
        tk = np.linspace(-hk, hk, 20001)
        tk = tk[np.abs(tk) > 1e-9]
        exact = np.array([float(mp.expm1(k * v)) for v in tk])
        weight = 1 / np.abs(exact)
        taylor3 = k * tk + tk * tk * (k * k / 2 + k ** 3 / 6 * tk)
        taylor4 = k * tk + tk * tk * (k * k / 2 + tk * (k ** 3 / 6 + k ** 4 / 24 * tk))
        ab, _ = lawson(np.stack([tk * tk, tk ** 3], 1), exact - k * tk, weight, 60)
        a, b = f32(ab[0]), f32(ab[1])
        abc, _ = lawson(np.stack([tk * tk, tk ** 3, tk ** 4], 1), exact - k * tk, weight, 60)
        a4, b4, c4 = (f32(v) for v in abc)
        print(f"\ne^({k}t) - 1, {size}-entry table, |t| <= {hk:.6f}:")
        print(f"  {k}t + t^2*(a + b*t), Taylor a = {k * k / 2}, b = {k ** 3}/6: max relative error {relative_error(taylor3, exact):.3e}")
        print(f"  {k}t + t^2*(a + b*t), minimax a = {a.hex()} b = {b.hex()}: max relative error "
              f"{relative_error(k * tk + tk * tk * (a + b * tk), exact):.3e}")
        print(f"  {k}t + t^2*(a + t*(b + c*t)), Taylor: max relative error {relative_error(taylor4, exact):.3e}")
        print(f"  {k}t + t^2*(a + t*(b + c*t)), minimax a = {a4.hex()} b = {b4.hex()} c = {c4.hex()}: max relative error "
              f"{relative_error(k * tk + tk * tk * (a4 + tk * (b4 + c4 * tk)), exact):.3e}")


if __name__ == "__main__":
    main()
