// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel clocks (<starling/time.h>) over the arch's free-running counter, get_cycles()
 * from <asm/timex.h> (the TSC on x86_64, the time CSR on riscv64). The arch measures the
 * counter's rate and calls clock_start() once at boot; from then on nanoseconds are
 * (cycles - clock_base) * clock_mult >> 32, a 128-bit product, so that any context (NMI,
 * breakpoint handler) can read the time without locks. Every CPU's counter runs in step
 * (QEMU, invariant TSC, the riscv time CSR), so one clock serves them all.
 */
#include <starling/time.h>
#include <starling/init.h>
#include <asm/timex.h>

/* Written once by the boot CPU in clock_start(), before any reader runs. */
static u64 clock_base;		/* counter at clock_start(): the clocks start here */
static u64 clock_mult;		/* ns per cycle << 32; 0 until clock_start() */
static u64 boot_real_ns;	/* CLOCK_REALTIME at clock_base */

static inline u64 cycles_to_ns(u64 cycles)
{
	return (u64)(((unsigned __int128)cycles * clock_mult) >> 32);
}

u64 __noprobe ktime_get_ns(void)
{
	u64 t = get_cycles();

	if (unlikely(!clock_mult || t < clock_base))
		return 0;
	return cycles_to_ns(t - clock_base);
}

/* The same clock: the counters of all CPUs run in step. */
u64 local_clock(void) __attribute__((__alias__("ktime_get_ns")));

u64 ktime_get_raw_ns(void)
{
	return ktime_get_ns();
}

u64 ktime_get_boot_ns(void)
{
	return ktime_get_ns();
}

u64 ktime_get_real_ns(void)
{
	return boot_real_ns + ktime_get_ns();
}

void ktime_set_real_ns(u64 real_ns)
{
	boot_real_ns = real_ns - ktime_get_ns();
}

/**
 * clock_start() - start the kernel clocks at the counter's current value
 * @ns_mult: nanoseconds per counter cycle, shifted left by 32
 * @read_real_ns: reads the wall clock (nanoseconds since the epoch, 0 if there is none);
 *	called once the monotonic clock runs, and CLOCK_REALTIME starts from its value
 */
void __init clock_start(u64 ns_mult, u64 (*read_real_ns)(void))
{
	clock_base = get_cycles();
	clock_mult = ns_mult;
	boot_real_ns = read_real_ns();
}
