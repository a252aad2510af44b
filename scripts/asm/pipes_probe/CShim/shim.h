// Zen-class vector pipe rates for the pipes probe: each ck_* function runs its instruction block
// `iterations` times and returns timestamp-counter cycles. AVX-512 only.
#include <immintrin.h>
#include <x86intrin.h>

#define CK_CLOBBERS "rcx", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", \
    "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "xmm16", "xmm17", "xmm18", "xmm19", "xmm20", "xmm21", \
    "xmm22", "xmm23", "xmm24", "xmm25", "xmm26", "xmm27", "xmm28", "xmm29", "xmm30", "xmm31", "k1"
#define CK_TIMED(block) \
    __asm__ volatile("vxorps %%xmm14,%%xmm14,%%xmm14\n\tvxorps %%xmm15,%%xmm15,%%xmm15\n\tvxorps %%xmm0,%%xmm0,%%xmm0" ::: "xmm0", "xmm14", "xmm15"); \
    unsigned long long start = __rdtsc(); \
    __asm__ volatile("mov %0, %%rcx\n1:\n\t" block "dec %%rcx\n\tjnz 1b" :: "r"(iterations) : CK_CLOBBERS); \
    return __rdtsc() - start;

// Twelve independent instructions (throughput) or ten in one dependency chain (latency).
#define CK_X12(op) op " %%zmm14,%%zmm15,%%zmm0\n\t" op " %%zmm14,%%zmm15,%%zmm1\n\t" op " %%zmm14,%%zmm15,%%zmm2\n\t" \
    op " %%zmm14,%%zmm15,%%zmm3\n\t" op " %%zmm14,%%zmm15,%%zmm4\n\t" op " %%zmm14,%%zmm15,%%zmm5\n\t" \
    op " %%zmm14,%%zmm15,%%zmm6\n\t" op " %%zmm14,%%zmm15,%%zmm7\n\t" op " %%zmm14,%%zmm15,%%zmm8\n\t" \
    op " %%zmm14,%%zmm15,%%zmm9\n\t" op " %%zmm14,%%zmm15,%%zmm10\n\t" op " %%zmm14,%%zmm15,%%zmm11\n\t"
#define CK_C10(op) op " %%zmm14,%%zmm0,%%zmm0\n\t" op " %%zmm14,%%zmm0,%%zmm0\n\t" op " %%zmm14,%%zmm0,%%zmm0\n\t" \
    op " %%zmm14,%%zmm0,%%zmm0\n\t" op " %%zmm14,%%zmm0,%%zmm0\n\t" op " %%zmm14,%%zmm0,%%zmm0\n\t" \
    op " %%zmm14,%%zmm0,%%zmm0\n\t" op " %%zmm14,%%zmm0,%%zmm0\n\t" op " %%zmm14,%%zmm0,%%zmm0\n\t" \
    op " %%zmm14,%%zmm0,%%zmm0\n\t"
#define CK_RATE(name, op) \
    static inline unsigned long long ck_##name##_x12(long iterations) { CK_TIMED(CK_X12(op)) } \
    static inline unsigned long long ck_##name##_c10(long iterations) { CK_TIMED(CK_C10(op)) }
CK_RATE(fma, "vfmadd231ps")
CK_RATE(mul, "vmulps")
CK_RATE(add, "vaddps")
CK_RATE(min, "vminps")
CK_RATE(paddd, "vpaddd")
CK_RATE(and, "vandps")
CK_RATE(perm, "vpermps")
CK_RATE(perm2, "vpermt2ps")
CK_RATE(div, "vdivps")
CK_RATE(blend, "vblendmps")
CK_RATE(ternlog, "vpternlogd $0xca,")
CK_RATE(pmind, "vpminsd")
CK_RATE(scalef, "vscalefps")

