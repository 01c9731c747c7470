// SPDX-License-Identifier: GPL-2.0-only
/*
 * Interrupt controllers on x86_64: the local APIC of each CPU (timer tick, IPIs, EOI) and the
 * IOAPIC that routes ISA device interrupts. The legacy 8259 PICs are masked.
 *
 * Vectors: 0x20 + ISA IRQ for devices, LOCAL_TIMER_VECTOR for the tick, CALL_FUNCTION_VECTOR,
 * RESCHEDULE_VECTOR and STOP_VECTOR for IPIs, IRQ_WORK_VECTOR for the irq_work self-IPI,
 * SPURIOUS_APIC_VECTOR. Device interrupts are delivered to CPU 0.
 */
#include <starling/interrupt.h>
#include <starling/irq_work.h>
#include <starling/errno.h>
#include <starling/printk.h>
#include <starling/profile.h>
#include <starling/percpu.h>
#include <starling/entry.h>
#include <starling/boot.h>
#include <starling/smp.h>
#include <starling/smp_arch.h>
#include <starling/reboot.h>
#include <asm/pgtable.h>
#include <starling/init.h>
#include <asm/apic.h>
#include <asm/acpi.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/timex.h>
#include <asm/x86.h>

#define NR_ISA_IRQS	16

static volatile u32 *lapic_base;	/* set once by the boot CPU */
static volatile u32 *ioapic_base;
static u32 lapic_timer_ticks;		/* initial count for one tick at divide-by-16 */
unsigned int cpu_apic_id[NR_CPUS];

static struct {
	irq_handler_t	handler;
	void		*dev;
	const char	*name;
} isa_irqs[NR_ISA_IRQS];			/* written before the line is unmasked */
static DEFINE_PER_CPU(unsigned long, isa_irq_count[NR_ISA_IRQS]);

u32 __noprobe lapic_read(u32 reg)
{
	return lapic_base[reg / 4];
}

void __noprobe lapic_write(u32 reg, u32 v)
{
	lapic_base[reg / 4] = v;
}

void __noprobe lapic_eoi(void)
{
	lapic_write(APIC_EOI, 0);
}

unsigned int lapic_id(void)
{
	return lapic_read(APIC_ID) >> 24;
}

void lapic_send_ipi(unsigned int apic_id, u32 icr_low)
{
	unsigned long flags = arch_local_irq_save();

	while (lapic_read(APIC_ICR_LOW) & APIC_ICR_BUSY)
		cpu_relax();
	lapic_write(APIC_ICR_HIGH, apic_id << 24);
	lapic_write(APIC_ICR_LOW, icr_low);
	arch_local_irq_restore(flags);
}

static u32 ioapic_read(u32 reg)
{
	ioapic_base[0] = reg;
	return ioapic_base[4];
}

static void ioapic_write(u32 reg, u32 v)
{
	ioapic_base[0] = reg;
	ioapic_base[4] = v;
}

static void ioapic_route(u32 gsi, u8 vector, u16 iso_flags, unsigned int dest_apic)
{
	u32 lo = vector;

	if ((iso_flags & 3) == 3)
		lo |= 1u << 13;		/* active low */
	if (((iso_flags >> 2) & 3) == 3)
		lo |= 1u << 15;		/* level triggered */
	ioapic_write(0x10 + 2 * gsi + 1, dest_apic << 24);
	ioapic_write(0x10 + 2 * gsi, lo);
}

static void isa_irq_interrupt(struct pt_regs *regs, unsigned int vector)
{
	unsigned int irq = vector - IRQ_VECTOR_BASE;

	(*this_cpu_ptr(&isa_irq_count))[irq]++;
	if (isa_irqs[irq].handler)
		isa_irqs[irq].handler(irq, isa_irqs[irq].dev);
	lapic_eoi();
}

int request_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev)
{
	u16 flags;
	u32 gsi;

	if (irq >= NR_ISA_IRQS || !ioapic_base)
		return -EINVAL;
	isa_irqs[irq].handler = handler;
	isa_irqs[irq].dev = dev;
	isa_irqs[irq].name = name;
	set_vector_handler(IRQ_VECTOR_BASE + irq, isa_irq_interrupt);
	gsi = acpi_isa_irq_to_gsi(irq, &flags);
	ioapic_route(gsi - acpi.ioapic_gsi_base, IRQ_VECTOR_BASE + irq, flags, cpu_apic_id[0]);
	return 0;
}

unsigned long irq_count(unsigned int irq, unsigned int cpu)
{
	return irq < NR_ISA_IRQS ? (*per_cpu_ptr(&isa_irq_count, cpu))[irq] : 0;
}

const char *irq_name(unsigned int irq)
{
	return irq < NR_ISA_IRQS ? isa_irqs[irq].name : NULL;
}

/* ---- IPIs ------------------------------------------------------------------------------ */

static void call_function_interrupt(struct pt_regs *regs, unsigned int vector)
{
	lapic_eoi();
	generic_smp_call_function_interrupt();
}

