// SPDX-License-Identifier: GPL-2.0-only
/*
 * The per-CPU tracing ring buffer. Lowest layer of kernel/trace/: it knows nothing of events,
 * only of byte records with timestamps. Each CPU has a ring of 4 KiB sub-buffers ("pages")
 * plus one spare page owned by the reader:
 *
 *                 reader_page (outside the ring, read under reader_lock)
 *                      |
 *                      v           HEAD flag in the previous page's 'next' link
 *   +---+   +---+   +------+   +---+   +---+
 *   |   |-->|   |-->| head |-->|   |-->|   |--+     writers append at tail_page;
 *   +---+   +---+   +------+   +---+   +---+  |     commit_page trails it while
 *     ^                                       |     nested writers are unfinished
 *     +---------------------------------------+
 *
 * Writers (own CPU, preemption off, any context) reserve space by cmpxchg on the tail page's
 * write index, fill it, and commit; only the outermost writer of a nest moves the commit
 * index, so readers never see a half-written record. Links carry flags in their low bits:
 * HEAD marks the oldest unread page, UPDATE marks a writer pushing the head forward in
 * overwrite mode. The reader takes pages by swapping its spare page for the head page with
 * cmpxchg on the same link, so writer and reader each win or retry; neither waits on a lock
 * the other holds (readers spin only while a writer on another CPU holds UPDATE).
 *
 * Timestamps: a page holds the absolute time of its first event, each event a 27-bit delta
 * from the previous one. Writers keep before_stamp/write_stamp; when a writer finds them
 * different it interrupted another writer's update and records an absolute time stamp
 * (type 31) instead of a delta. A writer that interrupts another writer's page switch on the
 * same CPU drops its event (counted in nest_dropped); this is rare and keeps the page switch
 * simple.
 *
 * Waking readers: a reader that finds nothing queues on a wait queue (the buffer's, or its
 * CPU's for per_cpu files) and then sets waiters_pending. A writer that commits tests the
 * flag after a full barrier; if set, it clears it and queues an irq_work, whose callback
 * wakes the queue from a hardirq soon after. The writer itself takes no lock and wakes
 * nothing, so this is safe from probe handlers and inside the scheduler.
 *
 * Lock order: reader_lock is innermost; writers take no locks.
 */
#include <starling/ring_buffer.h>
#include <starling/atomic.h>
#include <starling/errno.h>
#include <starling/irq_work.h>
#include <starling/mm.h>
#include <starling/preempt.h>
#include <starling/sched.h>
#include <starling/printk.h>
#include <starling/slab.h>
#include <starling/smp.h>
#include <starling/spinlock.h>
#include <starling/string.h>
#include <starling/time.h>
#include <starling/wait.h>

#define RB_EVNT_HDR_SIZE	4U
#define RB_ALIGNMENT		4U
#define RB_MAX_SMALL_DATA	(RB_ALIGNMENT * RINGBUF_TYPE_DATA_TYPE_LEN_MAX)	/* 112 */
#define RB_LEN_TIME_EXTEND	8U
#define TS_SHIFT		27
#define TS_MASK			((1ULL << TS_SHIFT) - 1)

/* Low bits of buffer_page.next */
#define RB_PAGE_NORMAL		0UL
#define RB_PAGE_HEAD		1UL
#define RB_PAGE_UPDATE		2UL
#define RB_FLAG_MASK		3UL

#define RB_MIN_PAGES		2
#define RB_SPIN_MAX		(1UL << 26)	/* reader waits this long on UPDATE at most */
#define RB_RESERVE_LOOPS	1000
#define RB_BUFFER_OFF		(1 << 20)	/* record_off() bit in trace_buffer.record_disabled */

/* Recursion bits: one per context, innermost context has the lowest bit. */
enum { RB_CTX_NMI, RB_CTX_IRQ, RB_CTX_SOFTIRQ, RB_CTX_NORMAL };

enum rb_add { RB_ADD_NONE, RB_ADD_EXTEND, RB_ADD_ABS };

struct buffer_page {
	unsigned long		next;		/* next page | RB_PAGE_* of that page */
	struct buffer_page	*prev;		/* maintained by the reader only */
	local_t			write;		/* bytes reserved: this CPU's writers */
	local_t			entries;	/* events reserved here, minus discards */
	local_t			bytes;		/* their non-padding bytes */
	unsigned long		real_end;	/* start of the closing padding, or 0 */
	unsigned long		read;		/* reader offset: under reader_lock */
	unsigned long		gen;		/* bumped each time the page is emptied */
	unsigned long		head_overrun;	/* overrun when a writer made this the head, */
	unsigned long		head_gen;	/* valid while head_gen == gen */
	struct buffer_data_page	*page;
};

/* Readers sleeping until data arrives: one set for the whole buffer, one per CPU. */
struct rb_irq_work {
	struct irq_work		work;		/* wakes the waiters from hardirq context */
	wait_queue_head_t	waiters;
	bool			waiters_pending;	/* set by sleepers, cleared by a writer */
	unsigned long		wait_index;	/* bumped by ring_buffer_wake_waiters() */
};

struct ring_buffer_per_cpu {
	int			cpu;
	struct trace_buffer	*buffer;
	spinlock_t		reader_lock;	/* serialises readers; writers never take it */
	atomic_t		record_disabled;
	atomic_t		resize_disabled;	/* open iterators */
	unsigned int		nr_pages;	/* in the ring; pages[nr_pages] starts as reader */
	struct buffer_page	**pages;	/* every page, for reset and free */

	/* writer side: this CPU only, preemption off */
	struct buffer_page	*tail_page;
	struct buffer_page	*commit_page;	/* advanced by the outermost writer only */
	local_t			committing;	/* writers inside reserve..commit */
	local_t			commits;
	local_t			tail_moving;	/* a page switch is in progress */
	unsigned int		current_context;	/* RB_CTX_* bits of active writers */
	u64			before_stamp;
	u64			write_stamp;
	local_t			entries;	/* events written (reserved minus discarded) */
	local_t			entries_bytes;
	local_t			overrun;
	local_t			overrun_bytes;
	local_t			commit_overrun;
	local_t			dropped_events;
	local_t			nest_dropped;

	/* reader side: under reader_lock */
	struct buffer_page	*reader_page;
	struct buffer_page	*head_page;	/* hint for finding the HEAD-flagged page */
	unsigned long		read;		/* events consumed */
	unsigned long		read_bytes;
	unsigned long		last_overrun;
	unsigned long		lost_events;
	u64			read_stamp;

	struct rb_irq_work	irq_work;	/* per_cpu/cpuN readers */
};

struct trace_buffer {
	unsigned int		flags;		/* RB_FL_OVERWRITE */
	unsigned int		cpus;
	atomic_t		record_disabled;
	u64			(*clock)(void);
	struct ring_buffer_per_cpu **buffers;
	struct rb_irq_work	irq_work;	/* readers of every CPU */
};

struct ring_buffer_iter {
	struct ring_buffer_per_cpu *cpu_buffer;
	struct buffer_page	*page;		/* current page */
	unsigned long		page_gen;	/* its gen when we entered it */
	unsigned long		head;		/* offset of the next event */
	u64			read_stamp;	/* time of the event before head */
	struct buffer_page	*cache_reader_page;
	unsigned long		cache_read;
	bool			missed;		/* pages were overwritten under us */
	bool			valid;		/* event[] holds the event at head */
	unsigned long		next_head;
	u64			next_stamp;
	u32			event[BUF_PAGE_SIZE / sizeof(u32)];
};

struct rb_event_info {
	u64			ts;
	u64			delta;
	unsigned long		length;		/* data event, header included */
	enum rb_add		add;
};

static void rb_disable_on_error(struct ring_buffer_per_cpu *cpu_buffer)
{
	atomic_inc(&cpu_buffer->record_disabled);
}

/* Survivable inconsistency: stop recording on this CPU and warn once. */
#define RB_WARN_ON(cpu_buffer, cond) ({					\
	bool __rb_c = !!(cond);						\
	if (unlikely(__rb_c)) {						\
		WARN_ON_ONCE(__rb_c);					\
		rb_disable_on_error(cpu_buffer);			\
	}								\
	__rb_c;								\
})

/* ---- page links ---------------------------------------------------------------------- */

static inline struct buffer_page *rb_link_page(unsigned long link)
{
	return (struct buffer_page *)(link & ~RB_FLAG_MASK);
}

static inline struct buffer_page *rb_next(struct buffer_page *bpage)
{
	return rb_link_page(READ_ONCE(bpage->next));
}

static inline unsigned long rb_page_commit(struct buffer_page *bpage)
{
	return (unsigned long)smp_load_acquire(&bpage->page->commit.counter) & ~RB_MISSED_FLAGS;
}

/* Empty @bpage for reuse; its owner (tail-moving writer or the reader) is the only user. */
static void rb_reset_page(struct buffer_page *bpage)
{
	smp_store_release(&bpage->gen, bpage->gen + 1);
	smp_wmb();
	local_set(&bpage->write, 0);
	local_set(&bpage->entries, 0);
	local_set(&bpage->bytes, 0);
	local_set(&bpage->page->commit, 0);
	bpage->page->time_stamp = 0;
	bpage->real_end = 0;
	bpage->read = 0;
}

/* ---- event encoding ------------------------------------------------------------------ */

static unsigned long rb_calculate_event_length(unsigned long length)
{
	if (!length)
		length = 1;
	if (length > RB_MAX_SMALL_DATA)
		length += sizeof(u32);
	length = ALIGN(length + RB_EVNT_HDR_SIZE, RB_ALIGNMENT);
	/* a discarded event must split into an 8-byte extend plus padding of 0 or >= 8 */
	if (length == RB_LEN_TIME_EXTEND + RB_ALIGNMENT)
		length += RB_ALIGNMENT;
	return length;
}

