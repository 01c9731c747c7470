// SPDX-License-Identifier: GPL-2.0-only
/* Backtraces through frame pointers, symbolized from the embedded symbol table. */
#ifndef _STARLING_STACKTRACE_H
#define _STARLING_STACKTRACE_H

#include <starling/types.h>

struct pt_regs;

void dump_stack(void);				/* from the caller */
void show_regs(const struct pt_regs *regs);	/* registers, then the trace from @regs */
/* Walk frames from @fp, printing each return address; the arch knows the frame layout. */
void arch_show_stack(unsigned long ip, unsigned long fp);

#endif /* _STARLING_STACKTRACE_H */
