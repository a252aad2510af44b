/*
 * glibc's libmvec under the same activation kernels as SLEEF (AVX-512 F, the _ZGVeN16v_ functions).
 * The kernel bodies are in vecmath_kernels_template.h and the vector operations in isa_avx512.h; this
 * file says which libmvec function is each primitive. libmvec has one tanh (no faster variant), an
 * erfc, and a double exp for the parts the template computes in double. Linux only.
 */
#if defined(__x86_64__) && defined(__linux__)

#include "vecmath_decls.h"
#include "isa_avx512.h"

#define CK_FAMILY libmvec

static inline CK_TARGET ck_v ck_vm_exp(ck_v x) { return ck__ZGVeN16v_expf(&x); }
static inline CK_TARGET ck_v ck_vm_expm1(ck_v x) { return ck__ZGVeN16v_expm1f(&x); }
static inline CK_TARGET ck_v ck_vm_tanh_u10(ck_v x) { return ck__ZGVeN16v_tanhf(&x); }
static inline CK_TARGET ck_v ck_vm_erf(ck_v x) { return ck__ZGVeN16v_erff(&x); }
static inline CK_TARGET ck_v ck_vm_erfc(ck_v x) { return ck__ZGVeN16v_erfcf(&x); }
static inline CK_TARGET ck_d ck_vm_exp_d(ck_d x) { return ck__ZGVeN8v_exp(&x); }

#include "vecmath_kernels_template.h"

#endif
