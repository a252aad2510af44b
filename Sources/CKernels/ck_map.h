/*
 * The array loop of the C kernels, over the vector operations of the including ISA header
 * (isa_avx2.h, isa_avx512.h): one definition for the kernels of vecmath_kernels_template.h and
 * for reciprocal.c, whose test checks its tail handling.
 */
#ifndef CKERNELS_CK_MAP_H
#define CKERNELS_CK_MAP_H

/* Applies EXPR (an expression of the vector X) to in[0..n) into out: whole vectors first, then
 * the remainder as one masked vector, so no byte past out[n - 1] is written and none past
 * in[n - 1] is read. Each vector is loaded before it is stored: in == out is safe. */
#define CK_MAP(in, out, n, X, EXPR)                                  \
    do {                                                             \
        ptrdiff_t i_ = 0;                                            \
        for (; (n) - i_ >= CK_LANES; i_ += CK_LANES) {               \
            const ck_v X = ck_loadu((in) + i_);                      \
            ck_storeu((out) + i_, (EXPR));                           \
        }                                                            \
        if (i_ < (n)) {                                              \
            const int r_ = (int)((n) - i_);                          \
            const ck_v X = ck_load_part((in) + i_, r_);              \
            ck_store_part((out) + i_, (EXPR), r_);                   \
        }                                                            \
    } while (0)

#endif
