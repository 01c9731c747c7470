// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 time: the "time" CSR counts at the device tree's timebase-frequency (10 MHz on
 * QEMU virt); each hart programs its own next timer interrupt through SBI TIME, every
 * 1/HZ second. The generic jiffies and timer code are not linked in this phase, so a tick
 * is counted per hart and nothing more.
 */
#include <starling/jiffies.h>
#include <asm/early.h>
#include <asm/sbi.h>
#include <asm/csr.h>

static unsigned long cycles_per_tick;	/* set once by the boot hart */

static void program_next_tick(void)
{
	sbi_set_timer(get_cycles() + cycles_per_tick);
}

/* The timer interrupt: count, and ask for the next one (which clears this one). */
void __noprobe riscv_timer_interrupt(void)
{
	struct riscv_cpu *c = this_riscv_cpu();

	WRITE_ONCE(c->ticks, c->ticks + 1);
	program_next_tick();
}

/* Start this hart's tick: called by each hart, the boot hart first. */
void time_init(void)
{
	if (!cycles_per_tick) {
		if (!boot_info.timebase)
			early_panic("riscv: no timebase-frequency in the device tree");
		cycles_per_tick = boot_info.timebase / HZ;
		early_printk("clocksource: riscv_clocksource: timebase %lu Hz, tick every %lu cycles (HZ=%d)\n",
			     boot_info.timebase, cycles_per_tick, HZ);
	}
	program_next_tick();
	csr_set(sie, IE_STIE);
}
