// SPDX-License-Identifier: GPL-2.0-only
/*
 * Saved registers at a trap, system call or interrupt, in Linux's x86_64 layout byte for byte
 * (probe scripts dereference it: +112(%di) on __x64_sys_openat is regs->di).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#ifndef __ASSEMBLY__
#include <starling/types.h>

struct pt_regs {
	unsigned long r15;		/* 0 */
	unsigned long r14;		/* 8 */
	unsigned long r13;		/* 16 */
	unsigned long r12;		/* 24 */
	unsigned long bp;		/* 32 */
	unsigned long bx;		/* 40 */
	unsigned long r11;		/* 48 */
	unsigned long r10;		/* 56 */
	unsigned long r9;		/* 64 */
	unsigned long r8;		/* 72 */
	unsigned long ax;		/* 80 */
	unsigned long cx;		/* 88 */
	unsigned long dx;		/* 96 */
	unsigned long si;		/* 104 */
	unsigned long di;		/* 112 */
	unsigned long orig_ax;		/* 120: syscall number, or vector / error code */
	unsigned long ip;		/* 128 */
	unsigned long cs;		/* 136 */
	unsigned long flags;		/* 144 */
	unsigned long sp;		/* 152 */
	unsigned long ss;		/* 160 */
};

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

static inline unsigned long instruction_pointer(const struct pt_regs *regs) { return regs->ip; }
static inline void instruction_pointer_set(struct pt_regs *regs, unsigned long val) { regs->ip = val; }
static inline bool regs_irqs_disabled(const struct pt_regs *regs)
{
	return !(regs->flags & 0x200);	/* RFLAGS.IF */
}
static inline unsigned long user_stack_pointer(const struct pt_regs *regs) { return regs->sp; }
static inline unsigned long regs_return_value(const struct pt_regs *regs) { return regs->ax; }
/* Argument @n (0-based) of a function, at its entry: the first six are in registers. */
static inline unsigned long regs_get_kernel_argument(const struct pt_regs *regs, unsigned int n)
{
	switch (n) {
	case 0: return regs->di;
	case 1: return regs->si;
	case 2: return regs->dx;
	case 3: return regs->cx;
	case 4: return regs->r8;
	case 5: return regs->r9;
	}
	return 0;
}
#endif

#define PTREGS_R15	0
#define PTREGS_BP	32
#define PTREGS_AX	80
#define PTREGS_ORIG_AX	120
#define PTREGS_IP	128
#define PTREGS_CS	136
#define PTREGS_FLAGS	144
#define PTREGS_SP	152
#define PTREGS_SS	160
#define PTREGS_SIZE	168

#endif /* _ASM_PTRACE_H */
