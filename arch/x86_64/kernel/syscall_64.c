// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 system calls: the C half of the SYSCALL entry (entry_64.S), the per-CPU SYSCALL
 * MSRs, arch_prctl, and the arch half of starting programs and threads. The table itself is
 * generic (kernel/syscall_table.c); the initcall here fills it before setting up SYSCALL.
 *
 * User FPU/SSE state: the kernel is built without FPU/SSE code, so the registers always hold
 * the state of the last user task that ran here. A switch saves it (FXSAVE) into the
 * outgoing task's save area and loads the incoming one's (FXRSTOR); see <asm/syscall.h> for
 * where the area lives.
 */
#include <starling/syscalls.h>
#include <starling/entry.h>
#include <starling/errno.h>
#include <starling/init.h>
#include <starling/kernel.h>
#include <starling/printk.h>
#include <starling/sched.h>
#include <starling/signal.h>
#include <starling/smp.h>
#include <starling/string.h>
#include <starling/uaccess.h>
#include <starling/mm_user.h>
#include <starling/trace_sched.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/syscall.h>

#define X86_EFLAGS_CF		0x0001UL
#define X86_EFLAGS_FIXED	0x0002UL
#define X86_EFLAGS_PF		0x0004UL
#define X86_EFLAGS_AF		0x0010UL
#define X86_EFLAGS_ZF		0x0040UL
#define X86_EFLAGS_SF		0x0080UL
#define X86_EFLAGS_TF		0x0100UL
#define X86_EFLAGS_DF		0x0400UL
#define X86_EFLAGS_OF		0x0800UL
#define X86_EFLAGS_IOPL		0x3000UL
#define X86_EFLAGS_NT		0x4000UL
#define X86_EFLAGS_RF		0x10000UL
#define X86_EFLAGS_AC		0x40000UL
#define X86_EFLAGS_ID		0x200000UL

#define X86_CR0_MP		(1UL << 1)
#define X86_CR0_EM		(1UL << 2)
#define X86_CR0_TS		(1UL << 3)
#define X86_CR4_OSFXSR		(1UL << 9)
#define X86_CR4_OSXMMEXCPT	(1UL << 10)

#define ARCH_SET_GS		0x1001
#define ARCH_SET_FS		0x1002
#define ARCH_GET_FS		0x1003
#define ARCH_GET_GS		0x1004

extern const char ret_from_fork[];

static void syscall_init_ipi(void *unused)
{
	syscall_init();
}

/* After smp_init(): fill the table, then set up SYSCALL on every CPU. */
static int __init syscall_table_initcall(void)
{
	syscall_table_init();
	syscall_init();
	smp_call_function(syscall_init_ipi, NULL, false);	/* IRQs are off here */
	return 0;
}
core_initcall(syscall_table_initcall);

static bool canonical_user(unsigned long addr)
{
	return addr < (1UL << 47) - PAGE_SIZE;
}

/*
 * May the return use SYSRET? It loads rip from rcx and rflags from r11 and assumes the
 * standard selectors; a non-canonical rip would fault in kernel mode on some CPUs.
 */
static bool __noprobe syscall_can_sysret(const struct pt_regs *regs)
{
	return regs->cx == regs->ip && regs->r11 == regs->flags && regs->cs == __USER_CS &&
	       regs->ss == __USER_DS && canonical_user(regs->ip) &&
	       !(regs->flags & (X86_EFLAGS_RF | X86_EFLAGS_TF));
}

/**
 * do_syscall_64() - run system call @nr for the user registers @regs
 * @regs: built by entry_SYSCALL_64; regs->ax receives the result
 * @nr: the number (regs->orig_ax)
 *
 * Called with IRQs off; returns with IRQs off after exit_to_user_mode().
 * Return: true when the return to user mode may use SYSRET.
 */
bool __noprobe do_syscall_64(struct pt_regs *regs, unsigned long nr)
{
	arch_local_irq_enable();
	trace_sys_enter(nr, (const unsigned long[6]){ regs->di, regs->si, regs->dx, regs->r10,
						      regs->r8, regs->r9 });
	regs->ax = syscall_dispatch(nr, regs);
	trace_sys_exit(nr, regs->ax);
	arch_local_irq_disable();
	syscall_exit_to_user_mode(regs);	/* signals, -ERESTART*, reschedule */
	return syscall_can_sysret(regs);
}

