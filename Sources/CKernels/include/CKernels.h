#ifndef CKERNELS_H
#define CKERNELS_H
/*
 * C array kernels over SLEEF's and glibc's vector functions, plus the machine facts the harness needs
 * (CPU features and model, timestamp counter, SLEEF version, the Swift target CPU).
 *
 * Kernel contract (docs/architecture.md): any count including 0, any alignment, in == out allowed.
 * Tails shorter than a vector are handled inside the kernel. Kernels never allocate, lock or print.
 * A kernel whose ISA the CPU lacks must not be called: check ck_cpu_has_*() first (the registry does).
 * (If one is, it fills its output with NaN rather than executing an instruction the CPU lacks.)
 * Each ISA variant is compiled with __attribute__((target(...))), so the library itself runs on any
 * x86-64 CPU; on other architectures every x86 kernel is unavailable.
 */
#include <stddef.h>
#include <stdint.h>
#include "activation_bench_plugin.h"
#include "ck_callgrind.h"  /* the callgrind client requests of `bench count` */

#ifdef __cplusplus
extern "C" {
#endif

/* ---- machine facts ---- */
int ck_cpu_has_avx2(void);      /* AVX2 and FMA */
int ck_cpu_has_avx512f(void);   /* AVX-512 F */
/* Writes the CPU brand string (cpuid 0x80000002..4, trimmed) into buf; returns buf. */
const char *ck_cpu_model(char *buf, size_t len);
/* The CPU's family, model and stepping as /proc/cpuinfo prints them (cpuid leaf 1); returns 0 where
 * there is no x86 CPUID. Under a hypervisor the brand string is often generic ("AMD EPYC"); the
 * signature still tells one microarchitecture from another. */
int ck_cpu_signature(int *family, int *model, int *stepping);
uint64_t ck_rdtsc(void);        /* timestamp counter (0 where there is none) */
const char *ck_sleef_version(void);      /* e.g. "3.5.1", from sleef.h */
const char *ck_build_target_cpu(void);   /* the -target-cpu the Swift kernels were built with */

/* ---- vector math kernels: ck_<function>_<family>_<isa>(in, out, n, alpha) ----
 * Families: u10 (SLEEF's u10 functions; SLEEF's erfc is u15) and libmvec (glibc's vector math, Linux).
 * ISAs: avx2 (AVX2 + FMA, 8 lanes) and avx512 (AVX-512 F, 16 lanes). Every family computes the
 * same forms (vecmath_kernels_template.h):
 * sigmoid: z = exp(-|x|); x >= 0 ? 1/(1+z) : z/(1+z), 1+z and the quotient kept to ~0.5 ulp
 * tanh:    the library's tanh directly (SLEEF also has u35: ck_tanh_u35_<isa>)
 * elu:     x > 0 ? x : alpha*expm1(x)
 * gelu_erf:  0.5*x*erfc(-x/sqrt2), the argument rounding corrected to first order; for x < -12,
 *            where float erfc goes subnormal before the result does, erfc's asymptotic series in
 *            double.
 * gelu_tanh: x*sigmoid(2u) = x / (1 + exp(-2u)), u = sqrt(2/pi)*(x + 0.044715 x^3), in sigmoid's
 *            stable form: 2u formed in double and split into float hi + lo, exp(-|2u|) computed
 *            scaled by 2^64 so the tiny results for x in [-10.5, -3] keep their accuracy
 * Every kernel has the plugin ABI's shape (ab_kernel_fn): alpha is the parameter set's one member,
 * which a function without parameters ignores.
 * ck_primitive_<family>_<isa> applies one primitive over an array (for the primitives accuracy
 * table): prim 0 exp, 1 expm1, 2 tanh, 3 tanh u35 (SLEEF only), 4 erf, 5 erfc; an unknown prim
 * fills the output with NaN.
 *
 * CK_VECMATH_FAMILIES is the one list of (family, isa) pairs this library builds, and
 * CK_VECMATH_FUNCTIONS the one list of the functions every family implements: X(name, id, ...),
 * name the C token (of the symbols, and of the vector body ck_<name>(x, alpha) in the template), id
 * the function's bench id; the trailing arguments are passed through to X. The declarations below,
 * the kernels the template defines, the stubs of unavailable.c and the look-up ck_vecmath_kernel
 * all expand these two lists.
 */
#define CK_VECMATH_FAMILIES(X) X(u10, avx2) X(u10, avx512) X(libmvec, avx2) X(libmvec, avx512)
#define CK_VECMATH_FUNCTIONS(X, family, isa) \
    X(sigmoid, "sigmoid", family, isa)      \
    X(tanh, "tanh", family, isa)            \
    X(elu, "elu", family, isa)              \
    X(gelu_erf, "gelu-erf", family, isa)    \
    X(gelu_tanh, "gelu-tanh", family, isa)

#define CK_DECLARE_VECMATH_KERNEL(name, id, family, isa) \
    void ck_##name##_##family##_##isa(const float *in, float *out, ptrdiff_t n, float alpha);
#define CK_DECLARE_VECMATH_FAMILY(family, isa)                          \
    CK_VECMATH_FUNCTIONS(CK_DECLARE_VECMATH_KERNEL, family, isa)        \
    void ck_primitive_##family##_##isa(int prim, const float *in, float *out, ptrdiff_t n);
CK_VECMATH_FAMILIES(CK_DECLARE_VECMATH_FAMILY)

/* The kernel of the function with bench id `function` in `family` ("u10", "libmvec") for `isa`
 * ("avx2", "avx512"), or NULL when that family has none. */
ab_kernel_fn ck_vecmath_kernel(const char *family, const char *isa, const char *function);
/* The ids of CK_VECMATH_FUNCTIONS in order; NULL from index count on. */
const char *ck_vecmath_function(int index);

void ck_tanh_u35_avx2(const float *in, float *out, ptrdiff_t n);
void ck_tanh_u35_avx512(const float *in, float *out, ptrdiff_t n);

/* 1/x as the AVX2 kernels form it (reciprocal.c): correctly rounded, so the same bits on every
 * CPU; NaN-filled without AVX2. */
void ck_reciprocal_avx2(const float *in, float *out, ptrdiff_t n);

/* Whether glibc's libmvec is linked (Linux x86-64). */
int ck_has_libmvec(void);
/* glibc's version, e.g. "2.36"; "" where there is no glibc. */
const char *ck_glibc_version(void);

/* Pins the calling thread to one CPU: 0 on success, an errno value on failure, -1 where unsupported. */
int ck_pin_to_cpu(int cpu);

/* The contention probe (probe.c): `repetitions` passes of scalar 1/(1+expf(-x)) over in[0..n) into
 * out, never vectorised. The harness times it before each sampling round to tell quiet rounds from
 * rounds a neighbour slowed down. */
void ck_contention_probe(const float *in, float *out, ptrdiff_t n, int repetitions);

/* A plain copy, the memory roofline the harness compares against. */
void ck_copy(const float *in, float *out, ptrdiff_t n);

#ifdef __cplusplus
}
#endif
#endif
