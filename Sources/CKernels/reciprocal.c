/*
 * The AVX2 kernels' reciprocal (ck_rcp of isa_avx2.h) over an array, for its test: it must give
 * the same bits on every CPU, which VRCPPS does not.
 */
#if defined(__x86_64__)

#include "isa_avx2.h"
#include "unavailable.h"

static CK_TARGET void reciprocal_loop(const float *in, float *out, ptrdiff_t n) {
    ptrdiff_t i = 0;
    for (; n - i >= CK_LANES; i += CK_LANES) ck_storeu(out + i, ck_rcp(ck_loadu(in + i)));
    if (i < n) ck_store_part(out + i, ck_rcp(ck_load_part(in + i, (int)(n - i))), (int)(n - i));
}

void ck_reciprocal_avx2(const float *in, float *out, ptrdiff_t n) {
    if (ck_cpu_has_avx2()) reciprocal_loop(in, out, n);
    else ck_fill_nan(out, n);
}

#endif /* __x86_64__ */
