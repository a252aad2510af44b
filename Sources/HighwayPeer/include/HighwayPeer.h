#ifndef HIGHWAYPEER_H
#define HIGHWAYPEER_H
/*
 * Highway's contrib math (Exp, Expm1, Tanh) behind the kernel contract, with Highway's own run-time
 * dispatch to the best target the CPU supports (hp_highway_target names it). Highway 1.0 has no
 * Erf, so GELU-erf is not provided. Function codes are cp_function's (CPeers.h).
 */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void hp_highway(int function, const float *in, float *out, ptrdiff_t n, float alpha);
int hp_highway_provides(int function);
/* How `function` is composed from Highway's functions. */
const char *hp_highway_expression(int function);
/* "1.0.3" */
const char *hp_highway_version(void);
/* The target dynamic dispatch runs on this CPU, e.g. "AVX3_ZEN4". */
const char *hp_highway_target(void);
/* Caps dynamic dispatch at AVX2 (hwy::DisableTargets on every better target): 0, or -1 when a better
 * target remains the one dispatched to (a static target, which Highway cannot disable). */
int hp_highway_cap_at_avx2(void);

#ifdef __cplusplus
}
#endif
#endif
