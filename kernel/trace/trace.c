// SPDX-License-Identifier: GPL-2.0-only
/*
 * The trace array: Starling's one tracing instance and the tracefs files that control and
 * read it (tracing ABI sections 2, 4, 5 and 8).
 *
 *   writers (events, trace_marker, kprobes) --reserve/commit--> per-CPU ring buffer
 *   `trace`      non-consuming: one ring_buffer_iter per CPU, merged by timestamp
 *   `trace_pipe` consuming: ring_buffer_peek() on every CPU, the oldest is printed, consumed
 *
 * Each record starts with struct trace_entry; its type is the event id, which
 * trace_events.c maps back to the event's print callback (type TRACE_PRINT_TYPE is the
 * marker, printed here). The text layer is trace_output.c.
 *
 * Writers never sleep or lock: the ring buffer is lock-free, the cmdline cache is taken with
 * a trylock and skipped when busy. Blocked trace_pipe and trace_pipe_raw readers, and
 * poll()ers, sleep in ring_buffer_wait() or on ring_buffer_poll_queue(); the ring buffer
 * wakes them through irq_work after the next commit, whatever context wrote it.
 *
 * Locking: trace_types_lock (a mutex) guards sizes, clock, options and the cmdline table
 * size; event_mutex (trace_events.c) comes first when both are taken. cmdline_lock (a
 * spinlock, trylock from writers) guards the saved_cmdlines table; err_lock the error log.
 */
#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/errno.h>
#include <starling/kernel.h>
#include <starling/string.h>
#include <starling/slab.h>
#include <starling/mutex.h>
#include <starling/spinlock.h>
#include <starling/sched.h>
#include <starling/smp.h>
#include <starling/preempt.h>
#include <starling/percpu.h>
#include <starling/time.h>
#include <starling/jiffies.h>
#include <starling/timer.h>
#include <starling/wait.h>
#include <starling/poll.h>
#include <starling/fs.h>
#include <starling/uaccess.h>
#include <starling/init.h>
#include <starling/printk.h>
#include <starling/ring_buffer.h>
#include <starling/trace_events.h>
#include <starling/trace_clock.h>
#include "trace.h"
#include "trace_internal.h"

#define TRACE_BUF_SIZE_DEFAULT	1441792UL	/* 1408 KiB per CPU once expanded */
#define TRACE_BUF_SIZE_BOOT	(2 * BUF_PAGE_SIZE)	/* two sub-buffers until first use */
#define TRACE_MARKER_MAX	1024		/* bytes recorded per trace_marker write */
#define TRACE_LINE_MAX		8192		/* longer lines print [LINE TOO BIG] */
#define ERROR_LOG_MAX		8
#define SAVED_CMDLINES_DEFAULT	128

/* ---- state ------------------------------------------------------------------------- */

static DEFINE_MUTEX(trace_types_lock);
static struct trace_buffer *trace_buf;		/* set once at boot */
static unsigned long trace_flags;		/* bit per enum trace_option; trace_types_lock */
static unsigned int trace_clock_id;		/* trace_types_lock */
static bool buffer_expanded;			/* trace_types_lock */
static unsigned long cpu_size_kb[NR_CPUS];	/* requested sizes once expanded */
static unsigned long tracing_cpumask_bits = ~0UL;

/* ---- clocks ------------------------------------------------------------------------ */

static unsigned long trace_counter;

static u64 clock_counter(void)		{ return __atomic_add_fetch(&trace_counter, 1, __ATOMIC_RELAXED); }
static u64 clock_uptime(void)		{ return get_jiffies_64(); }

/*
 * In trace_clock_descs[] order; the arch's own clock, if any, is last. The time functions
 * go in directly: every event calls its buffer's clock.
 */
static u64 (*const clock_fns[])(void) = {
	local_clock, ktime_get_ns, clock_counter, clock_uptime, local_clock,
	ktime_get_ns, ktime_get_raw_ns, ktime_get_boot_ns, ktime_get_real_ns,
#if ARCH_HAS_TRACE_CLOCK
	arch_trace_clock,
#endif
};

static unsigned int nr_clocks(void)
{
	return min_t(unsigned int, ARRAY_SIZE(clock_fns), trace_nr_clock_descs);
}

static bool clock_in_ns(void)
{
	return trace_clock_descs[READ_ONCE(trace_clock_id)].in_ns;
}

/* ---- the write side ---------------------------------------------------------------- */

/**
 * tracing_gen_ctx() - describe the caller's context for a record's common fields.
 *
 * Return: TRACE_FLAG_* in bits 16-23, the preempt depth (at most 15) in bits 0-3.
 */
unsigned int tracing_gen_ctx(void)
{
	unsigned int pc = preempt_count();
	unsigned int flags = 0;

	if (irqs_disabled())
		flags |= TRACE_FLAG_IRQS_OFF;
	if (pc & NMI_MASK)
		flags |= TRACE_FLAG_NMI;
	if (pc & HARDIRQ_MASK)
		flags |= TRACE_FLAG_HARDIRQ;
	if (pc & SOFTIRQ_MASK)
		flags |= TRACE_FLAG_SOFTIRQ;
	if (need_resched())
		flags |= TRACE_FLAG_NEED_RESCHED;
	return flags << 16 | min(pc & PREEMPT_MASK, 15U);
}

/**
 * tracing_gen_ctx_dec() - tracing_gen_ctx() less one preemption level the caller added.
 *
 * Return: the packed context.
 */
unsigned int tracing_gen_ctx_dec(void)
{
	unsigned int ctx = tracing_gen_ctx();

	if (ctx & 0xf)
		ctx--;
	return ctx;
}

/**
 * tracing_generic_entry_update() - fill the common fields of a record.
 * @entry: the record
 * @type: the event id
 * @trace_ctx: from tracing_gen_ctx()
 */
void tracing_generic_entry_update(struct trace_entry *entry, unsigned short type,
				  unsigned int trace_ctx)
{
	entry->type = type;
	entry->flags = trace_ctx >> 16;
	entry->preempt_count = trace_ctx & 0xff;
	entry->pid = current ? current->pid : 0;
}

/**
 * tracing_is_on() - is recording on (tracing_on reads 1)?
 *
 * Return: true when on.
 */
