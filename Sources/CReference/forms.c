/*
 * The functions of the MPFR reference, one table: each form evaluated at CR_PREC bits without
 * cancellation (docs/method.md), and its limits at +-inf (kept with the sign of zero). The names
 * are the activations' bench ids, then the primitives'; the reference of a new activation is one
 * form and one row here.
 *   sigmoid   1/(1+e^-x)                          limits 0 / 1
 *   tanh      mpfr_tanh                           -1 / 1         (the activation and the primitive)
 *   elu       x > 0 ? x : alpha*expm1(x)          -alpha / inf   (so elu(-0) = -0 for alpha > 0)
 *   gelu-erf  0.5*x*erfc(-x/sqrt2)                -0.0 / inf
 *   gelu-tanh x/(1+e^(-2u)), u = sqrt(2/pi)*(x + 0.044715*x^3)  -0.0 / inf  (0.044715 exactly, as a decimal)
 *   exp, expm1, erf, erfc: the primitives         exp 0/inf, expm1 -1/inf, erf -1/1, erfc 2/0
 */
#include "forms.h"

/* Extra bits for computing the constants, so that each is correctly rounded to CR_PREC. */
#define CR_CONST_EXTRA 32

/* Read-only after cr_forms_init. */
static mpfr_t k_inv_sqrt2;      /* 1/sqrt(2) */
static mpfr_t k_sqrt_2_over_pi; /* sqrt(2/pi) */
static mpfr_t k_gelu_c;         /* 0.044715, the decimal rounded to CR_PREC bits */

void cr_forms_init(void) {
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

/* 1/(1+e^-x); the limits at ±inf come out of IEEE-style MPFR arithmetic. */
static void cr_sigmoid(mpfr_ptr r, mpfr_srcptr X, float alpha) {
    (void)alpha;
    MPFR_DECL_INIT(t, CR_PREC);
    mpfr_neg(t, X, MPFR_RNDN);
    mpfr_exp(t, t, MPFR_RNDN);
    mpfr_add_ui(t, t, 1, MPFR_RNDN);
    mpfr_ui_div(r, 1, t, MPFR_RNDN);
}

static void cr_tanh(mpfr_ptr r, mpfr_srcptr X, float alpha) {
    (void)alpha;
    mpfr_tanh(r, X, MPFR_RNDN);
}

/* x > 0 ? x : alpha*expm1(x); NaN fails the test and propagates through expm1. */
static void cr_elu(mpfr_ptr r, mpfr_srcptr X, float alpha) {
    if (!mpfr_nan_p(X) && mpfr_sgn(X) > 0) {
        mpfr_set(r, X, MPFR_RNDN);
        return;
    }
    MPFR_DECL_INIT(t, CR_PREC);
    mpfr_expm1(t, X, MPFR_RNDN); /* keeps the sign of -0; -1 at -inf */
    MPFR_DECL_INIT(A, 24);
    mpfr_set_flt(A, alpha, MPFR_RNDN);
    mpfr_mul(r, t, A, MPFR_RNDN);
}

/* 0.5*x*erfc(-x/sqrt2) */
static void cr_gelu_erf(mpfr_ptr r, mpfr_srcptr X, float alpha) {
    (void)alpha;
    if (mpfr_inf_p(X) && mpfr_sgn(X) < 0) {
        /* -inf * erfc(+inf) = -inf * 0 is NaN in MPFR; the limit is 0 from below. */
        mpfr_set_zero(r, -1);
        return;
    }
    MPFR_DECL_INIT(t, CR_PREC);
    mpfr_mul(t, X, k_inv_sqrt2, MPFR_RNDN);
    mpfr_neg(t, t, MPFR_RNDN);
    mpfr_erfc(t, t, MPFR_RNDN); /* +0 if it underflows, so the product below keeps x's sign */
    mpfr_mul(r, X, t, MPFR_RNDN);
    mpfr_div_2ui(r, r, 1, MPFR_RNDN);
}

/* x/(1+e^(-2u)), u = sqrt(2/pi)*(x + 0.044715*x^3) */
static void cr_gelu_tanh(mpfr_ptr r, mpfr_srcptr X, float alpha) {
    (void)alpha;
    if (mpfr_inf_p(X) && mpfr_sgn(X) < 0) {
        /* -inf/(1+e^inf) is inf/inf = NaN; the limit is 0 from below. */
        mpfr_set_zero(r, -1);
        return;
    }
    MPFR_DECL_INIT(t, CR_PREC);
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
}

static void cr_exp(mpfr_ptr r, mpfr_srcptr X, float alpha) { (void)alpha; mpfr_exp(r, X, MPFR_RNDN); }
static void cr_expm1(mpfr_ptr r, mpfr_srcptr X, float alpha) { (void)alpha; mpfr_expm1(r, X, MPFR_RNDN); }
static void cr_erf(mpfr_ptr r, mpfr_srcptr X, float alpha) { (void)alpha; mpfr_erf(r, X, MPFR_RNDN); }
static void cr_erfc(mpfr_ptr r, mpfr_srcptr X, float alpha) { (void)alpha; mpfr_erfc(r, X, MPFR_RNDN); }

const cr_form_entry cr_forms[] = {
    {"sigmoid", cr_sigmoid},
    {"tanh", cr_tanh},
    {"elu", cr_elu},
    {"gelu-erf", cr_gelu_erf},
    {"gelu-tanh", cr_gelu_tanh},
    {"exp", cr_exp},
    {"expm1", cr_expm1},
    {"erf", cr_erf},
    {"erfc", cr_erfc},
};
const int cr_form_count = (int)(sizeof cr_forms / sizeof cr_forms[0]);
