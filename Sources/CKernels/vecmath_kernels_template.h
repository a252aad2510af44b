/*
 * The activation kernels over a vector math library, written once for every library and x86 ISA.
 *
 * Included by sleef_avx2.c, sleef_avx512.c, libmvec_avx2.c and libmvec_avx512.c after they define:
 *   CK_FAMILY         the family part of the public names (u10 for SLEEF, libmvec)
 *   CK_ISA            the suffix of the public names (avx2, avx512)
 *   CK_HAS_TANH_U35   defined when the library has a second, faster tanh (SLEEF's u35)
 *   CK_TARGET         the target attribute every vector function carries
 *   CK_ISA_AVAILABLE  an expression: may this ISA run on this CPU
 *   CK_LANES          floats per vector
 *   ck_v, ck_m, ck_d  float vector, comparison mask, double vector of CK_LANES / 2 lanes
 *   float ops         ck_set1 ck_loadu ck_storeu ck_load_part ck_store_part ck_add ck_sub ck_mul
 *                     ck_div ck_fma (a*b+c) ck_fms (a*b-c) ck_fnma (c-a*b) ck_min ck_max ck_abs
 *                     ck_copysign(magnitude, sign) ck_rcp (1/x to >= 11 bits, the same bits on
 *                     every CPU)
 *   masks             ck_ge ck_gt (ordered: false for NaN) ck_select(m, if_true, if_false)
 *                     ck_any(m) (is any lane set)
 *   double ops        ck_d_lo ck_d_hi (widen the low / high half) ck_join (narrow two halves back,
 *                     rounding to nearest) ck_d_set1 ck_d_sub ck_d_mul ck_d_div ck_d_fma ck_d_abs
 *   vector math       ck_vm_exp ck_vm_expm1 ck_vm_tanh_u10 (the accurate tanh) ck_vm_tanh_u35 (with
 *                     CK_HAS_TANH_U35) ck_vm_erf ck_vm_erfc, and ck_vm_exp_d (double exp)
 * ck_min(a, b) and ck_max(a, b) must return b when either is NaN (the x86 MINPS/MAXPS rule): the
 * clamps below put x second so that NaN passes through them.
 *
 * Each public kernel is a wrapper without a target attribute that checks CK_ISA_AVAILABLE and calls
 * the target-attributed loop; the wrapper itself holds no ISA-specific instruction, so calling a
 * kernel on a CPU without its ISA fills the output with NaN rather than faulting (unavailable.h).
 */
#ifndef CK_ISA
#error "define the ISA operations before including vecmath_kernels_template.h"
#endif

#include "CKernels.h"
#include "unavailable.h"

#define CK_CAT2(a, b) a##_##b
#define CK_CAT(a, b) CK_CAT2(a, b)
/* CK_NAME(tanh_loop) is tanh_loop_avx2 in an AVX2 file; CK_PUBLIC(ck_sigmoid) is ck_sigmoid_u10_avx2 in
 * sleef_avx2.c and ck_sigmoid_libmvec_avx2 in libmvec_avx2.c. */
#define CK_NAME(base) CK_CAT(base, CK_ISA)
#define CK_PUBLIC(base) CK_CAT(CK_CAT(base, CK_FAMILY), CK_ISA)

#include "ck_map.h"

static inline CK_TARGET ck_v ck_neg(ck_v x) {
    /* -0 - x is an exact negation, signed zeros and NaN included. */
    return ck_sub(ck_set1(-0.0f), x);
}

/* x clamped to [lo, hi]; NaN stays NaN. */
static inline CK_TARGET ck_v ck_clamp(ck_v x, float lo, float hi) {
    return ck_min(ck_set1(hi), ck_max(ck_set1(lo), x));
}

/* (nh + nl) / (1 + z) to little more than half an ulp, for 0 <= z <= 1, nh finite and |nl| small
 * next to |nh|.
 * Written plainly, 1 + z and the division each round, and a caller that forms its numerator
 * from a product rounds a third time: up to ~2.5 ulp on top of SLEEF's own error. Here 1 + z is
 * kept exactly as dh + dl (Fast2Sum, since 1 >= z), q = nh / dh is corrected by its exact
 * remainder (FMA) and the low parts; the correction is ~2^-17 of q at most, so an approximate
 * reciprocal is accurate enough for it. */
static inline CK_TARGET ck_v ck_div_one_plus(ck_v nh, ck_v nl, ck_v z) {
    const ck_v one = ck_set1(1.0f);
    const ck_v dh = ck_add(one, z);
    const ck_v dl = ck_add(ck_sub(one, dh), z);
    const ck_v q = ck_div(nh, dh);
    const ck_v rem = ck_fnma(q, dh, nh);                 /* nh - q dh, exact */
    const ck_v c = ck_fnma(q, dl, ck_add(rem, nl));      /* nh + nl - q (dh + dl) */
    return ck_fma(c, ck_rcp(dh), q);
}

