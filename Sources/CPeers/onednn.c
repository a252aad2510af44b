/*
 * oneDNN's eltwise primitive behind the kernel contract.
 *
 * A primitive is specific to its tensor shape, so each thread keeps a few (function, n, alpha)
 * entries, each holding the primitive and two memory objects whose data handles are pointed at the
 * caller's arrays on every call. oneDNN caches primitives itself, but even a cache hit costs a
 * descriptor build and a hash look-up per call; the per-thread entries make a timed call only
 * set_data_handle twice, execute and wait.
 */
#include "CPeers.h"
#include "nan_fill.h"

#include <oneapi/dnnl/dnnl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* libgomp's; declared here so the header is not needed. Sets the calling thread's team size. */
extern void omp_set_num_threads(int);

#define CP_ONEDNN_ENTRIES 8

typedef struct {
    int used;
    int function;
    ptrdiff_t n;
    float alpha;
    dnnl_primitive_t primitive;
    dnnl_memory_t src, dst;
} cp_onednn_entry;

typedef struct {
    dnnl_stream_t stream;
    cp_onednn_entry entries[CP_ONEDNN_ENTRIES];
    int next; /* round-robin victim when all entries are used */
} cp_onednn_thread;

static dnnl_engine_t cp_engine;
static dnnl_status_t cp_engine_status = dnnl_runtime_error;
static pthread_once_t cp_engine_once = PTHREAD_ONCE_INIT;
static _Thread_local cp_onednn_thread cp_thread;

static void cp_engine_create(void) { cp_engine_status = dnnl_engine_create(&cp_engine, dnnl_cpu, 0); }

static dnnl_alg_kind_t cp_algorithm(int function) {
    switch (function) {
    case CP_SIGMOID: return dnnl_eltwise_logistic;
    case CP_TANH: return dnnl_eltwise_tanh;
    case CP_ELU: return dnnl_eltwise_elu;
    case CP_GELU_ERF: return dnnl_eltwise_gelu_erf;
    case CP_GELU_TANH: return dnnl_eltwise_gelu_tanh;
    default: return dnnl_alg_kind_undef;
    }
}

/* Builds the primitive descriptor of `function` over n floats. */
static dnnl_status_t cp_descriptor(int function, ptrdiff_t n, float alpha, dnnl_primitive_desc_t *pd,
                                   dnnl_memory_desc_t *md) {
    pthread_once(&cp_engine_once, cp_engine_create);
    if (cp_engine_status != dnnl_success) return cp_engine_status;
    const dnnl_alg_kind_t alg = cp_algorithm(function);
    if (alg == dnnl_alg_kind_undef) return dnnl_invalid_arguments;
    dnnl_dims_t dims = {(dnnl_dim_t)n};
    dnnl_status_t s = dnnl_memory_desc_init_by_tag(md, 1, dims, dnnl_f32, dnnl_a);
    if (s != dnnl_success) return s;
    dnnl_eltwise_desc_t ed;
    s = dnnl_eltwise_forward_desc_init(&ed, dnnl_forward_inference, alg, md, function == CP_ELU ? alpha : 0.0f, 0.0f);
    if (s != dnnl_success) return s;
    return dnnl_primitive_desc_create(pd, &ed, NULL, cp_engine, NULL);
}

static void cp_entry_release(cp_onednn_entry *e) {
    if (!e->used) return;
    dnnl_primitive_destroy(e->primitive);
    dnnl_memory_destroy(e->src);
    dnnl_memory_destroy(e->dst);
    e->used = 0;
}

