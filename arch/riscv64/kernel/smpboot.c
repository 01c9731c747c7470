// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 SMP bring-up: OpenSBI enters the kernel on one hart and keeps the others stopped;
 * each is started with SBI HSM hart_start at secondary_start (head.S) with its logical CPU
 * number, given a stack here, and waited for. Secondary harts start their tick and then
 * idle, taking timer interrupts and IPIs (SBI IPI raises the supervisor software
 * interrupt). In this phase they run no tasks: the scheduler is not linked yet.
 */
#include <starling/compiler.h>
#include <asm/early.h>
#include <asm/sbi.h>
#include <asm/csr.h>
#include <asm/page.h>

struct riscv_cpu riscv_cpus[RISCV_MAX_CPUS];
unsigned long secondary_stack_top[RISCV_MAX_CPUS];	/* read by head.S */
static uint8_t secondary_stacks[RISCV_MAX_CPUS][THREAD_SIZE] __aligned(THREAD_SIZE);
static bool stop_requested;				/* set once, by a panicking hart */
static unsigned int nr_online = 1;			/* harts that reached the kernel */

static void idle_loop(void)
{
	for (;;) {
		__asm__ __volatile__("wfi");
		csr_set(sstatus, SR_SIE);	/* take what woke us, then idle again */
		csr_clear(sstatus, SR_SIE);
	}
}

/* A hart, at its link address with its own stack, tp not yet set. */
void __noreturn secondary_start_kernel(unsigned long hartid, unsigned int cpu)
{
	struct riscv_cpu *c = &riscv_cpus[cpu];

	__asm__ __volatile__("mv tp, %0" :: "r"(c));
	trap_init();
	csr_set(sie, IE_SSIE);
	time_init();
	WRITE_ONCE(c->online, true);
	__atomic_fetch_add(&nr_online, 1, __ATOMIC_RELEASE);
	idle_loop();
	for (;;)
		;
}

/* Supervisor software interrupt: an IPI. */
void __noprobe riscv_ipi_interrupt(void)
{
	struct riscv_cpu *c = this_riscv_cpu();

	csr_clear(sip, IE_SSIE);
	WRITE_ONCE(c->ipis, c->ipis + 1);
	if (READ_ONCE(stop_requested)) {
		csr_clear(sie, IE_SSIE | IE_STIE | IE_SEIE);
		WRITE_ONCE(c->online, false);
		for (;;)
			__asm__ __volatile__("wfi");
	}
}

/* Start every other hart the device tree lists; wait up to a second for each. */
void smp_boot_cpus(void)
{
	unsigned long start_pa = __pa(secondary_start);
	unsigned int cpu, up = 1;

	early_printk("smp: Bringing up secondary CPUs ...\n");
	for (cpu = 1; cpu < boot_info.nr_cpus; cpu++) {
		struct riscv_cpu *c = &riscv_cpus[cpu];
		unsigned long deadline;
		int ret;

		c->cpu = cpu;
		c->hartid = boot_info.hartid[cpu];
		secondary_stack_top[cpu] = (unsigned long)secondary_stacks[cpu] + THREAD_SIZE;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		ret = sbi_hart_start(c->hartid, start_pa, cpu);
		if (ret) {
			early_printk("CPU%u: failed to start hart %lu: %d\n", cpu, c->hartid, ret);
			continue;
		}
		deadline = get_cycles() + boot_info.timebase;
		while (!READ_ONCE(c->online) && get_cycles() < deadline)
			;
		if (!READ_ONCE(c->online)) {
			early_printk("CPU%u: hart %lu did not come online\n", cpu, c->hartid);
			continue;
		}
		up++;
	}
	early_printk("smp: Brought up 1 node, %u CPU%s\n", up, up > 1 ? "s" : "");
}

/* Send an IPI to one CPU. */
int smp_send_ipi(unsigned int cpu)
{
	return sbi_send_ipi(1, riscv_cpus[cpu].hartid);
}

/* Halt every other hart (they leave their interrupt handler for a wfi loop). No waiting. */
void smp_stop_other_cpus(void)
{
	struct riscv_cpu *self = this_riscv_cpu();

	WRITE_ONCE(stop_requested, true);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	for (unsigned int cpu = 0; cpu < boot_info.nr_cpus; cpu++) {
		if (cpu != self->cpu && READ_ONCE(riscv_cpus[cpu].online))
			smp_send_ipi(cpu);
	}
}
