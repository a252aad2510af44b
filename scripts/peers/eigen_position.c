/*
 * Does an Eigen peer kernel's result for an input depend on where the element sits? Eigen computes
 * the elements before an output's first aligned packet, and after its last whole packet, with its
 * scalar functions; the rest with its packet functions. For every float x and each function this
 * compares x in a 64-byte aligned array of 2^16 (all packets) with x alone (the scalar path), and
 * prints how many inputs differ and by how many ulps (bit-pattern distance), separately where both
 * results are normal floats and where one is below 2^-126. alpha = 1. About 2 minutes.
 *
 * Build with the peer's own source, for this machine's CPU as the bench build does, and run:
 *   clang++ -O2 -march=native -I/usr/include/eigen3 -ISources/EigenPeer/include \
 *       -x c++ Sources/EigenPeer/eigen.cpp -x c scripts/peers/eigen_position.c -o /tmp/eigen_position
 *   /tmp/eigen_position
 */
#include "EigenPeer.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[] = {"sigmoid", "tanh", "elu", "gelu-erf", "gelu-tanh"};

static int64_t ordered(float f) {
    uint32_t b;
    memcpy(&b, &f, 4);
    return (b & 0x80000000u) ? -(int64_t)(b & 0x7fffffffu) : (int64_t)b;
}

int main(void) {
    const size_t n = 1u << 16;
    float *in = aligned_alloc(64, n * sizeof(float)), *out = aligned_alloc(64, n * sizeof(float));
    for (int function = 0; function < 5; function++) {
        uint64_t normal = 0, tiny = 0, normalMax = 0, tinyMax = 0;
        float normalAt = 0, tinyAt = 0, tinyLow = INFINITY, tinyHigh = -INFINITY;
        for (uint64_t base = 0; base < (1ull << 32); base += n) {
            for (size_t i = 0; i < n; i++) {
                uint32_t b = (uint32_t)(base + i);
                memcpy(&in[i], &b, 4);
            }
            ep_eigen(function, in, out, (ptrdiff_t)n, 1);
            for (size_t i = 0; i < n; i++) {
                float alone;
                ep_eigen(function, &in[i], &alone, 1, 1);
                if ((isnan(alone) && isnan(out[i])) || memcmp(&alone, &out[i], 4) == 0) continue;
                int64_t d = llabs(ordered(alone) - ordered(out[i]));
                if (fabsf(alone) >= 0x1p-126f && fabsf(out[i]) >= 0x1p-126f) {
                    normal++;
                    if ((uint64_t)d > normalMax) { normalMax = (uint64_t)d; normalAt = in[i]; }
                } else {
                    tiny++;
                    if ((uint64_t)d > tinyMax) { tinyMax = (uint64_t)d; tinyAt = in[i]; }
                    if (in[i] < tinyLow) tinyLow = in[i];
                    if (in[i] > tinyHigh) tinyHigh = in[i];
                }
            }
        }
        printf("%-9s  both normal: %llu inputs differ, up to %llu ulp (at %a)", names[function],
               (unsigned long long)normal, (unsigned long long)normalMax, normalAt);
        if (tiny) printf("; a result below 2^-126: %llu inputs in [%a, %a], up to %llu ulp (at %a)",
                         (unsigned long long)tiny, tinyLow, tinyHigh, (unsigned long long)tinyMax, tinyAt);
        printf("\n");
        fflush(stdout);
    }
    free(in);
    free(out);
    return 0;
}
