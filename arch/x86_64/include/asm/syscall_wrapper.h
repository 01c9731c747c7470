// SPDX-License-Identifier: GPL-2.0-only
/* x86_64 system call entry symbols (__x64_sys_NAME) and argument registers. */
#ifndef _ASM_SYSCALL_WRAPPER_H
#define _ASM_SYSCALL_WRAPPER_H

#define __ARCH_SYS(name)	__x64_sys##name

/* rdi, rsi, rdx, r10, r8, r9: the x86_64 system call argument registers. */
#define __ARCH_REGS_TO_ARGS(x)							\
	__MAP(x, __SC_ARGS, , regs->di, , regs->si, , regs->dx, , regs->r10,	\
	      , regs->r8, , regs->r9)

#endif /* _ASM_SYSCALL_WRAPPER_H */
