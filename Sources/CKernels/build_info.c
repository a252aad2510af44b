/*
 * Build facts the results record: the SLEEF version compiled against and the CPU the Swift
 * kernels were compiled for (Package.swift defines ACTIVATION_BENCH_TARGET_CPU for this target).
 */
#include "CKernels.h"

/* Only the version macros are used here; the vector prototypes come from vecmath_decls.h. */
#include <sleef.h>

#define CK_STR2(x) #x
#define CK_STR(x) CK_STR2(x)

#ifndef ACTIVATION_BENCH_TARGET_CPU
#define ACTIVATION_BENCH_TARGET_CPU "unknown"
#endif

const char *ck_sleef_version(void) {
    return CK_STR(SLEEF_VERSION_MAJOR) "." CK_STR(SLEEF_VERSION_MINOR) "." CK_STR(SLEEF_VERSION_PATCHLEVEL);
}

const char *ck_build_target_cpu(void) {
    return ACTIVATION_BENCH_TARGET_CPU;
}

#if defined(__GLIBC__)
#include <gnu/libc-version.h>
#endif

const char *ck_glibc_version(void) {
#if defined(__GLIBC__)
    return gnu_get_libc_version();
#else
    return "";
#endif
}
