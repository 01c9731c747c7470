// SPDX-License-Identifier: GPL-2.0-only
/*
 * The system call table, shared by every arch: sys_call_table[] is filled at boot from the
 * .syscall_entries section that each SYSCALL_DEFINEn emits (<starling/syscalls.h>), so a
 * system call is added by defining it, nowhere else. Entries that carry __NR_NONE (calls
 * Linux compiles everywhere but an arch does not number, such as riscv64's open or fork)
 * stay out of the table, as on Linux. A number without an entry returns -ENOSYS and is
 * logged once ("Starling: unknown system call NAME (N)"), with the name from the complete
 * Linux list in <uapi/asm/unistd.h>.
 *
 * The arch's trap or SYSCALL entry calls syscall_dispatch() with the number and the saved
 * user registers, and calls syscall_table_init() from an initcall of its own (x86_64 sets
 * up its SYSCALL MSRs in the same place).
 */
#include <starling/syscalls.h>
#include <starling/kernel.h>
#include <starling/printk.h>
#include <uapi/asm/unistd.h>

syscall_fn_t sys_call_table[NR_syscalls];	/* written once at boot, then read-only */
static const char *sys_call_names[NR_syscalls];
static unsigned long unknown_logged[DIV_ROUND_UP(NR_syscalls + 1, 64)];	/* atomic bits */

#define X(nr, name) [nr] = #name,
static const char *const linux_syscall_names[NR_syscalls] = { SYSCALL_LIST(X) };
#undef X

extern const struct syscall_entry __start_syscall_entries[], __stop_syscall_entries[];

/**
 * syscall_table_init() - fill sys_call_table[] from the .syscall_entries section
 *
 * Panics when two definitions claim one number or a number is out of range: both are
 * build mistakes.
 */
void syscall_table_init(void)
{
	for (const struct syscall_entry *e = __start_syscall_entries;
	     e < __stop_syscall_entries; e++) {
		if (e->nr == __NR_NONE)
			continue;
		if (e->nr >= NR_syscalls)
			panic("syscall %s: number %u out of range", e->name, e->nr);
		if (sys_call_table[e->nr])
			panic("syscall %u defined twice (%s, %s)", e->nr, sys_call_names[e->nr],
			      e->name);
		sys_call_table[e->nr] = e->fn;
		sys_call_names[e->nr] = e->name;
	}
}

/**
 * syscall_name() - the name of system call @nr, for logs
 * @nr: a system call number
 *
 * Return: the name Linux gives it (implemented or not), or NULL for an unused number.
 */
const char *syscall_name(unsigned long nr)
{
	if (nr >= NR_syscalls)
		return NULL;
	return sys_call_names[nr] ? sys_call_names[nr] : linux_syscall_names[nr];
}

/**
 * log_unknown_syscall() - warn, once per number, that @nr has no entry
 * @nr: the number user space asked for (any value; those past the table share one bit)
 */
void log_unknown_syscall(unsigned long nr)
{
	unsigned long bit = min_t(unsigned long, nr, NR_syscalls);
	const char *name = syscall_name(nr);

	if (__atomic_fetch_or(&unknown_logged[bit / 64], 1UL << (bit % 64), __ATOMIC_RELAXED) &
	    (1UL << (bit % 64)))
		return;
	if (name)
		pr_warn("Starling: unknown system call %s (%lu)\n", name, nr);
	else
		pr_warn("Starling: unknown system call %lu\n", nr);
}
