/*
 * ck_vecmath_kernel: the vector-math kernels by family, ISA and function id, one table expanded
 * from CK_VECMATH_FAMILIES x CK_VECMATH_FUNCTIONS (CKernels.h), so the registry asks for each
 * function by its id and a function the list lacks is simply not there.
 */
#include "CKernels.h"

#include <string.h>

typedef struct {
    const char *family, *isa, *function;
    ab_kernel_fn kernel;
} ck_vecmath_entry;

#define CK_TABLE_KERNEL(name, id, family, isa) {#family, #isa, id, ck_##name##_##family##_##isa},
#define CK_TABLE_FAMILY(family, isa) CK_VECMATH_FUNCTIONS(CK_TABLE_KERNEL, family, isa)
static const ck_vecmath_entry ck_vecmath_table[] = { CK_VECMATH_FAMILIES(CK_TABLE_FAMILY) };

#define CK_FUNCTION_ID(name, id, family, isa) id,
static const char *const ck_vecmath_functions[] = { CK_VECMATH_FUNCTIONS(CK_FUNCTION_ID, -, -) };

ab_kernel_fn ck_vecmath_kernel(const char *family, const char *isa, const char *function) {
    for (size_t i = 0; i < sizeof ck_vecmath_table / sizeof ck_vecmath_table[0]; i++) {
        const ck_vecmath_entry *e = &ck_vecmath_table[i];
        if (strcmp(e->family, family) == 0 && strcmp(e->isa, isa) == 0 && strcmp(e->function, function) == 0) {
            return e->kernel;
        }
    }
    return NULL;
}

const char *ck_vecmath_function(int index) {
    const int count = (int)(sizeof ck_vecmath_functions / sizeof ck_vecmath_functions[0]);
    return index >= 0 && index < count ? ck_vecmath_functions[index] : NULL;
}
