// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 descriptor tables and trap dispatch. Each CPU has its own GDT (Linux's layout, see
 * <asm/segment.h>) and TSS (rsp0 for entries from user mode, IST stacks for NMI and double
 * fault); all CPUs share one IDT whose gates point at the stubs in entry.S.
 *
 * do_trap() is the single C entry for every vector: exceptions are decoded here and handed to
 * generic code through <starling/entry.h>; vectors from FIRST_EXTERNAL_VECTOR up go to the
 * handler registered with set_vector_handler(). An exception the kernel cannot handle prints
 * Linux-style registers and a symbolized backtrace, then panics.
 */
#include <starling/entry.h>
#include <starling/errno.h>
#include <starling/printk.h>
#include <starling/percpu.h>
#include <starling/preempt.h>
#include <starling/stacktrace.h>
#include <starling/kallsyms.h>
#include <starling/string.h>
#include <starling/signal_nr.h>
#include <starling/signal.h>
#include <starling/sched.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/processor.h>
#include <asm/page.h>
#include <asm/x86.h>

struct tss {
	u32 reserved0;
	u64 sp0, sp1, sp2;
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 iomap_base;
} __packed;

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type_attr;
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
} __packed;

struct desc_ptr {
	u16 limit;
	u64 base;
} __packed;

#define IST_STACK_SIZE	8192
#define GATE_INTR	0x8e	/* present, DPL 0, 64-bit interrupt gate */
#define GATE_INTR_USER	0xee	/* DPL 3: int3 from user mode */

static DEFINE_PER_CPU(struct x86_cpu, x86_cpu_data);
static DEFINE_PER_CPU(u64, gdt[GDT_ENTRIES]) __aligned(16);
static DEFINE_PER_CPU(struct tss, cpu_tss) __aligned(16);
static u8 ist_stacks[NR_CPUS][2][IST_STACK_SIZE] __aligned(16);	/* NMI, #DF */

static struct idt_gate idt[256] __aligned(16);	/* written by the boot CPU, then read-only */
static irq_handler_fn vector_handlers[256];	/* set before the vector is unmasked */
extern const char vector_stubs[];

static const char *const exception_names[32] = {
	[0] = "divide error", [1] = "debug", [2] = "NMI", [3] = "int3",
	[4] = "overflow", [5] = "bounds", [6] = "invalid opcode", [7] = "device not available",
	[8] = "double fault", [10] = "invalid TSS", [11] = "segment not present",
	[12] = "stack segment", [13] = "general protection fault", [14] = "page fault",
	[16] = "coprocessor error", [17] = "alignment check", [18] = "machine check",
	[19] = "SIMD exception", [20] = "virtualization exception", [21] = "control protection",
};

void __init cpu_init_percpu(unsigned int cpu)
{
	struct x86_cpu *c = per_cpu_ptr(&x86_cpu_data, cpu);

	c->self = c;
	c->cpu = cpu;
	c->per_cpu_offset = __per_cpu_offset[cpu];
	wrmsr(MSR_GS_BASE, (unsigned long)c);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}

static void set_gate(unsigned int vec, u8 type, u8 ist)
{
	unsigned long addr = (unsigned long)vector_stubs + 16 * vec;

	idt[vec] = (struct idt_gate) {
		.offset_low = addr & 0xffff,
		.selector = __KERNEL_CS,
		.ist = ist,
		.type_attr = type,
		.offset_mid = (addr >> 16) & 0xffff,
		.offset_high = addr >> 32,
	};
}

static void idt_build(void)
{
	for (unsigned int v = 0; v < 256; v++)
		set_gate(v, GATE_INTR, 0);
	set_gate(X86_TRAP_BP, GATE_INTR_USER, 0);
	set_gate(X86_TRAP_NMI, GATE_INTR, 1);
	set_gate(X86_TRAP_DF, GATE_INTR, 2);
}

