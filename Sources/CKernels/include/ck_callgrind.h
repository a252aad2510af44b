#ifndef CK_CALLGRIND_H
#define CK_CALLGRIND_H
/*
 * Callgrind client requests for `bench count`, as functions: the requests are C macros (inline
 * assembly) that Swift cannot expand. Outside valgrind each request is a few no-op instructions.
 * Built without <valgrind/callgrind.h>, every function does nothing and ck_callgrind_built_in()
 * returns 0, so `bench count` can refuse instead of counting nothing.
 */
#ifdef __cplusplus
extern "C" {
#endif

int ck_callgrind_built_in(void);    /* 1 when the client requests were compiled in */
int ck_running_on_valgrind(void);   /* RUNNING_ON_VALGRIND: 0 outside valgrind */
void ck_callgrind_start_instrumentation(void);  /* for a run under --instr-atstart=no */
/* Zero the counters and turn collection on: everything up to ck_callgrind_end is counted. */
void ck_callgrind_begin(void);
/* Turn collection off and dump the counters to a new output file whose "desc: Trigger" line
 * names `label` (callgrind resets the counters after a dump). */
void ck_callgrind_end(const char *label);
/* The C library's name and version, e.g. "glibc 2.36": its libm runs inside swift-libm kernels, so
 * it is part of what a count depends on. "libc unknown" where the library does not say. */
const char *ck_libc_version(void);

#ifdef __cplusplus
}
#endif
#endif
