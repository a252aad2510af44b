/*
 * The timestamp counter, for cycles per element next to nanoseconds.
 */
#include "CKernels.h"

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

uint64_t ck_rdtsc(void) {
#if defined(__x86_64__)
    /* LFENCE first so the read is not executed before the instructions in front of it have
     * completed (the timed kernel's last loads and stores); RDTSCP would only order against
     * earlier instructions too, and costs more. On current CPUs the counter ticks at the nominal
     * frequency, not the core clock: it measures time in reference cycles. */
    _mm_lfence();
    return (uint64_t)__rdtsc();
#else
    return 0;
#endif
}