bool tracing_is_on(void)
{
	return trace_buf && ring_buffer_record_is_on(trace_buf);
}

/**
 * tracing_get_buffer() - the buffer writers reserve in.
 *
 * Return: the ring buffer, or NULL while tracing_on is 0 or before boot set it up.
 */
struct trace_buffer *tracing_get_buffer(void)
{
	return tracing_is_on() ? trace_buf : NULL;
}

/**
 * trace_option_is_set() - the options event printers look at.
 * @flag: which
 *
 * Return: its state.
 */
bool trace_option_is_set(enum trace_iter_flag flag)
{
	switch (flag) {
	case TRACE_ITER_SYM_OFFSET:
		return READ_ONCE(trace_flags) & (1UL << TOPT_SYM_OFFSET);
	case TRACE_ITER_SYM_ADDR:
		return READ_ONCE(trace_flags) & (1UL << TOPT_SYM_ADDR);
	default:
		return false;
	}
}

/* ---- saved_cmdlines ---------------------------------------------------------------- */

struct saved_cmdline {
	int	pid;
	int	tgid;
	char	comm[TASK_COMM_LEN];
};

static DEFINE_SPINLOCK(cmdline_lock);
static struct saved_cmdline *cmdlines;	/* cmdline_lock; array of nr_cmdlines */
static unsigned int nr_cmdlines, cmdline_next;
static unsigned long cmdline_gen;	/* cmdline_lock; bumped when an entry is taken over */

/*
 * What this CPU recorded last: an event from the same task with the same comm while no
 * entry changed hands since needs no visit to the table (a hot loop of events pays nothing).
 */
struct cmdline_last {
	int		pid;
	unsigned long	gen;
	char		comm[TASK_COMM_LEN];
};
static DEFINE_PER_CPU(struct cmdline_last, cmdline_last);	/* written with IRQs off */

static void __record_cmdline(int pid, int tgid, const char *comm)
{
	unsigned int i;

	if (!cmdlines || pid <= 0)
		return;
	for (i = 0; i < nr_cmdlines; i++) {
		if (cmdlines[i].pid == pid) {
			cmdlines[i].tgid = tgid;
			memcpy(cmdlines[i].comm, comm, TASK_COMM_LEN);
			cmdlines[i].comm[TASK_COMM_LEN - 1] = '\0';
			return;
		}
	}
	i = cmdline_next++ % nr_cmdlines;
	if (cmdlines[i].pid)
		cmdline_gen++;
	cmdlines[i].pid = pid;
	cmdlines[i].tgid = tgid;
	memcpy(cmdlines[i].comm, comm, TASK_COMM_LEN);
	cmdlines[i].comm[TASK_COMM_LEN - 1] = '\0';
}

/**
 * tracing_record_cmdline() - remember @pid's comm for the TASK column.
 * @pid: the task
 * @comm: its name (TASK_COMM_LEN bytes)
 *
 * Any context; skipped when another CPU holds the table.
 */
void tracing_record_cmdline(int pid, const char *comm)
{
	struct cmdline_last *last;
	unsigned long flags;

	if (!(READ_ONCE(trace_flags) & (1UL << TOPT_RECORD_CMD)))
		return;
	/*
	 * The usual case, the same task as this CPU's last record, needs no IRQs off: an
	 * interrupt that rewrites the cache in the middle of the compare leaves a mix that
	 * matches @pid and @comm only if it wrote them.
	 */
	preempt_disable();
	last = this_cpu_ptr(&cmdline_last);
	if (READ_ONCE(last->pid) == pid && READ_ONCE(last->gen) == READ_ONCE(cmdline_gen) &&
	    !memcmp(last->comm, comm, TASK_COMM_LEN)) {
		preempt_enable();
		return;
	}
	preempt_enable();
	local_irq_save(flags);
	last = this_cpu_ptr(&cmdline_last);
	if (spin_trylock(&cmdline_lock)) {
		__record_cmdline(pid, current && current->pid == pid ? current->tgid : 0, comm);
		last->pid = pid;
		last->gen = cmdline_gen;
		memcpy(last->comm, comm, TASK_COMM_LEN);
		spin_unlock(&cmdline_lock);
	}
	local_irq_restore(flags);
}

static void record_current(void)
{
	if (current && current->pid)
		tracing_record_cmdline(current->pid, current->comm);
}

/* Copy @pid's comm (or "<...>") into @comm; return its tgid or 0. Process context. */
static int find_cmdline(int pid, char comm[TASK_COMM_LEN])
{
	unsigned int i;
	int tgid = 0;

	if (!pid) {
		strcpy(comm, "<idle>");
		return 0;
	}
	strcpy(comm, "<...>");
	spin_lock_irq(&cmdline_lock);
	for (i = 0; cmdlines && i < nr_cmdlines; i++) {
		if (cmdlines[i].pid == pid) {
			memcpy(comm, cmdlines[i].comm, TASK_COMM_LEN);
			tgid = cmdlines[i].tgid;
			break;
		}
	}
	spin_unlock_irq(&cmdline_lock);
	return tgid;
}

static int resize_cmdlines(unsigned int n)
{
	struct saved_cmdline *neu = kcalloc(n, sizeof(*neu), GFP_KERNEL), *old;

	if (!neu)
		return -ENOMEM;
	spin_lock_irq(&cmdline_lock);
	old = cmdlines;
	cmdlines = neu;
	nr_cmdlines = n;
	cmdline_next = 0;
	cmdline_gen++;
	spin_unlock_irq(&cmdline_lock);
	kfree(old);
	return 0;
}

/* ---- error_log ---------------------------------------------------------------------- */

static DEFINE_MUTEX(err_lock);
static char *err_entries[ERROR_LOG_MAX];	/* err_lock; oldest at err_first */
static unsigned int err_first, err_count;

/**
 * tracing_log_err() - append an entry to error_log; the oldest of 8 drops off.
 * @entry: the three-line entry text
 */
void tracing_log_err(const char *entry)
{
	char *copy = kstrdup(entry, GFP_KERNEL);
	unsigned int slot;

	if (!copy)
		return;
	mutex_lock(&err_lock);
	if (err_count == ERROR_LOG_MAX) {
		kfree(err_entries[err_first]);
		err_entries[err_first] = copy;
		err_first = (err_first + 1) % ERROR_LOG_MAX;
	} else {
		slot = (err_first + err_count++) % ERROR_LOG_MAX;
		err_entries[slot] = copy;
	}
	mutex_unlock(&err_lock);
}