// Instructions whose destination is a mask register or that take an immediate: throughput only.
#define CK_X12K(op) ".rept 12\n\t" op "\n\t.endr\n\t"
#define CK_RATE_X12(name, op) static inline unsigned long long ck_##name##_x12(long iterations) { CK_TIMED(CK_X12K(op)) }
CK_RATE_X12(cmpps, "vcmpltps %%zmm14,%%zmm15,%%k1")
CK_RATE_X12(pcmpd, "vpcmpgtd %%zmm14,%%zmm15,%%k1")
CK_RATE_X12(movd2m, "vpmovd2m %%zmm14,%%k1")
CK_RATE_X12(pslld, "vpslld $18,%%zmm14,%%zmm0")
// A register copy (the copies the compiler adds before a destructive FMA or permute): ten in one
// chain; near 0 cycles each where renaming eliminates them.
static inline unsigned long long ck_mov_c10(long iterations) {
    CK_TIMED(".rept 5\n\tvmovaps %%zmm0,%%zmm1\n\tvmovaps %%zmm1,%%zmm0\n\t.endr\n\t")
}

// Sixteen independent FMAs, alone and with independent divisions or table permutes beside them:
// what each takes from the FMA pipes.
#define CK_F(r) "vfmadd231ps %%zmm14,%%zmm15,%%zmm" #r "\n\t"
#define CK_F16 CK_F(0) CK_F(1) CK_F(2) CK_F(3) CK_F(4) CK_F(5) CK_F(6) CK_F(7) CK_F(8) CK_F(9) CK_F(10) CK_F(11) \
    "vfmadd231ps %%zmm14,%%zmm15,%%zmm16\n\tvfmadd231ps %%zmm14,%%zmm15,%%zmm17\n\t" \
    "vfmadd231ps %%zmm14,%%zmm15,%%zmm18\n\tvfmadd231ps %%zmm14,%%zmm15,%%zmm19\n\t"
#define CK_D(r) "vdivps %%zmm14,%%zmm15,%%zmm" #r "\n\t"
static inline unsigned long long ck_fma16(long iterations) { CK_TIMED(CK_F16) }
static inline unsigned long long ck_fma16_div1(long iterations) { CK_TIMED(CK_F16 CK_D(12)) }
static inline unsigned long long ck_fma16_div2(long iterations) { CK_TIMED(CK_F16 CK_D(12) CK_D(13)) }
#define CK_P(op, r) op " %%zmm14,%%zmm15,%%zmm" #r "\n\t"
// 16 FMAs with four independent `op`s beside them, into registers the FMAs do not use.
#define CK_FMA16_WITH4(name, op) \
    static inline unsigned long long ck_fma16_##name(long iterations) { CK_TIMED(CK_F16 CK_P(op, 12) CK_P(op, 13) CK_P(op, 20) CK_P(op, 21)) }
static inline unsigned long long ck_fma16_perm2(long iterations) { CK_TIMED(CK_F16 CK_P("vpermps", 12) CK_P("vpermps", 13)) }
static inline unsigned long long ck_fma16_perm2x2(long iterations) { CK_TIMED(CK_F16 CK_P("vpermt2ps", 12) CK_P("vpermt2ps", 13)) }
#define CK_K(op) op "\n\t"
static inline unsigned long long ck_fma16_cmpps2(long iterations) { CK_TIMED(CK_F16 CK_K("vcmpltps %%zmm14,%%zmm15,%%k1") CK_K("vcmpltps %%zmm15,%%zmm14,%%k1")) }
static inline unsigned long long ck_fma16_cmpps4(long iterations) {
    CK_TIMED(CK_F16 CK_K("vcmpltps %%zmm14,%%zmm15,%%k1") CK_K("vcmpltps %%zmm15,%%zmm14,%%k1")
             CK_K("vcmpltps %%zmm14,%%zmm15,%%k1") CK_K("vcmpltps %%zmm15,%%zmm14,%%k1"))
}
static inline unsigned long long ck_fma16_pcmpd4(long iterations) {
    CK_TIMED(CK_F16 CK_K("vpcmpgtd %%zmm14,%%zmm15,%%k1") CK_K("vpcmpgtd %%zmm15,%%zmm14,%%k1")
             CK_K("vpcmpgtd %%zmm14,%%zmm15,%%k1") CK_K("vpcmpgtd %%zmm15,%%zmm14,%%k1"))
}
static inline unsigned long long ck_fma16_movd2m4(long iterations) {
    CK_TIMED(CK_F16 CK_K("vpmovd2m %%zmm14,%%k1") CK_K("vpmovd2m %%zmm15,%%k1") CK_K("vpmovd2m %%zmm14,%%k1") CK_K("vpmovd2m %%zmm15,%%k1"))
}
CK_FMA16_WITH4(blend4, "vblendmps")
// The same with a one-source immediate form (`op` holds the immediate): sources zmm14, zmm15 in turn.
#define CK_S(op, a, r) CK_K(op ",%%zmm" #a ",%%zmm" #r)
#define CK_FMA16_WITH4_IMM(name, op) \
    static inline unsigned long long ck_fma16_##name(long iterations) { CK_TIMED(CK_F16 CK_S(op, 14, 12) CK_S(op, 15, 13) CK_S(op, 14, 20) CK_S(op, 15, 21)) }