/* ---- sigmoid ---- */

/* Each function's vector body is ck_<name>(x, alpha), name as in CK_VECMATH_FUNCTIONS (CKernels.h),
 * alpha the parameter broadcast to every lane (ignored by the functions without it); the loops and
 * public kernels at the end are generated from that list. */

/* 1/(1+e^-x) with z = e^-|x| never overflowing: x >= 0 ? 1/(1+z) : z/(1+z). The negative side
 * keeps full relative accuracy down to the subnormal results (no 1 - small cancellation). */
static inline CK_TARGET ck_v ck_sigmoid(ck_v x, ck_v alpha) {
    (void)alpha;
    const ck_v z = ck_vm_exp(ck_neg(ck_abs(x)));
    const ck_v num = ck_select(ck_ge(x, ck_set1(0.0f)), ck_set1(1.0f), z);
    return ck_div_one_plus(num, ck_set1(0.0f), z);
}

/* ---- tanh ---- */

/* The library's accurate tanh as it is. */
static inline CK_TARGET ck_v ck_tanh(ck_v x, ck_v alpha) {
    (void)alpha;
    return ck_vm_tanh_u10(x);
}

/* ---- elu ---- */

/* expm1 rather than exp - 1: no cancellation near 0. expm1 of a large positive x overflows, but
 * that lane is not selected; NaN fails x > 0 and gives alpha * expm1(NaN) = NaN. */
static inline CK_TARGET ck_v ck_elu(ck_v x, ck_v alpha) {
    const ck_v neg = ck_mul(alpha, ck_vm_expm1(x));
    return ck_select(ck_gt(x, ck_set1(0.0f)), x, neg);
}

/* ---- gelu_erf ---- */

/* 1/sqrt(2) as a float pair: C_HI = (float)(1/sqrt 2), C_LO = (float)(1/sqrt 2 - C_HI). */
#define CK_INV_SQRT2_HI 0x1.6a09e6p-1f
#define CK_INV_SQRT2_LO 0x1.9fcef4p-27f
#define CK_TWO_OVER_SQRT_PI 0x1.20dd76p+0f   /* 2/sqrt(pi) */
#define CK_INV_SQRT_2PI 0x1.9884533d43651p-2 /* 1/sqrt(2 pi) */
#define CK_GELU_ERF_TAIL (-12.0f)

/* 0.5 x erfc(-x/sqrt2) for x < -12, in double. There erfc(-x/sqrt2) < 2^-104 and goes
 * subnormal (below 2^-126) from x = -13.0 while the result, |x|/2 times larger, is still
 * normal down to x = -13.1; SLEEF's float erfc cannot deliver the bits the result needs
 * (~10 ulp lost at x = -13.3). With t = -x/sqrt2, the asymptotic series
 *     erfc(t) = e^-t^2 / (t sqrt pi) (1 - r + 3r^2 - 15r^3 + 105r^4 - 945r^5 + ...), r = 1/(2t^2) = 1/x^2
 * gives 0.5 x erfc(t) = -e^(-x^2/2) / sqrt(2 pi) * S(r): Mills' ratio. At x = -12 (r < 0.007) the
 * first omitted term, 10395 r^6, is below 1.2e-9; e^(-x^2/2) >= e^-200 is a normal double, and
 * the one rounding to float (subnormal or not) happens in ck_join. */
static inline CK_TARGET ck_d ck_gelu_erf_tail_d(ck_d x) {
    const ck_d one = ck_d_set1(1.0);
    const ck_d x2 = ck_d_mul(x, x);
    const ck_d r = ck_d_div(one, x2);
    ck_d s = ck_d_fma(ck_d_set1(-9.0), r, one);
    s = ck_d_fma(ck_d_mul(ck_d_set1(-7.0), r), s, one);
    s = ck_d_fma(ck_d_mul(ck_d_set1(-5.0), r), s, one);
    s = ck_d_fma(ck_d_mul(ck_d_set1(-3.0), r), s, one);
    s = ck_d_fma(ck_d_sub(ck_d_set1(0.0), r), s, one);
    const ck_d e = ck_vm_exp_d(ck_d_mul(ck_d_set1(-0.5), x2));
    return ck_d_mul(ck_d_mul(ck_d_set1(-CK_INV_SQRT_2PI), e), s);
}

