"""The fitting scripts' shared numerics: float32 rounding and FMA as the kernels evaluate them, and
minimax fits by Lawson's iteratively reweighted least squares (polynomials; rationals linearised
by Sanathanan-Koerner), and the eight-entry tables' cubics. Imported by the fit_*.py scripts."""
import mpmath as mp
import numpy as np


def f32(v):
    """v rounded to float32, as a Python float."""
    return float(np.float32(float(v)))


def fma32(a, b, c):
    """a*b + c rounded once to float32: formed in float64, where a product of float32s is exact."""
    return np.float32(np.float64(a) * np.float64(b) + np.float64(c))


def lawson(basis, target, weight, iters):
    """min max |weight*(basis@c - target)| by Lawson's iteratively reweighted least squares."""
    lw = np.ones(len(target)) / len(target)
    c = None
    for _ in range(iters):
        sw = np.sqrt(lw) * weight
        c, *_ = np.linalg.lstsq(basis * sw[:, None], target * sw, rcond=None)
        err = np.abs(weight * (basis @ c - target))
        lw = lw * err
        lw /= lw.sum()
    return c, np.max(np.abs(weight * (basis @ c - target)))


def fit_rational(x, f, num_powers, den_powers, iters, weight=None, fixed_num=None, floor=1e-300):
    """P/Q ~ f minimising max |weight·(P/Q - f)|, or the relative error |P/Q/f - 1| when weight is
    None; P = fixed_num(x) + sum a_i x^i, Q = 1 + sum b_j x^j. Sanathanan-Koerner: P - f·(Q - 1) = f
    in least squares, weighted by the error weight over |Q| of the previous step, with Lawson
    weights, each scaled by its error plus `floor` (which keeps an exact point's weight above 0).
    Returns a, b and the max (weighted) error."""
    q_prev = np.ones(len(x))
    lw = np.ones(len(x)) / len(x)
    fixed = fixed_num(x) if fixed_num else np.zeros(len(x))
    err = None
    for _ in range(iters):
        A = np.concatenate([np.stack([x**i for i in num_powers], 1),
                            -np.stack([f * x**j for j in den_powers], 1)], 1)
        if weight is None:
            ww = np.sqrt(lw) / (np.abs(f) * np.abs(q_prev))
        else:
            ww = np.sqrt(lw) * weight / np.abs(q_prev)
        sol, *_ = np.linalg.lstsq(A * ww[:, None], (f - fixed) * ww, rcond=None)
        a, b = sol[:len(num_powers)], sol[len(num_powers):]
        P = fixed + sum(c * x**i for c, i in zip(a, num_powers))
        Q = 1 + sum(c * x**j for c, j in zip(b, den_powers))
        err = np.abs(P / Q / f - 1) if weight is None else np.abs(weight * (P / Q - f))
        lw = lw * (err + floor)
        lw /= lw.sum()
        q_prev = Q
    return a, b, np.max(err)


def eighth_entry(j):
    """2^(j/8)/(1 + j/8): an eight-entry table's entry j before its coefficient, for kernels that
    scale by the float 2^n·(1 + j/8) the reduction's bits make."""
    return mp.power(2, mp.mpf(j) / 8) / (1 + mp.mpf(j) / 8)


def anchored(value, holds):
    """The float nearest `value` in float steps (within 16) for which `holds` is true: an entry
    moved so that its exponential is exactly 1 at 0."""
    v = np.float32(value)
    return next(f32(w) for w in (np.float32(v + np.float32(i) * np.spacing(v)) for i in sorted(range(-16, 17), key=abs))
                if holds(w))


def eighth_table_cubic(t, f, round_alpha=f32, anchor=None):
    """`table_cubic` with the eight-entry table of FloatVector+GELUErfEightPieces.swift, which holds
    c3·2^(j/8)/(1 + j/8): its kernel scales by the float 2^n·(1 + j/8) that the reduction's bits
    make."""
    return table_cubic(t, f, eighth_entry, 8, round_alpha, anchor)


