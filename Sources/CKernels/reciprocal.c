/*
 * The AVX2 kernels' reciprocal (ck_rcp of isa_avx2.h) over an array by their loop (ck_map.h),
 * for its test: it must give the same bits on every CPU, which VRCPPS does not.
 */
#if defined(__x86_64__)

#include "isa_avx2.h"
#include "ck_map.h"
#include "unavailable.h"

static CK_TARGET void reciprocal_loop(const float *in, float *out, ptrdiff_t n) {
    CK_MAP(in, out, n, x, ck_rcp(x));
}

void ck_reciprocal_avx2(const float *in, float *out, ptrdiff_t n) {
    if (ck_cpu_has_avx2()) reciprocal_loop(in, out, n);
    else ck_fill_nan(out, n);
}

#endif /* __x86_64__ */
