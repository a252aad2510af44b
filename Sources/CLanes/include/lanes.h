#ifndef CLANES_LANES_H
#define CLANES_LANES_H
// Lane permutes for the Swift SIMD kernels: a 16-entry table read with one index per lane. Swift's
// generic SIMD has no variable lane permute (its swizzle subscript compiles to a call), and a table
// read is what lets an exponential use a short polynomial. Each function is inlined into the Swift
// loop and compiles to the widest form the build's target CPU has: one vpermd on AVX-512 for 16
// lanes, one vpermt2d for 8 lanes with AVX-512VL, two vpermd and a blend per 8 lanes on AVX2, a lane
// loop elsewhere. Only the low 4 bits of each index are used.
#include <stdint.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

/// 1 where each lookup below is one instruction (AVX-512F with VL), else 0. The kernels read
/// their tables only then: on AVX2 a lookup is four instructions, which cost more than the
/// polynomial terms the table saves; elsewhere it is a lane loop.
#if defined(__AVX512F__) && defined(__AVX512VL__)
#define CK_LANES_LOOKUP16_IS_ONE_INSTRUCTION 1
#else
#define CK_LANES_LOOKUP16_IS_ONE_INSTRUCTION 0
#endif

typedef int32_t ck_lanes_i32x8 __attribute__((ext_vector_type(8)));
typedef int32_t ck_lanes_i32x16 __attribute__((ext_vector_type(16)));

#define CK_LANES_INLINE static inline __attribute__((always_inline))

#if defined(__AVX2__)
/// table[index & 15] for 8 lanes on AVX2: each half of the table permuted by the index, the high
/// half taken where bit 3 of the index is set (moved to the sign bit for the blend).
CK_LANES_INLINE __m256i ck_lanes_lookup16_avx2(__m256i lo, __m256i hi, __m256i index) {
    __m256 fromLo = _mm256_permutevar8x32_ps(_mm256_castsi256_ps(lo), index);
    __m256 fromHi = _mm256_permutevar8x32_ps(_mm256_castsi256_ps(hi), index);
    __m256 useHi = _mm256_castsi256_ps(_mm256_slli_epi32(index, 28));
    return _mm256_castps_si256(_mm256_blendv_ps(fromLo, fromHi, useHi));
}
#endif

/// table[index & 15] for 8 lanes; `lo` holds entries 0–7, `hi` entries 8–15.
CK_LANES_INLINE ck_lanes_i32x8 ck_lanes_lookup16_x8(ck_lanes_i32x8 lo, ck_lanes_i32x8 hi, ck_lanes_i32x8 index) {
#if defined(__AVX512F__) && defined(__AVX512VL__)
    return (ck_lanes_i32x8)_mm256_permutex2var_epi32((__m256i)lo, (__m256i)index, (__m256i)hi);
#elif defined(__AVX2__)
    return (ck_lanes_i32x8)ck_lanes_lookup16_avx2((__m256i)lo, (__m256i)hi, (__m256i)index);
#else
    ck_lanes_i32x8 result;
    for (int lane = 0; lane < 8; lane++) {
        int32_t j = index[lane] & 15;
        result[lane] = j < 8 ? lo[j] : hi[j - 8];
    }
    return result;
#endif
}

/// table[index & 15] for 16 lanes.
CK_LANES_INLINE ck_lanes_i32x16 ck_lanes_lookup16_x16(ck_lanes_i32x16 table, ck_lanes_i32x16 index) {
#if defined(__AVX512F__)
    return (ck_lanes_i32x16)_mm512_permutexvar_epi32((__m512i)index, (__m512i)table);
#else
    ck_lanes_i32x8 lo = table.lo, hi = table.hi;
    ck_lanes_i32x16 result;
    result.lo = ck_lanes_lookup16_x8(lo, hi, index.lo);
    result.hi = ck_lanes_lookup16_x8(lo, hi, index.hi);
    return result;
#endif
}

#endif
