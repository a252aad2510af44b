/*
 * A minimal bench plugin: two scalar kernels under the plugin ABI (activation_bench_plugin.h).
 * Build:  cc -O2 -shared -fPIC -I Sources/CKernels/include Examples/plugin/example_plugin.c \
 *            -o libexample_plugin.so -lm
 * Use:    bench list --plugin ./libexample_plugin.so
 *         bench --plugin ./libexample_plugin.so --impls c-example-scalar,swift-simd16 --size 1M
 */
#include "activation_bench_plugin.h"

#include <math.h>

/* sigmoid with z = e^-|x| so nothing overflows and the negative side keeps its relative accuracy. */
static void example_sigmoid(const float *in, float *out, ptrdiff_t n, float alpha) {
    (void)alpha;
    for (ptrdiff_t i = 0; i < n; i++) {
        const float x = in[i];
        const float z = expf(-fabsf(x));
        out[i] = x >= 0 ? 1.0f / (1.0f + z) : z / (1.0f + z);
    }
}

/* ELU through expm1f: no cancellation near 0. */
static void example_elu(const float *in, float *out, ptrdiff_t n, float alpha) {
    for (ptrdiff_t i = 0; i < n; i++) {
        const float x = in[i];
        out[i] = x > 0 ? x : alpha * expm1f(x);
    }
}

static const ab_kernel kernels[] = {
    {"sigmoid", "c-example-scalar", "scalar", 3.0, example_sigmoid},
    {"elu", "c-example-scalar", "scalar", 2.0, example_elu},
};

static const ab_plugin plugin = {ACTIVATION_BENCH_PLUGIN_ABI, "example plugin 1.0", 2, kernels};

const ab_plugin *activation_bench_plugin(void) { return &plugin; }
