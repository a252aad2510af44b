#!/usr/bin/env python3
"""Plots for the accuracy report of `bench accuracy --format json`.

Usage: plot_accuracy.py [accuracy.json] [output-dir]     (output-dir defaults to results/plots/)
       plot_accuracy.py --derivatives-only [output-dir]

Writes into the output directory:
  ulp-<function>.png               per-bin maximum ulp error against x over the report's profile domain,
                                   one line per implementation (log scale; 0 is drawn at a floor, non-finite
                                   errors at a ceiling line), with the command and machine from the report.
  functions-and-derivatives.png    each activation and its analytic derivative over its plot range, with the
                                   regions where |f'| < 0.01 (saturation) shaded. Needs no report.

The functions, formulas, derivatives and plot ranges come from the tool's function table
(function_table.py: `bench list --functions --json`). Run it through `scripts/plot.sh accuracy`, which
provides matplotlib and numpy in .venv-plots/.
"""

import argparse
import math
import os
import sys
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.transforms as mtransforms  # noqa: E402
import numpy as np  # noqa: E402

import function_table  # noqa: E402
import report_file  # noqa: E402

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(REPO_ROOT, "results", "plots")

# 1200 x 800 pixels.
FIGSIZE = (12, 8)
DPI = 100

ULP_FLOOR = 1e-3          # bins whose max error is 0 are drawn here (log scale)
NONFINITE_MARKER = 1e9    # the tool writes this for a bin with a non-finite error
SATURATION = 0.01         # |f'| below this counts as saturated

CURVE_POINTS = 12001      # f and f' per function for the derivative plot (0.001 apart over [-6, 6])

# Fixed styles for the known implementations so every plot uses the same colours.
STYLES = {
    "swift-naive": dict(color="#d62728", lw=1.6, ls="-"),
    "swift-libm": dict(color="#222222", lw=1.4, ls="-"),
    "swift-simd8": dict(color="#1f77b4", lw=1.6, ls="-"),
    "swift-simd16": dict(color="#17becf", lw=1.6, ls="--"),
    "c-sleef-u10-avx2": dict(color="#2ca02c", lw=1.4, ls="-"),
    "c-sleef-u35-avx2": dict(color="#ff7f0e", lw=1.4, ls="-"),
}
FALLBACK_COLORS = ["#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#aec7e8", "#ffbb78"]


def number(v):
    """A JSON number, or one of the strings the tool writes for non-finite values."""
    if v is None:
        return math.nan
    if isinstance(v, str):
        s = v.strip().lower()
        if s in ("inf", "+inf", "infinity"):
            return math.inf
        if s in ("-inf", "-infinity"):
            return -math.inf
        if s == "nan":
            return math.nan
        try:
            return float.fromhex(s) if "0x" in s else float(s)
        except ValueError:
            return math.nan
    return float(v)


def fmt_ulp(v):
    if math.isinf(v) or math.isnan(v):
        return "inf" if v > 0 else str(v)
    if v == 0:
        return "0"
    if v < 1000:
        return f"{v:.3g}"
    return f"{v:.3g}".replace("e+0", "e").replace("e+", "e")


def fmt_x(v):
    if math.isinf(v) or math.isnan(v):
        return str(v)
    return f"{v:.6g}"


def style_for(impl, index):
    if impl in STYLES:
        return dict(STYLES[impl])
    return dict(color=FALLBACK_COLORS[index % len(FALLBACK_COLORS)], lw=1.4, ls="-")


def footnote(report):
    m = report.get("machine", {})
    c = report.get("configuration", {})
    p = report.get("profile", {})
    r = report.get("reference", {})
    parts = [
        m.get("cpu_model", "?"),
        f"Swift vector ISA {m.get('swift_vector_isa', '?')}",
        f"{m.get('build_configuration', '?')} build",
        f"commit {m.get('git_commit', '?')}",
    ]
    if m.get("date"):
        parts.append(m["date"])
    machine = " · ".join(parts)
    mode = c.get("mode", "?")
    sample = f"{mode}"
    if c.get("inputs_per_kernel"):
        sample += f", {c['inputs_per_kernel']} inputs per kernel"
    if c.get("seed") is not None:
        sample += f" (seed {c['seed']})"
    if p.get("bins") and p.get("domain"):
        a, b = p["domain"]
        sample += f"; max per bin over {p['bins']} bins of [{a}, {b}]"
    if r.get("kind"):
        ref = f"reference {r['kind']}"
        if r.get("mpfr_version"):
            ref += f" {r['mpfr_version']}"
        if r.get("mpfr_precision_bits"):
            ref += f" at {r['mpfr_precision_bits']} bits"
        sample += f"; {ref}"
    command = c.get("command", "?")
    lines = textwrap.wrap(f"command: {command}", 170, subsequent_indent="    ")
    lines.append(f"machine: {machine}")
    lines.append(sample)
    return "\n".join(lines)


