/*
 * How each vector operation of vecmath_kernels_template.h is spelled in AVX2 + FMA: 8 floats per
 * vector. Included by the AVX2 files of every vector math family.
 */
#ifndef CKERNELS_ISA_AVX2_H
#define CKERNELS_ISA_AVX2_H

#include <immintrin.h>
#include "CKernels.h"
#include "vecmath_decls.h"

#define CK_ISA avx2
#define CK_TARGET CK_TARGET_AVX2
#define CK_ISA_AVAILABLE ck_cpu_has_avx2()
#define CK_LANES 8

typedef __m256 ck_v;
typedef __m256 ck_m;  /* all-ones / all-zeros lanes from VCMPPS */
typedef __m256d ck_d; /* 4 doubles: one half of a ck_v */

static inline CK_TARGET ck_v ck_set1(float a) { return _mm256_set1_ps(a); }
static inline CK_TARGET ck_v ck_loadu(const float *p) { return _mm256_loadu_ps(p); }
static inline CK_TARGET void ck_storeu(float *p, ck_v v) { _mm256_storeu_ps(p, v); }

/* Lanes 0..r-1 active, 0 < r < 8. VMASKMOVPS neither reads nor writes the inactive lanes and
 * does not fault on them, so a tail at the end of a page is safe; inactive lanes load as 0. */
static inline CK_TARGET __m256i ck_lane_mask(int r) {
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(r), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}
static inline CK_TARGET ck_v ck_load_part(const float *p, int r) { return _mm256_maskload_ps(p, ck_lane_mask(r)); }
static inline CK_TARGET void ck_store_part(float *p, ck_v v, int r) { _mm256_maskstore_ps(p, ck_lane_mask(r), v); }

static inline CK_TARGET ck_v ck_add(ck_v a, ck_v b) { return _mm256_add_ps(a, b); }
static inline CK_TARGET ck_v ck_sub(ck_v a, ck_v b) { return _mm256_sub_ps(a, b); }
static inline CK_TARGET ck_v ck_mul(ck_v a, ck_v b) { return _mm256_mul_ps(a, b); }
static inline CK_TARGET ck_v ck_div(ck_v a, ck_v b) { return _mm256_div_ps(a, b); }
static inline CK_TARGET ck_v ck_fma(ck_v a, ck_v b, ck_v c) { return _mm256_fmadd_ps(a, b, c); }
static inline CK_TARGET ck_v ck_fms(ck_v a, ck_v b, ck_v c) { return _mm256_fmsub_ps(a, b, c); }
static inline CK_TARGET ck_v ck_fnma(ck_v a, ck_v b, ck_v c) { return _mm256_fnmadd_ps(a, b, c); }
static inline CK_TARGET ck_v ck_min(ck_v a, ck_v b) { return _mm256_min_ps(a, b); }
static inline CK_TARGET ck_v ck_max(ck_v a, ck_v b) { return _mm256_max_ps(a, b); }
static inline CK_TARGET ck_v ck_abs(ck_v a) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), a); }
static inline CK_TARGET ck_v ck_copysign(ck_v mag, ck_v sgn) {
    const __m256 sign = _mm256_set1_ps(-0.0f);
    return _mm256_or_ps(_mm256_andnot_ps(sign, mag), _mm256_and_ps(sign, sgn));
}
/* 1/a by a division, correctly rounded. Not VRCPPS: only its error bound is specified, and AMD
 * and Intel cores return different bits, so a kernel built on it gives different results on
 * different hosts (VRCP14PS, AVX-512's, is specified to the bit). It costs little: in the kernels
 * the division overlaps the rest of the loop. */
static inline CK_TARGET ck_v ck_rcp(ck_v a) { return _mm256_div_ps(_mm256_set1_ps(1.0f), a); }

static inline CK_TARGET ck_m ck_ge(ck_v a, ck_v b) { return _mm256_cmp_ps(a, b, _CMP_GE_OQ); }
static inline CK_TARGET ck_m ck_gt(ck_v a, ck_v b) { return _mm256_cmp_ps(a, b, _CMP_GT_OQ); }
static inline CK_TARGET ck_v ck_select(ck_m m, ck_v t, ck_v f) { return _mm256_blendv_ps(f, t, m); }
static inline CK_TARGET int ck_any(ck_m m) { return _mm256_movemask_ps(m) != 0; }

static inline CK_TARGET ck_d ck_d_lo(ck_v v) { return _mm256_cvtps_pd(_mm256_castps256_ps128(v)); }
static inline CK_TARGET ck_d ck_d_hi(ck_v v) { return _mm256_cvtps_pd(_mm256_extractf128_ps(v, 1)); }
static inline CK_TARGET ck_v ck_join(ck_d lo, ck_d hi) {
    return _mm256_insertf128_ps(_mm256_castps128_ps256(_mm256_cvtpd_ps(lo)), _mm256_cvtpd_ps(hi), 1);
}
static inline CK_TARGET ck_d ck_d_set1(double a) { return _mm256_set1_pd(a); }
static inline CK_TARGET ck_d ck_d_sub(ck_d a, ck_d b) { return _mm256_sub_pd(a, b); }
static inline CK_TARGET ck_d ck_d_mul(ck_d a, ck_d b) { return _mm256_mul_pd(a, b); }
static inline CK_TARGET ck_d ck_d_div(ck_d a, ck_d b) { return _mm256_div_pd(a, b); }
static inline CK_TARGET ck_d ck_d_fma(ck_d a, ck_d b, ck_d c) { return _mm256_fmadd_pd(a, b, c); }
static inline CK_TARGET ck_d ck_d_abs(ck_d a) { return _mm256_andnot_pd(_mm256_set1_pd(-0.0), a); }

#endif
