/*
 * MPFR reference evaluators (docs/method.md). See include/CReference.h for the contract; the
 * functions themselves are the table of forms.c.
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
 * allocation per call); the constants of the forms (forms.c) are computed once under pthread_once and
 * only read afterwards. If MPFR was built without thread-local storage (mpfr_buildopt_tls_p() == 0) its
 * exponent range, flags and constant caches (pi, log 2, used inside exp/erf/erfc) are process-global
 * and unsynchronised, so concurrent calls would corrupt each other; all evaluations are then
 * serialised with a mutex. With TLS (the usual build) each thread has its own caches and no lock is
 * taken. Note that MPFR's per-thread caches are not freed when a thread exits; that is bounded by the
 * number of threads (thread pools reuse theirs) and a few hundred bytes each.
 */
#include "CReference.h"
#include "forms.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

static int k_use_lock;          /* 1 if MPFR is not thread-safe; read-only after cr_init */
static pthread_once_t k_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t k_lock = PTHREAD_MUTEX_INITIALIZER;

static void cr_init(void) {
    k_use_lock = !mpfr_buildopt_tls_p();
    cr_forms_init();
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

cr_function cr_function_named(const char *name) {
    for (int f = 0; f < cr_form_count; f++) {
        if (strcmp(cr_forms[f].name, name) == 0) return f;
    }
    return -1;
}

const char *cr_function_name(cr_function f) { return f >= 0 && f < cr_form_count ? cr_forms[f].name : NULL; }

int cr_function_count(void) { return cr_form_count; }

/* r = f(x) at CR_PREC bits (NaN for an unknown f). Must run between cr_enter and cr_leave. */
static void cr_compute(mpfr_ptr r, cr_function f, float x, float alpha) {
    MPFR_DECL_INIT(X, 24); /* a float, exactly */
    mpfr_set_flt(X, x, MPFR_RNDN);
    if (f >= 0 && f < cr_form_count) {
        cr_forms[f].form(r, X, alpha);
    } else {
        mpfr_set_nan(r);
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