static void reschedule_interrupt(struct pt_regs *regs, unsigned int vector)
{
	lapic_eoi();
	scheduler_ipi();
}

static void irq_work_interrupt(struct pt_regs *regs, unsigned int vector)
{
	lapic_eoi();
	irq_work_run();
}

/*
 * The irq_work self-IPI. Any context, probe handlers included: only ICR_LOW is written (the
 * shorthand ignores ICR_HIGH), so interrupting lapic_send_ipi() between its two writes does
 * not redirect that IPI. With IRQs off the interrupt waits until they are back on.
 */
void __noprobe arch_irq_work_raise(void)
{
	if (!lapic_base)
		return;		/* before the APIC is up: the tick runs the work */
	while (lapic_read(APIC_ICR_LOW) & APIC_ICR_BUSY)
		cpu_relax();
	lapic_write(APIC_ICR_LOW, APIC_DEST_SELF | IRQ_WORK_VECTOR);
}

static void stop_interrupt(struct pt_regs *regs, unsigned int vector)
{
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

void arch_send_call_function_ipi(unsigned long cpu_mask)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		if (cpu_mask & (1UL << cpu))
			lapic_send_ipi(cpu_apic_id[cpu], CALL_FUNCTION_VECTOR);
}

void arch_send_reschedule(unsigned int cpu)
{
	lapic_send_ipi(cpu_apic_id[cpu], RESCHEDULE_VECTOR);
}

void arch_stop_other_cpus(void)
{
	unsigned int cpu, me = raw_smp_processor_id();

	if (!lapic_base)
		return;
	for_each_online_cpu(cpu)
		if (cpu != me)
			lapic_send_ipi(cpu_apic_id[cpu], STOP_VECTOR);
}

/* ---- timer ----------------------------------------------------------------------------- */

static void local_timer_interrupt(struct pt_regs *regs, unsigned int vector)
{
	lapic_eoi();
	profile_tick(regs);
	scheduler_tick(user_mode(regs));
}

void lapic_timer_setup_this_cpu(void)
{
	lapic_write(APIC_TIMER_DIV, 0x3);		/* divide by 16 */
	lapic_write(APIC_LVT_TIMER, LOCAL_TIMER_VECTOR | APIC_TIMER_PERIODIC);
	lapic_write(APIC_TIMER_INIT, lapic_timer_ticks);
}

void __init lapic_timer_init(void)
{
	u32 elapsed;

	lapic_write(APIC_TIMER_DIV, 0x3);
	lapic_write(APIC_LVT_TIMER, APIC_LVT_MASKED);
	lapic_write(APIC_TIMER_INIT, 0xffffffff);
	udelay(10000);
	elapsed = 0xffffffff - lapic_read(APIC_TIMER_CUR);
	lapic_write(APIC_TIMER_INIT, 0);
	lapic_timer_ticks = elapsed * 100 / HZ;
	printk(KERN_INFO "APIC: timer %u kHz (divide by 16), tick %u Hz\n", elapsed / 10, HZ);
	set_vector_handler(LOCAL_TIMER_VECTOR, local_timer_interrupt);
	lapic_timer_setup_this_cpu();
}

/* ---- setup ----------------------------------------------------------------------------- */

void lapic_setup_this_cpu(void)
{
	lapic_write(APIC_TPR, 0);
	lapic_write(APIC_LVT_LINT0, APIC_LVT_MASKED);
	lapic_write(APIC_LVT_LINT1, 0x400);		/* NMI */
	lapic_write(APIC_LVT_ERROR, APIC_LVT_MASKED);
	lapic_write(APIC_SVR, 0x100 | SPURIOUS_APIC_VECTOR);	/* enable */
	lapic_write(APIC_ESR, 0);
	lapic_eoi();
}

void __init arch_irq_init(void)
{
	u64 base = acpi.lapic_addr ? acpi.lapic_addr : 0xfee00000;

	outb(0xff, 0x21);		/* mask both 8259s */
	outb(0xff, 0xa1);
	wrmsr(MSR_APIC_BASE, rdmsr(MSR_APIC_BASE) | (1UL << 11));
	lapic_base = ioremap(base, 4096);
	lapic_setup_this_cpu();
	cpu_apic_id[0] = lapic_id();
	if (acpi.ioapic_addr) {
		ioapic_base = ioremap(acpi.ioapic_addr, 4096);
		for (u32 i = 0, n = ((ioapic_read(1) >> 16) & 0xff) + 1; i < n; i++)
			ioapic_write(0x10 + 2 * i, 1u << 16);	/* masked */
	}
	set_vector_handler(CALL_FUNCTION_VECTOR, call_function_interrupt);
	set_vector_handler(RESCHEDULE_VECTOR, reschedule_interrupt);
	set_vector_handler(STOP_VECTOR, stop_interrupt);
	set_vector_handler(IRQ_WORK_VECTOR, irq_work_interrupt);
	printk(KERN_INFO "APIC: local APIC %u at %#llx, IOAPIC at %#llx\n", cpu_apic_id[0],
	       (unsigned long long)base, (unsigned long long)acpi.ioapic_addr);
}
