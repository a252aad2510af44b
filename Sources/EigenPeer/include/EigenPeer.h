#ifndef EIGENPEER_H
#define EIGENPEER_H
/*
 * Eigen's vectorised array functions behind the kernel contract (any count, any alignment, in place),
 * written as an Eigen user writes them (ep_eigen_expression says which). Eigen picks its vector ISA
 * when it is compiled, so this target is built for the same CPU as the Swift kernels
 * (ACTIVATION_BENCH_TARGET_CPU); ep_eigen_isa says what Eigen compiled in.
 * Function codes are cp_function's (CPeers.h): 0 sigmoid, 1 tanh, 2 elu, 3 gelu-erf, 4 gelu-tanh.
 */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void ep_eigen(int function, const float *in, float *out, ptrdiff_t n, float alpha);
/* The array expression used for `function`, e.g. "y = x.logistic()". */
const char *ep_eigen_expression(int function);
/* "3.4.0" */
const char *ep_eigen_version(void);
/* The widest vector ISA this file was compiled for: "avx512f", "avx2", "avx", "sse2" or "scalar". */
const char *ep_eigen_isa(void);
/* Eigen's own SimdInstructionSetsInUse(), e.g. "AVX512, FMA, AVX2, AVX, SSE, SSE2, ...". */
const char *ep_eigen_simd_in_use(void);

#ifdef __cplusplus
}
#endif
#endif