def plot_ulp(report, function, series, overall, out_path):
    """series: list of (implementation, np.array of per-bin max ulp)."""
    profile = report["profile"]
    a, b = (float(v) for v in profile["domain"])
    nbins = len(series[0][1])
    edges = np.linspace(a, b, nbins + 1)

    # Implementations with identical profiles (e.g. simd8 and simd16) share one line.
    groups = []
    for impl, values in series:
        for g in groups:
            if np.array_equal(g[1], values, equal_nan=True):
                g[0].append(impl)
                break
        else:
            groups.append(([impl], values))

    finite_max = 0.0
    any_nonfinite = False
    for _, v in groups:
        bad = ~np.isfinite(v) | (v >= NONFINITE_MARKER)
        any_nonfinite |= bool(bad.any())
        ok = v[~bad]
        if ok.size:
            finite_max = max(finite_max, float(ok.max()))
    top_decade = math.ceil(math.log10(max(finite_max, 1.0)))
    ceiling = 10.0 ** (top_decade + 1) if any_nonfinite else None

    fig, ax = plt.subplots(figsize=FIGSIZE, dpi=DPI)
    all_impls = [impl for impl, _ in series]
    n = len(groups)
    for k, (impls, values) in enumerate(groups):
        v = values.astype(float).copy()
        bad = ~np.isfinite(v) | (v >= NONFINITE_MARKER)
        v[bad] = ceiling if ceiling is not None else NONFINITE_MARKER
        v = np.maximum(v, ULP_FLOOR)
        st = style_for(impls[0], all_impls.index(impls[0]))
        # Where lines coincide (all round the same way), the earlier ones stay visible as wider borders.
        st["lw"] = 1.3 + 0.45 * (n - 1 - k)
        label = " = ".join(impls)
        mx, at = overall.get(impls[0], (math.nan, math.nan))
        if not math.isnan(mx):
            label += f"   (max {fmt_ulp(mx)} ulp at x = {fmt_x(at)})"
        if len(impls) > 1:
            label += "  [identical]"
        ax.stairs(v, edges, label=label, baseline=None, **st)

    ax.set_yscale("log")
    ax.set_xlim(a, b)
    ymax = (ceiling * 4) if ceiling is not None else 10.0 ** (top_decade + 1)
    ax.set_ylim(ULP_FLOOR / 1.5, max(ymax, 10.0))
    ax.axhline(0.5, color="0.45", lw=0.9, ls=":", zorder=0)
    right = mtransforms.blended_transform_factory(ax.transAxes, ax.transData)
    ax.text(1.006, 0.5, "0.5 ulp\n(correctly\nrounded)", transform=right, color="0.35", fontsize=8.5,
            va="center", ha="left")
    if ceiling is not None:
        ax.axhline(ceiling, color="#d62728", lw=0.9, ls=(0, (6, 4)), zorder=0)
        ax.text(a + 0.005 * (b - a), ceiling * 1.2,
                "non-finite error in bin (NaN/inf where a number is due, or the reverse) — drawn at this line",
                color="#d62728", fontsize=9, va="bottom")
    ax.grid(True, which="major", color="0.88", lw=0.8)
    ax.grid(True, which="minor", axis="y", color="0.95", lw=0.5)
    ax.set_axisbelow(True)
    ax.set_xlabel("x", fontsize=12)
    ax.set_ylabel(f"max ulp error in bin (log scale; 0 drawn at {ULP_FLOOR:g})", fontsize=12)
    ax.tick_params(labelsize=11)
    formula = formula_title(function, report.get("configuration", {}))
    fig.suptitle(f"{function}: ulp error against x, per implementation", fontsize=16, y=0.975)
    ax.set_title(formula, fontsize=12, color="0.25")
    leg = ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.09), ncol=2, fontsize=10, frameon=False,
                    title="implementation (max ulp over all sampled inputs, including outside this domain)",
                    title_fontsize=10)
    leg._legend_box.align = "left"
    fig.text(0.01, 0.008, footnote(report), fontsize=8, color="0.3", va="bottom", ha="left",
             family="DejaVu Sans Mono")
    fig.subplots_adjust(left=0.08, right=0.925, top=0.9, bottom=0.30)
    fig.savefig(out_path)
    plt.close(fig)


