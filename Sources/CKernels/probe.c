/*
 * The contention probe: a fixed scalar workload the harness times before every sampling round.
 *
 * On a shared machine (a VM whose SMT sibling belongs to another tenant) whole stretches of tens
 * of seconds run 10-50% slower. Scalar code that keeps the FP ports and the load/store units busy
 * feels that first and most, so a short scalar burst with a constant amount of work is a sensitive
 * gauge of "is the core contended right now". It is the same shape of work as the naive kernels
 * (a libm expf and a division per element) over an L1-resident buffer, so memory plays no part.
 * Vectorisation is disabled so that its sensitivity does not depend on the compiler's choices.
 */
#include "CKernels.h"

#include <math.h>

void ck_contention_probe(const float *in, float *out, ptrdiff_t n, int repetitions) {
    for (int r = 0; r < repetitions; r++) {
#if defined(__clang__)
#pragma clang loop vectorize(disable) interleave(disable)
#endif
        for (ptrdiff_t i = 0; i < n; i++) {
            out[i] = 1.0f / (1.0f + expf(-in[i]));
        }
        /* Keeps the repetitions from being merged into one. */
        __asm__ volatile("" : : "r"(out) : "memory");
    }
}