static void rb_set_header(struct ring_buffer_event *event, unsigned int type, u32 delta)
{
	event->type_len = type;
	event->time_delta = delta;
}

static u64 rb_event_time_value(const struct ring_buffer_event *event)
{
	return ((u64)event->array[0] << TS_SHIFT) | event->time_delta;
}

/* Length of the event at @off, or 0 if it does not fit below @limit (inconsistent). */
static unsigned long rb_event_len_checked(const struct buffer_data_page *page, unsigned long off,
					  unsigned long limit)
{
	const struct ring_buffer_event *event;
	unsigned long len;

	if (limit > BUF_PAGE_SIZE || off + RB_EVNT_HDR_SIZE > limit || (off & 3))
		return 0;
	event = (const void *)&page->data[off];
	switch (event->type_len) {
	case RINGBUF_TYPE_PADDING:
		if (!event->time_delta)
			return limit - off;
		/* fall through */
	case 0:
		if (off + 8 > limit)
			return 0;
		len = (unsigned long)event->array[0] + RB_EVNT_HDR_SIZE;
		break;
	case RINGBUF_TYPE_TIME_EXTEND:
	case RINGBUF_TYPE_TIME_STAMP:
		len = RB_LEN_TIME_EXTEND;
		break;
	default:
		len = event->type_len * 4U + RB_EVNT_HDR_SIZE;
		break;
	}
	if (len < 8 && event->type_len != RINGBUF_TYPE_PADDING)
		return 0;
	if (len < RB_EVNT_HDR_SIZE || (len & 3) || len > limit - off)
		return 0;
	return len;
}

static unsigned long rb_data_event_len(const struct ring_buffer_event *event)
{
	if (event->type_len)
		return event->type_len * 4U + RB_EVNT_HDR_SIZE;
	return (unsigned long)event->array[0] + RB_EVNT_HDR_SIZE;
}

/* Write the optional time prefix and the data header; return the data event. */
static struct ring_buffer_event *rb_update_event(struct ring_buffer_event *event,
						 const struct rb_event_info *info, u64 delta)
{
	unsigned long dlen;

	if (info->add != RB_ADD_NONE) {
		u64 v = info->add == RB_ADD_ABS ? info->ts : delta;

		rb_set_header(event, info->add == RB_ADD_ABS ? RINGBUF_TYPE_TIME_STAMP :
			      RINGBUF_TYPE_TIME_EXTEND, v & TS_MASK);
		event->array[0] = v >> TS_SHIFT;
		event = (void *)((char *)event + RB_LEN_TIME_EXTEND);
		delta = 0;
	}
	dlen = info->length - RB_EVNT_HDR_SIZE;
	if (dlen > RB_MAX_SMALL_DATA) {
		rb_set_header(event, 0, delta);
		event->array[0] = dlen;
	} else {
		rb_set_header(event, dlen / RB_ALIGNMENT, delta);
	}
	return event;
}

/*
 * Turn a reserved data event of @len bytes into something readers skip, keeping its delta
 * (an 8-byte time extend) so later events' times stay right.
 */
static void rb_event_discard(struct ring_buffer_event *event, unsigned long len)
{
	u32 delta = event->time_delta;

	if (delta) {
		rb_set_header(event, RINGBUF_TYPE_TIME_EXTEND, delta);
		event->array[0] = 0;
		if (len == RB_LEN_TIME_EXTEND)
			return;
		event = (void *)((char *)event + RB_LEN_TIME_EXTEND);
		len -= RB_LEN_TIME_EXTEND;
	}
	event->array[0] = len - RB_EVNT_HDR_SIZE;
	rb_set_header(event, RINGBUF_TYPE_PADDING, 1);
}

/* ---- writer side --------------------------------------------------------------------- */

static nokprobe_inline bool rb_recursive_lock(struct ring_buffer_per_cpu *cpu_buffer)
{
	unsigned int pc = preempt_count();
	unsigned int val = READ_ONCE(cpu_buffer->current_context);
	unsigned int bit;

	if (pc & NMI_MASK)
		bit = RB_CTX_NMI;
	else if (pc & HARDIRQ_MASK)
		bit = RB_CTX_IRQ;
	else if (pc & SOFTIRQ_OFFSET)
		bit = RB_CTX_SOFTIRQ;
	else
		bit = RB_CTX_NORMAL;
	if (unlikely(val & (1U << bit)))
		return true;
	WRITE_ONCE(cpu_buffer->current_context, val | (1U << bit));
	barrier();
	return false;
}

static nokprobe_inline void rb_recursive_unlock(struct ring_buffer_per_cpu *cpu_buffer)
{
	unsigned int val = READ_ONCE(cpu_buffer->current_context);

	barrier();
	/* the innermost context holds the lowest bit */
	WRITE_ONCE(cpu_buffer->current_context, val & (val - 1));
}

static nokprobe_inline void rb_start_commit(struct ring_buffer_per_cpu *cpu_buffer)
{
	local_inc(&cpu_buffer->committing);
	local_inc(&cpu_buffer->commits);
}

/* Publish everything reserved so far: called by the outermost writer only. */
static nokprobe_inline void rb_set_commit_to_write(struct ring_buffer_per_cpu *cpu_buffer)
{
	unsigned long max_count;
	struct buffer_page *cp;

again:
	max_count = cpu_buffer->nr_pages * 100UL + 100;
	while ((cp = cpu_buffer->commit_page) != READ_ONCE(cpu_buffer->tail_page)) {
		if (RB_WARN_ON(cpu_buffer, !--max_count))
			return;
		smp_store_release(&cp->page->commit.counter, local_read(&cp->write));
		smp_store_release(&cpu_buffer->commit_page, rb_next(cp));
		barrier();
	}
	while ((unsigned long)local_read(&cp->page->commit) != (unsigned long)local_read(&cp->write)) {
		if (RB_WARN_ON(cpu_buffer, !--max_count))
			return;
		smp_store_release(&cp->page->commit.counter, local_read(&cp->write));
		barrier();
	}
	barrier();
	/* an interrupt may have moved the tail after the first loop */
	if (unlikely(cpu_buffer->commit_page != READ_ONCE(cpu_buffer->tail_page)))
		goto again;
}

static nokprobe_inline void rb_end_commit(struct ring_buffer_per_cpu *cpu_buffer)
{
	long commits;

	if (RB_WARN_ON(cpu_buffer, !local_read(&cpu_buffer->committing)))
		return;
again:
	commits = local_read(&cpu_buffer->commits);
	barrier();
	if (local_read(&cpu_buffer->committing) == 1)
		rb_set_commit_to_write(cpu_buffer);
	local_dec(&cpu_buffer->committing);
	barrier();
	/* an interrupt that committed after our update left its data unpublished */
	if (unlikely(local_read(&cpu_buffer->commits) != commits) &&
	    !local_read(&cpu_buffer->committing)) {
		local_inc(&cpu_buffer->committing);
		goto again;
	}
}

/* A reader marked itself waiting: have the irq_work wake it. */
static nokprobe_inline void rb_wakeups(struct trace_buffer *buffer,
				 struct ring_buffer_per_cpu *cpu_buffer)
{
	smp_mb();	/* the commit before the flags; pairs with rb_wait_ready() */
	if (unlikely(READ_ONCE(buffer->irq_work.waiters_pending))) {
		WRITE_ONCE(buffer->irq_work.waiters_pending, false);
		irq_work_queue(&buffer->irq_work.work);
	}
	if (unlikely(READ_ONCE(cpu_buffer->irq_work.waiters_pending))) {
		WRITE_ONCE(cpu_buffer->irq_work.waiters_pending, false);
		irq_work_queue(&cpu_buffer->irq_work.work);
	}
}

/*
 * The event does not fit on @tail_page (write index @w): pad the page out, push the head
 * forward if the ring is full (overwrite mode) and move the tail to the next page.
 * Return: 0 to retry the reservation, -ENOSPC to drop the event.
 */
static __noprobe int rb_move_tail(struct ring_buffer_per_cpu *cpu_buffer,
				  struct buffer_page *tail_page, unsigned long w)
{
	struct buffer_page *next, *commit_page, *new_head;
	unsigned long link;
	int ret = 0;

	if (local_inc_return(&cpu_buffer->tail_moving) != 1) {
		/* we interrupted a page switch on this CPU */
		local_inc(&cpu_buffer->nest_dropped);
		ret = -ENOSPC;
		goto out;
	}
	if (w < BUF_PAGE_SIZE) {
		struct ring_buffer_event *pad;

		if (local_cmpxchg(&tail_page->write, w, BUF_PAGE_SIZE) != (long)w)
			goto out;	/* someone reserved meanwhile: retry */
		pad = (void *)&tail_page->page->data[w];
		if (BUF_PAGE_SIZE - w >= 8) {
			pad->array[0] = BUF_PAGE_SIZE - w - RB_EVNT_HDR_SIZE;
			rb_set_header(pad, RINGBUF_TYPE_PADDING, 1);
		} else {
			rb_set_header(pad, RINGBUF_TYPE_PADDING, 0);
		}
		tail_page->real_end = w;
	}
	if (READ_ONCE(cpu_buffer->tail_page) != tail_page)
		goto out;

