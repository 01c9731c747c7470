// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel's symbol table, embedded by the two-pass link (scripts/kallsyms.sh). Sizes are
 * the distance to the next symbol, as Linux computes them for %pS.
 */
#ifndef _STARLING_KALLSYMS_H
#define _STARLING_KALLSYMS_H

#include <starling/types.h>

#define KSYM_NAME_LEN	512

/* Name of the symbol containing @addr; NULL if none. Sets *size and *offset when not NULL. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset);
/* Address of the first symbol named @name (text preferred), or 0. */
unsigned long kallsyms_lookup_name(const char *name);
/* How many symbols are named @name. */
unsigned int kallsyms_count_name(const char *name);
/* Iterate: the @i-th symbol in address order. Return false past the end. */
bool kallsyms_get(unsigned long i, unsigned long *addr, char *type, const char **name);
unsigned long kallsyms_nr(void);
bool is_kernel_text(unsigned long addr);
void kallsyms_init(void);

#endif /* _STARLING_KALLSYMS_H */