void __init cpu_init_tables(unsigned int cpu)
{
	u64 *g = *per_cpu_ptr(&gdt, cpu);
	struct tss *t = per_cpu_ptr(&cpu_tss, cpu);
	unsigned long tb = (unsigned long)t;
	struct desc_ptr gp = { .limit = sizeof(u64) * GDT_ENTRIES - 1, .base = (u64)g };
	struct desc_ptr ip = { .limit = sizeof(idt) - 1, .base = (u64)idt };

	if (cpu == 0)
		idt_build();
	g[0] = 0;
	g[GDT_ENTRY_KERNEL32_CS] = 0x00cf9b000000ffffULL;
	g[GDT_ENTRY_KERNEL_CS] = 0x00af9b000000ffffULL;
	g[GDT_ENTRY_KERNEL_DS] = 0x00cf93000000ffffULL;
	g[GDT_ENTRY_USER32_CS] = 0x00cffb000000ffffULL;
	g[GDT_ENTRY_USER_DS] = 0x00cff3000000ffffULL;
	g[GDT_ENTRY_USER_CS] = 0x00affb000000ffffULL;
	g[7] = 0;
	memset(t, 0, sizeof(*t));
	t->ist[0] = (u64)&ist_stacks[cpu][0][IST_STACK_SIZE];
	t->ist[1] = (u64)&ist_stacks[cpu][1][IST_STACK_SIZE];
	t->iomap_base = sizeof(*t);
	g[GDT_ENTRY_TSS] = (sizeof(*t) - 1) | ((tb & 0xffffff) << 16) | (0x89ULL << 40) |
			   (((tb >> 24) & 0xff) << 56);
	g[GDT_ENTRY_TSS + 1] = tb >> 32;

	__asm__ __volatile__("lgdt %0" :: "m"(gp));
	__asm__ __volatile__(
		"pushq %0\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movl %1, %%eax\n\t"
		"movl %%eax, %%ss\n\t"
		"xorl %%eax, %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		:: "i"((u64)__KERNEL_CS), "i"(__KERNEL_DS) : "rax", "memory");
	__asm__ __volatile__("ltr %w0" :: "r"(GDT_TSS_SEL));
	__asm__ __volatile__("lidt %0" :: "m"(ip));
}

void tss_set_kernel_stack(unsigned long sp0)
{
	this_cpu_ptr(&cpu_tss)->sp0 = sp0;
	this_x86_cpu()->kernel_sp = sp0;
}

void set_vector_handler(unsigned int vector, irq_handler_fn fn)
{
	WRITE_ONCE(vector_handlers[vector], fn);
}

/* ---- reporting ------------------------------------------------------------------------- */

static void show_trace_regs(const struct pt_regs *regs);

void show_regs(const struct pt_regs *regs)
{
	printk(KERN_EMERG "CPU: %u PID: 0 Comm: starling\n", raw_smp_processor_id());
	printk(KERN_EMERG "RIP: %04lx:%pS\n", regs->cs, (void *)regs->ip);
	printk(KERN_EMERG "RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss, regs->sp, regs->flags);
	printk(KERN_EMERG "RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->ax, regs->bx, regs->cx);
	printk(KERN_EMERG "RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->dx, regs->si, regs->di);
	printk(KERN_EMERG "RBP: %016lx R08: %016lx R09: %016lx\n", regs->bp, regs->r8, regs->r9);
	printk(KERN_EMERG "R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11, regs->r12);
	printk(KERN_EMERG "R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14, regs->r15);
	printk(KERN_EMERG "CR2: %016lx CR3: %016lx CR4: %016lx\n", read_cr2(), read_cr3(),
	       read_cr4());
	if (!user_mode(regs))
		show_trace_regs(regs);
}

static bool kernel_stack_addr(unsigned long a)
{
	return a >= PAGE_OFFSET && !(a & 7);
}

static void walk_frames(unsigned long fp);

/*
 * The trace of a trapped context. A function that had not set up its frame yet (or never
 * does: leaf code after shrink-wrapping) still has its return address near the top of the
 * stack, below the frame %rbp points at (which is still its caller's); like Linux, print the
 * text addresses found there as unverified entries, with "? ".
 */
static void show_trace_regs(const struct pt_regs *regs)
{
	unsigned long sp = regs->sp, end = sp + 2 * sizeof(long);

	printk(KERN_EMERG "Call Trace:\n");
	printk(KERN_EMERG " <TASK>\n");
	printk(KERN_EMERG " %pS\n", (void *)regs->ip);
	if (regs->bp > sp && regs->bp - sp <= 64 * sizeof(long))
		end = regs->bp;
	for (; kernel_stack_addr(sp) && sp < end; sp += sizeof(long)) {
		unsigned long word = *(unsigned long *)sp;

		if (is_kernel_text(word))
			printk(KERN_EMERG " ? %pS\n", (void *)word);
	}
	walk_frames(regs->bp);
}

void arch_show_stack(unsigned long ip, unsigned long fp)
{
	printk(KERN_EMERG "Call Trace:\n");
	printk(KERN_EMERG " <TASK>\n");
	printk(KERN_EMERG " %pS\n", (void *)ip);
	walk_frames(fp);
}

static void walk_frames(unsigned long fp)
{
	for (int depth = 0; depth < 32 && kernel_stack_addr(fp); depth++) {
		unsigned long ret = ((unsigned long *)fp)[1];
		unsigned long next = ((unsigned long *)fp)[0];

		if (!is_kernel_text(ret))
			break;
		printk(KERN_EMERG " %pS\n", (void *)ret);
		if (next <= fp)
			break;
		fp = next;
	}
	printk(KERN_EMERG " </TASK>\n");
}

void noinline dump_stack(void)
{
	unsigned long *fp = __builtin_frame_address(0);

	arch_show_stack(fp[1], fp[0]);	/* start at our caller */
}

static void __noreturn __noprobe die(struct pt_regs *regs, unsigned long vector,
				      unsigned long cr2, const char *what)
{
	if (vector == X86_TRAP_PF)
		printk(KERN_EMERG "BUG: unable to handle page fault for address: %016lx\n",
		       cr2);
	printk(KERN_EMERG "%s: %04lx [#1] SMP\n", what, regs->orig_ax);
	show_regs(regs);
	panic("Fatal exception");
}

/* ---- dispatch -------------------------------------------------------------------------- */

/*
 * Linux's line for an unhandled user page fault (show_unhandled_signals, on by default): not
 * printed when the program catches SIGSEGV itself.
 */
static void show_user_fault(struct pt_regs *regs, unsigned long addr, unsigned long err)
{
	if (!IS_ENABLED(CONFIG_USERSPACE) || !unhandled_signal(current, SIGSEGV))
		return;
	printk(KERN_INFO "%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx\n",
	       current->comm, current->pid, addr, regs->ip, regs->sp, err);
}

/*
 * @cr2 is the page-fault address, read by do_trap() while IRQs were still off: once they are
 * on, this task can be preempted, and another task's fault on this CPU overwrites CR2.
 */
static void __noprobe do_exception(struct pt_regs *regs, unsigned long vector,
				   unsigned long cr2)
{
	const char *name = vector < 32 && exception_names[vector] ? exception_names[vector] :
			   "unknown exception";

	if (vector != X86_TRAP_BP && vector != X86_TRAP_DB && !user_mode(regs))
		kprobe_fault_handler(regs);	/* at the probed address, not its copy */
	switch (vector) {
	case X86_TRAP_BP:
		if (IS_ENABLED(CONFIG_KPROBES) && !user_mode(regs) &&
		    kprobe_breakpoint_handler(regs))
			return;
		if (user_mode(regs)) {
			force_sig_fault(SIGTRAP, 0x80 /* SI_KERNEL */, 0);
			return;
		}
		break;
	case X86_TRAP_DB:
		if (IS_ENABLED(CONFIG_KPROBES) && !user_mode(regs) &&
		    kprobe_single_step_handler(regs))
			return;
		break;
	case X86_TRAP_PF: {
		unsigned long addr = cr2;
		unsigned long err = regs->orig_ax;
		int ret = -EFAULT;

		if (IS_ENABLED(CONFIG_USERSPACE) && (err & 4 || addr < TASK_SIZE)) {
			ret = handle_page_fault(regs, addr, err & 2, err & 16, err & 4);
			if (!ret)
				return;
		}
		if (!user_mode(regs) && fixup_exception(regs))
			return;
		if (user_mode(regs)) {
			int code, sig = page_fault_signal(ret, &code);

			if (sig == SIGSEGV)
				show_user_fault(regs, addr, err);
			force_sig_fault(sig, code, addr);
			return;
		}
		break;
	}
	default:
		if (!user_mode(regs) && fixup_exception(regs))
			return;
		if (user_mode(regs)) {
			int sig = vector == 0 ? SIGFPE : vector == 6 ? SIGILL :
				  vector == 17 ? SIGBUS : SIGSEGV;

			force_sig_fault(sig, 0x80, 0);
			return;
		}
		break;
	}
	die(regs, vector, cr2, name);
}

void __noprobe do_trap(struct pt_regs *regs, unsigned long vector)
{
	if (vector < FIRST_EXTERNAL_VECTOR) {
		unsigned long cr2 = vector == X86_TRAP_PF ? read_cr2() : 0;

		if (user_mode(regs))
			arch_local_irq_enable();
		do_exception(regs, vector, cr2);
		arch_local_irq_disable();
		return;
	}
	preempt_count_add(HARDIRQ_OFFSET);
	if (vector_handlers[vector])
		vector_handlers[vector](regs, vector);
	else if (vector != SPURIOUS_APIC_VECTOR)
		printk(KERN_WARNING "unexpected interrupt vector %#lx\n", vector);
	preempt_count_sub(HARDIRQ_OFFSET);
	/* Kernel preemption: the interrupted kernel code was preemptible and a switch is due. */
	if (!user_mode(regs) && (regs->flags & X86_EFLAGS_IF) && preempt_count() == 0 &&
	    need_resched())
		preempt_schedule_irq();
}

void __noprobe prepare_exit_to_user(struct pt_regs *regs)
{
	exit_to_user_mode(regs);
}
