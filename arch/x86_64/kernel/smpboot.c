// SPDX-License-Identifier: GPL-2.0-only
/*
 * Bringing up the other CPUs on x86_64. For each processor the MADT lists, the boot CPU
 * fills the trampoline's parameters (boot page tables, stack, entry, logical CPU number),
 * sends INIT and two STARTUP IPIs, and waits for the CPU to mark itself online. The AP then
 * loads the kernel's page tables, its per-CPU base, descriptor tables and LAPIC, starts its
 * timer tick and becomes that CPU's idle task.
 */
#include <starling/smp.h>
#include <starling/percpu.h>
#include <starling/printk.h>
#include <starling/string.h>
#include <starling/boot.h>
#include <starling/init.h>
#include <starling/mm.h>
#include <starling/sched.h>
#include <asm/apic.h>
#include <asm/acpi.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/switch_to.h>
#include <asm/timex.h>
#include <asm/x86.h>

#define TRAMPOLINE_BASE	0x8000

extern const char trampoline_start[], trampoline_end[];
extern u64 tr_cr3, tr_entry, tr_stack;
extern u32 tr_cpu;
extern char boot_pml4[], secondary_startup_64[];
u64 secondary_cr3;	/* page tables the APs switch to */

unsigned int nr_cpu_ids = 1;
unsigned long cpu_online_mask = 1;

static void *trampoline_var(const void *sym)
{
	return __va(TRAMPOLINE_BASE + ((const char *)sym - trampoline_start));
}

void __noreturn start_secondary(unsigned int cpu);
void __noreturn start_secondary(unsigned int cpu)
{
	cpu_init_percpu(cpu);
	cpu_init_tables(cpu);
	lapic_setup_this_cpu();
	lapic_timer_setup_this_cpu();
	__atomic_or_fetch(&cpu_online_mask, 1UL << cpu, __ATOMIC_RELEASE);
	sched_init_secondary(cpu);	/* becomes this CPU's idle task */
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

static bool boot_cpu(unsigned int cpu, unsigned int apic_id)
{
	unsigned long stack = __get_free_pages(GFP_KERNEL, THREAD_SIZE_ORDER);

	if (!stack)
		return false;
	*(u64 *)trampoline_var(&tr_cr3) = __pa(boot_pml4);
	*(u64 *)trampoline_var(&tr_entry) = (u64)secondary_startup_64;
	*(u64 *)trampoline_var(&tr_stack) = stack + THREAD_SIZE;
	*(u32 *)trampoline_var(&tr_cpu) = cpu;
	cpu_apic_id[cpu] = apic_id;
	__asm__ __volatile__("mfence" ::: "memory");

	lapic_send_ipi(apic_id, APIC_ICR_INIT | APIC_ICR_LEVEL_ASSERT);
	udelay(10000);
	for (int i = 0; i < 2; i++) {
		lapic_send_ipi(apic_id, APIC_ICR_STARTUP | (TRAMPOLINE_BASE >> 12));
		udelay(200);
	}
	for (int ms = 0; ms < 2000; ms++) {
		if (cpu_online(cpu))
			return true;
		udelay(1000);
	}
	free_pages(stack, THREAD_SIZE_ORDER);
	return false;
}

/* The processors the MADT lists, usable or not (the boot self-test compares). */
unsigned int arch_boot_cpus(void)
{
	return acpi.nr_cpus;
}

void __init smp_init(void)
{
	unsigned int cpu = 1, me = cpu_apic_id[0];

	nr_cpu_ids = acpi.nr_cpus ? min_t(unsigned int, acpi.nr_cpus, NR_CPUS) : 1;
	secondary_cr3 = read_cr3();
	memcpy(__va(TRAMPOLINE_BASE), trampoline_start, trampoline_end - trampoline_start);
	for (unsigned int i = 0; i < acpi.nr_cpus && cpu < nr_cpu_ids; i++) {
		if (acpi.lapic_ids[i] == me)
			continue;
		if (!boot_cpu(cpu, acpi.lapic_ids[i])) {
			pr_err("smpboot: CPU %u (APIC %u) did not start\n", cpu, acpi.lapic_ids[i]);
			continue;
		}
		cpu++;
	}
	nr_cpu_ids = cpu;
	printk(KERN_INFO "smp: Brought up 1 node, %u CPU%s\n", num_online_cpus(),
	       num_online_cpus() > 1 ? "s" : "");
}