static cp_onednn_entry *cp_entry(int function, ptrdiff_t n, float alpha) {
    cp_onednn_thread *t = &cp_thread;
    for (int i = 0; i < CP_ONEDNN_ENTRIES; i++) {
        cp_onednn_entry *e = &t->entries[i];
        if (e->used && e->function == function && e->n == n && (function != CP_ELU || e->alpha == alpha)) return e;
    }
    if (t->stream == NULL) {
        pthread_once(&cp_engine_once, cp_engine_create);
        if (cp_engine_status != dnnl_success) return NULL;
        if (dnnl_stream_create(&t->stream, cp_engine, dnnl_stream_default_flags) != dnnl_success) {
            t->stream = NULL;
            return NULL;
        }
    }
    cp_onednn_entry *e = &t->entries[t->next];
    t->next = (t->next + 1) % CP_ONEDNN_ENTRIES;
    cp_entry_release(e);
    dnnl_primitive_desc_t pd;
    dnnl_memory_desc_t md;
    if (cp_descriptor(function, n, alpha, &pd, &md) != dnnl_success) return NULL;
    dnnl_status_t s = dnnl_primitive_create(&e->primitive, pd);
    dnnl_primitive_desc_destroy(pd);
    if (s != dnnl_success) return NULL;
    if (dnnl_memory_create(&e->src, &md, cp_engine, DNNL_MEMORY_NONE) != dnnl_success) {
        dnnl_primitive_destroy(e->primitive);
        return NULL;
    }
    if (dnnl_memory_create(&e->dst, &md, cp_engine, DNNL_MEMORY_NONE) != dnnl_success) {
        dnnl_primitive_destroy(e->primitive);
        dnnl_memory_destroy(e->src);
        return NULL;
    }
    e->used = 1;
    e->function = function;
    e->n = n;
    e->alpha = alpha;
    return e;
}

void cp_onednn(int function, const float *in, float *out, ptrdiff_t n, float alpha) {
    if (n <= 0) return;
    omp_set_num_threads(1);
    cp_onednn_entry *e = cp_entry(function, n, alpha);
    if (e == NULL) { cp_fill_nan(out, n); return; }
    dnnl_memory_set_data_handle(e->src, (void *)in);
    dnnl_memory_set_data_handle(e->dst, out);
    dnnl_exec_arg_t args[2] = {{DNNL_ARG_SRC, e->src}, {DNNL_ARG_DST, e->dst}};
    if (dnnl_primitive_execute(e->primitive, cp_thread.stream, 2, args) != dnnl_success
        || dnnl_stream_wait(cp_thread.stream) != dnnl_success) {
        cp_fill_nan(out, n);
    }
}

int cp_onednn_status(int function) {
    dnnl_primitive_desc_t pd;
    dnnl_memory_desc_t md;
    const dnnl_status_t s = cp_descriptor(function, 1024, 1.0f, &pd, &md);
    if (s == dnnl_success) dnnl_primitive_desc_destroy(pd);
    return (int)s;
}

const char *cp_onednn_version(void) {
    static char text[64];
    const dnnl_version_t *v = dnnl_version();
    const char *runtime = v->cpu_runtime == DNNL_RUNTIME_OMP ? "OpenMP"
                        : v->cpu_runtime == DNNL_RUNTIME_SEQ ? "sequential"
                        : v->cpu_runtime == DNNL_RUNTIME_TBB ? "TBB" : "other runtime";
    snprintf(text, sizeof text, "%d.%d.%d (%s)", v->major, v->minor, v->patch, runtime);
    return text;
}

const char *cp_onednn_impl(int function) {
    static _Thread_local char text[64];
    text[0] = 0;
    dnnl_primitive_desc_t pd;
    dnnl_memory_desc_t md;
    if (cp_descriptor(function, 1024, 1.0f, &pd, &md) != dnnl_success) return text;
    const char *info = NULL;
    if (dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &info) == dnnl_success && info)
        snprintf(text, sizeof text, "%s", info);
    dnnl_primitive_desc_destroy(pd);
    return text;
}

/* oneDNN accepts the cap once, before its first primitive; a second request is a success here. */
static dnnl_status_t cp_onednn_cap = dnnl_runtime_error;
int cp_onednn_cap_at_avx2(void) {
    if (cp_onednn_cap != dnnl_success) cp_onednn_cap = dnnl_set_max_cpu_isa(dnnl_cpu_isa_avx2);
    return (int)cp_onednn_cap;
}