/**
 * syscall_init() - per-CPU set-up for user mode: SYSCALL MSRs, and CR0/CR4 for SSE
 *
 * Run on every CPU by an initcall once all CPUs are up (CONFIG_USERSPACE only).
 */
void syscall_init(void)
{
	/* SYSCALL: CS = STAR[47:32], SS = +8. SYSRET: CS = STAR[63:48] + 16, SS = +8. */
	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | X86_EFLAGS_ZF |
	      X86_EFLAGS_SF | X86_EFLAGS_TF | X86_EFLAGS_IF | X86_EFLAGS_DF | X86_EFLAGS_OF |
	      X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_RF | X86_EFLAGS_AC | X86_EFLAGS_ID);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
	write_cr0((read_cr0() | X86_CR0_MP) & ~(X86_CR0_EM | X86_CR0_TS));
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
}

/* ---- tasks ---------------------------------------------------------------------------- */

struct pt_regs *task_pt_regs(struct task_struct *p)
{
	return (struct pt_regs *)((unsigned long)p->stack + THREAD_SIZE) - 1;
}

static void *task_fpu(struct task_struct *p)
{
	BUILD_BUG_ON(sizeof(p->thread.fpu_state) != FXSAVE_SIZE);
	return p->thread.fpu_state;
}

static inline void fxsave(void *area)
{
	__asm__ __volatile__("fxsaveq (%0)" :: "r"(area) : "memory");
}

static inline void fxrstor(const void *area)
{
	__asm__ __volatile__("fxrstorq (%0)" :: "r"(area) : "memory");
}

/* The FXSAVE image of a freshly initialised FPU: FCW 0x37f, MXCSR 0x1f80, all else 0. */
static void fpu_init_state(void *area)
{
	memset(area, 0, FXSAVE_SIZE);
	*(u16 *)area = 0x37f;
	*(u32 *)((char *)area + 24) = 0x1f80;
}

void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	struct thread_struct *t = &current->thread;

	memset(regs, 0, sizeof(*regs));
	regs->ip = ip;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	regs->orig_ax = -1;
	t->fsbase = 0;
	t->gsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	fpu_init_state(task_fpu(current));
	fxrstor(task_fpu(current));
}

void copy_thread(struct task_struct *p, const struct pt_regs *regs, unsigned long sp,
		 bool set_tls, unsigned long tls)
{
	struct pt_regs *childregs = task_pt_regs(p);
	unsigned long *frame = (unsigned long *)childregs - 8;

	*childregs = *regs;
	childregs->ax = 0;
	if (sp)
		childregs->sp = sp;
	frame[0] = 0;				/* r15 */
	frame[1] = 0;				/* r14 */
	frame[2] = 0;				/* r13 */
	frame[3] = 0;				/* r12 */
	frame[4] = (unsigned long)childregs;	/* rbx */
	frame[5] = 0;				/* rbp */
	frame[6] = (unsigned long)ret_from_fork;
	frame[7] = 0;
	p->thread.sp = (unsigned long)frame;
	p->thread.sp0 = (unsigned long)p->stack + THREAD_SIZE;
	p->thread.fsbase = set_tls ? tls : current->thread.fsbase;
	p->thread.gsbase = current->thread.gsbase;
	fxsave(task_fpu(p));			/* current's user state is live in the registers */
}

void __noprobe switch_user_context(struct task_struct *prev, struct task_struct *next)
{
	if (prev->mm && prev->stack)
		fxsave(task_fpu(prev));
	if (next->mm != prev->mm || !next->mm)
		switch_mm(next->mm);
	if (next->mm && next->stack)
		fxrstor(task_fpu(next));
}

SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	struct thread_struct *t = &current->thread;

	switch (option) {
	case ARCH_SET_FS:
		if (arg2 >= TASK_SIZE)
			return -EPERM;
		preempt_disable();	/* the field and the MSR change together */
		t->fsbase = arg2;
		wrmsr(MSR_FS_BASE, arg2);
		preempt_enable();
		return 0;
	case ARCH_SET_GS:
		if (arg2 >= TASK_SIZE)
			return -EPERM;
		preempt_disable();
		t->gsbase = arg2;
		wrmsr(MSR_KERNEL_GS_BASE, arg2);
		preempt_enable();
		return 0;
	case ARCH_GET_FS:
		return put_user(t->fsbase, (unsigned long __user *)arg2);
	case ARCH_GET_GS:
		return put_user(t->gsbase, (unsigned long __user *)arg2);
	default:
		return -EINVAL;
	}
}