	link = READ_ONCE(tail_page->next);
	next = rb_link_page(link);
	commit_page = cpu_buffer->commit_page;
	if (unlikely(next == commit_page)) {
		/* wrapped onto data that is still being written */
		local_inc(&cpu_buffer->commit_overrun);
		ret = -ENOSPC;
		goto out;
	}
	if ((link & RB_FLAG_MASK) == RB_PAGE_HEAD) {
		if (commit_page == cpu_buffer->reader_page && commit_page != tail_page) {
			local_inc(&cpu_buffer->commit_overrun);
			ret = -ENOSPC;
			goto out;
		}
		if (!(cpu_buffer->buffer->flags & RB_FL_OVERWRITE)) {
			local_inc(&cpu_buffer->dropped_events);
			ret = -ENOSPC;
			goto out;
		}
		/* claim the head move; a reader swapping the head makes this fail */
		if (cmpxchg(&tail_page->next, (unsigned long)next | RB_PAGE_HEAD,
			    (unsigned long)next | RB_PAGE_UPDATE) !=
		    ((unsigned long)next | RB_PAGE_HEAD))
			goto out;
		local_add(local_read(&next->entries), &cpu_buffer->overrun);
		local_add(local_read(&next->bytes), &cpu_buffer->overrun_bytes);
		new_head = rb_next(next);
		/* events lost before new_head: the reader's count when it swaps it out */
		WRITE_ONCE(new_head->head_overrun, local_read(&cpu_buffer->overrun));
		WRITE_ONCE(new_head->head_gen, READ_ONCE(new_head->gen));
		if (RB_WARN_ON(cpu_buffer,
			       cmpxchg(&next->next, (unsigned long)new_head,
				       (unsigned long)new_head | RB_PAGE_HEAD) !=
			       (unsigned long)new_head)) {
			ret = -ENOSPC;
			goto out;
		}
		if (RB_WARN_ON(cpu_buffer,
			       cmpxchg(&tail_page->next, (unsigned long)next | RB_PAGE_UPDATE,
				       (unsigned long)next) !=
			       ((unsigned long)next | RB_PAGE_UPDATE))) {
			ret = -ENOSPC;
			goto out;
		}
	} else if (RB_WARN_ON(cpu_buffer, (link & RB_FLAG_MASK) != RB_PAGE_NORMAL)) {
		ret = -ENOSPC;
		goto out;
	}
	/* nobody else can reach @next now: empty it and make it the tail */
	rb_reset_page(next);
	smp_wmb();
	smp_store_release(&cpu_buffer->tail_page, next);
out:
	local_dec(&cpu_buffer->tail_moving);
	return ret;
}

/*
 * One reservation attempt. Return: 1 and *@eventp on success, 0 to retry, -ENOSPC to drop.
 */
static nokprobe_inline int __rb_reserve_next(struct ring_buffer_per_cpu *cpu_buffer,
				       struct rb_event_info *info,
				       struct ring_buffer_event **eventp)
{
	struct buffer_page *tail_page;
	struct ring_buffer_event *event;
	unsigned long w, total;
	u64 before, after, delta = 0;

	tail_page = smp_load_acquire(&cpu_buffer->tail_page);
	w = local_read(&tail_page->write);
	barrier();
	before = READ_ONCE(cpu_buffer->before_stamp);
	after = READ_ONCE(cpu_buffer->write_stamp);
	barrier();
	info->ts = cpu_buffer->buffer->clock();
	info->add = RB_ADD_NONE;
	if (w) {
		if (before != after || info->ts < after) {
			/* interrupted a writer between its stamp updates */
			info->add = RB_ADD_ABS;
		} else {
			delta = info->ts - after;
			if (delta & ~TS_MASK)
				info->add = RB_ADD_EXTEND;
		}
	}
	total = info->length + (info->add != RB_ADD_NONE ? RB_LEN_TIME_EXTEND : 0);
	if (w + total > BUF_PAGE_SIZE) {
		if (RB_WARN_ON(cpu_buffer, !w))
			return -ENOSPC;
		return rb_move_tail(cpu_buffer, tail_page, w);
	}
	WRITE_ONCE(cpu_buffer->before_stamp, info->ts);
	barrier();
	if (local_cmpxchg(&tail_page->write, w, w + total) != (long)w)
		return 0;
	WRITE_ONCE(cpu_buffer->write_stamp, info->ts);
	barrier();

	event = (void *)&tail_page->page->data[w];
	if (!w)
		tail_page->page->time_stamp = info->ts;
	*eventp = rb_update_event(event, info, delta);
	local_inc(&tail_page->entries);
	local_add(total, &tail_page->bytes);
	local_inc(&cpu_buffer->entries);
	local_add(total, &cpu_buffer->entries_bytes);
	return 1;
}

static nokprobe_inline struct ring_buffer_event *
rb_reserve_next_event(struct trace_buffer *buffer, struct ring_buffer_per_cpu *cpu_buffer,
		      unsigned long length)
{
	struct ring_buffer_event *event = NULL;
	struct rb_event_info info;
	int loops, ret;

	rb_start_commit(cpu_buffer);
	smp_mb();	/* pairs with rb_wait_writers() */
	if (unlikely(atomic_read(&buffer->record_disabled) ||
		     atomic_read(&cpu_buffer->record_disabled))) {
		local_dec(&cpu_buffer->committing);
		return NULL;
	}
	info.length = rb_calculate_event_length(length);
	for (loops = 0; loops < RB_RESERVE_LOOPS; loops++) {
		ret = __rb_reserve_next(cpu_buffer, &info, &event);
		if (ret > 0)
			return event;
		if (ret < 0)
			break;
	}
	if (loops == RB_RESERVE_LOOPS)
		local_inc(&cpu_buffer->nest_dropped);
	rb_end_commit(cpu_buffer);
	return NULL;
}

/* The page holding uncommitted @event: between the commit page and the tail page. */
static struct buffer_page *rb_event_page(struct ring_buffer_per_cpu *cpu_buffer,
					 struct ring_buffer_event *event)
{
	struct buffer_page *bpage = cpu_buffer->commit_page;
	unsigned int i;

	for (i = 0; i <= cpu_buffer->nr_pages + 1; i++) {
		if ((char *)event >= (char *)bpage->page->data &&
		    (char *)event < (char *)bpage->page->data + BUF_PAGE_SIZE)
			return bpage;
		if (bpage == READ_ONCE(cpu_buffer->tail_page))
			break;
		bpage = rb_next(bpage);
	}
	RB_WARN_ON(cpu_buffer, 1);
	return NULL;
}

/* ---- reader side --------------------------------------------------------------------- */

/* The page whose incoming link carries HEAD, or NULL. Caller holds reader_lock. */
static struct buffer_page *rb_find_head(struct ring_buffer_per_cpu *cpu_buffer)
{
	struct buffer_page *bpage = cpu_buffer->head_page;
	unsigned long spins = 0;
	unsigned int i, tries;

	for (tries = 0; tries < 100; tries++) {
		for (i = 0; i < cpu_buffer->nr_pages; i++) {
			unsigned long link = READ_ONCE(bpage->prev->next);

			if (rb_link_page(link) == bpage) {
				if ((link & RB_FLAG_MASK) == RB_PAGE_HEAD) {
					cpu_buffer->head_page = bpage;
					return bpage;
				}
				if ((link & RB_FLAG_MASK) == RB_PAGE_UPDATE) {
					/* a writer is moving the head right now */
					if (++spins > RB_SPIN_MAX)
						return NULL;
					barrier();
					i--;
					continue;
				}
			}
			bpage = rb_next(bpage);
		}
	}
	RB_WARN_ON(cpu_buffer, 1);
	return NULL;
}

/* The reader page if it has unread data, after swapping it for the head page if needed. */
static struct buffer_page *rb_get_reader_page(struct ring_buffer_per_cpu *cpu_buffer)
{
	struct buffer_page *reader, *head, *commit_page;
	unsigned long commit, overrun, spins = 0;
	unsigned int swaps = 0;

	lockdep_assert_held(&cpu_buffer->reader_lock);
	for (;;) {
		reader = cpu_buffer->reader_page;
		commit_page = smp_load_acquire(&cpu_buffer->commit_page);
		commit = rb_page_commit(reader);
		if (reader->read < commit)
			return reader;
		if (RB_WARN_ON(cpu_buffer, reader->read > commit))
			return NULL;
		/* the writer is still on the reader page: nothing more yet */
		if (commit_page == reader)
			return NULL;
		if (++swaps > 3)
			return NULL;
retry:
		head = rb_find_head(cpu_buffer);
		if (!head)
			return NULL;
		/* the spare page re-enters the ring empty, just before the new head */
		rb_reset_page(reader);
		WRITE_ONCE(reader->next, (unsigned long)rb_next(head) | RB_PAGE_HEAD);
		reader->prev = head->prev;
		smp_mb();
		if (cmpxchg(&head->prev->next, (unsigned long)head | RB_PAGE_HEAD,
			    (unsigned long)reader) != ((unsigned long)head | RB_PAGE_HEAD)) {
			/* a writer pushed the head meanwhile */
			if (++spins > RB_SPIN_MAX)
				return NULL;
			goto retry;
		}
		rb_next(head)->prev = reader;
		cpu_buffer->head_page = rb_next(reader);
		head->read = 0;
		cpu_buffer->reader_page = head;
		/*
		 * Events lost before @head: the overrun at the moment it became the head, as
		 * no page can be recycled while it stays the head. A writer that made it the
		 * head recorded that value in it (the cmpxchg above saw that writer's HEAD
		 * flag); otherwise our last swap did, and nothing was lost since. Reading the
		 * overrun counter before the cmpxchg instead would be wrong whenever writers
		 * lapped the ring meanwhile and left @head the head again: the cmpxchg still
		 * succeeds, and the lap's losses would be charged to the next page.
		 */
		overrun = cpu_buffer->last_overrun;
		if (READ_ONCE(head->head_gen) == READ_ONCE(head->gen))
			overrun = READ_ONCE(head->head_overrun);
		if (overrun != cpu_buffer->last_overrun) {
			cpu_buffer->lost_events += overrun - cpu_buffer->last_overrun;
			cpu_buffer->last_overrun = overrun;
		}
	}
}

/*
 * The next data event on the reader page, skipping padding and time events. Caller holds
 * reader_lock. Reads of the swapped-out page never race writers below its commit index.
 */
