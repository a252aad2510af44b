/*
 * How each vector operation of vecmath_kernels_template.h is spelled in AVX-512 F: 16 floats per
 * vector. Only AVX-512 F instructions are used (no DQ/VL/BW), the subset every AVX-512 CPU has; the
 * 256-bit halves of a zmm are therefore moved with the 64-bit-element insert/extract. Included by
 * the AVX-512 files of every vector math family.
 */
#ifndef CKERNELS_ISA_AVX512_H
#define CKERNELS_ISA_AVX512_H

#include <immintrin.h>
#include "CKernels.h"
#include "vecmath_decls.h"

#define CK_ISA avx512
#define CK_TARGET CK_TARGET_AVX512
#define CK_ISA_AVAILABLE ck_cpu_has_avx512f()
#define CK_LANES 16

typedef __m512 ck_v;
typedef __mmask16 ck_m; /* one bit per lane from VCMPPS into a k register */
typedef __m512d ck_d;   /* 8 doubles: one half of a ck_v */

static inline CK_TARGET ck_v ck_set1(float a) { return _mm512_set1_ps(a); }
static inline CK_TARGET ck_v ck_loadu(const float *p) { return _mm512_loadu_ps(p); }
static inline CK_TARGET void ck_storeu(float *p, ck_v v) { _mm512_storeu_ps(p, v); }

/* Lanes 0..r-1 active, 0 < r < 16. Masked-off lanes are neither read (they load as 0) nor
 * written, and never fault. */
static inline CK_TARGET __mmask16 ck_lane_mask(int r) { return (__mmask16)((1u << r) - 1u); }
static inline CK_TARGET ck_v ck_load_part(const float *p, int r) { return _mm512_maskz_loadu_ps(ck_lane_mask(r), p); }
static inline CK_TARGET void ck_store_part(float *p, ck_v v, int r) { _mm512_mask_storeu_ps(p, ck_lane_mask(r), v); }

static inline CK_TARGET ck_v ck_add(ck_v a, ck_v b) { return _mm512_add_ps(a, b); }
static inline CK_TARGET ck_v ck_sub(ck_v a, ck_v b) { return _mm512_sub_ps(a, b); }
static inline CK_TARGET ck_v ck_mul(ck_v a, ck_v b) { return _mm512_mul_ps(a, b); }
static inline CK_TARGET ck_v ck_div(ck_v a, ck_v b) { return _mm512_div_ps(a, b); }
static inline CK_TARGET ck_v ck_fma(ck_v a, ck_v b, ck_v c) { return _mm512_fmadd_ps(a, b, c); }
static inline CK_TARGET ck_v ck_fms(ck_v a, ck_v b, ck_v c) { return _mm512_fmsub_ps(a, b, c); }
static inline CK_TARGET ck_v ck_fnma(ck_v a, ck_v b, ck_v c) { return _mm512_fnmadd_ps(a, b, c); }
static inline CK_TARGET ck_v ck_min(ck_v a, ck_v b) { return _mm512_min_ps(a, b); }
static inline CK_TARGET ck_v ck_max(ck_v a, ck_v b) { return _mm512_max_ps(a, b); }
static inline CK_TARGET ck_v ck_abs(ck_v a) { return _mm512_abs_ps(a); }
/* Bitwise float ops are AVX-512 DQ; the integer forms are F. */
static inline CK_TARGET ck_v ck_copysign(ck_v mag, ck_v sgn) {
    const __m512i sign = _mm512_set1_epi32((int)0x80000000u);
    return _mm512_castsi512_ps(_mm512_or_epi32(_mm512_andnot_epi32(sign, _mm512_castps_si512(mag)),
                                               _mm512_and_epi32(sign, _mm512_castps_si512(sgn))));
}
static inline CK_TARGET ck_v ck_rcp(ck_v a) { return _mm512_rcp14_ps(a); } /* rel. error <= 2^-14 */

static inline CK_TARGET ck_m ck_ge(ck_v a, ck_v b) { return _mm512_cmp_ps_mask(a, b, _CMP_GE_OQ); }
static inline CK_TARGET ck_m ck_gt(ck_v a, ck_v b) { return _mm512_cmp_ps_mask(a, b, _CMP_GT_OQ); }
/* VBLENDMPS takes the second source where the mask bit is set. */
static inline CK_TARGET ck_v ck_select(ck_m m, ck_v t, ck_v f) { return _mm512_mask_blend_ps(m, f, t); }
static inline CK_TARGET int ck_any(ck_m m) { return m != 0; }

static inline CK_TARGET ck_d ck_d_lo(ck_v v) { return _mm512_cvtps_pd(_mm512_castps512_ps256(v)); }
static inline CK_TARGET ck_d ck_d_hi(ck_v v) {
    return _mm512_cvtps_pd(_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(v), 1)));
}
static inline CK_TARGET ck_v ck_join(ck_d lo, ck_d hi) {
    const __m512d wide = _mm512_castps_pd(_mm512_castps256_ps512(_mm512_cvtpd_ps(lo)));
    return _mm512_castpd_ps(_mm512_insertf64x4(wide, _mm256_castps_pd(_mm512_cvtpd_ps(hi)), 1));
}
static inline CK_TARGET ck_d ck_d_set1(double a) { return _mm512_set1_pd(a); }
static inline CK_TARGET ck_d ck_d_sub(ck_d a, ck_d b) { return _mm512_sub_pd(a, b); }
static inline CK_TARGET ck_d ck_d_mul(ck_d a, ck_d b) { return _mm512_mul_pd(a, b); }
static inline CK_TARGET ck_d ck_d_div(ck_d a, ck_d b) { return _mm512_div_pd(a, b); }
static inline CK_TARGET ck_d ck_d_fma(ck_d a, ck_d b, ck_d c) { return _mm512_fmadd_pd(a, b, c); }
static inline CK_TARGET ck_d ck_d_abs(ck_d a) { return _mm512_abs_pd(a); }

#endif
