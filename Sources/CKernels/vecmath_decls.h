/*
 * How the kernels call the vector math libraries' 256- and 512-bit functions (SLEEF's, and glibc's
 * libmvec) without building the target for AVX.
 *
 * sleef.h declares SLEEF's functions only when the translation unit is built with -mavx2 /
 * -mavx512f, and building the whole target for one ISA would make the library fault on CPUs
 * without it (docs/architecture.md). Redeclaring them with __attribute__((target(...))) is not enough:
 * the ABI of a __m256 / __m512 *argument* then differs between compilers. GCC passes it in
 * ymm0 / zmm0 as SLEEF expects; Clang up to at least 21 (the Swift 6.3 toolchain) decides the
 * vector ABI from the command-line ISA only and passes it on the stack, so SLEEF (and libmvec, whose vector-function ABI
 * is the same) would read whatever ymm0 happened to hold (llvm/llvm-project#64706; a 2026 Clang change makes Clang follow
 * GCC, so neither convention can be assumed).
 *
 * So every library function is reached through a trampoline (trampolines.c) whose argument
 * is a pointer to the vector, which every compiler passes in rdi. The trampoline loads the
 * vector into ymm0 / zmm0 and tail-jumps into the library, whose result comes back in ymm0 / zmm0:
 * that is how every compiler returns a __m256 / __m512 from a function carrying the AVX target
 * attribute. Cost: one store and one load per call, next to a SLEEF body of dozens of
 * instructions.
 *
 * ck_Sleef_expf8_u10avx2(&x) == Sleef_expf8_u10avx2(x), ck__ZGVdN8v_expf(&x) == libmvec's
 * _ZGVdN8v_expf(x), and so on. SLEEF's "avx2" build and libmvec's "d" (AVX2) variants are
 * AVX2 + FMA3, hence target("avx2,fma"); libmvec's "e" variants are AVX-512 F.
 */
#ifndef CKERNELS_VECMATH_DECLS_H
#define CKERNELS_VECMATH_DECLS_H

#if defined(__x86_64__)
#include <immintrin.h>

#define CK_TARGET_AVX2   __attribute__((target("avx2,fma")))
#define CK_TARGET_AVX512 __attribute__((target("avx512f")))

/* pure, not const: the trampolines read the vector through the pointer. */
#define CK_VM_ATTRS __attribute__((pure, visibility("hidden")))

/* 8 lanes, AVX2 + FMA. */
CK_TARGET_AVX2 CK_VM_ATTRS __m256 ck_Sleef_expf8_u10avx2(const __m256 *x);
CK_TARGET_AVX2 CK_VM_ATTRS __m256 ck_Sleef_expm1f8_u10avx2(const __m256 *x);
CK_TARGET_AVX2 CK_VM_ATTRS __m256 ck_Sleef_tanhf8_u10avx2(const __m256 *x);
CK_TARGET_AVX2 CK_VM_ATTRS __m256 ck_Sleef_tanhf8_u35avx2(const __m256 *x);
CK_TARGET_AVX2 CK_VM_ATTRS __m256 ck_Sleef_erff8_u10avx2(const __m256 *x);
CK_TARGET_AVX2 CK_VM_ATTRS __m256 ck_Sleef_erfcf8_u15avx2(const __m256 *x);
CK_TARGET_AVX2 CK_VM_ATTRS __m256d ck_Sleef_expd4_u10avx2(const __m256d *x);

/* 16 lanes, AVX-512 F. */
CK_TARGET_AVX512 CK_VM_ATTRS __m512 ck_Sleef_expf16_u10avx512f(const __m512 *x);
CK_TARGET_AVX512 CK_VM_ATTRS __m512 ck_Sleef_expm1f16_u10avx512f(const __m512 *x);
CK_TARGET_AVX512 CK_VM_ATTRS __m512 ck_Sleef_tanhf16_u10avx512f(const __m512 *x);
CK_TARGET_AVX512 CK_VM_ATTRS __m512 ck_Sleef_tanhf16_u35avx512f(const __m512 *x);
CK_TARGET_AVX512 CK_VM_ATTRS __m512 ck_Sleef_erff16_u10avx512f(const __m512 *x);
CK_TARGET_AVX512 CK_VM_ATTRS __m512 ck_Sleef_erfcf16_u15avx512f(const __m512 *x);
CK_TARGET_AVX512 CK_VM_ATTRS __m512d ck_Sleef_expd8_u10avx512f(const __m512d *x);

/* glibc's libmvec (Linux only): 8 lanes AVX2 ("d"), 16 lanes AVX-512 ("e"). */
#if defined(__linux__)
CK_TARGET_AVX2 CK_VM_ATTRS __m256 ck__ZGVdN8v_expf(const __m256 *x);
CK_TARGET_AVX2 CK_VM_ATTRS __m256 ck__ZGVdN8v_expm1f(const __m256 *x);
CK_TARGET_AVX2 CK_VM_ATTRS __m256 ck__ZGVdN8v_tanhf(const __m256 *x);
CK_TARGET_AVX2 CK_VM_ATTRS __m256 ck__ZGVdN8v_erff(const __m256 *x);
CK_TARGET_AVX2 CK_VM_ATTRS __m256 ck__ZGVdN8v_erfcf(const __m256 *x);
CK_TARGET_AVX2 CK_VM_ATTRS __m256d ck__ZGVdN4v_exp(const __m256d *x);

CK_TARGET_AVX512 CK_VM_ATTRS __m512 ck__ZGVeN16v_expf(const __m512 *x);
CK_TARGET_AVX512 CK_VM_ATTRS __m512 ck__ZGVeN16v_expm1f(const __m512 *x);
CK_TARGET_AVX512 CK_VM_ATTRS __m512 ck__ZGVeN16v_tanhf(const __m512 *x);
CK_TARGET_AVX512 CK_VM_ATTRS __m512 ck__ZGVeN16v_erff(const __m512 *x);
CK_TARGET_AVX512 CK_VM_ATTRS __m512 ck__ZGVeN16v_erfcf(const __m512 *x);
CK_TARGET_AVX512 CK_VM_ATTRS __m512d ck__ZGVeN8v_exp(const __m512d *x);
#endif /* __linux__ */

#endif /* __x86_64__ */
#endif /* CKERNELS_VECMATH_DECLS_H */
