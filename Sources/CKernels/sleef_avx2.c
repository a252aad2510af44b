/*
 * The SLEEF kernels for AVX2 + FMA. The kernel bodies are in vecmath_kernels_template.h and the
 * vector operations in isa_avx2.h; this file says which SLEEF function is each primitive.
 */
#if defined(__x86_64__)

#include "vecmath_decls.h"
#include "isa_avx2.h"

#define CK_FAMILY u10
#define CK_HAS_TANH_U35

/* SLEEF through the trampolines of vecmath_decls.h. */
static inline CK_TARGET ck_v ck_vm_exp(ck_v x) { return ck_Sleef_expf8_u10avx2(&x); }
static inline CK_TARGET ck_v ck_vm_expm1(ck_v x) { return ck_Sleef_expm1f8_u10avx2(&x); }
static inline CK_TARGET ck_v ck_vm_tanh_u10(ck_v x) { return ck_Sleef_tanhf8_u10avx2(&x); }
static inline CK_TARGET ck_v ck_vm_tanh_u35(ck_v x) { return ck_Sleef_tanhf8_u35avx2(&x); }
static inline CK_TARGET ck_v ck_vm_erf(ck_v x) { return ck_Sleef_erff8_u10avx2(&x); }
static inline CK_TARGET ck_v ck_vm_erfc(ck_v x) { return ck_Sleef_erfcf8_u15avx2(&x); }
static inline CK_TARGET ck_d ck_vm_exp_d(ck_d x) { return ck_Sleef_expd4_u10avx2(&x); }

#include "vecmath_kernels_template.h"

#endif /* __x86_64__ */
