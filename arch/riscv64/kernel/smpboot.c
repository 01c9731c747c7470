// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 SMP: CPU numbering, IPIs and bring-up. OpenSBI enters the kernel on one hart and
 * keeps the others stopped; smp_init() starts each with SBI HSM hart_start at
 * secondary_start (head.S) with its logical CPU number and a kernel stack, and waits for it
 * to come online. The hart then takes the kernel's page table, starts its tick and becomes
 * that CPU's idle task.
 *
 * IPIs: SBI IPI raises the supervisor software interrupt (sip.SSIP) on the target; the
 * reason travels in the target's ipi_pending bits, set before the interrupt is sent and
 * taken all at once by the handler. A hart raises its own (irq_work) by setting sip.SSIP,
 * which S-mode may write.
 */
#include <starling/boot.h>
#include <starling/errno.h>
#include <starling/init.h>
#include <starling/irq_work.h>
#include <starling/mm.h>
#include <starling/percpu.h>
#include <starling/printk.h>
#include <starling/reboot.h>
#include <starling/sched.h>
#include <starling/smp.h>
#include <starling/smp_arch.h>
#include <asm/early.h>
#include <asm/sbi.h>
#include <asm/csr.h>

enum ipi_reason {
	IPI_CALL_FUNC,
	IPI_RESCHEDULE,
	IPI_IRQ_WORK,
	IPI_STOP,
};

struct riscv_cpu riscv_cpus[RISCV_MAX_CPUS];
unsigned long secondary_stack_top[RISCV_MAX_CPUS];	/* read by head.S */
unsigned int nr_cpu_ids = 1;
unsigned long cpu_online_mask = 1;

/* The harts the device tree lists with status "okay" (the boot self-test compares). */
unsigned int arch_boot_cpus(void)
{
	return boot_info.nr_cpus;
}

/**
 * other_harts_mask() - the SBI hart mask (base 0) of every online CPU but this one
 *
 * Hart ids above 63 would need more than one mask word; QEMU virt numbers Starling's
 * harts from 0, so none is left out.
 * Return: bit n set for hart n.
 */
unsigned long other_harts_mask(void)
{
	unsigned int cpu, me = raw_smp_processor_id();
	unsigned long mask = 0;

	for_each_online_cpu(cpu)
		if (cpu != me && riscv_cpus[cpu].hartid < 64)
			mask |= 1UL << riscv_cpus[cpu].hartid;
	return mask;
}

static void __noprobe send_ipi(unsigned int cpu, enum ipi_reason why)
{
	__atomic_fetch_or(&riscv_cpus[cpu].ipi_pending, 1UL << why, __ATOMIC_RELEASE);
	if (cpu == raw_smp_processor_id())
		csr_set(sip, IE_SSIE);
	else
		sbi_send_ipi(1, riscv_cpus[cpu].hartid);
}

/* The supervisor software interrupt (hardirq). */
void __noprobe riscv_ipi_interrupt(void)
{
	struct riscv_cpu *c = this_riscv_cpu();
	unsigned long pending;

	csr_clear(sip, IE_SSIE);
	pending = __atomic_exchange_n(&c->ipi_pending, 0, __ATOMIC_ACQUIRE);
	WRITE_ONCE(c->ipis, c->ipis + 1);
	if (pending & (1UL << IPI_STOP)) {
		csr_clear(sie, IE_SSIE | IE_STIE | IE_SEIE);
		__noreturn_halt();
	}
	if (pending & (1UL << IPI_CALL_FUNC))
		generic_smp_call_function_interrupt();
	if (pending & (1UL << IPI_RESCHEDULE))
		scheduler_ipi();
	if (pending & (1UL << IPI_IRQ_WORK))
		irq_work_run();
}

void arch_send_call_function_ipi(unsigned long cpu_mask)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		if (cpu_mask & (1UL << cpu))
			send_ipi(cpu, IPI_CALL_FUNC);
}

void arch_send_reschedule(unsigned int cpu)
{
	send_ipi(cpu, IPI_RESCHEDULE);
}

/* Any context, probe handlers included; with IRQs off the interrupt waits until they are on. */
void __noprobe arch_irq_work_raise(void)
{
	__atomic_fetch_or(&this_riscv_cpu()->ipi_pending, 1UL << IPI_IRQ_WORK, __ATOMIC_RELAXED);
	csr_set(sip, IE_SSIE);
}

