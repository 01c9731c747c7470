// SPDX-License-Identifier: GPL-2.0-only
/*
 * The riscv64 signal frame, Linux's layout byte for byte (user space and debuggers read
 * it; uapi/asm/sigcontext.h and ucontext.h there):
 *
 *   sp on handler entry ->  struct rt_sigframe {
 *                              siginfo_t info;               128 bytes
 *                              struct ucontext uc;           at 128: flags, link, stack,
 *                           }                                mask (+ padding to 128 bytes),
 *                                                            then sigcontext at 16-byte
 *                                                            alignment: pc, x1-x31, FP state
 *
 * The frame sits 16-byte aligned below the interrupted sp, or at the top of the alternate
 * stack. The handler returns through ra, which points at a two-instruction trampoline
 * (li a7, __NR_rt_sigreturn; ecall) that the kernel maps into each program; Linux keeps it
 * in the vDSO, and riscv has no SA_RESTORER.
 */
#ifndef _ASM_SIGFRAME_H
#define _ASM_SIGFRAME_H

#include <starling/sigset.h>

struct user_regs_struct {
	unsigned long pc, ra, sp, gp, tp, t0, t1, t2, s0, s1;
	unsigned long a0, a1, a2, a3, a4, a5, a6, a7;
	unsigned long s2, s3, s4, s5, s6, s7, s8, s9, s10, s11;
	unsigned long t3, t4, t5, t6;
};

struct __riscv_d_ext_state {
	u64	f[32];
	u32	fcsr;
};

struct __riscv_q_ext_state {
	u64	f[64] __attribute__((__aligned__(16)));
	u32	fcsr;
	u32	reserved[3];
};

union __riscv_fp_state {
	struct __riscv_d_ext_state d;
	struct __riscv_q_ext_state q;	/* sets the size (528) and alignment (16) */
};

struct sigcontext {
	struct user_regs_struct	sc_regs;
	union __riscv_fp_state	sc_fpregs;
};

struct ucontext {
	unsigned long		uc_flags;
	struct ucontext __user	*uc_link;
	stack_t			uc_stack;
	sigset_t		uc_sigmask;
	u8			__unused[1024 / 8 - sizeof(sigset_t)];
	struct sigcontext	uc_mcontext;
};

struct rt_sigframe {
	kernel_siginfo_t	info;
	struct ucontext		uc;
};

#endif /* _ASM_SIGFRAME_H */
