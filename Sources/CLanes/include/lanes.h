#ifndef CLANES_LANES_H
#define CLANES_LANES_H
// Lane operations for the Swift SIMD kernels that Swift's generic SIMD does not give: 32-, 16- and
// 8-entry table reads with one index per lane, a value or an address the optimiser cannot see
// through, x86's max, the smaller of a magnitude and a bound (AVX-512's range), scaling by 2^⌊y⌋
// rounded once (AVX-512's scalef), and a prefetch of the input ahead of a loop.
// Swift's generic SIMD has no variable lane permute (its swizzle subscript compiles to a call), and
// a table read is what lets an exponential use a short polynomial. Each function is inlined into the Swift
// loop and compiles to one vpermt2d (the table's two 16-entry halves in two zmm registers) where the
// target CPU has AVX-512F, for 16 lanes and for 8 (the index widened to zmm, the low half kept), and
// to a lane loop elsewhere (vpermd for 16 entries). Only the low 5 (4) bits of each index are used.
#include <stdint.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

/// 1 where each lookup below is one instruction (AVX-512F; VL is asked for too, so that the 8-lane
/// kernels around the lookup are ymm code), else 0. The kernels read their tables only then: on
/// AVX2 a 32-entry lookup is four permutes and three blends, which cost more than the polynomial
/// terms the table saves; elsewhere it is a lane loop.
#if defined(__AVX512F__) && defined(__AVX512VL__)
#define CK_LANES_LOOKUP_IS_ONE_INSTRUCTION 1
#else
#define CK_LANES_LOOKUP_IS_ONE_INSTRUCTION 0
#endif

/// 1 where an eight-entry lookup (`ck_lanes_lookup8_*`) is one instruction per eight lanes (AVX2's
/// vpermd on ymm), else 0. The fast GELU-erf reads eight-entry tables where the build reads no
/// larger ones (AVX2 without AVX-512).
#if defined(__AVX2__)
#define CK_LANES_LOOKUP8_IS_ONE_INSTRUCTION 1
#else
#define CK_LANES_LOOKUP8_IS_ONE_INSTRUCTION 0
#endif

typedef int32_t ck_lanes_i32x8 __attribute__((ext_vector_type(8)));
typedef int32_t ck_lanes_i32x16 __attribute__((ext_vector_type(16)));

#define CK_LANES_INLINE static inline __attribute__((always_inline))

/// table[index & 31] for 16 lanes; `lo` holds entries 0–15, `hi` entries 16–31.
CK_LANES_INLINE ck_lanes_i32x16 ck_lanes_lookup32_x16(ck_lanes_i32x16 lo, ck_lanes_i32x16 hi, ck_lanes_i32x16 index) {
#if defined(__AVX512F__)
    return (ck_lanes_i32x16)_mm512_permutex2var_epi32((__m512i)lo, (__m512i)index, (__m512i)hi);
#else
    ck_lanes_i32x16 result;
    for (int lane = 0; lane < 16; lane++) {
        int32_t j = index[lane] & 31;
        result[lane] = j < 16 ? lo[j] : hi[j - 16];
    }
    return result;
#endif
}

/// table[index & 31] for 8 lanes; `lo` holds entries 0–15, `hi` entries 16–31.
CK_LANES_INLINE ck_lanes_i32x8 ck_lanes_lookup32_x8(ck_lanes_i32x16 lo, ck_lanes_i32x16 hi, ck_lanes_i32x8 index) {
#if defined(__AVX512F__)
    __m512i wide = _mm512_castsi256_si512((__m256i)index);
    return (ck_lanes_i32x8)_mm512_castsi512_si256(_mm512_permutex2var_epi32((__m512i)lo, wide, (__m512i)hi));
#else
    ck_lanes_i32x8 result;
    for (int lane = 0; lane < 8; lane++) {
        int32_t j = index[lane] & 31;
        result[lane] = j < 16 ? lo[j] : hi[j - 16];
    }
    return result;
#endif
}

/// table[index & 15] for 16 lanes: one vpermd, a one-table permute, which on Zen 4 costs a loop of
/// FMAs less than the two-table vpermt2d of the 32-entry lookup.
CK_LANES_INLINE ck_lanes_i32x16 ck_lanes_lookup16_x16(ck_lanes_i32x16 table, ck_lanes_i32x16 index) {
#if defined(__AVX512F__)
    return (ck_lanes_i32x16)_mm512_permutexvar_epi32((__m512i)index, (__m512i)table);
#else
    ck_lanes_i32x16 result;
    for (int lane = 0; lane < 16; lane++) result[lane] = table[index[lane] & 15];
    return result;
#endif
}