def ulp_plots(report, out_dir):
    profile = report.get("profile")
    if not profile or not profile.get("max_ulp"):
        print("plot_accuracy: the report has no profile.max_ulp; skipping the ulp plots", file=sys.stderr)
        return []
    # Order functions and implementations as the report lists its results.
    order_f, order_i = [], {}
    overall = {}
    for r in report.get("results", []):
        f, i = r["function"], r["implementation"]
        if f not in order_f:
            order_f.append(f)
        order_i.setdefault(f, []).append(i)
        s = r.get("stats", {})
        overall[(f, i)] = (number(s.get("max_ulp")), number(s.get("max_ulp_input")))
    by_function = {}
    for key, values in profile["max_ulp"].items():
        f, _, i = key.partition("/")
        by_function.setdefault(f, {})[i] = np.array([number(v) for v in values], dtype=float)
        if f not in order_f:
            order_f.append(f)
    written = []
    for f in order_f:
        if f not in by_function:
            continue
        impls = by_function[f]
        order = [i for i in order_i.get(f, []) if i in impls] + sorted(i for i in impls if i not in order_i.get(f, []))
        series = [(i, impls[i]) for i in order]
        path = os.path.join(out_dir, f"ulp-{f}.png")
        plot_ulp(report, f, series, {i: overall.get((f, i), (math.nan, math.nan)) for i in order}, path)
        written.append(path)
    return written


# ---- functions and derivatives -------------------------------------------------------------------------


def parameter_text(row, values):
    """ "alpha = 1.5" for each parameter the function reads, with the run's values (else the defaults)."""
    return ", ".join(f"${p['latex']}={fmt_number(values.get(p['name'], p['default']))}$" for p in row["parameters"])


def fmt_number(v):
    v = float(v)
    return f"{v:g}"


def formula_title(function, configuration):
    row = function_table.by_id().get(function)
    if row is None:
        return ""
    params = parameter_text(row, configuration)
    return row["latex"] + (f" ({params})" if params else "")


def runs(mask):
    """Index ranges [start, end] of consecutive True values."""
    out, start = [], None
    for k, m in enumerate(mask):
        if m and start is None:
            start = k
        elif not m and start is not None:
            out.append((start, k - 1))
            start = None
    if start is not None:
        out.append((start, len(mask) - 1))
    return out