static void clear_error_log(void)
{
	unsigned int i;

	mutex_lock(&err_lock);
	for (i = 0; i < err_count; i++) {
		kfree(err_entries[(err_first + i) % ERROR_LOG_MAX]);
		err_entries[(err_first + i) % ERROR_LOG_MAX] = NULL;
	}
	err_first = err_count = 0;
	mutex_unlock(&err_lock);
}

/* ---- buffer control ----------------------------------------------------------------- */

static void reset_cpu_buffers(int cpu)
{
	if (cpu == RING_BUFFER_ALL_CPUS)
		ring_buffer_reset(trace_buf);
	else
		ring_buffer_reset_cpu(trace_buf, cpu);
}

/**
 * tracing_reset_all_online_cpus() - clear every CPU's buffer.
 */
void tracing_reset_all_online_cpus(void)
{
	if (!trace_buf)
		return;
	mutex_lock(&trace_types_lock);
	reset_cpu_buffers(RING_BUFFER_ALL_CPUS);
	mutex_unlock(&trace_types_lock);
}

/* Caller holds trace_types_lock. */
static int __resize(unsigned long kb, int cpu)
{
	unsigned int c;
	int ret;

	ret = ring_buffer_resize(trace_buf, kb * 1024, cpu);
	if (ret)
		return ret;
	if (!buffer_expanded) {
		/* Other CPUs keep their minimum, but from now on the numbers are plain. */
		for_each_possible_cpu(c)
			cpu_size_kb[c] = ring_buffer_size(trace_buf, c) >> 10;
		buffer_expanded = true;
	}
	if (cpu == RING_BUFFER_ALL_CPUS) {
		for_each_possible_cpu(c)
			cpu_size_kb[c] = kb;
	} else {
		cpu_size_kb[cpu] = kb;
	}
	return 0;
}

/**
 * tracing_update_buffers() - expand the buffers from their boot minimum, once.
 *
 * Return: 0 or a negative errno from the resize.
 */
int tracing_update_buffers(void)
{
	int ret = 0;

	if (!trace_buf)
		return 0;
	mutex_lock(&trace_types_lock);
	if (!buffer_expanded)
		ret = __resize(TRACE_BUF_SIZE_DEFAULT >> 10, RING_BUFFER_ALL_CPUS);
	mutex_unlock(&trace_types_lock);
	return ret;
}

/* ---- reading: one line at a time ----------------------------------------------------- */

/*
 * Format the event @ev of @cpu at @ts into @buf (context + text); the snprintf-style length.
 * Takes event_mutex (the event must not go away while it prints).
 */
static int format_event(int cpu, u64 ts, struct ring_buffer_event *ev, char *buf, size_t size)
{
	const struct trace_entry *ent = ring_buffer_event_data(ev);
	unsigned int len = ring_buffer_event_length(ev);
	unsigned long flags = READ_ONCE(trace_flags);
	char comm[TASK_COMM_LEN];
	struct trace_line_ctx c = {
		.comm = comm,
		.cpu = cpu,
		.ts = ts,
		.ts_in_ns = clock_in_ns(),
		.irq_info = flags & (1UL << TOPT_IRQ_INFO),
		.record_tgid = flags & (1UL << TOPT_RECORD_TGID),
	};
	int n = 0, m;

	if (len < sizeof(*ent))
		return snprintf(buf, size, "Unknown type 0\n");
	c.pid = ent->pid;
	c.flags = ent->flags;
	c.preempt = ent->preempt_count;
	c.tgid = find_cmdline(ent->pid, comm);
	if (flags & (1UL << TOPT_CONTEXT_INFO))
		n = trace_print_context(&c, buf, size);
	if ((size_t)n >= size)
		return n;
	if (ent->type == TRACE_PRINT_TYPE)
		m = trace_print_marker(ent, len, buf + n, size - n);
	else
		m = trace_event_print(ent, len, buf + n, size - n);
	return n + m;
}

struct trace_iter {
	struct mutex		lock;		/* one reader of this open file at a time */
	int			cpu_file;	/* RING_BUFFER_ALL_CPUS or one CPU */
	bool			consume;	/* trace_pipe */
	bool			header;		/* header still to print */
	bool			got_data;	/* trace_pipe: returned data before (EOF rule) */
	struct ring_buffer_iter	*iters[NR_CPUS];
	char			*line;		/* TRACE_LINE_MAX bytes */
	size_t			len, off;	/* pending text in line[off..len) */
};

static bool cpu_in(const struct trace_iter *it, unsigned int cpu)
{
	return it->cpu_file == RING_BUFFER_ALL_CPUS || it->cpu_file == (int)cpu;
}

static void header_counts(int cpu_file, unsigned long *entries, unsigned long *written)
{
	unsigned int cpu;

	*entries = *written = 0;
	for_each_possible_cpu(cpu) {
		if (cpu_file != RING_BUFFER_ALL_CPUS && cpu_file != (int)cpu)
			continue;
		*entries += ring_buffer_entries_cpu(trace_buf, cpu);
		*written += ring_buffer_entries_cpu(trace_buf, cpu) +
			    ring_buffer_overrun_cpu(trace_buf, cpu);
	}
}

