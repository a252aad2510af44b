/*
 * What a kernel does when the CPU lacks its ISA: it fills its output with quiet NaN instead of
 * executing an instruction the CPU does not have. The registry checks ck_cpu_has_*() and never
 * calls such a kernel; the fill only turns a registry bug into visibly wrong numbers rather than
 * a SIGILL in the middle of a benchmark run.
 */
#ifndef CKERNELS_UNAVAILABLE_H
#define CKERNELS_UNAVAILABLE_H

#include <stddef.h>

void ck_fill_nan(float *out, ptrdiff_t n);

#endif