def table_cubic(t, f, entry, entries, round_alpha=f32, anchor=None):
    """f on the points t (an exponential on one step of its table's reduction) as
    c3·((a^2 + P)·a + Q), a = t + alpha: the cubic with its square term shifted away, two FMAs in a
    kernel once a is formed, c3 carried by the table c3·entry(j), j < entries.
    Minimax relative (Lawson): alpha is the minimax cubic's c2/(3·c3) rounded by `round_alpha`; c3,
    P and Q are refitted with it fixed, P rounded and the others refitted, Q rounded and c3
    refitted; entry 0 is moved by the fewest float steps that make entry 0 · cubic(alpha) round to 1
    (the exponential exactly 1 at 0). `anchor(alpha)`, where a kernel reduces a shifted argument,
    gives (factor, j0, a0, scale0): every entry times factor, and entry j0 moved so that
    (entry j0 · cubic(a0)) · scale0 rounds to 1 in float32 instead. Returns alpha, P, Q, c3, the
    table and the cubic's relative error in exact arithmetic."""
    c, _ = lawson(np.stack([t**i for i in range(4)], 1), f, 1 / f, 80)
    alpha = round_alpha(c[2] / (3 * c[3]))
    a = t + alpha
    k, _ = lawson(np.stack([a**3, a, np.ones_like(a)], 1), f, 1 / f, 80)
    P = f32(k[1] / k[0])
    k, _ = lawson(np.stack([a**3 + P * a, np.ones_like(a)], 1), f, 1 / f, 80)
    Q = f32(k[1] / k[0])
    k, err = lawson(np.stack([a**3 + P * a + Q], 1), f, 1 / f, 80)
    c3 = float(k[0])
    factor, j0, a0, scale0 = anchor(alpha) if anchor else (1, 0, alpha, 1)
    table = [f32(float(entry(j) * factor) * c3) for j in range(entries)]
    a0 = np.float32(a0)
    r0 = fma32(fma32(a0, a0, np.float32(P)), a0, np.float32(Q))
    table[j0] = anchored(table[j0], lambda v: np.float32(np.float32(v * r0) * np.float32(scale0)) == 1)
    return alpha, P, Q, c3, table, float(err)


def eighth_table_horner_cubic(t, f):
    """f on the points t as c3·(((t + c2)·t + c1)·t + c0): Horner's rule from the monic cubic's
    square term (one add, then two FMAs, none rounding near a shifted argument), c3 carried by the
    eight-entry table c3·2^(j/8)/(1 + j/8) of FloatVector+SigmoidEighth.swift. Minimax relative
    (Lawson): the cubic fitted, c2 rounded and the rest refitted, then c1, then c0, then c3; entry 0
    moved by the fewest float steps that make entry 0 · c0 round to 1 (the exponential exactly 1
    at t = 0). Returns c2, c1, c0, c3, the table and the cubic's relative error in exact
    arithmetic."""
    c, _ = lawson(np.stack([t**3, t**2, t, np.ones_like(t)], 1), f, 1 / f, 80)
    c2 = f32(c[1] / c[0])
    k, _ = lawson(np.stack([t**3 + c2 * t**2, t, np.ones_like(t)], 1), f, 1 / f, 80)
    c1 = f32(k[1] / k[0])
    k, _ = lawson(np.stack([t**3 + c2 * t**2 + c1 * t, np.ones_like(t)], 1), f, 1 / f, 80)
    c0 = f32(k[1] / k[0])
    k, err = lawson(np.stack([t**3 + c2 * t**2 + c1 * t + c0], 1), f, 1 / f, 80)
    c3 = float(k[0])
    table = [f32(float(eighth_entry(j)) * c3) for j in range(8)]
    table[0] = anchored(table[0], lambda v: np.float32(v * np.float32(c0)) == 1)
    return c2, c1, c0, c3, table, float(err)
