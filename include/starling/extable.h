// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exception table: pairs (faulting instruction, continuation). Fault-safe accessors
 * (copy_from_user, probe-time memory reads) register their loads here, and a fault there
 * resumes at the continuation instead of crashing.
 */
#ifndef _STARLING_EXTABLE_H
#define _STARLING_EXTABLE_H

struct exception_table_entry {
	unsigned long insn;
	unsigned long fixup;
};

const struct exception_table_entry *search_exception_tables(unsigned long addr);

#endif /* _STARLING_EXTABLE_H */
