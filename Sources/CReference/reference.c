/*
 * MPFR reference evaluators (docs/method.md). See include/CReference.h for the contract.
 *
 * Every function is evaluated at CR_PREC bits in a form without cancellation, then split into a
 * double-double hi + lo with hi = RN(r) and lo = RN(r - hi). With 160 bits each step contributes a
 * relative error of at most 2^-160 and there is no cancellation, so r is within a few units of 2^-158
 * of the exact value — far below anything a float ulp measurement can see.
 *
 * Exponent range: each evaluation runs with the widest exponent range MPFR allows
 * (mpfr_get_emin_min .. mpfr_get_emax_max), so only truly enormous results (e.g. exp(3e38)) overflow
 * to +inf or underflow to a signed zero inside MPFR; everything else reaches mpfr_get_d, which rounds
 * to double (giving inf, subnormals or a zero with the sign of r). In a thread-safe (TLS) build of MPFR
 * the exponent range and the flags are per thread, so setting them once (e.g. with pthread_once) would
 * only affect the thread that ran the initialiser; instead each call saves the calling thread's range
 * and flags, widens the range, and restores both before returning, so the caller's own MPFR state is
 * left untouched. (For float inputs MPFR's default range of ±2^30 would give the same hi everywhere;
 * the widest range only makes the failure mode uniform: nothing under- or overflows inside MPFR unless
 * it is also far outside double's range.)
 *
 * Threads: the working variables live on the stack (MPFR_DECL_INIT: limbs on the stack too, no heap
 * allocation per call); the three constants are computed once under pthread_once and only read
 * afterwards. If MPFR was built without thread-local storage (mpfr_buildopt_tls_p() == 0) its
 * exponent range, flags and constant caches (pi, log 2, used inside exp/erf/erfc) are process-global
 * and unsynchronised, so concurrent calls would corrupt each other; all evaluations are then
 * serialised with a mutex. With TLS (the usual build) each thread has its own caches and no lock is
 * taken. Note that MPFR's per-thread caches are not freed when a thread exits; that is bounded by the
 * number of threads (thread pools reuse theirs) and a few hundred bytes each.
 */
#include "CReference.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h> /* mpfr.h declares the FILE functions only if stdio.h came first; harmless */
#include <mpfr.h>

#define CR_PREC 160
/* Extra bits for computing the constants, so that each is correctly rounded to CR_PREC. */
#define CR_CONST_EXTRA 32

/* Read-only after initialisation. */
static mpfr_t k_inv_sqrt2;      /* 1/sqrt(2) */
static mpfr_t k_sqrt_2_over_pi; /* sqrt(2/pi) */
static mpfr_t k_gelu_c;         /* 0.044715, the decimal rounded to CR_PREC bits */
static int k_use_lock;          /* 1 if MPFR is not thread-safe */
static pthread_once_t k_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t k_lock = PTHREAD_MUTEX_INITIALIZER;

static void cr_init(void) {
    k_use_lock = !mpfr_buildopt_tls_p();

    mpfr_init2(k_inv_sqrt2, CR_PREC);
    mpfr_init2(k_sqrt_2_over_pi, CR_PREC);
    mpfr_init2(k_gelu_c, CR_PREC);

    mpfr_t t;
    mpfr_init2(t, CR_PREC + CR_CONST_EXTRA);
    mpfr_sqrt_ui(t, 2, MPFR_RNDN);
    mpfr_ui_div(t, 1, t, MPFR_RNDN);
    mpfr_set(k_inv_sqrt2, t, MPFR_RNDN);

    mpfr_const_pi(t, MPFR_RNDN);
    mpfr_ui_div(t, 2, t, MPFR_RNDN);
    mpfr_sqrt(t, t, MPFR_RNDN);
    mpfr_set(k_sqrt_2_over_pi, t, MPFR_RNDN);
    mpfr_clear(t);

    mpfr_set_str(k_gelu_c, "0.044715", 10, MPFR_RNDN);
}

/* The calling thread's MPFR state, saved around a batch of evaluations. */
typedef struct {
    mpfr_exp_t emin, emax;
    mpfr_flags_t flags;
} cr_state;

static cr_state cr_enter(void) {
    pthread_once(&k_once, cr_init);
    if (k_use_lock) pthread_mutex_lock(&k_lock);
    cr_state s = { mpfr_get_emin(), mpfr_get_emax(), mpfr_flags_save() };
    /* Widening the range is always valid: every existing variable stays in range. */
    mpfr_set_emin(mpfr_get_emin_min());
    mpfr_set_emax(mpfr_get_emax_max());
    return s;
}

static void cr_leave(cr_state s) {
    /* Our variables are gone by now, and the caller's were in its range, so narrowing back is valid. */
    mpfr_set_emin(s.emin);
    mpfr_set_emax(s.emax);
    mpfr_flags_restore(s.flags, MPFR_FLAGS_ALL);
    if (k_use_lock) pthread_mutex_unlock(&k_lock);
}

