#ifndef CREFERENCE_H
#define CREFERENCE_H
/*
 * High-precision reference values from MPFR (160-bit working precision), in forms free of
 * cancellation (docs/method.md). The functions are one table in forms.c, which gives each one's form
 * and its limits at +-inf: the activations under their bench ids ("sigmoid", "gelu-erf", ...) and
 * the primitives ("exp", "expm1", "tanh", "erf", "erfc"). Each step is rounded to 160 bits and
 * none cancels, so r is within a few 2^-158 of the exact value (relative).
 *
 * The result is a double-double hi+lo with hi = RN(r) in double and lo = RN(r - hi), enough to compute
 * the ulp error of a float result to far better than 0.001 ulp; |lo| <= ulp(hi)/2.
 *   - Results beyond double's range: hi = +-inf, lo = 0 (e.g. exp(x) for x > ~709.8 — never for a float
 *     result in range, since FLT_MAX < DBL_MAX).
 *   - Results below double's range: hi = a zero with the sign of r (e.g. gelu-erf(-40) = -0.0); lo is
 *     then a zero too. Results in double's subnormal range are correctly rounded subnormals.
 *   - NaN input (or NaN alpha for ELU's negative side): hi and lo are both the positive quiet NaN.
 *   - +-inf give the limits, with the sign of zero kept (forms.c).
 *   - An f that names no function (cr_function_named's -1 included) gives NaN.
 *
 * Threads: safe to call from several threads. MPFR built with thread-local storage (the usual case;
 * see mpfr_buildopt_tls_p) runs them in parallel; otherwise the calls are serialised by a mutex.
 * Each call saves the calling thread's MPFR exponent range and flags, works in the widest range, and
 * restores them, so callers that use MPFR themselves are not disturbed.
 *
 * Cost (one x86-64 core, MPFR 4.2): about 2-5 us per call for sigmoid, tanh, elu, gelu_tanh, exp,
 * expm1, and for erf/erfc/gelu_erf at small or huge |x|; but erf, erfc and gelu_erf are much slower in
 * the middle range, where MPFR's erf series needs ~x^2/ln2 extra bits: roughly 30-200 us for
 * |x| in 3..10, and up to ~1.2 ms for erfc(x), x in 10..16 (gelu_erf(x) for x in -22..-3). Budget for
 * that when sampling densely there.
 */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct { double hi; double lo; } cr_dd;

/* A function: its index in the table of forms.c. Look it up once by name. */
typedef int cr_function;
/* The function with this name ("sigmoid", "gelu-erf", "exp", ...), or -1 when there is none. */
cr_function cr_function_named(const char *name);
/* The name of function f, or NULL when f is outside [0, cr_function_count()). */
const char *cr_function_name(cr_function f);
int cr_function_count(void);

/* One value. alpha, the parameter set's one member, is used by elu only. */
cr_dd cr_eval(cr_function f, float x, float alpha);
/* n values; out[i] = cr_eval(f, x[i], alpha). x and out may be NULL when n == 0. Without a
 * thread-safe MPFR the mutex is held for the whole array. */
void cr_eval_array(cr_function f, const float *x, cr_dd *out, size_t n, float alpha);
/* The working precision in bits. */
int cr_precision_bits(void);
/* MPFR's version string. */
const char *cr_mpfr_version(void);

#ifdef __cplusplus
}
#endif
#endif
