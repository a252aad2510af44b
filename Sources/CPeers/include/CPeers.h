#ifndef CPEERS_H
#define CPEERS_H
/*
 * The C peers: activation kernels of libraries people ship (oneDNN, XNNPACK), called through their
 * public C APIs exactly as an application would, behind the registry's kernel contract: any count
 * including 0, any alignment, in == out allowed.
 *
 * Each library has one entry point taking the function as a cp_function code, so that the list of
 * functions lives in one place (the Swift registry) rather than as one C symbol per pair.
 * Objects a library needs (engines, primitives, operators) are created on first use for a given
 * (function, count, alpha) and kept per thread, so a timed call is only the library's execute call
 * plus a few pointer updates. A kernel whose library call fails fills its output with NaN (visible,
 * never silent); cp_*_status reports such failures before any timing.
 */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The function codes, in the registry's order. */
enum cp_function { CP_SIGMOID = 0, CP_TANH = 1, CP_ELU = 2, CP_GELU_ERF = 3, CP_GELU_TANH = 4 };

/* ---- oneDNN: the eltwise forward-inference primitive, one thread ----
 * Algorithms: logistic, tanh, elu (alpha), gelu_erf, gelu_tanh on a 1-D f32 tensor (tag a).
 * The Debian build runs on OpenMP; every call sets the calling thread's OpenMP team size to 1. */
void cp_onednn(int function, const float *in, float *out, ptrdiff_t n, float alpha);
/* 0 when a primitive for `function` can be created; otherwise oneDNN's status code. */
int cp_onednn_status(int function);
/* "2.6.3 (OpenMP)" */
const char *cp_onednn_version(void);
/* The implementation oneDNN chose for `function` on this CPU, e.g. "jit:avx512_core"; "" on failure. */
const char *cp_onednn_impl(int function);
/* Caps the ISA oneDNN's JIT dispatches to at AVX2 (dnnl_set_max_cpu_isa): 0 (also when already
 * capped), or oneDNN's status when it refuses, which it does once a primitive has been created. */
int cp_onednn_cap_at_avx2(void);

/* ---- XNNPACK: the f32 NC operators its version has, no thread pool ----
 * Each operator run sets flush-to-zero / denormals-are-zero for its duration (XNNPACK's own rule). */
void cp_xnnpack(int function, const float *in, float *out, ptrdiff_t n, float alpha);
/* Whether this XNNPACK has an f32 operator for `function`. */
int cp_xnnpack_provides(int function);
/* 0 when xnn_initialize and the operator's creation succeed; otherwise XNNPACK's status code. */
int cp_xnnpack_status(int function);
/* The ISA XNNPACK's initialisation picks sigmoid's and ELU's kernels for, from the same cpuinfo flags
 * it reads: "avx512f", "avx2" or "sse/avx"; "unknown" when cpuinfo cannot initialise, "native" off x86. */
const char *cp_xnnpack_isa(void);
/* Caps XNNPACK at AVX2: clears cpuinfo's AVX-512 flags, which is what a CPU with AVX2 and no
 * AVX-512 reports, before XNNPACK's initialisation reads them. 0 (also when already capped), or -1
 * when XNNPACK was initialised first (its choice is fixed then), cpuinfo cannot initialise, or off x86. */
int cp_xnnpack_cap_at_avx2(void);

#ifdef __cplusplus
}
#endif
#endif