/* Put the next line into it->line. Return false when there is nothing left. */
static bool next_line(struct trace_iter *it)
{
	struct ring_buffer_event *ev, *best = NULL;
	unsigned long lost = 0, best_lost = 0;
	u64 ts, best_ts = 0;
	int best_cpu = -1, n = 0, m;
	unsigned int cpu;

	it->len = it->off = 0;
	if (it->header) {
		struct trace_header_info hi = {
			.nr_cpus = num_online_cpus(),
			.irq_info = READ_ONCE(trace_flags) & (1UL << TOPT_IRQ_INFO),
			.record_tgid = READ_ONCE(trace_flags) & (1UL << TOPT_RECORD_TGID),
		};

		it->header = false;
		header_counts(it->cpu_file, &hi.entries, &hi.written);
		it->len = min_t(size_t, trace_print_header(&hi, it->line, TRACE_LINE_MAX),
				TRACE_LINE_MAX - 1);
		return true;
	}
	for_each_possible_cpu(cpu) {
		if (!cpu_in(it, cpu))
			continue;
		if (it->consume) {
			ev = ring_buffer_peek(trace_buf, cpu, &ts, &lost);
		} else {
			if (!it->iters[cpu])
				continue;
			ev = ring_buffer_iter_peek(it->iters[cpu], &ts);
		}
		if (ev && (!best || ts < best_ts)) {
			best = ev;
			best_ts = ts;
			best_cpu = cpu;
			best_lost = lost;
		}
	}
	if (!best)
		return false;
	if (it->consume && best_lost)
		n = snprintf(it->line, TRACE_LINE_MAX, "CPU:%d [LOST %lu EVENTS]\n", best_cpu,
			     best_lost);
	else if (!it->consume && ring_buffer_iter_dropped(it->iters[best_cpu]))
		n = snprintf(it->line, TRACE_LINE_MAX, "CPU:%d [LOST EVENTS]\n", best_cpu);
	m = format_event(best_cpu, best_ts, best, it->line + n, TRACE_LINE_MAX - n);
	if (m >= TRACE_LINE_MAX - n)
		m = snprintf(it->line + n, TRACE_LINE_MAX - n, "[LINE TOO BIG]\n");
	it->len = n + m;
	if (it->consume)
		ring_buffer_consume(trace_buf, best_cpu, &ts, &lost);
	else
		ring_buffer_iter_advance(it->iters[best_cpu]);
	return true;
}

static ssize_t iter_read(struct file *file, char __user *ubuf, size_t count)
{
	struct trace_iter *it = file->private_data;
	size_t copied = 0, n;
	ssize_t ret = 0;

	mutex_lock(&it->lock);
	while (copied < count) {
		if (it->off < it->len) {
			n = min(count - copied, it->len - it->off);
			if (copy_to_user(ubuf + copied, it->line + it->off, n)) {
				ret = -EFAULT;
				break;
			}
			it->off += n;
			copied += n;
			continue;
		}
		if (next_line(it))
			continue;
		if (!it->consume || copied)
			break;
		/* trace_pipe with nothing to read: EAGAIN, EOF or wait. */
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		if (!tracing_is_on() && it->got_data)
			break;
		mutex_unlock(&it->lock);
		ret = ring_buffer_wait(trace_buf, it->cpu_file);
		mutex_lock(&it->lock);
		if (ret < 0)
			break;
	}
	if (copied) {
		it->got_data = true;
		ret = copied;
	}
	mutex_unlock(&it->lock);
	return ret;
}

static int iter_open(struct inode *inode, struct file *file, bool consume)
{
	struct trace_cpu_file *cf = inode->i_private;
	struct trace_iter *it;
	unsigned int cpu;

	if ((file->f_mode & FMODE_WRITE) && (file->f_flags & O_TRUNC)) {
		mutex_lock(&trace_types_lock);
		reset_cpu_buffers(cf->cpu);
		mutex_unlock(&trace_types_lock);
	}
	if (!(file->f_mode & FMODE_READ))
		return 0;
	it = kzalloc(sizeof(*it), GFP_KERNEL);
	if (!it)
		return -ENOMEM;
	it->line = kmalloc(TRACE_LINE_MAX, GFP_KERNEL);
	if (!it->line)
		goto out_free_it;
	mutex_init(&it->lock);
	it->cpu_file = cf->cpu;
	it->consume = consume;
	it->header = !consume;
	if (!consume) {
		for_each_possible_cpu(cpu)
			if (cpu_in(it, cpu))
				it->iters[cpu] = ring_buffer_read_start(trace_buf, cpu);
	}
	file->private_data = it;
	return 0;

out_free_it:
	kfree(it);
	return -ENOMEM;
}

static int trace_open(struct inode *inode, struct file *file)
{
	return iter_open(inode, file, false);
}

static int trace_pipe_open(struct inode *inode, struct file *file)
{
	return iter_open(inode, file, true);
}

static int iter_release(struct inode *inode, struct file *file)
{
	struct trace_iter *it = file->private_data;
	unsigned int cpu;

	if (!it)
		return 0;
	for_each_possible_cpu(cpu)
		if (it->iters[cpu])
			ring_buffer_read_finish(it->iters[cpu]);
	kfree(it->line);
	kfree(it);
	return 0;
}

static ssize_t trace_read(struct file *file, char __user *ubuf, size_t count, loff_t *pos)
{
	ssize_t ret = iter_read(file, ubuf, count);

	if (ret > 0)
		*pos += ret;
	return ret;
}

static ssize_t trace_write_ignored(struct file *file, const char __user *ubuf, size_t count,
				   loff_t *pos)
{
	return count;
}

/* trace_pipe and trace_pipe_raw: readable when the buffer (or the file's CPU) has data. */
static __poll_t buffer_poll(struct file *file, int cpu, struct poll_table_struct *pt)
{
	poll_wait(file, ring_buffer_poll_queue(trace_buf, cpu), pt);
	if (ring_buffer_poll_ready(trace_buf, cpu))
		return EPOLLIN | EPOLLRDNORM;
	return 0;
}

static __poll_t trace_pipe_poll(struct file *file, struct poll_table_struct *pt)
{
	struct trace_iter *it = file->private_data;

	return buffer_poll(file, it->cpu_file, pt);
}

static const struct file_operations trace_fops = {
	.open		= trace_open,
	.read		= trace_read,
	.write		= trace_write_ignored,
	.llseek		= noop_llseek,
	.release	= iter_release,
};

static const struct file_operations trace_pipe_fops = {
	.open		= trace_pipe_open,
	.read		= trace_read,
	.poll		= trace_pipe_poll,
	.llseek		= no_llseek,
	.release	= iter_release,
};

/* ---- trace_pipe_raw ------------------------------------------------------------------ */

struct raw_reader {
	int	cpu;
	void	*page;
	size_t	len, off;
};

static int raw_open(struct inode *inode, struct file *file)
{
	struct trace_cpu_file *cf = inode->i_private;
	struct raw_reader *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	r->cpu = cf->cpu;
	r->page = ring_buffer_alloc_read_page(trace_buf, r->cpu);
	if (!r->page) {
		kfree(r);
		return -ENOMEM;
	}
	file->private_data = r;
	return 0;
}

