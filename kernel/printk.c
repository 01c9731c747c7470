// SPDX-License-Identifier: GPL-2.0-only
/*
 * printk: format a message, keep it in the kernel log, and print it on the console with
 * Linux's "[    5.123456] " prefix when its level is below console_loglevel.
 *
 * The log is a ring of fixed-size records (text cut at LOG_LINE_MAX), read by /dev/kmsg and
 * dmesg through printk_read_record(). A message may hold several lines; each gets its own
 * record and timestamp. KERN_CONT appends to the open line.
 *
 * Locking: logbuf_lock (IRQs off) guards the ring, the open line and the console. In panic the
 * lock is taken with a bounded spin and then ignored, so a CPU that died holding it cannot
 * silence the panic message.
 */
#include <starling/printk.h>
#include <starling/kernel.h>
#include <starling/string.h>
#include <starling/console.h>
#include <starling/spinlock.h>
#include <starling/preempt.h>
#include <starling/time.h>
#include <starling/init.h>
#include <starling/printk_log.h>
#include <starling/errno.h>

#define LOG_RECORDS		512
#define DEFAULT_MESSAGE_LEVEL	4
#define CONSOLE_LOGLEVEL_DEFAULT 7
#define CONSOLE_LOGLEVEL_QUIET	4

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
bool oops_in_progress;

static DEFINE_SPINLOCK(logbuf_lock);
static struct printk_record log_ring[LOG_RECORDS];	/* under logbuf_lock */
static u64 log_next_seq;				/* under logbuf_lock */
static struct printk_record *open_line;		/* under logbuf_lock: line without \n yet */

static void console_emit(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			arch_console_putc('\r');
		arch_console_putc(s[i]);
	}
}

void console_write(const char *s, size_t len)
{
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	console_emit(s, len);
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

static void emit_prefix(const struct printk_record *r)
{
	char pfx[32];
	int n = scnprintf(pfx, sizeof(pfx), "[%5llu.%06llu] ",
			  (unsigned long long)(r->ts_ns / NSEC_PER_SEC),
			  (unsigned long long)(r->ts_ns % NSEC_PER_SEC / NSEC_PER_USEC));

	console_emit(pfx, n);
}

/* Append @len bytes of one line (no '\n' inside) to the log; caller holds logbuf_lock. */
static void log_store(int level, bool cont, const char *text, size_t len, bool newline)
{
	struct printk_record *r = open_line;
	bool to_console;

	if (!r || !cont) {
		if (r && console_loglevel > r->level)
			console_emit("\n", 1);
		r = &log_ring[log_next_seq % LOG_RECORDS];
		r->seq = log_next_seq++;
		r->ts_ns = local_clock();
		r->level = level;
		r->len = 0;
		if (console_loglevel > level)
			emit_prefix(r);
	}
	to_console = console_loglevel > r->level;
	if (len > (size_t)(LOG_LINE_MAX - r->len))
		len = LOG_LINE_MAX - r->len;
	memcpy(r->text + r->len, text, len);
	r->len += len;
	if (to_console)
		console_emit(text, len);
	if (newline) {
		if (to_console)
			console_emit("\n", 1);
		open_line = NULL;
	} else {
		open_line = r;
	}
}

static unsigned long logbuf_lock_irqsave(bool *locked)
{
	unsigned long flags = arch_local_irq_save();
	int spins = oops_in_progress ? 10000000 : -1;

	*locked = true;
	while (!spin_trylock(&logbuf_lock)) {
		if (spin_held_by_me(&logbuf_lock) || (spins > 0 && --spins == 0)) {
			*locked = false;	/* recursion or a dead holder: print anyway */
			break;
		}
		__asm__ __volatile__("" ::: "memory");
	}
	return flags;
}

int vprintk(const char *fmt, va_list args)
{
	char buf[LOG_LINE_MAX + 8];
	const char *p = buf, *nl;
	int level = DEFAULT_MESSAGE_LEVEL, len;
	bool cont = false, locked;
	unsigned long flags;

	len = vscnprintf(buf, sizeof(buf), fmt, args);
	while (p[0] == KERN_SOH[0] && p[1]) {
		if (p[1] >= '0' && p[1] <= '7')
			level = p[1] - '0';
		else if (p[1] == 'c')
			cont = true;
		p += 2;
	}
	flags = logbuf_lock_irqsave(&locked);
	if (cont && !open_line)
		cont = false;
	do {
		nl = memchr(p, '\n', buf + len - p);
		if (nl || p < buf + len)
			log_store(level, cont, p, (nl ? nl : buf + len) - p, nl != NULL);
		cont = false;
		p = nl ? nl + 1 : buf + len;
	} while (p < buf + len);
	if (locked)
		spin_unlock(&logbuf_lock);
	arch_local_irq_restore(flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

/**
 * printk_read_record() - copy the log record with sequence number @seq.
 * @seq: wanted record; if it was overwritten, the oldest kept record is returned
 * @out: filled with the record
 *
 * Return: 0, or -EAGAIN when @seq has not been written yet.
 */
int printk_read_record(u64 seq, struct printk_record *out)
{
	unsigned long flags;
	int ret = -EAGAIN;

	spin_lock_irqsave(&logbuf_lock, flags);
	if (log_next_seq > LOG_RECORDS && seq < log_next_seq - LOG_RECORDS)
		seq = log_next_seq - LOG_RECORDS;
	if (seq < log_next_seq) {
		*out = log_ring[seq % LOG_RECORDS];
		ret = 0;
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return ret;
}

static int __init loglevel_setup(const char *val)
{
	int level;

	if (kstrtoint(val, 0, &level))
		return -1;
	console_loglevel = level;
	return 0;
}
__setup("loglevel", loglevel_setup);

/* console=ttyS0[,options]: the serial port is the only console; others are noted and ignored. */
static int __init console_setup(const char *val)
{
	if (strncmp(val, "ttyS0", 5) && strncmp(val, "tty0", 4))
		pr_warn("console: %s is not available, using ttyS0\n", val);
	return 0;
}
__setup("console", console_setup);

static int __init quiet_setup(const char *val)
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
__setup("quiet", quiet_setup);