CK_FMA16_WITH4_IMM(pslld4, "vpslld $18")
CK_FMA16_WITH4(add4, "vaddps")
CK_FMA16_WITH4(min4, "vminps")
CK_FMA16_WITH4(pmind4, "vpminsd")
CK_FMA16_WITH4(paddd4, "vpaddd")
CK_FMA16_WITH4(ternlog4, "vpternlogd $0xd8,")
CK_FMA16_WITH4_IMM(psrad4, "vpsrad $31")
CK_FMA16_WITH4(perm2x4, "vpermt2ps")
CK_FMA16_WITH4(scalef4, "vscalefps")
// 16 FMAs with eight one-table or two-table permutes beside them: which pair of pipes each takes.
#define CK_P8(op) CK_P(op, 12) CK_P(op, 13) CK_P(op, 20) CK_P(op, 21) CK_P(op, 22) CK_P(op, 23) CK_P(op, 24) CK_P(op, 25)
static inline unsigned long long ck_fma16_perm8(long iterations) { CK_TIMED(CK_F16 CK_P8("vpermps")) }
static inline unsigned long long ck_fma16_perm2x8(long iterations) { CK_TIMED(CK_F16 CK_P8("vpermt2ps")) }
// Sixteen independent adds, alone and with four vscalefps or eight two-table permutes beside them:
// what each takes from the add pipes.
#define CK_A(r) "vaddps %%zmm14,%%zmm15,%%zmm" #r "\n\t"
#define CK_A16 CK_A(0) CK_A(1) CK_A(2) CK_A(3) CK_A(4) CK_A(5) CK_A(6) CK_A(7) CK_A(8) CK_A(9) CK_A(10) CK_A(11) \
    CK_A(16) CK_A(17) CK_A(18) CK_A(19)
static inline unsigned long long ck_add16(long iterations) { CK_TIMED(CK_A16) }
static inline unsigned long long ck_add16_scalef4(long iterations) {
    CK_TIMED(CK_A16 CK_P("vscalefps", 12) CK_P("vscalefps", 13) CK_P("vscalefps", 20) CK_P("vscalefps", 21))
}
static inline unsigned long long ck_add16_perm2x8(long iterations) { CK_TIMED(CK_A16 CK_P8("vpermt2ps")) }
static inline unsigned long long ck_add16_perm8(long iterations) { CK_TIMED(CK_A16 CK_P8("vpermps")) }
// Both pairs full (16 FMAs and 16 adds), and the fast GELU-erf's kind of mix (FMAs, adds and
// one-table permutes or logic together): whether the core issues more than two zmm instructions
// per cycle. None of these reads its destination, so they may share registers.
#define CK_A8 CK_A(26) CK_A(27) CK_A(28) CK_A(29) CK_A(30) CK_A(31) CK_A(12) CK_A(13)
#define CK_X8(op) CK_P(op, 20) CK_P(op, 21) CK_P(op, 22) CK_P(op, 23) CK_P(op, 24) CK_P(op, 25) CK_P(op, 26) CK_P(op, 27)
static inline unsigned long long ck_fma16_add8(long iterations) { CK_TIMED(CK_F16 CK_A8) }
static inline unsigned long long ck_fma16_add16(long iterations) { CK_TIMED(CK_F16 CK_A8 CK_A8) }
static inline unsigned long long ck_fma16_add8_perm8(long iterations) { CK_TIMED(CK_F16 CK_A8 CK_X8("vpermps")) }
static inline unsigned long long ck_fma16_add8_and8(long iterations) { CK_TIMED(CK_F16 CK_A8 CK_X8("vpandd")) }
static inline unsigned long long ck_fma16_add16_perm8(long iterations) { CK_TIMED(CK_F16 CK_A8 CK_A8 CK_X8("vpermps")) }
static inline unsigned long long ck_fma16_add16_and8(long iterations) { CK_TIMED(CK_F16 CK_A8 CK_A8 CK_X8("vpandd")) }
// Eight register-to-register zmm copies beside both pairs full: whether renaming removes them.
#define CK_M(r) "vmovaps %%zmm14,%%zmm" #r "\n\t"
#define CK_M8 CK_M(20) CK_M(21) CK_M(22) CK_M(23) CK_M(24) CK_M(25) CK_M(26) CK_M(27)
static inline unsigned long long ck_fma16_add16_mov8(long iterations) { CK_TIMED(CK_F16 CK_A8 CK_A8 CK_M8) }

