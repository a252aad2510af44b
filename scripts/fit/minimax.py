"""The fitting scripts' shared numerics: float32 rounding and FMA as the kernels evaluate them, and
minimax fits by Lawson's iteratively reweighted least squares (polynomials; rationals linearised
by Sanathanan-Koerner). Imported by fit_fast_float.py and fit_gelu_float.py."""
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
