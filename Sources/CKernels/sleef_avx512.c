/*
 * The SLEEF kernels for AVX-512 F. The kernel bodies are in vecmath_kernels_template.h and the
 * vector operations in isa_avx512.h; this file says which SLEEF function is each primitive.
 */
#if defined(__x86_64__)

#include "vecmath_decls.h"
#include "isa_avx512.h"

#define CK_FAMILY u10
#define CK_HAS_TANH_U35

/* SLEEF through the trampolines of vecmath_decls.h. */
static inline CK_TARGET ck_v ck_vm_exp(ck_v x) { return ck_Sleef_expf16_u10avx512f(&x); }
static inline CK_TARGET ck_v ck_vm_expm1(ck_v x) { return ck_Sleef_expm1f16_u10avx512f(&x); }
static inline CK_TARGET ck_v ck_vm_tanh_u10(ck_v x) { return ck_Sleef_tanhf16_u10avx512f(&x); }
static inline CK_TARGET ck_v ck_vm_tanh_u35(ck_v x) { return ck_Sleef_tanhf16_u35avx512f(&x); }
static inline CK_TARGET ck_v ck_vm_erf(ck_v x) { return ck_Sleef_erff16_u10avx512f(&x); }
static inline CK_TARGET ck_v ck_vm_erfc(ck_v x) { return ck_Sleef_erfcf16_u15avx512f(&x); }
static inline CK_TARGET ck_d ck_vm_exp_d(ck_d x) { return ck_Sleef_expd8_u10avx512f(&x); }

#include "vecmath_kernels_template.h"

#endif /* __x86_64__ */