static struct ring_buffer_event *rb_buffer_peek(struct ring_buffer_per_cpu *cpu_buffer,
						u64 *ts, unsigned long *lost_events)
{
	struct ring_buffer_event *event;
	struct buffer_page *reader;
	unsigned long commit, len;
	unsigned int loops;

	for (loops = 0; loops < 2 * BUF_PAGE_SIZE; loops++) {
		reader = rb_get_reader_page(cpu_buffer);
		if (!reader)
			return NULL;
		commit = rb_page_commit(reader);
		if (!reader->read)
			cpu_buffer->read_stamp = reader->page->time_stamp;
		len = rb_event_len_checked(reader->page, reader->read, commit);
		if (RB_WARN_ON(cpu_buffer, !len)) {
			reader->read = commit;
			return NULL;
		}
		event = (void *)&reader->page->data[reader->read];
		switch (event->type_len) {
		case RINGBUF_TYPE_PADDING:
			reader->read += len;
			continue;
		case RINGBUF_TYPE_TIME_EXTEND:
			cpu_buffer->read_stamp += rb_event_time_value(event);
			break;
		case RINGBUF_TYPE_TIME_STAMP:
			cpu_buffer->read_stamp = rb_event_time_value(event);
			break;
		default:
			if (ts)
				*ts = cpu_buffer->read_stamp + event->time_delta;
			if (lost_events)
				*lost_events = cpu_buffer->lost_events;
			return event;
		}
		/* time events count as held bytes until read */
		reader->read += len;
		WRITE_ONCE(cpu_buffer->read_bytes, cpu_buffer->read_bytes + len);
	}
	return NULL;
}

/* Consume the data event rb_buffer_peek() just returned. */
static void rb_advance_reader(struct ring_buffer_per_cpu *cpu_buffer,
			      struct ring_buffer_event *event)
{
	unsigned long len = rb_data_event_len(event);

	cpu_buffer->read_stamp += event->time_delta;
	cpu_buffer->reader_page->read += len;
	WRITE_ONCE(cpu_buffer->read, cpu_buffer->read + 1);
	WRITE_ONCE(cpu_buffer->read_bytes, cpu_buffer->read_bytes + len);
	cpu_buffer->lost_events = 0;
}

/* ---- iterator ------------------------------------------------------------------------ */

static void rb_iter_reset(struct ring_buffer_iter *iter)
{
	struct ring_buffer_per_cpu *cpu_buffer = iter->cpu_buffer;
	struct buffer_page *reader = cpu_buffer->reader_page;

	iter->page = reader;
	iter->page_gen = smp_load_acquire(&reader->gen);
	iter->head = reader->read;
	iter->read_stamp = reader->read ? cpu_buffer->read_stamp : reader->page->time_stamp;
	iter->cache_reader_page = reader;
	iter->cache_read = cpu_buffer->read;
	iter->valid = false;
}

/* Enter @bpage at offset 0; false if it was recycled while we looked. */
static bool rb_iter_enter(struct ring_buffer_iter *iter, struct buffer_page *bpage)
{
	unsigned long gen = smp_load_acquire(&bpage->gen);
	u64 stamp = bpage->page->time_stamp;

	smp_rmb();
	if (READ_ONCE(bpage->gen) != gen)
		return false;
	iter->page = bpage;
	iter->page_gen = gen;
	iter->head = 0;
	iter->read_stamp = stamp;
	return true;
}

/* Continue at the oldest page in the ring; @missed: we lost our place to the writer. */
static bool rb_iter_goto_head(struct ring_buffer_iter *iter, bool missed)
{
	struct buffer_page *head = rb_find_head(iter->cpu_buffer);

	if (missed)
		iter->missed = true;
	iter->valid = false;
	return head && rb_iter_enter(iter, head);
}

/* Caller holds reader_lock. Copies the next data event into iter->event. */
static struct ring_buffer_event *rb_iter_peek(struct ring_buffer_iter *iter, u64 *ts)
{
	struct ring_buffer_per_cpu *cpu_buffer = iter->cpu_buffer;
	struct ring_buffer_event *event = (void *)iter->event;
	struct buffer_page *bpage, *commit_page;
	unsigned long commit, len;
	unsigned int loops;

	if (iter->cache_reader_page != cpu_buffer->reader_page ||
	    iter->cache_read != cpu_buffer->read)
		rb_iter_reset(iter);
	if (iter->valid)
		goto out;

	for (loops = 0; loops < 4 * BUF_PAGE_SIZE; loops++) {
		bpage = iter->page;
		commit_page = smp_load_acquire(&cpu_buffer->commit_page);
		commit = rb_page_commit(bpage);
		smp_rmb();
		if (READ_ONCE(bpage->gen) != iter->page_gen) {
			if (!rb_iter_goto_head(iter, true))
				return NULL;
			continue;
		}
		if (iter->head >= commit) {
			if (bpage == commit_page)
				return NULL;
			if (bpage == cpu_buffer->reader_page) {
				/* pages recycled since the reader took its page are a gap */
				bool lost = local_read(&cpu_buffer->overrun) !=
					    (long)cpu_buffer->last_overrun;

				if (!rb_iter_goto_head(iter, lost))
					return NULL;
			} else if (!rb_iter_enter(iter, rb_next(bpage))) {
				if (!rb_iter_goto_head(iter, true))
					return NULL;
			}
			continue;
		}
		len = rb_event_len_checked(bpage->page, iter->head, commit);
		if (len)
			memcpy(iter->event, &bpage->page->data[iter->head], len);
		smp_rmb();
		if (READ_ONCE(bpage->gen) != iter->page_gen) {
			if (!rb_iter_goto_head(iter, true))
				return NULL;
			continue;
		}
		if (RB_WARN_ON(cpu_buffer, !len))
			return NULL;
		switch (event->type_len) {
		case RINGBUF_TYPE_PADDING:
			iter->head += len;
			continue;
		case RINGBUF_TYPE_TIME_EXTEND:
			iter->read_stamp += rb_event_time_value(event);
			iter->head += len;
			continue;
		case RINGBUF_TYPE_TIME_STAMP:
			iter->read_stamp = rb_event_time_value(event);
			iter->head += len;
			continue;
		default:
			iter->valid = true;
			iter->next_head = iter->head + len;
			iter->next_stamp = iter->read_stamp + event->time_delta;
			goto out;
		}
	}
	return NULL;
out:
	if (ts)
		*ts = iter->next_stamp;
	return event;
}

/* ---- allocation ---------------------------------------------------------------------- */

static void rb_free_pages(struct buffer_page **pages, unsigned int nr)
{
	unsigned int i;

	if (!pages)
		return;
	for (i = 0; i < nr; i++) {
		if (!pages[i])
			continue;
		if (pages[i]->page)
			free_page((unsigned long)pages[i]->page);
		kfree(pages[i]);
	}
	kfree(pages);
}

/* @nr ring pages plus the reader's spare. */
static struct buffer_page **rb_alloc_pages(unsigned int nr)
{
	struct buffer_page **pages;
	unsigned int i;

	pages = kcalloc(nr + 1, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return NULL;
	for (i = 0; i <= nr; i++) {
		pages[i] = kzalloc(sizeof(*pages[i]), GFP_KERNEL);
		if (!pages[i])
			goto out_free;
		pages[i]->page = (void *)get_zeroed_page(GFP_KERNEL);
		if (!pages[i]->page)
			goto out_free;
	}
	return pages;
out_free:
	rb_free_pages(pages, nr + 1);
	return NULL;
}

/* Link pages[0..nr-1] into an empty ring, pages[nr] as the reader's. No writer or reader. */
static void rb_init_ring(struct ring_buffer_per_cpu *cpu_buffer)
{
	struct buffer_page **pages = cpu_buffer->pages;
	unsigned int i, nr = cpu_buffer->nr_pages;

	for (i = 0; i <= nr; i++)
		rb_reset_page(pages[i]);
	for (i = 0; i < nr; i++) {
		pages[i]->next = (unsigned long)pages[(i + 1) % nr];
		pages[i]->prev = pages[(i + nr - 1) % nr];
	}
	pages[nr - 1]->next |= RB_PAGE_HEAD;
	pages[nr]->next = (unsigned long)pages[0];
	pages[nr]->prev = pages[nr - 1];
	cpu_buffer->head_page = pages[0];
	cpu_buffer->tail_page = pages[0];
	cpu_buffer->commit_page = pages[0];
	cpu_buffer->reader_page = pages[nr];

	local_set(&cpu_buffer->tail_moving, 0);
	cpu_buffer->current_context = 0;
	cpu_buffer->before_stamp = 0;
	cpu_buffer->write_stamp = 0;
	local_set(&cpu_buffer->entries, 0);
	local_set(&cpu_buffer->entries_bytes, 0);
	local_set(&cpu_buffer->overrun, 0);
	local_set(&cpu_buffer->overrun_bytes, 0);
	local_set(&cpu_buffer->commit_overrun, 0);
	local_set(&cpu_buffer->dropped_events, 0);
	local_set(&cpu_buffer->nest_dropped, 0);
	cpu_buffer->read = 0;
	cpu_buffer->read_bytes = 0;
	cpu_buffer->last_overrun = 0;
	cpu_buffer->lost_events = 0;
	cpu_buffer->read_stamp = 0;
	smp_mb();
}

static void rb_wake_up_waiters(struct irq_work *work)
{
	struct rb_irq_work *rbwork = container_of(work, struct rb_irq_work, work);

	wake_up_all(&rbwork->waiters);
}

static void rb_init_irq_work(struct rb_irq_work *rbwork)
{
	init_irq_work(&rbwork->work, rb_wake_up_waiters);
	init_waitqueue_head(&rbwork->waiters);
	rbwork->waiters_pending = false;
	rbwork->wait_index = 0;
}

static struct ring_buffer_per_cpu *rb_alloc_cpu_buffer(struct trace_buffer *buffer, int cpu,
						       unsigned int nr_pages)
{
	struct ring_buffer_per_cpu *cpu_buffer;

	cpu_buffer = kzalloc(sizeof(*cpu_buffer), GFP_KERNEL);
	if (!cpu_buffer)
		return NULL;
	cpu_buffer->pages = rb_alloc_pages(nr_pages);
	if (!cpu_buffer->pages) {
		kfree(cpu_buffer);
		return NULL;
	}
	cpu_buffer->cpu = cpu;
	cpu_buffer->buffer = buffer;
	cpu_buffer->nr_pages = nr_pages;
	spin_lock_init(&cpu_buffer->reader_lock);
	rb_init_irq_work(&cpu_buffer->irq_work);
	rb_init_ring(cpu_buffer);
	return cpu_buffer;
}

static void rb_free_cpu_buffer(struct ring_buffer_per_cpu *cpu_buffer)
{
	if (!cpu_buffer)
		return;
	irq_work_sync(&cpu_buffer->irq_work.work);
	rb_free_pages(cpu_buffer->pages, cpu_buffer->nr_pages + 1);
	kfree(cpu_buffer);
}

static unsigned int rb_size_to_pages(unsigned long size)
{
	unsigned long nr = DIV_ROUND_UP(size, BUF_PAGE_SIZE);

	return nr < RB_MIN_PAGES ? RB_MIN_PAGES : nr;
}

/* Recording on @cpu_buffer is disabled: wait for writers still inside to leave. */
static bool rb_wait_writers(struct ring_buffer_per_cpu *cpu_buffer)
{
	unsigned long spins;

	smp_mb();
	for (spins = 0; spins < RB_SPIN_MAX; spins++) {
		if (!local_read(&cpu_buffer->committing)) {
			smp_mb();
			return true;
		}
		barrier();
	}
	RB_WARN_ON(cpu_buffer, 1);
	return false;
}

static struct ring_buffer_per_cpu *rb_cpu(struct trace_buffer *buffer, int cpu)
{
	if (!buffer || cpu < 0 || (unsigned int)cpu >= buffer->cpus)
		return NULL;
	return buffer->buffers[cpu];
}

/* ---- exported API -------------------------------------------------------------------- */

/**
 * ring_buffer_alloc - allocate a buffer of @size bytes per CPU for nr_cpu_ids CPUs
 * @size: data bytes per CPU, rounded up to whole sub-buffers of 4080 bytes (at least 2)
 * @flags: RB_FL_OVERWRITE to recycle the oldest data when full
 *
 * Return: the buffer, or NULL when memory ran out.
 */
struct trace_buffer *ring_buffer_alloc(unsigned long size, unsigned int flags)
{
	struct trace_buffer *buffer;
	unsigned int cpu, nr_pages = rb_size_to_pages(size);

