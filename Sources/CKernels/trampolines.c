/*
 * The trampolines into SLEEF and libmvec declared in vecmath_decls.h (which explains why they exist): load the
 * vector the argument points to into ymm0 / zmm0, then tail-jump to the library function, which
 * returns straight to the kernel with its result in ymm0 / zmm0.
 *
 * naked: the compiler emits no prologue, so the stack is exactly as at the call and the library sees
 * a normal call. The jump needs no @PLT: assemblers emit a PLT32 relocation for a jump to an
 * undefined function. __USER_LABEL_PREFIX__ is "" on ELF and "_" on Mach-O.
 */
#if defined(__x86_64__)

#include "vecmath_decls.h"

#define CK_STR2(x) #x
#define CK_STR(x) CK_STR2(x)
#define CK_ASM_NAME(f) CK_STR(__USER_LABEL_PREFIX__) #f

/* x is used, but only by the assembly (it arrives in rdi). */
#define CK_TRAMPOLINE(target, vtype, reg, f)                      \
    __attribute__((naked)) target CK_VM_ATTRS                  \
    vtype ck_##f(const vtype *x __attribute__((unused))) {        \
        __asm__("vmovups (%rdi), %" reg "\n\t"                     \
                "jmp " CK_ASM_NAME(f) "\n\t");                    \
    }

#define CK_TRAMPOLINE_AVX2(f) CK_TRAMPOLINE(CK_TARGET_AVX2, __m256, "ymm0", f)
#define CK_TRAMPOLINE_AVX512(f) CK_TRAMPOLINE(CK_TARGET_AVX512, __m512, "zmm0", f)

CK_TRAMPOLINE_AVX2(Sleef_expf8_u10avx2)
CK_TRAMPOLINE_AVX2(Sleef_expm1f8_u10avx2)
CK_TRAMPOLINE_AVX2(Sleef_tanhf8_u10avx2)
CK_TRAMPOLINE_AVX2(Sleef_tanhf8_u35avx2)
CK_TRAMPOLINE_AVX2(Sleef_erff8_u10avx2)
CK_TRAMPOLINE_AVX2(Sleef_erfcf8_u15avx2)
CK_TRAMPOLINE(CK_TARGET_AVX2, __m256d, "ymm0", Sleef_expd4_u10avx2)

CK_TRAMPOLINE_AVX512(Sleef_expf16_u10avx512f)
CK_TRAMPOLINE_AVX512(Sleef_expm1f16_u10avx512f)
CK_TRAMPOLINE_AVX512(Sleef_tanhf16_u10avx512f)
CK_TRAMPOLINE_AVX512(Sleef_tanhf16_u35avx512f)
CK_TRAMPOLINE_AVX512(Sleef_erff16_u10avx512f)
CK_TRAMPOLINE_AVX512(Sleef_erfcf16_u15avx512f)
CK_TRAMPOLINE(CK_TARGET_AVX512, __m512d, "zmm0", Sleef_expd8_u10avx512f)

#if defined(__linux__)
CK_TRAMPOLINE_AVX2(_ZGVdN8v_expf)
CK_TRAMPOLINE_AVX2(_ZGVdN8v_expm1f)
CK_TRAMPOLINE_AVX2(_ZGVdN8v_tanhf)
CK_TRAMPOLINE_AVX2(_ZGVdN8v_erff)
CK_TRAMPOLINE_AVX2(_ZGVdN8v_erfcf)
CK_TRAMPOLINE(CK_TARGET_AVX2, __m256d, "ymm0", _ZGVdN4v_exp)

CK_TRAMPOLINE_AVX512(_ZGVeN16v_expf)
CK_TRAMPOLINE_AVX512(_ZGVeN16v_expm1f)
CK_TRAMPOLINE_AVX512(_ZGVeN16v_tanhf)
CK_TRAMPOLINE_AVX512(_ZGVeN16v_erff)
CK_TRAMPOLINE_AVX512(_ZGVeN16v_erfcf)
CK_TRAMPOLINE(CK_TARGET_AVX512, __m512d, "zmm0", _ZGVeN8v_exp)
#endif /* __linux__ */

#endif /* __x86_64__ */
