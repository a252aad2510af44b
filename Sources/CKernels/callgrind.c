/*
 * Callgrind client requests as functions (see ck_callgrind.h). ck_callgrind_begin toggles
 * collection on as its last act and ck_callgrind_end toggles it off as its first, so what is
 * counted between them is the caller's work plus a fixed bracket cost, which `bench count`
 * measures with an empty kernel and subtracts.
 */
#include "ck_callgrind.h"

#include <stdio.h>
#if defined(__GLIBC__) || defined(__linux__)
#include <features.h>
#endif
#ifdef __GLIBC__
#include <gnu/libc-version.h>
#endif

const char *ck_libc_version(void) {
#ifdef __GLIBC__
    static char text[64];
    snprintf(text, sizeof text, "glibc %s", gnu_get_libc_version());
    return text;
#else
    return "libc unknown";
#endif
}

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define CK_HAVE_CALLGRIND 1
#endif
#endif

#ifdef CK_HAVE_CALLGRIND
int ck_callgrind_built_in(void) { return 1; }
int ck_running_on_valgrind(void) { return (int)RUNNING_ON_VALGRIND; }
void ck_callgrind_start_instrumentation(void) { CALLGRIND_START_INSTRUMENTATION; }
void ck_callgrind_begin(void) {
    CALLGRIND_ZERO_STATS;
    CALLGRIND_TOGGLE_COLLECT;
}
void ck_callgrind_end(const char *label) {
    CALLGRIND_TOGGLE_COLLECT;
    CALLGRIND_DUMP_STATS_AT(label);
}
#else
int ck_callgrind_built_in(void) { return 0; }
int ck_running_on_valgrind(void) { return 0; }
void ck_callgrind_start_instrumentation(void) {}
void ck_callgrind_begin(void) {}
void ck_callgrind_end(const char *label) { (void)label; }
#endif
