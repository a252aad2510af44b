/*
 * The table of functions reference.c evaluates (forms.c): each one's name and its form at CR_PREC
 * bits. Internal to CReference.
 */
#ifndef CREFERENCE_FORMS_H
#define CREFERENCE_FORMS_H

#include <stdio.h> /* mpfr.h declares the FILE functions only if stdio.h came first; harmless */
#include <mpfr.h>

#define CR_PREC 160

/* r = f(x) at CR_PREC bits for a float x held exactly in X; alpha is the parameter set's one member. */
typedef void (*cr_form)(mpfr_ptr r, mpfr_srcptr X, float alpha);

typedef struct {
    const char *name;
    cr_form form;
} cr_form_entry;

extern const cr_form_entry cr_forms[];
extern const int cr_form_count;

/* Computes the constants the forms read; reference.c calls it once, before any evaluation. */
void cr_forms_init(void);

#endif