/* r = f(x) at CR_PREC bits. Must run between cr_enter and cr_leave. */
static void cr_compute(mpfr_ptr r, cr_function f, float x, float alpha) {
    MPFR_DECL_INIT(X, 24); /* a float, exactly */
    MPFR_DECL_INIT(t, CR_PREC);
    mpfr_set_flt(X, x, MPFR_RNDN);

    switch (f) {
    case CR_SIGMOID: /* 1/(1+e^-x); the limits at ±inf come out of IEEE-style MPFR arithmetic */
        mpfr_neg(t, X, MPFR_RNDN);
        mpfr_exp(t, t, MPFR_RNDN);
        mpfr_add_ui(t, t, 1, MPFR_RNDN);
        mpfr_ui_div(r, 1, t, MPFR_RNDN);
        break;
    case CR_TANH:
        mpfr_tanh(r, X, MPFR_RNDN);
        break;
    case CR_ELU: /* x > 0 ? x : alpha*expm1(x); NaN fails the test and propagates through expm1 */
        if (!mpfr_nan_p(X) && mpfr_sgn(X) > 0) {
            mpfr_set(r, X, MPFR_RNDN);
        } else {
            mpfr_expm1(t, X, MPFR_RNDN); /* keeps the sign of -0; -1 at -inf */
            MPFR_DECL_INIT(A, 24);
            mpfr_set_flt(A, alpha, MPFR_RNDN);
            mpfr_mul(r, t, A, MPFR_RNDN);
        }
        break;
    case CR_GELU_ERF: /* 0.5*x*erfc(-x/sqrt2) */
        if (mpfr_inf_p(X) && mpfr_sgn(X) < 0) {
            /* -inf * erfc(+inf) = -inf * 0 is NaN in MPFR; the limit is 0 from below. */
            mpfr_set_zero(r, -1);
            break;
        }
        mpfr_mul(t, X, k_inv_sqrt2, MPFR_RNDN);
        mpfr_neg(t, t, MPFR_RNDN);
        mpfr_erfc(t, t, MPFR_RNDN); /* +0 if it underflows, so the product below keeps x's sign */
        mpfr_mul(r, X, t, MPFR_RNDN);
        mpfr_div_2ui(r, r, 1, MPFR_RNDN);
        break;
    case CR_GELU_TANH: /* x/(1+e^(-2u)), u = sqrt(2/pi)*(x + 0.044715*x^3) */
        if (mpfr_inf_p(X) && mpfr_sgn(X) < 0) {
            /* -inf/(1+e^inf) is inf/inf = NaN; the limit is 0 from below. */
            mpfr_set_zero(r, -1);
            break;
        }
        mpfr_sqr(t, X, MPFR_RNDN);                /* exact: 48 bits */
        mpfr_mul(t, t, X, MPFR_RNDN);             /* exact: 72 bits */
        mpfr_mul(t, t, k_gelu_c, MPFR_RNDN);      /* same sign as x: no cancellation below */
        mpfr_add(t, t, X, MPFR_RNDN);
        mpfr_mul(t, t, k_sqrt_2_over_pi, MPFR_RNDN);
        mpfr_mul_2ui(t, t, 1, MPFR_RNDN);         /* -2u, exactly */
        mpfr_neg(t, t, MPFR_RNDN);
        mpfr_exp(t, t, MPFR_RNDN);
        mpfr_add_ui(t, t, 1, MPFR_RNDN);
        mpfr_div(r, X, t, MPFR_RNDN);
        break;
    case CR_EXP:
        mpfr_exp(r, X, MPFR_RNDN);
        break;
    case CR_EXPM1:
        mpfr_expm1(r, X, MPFR_RNDN);
        break;
    case CR_ERF:
        mpfr_erf(r, X, MPFR_RNDN);
        break;
    case CR_ERFC:
        mpfr_erfc(r, X, MPFR_RNDN);
        break;
    default:
        mpfr_set_nan(r);
        break;
    }
}

/* Split r into hi = RN(r), lo = RN(r - hi). r - hi is exact at CR_PREC bits: hi agrees with r in
 * its leading bits and has no bits below r's last one (or, when hi is subnormal or zero, |r - hi|
 * is below hi's half-ulp and its last bit is r's). */
static cr_dd cr_split(mpfr_srcptr r) {
    cr_dd out;
    if (mpfr_nan_p(r)) {
        /* mpfr_get_d's NaN may have its sign bit set; give the canonical quiet NaN in both parts. */
        out.hi = out.lo = (double)NAN;
        return out;
    }
    out.hi = mpfr_get_d(r, MPFR_RNDN); /* ±inf past DBL_MAX; a zero with r's sign below 2^-1075 */
    if (isinf(out.hi)) {
        out.lo = 0.0;
    } else {
        MPFR_DECL_INIT(d, CR_PREC);
        mpfr_sub_d(d, r, out.hi, MPFR_RNDN);
        out.lo = mpfr_get_d(d, MPFR_RNDN);
    }
    return out;
}

static cr_dd cr_eval_one(cr_function f, float x, float alpha) {
    MPFR_DECL_INIT(r, CR_PREC);
    cr_compute(r, f, x, alpha);
    return cr_split(r);
}

cr_dd cr_eval(cr_function f, float x, float alpha) {
    cr_state s = cr_enter();
    cr_dd out = cr_eval_one(f, x, alpha);
    cr_leave(s);
    return out;
}

void cr_eval_array(cr_function f, const float *x, cr_dd *out, size_t n, float alpha) {
    /* Without TLS the lock is held for the whole array; callers wanting interleaving should use
     * short arrays. With TLS no lock is taken. */
    cr_state s = cr_enter();
    for (size_t i = 0; i < n; i++) out[i] = cr_eval_one(f, x[i], alpha);
    cr_leave(s);
}

int cr_precision_bits(void) { return CR_PREC; }

const char *cr_mpfr_version(void) { return mpfr_get_version(); }
