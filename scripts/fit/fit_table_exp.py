"""The 32-entry exponential tables and the polynomials that go with them (FloatVector+TableExp.swift).

Prints, for `expTable` and `expTableLow`, the Swift literals (entry bits less j·2^18; each entry's
relative rounding as a float), then the polynomial fits with their error bounds:

- e^t on |t| ≤ ln2/64 (+1e-6 for the reduction's rounding) as 1 + t·(c1 + c2·t): the minimax
  relative error of this form against Taylor's c1 = 1, c2 = 1/2.
- e^(k·t) - 1 on |t| ≤ ln2/(64k) as k·t + t²·(a + b·t), k = 1 (ELU) and 2 (tanh): Taylor's and the
  minimax a, b, relative to e^(k·t) - 1. Which pair the kernels use is decided over every float by
  `bench accuracy --exhaustive` (scripts/fit/table_exp_coefficients.md).

Run: python3 scripts/fit/fit_table_exp.py"""
import mpmath as mp
import numpy as np

from minimax import f32, lawson

mp.mp.prec = 120
TABLE = 32


def bits(v):
    return int(np.array([v], dtype=np.float32).view(np.uint32)[0])


def tables():
    entries, lows = [], []
    for j in range(TABLE):
        exact = mp.power(2, mp.mpf(j) / TABLE)
        entry = f32(float(exact))
        entries.append((bits(entry) - (j << 18)) & 0xffffffff)
        lows.append(bits(f32(float((exact - entry) / entry))))
    return entries, lows


def swift_literal(values):
    def item(v):
        return f"0x{v >> 16:04x}_{v & 0xffff:04x}" if v < 0x8000_0000 else f"Int32(bitPattern: 0x{v >> 16:04x}_{v & 0xffff:04x})"
    rows = []
    for half in (values[:16], values[16:]):
        rows.append("SIMD16(" + ", ".join(item(v) for v in half) + ")")
    return rows


def relative_error(approx, exact):
    return float(np.max(np.abs(approx / exact - 1)))


def main():
    entries, lows = tables()
    print("expTable (lo, hi):")
    for row in swift_literal(entries):
        print("   ", row)
    print("expTableLow (lo, hi):")
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

    for k in (1, 2):
        hk = h / k
        tk = np.linspace(-hk, hk, 20001)
        tk = tk[np.abs(tk) > 1e-9]
        exact = np.array([float(mp.expm1(k * v)) for v in tk])
        taylor = k * tk + tk * tk * (k * k / 2 + k ** 3 / 6 * tk)
        ab, _ = lawson(np.stack([tk * tk, tk ** 3], 1), exact - k * tk, 1 / np.abs(exact), 60)
        a, b = f32(ab[0]), f32(ab[1])
        print(f"\ne^({k}t) - 1, |t| <= {hk:.6f}, {k}t + t^2*(a + b*t):")
        print(f"  Taylor  a = {k * k / 2}, b = {k ** 3}/6: max relative error {relative_error(taylor, exact):.3e}")
        print(f"  minimax a = {a.hex()} b = {b.hex()}: max relative error {relative_error(k * tk + tk * tk * (a + b * tk), exact):.3e}")


if __name__ == "__main__":
    main()