/* 0.5 x erfc(-x/sqrt2), the form without the 1 + erf cancellation for negative x.
 *
 * The argument is rounded: x/sqrt2 = p + delta with p = fl(x * C_HI) and delta recovered with an
 * FMA (exact) plus x * C_LO. erfc is steep where GELU is tiny: its relative derivative is
 * -(2/sqrt pi) e^-a^2 / erfc(a) ~ -2a, so a half-ulp error in a = -p costs ~a^2 ulp in the result
 * (~100 ulp at x = -14). First-order correction with the exact derivative:
 *     erfc(a - delta) = erfc(a) + delta (2/sqrt pi) e^-a^2 + O(delta^2 a e^-a^2).
 * The relative form erfc(a)(1 + 2a delta) is simpler but wrong near a = 0 (the factor is 2/sqrt pi
 * there, not 0) and for a < 0; the exact form costs one more SLEEF exp. The result is then
 * 0.5 (x erfc(a) + x corr) with a single rounding (FMA); the halving is exact for normal results.
 * Below x = -12 the double-precision tail above replaces it (taken only when a lane needs it).
 *
 * SLEEF 3.5 has erfc only as u15 (<= 1.5 ulp); the implementation id says u10 because this is the
 * u10 family (exp and the other primitives are u10).
 *
 * Range: x is clamped to [-20, 20] so that no inf reaches the algebra (fma(inf, c, -inf) is NaN);
 * below -20 the result is -0, above 20 it is x (erfc(-14.1) is 2 in float). */
static inline CK_TARGET ck_v ck_gelu_erf(ck_v x, ck_v alpha) {
    (void)alpha;
    const ck_v xc = ck_clamp(x, -20.0f, 20.0f);
    const ck_v p = ck_mul(xc, ck_set1(CK_INV_SQRT2_HI));
    const ck_v delta = ck_fma(xc, ck_set1(CK_INV_SQRT2_LO), ck_fms(xc, ck_set1(CK_INV_SQRT2_HI), p));
    const ck_v a = ck_neg(p);
    const ck_v e = ck_vm_erfc(a);
    const ck_v g = ck_vm_exp(ck_neg(ck_mul(a, a)));
    const ck_v corr = ck_mul(ck_mul(delta, ck_set1(CK_TWO_OVER_SQRT_PI)), g);
    ck_v y = ck_mul(ck_fma(xc, e, ck_mul(xc, corr)), ck_set1(0.5f));
    const ck_m tail = ck_gt(ck_set1(CK_GELU_ERF_TAIL), xc);
    if (ck_any(tail)) {
        const ck_v yt = ck_join(ck_gelu_erf_tail_d(ck_d_lo(xc)), ck_gelu_erf_tail_d(ck_d_hi(xc)));
        y = ck_select(tail, yt, y);
    }
    return ck_select(ck_gt(x, ck_set1(20.0f)), x, y);
}

/* ---- gelu_tanh ---- */

#define CK_GT_A 0x1.9884533d43651p+0  /* 2 sqrt(2/pi) */
#define CK_GT_B (0x1.9884533d43651p+0 * 0.044715)
#define CK_GT_SHIFT 0x1.62e42fefa39efp+5 /* 64 ln 2 */
#define CK_TWO_M64 0x1p-64f

/* s = 64 ln2 - |2u|, 2u = 2 sqrt(2/pi) (x + 0.044715 x^3), formed in double and split into
 * floats hi + lo. Double because 2u reaches +-600 at |x| = 20 and a float's rounding of it
 * (up to 2^-18 absolute near 100) would be an error of the same relative size in e^-|2u|,
 * i.e. in the tiny results at x in [-10, -3]; x^3 also cannot overflow in double. */
static inline CK_TARGET ck_d ck_gelu_tanh_arg(ck_d x) {
    const ck_d two_u = ck_d_mul(x, ck_d_fma(ck_d_set1(CK_GT_B), ck_d_mul(x, x), ck_d_set1(CK_GT_A)));
    return ck_d_sub(ck_d_set1(CK_GT_SHIFT), ck_d_abs(two_u));
}

/* x (1 + tanh u) / 2 = x sigmoid(2u), evaluated like ck_sigmoid with z = e^-|2u| and three changes:
 * - the exponent comes as hi + lo (above), and e^(hi+lo) = e^hi (1 + lo) to first order (|lo| <=
 *   2^-18 wherever e^hi is not 0 or tiny);
 * - it is shifted by 64 ln2 and the result scaled back by 2^-64, exactly. For x < -10 the result
 *   x z / (1 + z) is still normal when z = e^-|2u| already is subnormal (|x| ~ 10 lifts it), and
 *   e^|2u| overflows before x / (1 + e^|2u|) underflows; the shifted z' = 2^64 z is normal there.
 *   z' <= 2^64 so nothing overflows, and z = z' 2^-64 is exact wherever 1 + z differs from 1;
 * - on the negative side the numerator x e^hi (1 + lo) is kept as an exact product plus a small
 *   part, and ck_div_one_plus keeps the quotient to about half an ulp.
 * Range: everything is formed from x clamped to [-20, 20]: beyond, the result is x (above) or -0
 * (below; z is 0 in float there). The result has the sign of x, zeros included. */