/// table[index & 15] for 8 lanes (the index widened to zmm, the low half kept).
CK_LANES_INLINE ck_lanes_i32x8 ck_lanes_lookup16_x8(ck_lanes_i32x16 table, ck_lanes_i32x8 index) {
#if defined(__AVX512F__)
    __m512i wide = _mm512_castsi256_si512((__m256i)index);
    return (ck_lanes_i32x8)_mm512_castsi512_si256(_mm512_permutexvar_epi32(wide, (__m512i)table));
#else
    ck_lanes_i32x8 result;
    for (int lane = 0; lane < 8; lane++) result[lane] = table[index[lane] & 15];
    return result;
#endif
}

/// table[index & 7] for 8 lanes: one vpermd on ymm where the target CPU has AVX2.
CK_LANES_INLINE ck_lanes_i32x8 ck_lanes_lookup8_x8(ck_lanes_i32x8 table, ck_lanes_i32x8 index) {
#if defined(__AVX2__)
    return (ck_lanes_i32x8)_mm256_permutevar8x32_epi32((__m256i)table, (__m256i)index);
#else
    ck_lanes_i32x8 result;
    for (int lane = 0; lane < 8; lane++) result[lane] = table[index[lane] & 7];
    return result;
#endif
}

/// table[index & 7] for 16 lanes: one vpermd per eight-lane half where the target CPU has AVX2.
CK_LANES_INLINE ck_lanes_i32x16 ck_lanes_lookup8_x16(ck_lanes_i32x8 table, ck_lanes_i32x16 index) {
    ck_lanes_i32x8 low = ck_lanes_lookup8_x8(table, index.lo), high = ck_lanes_lookup8_x8(table, index.hi);
    return __builtin_shufflevector(low, high, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
}

typedef float ck_lanes_f32x8 __attribute__((ext_vector_type(8)));
typedef float ck_lanes_f32x16 __attribute__((ext_vector_type(16)));

/// The same lanes, hidden from the optimiser by an empty asm statement: integer forms that the
/// kernels write to stay off the compare-into-mask instructions (on Zen 4 each of those takes an
/// FMA slot) are otherwise folded back into a compare and a masked operation. No instruction.
CK_LANES_INLINE ck_lanes_i32x16 ck_lanes_opaque_x16(ck_lanes_i32x16 v) {
#if defined(__AVX512F__)
    __asm__("" : "+v"(v));
#endif
    return v;
}
CK_LANES_INLINE ck_lanes_i32x8 ck_lanes_opaque_x8(ck_lanes_i32x8 v) {
#if defined(__AVX512VL__)
    __asm__("" : "+v"(v));
#elif defined(__AVX__)
    __asm__("" : "+x"(v));
#endif
    return v;
}

/// The same address, hidden from the optimiser by an empty asm statement: as far as it knows, a
/// loop's stores may write what it points to, so the loop reads what it needs from there afresh
/// each pass (as an instruction's memory operand) rather than holding it in a register. No
/// instruction.
CK_LANES_INLINE const void *ck_lanes_opaque_address(const void *p) {
#if defined(__x86_64__) || defined(__i386__)
    __asm__("" : "+r"(p));
#endif
    return p;
}

/// min(|v|, limit) lane-wise as bit patterns, for a limit ≥ 0 that is not NaN: the sign cleared,
/// then an integer minimum (non-negative floats order as their patterns). Any NaN lane gives limit.
/// The 16-lane form below writes the same two lines in place (a call passing 16-lane vectors by
/// value draws clang's ABI warning in builds without AVX-512).
CK_LANES_INLINE ck_lanes_f32x8 ck_lanes_magnitude_min_bits_x8(ck_lanes_f32x8 v, ck_lanes_f32x8 limit) {
    ck_lanes_i32x8 m = (ck_lanes_i32x8)v & 0x7fffffff, l = (ck_lanes_i32x8)limit;
    return (ck_lanes_f32x8)(m < l ? m : l);
}

/// min(|v|, limit) lane-wise, sign cleared, for a limit ≥ 0 that is not NaN: one vrangeps (imm 0x0a:
/// the smaller magnitude, sign cleared) where the target CPU has AVX512DQ, in place of a mask and
/// an integer minimum, and with no mask constant in a register; the bit-pattern form elsewhere.
/// The same result for every lane but a signalling NaN, which vrangeps returns quieted (the
/// bit-pattern form gives limit); a quiet NaN gives limit either way.
CK_LANES_INLINE ck_lanes_f32x16 ck_lanes_magnitude_min_x16(ck_lanes_f32x16 v, ck_lanes_f32x16 limit) {
#if defined(__AVX512DQ__)
    return (ck_lanes_f32x16)_mm512_range_ps((__m512)v, (__m512)limit, 0x0a);
#else
    ck_lanes_i32x16 m = (ck_lanes_i32x16)v & 0x7fffffff, l = (ck_lanes_i32x16)limit;
    return (ck_lanes_f32x16)(m < l ? m : l);
#endif
}
CK_LANES_INLINE ck_lanes_f32x8 ck_lanes_magnitude_min_x8(ck_lanes_f32x8 v, ck_lanes_f32x8 limit) {
#if defined(__AVX512DQ__) && defined(__AVX512VL__)
    return (ck_lanes_f32x8)_mm256_range_ps((__m256)v, (__m256)limit, 0x0a);
#else
    return ck_lanes_magnitude_min_bits_x8(v, limit);
#endif
}

/// a > b ? a : b lane-wise (x86's maxps: b where the lanes are equal or either is NaN), one
/// instruction on x86.
CK_LANES_INLINE ck_lanes_f32x16 ck_lanes_max_x16(ck_lanes_f32x16 a, ck_lanes_f32x16 b) {
#if defined(__AVX512F__)
    return (ck_lanes_f32x16)_mm512_max_ps((__m512)a, (__m512)b);
#else
    ck_lanes_f32x16 result;
    for (int lane = 0; lane < 16; lane++) result[lane] = a[lane] > b[lane] ? a[lane] : b[lane];
    return result;
#endif
}
CK_LANES_INLINE ck_lanes_f32x8 ck_lanes_max_x8(ck_lanes_f32x8 a, ck_lanes_f32x8 b) {
#if defined(__AVX__)
    return (ck_lanes_f32x8)_mm256_max_ps((__m256)a, (__m256)b);
#else
    ck_lanes_f32x8 result;
    for (int lane = 0; lane < 8; lane++) result[lane] = a[lane] > b[lane] ? a[lane] : b[lane];
    return result;
#endif
}


/// v·2^floor(y) for one lane, rounded once: the product is exact in double (v has 24 bits, 2^n is
/// a power of two) and the conversion to float rounds it, to a subnormal or 0 where it falls below
/// 2^-126. y is clamped to ±400 first (every float result is reached there); NaN gives NaN.
CK_LANES_INLINE float ck_lanes_scalef_lane(float v, float y) {
    if (y != y) return v + y;
    float clamped = y < -400 ? -400 : y > 400 ? 400 : y;
    int n = (int)clamped;
    if ((float)n > clamped) n -= 1;
    union { uint64_t bits; double value; } power = { (uint64_t)(n + 1023) << 52 };
    return (float)((double)v * power.value);
}

/// v·2^floor(y) lane-wise, rounded once (x86's scalef: a result below 2^-126 is the subnormal it
/// rounds to, one below 2^-150 is 0). One vscalefps where the target CPU has AVX-512F (8 lanes:
/// AVX-512VL), a lane loop elsewhere.
CK_LANES_INLINE ck_lanes_f32x16 ck_lanes_scalef_x16(ck_lanes_f32x16 v, ck_lanes_f32x16 y) {
#if defined(__AVX512F__)
    return (ck_lanes_f32x16)_mm512_scalef_ps((__m512)v, (__m512)y);
#else
    ck_lanes_f32x16 result;
    for (int lane = 0; lane < 16; lane++) result[lane] = ck_lanes_scalef_lane(v[lane], y[lane]);
    return result;
#endif
}
CK_LANES_INLINE ck_lanes_f32x8 ck_lanes_scalef_x8(ck_lanes_f32x8 v, ck_lanes_f32x8 y) {
#if defined(__AVX512VL__)
    return (ck_lanes_f32x8)_mm256_scalef_ps((__m256)v, (__m256)y);
#else
    ck_lanes_f32x8 result;
    for (int lane = 0; lane < 8; lane++) result[lane] = ck_lanes_scalef_lane(v[lane], y[lane]);
    return result;
#endif
}

/// Asks for the cache line that holds `p` (prefetcht0 on x86, nothing where the compiler has no
/// prefetch). A prefetch never faults, so `p` may lie past the end of the array.
CK_LANES_INLINE void ck_lanes_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

#endif
