// Highway's contrib math, compiled for every target Highway knows (foreach_target.h re-includes this
// file once per target) and dispatched at run time.
//
// Compositions, each in the one-sided form that keeps Exp inside its documented range
// (float32 x <= 104):
//   sigmoid   z = Exp(-|x|); x >= 0 ? 1/(1+z) : z/(1+z)
//   tanh      Tanh(x)
//   elu       x > 0 ? x : alpha * Expm1(x)            (Expm1 of a large x is not selected)
//   gelu-tanh x * sigmoid(2u), u = sqrt(2/pi) (x + 0.044715 x^3)
// The remainder (< one vector) goes through a zero-padded stack copy, so nothing past n is read
// or written.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "highway.cpp"
#include <hwy/foreach_target.h>  // IWYU pragma: keep

#include <hwy/highway.h>
#include <hwy/contrib/math/math-inl.h>

#include <string.h>

HWY_BEFORE_NAMESPACE();
namespace hp {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

template <class D, class V>
HWY_INLINE V Sigmoid(D d, V x) {
    const V one = hn::Set(d, 1.0f);
    const V z = hn::Exp(d, hn::Neg(hn::Abs(x)));
    const V r = hn::Div(one, hn::Add(one, z));
    return hn::IfThenElse(hn::Ge(x, hn::Zero(d)), r, hn::Mul(z, r));
}

template <class D, class V>
HWY_INLINE V Apply(D d, int function, V x, V alpha) {
    switch (function) {
    case 0: return Sigmoid(d, x);
    case 1: return hn::Tanh(d, x);
    case 2: return hn::IfThenElse(hn::Gt(x, hn::Zero(d)), x, hn::Mul(alpha, hn::Expm1(d, x)));
    case 4: {
        const V x3 = hn::Mul(hn::Mul(x, x), x);
        const V two_u = hn::Mul(hn::Set(d, 1.5957691216057308f), hn::MulAdd(hn::Set(d, 0.044715f), x3, x));
        return hn::Mul(x, Sigmoid(d, two_u));
    }
    default: return hn::Set(d, NAN);
    }
}

void Run(int function, const float *in, float *out, size_t n, float alpha) {
    const hn::ScalableTag<float> d;
    const size_t lanes = hn::Lanes(d);
    const auto va = hn::Set(d, alpha);
    size_t i = 0;
    for (; i + lanes <= n; i += lanes) hn::StoreU(Apply(d, function, hn::LoadU(d, in + i), va), d, out + i);
    if (i < n) {
        HWY_ALIGN float buffer[hn::MaxLanes(d)] = {};
        memcpy(buffer, in + i, (n - i) * sizeof(float));
        hn::Store(Apply(d, function, hn::Load(d, buffer), va), d, buffer);
        memcpy(out + i, buffer, (n - i) * sizeof(float));
    }
}

}  // namespace HWY_NAMESPACE
}  // namespace hp
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "HighwayPeer.h"

namespace hp {
HWY_EXPORT(Run);
}

extern "C" int hp_highway_provides(int function) { return function >= 0 && function <= 4 && function != 3; }

extern "C" void hp_highway(int function, const float *in, float *out, ptrdiff_t n, float alpha) {
    if (n <= 0) return;
    if (!hp_highway_provides(function)) {
        for (ptrdiff_t i = 0; i < n; i++) out[i] = NAN;
        return;
    }
    HWY_DYNAMIC_DISPATCH(hp::Run)(function, in, out, (size_t)n, alpha);
}

extern "C" const char *hp_highway_expression(int function) {
    switch (function) {
    case 0: return "z = Exp(-|x|); x >= 0 ? 1/(1+z) : z/(1+z)";
    case 1: return "Tanh(x)";
    case 2: return "x > 0 ? x : alpha * Expm1(x)";
    case 4: return "x * sigmoid(2u) with sigmoid as above";
    default: return "";
    }
}

#define HP_STR2(x) #x
#define HP_STR(x) HP_STR2(x)
extern "C" const char *hp_highway_version(void) {
    return HP_STR(HWY_MAJOR) "." HP_STR(HWY_MINOR) "." HP_STR(HWY_PATCH);
}

// The targets dispatch may use, with dispatch pointed at the best of them. Highway 1.0's
// SupportedTargets re-detects the CPU and points dispatch at its best target before it applies
// DisableTargets' mask, leaving the final update to its caller, so every call is followed by it.
static int64_t hp_dispatch_targets() {
    const int64_t targets = hwy::SupportedTargets();
    hwy::GetChosenTarget().Update(targets);
    return targets;
}

extern "C" const char *hp_highway_target(void) {
    const int64_t targets = hp_dispatch_targets() & HWY_TARGETS;
    // Targets are ordered by preference, the better ones on the lower bits.
    return targets == 0 ? "none" : hwy::TargetName(targets & -targets);
}

extern "C" int hp_highway_cap_at_avx2(void) {
    hwy::DisableTargets(HWY_AVX2 - 1);
    const int64_t targets = hp_dispatch_targets() & HWY_TARGETS;
    return (targets & -targets) < HWY_AVX2 ? -1 : 0;
}
#endif  // HWY_ONCE
