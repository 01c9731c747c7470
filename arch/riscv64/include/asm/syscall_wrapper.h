// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 system call entry symbols, as Linux 6.1 has them: plain sys_NAME taking its
 * arguments as C arguments (a0-a5), because riscv had no ARCH_HAS_SYSCALL_WRAPPER before
 * Linux 6.6 (which added __riscv_sys_NAME taking pt_regs). A probe on sys_openat therefore
 * reads the dfd in $arg1, as on Linux 6.1. The table holds a helper per call,
 * __riscv_regs_to_sys_NAME(regs), that unpacks the saved registers into that call.
 */
#ifndef _ASM_SYSCALL_WRAPPER_H
#define _ASM_SYSCALL_WRAPPER_H

#include <asm/unistd.h>	/* the calls riscv64 does not number */

#define __ARCH_SYS(name)	__riscv_regs_to_sys##name

/* a0-a5: the riscv system call argument registers; a7 holds the number. */
#define __ARCH_REGS_TO_ARGS(x)							\
	__MAP(x, __SC_ARGS, , regs->a0, , regs->a1, , regs->a2, , regs->a3,	\
	      , regs->a4, , regs->a5)

#define __ARCH_SYSCALL_ENTRYx(x, name, ...)					\
	long sys##name(__MAP(x, __SC_LONG, __VA_ARGS__));			\
	noinline long sys##name(__MAP(x, __SC_LONG, __VA_ARGS__))		\
	{									\
		return __se_sys##name(__MAP(x, __SC_ARGS, __VA_ARGS__));	\
	}									\
	long __ARCH_SYS(name)(const struct pt_regs *regs);			\
	long __ARCH_SYS(name)(const struct pt_regs *regs)			\
	{									\
		return sys##name(__ARCH_REGS_TO_ARGS(x));			\
	}

#define __ARCH_SYSCALL_ENTRY0(name)						\
	long sys##name(void);							\
	noinline long sys##name(void)						\
	{									\
		return __do_sys##name();					\
	}									\
	long __ARCH_SYS(name)(const struct pt_regs *regs);			\
	long __ARCH_SYS(name)(const struct pt_regs *regs)			\
	{									\
		return sys##name();						\
	}

#endif /* _ASM_SYSCALL_WRAPPER_H */
