// SPDX-License-Identifier: GPL-2.0-only
/*
 * What dynamic probes need to know about an arch's saved registers: the names accepted after
 * '%' in a fetch argument with their byte offsets in the arch's struct pt_regs (Linux's layout,
 * so that "+112(%di)" on a syscall wrapper means what it means on Linux), and where the stack
 * pointer, the return value and the function arguments live. Each arch supplies both tables
 * in arch/$(ARCH)/kernel/probe_regs.c; kernel/trace/probe_parse.c and probe_fetch.c use them.
 */
#ifndef _STARLING_PROBE_REGS_H
#define _STARLING_PROBE_REGS_H

#include <starling/types.h>

#define PROBE_ARCH_MAX_ARG_REGS	8

struct probe_reg_name {
	const char	*name;		/* as written after '%', case-sensitive */
	unsigned short	offset;		/* byte offset in struct pt_regs */
};

struct probe_arch_abi {
	unsigned short	sp_offset;	/* $stack, $stackN */
	unsigned short	retval_offset;	/* $retval */
	unsigned short	nr_arg_regs;	/* $arg1..$argN in registers */
	unsigned short	arg_offsets[PROBE_ARCH_MAX_ARG_REGS];
	/*
	 * Arguments past the registers: true reads them from the stack, $argN being
	 * $stack(N - nr_arg_regs) (x86_64, where $stack0 is the return address); false reads 0.
	 */
	bool		stack_args;
};

/* The register names accepted after '%', *@n set to their count. */
const struct probe_reg_name *arch_probe_regs(size_t *n);
const struct probe_arch_abi *arch_probe_abi(void);

#endif /* _STARLING_PROBE_REGS_H */