/* Halt every other hart (they leave their interrupt handler for a wfi loop). No waiting. */
void arch_stop_other_cpus(void)
{
	unsigned int cpu, me = raw_smp_processor_id();

	for_each_online_cpu(cpu)
		if (cpu != me)
			send_ipi(cpu, IPI_STOP);
}

/* Claim @c's start from boot_cpu(); false if boot_cpu() gave up on it first. */
static bool claim_boot(struct riscv_cpu *c, int to)
{
	int expected = CPU_BOOT_WAITING;

	return __atomic_compare_exchange_n(&c->boot_state, &expected, to, false,
					   __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

/*
 * A hart, at its link address on its own stack, tp not yet set, IRQs off. One that comes
 * after boot_cpu() stopped waiting for it parks: the kernel counted it out.
 */
void __noreturn secondary_start_kernel(unsigned long hartid, unsigned int cpu)
{
	struct riscv_cpu *c = &riscv_cpus[cpu];

	if (!claim_boot(c, CPU_BOOT_STARTED)) {
		csr_write(sie, 0);
		for (;;)
			__asm__ __volatile__("wfi");
	}
	__asm__ __volatile__("mv tp, %0" :: "r"(c));
	trap_init();
	riscv_timer_setup_this_cpu();
	WRITE_ONCE(c->online, true);
	__atomic_or_fetch(&cpu_online_mask, 1UL << cpu, __ATOMIC_RELEASE);
	sched_init_secondary(cpu);	/* becomes this CPU's idle task */
	for (;;)
		;
}

/*
 * Start hart @hartid as logical CPU @cpu; wait up to a second for it to start (Linux's
 * limit), then for as long as it takes to come online once it has. A hart that has not
 * started by then is given up: if it starts later it parks (secondary_start_kernel()). Its
 * stack is never freed once the firmware accepted the start, because the hart may be
 * running on it.
 */
static int __init boot_cpu(unsigned int cpu, unsigned long hartid)
{
	struct riscv_cpu *c = &riscv_cpus[cpu];
	unsigned long stack = __get_free_pages(GFP_KERNEL, THREAD_SIZE_ORDER), deadline;
	int ret;

	if (!stack)
		return -ENOMEM;
	c->cpu = cpu;
	c->hartid = hartid;
	c->per_cpu_offset = __per_cpu_offset[cpu];
	c->boot_state = CPU_BOOT_WAITING;
	secondary_stack_top[cpu] = stack + THREAD_SIZE;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	ret = sbi_hart_start(hartid, __pa(secondary_start), cpu);
	if (ret) {
		pr_err("CPU%u: failed to start hart %lu: %d\n", cpu, hartid, ret);
		free_pages(stack, THREAD_SIZE_ORDER);
		return ret;
	}
	deadline = get_cycles() + boot_info.timebase;
	while (!cpu_online(cpu) && get_cycles() < deadline)
		cpu_relax();
	if (!cpu_online(cpu) && claim_boot(c, CPU_BOOT_ABANDONED)) {
		pr_err("CPU%u: hart %lu did not come online\n", cpu, hartid);
		return -ETIMEDOUT;
	}
	while (!cpu_online(cpu))	/* started in time: it is on its way */
		cpu_relax();
	return 0;
}

/**
 * smp_init() - start every other hart the device tree lists ("okay" ones)
 */
void __init smp_init(void)
{
	unsigned int cpu = 1;

	pr_info("smp: Bringing up secondary CPUs ...\n");
	nr_cpu_ids = min_t(unsigned int, boot_info.nr_cpus, NR_CPUS);
	for (unsigned int i = 1; i < boot_info.nr_cpus && cpu < nr_cpu_ids; i++) {
		int ret = boot_cpu(cpu, boot_info.hartid[i]);

		if (!ret) {
			cpu++;
		} else if (ret == -ETIMEDOUT) {
			/* It may still start and read riscv_cpus[cpu]: no other hart gets that. */
			pr_err("smp: no more harts started after one was given up\n");
			break;
		}
	}
	nr_cpu_ids = cpu;
	pr_info("smp: Brought up 1 node, %u CPU%s\n", num_online_cpus(),
		num_online_cpus() > 1 ? "s" : "");
}