def derivative_plot(out_dir):
    rows = [r for r in function_table.load(CURVE_POINTS) if r["curve"].get("derivative") is not None]
    columns = 3
    panels = len(rows) + 1  # and the derivatives side by side
    nrows = math.ceil(panels / columns)
    fig, axes = plt.subplots(nrows, columns, figsize=(FIGSIZE[0], FIGSIZE[1] * nrows / 2), dpi=DPI, sharex=True)
    axes = axes.ravel()
    sat_handle = stat_handle = None
    for ax, row in zip(axes, rows):
        name = row["id"]
        x = np.array(row["curve"]["x"])
        y, dy = np.array(row["curve"]["value"]), np.array(row["curve"]["derivative"])
        lo, hi = row["plot_x"]
        small = np.abs(dy) < SATURATION
        notes = []
        for s, e in runs(small):
            x0, x1 = x[s], x[e]
            if s == 0 or e == len(x) - 1:
                h = ax.axvspan(x0, x1, color="0.55", alpha=0.22, lw=0)
                sat_handle = h
                notes.append(f"x < {x1:.2f}" if s == 0 else f"x > {x0:.2f}")
            else:
                # |f'| small inside the range: a stationary point (the minimum of GELU), not saturation.
                h = ax.axvspan(x0, x1, color="#ff7f0e", alpha=0.35, lw=0)
                stat_handle = h
                k = s + np.argmin(np.abs(dy[s:e + 1]))
                xm, ym = x[k], y[k]
                ax.annotate(f"f' = 0 at x ≈ {xm:.3f}\n(minimum, f = {ym:.3f})", xy=(xm, ym), xytext=(0.6, -0.5),
                            fontsize=8.5, va="center",
                            arrowprops=dict(arrowstyle="->", color="0.3", lw=0.8))
        ax.plot(x, y, color="#1f77b4", lw=2.0, label="f(x)")
        ax.plot(x, dy, color="#d62728", lw=1.8, ls="--", label="f'(x)")
        ax.axhline(0, color="0.6", lw=0.7)
        ax.grid(True, color="0.9", lw=0.7)
        ax.set_axisbelow(True)
        ax.set_xlim(lo, hi)
        ax.set_title(name, fontsize=13, loc="left", fontweight="bold")
        ax.text(0.02, 0.97, row["derivative_latex"], transform=ax.transAxes, fontsize=9.5, va="top", color="#a01010",
                bbox=dict(boxstyle="round,pad=0.25", fc="white", ec="none", alpha=0.85))
        if notes:
            ax.text(0.98, 0.03, "|f'| < 0.01: " + ", ".join(notes), transform=ax.transAxes, fontsize=9,
                    ha="right", va="bottom", color="0.25",
                    bbox=dict(boxstyle="round,pad=0.25", fc="white", ec="none", alpha=0.85))
        ax.set_ylim(*row["plot_y"])
        ax.tick_params(labelsize=10)

    # Last panel: the derivatives side by side; one that lies on an earlier one is dashed.
    ax = axes[len(rows)]
    colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#7f7f7f"]
    drawn = []
    for k, row in enumerate(rows):
        x, dy = np.array(row["curve"]["x"]), np.array(row["curve"]["derivative"])
        close = any(len(d) == len(dy) and np.max(np.abs(d - dy)) < 0.05 for d in drawn)
        ax.plot(x, dy, color=colors[k % len(colors)], lw=1.6, ls="--" if close else "-", label=row["id"])
        drawn.append(dy)
    ax.axhspan(-SATURATION, SATURATION, color="0.55", alpha=0.3, lw=0)
    ax.axhline(0, color="0.6", lw=0.7)
    ax.grid(True, color="0.9", lw=0.7)
    ax.set_axisbelow(True)
    ax.set_ylim(-0.2, 1.15)
    ax.set_title("all derivatives f'(x)", fontsize=13, loc="left", fontweight="bold")
    ax.legend(fontsize=9, loc="upper left", frameon=True, framealpha=0.9)
    ax.tick_params(labelsize=10)
    for ax in axes[len(rows) + 1:]:
        ax.set_visible(False)
    for ax in axes[max(0, len(rows) + 1 - columns):len(rows) + 1]:
        ax.set_xlabel("x", fontsize=11)

    handles, labels = axes[0].get_legend_handles_labels()
    if sat_handle is not None:
        handles.append(sat_handle)
        labels.append("saturation: |f'| < 0.01 (gradient vanishes)")
    if stat_handle is not None:
        handles.append(stat_handle)
        labels.append("|f'| < 0.01 at a stationary point (not saturation)")
    fig.legend(handles, labels, loc="lower center", ncol=4, fontsize=10.5, frameon=False,
               bbox_to_anchor=(0.5, 0.0))
    ranges = {tuple(r["plot_x"]) for r in rows}
    on = f" on [{fmt_number(rows[0]['plot_x'][0])}, {fmt_number(rows[0]['plot_x'][1])}]" if len(ranges) == 1 else ""
    params = "; ".join(f"{r['id']} " + ", ".join(f"{p['symbol']} = {fmt_number(p['default'])}" for p in r["parameters"])
                       for r in rows if r["parameters"])
    fig.suptitle(f"Activation functions and their derivatives{on} (analytic, double precision"
                 + (f"; {params})" if params else ")"), fontsize=15, y=0.985)
    fig.subplots_adjust(left=0.05, right=0.985, top=0.91, bottom=0.12, wspace=0.18, hspace=0.22)
    path = os.path.join(out_dir, "functions-and-derivatives.png")
    fig.savefig(path)
    plt.close(fig)
    return [path]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("report", nargs="?", help="JSON written by `bench accuracy --format json`")
    ap.add_argument("output", nargs="?", default=None, help=f"output directory (default {DEFAULT_OUTPUT})")
    ap.add_argument("--derivatives-only", action="store_true",
                    help="only draw functions-and-derivatives.png (no report needed; the first argument is "
                         "then the output directory)")
    args = ap.parse_args(argv)

    if args.derivatives_only:
        out_dir = args.output or args.report or DEFAULT_OUTPUT
        report = None
    else:
        if not args.report:
            ap.error("give the accuracy JSON (or --derivatives-only)")
        out_dir = args.output or DEFAULT_OUTPUT
        report = report_file.load(args.report, "accuracy")
    os.makedirs(out_dir, exist_ok=True)

    written = []
    if report is not None:
        written += ulp_plots(report, out_dir)
    written += derivative_plot(out_dir)
    for p in written:
        print(f"plot_accuracy: wrote {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