static ssize_t raw_read(struct file *file, char __user *ubuf, size_t count, loff_t *pos)
{
	struct raw_reader *r = file->private_data;
	size_t n;
	long w;

	while (r->off >= r->len) {
		if (ring_buffer_read_page(trace_buf, r->page, 4096, r->cpu, false) >= 0) {
			r->len = 4096;
			r->off = 0;
			break;
		}
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		w = ring_buffer_wait(trace_buf, r->cpu);
		if (w < 0)
			return w;
	}
	n = min(count, r->len - r->off);
	if (copy_to_user(ubuf, (char *)r->page + r->off, n))
		return -EFAULT;
	r->off += n;
	*pos += n;
	return n;
}

static int raw_release(struct inode *inode, struct file *file)
{
	struct raw_reader *r = file->private_data;

	ring_buffer_free_read_page(trace_buf, r->cpu, r->page);
	kfree(r);
	return 0;
}

static __poll_t raw_poll(struct file *file, struct poll_table_struct *pt)
{
	struct raw_reader *r = file->private_data;

	return buffer_poll(file, r->cpu, pt);
}

static const struct file_operations trace_pipe_raw_fops = {
	.open		= raw_open,
	.read		= raw_read,
	.poll		= raw_poll,
	.llseek		= no_llseek,
	.release	= raw_release,
};

/* ---- trace_marker --------------------------------------------------------------------- */

struct marker_entry {
	struct trace_entry	ent;
	unsigned long		ip;
	char			buf[];
};

static ssize_t marker_write(struct file *file, const char __user *ubuf, size_t count,
			    loff_t *pos)
{
	static const char faulted[] = "<faulted>";
	struct ring_buffer_event *ev;
	struct marker_entry *e;
	unsigned int ctx;
	size_t n = min_t(size_t, count, TRACE_MARKER_MAX);
	ssize_t ret = n;

	if (!tracing_is_on())
		return -EBADF;
	if (!(READ_ONCE(trace_flags) & (1UL << TOPT_MARKERS)))
		return -EINVAL;
	/*
	 * Copy straight into the reserved record, as Linux does: no bounce buffer. The copy
	 * cannot sleep there, so a page that is not present records "<faulted>" and the write
	 * fails with EFAULT.
	 */
	ctx = tracing_gen_ctx();
	ev = ring_buffer_lock_reserve(trace_buf, sizeof(*e) + max(n, sizeof(faulted) - 1) + 1);
	if (!ev)
		return -EBADF;	/* full without overwrite, or disabled: as if not open for write */
	e = ring_buffer_event_data(ev);
	tracing_generic_entry_update(&e->ent, TRACE_PRINT_TYPE, ctx);
	e->ip = 0;
	if (copy_from_user_nofault(e->buf, ubuf, n)) {
		memcpy(e->buf, faulted, sizeof(faulted));
		ret = -EFAULT;
	} else {
		e->buf[n] = '\0';
	}
	ring_buffer_unlock_commit(trace_buf, ev);
	record_current();
	return ret;
}

static const struct file_operations trace_marker_fops = {
	.open		= simple_open,
	.write		= marker_write,
	.llseek		= no_llseek,
};

/* ---- small control files ----------------------------------------------------------------- */

static int show_tracing_on(struct trace_ctl_file *f, char *buf, size_t size)
{
	return snprintf(buf, size, "%d\n", tracing_is_on() ? 1 : 0);
}

static ssize_t write_tracing_on(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	unsigned long v;
	int ret = kstrtoul(kbuf, 10, &v);

	if (ret)
		return ret;
	mutex_lock(&trace_types_lock);
	if (v)
		ring_buffer_record_on(trace_buf);
	else
		ring_buffer_record_off(trace_buf);
	mutex_unlock(&trace_types_lock);
	if (!v)
		ring_buffer_wake_waiters(trace_buf, RING_BUFFER_ALL_CPUS);	/* EOF rule */
	return len;
}

static int show_buffer_size(struct trace_ctl_file *f, char *buf, size_t size)
{
	unsigned long kb[NR_CPUS];
	unsigned int cpu, n = 0;
	int ret;

	mutex_lock(&trace_types_lock);
	for_each_possible_cpu(cpu) {
		if (f->arg != RING_BUFFER_ALL_CPUS && f->arg != (long)cpu)
			continue;
		kb[n++] = buffer_expanded ? cpu_size_kb[cpu] : ring_buffer_size(trace_buf, cpu) >> 10;
	}
	ret = trace_print_buffer_size(kb, n, buffer_expanded, TRACE_BUF_SIZE_DEFAULT >> 10, buf,
				      size);
	mutex_unlock(&trace_types_lock);
	return ret;
}

static int show_buffer_total(struct trace_ctl_file *f, char *buf, size_t size)
{
	unsigned long kb[NR_CPUS];
	unsigned int cpu, n = 0;
	int ret;

	mutex_lock(&trace_types_lock);
	for_each_possible_cpu(cpu)
		kb[n++] = buffer_expanded ? cpu_size_kb[cpu] : ring_buffer_size(trace_buf, cpu) >> 10;
	ret = trace_print_buffer_total(kb, n, buffer_expanded, TRACE_BUF_SIZE_DEFAULT >> 10,
				       buf, size);
	mutex_unlock(&trace_types_lock);
	return ret;
}

static ssize_t write_buffer_size(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	unsigned long kb;
	int ret = kstrtoul(kbuf, 10, &kb);

	if (ret)
		return ret;
	if (!kb || kb > (1UL << 30))
		return -EINVAL;
	mutex_lock(&trace_types_lock);
	ret = __resize(kb, f->arg);
	mutex_unlock(&trace_types_lock);
	return ret ? ret : (ssize_t)len;
}

