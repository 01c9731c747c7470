// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 clocks. The TSC is the counter behind the kernel clocks (kernel/time/clock.c):
 * calibrated once at boot against the ACPI PM timer (3.579545 MHz, a fixed rate QEMU
 * emulates exactly), or against PIT channel 2 when there is no PM timer.
 * CLOCK_REALTIME starts from the CMOS RTC read at boot.
 */
#include <starling/time.h>
#include <starling/printk.h>
#include <starling/boot.h>
#include <starling/init.h>
#include <starling/trace_clock.h>
#include <asm/processor.h>
#include <asm/io.h>
#include <asm/acpi.h>
#include <asm/timex.h>

#define PMTMR_HZ		3579545ULL
#define CALIBRATE_MS		50

unsigned long tsc_khz;

/* trace_clock "x86-tsc" (<starling/trace_clock.h>): the raw TSC. */
u64 __noprobe arch_trace_clock(void)
{
	return rdtsc();
}

void udelay(unsigned long usecs)
{
	u64 end = rdtsc() + (u64)usecs * tsc_khz / 1000;

	while (rdtsc() < end)
		cpu_relax();
}

static u32 pmtmr_read(void)
{
	return inl(acpi.pm_tmr) & 0xffffff;	/* 24-bit counter on QEMU's PIIX4 */
}

static u64 calibrate_pmtmr(void)
{
	u64 ticks = PMTMR_HZ * CALIBRATE_MS / 1000, elapsed = 0;
	u32 last = pmtmr_read(), now;
	u64 t0 = rdtsc();

	while (elapsed < ticks) {
		now = pmtmr_read();
		elapsed += (now - last) & 0xffffff;
		last = now;
	}
	return (rdtsc() - t0) * PMTMR_HZ / elapsed / 1000;	/* kHz */
}

static u64 calibrate_pit(void)
{
	u16 count = 1193182 / (1000 / CALIBRATE_MS);	/* PIT ticks in CALIBRATE_MS */
	u64 t0, t1;

	outb((inb(0x61) & ~0x02) | 0x01, 0x61);		/* gate on, speaker off */
	outb(0xb0, 0x43);				/* channel 2, lobyte/hibyte, mode 0 */
	outb(count & 0xff, 0x42);
	outb(count >> 8, 0x42);
	t0 = rdtsc();
	while (!(inb(0x61) & 0x20))
		cpu_relax();
	t1 = rdtsc();
	return (t1 - t0) / CALIBRATE_MS;
}

static unsigned int cmos_read(u8 reg)
{
	outb(reg, 0x70);
	return inb(0x71);
}

static unsigned int bcd(unsigned int v, bool is_bcd)
{
	return is_bcd ? (v & 0x0f) + (v >> 4) * 10 : v;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static u64 days_from_civil(int y, unsigned int m, unsigned int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	unsigned int yoe = (unsigned int)(y - era * 400);
	unsigned int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (u64)(era * 146097 + (int)doe - 719468);
}

static u64 rtc_read_ns(void)
{
	unsigned int sec, min, hour, day, mon, year, regb;

	while (cmos_read(0x0a) & 0x80)		/* update in progress */
		cpu_relax();
	sec = cmos_read(0x00);
	min = cmos_read(0x02);
	hour = cmos_read(0x04);
	day = cmos_read(0x07);
	mon = cmos_read(0x08);
	year = cmos_read(0x09);
	regb = cmos_read(0x0b);
	sec = bcd(sec, !(regb & 4));
	min = bcd(min, !(regb & 4));
	hour = bcd(hour & 0x7f, !(regb & 4));
	day = bcd(day, !(regb & 4));
	mon = bcd(mon, !(regb & 4));
	year = bcd(year, !(regb & 4)) + 2000;
	return ((days_from_civil(year, mon, day) * 24 + hour) * 60 + min) * 60 * NSEC_PER_SEC +
	       sec * NSEC_PER_SEC;
}

void __init time_init(void)
{
	u64 khz = acpi.pm_tmr ? calibrate_pmtmr() : calibrate_pit();

	tsc_khz = khz;
	clock_start((NSEC_PER_MSEC << 32) / khz, rtc_read_ns);
	printk(KERN_INFO "tsc: Detected %lu.%03lu MHz processor (calibrated against %s)\n",
	       tsc_khz / 1000, tsc_khz % 1000, acpi.pm_tmr ? "PM timer" : "PIT");
	lapic_timer_init();
}