	buffer = kzalloc(sizeof(*buffer), GFP_KERNEL);
	if (!buffer)
		return NULL;
	buffer->flags = flags;
	buffer->cpus = nr_cpu_ids;
	buffer->clock = local_clock;
	rb_init_irq_work(&buffer->irq_work);
	buffer->buffers = kcalloc(buffer->cpus, sizeof(*buffer->buffers), GFP_KERNEL);
	if (!buffer->buffers)
		goto out_free_buffer;
	for (cpu = 0; cpu < buffer->cpus; cpu++) {
		buffer->buffers[cpu] = rb_alloc_cpu_buffer(buffer, cpu, nr_pages);
		if (!buffer->buffers[cpu])
			goto out_free_cpus;
	}
	return buffer;
out_free_cpus:
	for (cpu = 0; cpu < buffer->cpus; cpu++)
		rb_free_cpu_buffer(buffer->buffers[cpu]);
	kfree(buffer->buffers);
out_free_buffer:
	kfree(buffer);
	return NULL;
}

/**
 * ring_buffer_free - free a buffer no writer or reader uses any more
 * @buffer: the buffer (NULL is ignored)
 */
void ring_buffer_free(struct trace_buffer *buffer)
{
	unsigned int cpu;

	if (!buffer)
		return;
	irq_work_sync(&buffer->irq_work.work);
	for (cpu = 0; cpu < buffer->cpus; cpu++)
		rb_free_cpu_buffer(buffer->buffers[cpu]);
	kfree(buffer->buffers);
	kfree(buffer);
}

/**
 * ring_buffer_resize - change the size of one or all CPU buffers, discarding their data
 * @buffer: the buffer
 * @size: new size in data bytes per CPU, rounded up to whole sub-buffers (at least 2)
 * @cpu: a CPU, or RING_BUFFER_ALL_CPUS
 *
 * Writers are kept out for the duration. Nothing changes unless every allocation succeeds.
 * Return: 0, -EINVAL for a bad CPU, -EBUSY while an iterator is open, -ENOMEM.
 */
int ring_buffer_resize(struct trace_buffer *buffer, unsigned long size, int cpu)
{
	unsigned int first, last, i, nr_pages = rb_size_to_pages(size);
	struct buffer_page **new_pages[NR_CPUS] = { NULL };
	struct ring_buffer_per_cpu *cpu_buffer;
	int ret = 0;

	if (cpu == RING_BUFFER_ALL_CPUS) {
		first = 0;
		last = buffer->cpus - 1;
	} else if (rb_cpu(buffer, cpu)) {
		first = last = cpu;
	} else {
		return -EINVAL;
	}
	if (last >= NR_CPUS)
		return -EINVAL;
	for (i = first; i <= last; i++)
		if (atomic_read(&buffer->buffers[i]->resize_disabled))
			return -EBUSY;
	for (i = first; i <= last; i++) {
		if (buffer->buffers[i]->nr_pages == nr_pages)
			continue;
		new_pages[i] = rb_alloc_pages(nr_pages);
		if (!new_pages[i]) {
			ret = -ENOMEM;
			goto out_free;
		}
	}
	for (i = first; i <= last; i++) {
		struct buffer_page **old;
		unsigned int old_nr;
		unsigned long flags;

		if (!new_pages[i])
			continue;
		cpu_buffer = buffer->buffers[i];
		atomic_inc(&cpu_buffer->record_disabled);
		rb_wait_writers(cpu_buffer);
		spin_lock_irqsave(&cpu_buffer->reader_lock, flags);
		old = cpu_buffer->pages;
		old_nr = cpu_buffer->nr_pages;
		cpu_buffer->pages = new_pages[i];
		cpu_buffer->nr_pages = nr_pages;
		rb_init_ring(cpu_buffer);
		spin_unlock_irqrestore(&cpu_buffer->reader_lock, flags);
		atomic_dec(&cpu_buffer->record_disabled);
		rb_free_pages(old, old_nr + 1);
		new_pages[i] = NULL;
	}
out_free:
	for (i = first; i <= last; i++)
		rb_free_pages(new_pages[i], nr_pages + 1);
	return ret;
}

/**
 * ring_buffer_size - data capacity of one CPU buffer
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: sub-buffers in the ring times 4080 (boot minimum 8160: "7" in buffer_size_kb), or
 * 0 for a bad CPU.
 */
unsigned long ring_buffer_size(struct trace_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);

	return cpu_buffer ? (unsigned long)cpu_buffer->nr_pages * BUF_PAGE_SIZE : 0;
}

/**
 * ring_buffer_set_clock - choose the timestamp source (call with recording disabled)
 * @buffer: the buffer
 * @clock: returns nanoseconds (or counts), callable in any context
 */
void ring_buffer_set_clock(struct trace_buffer *buffer, u64 (*clock)(void))
{
	WRITE_ONCE(buffer->clock, clock);
}

/**
 * ring_buffer_time_stamp - read the buffer's clock now ("now ts" in per_cpu stats)
 * @buffer: the buffer
 *
 * Return: the clock value.
 */
u64 ring_buffer_time_stamp(struct trace_buffer *buffer)
{
	return buffer->clock();
}

/**
 * ring_buffer_change_overwrite - set overwrite (options/overwrite) or producer-stops mode
 * @buffer: the buffer
 * @overwrite: true to recycle the oldest data when full
 */
void ring_buffer_change_overwrite(struct trace_buffer *buffer, bool overwrite)
{
	if (overwrite)
		__atomic_fetch_or(&buffer->flags, RB_FL_OVERWRITE, __ATOMIC_SEQ_CST);
	else
		__atomic_fetch_and(&buffer->flags, ~RB_FL_OVERWRITE, __ATOMIC_SEQ_CST);
}

/**
 * ring_buffer_nr_cpus - number of per-CPU buffers
 * @buffer: the buffer
 *
 * Return: nr_cpu_ids at allocation time.
 */
unsigned int ring_buffer_nr_cpus(struct trace_buffer *buffer)
{
	return buffer->cpus;
}

/**
 * ring_buffer_record_disable - make reservations fail until ring_buffer_record_enable()
 * @buffer: the buffer (calls nest)
 */
void ring_buffer_record_disable(struct trace_buffer *buffer)
{
	atomic_inc(&buffer->record_disabled);
}

/**
 * ring_buffer_record_enable - undo one ring_buffer_record_disable()
 * @buffer: the buffer
 */
void ring_buffer_record_enable(struct trace_buffer *buffer)
{
	atomic_dec(&buffer->record_disabled);
}

/**
 * ring_buffer_record_off - tracing_on = 0: stop recording (does not nest)
 * @buffer: the buffer
 */
void ring_buffer_record_off(struct trace_buffer *buffer)
{
	int old, new;

	do {
		old = atomic_read(&buffer->record_disabled);
		new = old | RB_BUFFER_OFF;
	} while (atomic_cmpxchg(&buffer->record_disabled, old, new) != old);
}

/**
 * ring_buffer_record_on - tracing_on = 1
 * @buffer: the buffer
 */
void ring_buffer_record_on(struct trace_buffer *buffer)
{
	int old, new;

	do {
		old = atomic_read(&buffer->record_disabled);
		new = old & ~RB_BUFFER_OFF;
	} while (atomic_cmpxchg(&buffer->record_disabled, old, new) != old);
}

