// SPDX-License-Identifier: GPL-2.0-only
/*
 * The x86_64 signal frame, Linux's layout byte for byte (user space and debuggers read it):
 *
 *   sp on handler entry ->  struct rt_sigframe {
 *                              char *pretcode;          return address: sa_restorer
 *                              struct ucontext uc;      flags, link, stack, sigcontext, mask
 *                              struct siginfo info;     128 bytes
 *                           }
 *                           ... padding ...
 *                           fxsave image (512 bytes, 64-byte aligned; uc_mcontext.fpstate
 *                           points at it)
 *
 * The frame is placed 128 bytes (the red zone) below the interrupted sp, or at the top of
 * the alternate stack, and sp is aligned so that (sp + 8) % 16 == 0 at handler entry, as
 * after a call instruction.
 */
#ifndef _ASM_SIGFRAME_H
#define _ASM_SIGFRAME_H

#include <starling/sigset.h>

struct sigcontext_64 {
	u64		r8, r9, r10, r11, r12, r13, r14, r15;
	u64		di, si, bp, bx, dx, ax, cx, sp;
	u64		ip;
	u64		flags;
	u16		cs, gs, fs, ss;
	u64		err;
	u64		trapno;
	u64		oldmask;
	u64		cr2;
	u64		fpstate;	/* user pointer to the fxsave image, or 0 */
	u64		reserved1[8];
};

#define UC_FP_XSTATE		0x1
#define UC_SIGCONTEXT_SS	0x2
#define UC_STRICT_RESTORE_SS	0x4

struct ucontext {
	unsigned long		uc_flags;
	struct ucontext __user	*uc_link;
	stack_t			uc_stack;
	struct sigcontext_64	uc_mcontext;
	sigset_t		uc_sigmask;
};

struct rt_sigframe {
	char __user		*pretcode;
	struct ucontext		uc;
	kernel_siginfo_t	info;
};

#endif /* _ASM_SIGFRAME_H */