// Ten dependent scalar adds (one core cycle each): timestamp cycles per core cycle.
static inline unsigned long long ck_scalar_add_c10(long iterations) {
    long x = 0;
    unsigned long long start = __rdtsc();
    __asm__ volatile("mov %1, %%rcx\n1:\n\t" ".rept 10\n\tadd $1, %0\n\t.endr\n\t" "dec %%rcx\n\tjnz 1b"
                     : "+r"(x) : "r"(iterations) : "rcx");
    return __rdtsc() - start;
}

// A vector loop over an L1-resident array whose body is one chain of DEPTH dependent FMAs:
// plainly (each vector's chain inside its iteration) or skewed (the chain cut in four stages,
// iteration i running stage 1 of vector i+3, ..., stage 4 of vector i). Same work, same results.
#define CK_FMA(v) v = _mm512_fmadd_ps(v, a, b); __asm__("" : "+v"(v));
#define CK_CHAIN(DEPTH) \
static inline unsigned long long ck_chain##DEPTH##_plain(const float *in, float *out, long n) { \
    __m512 a = _mm512_set1_ps(0.999f), b = _mm512_set1_ps(1e-3f); \
    unsigned long long start = __rdtsc(); \
    for (long i = 0; i < n; i += 16) { \
        __m512 x = _mm512_loadu_ps(in + i); \
        _Pragma("clang loop unroll(full)") for (int k = 0; k < DEPTH; k++) { CK_FMA(x) } \
        _mm512_storeu_ps(out + i, x); \
    } \
    return __rdtsc() - start; \
} \
static inline unsigned long long ck_chain##DEPTH##_skewed(const float *in, float *out, long n) { \
    __m512 a = _mm512_set1_ps(0.999f), b = _mm512_set1_ps(1e-3f); \
    unsigned long long start = __rdtsc(); \
    __m512 y1 = _mm512_loadu_ps(in), y2 = _mm512_loadu_ps(in + 16), y3 = _mm512_loadu_ps(in + 32); \
    _Pragma("clang loop unroll(full)") for (int k = 0; k < 3 * (DEPTH / 4); k++) { CK_FMA(y1) } \
    _Pragma("clang loop unroll(full)") for (int k = 0; k < 2 * (DEPTH / 4); k++) { CK_FMA(y2) } \
    _Pragma("clang loop unroll(full)") for (int k = 0; k < DEPTH / 4; k++) { CK_FMA(y3) } \
    for (long i = 0; i + 48 < n; i += 16) { \
        __m512 x = _mm512_loadu_ps(in + i + 48); \
        _Pragma("clang loop unroll(full)") for (int k = 0; k < DEPTH / 4; k++) { CK_FMA(x) CK_FMA(y3) CK_FMA(y2) CK_FMA(y1) } \
        _mm512_storeu_ps(out + i, y1); \
        y1 = y2; y2 = y3; y3 = x; \
    } \
    return __rdtsc() - start; \
}
CK_CHAIN(8)
CK_CHAIN(16)
CK_CHAIN(24)
CK_CHAIN(32)
