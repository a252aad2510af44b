/*
 * The fallback for a kernel whose ISA the CPU lacks (see unavailable.h), and where a family cannot
 * be built (the x86 families on other architectures, libmvec off Linux) the kernels themselves,
 * which exist there only so the library links: the registry lists them as unavailable, and each
 * fills its output with NaN.
 */
#include "unavailable.h"
#include "CKernels.h"

#include <math.h>

void ck_fill_nan(float *out, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) out[i] = NAN;
}

#if !defined(__x86_64__) || !defined(__linux__)
#include <stdio.h>

#define CK_UNAVAILABLE(name) \
    void name(const float *in, float *out, ptrdiff_t n) { (void)in; ck_fill_nan(out, n); }
#define CK_UNAVAILABLE_KERNEL(name, id, family, isa)                                          \
    void ck_##name##_##family##_##isa(const float *in, float *out, ptrdiff_t n, float alpha) { \
        (void)in; (void)alpha; ck_fill_nan(out, n);                                           \
    }
#define CK_UNAVAILABLE_PRIM(name) \
    void name(int prim, const float *in, float *out, ptrdiff_t n) { (void)prim; (void)in; ck_fill_nan(out, n); }
#define CK_UNAVAILABLE_FAMILY(family, isa)                                 \
    CK_VECMATH_FUNCTIONS(CK_UNAVAILABLE_KERNEL, family, isa)               \
    CK_UNAVAILABLE_PRIM(ck_primitive_##family##_##isa)
#endif

#if !defined(__x86_64__)
CK_UNAVAILABLE_FAMILY(u10, avx2)
CK_UNAVAILABLE_FAMILY(u10, avx512)
CK_UNAVAILABLE(ck_tanh_u35_avx2)
CK_UNAVAILABLE(ck_tanh_u35_avx512)
CK_UNAVAILABLE(ck_reciprocal_avx2)
#endif

#if !defined(__x86_64__) || !defined(__linux__)
CK_UNAVAILABLE_FAMILY(libmvec, avx2)
CK_UNAVAILABLE_FAMILY(libmvec, avx512)
int ck_has_libmvec(void) { return 0; }
#else
int ck_has_libmvec(void) { return 1; }
#endif
