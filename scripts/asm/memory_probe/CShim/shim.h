// The timestamp counter and libc's memcpy, for the memory probe only.
#include <string.h>
#include <x86intrin.h>
static inline unsigned long long ck_tsc(void) { return __rdtsc(); }
static inline void ck_memcpy(void *d, const void *s, unsigned long n) { memcpy(d, s, n); }