/**
 * ring_buffer_record_is_on - whether tracing_on is 1
 * @buffer: the buffer
 *
 * Return: false after ring_buffer_record_off().
 */
bool ring_buffer_record_is_on(struct trace_buffer *buffer)
{
	return !(atomic_read(&buffer->record_disabled) & RB_BUFFER_OFF);
}

/**
 * ring_buffer_record_disable_cpu - stop recording on one CPU (nests)
 * @buffer: the buffer
 * @cpu: the CPU
 */
void ring_buffer_record_disable_cpu(struct trace_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);

	if (cpu_buffer)
		atomic_inc(&cpu_buffer->record_disabled);
}

/**
 * ring_buffer_record_enable_cpu - undo ring_buffer_record_disable_cpu()
 * @buffer: the buffer
 * @cpu: the CPU
 */
void ring_buffer_record_enable_cpu(struct trace_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);

	if (cpu_buffer)
		atomic_dec(&cpu_buffer->record_disabled);
}

/**
 * ring_buffer_reset_cpu - empty one CPU buffer and zero its counters (echo > trace)
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Writers are kept out meanwhile; open iterators notice and restart.
 */
void ring_buffer_reset_cpu(struct trace_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);
	unsigned long flags;

	if (!cpu_buffer)
		return;
	atomic_inc(&cpu_buffer->record_disabled);
	if (rb_wait_writers(cpu_buffer)) {
		spin_lock_irqsave(&cpu_buffer->reader_lock, flags);
		rb_init_ring(cpu_buffer);
		spin_unlock_irqrestore(&cpu_buffer->reader_lock, flags);
	}
	atomic_dec(&cpu_buffer->record_disabled);
}

/**
 * ring_buffer_reset - ring_buffer_reset_cpu() on every CPU
 * @buffer: the buffer
 */
void ring_buffer_reset(struct trace_buffer *buffer)
{
	unsigned int cpu;

	for (cpu = 0; cpu < buffer->cpus; cpu++)
		ring_buffer_reset_cpu(buffer, cpu);
}

/**
 * ring_buffer_lock_reserve - reserve @length payload bytes on this CPU's buffer
 * @buffer: the buffer
 * @length: payload bytes (at most BUF_MAX_DATA_SIZE)
 *
 * Lock-free and allocation-free; safe in any context. The caller fills
 * ring_buffer_event_data() and then calls ring_buffer_unlock_commit() or
 * ring_buffer_discard_commit() on the same CPU, before it could migrate.
 * Return: the event, or NULL (recording off, too long, recursion, or buffer full).
 */
__noprobe struct ring_buffer_event *ring_buffer_lock_reserve(struct trace_buffer *buffer,
							     unsigned long length)
{
	struct ring_buffer_per_cpu *cpu_buffer;
	struct ring_buffer_event *event;
	unsigned int cpu;

	preempt_disable();
	if (unlikely(atomic_read(&buffer->record_disabled)))
		goto out;
	cpu = smp_processor_id();
	if (unlikely(cpu >= buffer->cpus))
		goto out;
	cpu_buffer = buffer->buffers[cpu];
	if (unlikely(atomic_read(&cpu_buffer->record_disabled)))
		goto out;
	if (unlikely(length > BUF_MAX_DATA_SIZE))
		goto out;
	if (unlikely(rb_recursive_lock(cpu_buffer))) {
		local_inc(&cpu_buffer->nest_dropped);
		goto out;
	}
	event = rb_reserve_next_event(buffer, cpu_buffer, length);
	if (!event)
		goto out_unlock;
	return event;
out_unlock:
	rb_recursive_unlock(cpu_buffer);
out:
	preempt_enable();
	return NULL;
}

/**
 * ring_buffer_unlock_commit - publish an event reserved by ring_buffer_lock_reserve()
 * @buffer: the buffer
 * @event: the reserved event
 *
 * Readers see it once the outermost writer on this CPU has committed.
 * Return: 0.
 */
__noprobe int ring_buffer_unlock_commit(struct trace_buffer *buffer,
					struct ring_buffer_event *event)
{
	struct ring_buffer_per_cpu *cpu_buffer = buffer->buffers[smp_processor_id()];

	rb_end_commit(cpu_buffer);
	rb_wakeups(buffer, cpu_buffer);
	rb_recursive_unlock(cpu_buffer);
	preempt_enable();
	return 0;
}

/**
 * ring_buffer_discard_commit - drop a reserved event instead of committing it (filters)
 * @buffer: the buffer
 * @event: the reserved event
 *
 * The space stays, as padding that keeps the event's time delta; counters forget it.
 */
__noprobe void ring_buffer_discard_commit(struct trace_buffer *buffer,
					  struct ring_buffer_event *event)
{
	struct ring_buffer_per_cpu *cpu_buffer = buffer->buffers[smp_processor_id()];
	unsigned long len = rb_data_event_len(event);
	unsigned long gone = event->time_delta ? len - RB_LEN_TIME_EXTEND : len;
	struct buffer_page *bpage = rb_event_page(cpu_buffer, event);

	if (bpage) {
		local_dec(&bpage->entries);
		local_sub(gone, &bpage->bytes);
	}
	local_dec(&cpu_buffer->entries);
	local_sub(gone, &cpu_buffer->entries_bytes);
	rb_event_discard(event, len);
	rb_end_commit(cpu_buffer);
	rb_recursive_unlock(cpu_buffer);
	preempt_enable();
}

/**
 * ring_buffer_write - reserve, copy @length bytes of @data and commit
 * @buffer: the buffer
 * @length: payload bytes
 * @data: payload
 *
 * Return: 0, or -EBUSY when the event could not be reserved.
 */
__noprobe int ring_buffer_write(struct trace_buffer *buffer, unsigned long length,
				const void *data)
{
	struct ring_buffer_event *event = ring_buffer_lock_reserve(buffer, length);

	if (!event)
		return -EBUSY;
	memcpy(ring_buffer_event_data(event), data, length);
	return ring_buffer_unlock_commit(buffer, event);
}

/**
 * ring_buffer_event_length - payload length of a data event
 * @event: the event
 *
 * Return: the reserved length rounded up to 4 bytes (8 for time events).
 */
unsigned int ring_buffer_event_length(struct ring_buffer_event *event)
{
	if (event->type_len > RINGBUF_TYPE_DATA_TYPE_LEN_MAX)
		return event->type_len == RINGBUF_TYPE_PADDING ? event->array[0] :
		       RB_LEN_TIME_EXTEND;
	if (event->type_len)
		return event->type_len * 4U;
	return event->array[0] - sizeof(u32);
}

/**
 * ring_buffer_peek - look at the next event of @cpu without consuming it
 * @buffer: the buffer
 * @cpu: the CPU
 * @ts: where to store the event's time (may be NULL)
 * @lost_events: where to store how many events were overwritten before it (may be NULL)
 *
 * The event stays valid until the next consuming call on this CPU.
 * Return: the event, or NULL when there is none.
 */
struct ring_buffer_event *ring_buffer_peek(struct trace_buffer *buffer, int cpu, u64 *ts,
					   unsigned long *lost_events)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);
	struct ring_buffer_event *event;
	unsigned long flags;

	if (!cpu_buffer)
		return NULL;
	spin_lock_irqsave(&cpu_buffer->reader_lock, flags);
	event = rb_buffer_peek(cpu_buffer, ts, lost_events);
	spin_unlock_irqrestore(&cpu_buffer->reader_lock, flags);
	return event;
}

/**
 * ring_buffer_consume - return and consume the next event of @cpu (trace_pipe)
 * @buffer: the buffer
 * @cpu: the CPU
 * @ts: where to store the event's time (may be NULL)
 * @lost_events: where to store how many events were overwritten before it (may be NULL);
 *	tracefs prints "CPU:%d [LOST %lu EVENTS]" when it is not 0
 *
 * The event stays valid until the next consuming call on this CPU; only one consumer per
 * CPU should use the pointer.
 * Return: the event, or NULL when there is none.
 */
struct ring_buffer_event *ring_buffer_consume(struct trace_buffer *buffer, int cpu, u64 *ts,
					      unsigned long *lost_events)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);
	struct ring_buffer_event *event;
	unsigned long flags;

	if (!cpu_buffer)
		return NULL;
	spin_lock_irqsave(&cpu_buffer->reader_lock, flags);
	event = rb_buffer_peek(cpu_buffer, ts, lost_events);
	if (event)
		rb_advance_reader(cpu_buffer, event);
	spin_unlock_irqrestore(&cpu_buffer->reader_lock, flags);
	return event;
}

/**
 * ring_buffer_empty_cpu - whether @cpu has no committed unread event
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: true when empty.
 */
bool ring_buffer_empty_cpu(struct trace_buffer *buffer, int cpu)
{
	return !ring_buffer_peek(buffer, cpu, NULL, NULL);
}

/**
 * ring_buffer_empty - whether every CPU buffer is empty
 * @buffer: the buffer
 *
 * Return: true when empty.
 */
bool ring_buffer_empty(struct trace_buffer *buffer)
{
	unsigned int cpu;

	for (cpu = 0; cpu < buffer->cpus; cpu++)
		if (!ring_buffer_empty_cpu(buffer, cpu))
			return false;
	return true;
}

/* ---- waiting for data ---------------------------------------------------------------- */

static struct rb_irq_work *rb_cpu_work(struct trace_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer;

	if (cpu == RING_BUFFER_ALL_CPUS)
		return &buffer->irq_work;
	cpu_buffer = rb_cpu(buffer, cpu);
	return cpu_buffer ? &cpu_buffer->irq_work : NULL;
}

