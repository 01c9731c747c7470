// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 time: the "time" CSR counts at the device tree's timebase-frequency (10 MHz on
 * QEMU virt) on every hart and is the counter behind every kernel clock (<starling/time.h>,
 * kernel/time/clock.c).
 * Each hart programs its own next timer interrupt through SBI TIME, every 1/HZ second;
 * the interrupt feeds the profiler and the scheduler's tick (CPU 0's advances jiffies).
 * CLOCK_REALTIME starts from QEMU virt's goldfish RTC, which reads as nanoseconds since
 * the epoch (TIME_LOW first: reading it latches TIME_HIGH).
 */
#include <starling/boot.h>
#include <starling/entry.h>
#include <starling/jiffies.h>
#include <starling/printk.h>
#include <starling/profile.h>
#include <starling/time.h>
#include <asm/early.h>
#include <asm/pgtable.h>
#include <asm/sbi.h>
#include <asm/csr.h>
#include <asm/timex.h>

#define GOLDFISH_TIME_LOW	0x00
#define GOLDFISH_TIME_HIGH	0x04

/* Written once by the boot hart in time_init(), before any reader runs. */
static unsigned long cycles_per_tick;

static void program_next_tick(void)
{
	sbi_set_timer(get_cycles() + cycles_per_tick);
}

/* The timer interrupt (hardirq): ask for the next one, which clears this one, then tick. */
void __noprobe riscv_timer_interrupt(struct pt_regs *regs)
{
	struct riscv_cpu *c = this_riscv_cpu();

	WRITE_ONCE(c->ticks, c->ticks + 1);
	program_next_tick();
	profile_tick(regs);
	scheduler_tick(user_mode(regs));
}

/* Start this hart's tick (each secondary hart; the boot hart's comes from time_init()). */
void riscv_timer_setup_this_cpu(void)
{
	program_next_tick();
	csr_set(sie, IE_STIE);
}

static u64 __init rtc_read_ns(void)
{
	volatile u32 *rtc;
	u64 lo, hi;

	if (!boot_info.rtc_pa)
		return 0;
	rtc = ioremap(boot_info.rtc_pa, PAGE_SIZE);
	if (!rtc)
		return 0;
	lo = rtc[GOLDFISH_TIME_LOW / 4];
	hi = rtc[GOLDFISH_TIME_HIGH / 4];
	iounmap(rtc);
	return hi << 32 | lo;
}

/**
 * time_init() - the clocks, the wall clock, and the boot hart's tick
 */
void __init time_init(void)
{
	if (!boot_info.timebase)
		panic("riscv: no timebase-frequency in the device tree");
	cycles_per_tick = boot_info.timebase / HZ;
	clock_start((NSEC_PER_SEC << 32) / boot_info.timebase, rtc_read_ns);
	pr_info("clocksource: riscv_clocksource: timebase %lu Hz, tick every %lu cycles (HZ=%d)\n",
		boot_info.timebase, cycles_per_tick, HZ);
	riscv_timer_setup_this_cpu();
}
