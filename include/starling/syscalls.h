// SPDX-License-Identifier: GPL-2.0-only
/*
 * System call definitions. SYSCALL_DEFINEn(name, type1, arg1, ...) defines the body once and
 * emits, as Linux does, three layers:
 *   __do_sys_NAME(type1 arg1, ...)     the body, with typed arguments
 *   __se_sys_NAME(long, ...)           sign/zero extension from the raw registers
 *   <arch entry symbol>(const struct pt_regs *regs)
 * The arch entry symbol is Linux's for that arch (__x64_sys_NAME on x86_64), because users
 * probe it by that name; <asm/syscall_wrapper.h> supplies it and the register order.
 *
 * Each definition also places {__NR_NAME, entry} in the .syscall_entries section;
 * kernel/syscall_table.c fills sys_call_table[] from that section at boot
 * (syscall_table_init(), called from an arch initcall), so adding a system call touches only
 * the file that implements it. Numbers without an entry return -ENOSYS.
 *
 * The number comes from the name. Where Linux's entry is named apart from the call (x86_64's
 * stat is __x64_sys_newstat), the defining file says so next to the definition:
 *   #define __NR_newstat	__NR_stat
 *   SYSCALL_DEFINE2(newstat, ...)
 */
#ifndef _STARLING_SYSCALLS_H
#define _STARLING_SYSCALLS_H

#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/errno.h>
#include <asm/ptrace.h>
#include <uapi/asm/unistd.h>

typedef long (*syscall_fn_t)(const struct pt_regs *regs);

struct syscall_entry {
	unsigned int	nr;
	syscall_fn_t	fn;
	const char	*name;
};

#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...) m(t, a)
#define __MAP2(m, t, a, ...) m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...) m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...) m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...) m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...) m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)

#define __SC_DECL(t, a)	t a
#define __SC_LONG(t, a)	long a
#define __SC_CAST(t, a)	(t)a
#define __SC_ARGS(t, a)	a

#if CONFIG_USERSPACE
#include <asm/syscall_wrapper.h>	/* __ARCH_SYS(name), __ARCH_REGS_TO_ARGS(x) */

#define __SYSCALL_REGISTER(sname)						\
	static const struct syscall_entry __syscall_entry##sname __used		\
		__aligned(8) __section(".syscall_entries") = {			\
		.nr = __NR##sname, .fn = __ARCH_SYS(sname), .name = #sname + 1,	\
	}

/*
 * The entry symbols. By default (x86_64, aarch64) the entry takes the saved registers and is
 * also the table's function. An arch whose Linux entry takes C arguments (riscv64 in Linux
 * 6.1: plain sys_NAME) defines __ARCH_SYSCALL_ENTRYx/__ARCH_SYSCALL_ENTRY0 itself: the entry,
 * plus a static __ARCH_SYS(name) taking the registers for the table.
 */
#ifndef __ARCH_SYSCALL_ENTRYx
#define __ARCH_SYSCALL_ENTRYx(x, name, ...)					\
	long __ARCH_SYS(name)(const struct pt_regs *regs);			\
	noinline long __ARCH_SYS(name)(const struct pt_regs *regs)		\
	{									\
		return __se_sys##name(__ARCH_REGS_TO_ARGS(x));			\
	}
#define __ARCH_SYSCALL_ENTRY0(name)						\
	long __ARCH_SYS(name)(const struct pt_regs *regs);			\
	noinline long __ARCH_SYS(name)(const struct pt_regs *regs)		\
	{									\
		return __do_sys##name();					\
	}
#endif

#define SYSCALL_DEFINEx(x, name, ...)						\
	static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__));	\
	static long __se_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__))		\
	{									\
		return __do_sys##name(__MAP(x, __SC_CAST, __VA_ARGS__));	\
	}									\
	__ARCH_SYSCALL_ENTRYx(x, name, __VA_ARGS__)				\
	__SYSCALL_REGISTER(name);						\
	static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))

#define SYSCALL_DEFINE0(name)							\
	static inline long __do_sys_##name(void);				\
	__ARCH_SYSCALL_ENTRY0(_##name)						\
	__SYSCALL_REGISTER(_##name);						\
	static inline long __do_sys_##name(void)

#else
/*
 * No user space (an arch early in its port): the bodies still compile, type-checked, but
 * no entry symbol, number or table slot exists.
 */
#define SYSCALL_DEFINEx(x, name, ...)						\
	static inline __maybe_unused long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))
#define SYSCALL_DEFINE0(name)							\
	static inline __maybe_unused long __do_sys_##name(void)
#endif

#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)

/*
 * The number of a call Linux compiles everywhere but this arch does not number (riscv64's
 * <asm/unistd.h> gives open, stat, fork ... this value): its entry stays out of the table.
 */
#define __NR_NONE	0xffffffffU

#define NR_syscalls	__NR_syscalls	/* <uapi/asm/unistd.h> */

extern syscall_fn_t sys_call_table[];

/* Fill sys_call_table[] from .syscall_entries; panics on two entries for one number. */
void syscall_table_init(void);
/* The name of system call @nr for logs, or NULL. */
const char *syscall_name(unsigned long nr);
/* Warn once per number that @nr has no entry. */
void log_unknown_syscall(unsigned long nr);

/*
 * Run system call @nr with the saved user registers @regs (the arch's entry code enables
 * IRQs and traces around it). Return: the result, or -ENOSYS (logged once) for a number
 * without an entry.
 */
static __always_inline long syscall_dispatch(unsigned long nr, struct pt_regs *regs)
{
	if (likely(nr < NR_syscalls && sys_call_table[nr]))
		return sys_call_table[nr](regs);
	log_unknown_syscall(nr);
	return -ENOSYS;
}

#endif /* _STARLING_SYSCALLS_H */