/* Mark @rbwork waited on, then look for data; the caller is already on its queue. */
static bool rb_wait_ready(struct trace_buffer *buffer, int cpu, struct rb_irq_work *rbwork)
{
	WRITE_ONCE(rbwork->waiters_pending, true);
	smp_mb();	/* the flag before the check; pairs with rb_wakeups() */
	if (cpu == RING_BUFFER_ALL_CPUS)
		return !ring_buffer_empty(buffer);
	return !ring_buffer_empty_cpu(buffer, cpu);
}

/**
 * ring_buffer_wait - sleep until @cpu (or any CPU) has data to consume
 * @buffer: the buffer
 * @cpu: a CPU, or RING_BUFFER_ALL_CPUS
 *
 * Writers wake the sleeper through irq_work after their commit; ring_buffer_wake_waiters()
 * wakes it without data (tracing turned off: the caller checks its own end condition).
 * Return: 0, -EINTR when a signal arrived, -ENODEV for a bad CPU.
 */
int ring_buffer_wait(struct trace_buffer *buffer, int cpu)
{
	struct rb_irq_work *rbwork = rb_cpu_work(buffer, cpu);
	unsigned long index;

	if (!rbwork)
		return -ENODEV;
	index = READ_ONCE(rbwork->wait_index);
	if (wait_event_interruptible(rbwork->waiters,
				     rb_wait_ready(buffer, cpu, rbwork) ||
				     READ_ONCE(rbwork->wait_index) != index))
		return -EINTR;
	return 0;
}

/**
 * ring_buffer_wake_waiters - wake the sleepers of ring_buffer_wait() without data
 * @buffer: the buffer
 * @cpu: a CPU, or RING_BUFFER_ALL_CPUS for every sleeper of the buffer
 *
 * Process context.
 */
void ring_buffer_wake_waiters(struct trace_buffer *buffer, int cpu)
{
	unsigned int c;

	if (cpu != RING_BUFFER_ALL_CPUS) {
		struct rb_irq_work *rbwork = rb_cpu_work(buffer, cpu);

		if (rbwork) {
			WRITE_ONCE(rbwork->wait_index, rbwork->wait_index + 1);
			wake_up_all(&rbwork->waiters);
		}
		return;
	}
	WRITE_ONCE(buffer->irq_work.wait_index, buffer->irq_work.wait_index + 1);
	wake_up_all(&buffer->irq_work.waiters);
	for (c = 0; c < buffer->cpus; c++)
		ring_buffer_wake_waiters(buffer, c);
}

/**
 * ring_buffer_poll_queue - the wait queue a ->poll() on @cpu's data waits on
 * @buffer: the buffer
 * @cpu: a CPU, or RING_BUFFER_ALL_CPUS
 *
 * Return: the queue, or NULL for a bad CPU.
 */
wait_queue_head_t *ring_buffer_poll_queue(struct trace_buffer *buffer, int cpu)
{
	struct rb_irq_work *rbwork = rb_cpu_work(buffer, cpu);

	return rbwork ? &rbwork->waiters : NULL;
}

/**
 * ring_buffer_poll_ready - whether @cpu has data, asking the next commit to wake the queue
 * @buffer: the buffer
 * @cpu: a CPU, or RING_BUFFER_ALL_CPUS
 *
 * Call after poll_wait() on ring_buffer_poll_queue(), so that no commit is missed between.
 * Return: true when there is data to read.
 */
bool ring_buffer_poll_ready(struct trace_buffer *buffer, int cpu)
{
	struct rb_irq_work *rbwork = rb_cpu_work(buffer, cpu);

	return rbwork && rb_wait_ready(buffer, cpu, rbwork);
}

/**
 * ring_buffer_read_start - open a non-consuming iterator on @cpu (the `trace` file)
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Writers may keep running. When they recycle the page the iterator is on, it continues
 * at the oldest surviving page and ring_buffer_iter_dropped() reports the gap. If a
 * consumer reads @cpu meanwhile, the iterator restarts from the consumer's position.
 * Resizing fails with -EBUSY while an iterator is open.
 * Return: the iterator, or NULL (bad CPU, no memory).
 */
struct ring_buffer_iter *ring_buffer_read_start(struct trace_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);
	struct ring_buffer_iter *iter;
	unsigned long flags;

	if (!cpu_buffer)
		return NULL;
	iter = kzalloc(sizeof(*iter), GFP_KERNEL);
	if (!iter)
		return NULL;
	iter->cpu_buffer = cpu_buffer;
	atomic_inc(&cpu_buffer->resize_disabled);
	spin_lock_irqsave(&cpu_buffer->reader_lock, flags);
	rb_iter_reset(iter);
	spin_unlock_irqrestore(&cpu_buffer->reader_lock, flags);
	return iter;
}

/**
 * ring_buffer_read_finish - close an iterator
 * @iter: the iterator (NULL is ignored)
 */
void ring_buffer_read_finish(struct ring_buffer_iter *iter)
{
	if (!iter)
		return;
	atomic_dec(&iter->cpu_buffer->resize_disabled);
	kfree(iter);
}

/**
 * ring_buffer_iter_peek - the iterator's current event, copied out of the buffer
 * @iter: the iterator
 * @ts: where to store the event's time (may be NULL)
 *
 * Return: a copy that stays valid until the iterator moves, or NULL at the end.
 */
struct ring_buffer_event *ring_buffer_iter_peek(struct ring_buffer_iter *iter, u64 *ts)
{
	struct ring_buffer_per_cpu *cpu_buffer = iter->cpu_buffer;
	struct ring_buffer_event *event;
	unsigned long flags;

	spin_lock_irqsave(&cpu_buffer->reader_lock, flags);
	event = rb_iter_peek(iter, ts);
	spin_unlock_irqrestore(&cpu_buffer->reader_lock, flags);
	return event;
}

/**
 * ring_buffer_iter_advance - step past the event ring_buffer_iter_peek() returned
 * @iter: the iterator
 */
void ring_buffer_iter_advance(struct ring_buffer_iter *iter)
{
	struct ring_buffer_per_cpu *cpu_buffer = iter->cpu_buffer;
	unsigned long flags;

	spin_lock_irqsave(&cpu_buffer->reader_lock, flags);
	if (!iter->valid)
		rb_iter_peek(iter, NULL);
	if (iter->valid) {
		iter->head = iter->next_head;
		iter->read_stamp = iter->next_stamp;
		iter->valid = false;
	}
	spin_unlock_irqrestore(&cpu_buffer->reader_lock, flags);
}

/**
 * ring_buffer_iter_empty - whether the iterator has reached the newest event
 * @iter: the iterator
 *
 * Return: true at the end.
 */
bool ring_buffer_iter_empty(struct ring_buffer_iter *iter)
{
	return !ring_buffer_iter_peek(iter, NULL);
}

/**
 * ring_buffer_iter_dropped - whether events were overwritten under the iterator since the
 * last call
 * @iter: the iterator
 *
 * Return: true once per gap.
 */
bool ring_buffer_iter_dropped(struct ring_buffer_iter *iter)
{
	bool missed = iter->missed;

	iter->missed = false;
	return missed;
}

/**
 * ring_buffer_iter_reset - go back to the oldest unread event
 * @iter: the iterator
 */
void ring_buffer_iter_reset(struct ring_buffer_iter *iter)
{
	struct ring_buffer_per_cpu *cpu_buffer = iter->cpu_buffer;
	unsigned long flags;

	spin_lock_irqsave(&cpu_buffer->reader_lock, flags);
	rb_iter_reset(iter);
	spin_unlock_irqrestore(&cpu_buffer->reader_lock, flags);
}

/**
 * ring_buffer_alloc_read_page - a page for ring_buffer_read_page()
 * @buffer: the buffer
 * @cpu: the CPU it will be used with
 *
 * Return: the page, or ERR_PTR(-ENOMEM).
 */
void *ring_buffer_alloc_read_page(struct trace_buffer *buffer, int cpu)
{
	void *page = (void *)get_zeroed_page(GFP_KERNEL);

	return page ? page : ERR_PTR(-ENOMEM);
}

/**
 * ring_buffer_free_read_page - free a page from ring_buffer_alloc_read_page()
 * @buffer: the buffer
 * @cpu: the CPU
 * @data: the page
 */
void ring_buffer_free_read_page(struct trace_buffer *buffer, int cpu, void *data)
{
	if (!IS_ERR_OR_NULL(data))
		free_page((unsigned long)data);
}

/**
 * ring_buffer_read_page - consume the unread part of the reader page as one sub-buffer
 * @buffer: the buffer
 * @data_page: a page from ring_buffer_alloc_read_page(); receives a struct buffer_data_page
 * @len: bytes available at @data_page (a whole page normally)
 * @cpu: the CPU
 * @full: only succeed for a sub-buffer the writer has finished with
 *
 * Copies whole events. The copy's time_stamp is the time of the event before the first one
 * copied, so deltas stay valid; if events were lost, commit carries RB_MISSED_EVENTS and
 * RB_MISSED_STORED with the count stored (unsigned long) after the data. To keep room for
 * the count, the copy then stops short of the page's last event(s), which the next call
 * returns; only a lone event too big to leave that room goes out with RB_MISSED_EVENTS alone.
 * Nothing is written at or beyond @len bytes of @data_page.
 * Return: 0, -EAGAIN when there is nothing (or no full page) to read, -EINVAL.
 */
