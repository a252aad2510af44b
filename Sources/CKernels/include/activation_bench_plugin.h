#ifndef ACTIVATION_BENCH_PLUGIN_H
#define ACTIVATION_BENCH_PLUGIN_H
/*
 * The plugin ABI: how a shared library puts its own kernels into `bench` (`bench --plugin lib.so`).
 * Written in C so that a kernel in C, C++, Rust or Zig can export it. See docs/plugins.md.
 *
 * The library exports one function, activation_bench_plugin, returning a pointer to a static
 * ab_plugin that stays valid while the library is loaded. Each ab_kernel is one (function,
 * implementation) pair under the registry's kernel contract:
 *   - kernel(in, out, n, alpha) reads in[0..n) and writes out[0..n), for any n >= 0;
 *   - any alignment of in and out; in == out (in place) must work;
 *   - no element outside [0, n) is read or written; tails are the kernel's job;
 *   - it never allocates, locks or prints, and may be called from several threads at once;
 *   - alpha is ELU's slope; the other functions ignore it.
 * `bench` checks the declarations when it loads the library (a bad one is an error naming the
 * field), and its contract tests check the behaviour.
 */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ACTIVATION_BENCH_PLUGIN_ABI 1

typedef void (*ab_kernel_fn)(const float *in, float *out, ptrdiff_t n, float alpha);

typedef struct {
    const char *function;       /* a function id of `bench list --functions`, e.g. "sigmoid", "gelu-erf" */
    const char *implementation; /* the id on the command line: [a-z0-9._-], 1-40 characters, new to bench */
    const char *isa;            /* what it runs, e.g. "avx2"; shown in tables */
    double ulp_budget;          /* the max ulp error it promises over every float; < 0: no promise */
    ab_kernel_fn kernel;
} ab_kernel;

typedef struct {
    int abi_version;            /* ACTIVATION_BENCH_PLUGIN_ABI */
    const char *library;        /* name and version, e.g. "mykernels 0.3" */
    int kernel_count;
    const ab_kernel *kernels;
} ab_plugin;

/* The one symbol a plugin exports. */
typedef const ab_plugin *(*ab_plugin_entry)(void);
#define ACTIVATION_BENCH_PLUGIN_SYMBOL "activation_bench_plugin"

#ifdef __cplusplus
}
#endif
#endif
