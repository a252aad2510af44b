/*
 * CPU facts: which ISA variants may run here, and the CPU's brand string and signature for the results.
 */
#include "CKernels.h"

#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#endif

int ck_cpu_has_avx2(void) {
#if defined(__x86_64__)
    /* __builtin_cpu_supports reads a table filled by a constructor in libgcc / compiler-rt;
     * __builtin_cpu_init makes it safe to ask before constructors ran, and is cheap after.
     * The table also checks that the OS saves the ymm/zmm state (XGETBV), not only CPUID.
     * SLEEF's avx2 build uses FMA3 as well, so both are required. */
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

int ck_cpu_has_avx512f(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") ? 1 : 0;
#else
    return 0;
#endif
}

/* Copies src[0..n) into buf without the leading and trailing spaces (brand strings are often
 * right-aligned with leading blanks), truncating to len - 1 bytes. */
static void copy_trimmed(char *buf, size_t len, const char *src, size_t n) {
    while (n > 0 && (src[0] == ' ' || src[0] == '\0')) { src++; n--; }
    while (n > 0 && (src[n - 1] == ' ' || src[n - 1] == '\0')) n--;
    if (n > len - 1) n = len - 1;
    memcpy(buf, src, n);
    buf[n] = '\0';
}

const char *ck_cpu_model(char *buf, size_t len) {
    if (buf == NULL || len == 0) return buf;
#if defined(__x86_64__)
    unsigned int regs[12];
    unsigned int eax, ebx, ecx, edx;
    if (__get_cpuid(0x80000000u, &eax, &ebx, &ecx, &edx) && eax >= 0x80000004u) {
        for (unsigned int leaf = 0; leaf < 3; leaf++) {
            __cpuid(0x80000002u + leaf, regs[4 * leaf], regs[4 * leaf + 1], regs[4 * leaf + 2], regs[4 * leaf + 3]);
        }
        char brand[sizeof regs + 1];
        memcpy(brand, regs, sizeof regs);
        brand[sizeof regs] = '\0';
        copy_trimmed(buf, len, brand, strlen(brand));
        if (buf[0] != '\0') return buf;
    }
#endif
    copy_trimmed(buf, len, "unknown", strlen("unknown"));
    return buf;
}

int ck_cpu_signature(int *family, int *model, int *stepping) {
#if defined(__x86_64__)
    unsigned int eax, ebx, ecx, edx;
    if (family == NULL || model == NULL || stepping == NULL) return 0;
    if (!__get_cpuid(1u, &eax, &ebx, &ecx, &edx)) return 0;
    /* CPUID leaf 1, EAX: the displayed family adds the extended family (bits 20-27) when the base
     * family (bits 8-11) is 0xF; the displayed model prefixes the extended model (bits 16-19) when
     * the base family is 0x6 or 0xF. These are the numbers /proc/cpuinfo prints. */
    unsigned int base_family = (eax >> 8) & 0xfu;
    unsigned int base_model = (eax >> 4) & 0xfu;
    *family = (int)(base_family == 0xfu ? base_family + ((eax >> 20) & 0xffu) : base_family);
    *model = (int)((base_family == 0x6u || base_family == 0xfu) ? (((eax >> 16) & 0xfu) << 4) + base_model : base_model);
    *stepping = (int)(eax & 0xfu);
    return 1;
#else
    (void)family; (void)model; (void)stepping;
    return 0;
#endif
}
