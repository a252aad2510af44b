/*
 * The fallback for a kernel whose ISA the CPU lacks (see unavailable.h), and on architectures
 * other than x86-64 the SLEEF x86 kernels themselves, which exist there only so the library links:
 * ck_cpu_has_*() return 0 and every kernel fills its output with NaN.
 */
#include "unavailable.h"
#include "CKernels.h"

#include <math.h>

void ck_fill_nan(float *out, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) out[i] = NAN;
}

#if !defined(__x86_64__)

#define CK_UNAVAILABLE(name) \
    void name(const float *in, float *out, ptrdiff_t n) { (void)in; ck_fill_nan(out, n); }
#define CK_UNAVAILABLE_ALPHA(name) \
    void name(const float *in, float *out, ptrdiff_t n, float alpha) { (void)in; (void)alpha; ck_fill_nan(out, n); }
#define CK_UNAVAILABLE_PRIM(name) \
    void name(int prim, const float *in, float *out, ptrdiff_t n) { (void)prim; (void)in; ck_fill_nan(out, n); }

CK_UNAVAILABLE(ck_sigmoid_u10_avx2)
CK_UNAVAILABLE(ck_sigmoid_u10_avx512)
CK_UNAVAILABLE(ck_tanh_u10_avx2)
CK_UNAVAILABLE(ck_tanh_u10_avx512)
CK_UNAVAILABLE(ck_tanh_u35_avx2)
CK_UNAVAILABLE(ck_tanh_u35_avx512)
CK_UNAVAILABLE_ALPHA(ck_elu_u10_avx2)
CK_UNAVAILABLE_ALPHA(ck_elu_u10_avx512)
CK_UNAVAILABLE(ck_gelu_erf_u10_avx2)
CK_UNAVAILABLE(ck_gelu_erf_u10_avx512)
CK_UNAVAILABLE(ck_gelu_tanh_u10_avx2)
CK_UNAVAILABLE(ck_gelu_tanh_u10_avx512)
CK_UNAVAILABLE_PRIM(ck_sleef_primitive_avx2)
CK_UNAVAILABLE_PRIM(ck_sleef_primitive_avx512)

#endif /* !__x86_64__ */