int ring_buffer_read_page(struct trace_buffer *buffer, void *data_page, size_t len, int cpu,
			  bool full)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);
	struct buffer_data_page *bpage = data_page;
	struct buffer_page *reader;
	unsigned long flags, commit, end, off, elen, copied = 0, events = 0, bytes = 0;
	unsigned long missed, room;
	unsigned int tries;
	u64 stamp;
	int ret = -EAGAIN;

	if (!cpu_buffer || !data_page || len <= BUF_PAGE_HDR_SIZE)
		return -EINVAL;
	len = min_t(size_t, len - BUF_PAGE_HDR_SIZE, BUF_PAGE_SIZE);
	spin_lock_irqsave(&cpu_buffer->reader_lock, flags);
	for (tries = 0; ; tries++) {
		reader = rb_get_reader_page(cpu_buffer);
		if (!reader || tries > 3)
			goto out_unlock;
		commit = rb_page_commit(reader);
		if (full && smp_load_acquire(&cpu_buffer->commit_page) == reader)
			goto out_unlock;
		/* leave the closing padding out: room for the missed-events count */
		end = commit;
		if (commit == BUF_PAGE_SIZE && reader->real_end)
			end = reader->real_end;
		if (reader->read < end)
			break;
		reader->read = commit;
	}
	if (!reader->read)
		cpu_buffer->read_stamp = reader->page->time_stamp;
	stamp = cpu_buffer->read_stamp;
	bpage->time_stamp = stamp;
	/*
	 * Events were lost (counted at the swap that brought this page in): leave room for
	 * their count after the data. A page filled to within 4 bytes of its end would
	 * otherwise go out flagged RB_MISSED_EVENTS with no count, and the reader could not
	 * tell how many events it lost.
	 */
	missed = cpu_buffer->lost_events;
	room = missed && len >= sizeof(missed) ? len - sizeof(missed) : len;
	for (off = reader->read; off < end; off += elen) {
		struct ring_buffer_event *event = (void *)&reader->page->data[off];

		elen = rb_event_len_checked(reader->page, off, end);
		if (RB_WARN_ON(cpu_buffer, !elen))
			break;
		if (copied + elen > len || (copied && copied + elen > room))
			break;
		memcpy(&bpage->data[copied], event, elen);
		copied += elen;
		switch (event->type_len) {
		case RINGBUF_TYPE_PADDING:
			break;
		case RINGBUF_TYPE_TIME_EXTEND:
			stamp += rb_event_time_value(event);
			bytes += elen;
			break;
		case RINGBUF_TYPE_TIME_STAMP:
			stamp = rb_event_time_value(event);
			bytes += elen;
			break;
		default:
			stamp += event->time_delta;
			bytes += elen;
			events++;
			break;
		}
	}
	if (!copied)
		goto out_unlock;
	reader->read = off >= end ? commit : off;
	cpu_buffer->read_stamp = stamp;
	WRITE_ONCE(cpu_buffer->read, cpu_buffer->read + events);
	WRITE_ONCE(cpu_buffer->read_bytes, cpu_buffer->read_bytes + bytes);
	cpu_buffer->lost_events = 0;
	local_set(&bpage->commit, copied);
	if (missed) {
		if (len - copied >= sizeof(missed)) {
			memcpy(&bpage->data[copied], &missed, sizeof(missed));
			local_add(RB_MISSED_STORED, &bpage->commit);
			copied += sizeof(missed);
		}
		local_add(RB_MISSED_EVENTS, &bpage->commit);
	}
	if (copied < len)
		memset(&bpage->data[copied], 0, len - copied);
	ret = 0;
out_unlock:
	spin_unlock_irqrestore(&cpu_buffer->reader_lock, flags);
	return ret;
}

/**
 * ring_buffer_entries_cpu - events held on @cpu (written - overrun - read)
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: the count ("entries:" in per_cpu/cpuN/stats).
 */
unsigned long ring_buffer_entries_cpu(struct trace_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);

	if (!cpu_buffer)
		return 0;
	return local_read(&cpu_buffer->entries) -
	       (local_read(&cpu_buffer->overrun) + READ_ONCE(cpu_buffer->read));
}

/**
 * ring_buffer_overrun_cpu - events lost to overwrite mode on @cpu
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: the count ("overrun:").
 */
unsigned long ring_buffer_overrun_cpu(struct trace_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);

	return cpu_buffer ? local_read(&cpu_buffer->overrun) : 0;
}

/**
 * ring_buffer_commit_overrun_cpu - events dropped because the writer wrapped onto data still
 * being written
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: the count ("commit overrun:").
 */
unsigned long ring_buffer_commit_overrun_cpu(struct trace_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);

	return cpu_buffer ? local_read(&cpu_buffer->commit_overrun) : 0;
}

/**
 * ring_buffer_bytes_cpu - bytes of unread events held on @cpu, headers included
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: the count ("bytes:").
 */
unsigned long ring_buffer_bytes_cpu(struct trace_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);

	if (!cpu_buffer)
		return 0;
	return local_read(&cpu_buffer->entries_bytes) -
	       (local_read(&cpu_buffer->overrun_bytes) + READ_ONCE(cpu_buffer->read_bytes));
}

/**
 * ring_buffer_oldest_event_ts - time of the oldest sub-buffer still holding data on @cpu
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: the time, or 0 when the CPU buffer is empty.
 */
u64 ring_buffer_oldest_event_ts(struct trace_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);
	struct buffer_page *bpage;
	unsigned long flags;
	u64 ts = 0;

	if (!cpu_buffer || !ring_buffer_entries_cpu(buffer, cpu))
		return 0;
	spin_lock_irqsave(&cpu_buffer->reader_lock, flags);
	bpage = cpu_buffer->reader_page;
	if (bpage->read < rb_page_commit(bpage)) {
		ts = bpage->read ? cpu_buffer->read_stamp : bpage->page->time_stamp;
	} else {
		bpage = rb_find_head(cpu_buffer);
		if (bpage)
			ts = bpage->page->time_stamp;
	}
	spin_unlock_irqrestore(&cpu_buffer->reader_lock, flags);
	return ts;
}

/**
 * ring_buffer_dropped_events_cpu - events refused because the buffer was full and overwrite
 * is off
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: the count ("dropped events:").
 */
unsigned long ring_buffer_dropped_events_cpu(struct trace_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);

	return cpu_buffer ? local_read(&cpu_buffer->dropped_events) : 0;
}

/**
 * ring_buffer_read_events_cpu - events consumed by readers on @cpu
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: the count ("read events:").
 */
unsigned long ring_buffer_read_events_cpu(struct trace_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);

	return cpu_buffer ? READ_ONCE(cpu_buffer->read) : 0;
}

/**
 * ring_buffer_nest_dropped_cpu - events dropped for recursion within one context, or for
 * interrupting a page switch on the same CPU
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: the count (not part of the Linux stats file).
 */
unsigned long ring_buffer_nest_dropped_cpu(struct trace_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = rb_cpu(buffer, cpu);

	return cpu_buffer ? local_read(&cpu_buffer->nest_dropped) : 0;
}

/**
 * ring_buffer_entries - events held on all CPUs (trace header "entries-in-buffer")
 * @buffer: the buffer
 *
 * Return: the sum of ring_buffer_entries_cpu().
 */
unsigned long ring_buffer_entries(struct trace_buffer *buffer)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < buffer->cpus; cpu++)
		sum += ring_buffer_entries_cpu(buffer, cpu);
	return sum;
}

/**
 * ring_buffer_overruns - events lost to overwrite on all CPUs
 * @buffer: the buffer
 *
 * Return: the sum of ring_buffer_overrun_cpu().
 */
unsigned long ring_buffer_overruns(struct trace_buffer *buffer)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < buffer->cpus; cpu++)
		sum += ring_buffer_overrun_cpu(buffer, cpu);
	return sum;
}

static size_t rb_copy_text(char *buf, size_t size, const char *const *parts, size_t n)
{
	size_t total = 0, i, l;

	for (i = 0; i < n; i++) {
		l = strlen(parts[i]);
		if (size && total < size - 1)
			memcpy(buf + total, parts[i], min(l, size - 1 - total));
		total += l;
	}
	if (size)
		buf[min(total, size - 1)] = '\0';
	return total;
}

/**
 * ring_buffer_print_page_header - the text of events/header_page
 * @buf: destination
 * @size: its size; the text is NUL-terminated and truncated to fit
 * @char_is_signed: the arch's char signedness (tracefs passes (char)-1 < 0)
 *
 * Return: the length of the whole text, as snprintf() does.
 */
size_t ring_buffer_print_page_header(char *buf, size_t size, bool char_is_signed)
{
	static const char *const text[] = {
		"\tfield: u64 timestamp;\toffset:0;\tsize:8;\tsigned:0;\n",
		"\tfield: local_t commit;\toffset:8;\tsize:8;\tsigned:1;\n",
		"\tfield: int overwrite;\toffset:8;\tsize:1;\tsigned:1;\n",
		"\tfield: char data;\toffset:16;\tsize:4080;\tsigned:", NULL, ";\n",
	};
	const char *parts[ARRAY_SIZE(text)];
	size_t i;

	BUILD_BUG_ON(BUF_PAGE_SIZE != 4080 || BUF_PAGE_HDR_SIZE != 16);
	for (i = 0; i < ARRAY_SIZE(text); i++)
		parts[i] = text[i] ? text[i] : (char_is_signed ? "1" : "0");
	return rb_copy_text(buf, size, parts, ARRAY_SIZE(parts));
}

/**
 * ring_buffer_print_entry_header - the text of events/header_event
 * @buf: destination
 * @size: its size; the text is NUL-terminated and truncated to fit
 *
 * Return: the length of the whole text, as snprintf() does.
 */
size_t ring_buffer_print_entry_header(char *buf, size_t size)
{
	static const char *const text[] = {
		"# compressed entry header\n",
		"\ttype_len    :    5 bits\n",
		"\ttime_delta  :   27 bits\n",
		"\tarray       :   32 bits\n",
		"\n",
		"\tpadding     : type == 29\n",
		"\ttime_extend : type == 30\n",
		"\ttime_stamp : type == 31\n",
		"\tdata max type_len  == 28\n",
	};

	BUILD_BUG_ON(RINGBUF_TYPE_PADDING != 29 || RINGBUF_TYPE_TIME_STAMP != 31);
	return rb_copy_text(buf, size, text, ARRAY_SIZE(text));
}
