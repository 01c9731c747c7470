// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel profiler: with "profile=N" (or "profile=schedule,N", whose scheduling mode is
 * not supported and falls back to timer sampling) on the command line, every local timer
 * interrupt that arrives in kernel mode adds one to the counter of the 2^N-byte slot of
 * kernel text that holds the interrupted instruction. /proc/profile has Linux's layout:
 * a native unsigned int holding the slot size (2^N), then one unsigned int counter per slot
 * from _stext up to _etext (an unaligned tail, and anything outside, counts in the last);
 * readprofile(8) reads it with System.map, and any write clears the counters. Without
 * profile= there is no /proc/profile, as on Linux, and the tick costs one load.
 *
 * Idle time is counted too (as the idle loop's halt), like Linux's CPU profiling.
 */
#include <starling/profile.h>
#include <starling/atomic.h>
#include <starling/errno.h>
#include <starling/fs.h>
#include <starling/init.h>
#include <starling/kernel.h>
#include <starling/printk.h>
#include <starling/string.h>
#include <starling/vmalloc.h>
#include <asm/ptrace.h>

extern const char _stext[], _etext[];

int prof_on;
static unsigned int prof_shift;
static unsigned long prof_len;		/* counters after the header word */
static atomic_t *prof_buffer;		/* [0] = slot size, then prof_len counters */

/* profile=[schedule,]N: N is the log2 of the slot size in bytes (Linux's prof_shift). */
static int __init profile_setup(const char *val)
{
	unsigned int shift = 0;

	if (!strncmp(val, "schedule", 8)) {
		val += 8;
		if (*val == ',')
			val++;
		pr_warn("kernel profiling: schedule profiling is not supported, sampling the timer\n");
	} else if (!strcmp(val, "sleep") || !strcmp(val, "kvm")) {
		pr_warn("kernel profiling: %s profiling is not supported\n", val);
		return 0;
	}
	if (*val && kstrtouint(val, 0, &shift))
		return -1;
	if (shift > sizeof(long) * 8 - 1)
		shift = sizeof(long) * 8 - 1;
	prof_shift = shift;
	prof_on = -1;		/* requested; profile_init() allocates */
	return 0;
}
__setup("profile", profile_setup);

static int __init profile_init(void)
{
	unsigned long text = (unsigned long)(_etext - _stext);

	if (!prof_on)
		return 0;
	prof_len = text >> prof_shift;
	if (!prof_len) {
		pr_warn("kernel profiling: shift %u too large\n", prof_shift);
		prof_on = 0;
		return -EINVAL;
	}
	prof_buffer = vzalloc((prof_len + 1) * sizeof(atomic_t));
	if (!prof_buffer) {
		pr_warn("kernel profiling: no memory for %lu counters\n", prof_len);
		prof_on = 0;
		return -ENOMEM;
	}
	atomic_set(&prof_buffer[0], 1 << prof_shift);
	/* The counters must be visible before a timer interrupt can see prof_on set. */
	__atomic_store_n(&prof_on, 1, __ATOMIC_RELEASE);
	pr_info("kernel profiling enabled (shift: %u)\n", prof_shift);
	return 0;
}
core_initcall(profile_init);

/**
 * profile_tick() - count one timer interrupt's sample
 * @regs: the interrupted context; user-mode samples are not counted
 */
void profile_tick(struct pt_regs *regs)
{
	unsigned long pc, slot;

	if (__atomic_load_n(&prof_on, __ATOMIC_ACQUIRE) <= 0 || user_mode(regs))
		return;
	pc = instruction_pointer(regs) - (unsigned long)_stext;
	slot = pc >> prof_shift;
	if (slot >= prof_len)		/* outside .text, or its unaligned tail: the last slot */
		slot = prof_len - 1;
	atomic_inc(&prof_buffer[1 + slot]);
}

bool profile_enabled(void)
{
	return __atomic_load_n(&prof_on, __ATOMIC_ACQUIRE) > 0;
}

static ssize_t read_profile(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	if (prof_on <= 0)
		return 0;
	return simple_read_from_buffer(buf, count, ppos, prof_buffer,
				       (prof_len + 1) * sizeof(atomic_t));
}

/* Any write clears the counters (Linux's reset); the slot size word stays. */
static ssize_t write_profile(struct file *file, const char __user *buf, size_t count,
			     loff_t *ppos)
{
	unsigned long i;

	if (prof_on <= 0)
		return count;
	for (i = 1; i <= prof_len; i++)
		atomic_set(&prof_buffer[i], 0);
	return count;
}

const struct file_operations proc_profile_operations = {
	.read = read_profile,
	.write = write_profile,
	.llseek = default_llseek,
};
