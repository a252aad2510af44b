/* Pinning the calling thread to one CPU (Linux). sched_setaffinity and CPU_SET need _GNU_SOURCE and
 * are macros, which Swift cannot import, hence this C wrapper. */
#define _GNU_SOURCE
#include "CKernels.h"

#if defined(__linux__)
#include <errno.h>
#include <sched.h>

int ck_pin_to_cpu(int cpu) {
    if (cpu < 0 || cpu >= CPU_SETSIZE) return EINVAL;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof(set), &set) == 0 ? 0 : errno;
}
#else
int ck_pin_to_cpu(int cpu) {
    (void)cpu;
    return -1;
}
#endif