static int show_stats(struct trace_ctl_file *f, char *buf, size_t size)
{
	int cpu = f->arg;
	struct trace_cpu_stats st = {
		.entries = ring_buffer_entries_cpu(trace_buf, cpu),
		.overrun = ring_buffer_overrun_cpu(trace_buf, cpu),
		.commit_overrun = ring_buffer_commit_overrun_cpu(trace_buf, cpu),
		.bytes = ring_buffer_bytes_cpu(trace_buf, cpu),
		.dropped = ring_buffer_dropped_events_cpu(trace_buf, cpu),
		.read = ring_buffer_read_events_cpu(trace_buf, cpu),
		.oldest_ts = ring_buffer_oldest_event_ts(trace_buf, cpu),
		.now_ts = ring_buffer_time_stamp(trace_buf),
		.ts_in_ns = clock_in_ns(),
	};

	if (!st.entries)
		st.oldest_ts = 0;
	return trace_print_stats(&st, buf, size);
}

static int show_clock(struct trace_ctl_file *f, char *buf, size_t size)
{
	return trace_clock_print(READ_ONCE(trace_clock_id), nr_clocks(), buf, size);
}

static ssize_t write_clock(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	int id = trace_clock_find(kbuf, nr_clocks());

	if (id < 0)
		return id;
	mutex_lock(&trace_types_lock);
	WRITE_ONCE(trace_clock_id, id);
	ring_buffer_set_clock(trace_buf, clock_fns[id]);
	reset_cpu_buffers(RING_BUFFER_ALL_CPUS);
	mutex_unlock(&trace_types_lock);
	return len;
}

static int show_nop(struct trace_ctl_file *f, char *buf, size_t size)
{
	return snprintf(buf, size, "nop\n");
}

static ssize_t write_current_tracer(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	char *w = strim(kbuf);

	if (strcmp(w, "nop"))
		return -EINVAL;
	tracing_update_buffers();
	return len;
}

static int show_option(struct trace_ctl_file *f, char *buf, size_t size)
{
	return snprintf(buf, size, "%d\n", READ_ONCE(trace_flags) & (1UL << f->arg) ? 1 : 0);
}

static void set_option(int opt, bool on)
{
	mutex_assert_held(&trace_types_lock);
	if (on)
		WRITE_ONCE(trace_flags, trace_flags | (1UL << opt));
	else
		WRITE_ONCE(trace_flags, trace_flags & ~(1UL << opt));
	if (opt == TOPT_OVERWRITE)
		ring_buffer_change_overwrite(trace_buf, on);
}

static ssize_t write_option(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	unsigned long v;
	int ret = kstrtoul(kbuf, 10, &v);

	if (ret)
		return ret;
	if (v > 1)
		return -EINVAL;
	mutex_lock(&trace_types_lock);
	set_option(f->arg, v);
	mutex_unlock(&trace_types_lock);
	return len;
}

static int show_trace_options(struct trace_ctl_file *f, char *buf, size_t size)
{
	return trace_options_print(READ_ONCE(trace_flags), buf, size);
}

static ssize_t write_trace_options(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	bool on;
	int opt = trace_option_parse(kbuf, &on);

	if (opt < 0)
		return opt;
	mutex_lock(&trace_types_lock);
	set_option(opt, on);
	mutex_unlock(&trace_types_lock);
	return len;
}

static int show_saved_cmdlines(struct trace_ctl_file *f, char *buf, size_t size)
{
	size_t len = 0;
	unsigned int i;

	spin_lock_irq(&cmdline_lock);
	for (i = 0; cmdlines && i < nr_cmdlines; i++) {
		if (cmdlines[i].pid <= 0)
			continue;
		len += snprintf(len < size ? buf + len : NULL, len < size ? size - len : 0,
				"%d %s\n", cmdlines[i].pid, cmdlines[i].comm);
	}
	spin_unlock_irq(&cmdline_lock);
	return len;
}

static int show_saved_cmdlines_size(struct trace_ctl_file *f, char *buf, size_t size)
{
	return snprintf(buf, size, "%u\n", READ_ONCE(nr_cmdlines));
}

static ssize_t write_saved_cmdlines_size(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	unsigned long n;
	int ret = kstrtoul(kbuf, 10, &n);

	if (ret)
		return ret;
	if (!n || n > PID_MAX_DEFAULT)
		return -EINVAL;
	ret = resize_cmdlines(n);
	return ret ? ret : (ssize_t)len;
}

static int show_cpumask(struct trace_ctl_file *f, char *buf, size_t size)
{
	unsigned long mask = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		mask |= tracing_cpumask_bits & (1UL << cpu);
	return snprintf(buf, size, "%lx\n", mask);
}

static ssize_t write_cpumask(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	unsigned long mask;
	unsigned int cpu;
	int ret = kstrtoul(strim(kbuf), 16, &mask);

	if (ret)
		return ret;
	mutex_lock(&trace_types_lock);
	for_each_possible_cpu(cpu) {
		bool was = tracing_cpumask_bits & (1UL << cpu), now = mask & (1UL << cpu);

		if (was && !now)
			ring_buffer_record_disable_cpu(trace_buf, cpu);
		else if (!was && now)
			ring_buffer_record_enable_cpu(trace_buf, cpu);
	}
	tracing_cpumask_bits = mask;
	mutex_unlock(&trace_types_lock);
	return len;
}

static int show_error_log(struct trace_ctl_file *f, char *buf, size_t size)
{
	size_t len = 0;
	unsigned int i;

	mutex_lock(&err_lock);
	for (i = 0; i < err_count; i++)
		len += snprintf(len < size ? buf + len : NULL, len < size ? size - len : 0, "%s",
				err_entries[(err_first + i) % ERROR_LOG_MAX]);
	mutex_unlock(&err_lock);
	return len;
}

static int trunc_error_log(struct trace_ctl_file *f)
{
	clear_error_log();
	return 0;
}

static ssize_t write_ignore(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	return len;
}

static int show_readme(struct trace_ctl_file *f, char *buf, size_t size)
{
	return trace_readme_print(IS_ENABLED(CONFIG_KPROBES), buf, size);
}

static const struct trace_ctl tracing_on_ctl = { .show = show_tracing_on,
						 .write = write_tracing_on };
static const struct trace_ctl buffer_size_ctl = { .show = show_buffer_size,
						  .write = write_buffer_size };
static const struct trace_ctl buffer_total_ctl = { .show = show_buffer_total };
static const struct trace_ctl stats_ctl = { .show = show_stats };
static const struct trace_ctl clock_ctl = { .show = show_clock, .write = write_clock };
static const struct trace_ctl current_tracer_ctl = { .show = show_nop,
						     .write = write_current_tracer };
