/*
 * XNNPACK's f32 unary operators behind the kernel contract.
 *
 * An operator is created once per thread (per alpha for ELU) with one channel and unit strides, so
 * xnn_setup_*_nc_f32 with batch n makes one contiguous pass over n floats; setup is repeated on
 * every call because the pointers change. No thread pool: the run is on the calling thread.
 * This XNNPACK version has f32 sigmoid and ELU only; tanh and both GELUs are not provided.
 */
#include "CPeers.h"
#include "nan_fill.h"

#include <cpuinfo.h>
#include <pthread.h>
#include <stdbool.h>
#include <xnnpack.h>

static enum xnn_status cp_init_status = xnn_status_uninitialized;
static pthread_once_t cp_init_once = PTHREAD_ONCE_INIT;
static bool cp_init_started;
static void cp_init(void) {
    cp_init_started = true;
    cp_init_status = xnn_initialize(NULL);
}

static _Thread_local xnn_operator_t cp_sigmoid_op;
static _Thread_local xnn_operator_t cp_elu_op;
static _Thread_local float cp_elu_alpha;

int cp_xnnpack_provides(int function) { return function == CP_SIGMOID || function == CP_ELU; }

/* The calling thread's operator for `function`, created on first use; NULL with *status set on failure. */
static xnn_operator_t cp_operator(int function, float alpha, enum xnn_status *status) {
    pthread_once(&cp_init_once, cp_init);
    *status = cp_init_status;
    if (cp_init_status != xnn_status_success) return NULL;
    if (function == CP_SIGMOID) {
        if (cp_sigmoid_op == NULL) *status = xnn_create_sigmoid_nc_f32(1, 1, 1, 0, &cp_sigmoid_op);
        return cp_sigmoid_op;
    }
    if (function == CP_ELU) {
        if (cp_elu_op != NULL && cp_elu_alpha != alpha) {
            xnn_delete_operator(cp_elu_op);
            cp_elu_op = NULL;
        }
        if (cp_elu_op == NULL) {
            *status = xnn_create_elu_nc_f32(1, 1, 1, alpha, 0, &cp_elu_op);
            cp_elu_alpha = alpha;
        }
        return cp_elu_op;
    }
    *status = xnn_status_unsupported_parameter;
    return NULL;
}

void cp_xnnpack(int function, const float *in, float *out, ptrdiff_t n, float alpha) {
    if (n <= 0) return;
    enum xnn_status s;
    xnn_operator_t op = cp_operator(function, alpha, &s);
    if (op == NULL) { cp_fill_nan(out, n); return; }
    s = function == CP_SIGMOID ? xnn_setup_sigmoid_nc_f32(op, (size_t)n, in, out, NULL)
                               : xnn_setup_elu_nc_f32(op, (size_t)n, in, out, NULL);
    if (s != xnn_status_success || xnn_run_operator(op, NULL) != xnn_status_success) cp_fill_nan(out, n);
}

int cp_xnnpack_status(int function) {
    enum xnn_status s;
    cp_operator(function, 1.0f, &s);
    return (int)s;
}

#if defined(__x86_64__) || defined(__i386__)
const char *cp_xnnpack_isa(void) {
    if (!cpuinfo_initialize()) return "unknown";
    if (cpuinfo_has_x86_avx512f()) return "avx512f";
    if (cpuinfo_has_x86_avx2()) return "avx2";
    return "sse/avx";
}

static bool cp_capped;
int cp_xnnpack_cap_at_avx2(void) {
    if (cp_capped) return 0;
    if (cp_init_started || !cpuinfo_initialize()) return -1;
    cp_capped = true;
    /* xnn_initialize calls cpuinfo_initialize too, which runs once per process, so the flags it
     * reads are these. */
    cpuinfo_isa.avx512f = cpuinfo_isa.avx512pf = cpuinfo_isa.avx512er = cpuinfo_isa.avx512cd = false;
    cpuinfo_isa.avx512dq = cpuinfo_isa.avx512bw = cpuinfo_isa.avx512vl = cpuinfo_isa.avx512ifma = false;
    cpuinfo_isa.avx512vbmi = cpuinfo_isa.avx512vbmi2 = cpuinfo_isa.avx512bitalg = false;
    cpuinfo_isa.avx512vpopcntdq = cpuinfo_isa.avx512vnni = cpuinfo_isa.avx512bf16 = false;
    cpuinfo_isa.avx512vp2intersect = cpuinfo_isa.avx512_4vnniw = cpuinfo_isa.avx512_4fmaps = false;
    return 0;
}
#else
/* cpuinfo's x86 flags exist only on x86; elsewhere XNNPACK's choice is not named or capped here. */
const char *cp_xnnpack_isa(void) { return "native"; }
int cp_xnnpack_cap_at_avx2(void) { return -1; }
#endif