static inline CK_TARGET ck_v ck_gelu_tanh(ck_v x, ck_v alpha) {
    (void)alpha;
    const ck_v xc = ck_clamp(x, -20.0f, 20.0f);
    const ck_d s_lo = ck_gelu_tanh_arg(ck_d_lo(xc));
    const ck_d s_hi = ck_gelu_tanh_arg(ck_d_hi(xc));
    const ck_v hi = ck_join(s_lo, s_hi);
    const ck_v lo = ck_join(ck_d_sub(s_lo, ck_d_lo(hi)), ck_d_sub(s_hi, ck_d_hi(hi)));
    const ck_v eh = ck_vm_exp(hi);
    const ck_v z = ck_mul(ck_fma(eh, lo, eh), ck_set1(CK_TWO_M64)); /* e^-|2u| */
    const ck_v p = ck_mul(xc, eh);
    const ck_v pl = ck_fma(p, lo, ck_fms(xc, eh, p));              /* x e^hi (1 + lo) = p + pl */
    const ck_m pos = ck_ge(xc, ck_set1(0.0f));                     /* 2u has the sign of x */
    const ck_v nh = ck_select(pos, xc, p);
    const ck_v nl = ck_select(pos, ck_set1(0.0f), pl);
    const ck_v r = ck_div_one_plus(nh, nl, z);
    const ck_v y = ck_select(pos, r, ck_mul(r, ck_set1(CK_TWO_M64)));
    return ck_select(ck_gt(x, ck_set1(20.0f)), x, ck_copysign(y, xc));
}

/* ---- the loops, and the public wrappers that guard them ---- */

#define CK_GUARDED(call) \
    do { if (CK_ISA_AVAILABLE) call; else ck_fill_nan(out, n); } while (0)

/* One kernel of CK_VECMATH_FUNCTIONS: its loop over ck_<name>, and the public ck_<name>_<family>_<isa>. */
#define CK_DEFINE_KERNEL(name, id, family, isa)                                                    \
    static CK_TARGET void CK_NAME(name##_loop)(const float *in, float *out, ptrdiff_t n, float alpha) { \
        const ck_v va = ck_set1(alpha);                                                             \
        CK_MAP(in, out, n, x, ck_##name(x, va));                                                    \
    }                                                                                               \
    void CK_PUBLIC(ck_##name)(const float *in, float *out, ptrdiff_t n, float alpha) {              \
        CK_GUARDED(CK_NAME(name##_loop)(in, out, n, alpha));                                        \
    }
CK_VECMATH_FUNCTIONS(CK_DEFINE_KERNEL, CK_FAMILY, CK_ISA)

#ifdef CK_HAS_TANH_U35
static CK_TARGET void CK_NAME(tanh_u35_loop)(const float *in, float *out, ptrdiff_t n) {
    CK_MAP(in, out, n, x, ck_vm_tanh_u35(x));
}
void CK_NAME(ck_tanh_u35)(const float *in, float *out, ptrdiff_t n) {
    CK_GUARDED(CK_NAME(tanh_u35_loop)(in, out, n));
}
#endif

/* prim codes as in CKernels.h; an unknown code fills the output with NaN. */
static CK_TARGET void CK_NAME(primitive_loop)(int prim, const float *in, float *out, ptrdiff_t n) {
    switch (prim) {
    case 0: CK_MAP(in, out, n, x, ck_vm_exp(x)); break;
    case 1: CK_MAP(in, out, n, x, ck_vm_expm1(x)); break;
    case 2: CK_MAP(in, out, n, x, ck_vm_tanh_u10(x)); break;
#ifdef CK_HAS_TANH_U35
    case 3: CK_MAP(in, out, n, x, ck_vm_tanh_u35(x)); break;
#endif
    case 4: CK_MAP(in, out, n, x, ck_vm_erf(x)); break;
    case 5: CK_MAP(in, out, n, x, ck_vm_erfc(x)); break;
    default: ck_fill_nan(out, n); break;
    }
}
void CK_PUBLIC(ck_primitive)(int prim, const float *in, float *out, ptrdiff_t n) {
    CK_GUARDED(CK_NAME(primitive_loop)(prim, in, out, n));
}