static const struct trace_ctl available_tracers_ctl = { .show = show_nop };
static const struct trace_ctl option_ctl = { .show = show_option, .write = write_option };
static const struct trace_ctl trace_options_ctl = { .show = show_trace_options,
						    .write = write_trace_options };
static const struct trace_ctl saved_cmdlines_ctl = { .show = show_saved_cmdlines };
static const struct trace_ctl saved_cmdlines_size_ctl = {
	.show = show_saved_cmdlines_size, .write = write_saved_cmdlines_size };
static const struct trace_ctl cpumask_ctl = { .show = show_cpumask, .write = write_cpumask };
static const struct trace_ctl error_log_ctl = { .show = show_error_log, .write = write_ignore,
						.trunc = trunc_error_log };
static const struct trace_ctl readme_ctl = { .show = show_readme };

/* ---- the generic control-file operations ------------------------------------------------ */

/* Guards trace_ctl_file.refs and the inodes' i_private against removal. */
static DEFINE_SPINLOCK(ctl_lock);

struct ctl_open {
	struct trace_ctl_file	*f;	/* holds a reference */
	char			*text;	/* what read() returns, made at open */
	size_t			len;
};

static void ctl_put(struct trace_ctl_file *f)
{
	bool last;

	spin_lock(&ctl_lock);
	last = !--f->refs;
	spin_unlock(&ctl_lock);
	if (last)
		kfree(f);
}

static int ctl_open(struct inode *inode, struct file *file)
{
	struct trace_ctl_file *f;
	struct ctl_open *o;
	int len, ret;

	spin_lock(&ctl_lock);
	f = inode->i_private;
	if (f)
		f->refs++;
	spin_unlock(&ctl_lock);
	if (!f)
		return -ENODEV;		/* removed after the lookup */
	ret = -ENODEV;
	if (trace_ctl_removed(f))
		goto out_unref;
	if (f->ops->get) {
		ret = f->ops->get(f);
		if (ret)
			goto out_unref;
	}
	if ((file->f_mode & FMODE_WRITE) && (file->f_flags & O_TRUNC) && f->ops->trunc) {
		ret = f->ops->trunc(f);
		if (ret)
			goto out_put;
	}
	ret = -ENOMEM;
	o = kzalloc(sizeof(*o), GFP_KERNEL);
	if (!o)
		goto out_put;
	o->f = f;
	if ((file->f_mode & FMODE_READ) && f->ops->show) {
		len = f->ops->show(f, NULL, 0);
		for (;;) {
			ret = len;
			if (len < 0)
				goto out_free;
			ret = -ENOMEM;
			o->text = kmalloc(len + 1, GFP_KERNEL);
			if (!o->text)
				goto out_free;
			ret = f->ops->show(f, o->text, len + 1);
			if (ret <= len)
				break;
			kfree(o->text);	/* it grew meanwhile */
			o->text = NULL;
			len = ret;
		}
		if (ret < 0)
			goto out_free;
		o->len = ret;
	}
	file->private_data = o;
	return 0;

out_free:
	kfree(o->text);
	kfree(o);
out_put:
	if (f->ops->put)
		f->ops->put(f);
out_unref:
	ctl_put(f);
	return ret;
}

static ssize_t ctl_read(struct file *file, char __user *ubuf, size_t count, loff_t *pos)
{
	struct ctl_open *o = file->private_data;
	size_t n;

	if (*pos < 0)
		return -EINVAL;
	if ((size_t)*pos >= o->len)
		return 0;
	n = min(count, o->len - (size_t)*pos);
	if (copy_to_user(ubuf, o->text + *pos, n))
		return -EFAULT;
	*pos += n;
	return n;
}

/**
 * trace_text_read_iter() - ->read_iter of a file whose text was made at open.
 * @iocb: the read, at ki_pos
 * @to: where the bytes go
 * @text: the text
 * @len: its length
 *
 * For kernel_read() and sendfile(), which need ->read_iter.
 * Return: the bytes copied, 0 at the end, -EINVAL or -EFAULT.
 */
ssize_t trace_text_read_iter(struct kiocb *iocb, struct iov_iter *to, const char *text,
			     size_t len)
{
	size_t n;

	if (iocb->ki_pos < 0)
		return -EINVAL;
	if ((size_t)iocb->ki_pos >= len)
		return 0;
	n = copy_to_iter(text + iocb->ki_pos, len - (size_t)iocb->ki_pos, to);
	if (!n)
		return -EFAULT;
	iocb->ki_pos += n;
	return n;
}

static ssize_t ctl_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct ctl_open *o = iocb->ki_filp->private_data;

	return trace_text_read_iter(iocb, to, o->text, o->len);
}

