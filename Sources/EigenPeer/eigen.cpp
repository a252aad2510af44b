// Eigen's array functions over Maps of the caller's arrays. A Map is unaligned by default, and every
// expression here is coefficient-wise, so Eigen reads each packet before it writes it: in place is safe.
// Eigen vectorises the remainder with scalar code, so no element past n is touched.
#include "EigenPeer.h"

#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>

namespace {

using Array = Eigen::Array<float, Eigen::Dynamic, 1>;
using ConstMap = Eigen::Map<const Array>;
using Map = Eigen::Map<Array>;

// The one list: function code -> the expression an Eigen user writes, and its text.
struct Entry {
    const char *text;
    void (*run)(const ConstMap &x, Map &y, float alpha);
};

const Entry entries[] = {
    {"y = x.logistic()", [](const ConstMap &x, Map &y, float) { y = x.logistic(); }},
    {"y = x.tanh()", [](const ConstMap &x, Map &y, float) { y = x.tanh(); }},
    // (x > 0).select(x, ...) is not vectorised in Eigen 3.4; max/min are.
    {"y = x.max(0) + alpha * x.min(0).expm1()",
     [](const ConstMap &x, Map &y, float alpha) { y = x.max(0.0f) + alpha * x.min(0.0f).expm1(); }},
    {"y = 0.5 * x * (1 + (x * M_SQRT1_2).erf())",
     [](const ConstMap &x, Map &y, float) { y = 0.5f * x * (1.0f + (x * float(M_SQRT1_2)).erf()); }},
    {"y = 0.5 * x * (1 + (sqrt(2/pi) * (x + 0.044715 * x.cube())).tanh())",
     [](const ConstMap &x, Map &y, float) {
         y = 0.5f * x * (1.0f + (0.7978845608028654f * (x + 0.044715f * x.cube())).tanh());
     }},
};

}  // namespace

extern "C" void ep_eigen(int function, const float *in, float *out, ptrdiff_t n, float alpha) {
    if (n <= 0) return;
    if (function < 0 || function > 4) {
        for (ptrdiff_t i = 0; i < n; i++) out[i] = NAN;
        return;
    }
    const ConstMap x(in, n);
    Map y(out, n);
    entries[function].run(x, y, alpha);
}

extern "C" const char *ep_eigen_expression(int function) {
    return function >= 0 && function <= 4 ? entries[function].text : "";
}

#define EP_STR2(x) #x
#define EP_STR(x) EP_STR2(x)
extern "C" const char *ep_eigen_version(void) {
    return EP_STR(EIGEN_WORLD_VERSION) "." EP_STR(EIGEN_MAJOR_VERSION) "." EP_STR(EIGEN_MINOR_VERSION);
}

extern "C" const char *ep_eigen_isa(void) {
#if defined(__AVX512F__)
    return "avx512f";
#elif defined(__AVX2__) && defined(__FMA__)
    return "avx2";
#elif defined(__AVX__)
    return "avx";
#elif defined(__SSE2__)
    return "sse2";
#else
    return "scalar";
#endif
}

extern "C" const char *ep_eigen_simd_in_use(void) { return Eigen::SimdInstructionSetsInUse(); }
