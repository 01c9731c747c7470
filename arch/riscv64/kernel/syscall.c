// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 system calls and the arch half of user tasks: the table, the C half of an ecall
 * from U-mode, starting programs, fork's register copy and the user FP state at a switch.
 *
 * sys_call_table[] is filled at boot from the .syscall_entries section that each
 * SYSCALL_DEFINEn emits (<asm/syscall_wrapper.h>: the entry is sys_NAME, as in Linux 6.1).
 * Calls that Linux compiles everywhere but riscv64 does not number (open, stat, fork ...)
 * carry __NR_NONE (<asm/unistd.h>) and stay out of the table, as on Linux. A number without
 * an entry returns -ENOSYS and is logged once, with the name from the complete list in
 * <uapi/asm/unistd.h>.
 *
 * The ABI: ecall with the number in a7 and arguments in a0-a5; the result comes back in
 * a0, and the call resumes after the 4-byte ecall (restarts rewind epc by 4 and reload a0
 * from orig_a0).
 */
#include <starling/syscalls.h>
#include <starling/entry.h>
#include <starling/errno.h>
#include <starling/init.h>
#include <starling/kernel.h>
#include <starling/mm_user.h>
#include <starling/printk.h>
#include <starling/sched.h>
#include <starling/signal.h>
#include <starling/string.h>
#include <starling/trace_sched.h>
#include <asm/irqflags.h>
#include <asm/syscall.h>
#include <asm/unistd.h>
#include <asm/csr.h>

#define NR_syscalls		__NR_syscalls
#define SR_FS_INITIAL		0x00002000UL

static syscall_fn_t sys_call_table[NR_syscalls];	/* written once at boot, then read-only */
static const char *sys_call_names[NR_syscalls];
static unsigned long unknown_logged[DIV_ROUND_UP(NR_syscalls + 1, 64)];	/* atomic bits */

#define X(nr, name) [nr] = #name,
static const char *const linux_syscall_names[NR_syscalls] = { SYSCALL_LIST(X) };
#undef X

extern const struct syscall_entry __start_syscall_entries[], __stop_syscall_entries[];
extern const char ret_from_fork[];

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

static int __init syscall_table_initcall(void)
{
	syscall_table_init();
	return 0;
}
core_initcall(syscall_table_initcall);

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

static void log_unknown_syscall(unsigned long nr)
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

/**
 * do_syscall() - run the system call in a7 for the user registers @regs
 * @regs: saved by entry.S; a0 receives the result
 *
 * Called from do_trap() with IRQs off; returns with IRQs off after the exit work.
 */
void __noprobe do_syscall(struct pt_regs *regs)
{
	unsigned long nr = regs->a7;

	regs->epc += 4;			/* past the ecall */
	arch_local_irq_enable();
	trace_sys_enter(nr, (const unsigned long[6]){ regs->a0, regs->a1, regs->a2, regs->a3,
						      regs->a4, regs->a5 });
	if (likely(nr < NR_syscalls && sys_call_table[nr])) {
		regs->a0 = sys_call_table[nr](regs);
	} else {
		log_unknown_syscall(nr);
		regs->a0 = -ENOSYS;
	}
	trace_sys_exit(nr, regs->a0);
	arch_local_irq_disable();
	syscall_exit_to_user_mode(regs);	/* signals, -ERESTART*, reschedule */
}

/* ---- tasks ---------------------------------------------------------------------------- */

struct pt_regs *task_pt_regs(struct task_struct *p)
{
	return (struct pt_regs *)((unsigned long)p->stack + THREAD_SIZE) - 1;
}

void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	struct thread_struct *t = &current->thread;

	memset(regs, 0, sizeof(*regs));
	regs->epc = ip;
	regs->sp = sp;
	/* U-mode (SPP clear), interrupts on after sret, FP usable from a clean state */
	regs->status = SR_SPIE | SR_FS_INITIAL;
	memset(t->fstate, 0, sizeof(t->fstate));
	t->fcsr = 0;
	fpu_restore(t);
	/* the new program's text was written through the direct map */
	__asm__ __volatile__("fence.i" ::: "memory");
}

void copy_thread(struct task_struct *p, const struct pt_regs *regs, unsigned long sp,
		 bool set_tls, unsigned long tls)
{
	struct pt_regs *childregs = task_pt_regs(p);
	struct thread_struct *t = &p->thread;

	*childregs = *regs;
	childregs->a0 = 0;
	if (sp)
		childregs->sp = sp;
	if (set_tls)
		childregs->tp = tls;
	memset(t->s, 0, sizeof(t->s));
	t->ra = (unsigned long)ret_from_fork;
	t->sp = (unsigned long)childregs;	/* 16-byte aligned: PT_SIZE is */
	t->s[1] = (unsigned long)childregs;
	t->sp0 = (unsigned long)p->stack + THREAD_SIZE;
	fpu_save(t);			/* current's user FP state is live in the registers */
}

void __noprobe switch_user_context(struct task_struct *prev, struct task_struct *next)
{
	if (prev->mm && prev->stack)
		fpu_save(&prev->thread);
	if (next->mm != prev->mm || !next->mm)
		switch_mm(next->mm);
	if (next->mm && next->stack)
		fpu_restore(&next->thread);
}