static ssize_t ctl_write(struct file *file, const char __user *ubuf, size_t count, loff_t *pos)
{
	struct ctl_open *o = file->private_data;
	struct trace_ctl_file *f = o->f;
	size_t max = f->ops->write_max ? f->ops->write_max : 4096;
	ssize_t ret;
	char *kbuf;

	if (trace_ctl_removed(f))
		return -ENODEV;
	if (!f->ops->write)
		return -EINVAL;
	if (count > max)
		return -EINVAL;
	kbuf = kmalloc(count + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	if (copy_from_user(kbuf, ubuf, count)) {
		kfree(kbuf);
		return -EFAULT;
	}
	kbuf[count] = '\0';
	ret = f->ops->write(f, kbuf, count);
	kfree(kbuf);
	if (ret > 0)
		*pos += ret;
	return ret;
}

static int ctl_release(struct inode *inode, struct file *file)
{
	struct ctl_open *o = file->private_data;
	struct trace_ctl_file *f = o->f;

	kfree(o->text);
	kfree(o);
	if (f->ops->put)
		f->ops->put(f);
	ctl_put(f);
	return 0;
}

static const struct file_operations trace_ctl_fops = {
	.open		= ctl_open,
	.read		= ctl_read,
	.read_iter	= ctl_read_iter,
	.write		= ctl_write,
	.llseek		= generic_file_llseek,
	.release	= ctl_release,
};

/**
 * trace_create_ctl_file() - a tracefs file whose text comes from @ops.
 * @name: file name
 * @mode: permission bits
 * @parent: directory (NULL: the tracefs root)
 * @ops: show/write/trunc callbacks
 * @arg: a number for the callbacks (a CPU, an option)
 * @data: a pointer for the callbacks
 *
 * Return: the control file (its ->node is the tracefs node), or NULL on failure.
 */
struct trace_ctl_file *trace_create_ctl_file(const char *name, unsigned short mode,
					     struct tracefs_node *parent,
					     const struct trace_ctl *ops, long arg, void *data)
{
	struct trace_ctl_file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->ops = ops;
	f->arg = arg;
	f->data = data;
	f->refs = 1;
	f->node = tracefs_create_file(name, mode, parent, f, &trace_ctl_fops);
	if (IS_ERR_OR_NULL(f->node)) {
		kfree(f);
		return NULL;
	}
	return f;
}

/**
 * trace_remove_ctl_file() - remove a file made by trace_create_ctl_file().
 * @f: the file, or NULL
 *
 * The file disappears from both trees at once; files already open keep the struct until
 * their last close, and their writes (and opens racing with this) fail with -ENODEV.
 * Callers that free @f->data hold the lock its callbacks check trace_ctl_removed() under.
 */
void trace_remove_ctl_file(struct trace_ctl_file *f)
{
	if (!f)
		return;
	spin_lock(&ctl_lock);
	WRITE_ONCE(f->removed, true);
	tracefs_set_private(f->node, NULL);
	spin_unlock(&ctl_lock);
	tracefs_remove(f->node);
	f->node = NULL;
	ctl_put(f);
}

/* ---- boot --------------------------------------------------------------------------- */

static struct trace_cpu_file cpu_files[NR_CPUS + 1];	/* [NR_CPUS]: all CPUs */

static void create_per_cpu(struct tracefs_node *per_cpu, unsigned int cpu)
{
	struct trace_cpu_file *cf = &cpu_files[cpu];
	struct tracefs_node *d;
	char name[16];

	snprintf(name, sizeof(name), "cpu%u", cpu);
	d = tracefs_create_dir(name, per_cpu);
	if (IS_ERR_OR_NULL(d))
		return;
	cf->cpu = cpu;
	tracefs_create_file("trace", 0640, d, cf, &trace_fops);
	tracefs_create_file("trace_pipe", 0440, d, cf, &trace_pipe_fops);
	tracefs_create_file("trace_pipe_raw", 0440, d, cf, &trace_pipe_raw_fops);
	trace_create_ctl_file("buffer_size_kb", 0640, d, &buffer_size_ctl, cpu, NULL);
	trace_create_ctl_file("stats", 0440, d, &stats_ctl, cpu, NULL);
}

/* The tracefs files of the trace array; called by tracefs once it can create files. */
void trace_create_files(void)
{
	struct trace_cpu_file *all = &cpu_files[NR_CPUS];
	struct tracefs_node *per_cpu, *options;
	unsigned int cpu;
	int i;

	all->cpu = RING_BUFFER_ALL_CPUS;
	tracefs_create_file("trace", 0640, NULL, all, &trace_fops);
	tracefs_create_file("trace_pipe", 0440, NULL, all, &trace_pipe_fops);
	tracefs_create_file("trace_marker", 0220, NULL, NULL, &trace_marker_fops);
	trace_create_ctl_file("tracing_on", 0640, NULL, &tracing_on_ctl, 0, NULL);
	trace_create_ctl_file("buffer_size_kb", 0640, NULL, &buffer_size_ctl,
			      RING_BUFFER_ALL_CPUS, NULL);
	trace_create_ctl_file("buffer_total_size_kb", 0440, NULL, &buffer_total_ctl, 0, NULL);
	trace_create_ctl_file("trace_clock", 0640, NULL, &clock_ctl, 0, NULL);
	trace_create_ctl_file("current_tracer", 0640, NULL, &current_tracer_ctl, 0, NULL);
	trace_create_ctl_file("available_tracers", 0440, NULL, &available_tracers_ctl, 0, NULL);
	trace_create_ctl_file("trace_options", 0640, NULL, &trace_options_ctl, 0, NULL);
	trace_create_ctl_file("saved_cmdlines", 0440, NULL, &saved_cmdlines_ctl, 0, NULL);
	trace_create_ctl_file("saved_cmdlines_size", 0640, NULL, &saved_cmdlines_size_ctl, 0,
			      NULL);
	trace_create_ctl_file("tracing_cpumask", 0640, NULL, &cpumask_ctl, 0, NULL);
	trace_create_ctl_file("error_log", 0640, NULL, &error_log_ctl, 0, NULL);
	trace_create_ctl_file("README", 0440, NULL, &readme_ctl, 0, NULL);

	options = tracefs_create_dir("options", NULL);
	for (i = 0; i < TOPT_MAX && !IS_ERR_OR_NULL(options); i++)
		trace_create_ctl_file(trace_option_names[i], 0640, options, &option_ctl, i, NULL);
	per_cpu = tracefs_create_dir("per_cpu", NULL);
	for_each_possible_cpu(cpu)
		if (!IS_ERR_OR_NULL(per_cpu))
			create_per_cpu(per_cpu, cpu);
	trace_events_create_files();
}

/**
 * tracer_alloc_buffers() - set up the trace array: buffers at their boot minimum, options,
 * clock, cmdline cache. Called early so that events can be recorded before tracefs exists.
 *
 * Return: 0 or -ENOMEM.
 */
int tracer_alloc_buffers(void)
{
	if (trace_buf)
		return 0;
	trace_flags = trace_options_default();
	trace_buf = ring_buffer_alloc(TRACE_BUF_SIZE_BOOT, RB_FL_OVERWRITE);
	if (!trace_buf)
		return -ENOMEM;
	ring_buffer_set_clock(trace_buf, clock_fns[0]);
	return resize_cmdlines(SAVED_CMDLINES_DEFAULT);
}

static int tracer_init(void)
{
	int ret = tracer_alloc_buffers();

	if (ret) {
		pr_err("tracing: no memory for the trace buffers\n");
		return ret;
	}
	return trace_events_init();
}
core_initcall(tracer_init);
