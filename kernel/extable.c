// SPDX-License-Identifier: GPL-2.0-only
/* Exception-table lookup (see <starling/extable.h>). The table is small; a scan is enough. */
#include <starling/extable.h>
#include <starling/entry.h>
#include <starling/compiler.h>
#include <asm/ptrace.h>

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

const struct exception_table_entry *__noprobe search_exception_tables(unsigned long addr)
{
	for (const struct exception_table_entry *e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == addr)
			return e;
	return NULL;
}

bool __noprobe fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e = search_exception_tables(instruction_pointer(regs));

	if (!e)
		return false;
	instruction_pointer_set(regs, e->fixup);
	return true;
}
