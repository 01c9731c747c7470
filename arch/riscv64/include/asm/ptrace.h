// SPDX-License-Identifier: GPL-2.0-only
/*
 * struct pt_regs in Linux's riscv64 layout: the trap entry (entry.S) saves every integer
 * register at offset 8 * its number (x1 ra at 8 ... x31 t6 at 248), with the trapping pc in
 * slot 0, then the trap CSRs.
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#define PT_EPC			0
#define PT_RA			8
#define PT_SP			16
#define PT_TP			32
#define PT_STATUS		256
#define PT_BADADDR		264
#define PT_CAUSE		272
#define PT_ORIG_A0		280
#define PT_SIZE			288	/* 16-byte multiple: sp stays aligned */

#ifndef __ASSEMBLY__
#include <starling/types.h>
#include <asm/csr.h>

struct pt_regs {
	unsigned long epc, ra, sp, gp, tp, t0, t1, t2, s0, s1;
	unsigned long a0, a1, a2, a3, a4, a5, a6, a7;
	unsigned long s2, s3, s4, s5, s6, s7, s8, s9, s10, s11;
	unsigned long t3, t4, t5, t6;
	unsigned long status, badaddr, cause, orig_a0;
};

/* The offsets above are what entry.S uses. */
_Static_assert(__builtin_offsetof(struct pt_regs, epc) == PT_EPC, "");
_Static_assert(__builtin_offsetof(struct pt_regs, ra) == PT_RA, "");
_Static_assert(__builtin_offsetof(struct pt_regs, sp) == PT_SP, "");
_Static_assert(__builtin_offsetof(struct pt_regs, tp) == PT_TP, "");
_Static_assert(__builtin_offsetof(struct pt_regs, status) == PT_STATUS, "");
_Static_assert(__builtin_offsetof(struct pt_regs, badaddr) == PT_BADADDR, "");
_Static_assert(__builtin_offsetof(struct pt_regs, cause) == PT_CAUSE, "");
_Static_assert(__builtin_offsetof(struct pt_regs, orig_a0) == PT_ORIG_A0, "");
_Static_assert(sizeof(struct pt_regs) == PT_SIZE, "");

static inline bool user_mode(const struct pt_regs *regs)
{
	return !(regs->status & SR_SPP);
}

static inline unsigned long instruction_pointer(const struct pt_regs *regs) { return regs->epc; }
static inline void instruction_pointer_set(struct pt_regs *regs, unsigned long val) { regs->epc = val; }
static inline unsigned long user_stack_pointer(const struct pt_regs *regs) { return regs->sp; }
static inline unsigned long regs_return_value(const struct pt_regs *regs) { return regs->a0; }
/* Argument @n (0-based) of a function, at its entry: the first eight are a0..a7. */
static inline unsigned long regs_get_kernel_argument(const struct pt_regs *regs, unsigned int n)
{
	return n < 8 ? (&regs->a0)[n] : 0;
}
static inline bool regs_irqs_disabled(const struct pt_regs *regs) { return !(regs->status & SR_SPIE); }
#endif

#endif /* _ASM_PTRACE_H */
