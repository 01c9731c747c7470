// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 trap handling: entry.S saves a struct pt_regs and calls do_trap(). Interrupts
 * (timer, IPI, the PLIC's external interrupt) run in hardirq context and may end in kernel
 * preemption. A kernel fault at an instruction the exception table lists (user copies,
 * the *_nofault reads) resumes at its fixup; any other exception from the kernel gets
 * Linux's riscv oops - the message, the registers in __show_regs()'s layout, a
 * frame-pointer backtrace symbolized from kallsyms - and a panic. From U-mode: ecall is a
 * system call (syscall.c), page faults go to the generic fault handler, and what it cannot
 * resolve or any other exception becomes a signal; the exit work (signals, rescheduling)
 * runs before every return to user mode.
 */
#include <starling/kernel.h>
#include <starling/entry.h>
#include <starling/errno.h>
#include <starling/printk.h>
#include <starling/sched.h>
#include <starling/stacktrace.h>
#include <starling/version.h>
#include <starling/signal.h>
#include <asm/early.h>
#include <asm/csr.h>
#include <asm/page.h>
#include <asm/syscall.h>

static int die_counter;

static const char *const exc_names[] = {
	[EXC_INST_MISALIGNED]	= "instruction address misaligned",
	[EXC_INST_ACCESS]	= "instruction access fault",
	[EXC_INST_ILLEGAL]	= "illegal instruction",
	[EXC_BREAKPOINT]	= "breakpoint",
	[EXC_LOAD_MISALIGNED]	= "load address misaligned",
	[EXC_LOAD_ACCESS]	= "load access fault",
	[EXC_STORE_MISALIGNED]	= "store (or AMO) address misaligned",
	[EXC_STORE_ACCESS]	= "store (or AMO) access fault",
	[EXC_SYSCALL]		= "environment call from U-mode",
};

#define REG_FMT "%016lx"

static void show_cpu_line(void)
{
	struct task_struct *t = current;

	printk("CPU: %u PID: %d Comm: %s Not tainted %s %s\n", raw_smp_processor_id(),
	       t ? t->pid : 0, t ? t->comm : "swapper", UTS_RELEASE, UTS_VERSION);
}

/**
 * show_regs() - print the registers as Linux's riscv __show_regs() does
 * @regs: the trap frame
 */
void show_regs(const struct pt_regs *regs)
{
	show_cpu_line();
	printk("Hardware name: riscv-virtio,qemu (DT)\n");
	if (!user_mode(regs)) {
		printk("epc : %pS\n", (void *)regs->epc);
		printk(" ra : %pS\n", (void *)regs->ra);
	}
	printk("epc : " REG_FMT " ra : " REG_FMT " sp : " REG_FMT "\n",
		     regs->epc, regs->ra, regs->sp);
	printk(" gp : " REG_FMT " tp : " REG_FMT " t0 : " REG_FMT "\n",
		     regs->gp, regs->tp, regs->t0);
	printk(" t1 : " REG_FMT " t2 : " REG_FMT " s0 : " REG_FMT "\n",
		     regs->t1, regs->t2, regs->s0);
	printk(" s1 : " REG_FMT " a0 : " REG_FMT " a1 : " REG_FMT "\n",
		     regs->s1, regs->a0, regs->a1);
	printk(" a2 : " REG_FMT " a3 : " REG_FMT " a4 : " REG_FMT "\n",
		     regs->a2, regs->a3, regs->a4);
	printk(" a5 : " REG_FMT " a6 : " REG_FMT " a7 : " REG_FMT "\n",
		     regs->a5, regs->a6, regs->a7);
	printk(" s2 : " REG_FMT " s3 : " REG_FMT " s4 : " REG_FMT "\n",
		     regs->s2, regs->s3, regs->s4);
	printk(" s5 : " REG_FMT " s6 : " REG_FMT " s7 : " REG_FMT "\n",
		     regs->s5, regs->s6, regs->s7);
	printk(" s8 : " REG_FMT " s9 : " REG_FMT " s10: " REG_FMT "\n",
		     regs->s8, regs->s9, regs->s10);
	printk(" s11: " REG_FMT " t3 : " REG_FMT " t4 : " REG_FMT "\n",
		     regs->s11, regs->t3, regs->t4);
	printk(" t5 : " REG_FMT " t6 : " REG_FMT "\n", regs->t5, regs->t6);
	printk("status: " REG_FMT " badaddr: " REG_FMT " cause: " REG_FMT "\n",
		     regs->status, regs->badaddr, regs->cause);
}

/* Whether @fp can be a frame pointer on the THREAD_SIZE-aligned stack that @sp is on. */
static bool fp_on_stack(unsigned long fp, unsigned long sp)
{
	unsigned long top = ALIGN(sp + 1, THREAD_SIZE);

	return fp > sp && fp <= top && IS_ALIGNED(fp, 8);
}

/*
 * Walk frame records from @fp, printing each return address. Records are {saved s0, return
 * address} just below s0. A leaf function may save only s0, at s0 - 8: a saved value that
 * points up the stack is taken for that, and the return address is then @leaf_ra (the
 * trapped ra) for the first frame, or unknown (skipped) further up. Kernel stacks are
 * THREAD_SIZE-aligned, which bounds the walk.
 */
static void walk_frames(unsigned long ip, unsigned long fp, unsigned long leaf_ra)
{
	unsigned long sp = fp - 16;
	int depth;

	printk("Call Trace:\n");
	printk("[<%016lx>] %pS\n", ip, (void *)ip);
	for (depth = 0; depth < 32 && fp_on_stack(fp, sp); depth++) {
		const unsigned long *rec = (const unsigned long *)fp - 2;
		unsigned long next = rec[0], ra = rec[1];

		if (fp_on_stack(ra, fp)) {	/* leaf frame: only s0 was saved */
			next = ra;
			ra = depth ? 0 : leaf_ra;
		}
		if (ra)
			printk("[<%016lx>] %pS\n", ra, (void *)ra);
		sp = fp;
		fp = next;
	}
}

/**
 * arch_show_stack() - print a frame-pointer backtrace
 * @ip: where to start (printed first)
 * @fp: the frame pointer (s0) at @ip
 */
void arch_show_stack(unsigned long ip, unsigned long fp)
{
	walk_frames(ip, fp, 0);
}

/**
 * dump_stack() - print the CPU line and a backtrace from the caller
 */
void noinline dump_stack(void)
{
	unsigned long *fp = __builtin_frame_address(0);	/* {caller's s0, ra} just below */

	show_cpu_line();
	printk("Hardware name: riscv-virtio,qemu (DT)\n");
	arch_show_stack(fp[-1], fp[-2]);	/* start at our caller */
}

static void __noreturn die(struct pt_regs *regs, const char *msg)
{
	printk("%s [#%d]\n", msg, ++die_counter);
	printk("Modules linked in:\n");
	show_regs(regs);
	if (!user_mode(regs))
		walk_frames(regs->epc, regs->s0, regs->ra);
	printk("---[ end trace 0000000000000000 ]---\n");
	panic("Fatal exception");
}

static void __noreturn kernel_page_fault(struct pt_regs *regs)
{
	unsigned long addr = regs->badaddr;

	if (addr < PAGE_SIZE)
		printk("Unable to handle kernel NULL pointer dereference at virtual address "
			     "%016lx\n", addr);
	else
		printk("Unable to handle kernel paging request at virtual address %016lx\n",
			     addr);
	die(regs, "Oops");
}

static void __noprobe do_interrupt(struct pt_regs *regs, unsigned long irq)
{
	preempt_count_add(HARDIRQ_OFFSET);
	switch (irq) {
	case IRQ_S_TIMER:
		riscv_timer_interrupt(regs);
		break;
	case IRQ_S_SOFT:
		riscv_ipi_interrupt();
		break;
	case IRQ_S_EXT:
		plic_handle_irq();
		break;
	default:
		pr_warn("riscv: unexpected interrupt, cause %lx\n", irq);
	}
	preempt_count_sub(HARDIRQ_OFFSET);
	/* Kernel preemption: the interrupted kernel code was preemptible and a switch is due. */
	if (!user_mode(regs) && (regs->status & SR_SPIE) && preempt_count() == 0 &&
	    need_resched())
		preempt_schedule_irq();
}

static bool is_page_fault(unsigned long cause)
{
	return cause == EXC_INST_PAGE_FAULT || cause == EXC_LOAD_PAGE_FAULT ||
	       cause == EXC_STORE_PAGE_FAULT;
}

/*
 * Linux's riscv line for a fault signal the program does not handle (show_unhandled_signals,
 * on by default), then the signal.
 */
static void user_fault_signal(struct pt_regs *regs, int sig, int code, unsigned long addr)
{
	if (unhandled_signal(current, sig))
		printk(KERN_INFO "%s[%d]: unhandled signal %d code 0x%x at 0x%016lx\n",
		       current->comm, current->pid, sig, code, addr);
	force_sig_fault(sig, code, addr);
}

/* An exception from U-mode (IRQs on while it is handled). */
static void __noprobe do_user_exception(struct pt_regs *regs, unsigned long cause)
{
	unsigned long addr = regs->badaddr;
	int ret, sig, code;

	if (cause == EXC_SYSCALL) {
		do_syscall(regs);	/* runs the exit work itself */
		return;
	}
	arch_local_irq_enable();
	switch (cause) {
	case EXC_INST_PAGE_FAULT:
	case EXC_LOAD_PAGE_FAULT:
	case EXC_STORE_PAGE_FAULT:
		ret = handle_page_fault(regs, addr, cause == EXC_STORE_PAGE_FAULT,
					cause == EXC_INST_PAGE_FAULT, true);
		if (!ret)
			break;
		sig = page_fault_signal(ret, &code);
		user_fault_signal(regs, sig, code, addr);
		break;
	case EXC_INST_ILLEGAL:
		user_fault_signal(regs, SIGILL, 1 /* ILL_ILLOPC */, regs->epc);
		break;
	case EXC_BREAKPOINT:
		user_fault_signal(regs, SIGTRAP, 1 /* TRAP_BRKPT */, regs->epc);
		break;
	/* The rest report the faulting instruction, as Linux's DO_ERROR_INFO traps do. */
	case EXC_INST_MISALIGNED:
	case EXC_LOAD_MISALIGNED:
	case EXC_STORE_MISALIGNED:
		user_fault_signal(regs, SIGBUS, 1 /* BUS_ADRALN */, regs->epc);
		break;
	case EXC_INST_ACCESS:
	case EXC_LOAD_ACCESS:
	case EXC_STORE_ACCESS:
		user_fault_signal(regs, SIGSEGV, 2 /* SEGV_ACCERR */, regs->epc);
		break;
	default:
		user_fault_signal(regs, SIGILL, 4 /* ILL_ILLTRP */, regs->epc);
		break;
	}
	arch_local_irq_disable();
	exit_to_user_mode(regs);
}

/**
 * do_trap() - the C side of every trap (entry.S)
 * @regs: the saved registers; epc and status are restored from here
 */
void __noprobe do_trap(struct pt_regs *regs)
{
	unsigned long cause = regs->cause;
	char msg[64];

	if (cause & CAUSE_IRQ_FLAG) {
		do_interrupt(regs, cause & ~CAUSE_IRQ_FLAG);
		if (user_mode(regs))
			exit_to_user_mode(regs);
		return;
	}
	if (user_mode(regs)) {
		if (!IS_ENABLED(CONFIG_USERSPACE))
			panic("trap from user mode (cause %lu) without user space", cause);
		do_user_exception(regs, cause);
		return;
	}
	/*
	 * An exception in a probed instruction's out-of-line copy: handle it at the probed
	 * address with the probed context's IRQ state (the step is abandoned; the retry hits
	 * the probe again), as Linux's kprobe_page_fault().
	 */
	if (cause != EXC_BREAKPOINT)
		kprobe_fault_handler(regs);
	switch (cause) {
	case EXC_BREAKPOINT:
		if (kprobe_breakpoint_handler(regs))
			return;
		break;
	case EXC_INST_PAGE_FAULT:
	case EXC_LOAD_PAGE_FAULT:
	case EXC_STORE_PAGE_FAULT:
	case EXC_LOAD_ACCESS:
	case EXC_STORE_ACCESS:
		/* a user page the kernel touched (copy_to_user ...) that is not there yet */
		if (is_page_fault(cause) && regs->badaddr < TASK_SIZE &&
		    !handle_page_fault(regs, regs->badaddr, cause == EXC_STORE_PAGE_FAULT,
				       false, false))
			return;
		if (fixup_exception(regs))
			return;
		if (is_page_fault(cause))
			kernel_page_fault(regs);
		break;
	}
	if (cause < ARRAY_SIZE(exc_names) && exc_names[cause])
		snprintf(msg, sizeof(msg), "Oops - %s", exc_names[cause]);
	else
		snprintf(msg, sizeof(msg), "Oops - unknown exception %lu", cause);
	die(regs, msg);
}

/*
 * Point this hart's traps at entry.S; sscratch 0 says "in the kernel"; accept IPIs. The
 * FPU is turned off (sstatus.FS = 0): the kernel never uses it, and a stray FP instruction
 * then traps.
 */
void trap_init(void)
{
	csr_clear(sstatus, SR_FS);
	csr_write(stvec, (unsigned long)handle_exception);
	csr_write(sscratch, 0);
	csr_set(sie, IE_SSIE);		/* IPIs; taken once sstatus.SIE is set */
}
