// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 trap handling: entry.S saves a struct pt_regs and calls do_trap(). Interrupts go
 * to the timer (time.c) and IPI (smpboot.c) handlers; the external interrupt (PLIC) is not
 * ported yet and is masked when it arrives. Every exception is, in this phase, a kernel bug
 * (nothing runs in user mode): it gets Linux's riscv oops - the message, the registers in
 * __show_regs()'s layout, a frame-pointer backtrace symbolized from kallsyms - and a panic.
 */
#include <starling/kernel.h>
#include <starling/version.h>
#include <asm/early.h>
#include <asm/csr.h>
#include <asm/page.h>

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

/**
 * show_regs() - print the registers as Linux's riscv __show_regs() does
 * @regs: the trap frame
 */
void show_regs(const struct pt_regs *regs)
{
	struct riscv_cpu *c = this_riscv_cpu();

	early_printk("CPU: %u PID: 0 Comm: swapper/%u Not tainted %s %s\n", c->cpu, c->cpu,
		     UTS_RELEASE, UTS_VERSION);
	early_printk("Hardware name: riscv-virtio,qemu (DT)\n");
	if (!user_mode(regs)) {
		early_printk("epc : %pS\n", (void *)regs->epc);
		early_printk(" ra : %pS\n", (void *)regs->ra);
	}
	early_printk("epc : " REG_FMT " ra : " REG_FMT " sp : " REG_FMT "\n",
		     regs->epc, regs->ra, regs->sp);
	early_printk(" gp : " REG_FMT " tp : " REG_FMT " t0 : " REG_FMT "\n",
		     regs->gp, regs->tp, regs->t0);
	early_printk(" t1 : " REG_FMT " t2 : " REG_FMT " s0 : " REG_FMT "\n",
		     regs->t1, regs->t2, regs->s0);
	early_printk(" s1 : " REG_FMT " a0 : " REG_FMT " a1 : " REG_FMT "\n",
		     regs->s1, regs->a0, regs->a1);
	early_printk(" a2 : " REG_FMT " a3 : " REG_FMT " a4 : " REG_FMT "\n",
		     regs->a2, regs->a3, regs->a4);
	early_printk(" a5 : " REG_FMT " a6 : " REG_FMT " a7 : " REG_FMT "\n",
		     regs->a5, regs->a6, regs->a7);
	early_printk(" s2 : " REG_FMT " s3 : " REG_FMT " s4 : " REG_FMT "\n",
		     regs->s2, regs->s3, regs->s4);
	early_printk(" s5 : " REG_FMT " s6 : " REG_FMT " s7 : " REG_FMT "\n",
		     regs->s5, regs->s6, regs->s7);
	early_printk(" s8 : " REG_FMT " s9 : " REG_FMT " s10: " REG_FMT "\n",
		     regs->s8, regs->s9, regs->s10);
	early_printk(" s11: " REG_FMT " t3 : " REG_FMT " t4 : " REG_FMT "\n",
		     regs->s11, regs->t3, regs->t4);
	early_printk(" t5 : " REG_FMT " t6 : " REG_FMT "\n", regs->t5, regs->t6);
	early_printk("status: " REG_FMT " badaddr: " REG_FMT " cause: " REG_FMT "\n",
		     regs->status, regs->badaddr, regs->cause);
}

/* Whether @fp can be a frame pointer on the stack that @sp is on. */
static bool fp_on_stack(unsigned long fp, unsigned long sp)
{
	unsigned long top = ALIGN(sp + 1, THREAD_SIZE);

	return fp > sp && fp <= top && IS_ALIGNED(fp, 8);
}

/**
 * show_stack() - print a frame-pointer backtrace
 * @pc: where to start (printed first)
 * @fp: the frame pointer (s0) at @pc
 * @sp: the stack pointer at @pc, to bound the walk
 *
 * Frame records are {saved s0, return address} just below s0. A leaf function may save
 * only s0, at s0 - 8; the walk notices a saved value that points up the stack and skips it.
 */
void show_stack(unsigned long pc, unsigned long fp, unsigned long sp)
{
	int depth;

	early_printk("Call Trace:\n");
	early_printk("[<%016lx>] %pS\n", pc, (void *)pc);
	for (depth = 0; depth < 32 && fp_on_stack(fp, sp); depth++) {
		const unsigned long *rec = (const unsigned long *)fp - 2;
		unsigned long next = rec[0], ra = rec[1];

		if (fp_on_stack(ra, fp)) {	/* leaf frame: only s0 was saved */
			next = ra;
			ra = 0;
		} else if (ra) {
			early_printk("[<%016lx>] %pS\n", ra, (void *)ra);
		}
		sp = fp;
		fp = next;
	}
}

static void __noreturn die(struct pt_regs *regs, const char *msg)
{
	early_printk("%s [#%d]\n", msg, ++die_counter);
	early_printk("Modules linked in:\n");
	show_regs(regs);
	show_stack(regs->epc, regs->s0, regs->sp);
	early_printk("---[ end trace 0000000000000000 ]---\n");
	early_panic("Fatal exception");
}

static void __noreturn kernel_page_fault(struct pt_regs *regs)
{
	unsigned long addr = regs->badaddr;

	if (addr < PAGE_SIZE)
		early_printk("Unable to handle kernel NULL pointer dereference at virtual address "
			     "%016lx\n", addr);
	else
		early_printk("Unable to handle kernel paging request at virtual address %016lx\n",
			     addr);
	die(regs, "Oops");
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
		switch (cause & ~CAUSE_IRQ_FLAG) {
		case IRQ_S_TIMER:
			riscv_timer_interrupt();
			return;
		case IRQ_S_SOFT:
			riscv_ipi_interrupt();
			return;
		case IRQ_S_EXT:
			early_printk("riscv: external interrupt before the PLIC is set up; masked\n");
			csr_clear(sie, IE_SEIE);
			return;
		}
		early_printk("riscv: unexpected interrupt, cause %lx\n", cause);
		return;
	}
	if (user_mode(regs))
		early_panic("trap from user mode (cause %lu) but user space is not ported", cause);
	switch (cause) {
	case EXC_INST_PAGE_FAULT:
	case EXC_LOAD_PAGE_FAULT:
	case EXC_STORE_PAGE_FAULT:
		kernel_page_fault(regs);
	}
	if (cause < ARRAY_SIZE(exc_names) && exc_names[cause])
		snprintf(msg, sizeof(msg), "Oops - %s", exc_names[cause]);
	else
		snprintf(msg, sizeof(msg), "Oops - unknown exception %lu", cause);
	die(regs, msg);
}

/*
 * Point this hart's traps at entry.S; sscratch 0 says "in the kernel". The FPU is turned off
 * (sstatus.FS = 0): the kernel never uses it, and a stray FP instruction then traps.
 */
void trap_init(void)
{
	csr_clear(sstatus, SR_FS);
	csr_write(stvec, (unsigned long)handle_exception);
	csr_write(sscratch, 0);
}
