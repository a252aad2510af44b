/* A peer call that failed fills its output with quiet NaN: wrong numbers that show, never stale ones. */
#ifndef CPEERS_NAN_FILL_H
#define CPEERS_NAN_FILL_H
#include <math.h>
#include <stddef.h>
static inline void cp_fill_nan(float *out, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i++) out[i] = NAN;
}
#endif
