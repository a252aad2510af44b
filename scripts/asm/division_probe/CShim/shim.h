// AVX-512 reciprocal estimate and the timestamp counter, for the division probe only.
#include <immintrin.h>
#include <x86intrin.h>
static inline __attribute__((always_inline)) __m512 ck_rcp14(__m512 x) { return _mm512_rcp14_ps(x); }
static inline unsigned long long ck_tsc(void) { return __rdtsc(); }
