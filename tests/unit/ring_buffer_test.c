// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of kernel/trace/ring_buffer.c: exact event and sub-buffer layout, overwrite and
 * producer-stops accounting, nesting and recursion, resize, reset, the iterator and
 * trace_pipe_raw pages; then a stress test with one writer thread per simulated CPU (with
 * simulated interrupts nesting inside writes) against concurrent consuming and iterating
 * readers, checking every record and that read + overrun + remaining == written; and the
 * wake-up protocol: commits queue the irq_work only for a marked waiter, and blocked readers
 * always wake.
 */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unit.h>
#include <starling/ring_buffer.h>
#include <starling/preempt.h>
#include <starling/errno.h>
#include <starling/wait.h>

unsigned int nr_cpu_ids = 1;
unsigned long unit_irq_work_queued;
unsigned long unit_wait_timeouts;
__thread unsigned int unit_this_cpu;
__thread unsigned int unit_preempt_count;
__thread unsigned long unit_irq_flags;

static u64 fake_now;
static u64 fake_clock(void)
{
	return fake_now;
}

static struct trace_buffer *new_buffer(unsigned long size, unsigned int flags)
{
	struct trace_buffer *b;

	nr_cpu_ids = 1;
	unit_this_cpu = 0;
	b = ring_buffer_alloc(size, flags);
	if (b)
		ring_buffer_set_clock(b, fake_clock);
	fake_now = 1000;
	return b;
}

static void fill(void *p, unsigned long len, unsigned int seed)
{
	unsigned char *c = p;

	for (unsigned long i = 0; i < len; i++)
		c[i] = (unsigned char)(seed * 31 + i);
}

static bool check(const void *p, unsigned long len, unsigned int seed)
{
	const unsigned char *c = p;

	for (unsigned long i = 0; i < len; i++)
		if (c[i] != (unsigned char)(seed * 31 + i))
			return false;
	return true;
}

static int write_seq(struct trace_buffer *b, unsigned long len, unsigned int seq)
{
	struct ring_buffer_event *ev = ring_buffer_lock_reserve(b, len);

	if (!ev)
		return -EBUSY;
	fill(ring_buffer_event_data(ev), len, seq);
	if (len >= 4)
		memcpy(ring_buffer_event_data(ev), &seq, 4);
	return ring_buffer_unlock_commit(b, ev);
}

static unsigned int ev_seq(struct ring_buffer_event *ev)
{
	unsigned int seq;

	memcpy(&seq, ring_buffer_event_data(ev), 4);
	return seq;
}

static u32 word(const void *page, unsigned long off)
{
	u32 w;

	memcpy(&w, (const char *)page + BUF_PAGE_HDR_SIZE + off, 4);
	return w;
}

/* Event headers, type_len 0 for >112 bytes, time extends, absolute stamps, deltas. */
static void test_event_format(void)
{
	struct trace_buffer *b = new_buffer(8160, RB_FL_OVERWRITE);
	struct buffer_data_page *page = ring_buffer_alloc_read_page(b, 0);
	struct ring_buffer_event *ev;
	unsigned char data[200];
	u64 ts;

	fill(data, sizeof(data), 7);
	EXPECT_EQ(ring_buffer_size(b, 0), 8160);
	EXPECT_EQ(ring_buffer_write(b, 4, data), 0);		/* off 0: 8 bytes */
	fake_now = 1010;
	EXPECT_EQ(ring_buffer_write(b, 8, data), 0);		/* off 8: 12 -> 16 bytes */
	EXPECT_EQ(ring_buffer_write(b, 5, data), 0);		/* off 24: 12 -> 16 bytes */
	fake_now = 1011;
	EXPECT_EQ(ring_buffer_write(b, 113, data), 0);		/* off 40: 124 bytes */
	EXPECT_EQ(ring_buffer_write(b, 112, data), 0);		/* off 164: 116 bytes */
	fake_now = 1011 + (3ULL << 27) + 5;
	EXPECT_EQ(ring_buffer_write(b, 4, data), 0);		/* off 280: extend + 8 */
	fake_now = 500;						/* clock went back */
	EXPECT_EQ(ring_buffer_write(b, 4, data), 0);		/* off 296: stamp + 8 */

	EXPECT_EQ(ring_buffer_entries_cpu(b, 0), 7);
	EXPECT_EQ(ring_buffer_bytes_cpu(b, 0), 312);
	EXPECT_EQ(ring_buffer_oldest_event_ts(b, 0), 1000);

	EXPECT_EQ(ring_buffer_read_page(b, page, 4096, 0, true), -EAGAIN);	/* not full */
	EXPECT_EQ(ring_buffer_read_page(b, page, 4096, 0, false), 0);
	EXPECT_EQ(page->time_stamp, 1000);
	EXPECT_EQ(local_read(&page->commit), 312);
	EXPECT_EQ(word(page, 0), 1);				/* type_len 1, delta 0 */
	EXPECT_EQ(word(page, 4), *(u32 *)data);
	EXPECT_EQ(word(page, 8), 3 | (10 << 5));
	EXPECT_EQ(word(page, 24), 3);
	EXPECT_EQ(word(page, 40), 0 | (1 << 5));		/* type_len 0 */
	EXPECT_EQ(word(page, 44), 120);				/* array[0] */
	EXPECT_TRUE(!memcmp((char *)page + 16 + 48, data, 113));
	EXPECT_EQ(word(page, 164), 28);
	EXPECT_EQ(word(page, 280), 30 | (5 << 5));		/* time extend */
	EXPECT_EQ(word(page, 284), 3);
	EXPECT_EQ(word(page, 288), 1);				/* delta 0 after extend */
	EXPECT_EQ(word(page, 296), 31 | (500 << 5));		/* absolute stamp */
	EXPECT_EQ(word(page, 300), 0);
	EXPECT_EQ(word(page, 304), 1);
	EXPECT_EQ(word(page, 312), 0);				/* zeroed after commit */
	EXPECT_EQ(ring_buffer_entries_cpu(b, 0), 0);
	EXPECT_EQ(ring_buffer_read_events_cpu(b, 0), 7);
	EXPECT_EQ(ring_buffer_bytes_cpu(b, 0), 0);
	EXPECT_TRUE(ring_buffer_empty(b));

	/* the same through the consuming reader */
	ring_buffer_reset(b);
	fake_now = 1000;
	unsigned long lens[] = { 4, 8, 5, 113, 112, 4, 4 };
	u64 times[] = { 1000, 1010, 1010, 1011, 1011, 1011 + (3ULL << 27) + 5, 500 };
	for (int i = 0; i < 7; i++) {
		fake_now = times[i];
		EXPECT_EQ(ring_buffer_write(b, lens[i], data), 0);
	}
	unsigned int exp_len[] = { 4, 12, 12, 116, 112, 4, 4 };
	for (int i = 0; i < 7; i++) {
		unsigned long lost = 99;

		ev = ring_buffer_consume(b, 0, &ts, &lost);
		EXPECT_TRUE(ev != NULL);
		if (!ev)
			break;
		EXPECT_EQ(ts, times[i]);
		EXPECT_EQ(lost, 0);
		EXPECT_EQ(ring_buffer_event_length(ev), exp_len[i]);
		EXPECT_TRUE(!memcmp(ring_buffer_event_data(ev), data, lens[i]));
	}
	EXPECT_TRUE(ring_buffer_consume(b, 0, &ts, NULL) == NULL);
	ring_buffer_free_read_page(b, 0, page);
	ring_buffer_free(b);
}

/* A discarded event becomes a time extend (keeping its delta) plus padding. */
static void test_discard(void)
{
	struct trace_buffer *b = new_buffer(8192, RB_FL_OVERWRITE);
	struct buffer_data_page *page = ring_buffer_alloc_read_page(b, 0);
	struct ring_buffer_event *ev;
	u64 ts;

	EXPECT_EQ(write_seq(b, 4, 1), 0);
	fake_now = 1100;
	ev = ring_buffer_lock_reserve(b, 16);
	ring_buffer_discard_commit(b, ev);
	fake_now = 1150;
	EXPECT_EQ(write_seq(b, 4, 2), 0);
	EXPECT_EQ(ring_buffer_entries_cpu(b, 0), 2);
	EXPECT_EQ(ring_buffer_bytes_cpu(b, 0), 8 + 8 + 8);
	EXPECT_EQ(ring_buffer_read_page(b, page, 4096, 0, false), 0);
	EXPECT_EQ(local_read(&page->commit), 8 + 20 + 8);
	EXPECT_EQ(word(page, 8), 30 | (100 << 5));
	EXPECT_EQ(word(page, 12), 0);
	EXPECT_EQ(word(page, 16), 29 | (1 << 5));		/* padding, 12 bytes */
	EXPECT_EQ(word(page, 20), 8);
	EXPECT_EQ(word(page, 28), 1 | (50 << 5));
	EXPECT_EQ(ring_buffer_bytes_cpu(b, 0), 0);

	EXPECT_EQ(write_seq(b, 4, 3), 0);
	fake_now = 1200;
	ev = ring_buffer_lock_reserve(b, 4);
	ring_buffer_discard_commit(b, ev);
	fake_now = 1210;
	EXPECT_EQ(write_seq(b, 4, 4), 0);
	ev = ring_buffer_consume(b, 0, &ts, NULL);
	EXPECT_TRUE(ev && ev_seq(ev) == 3 && ts == 1150);
	ev = ring_buffer_consume(b, 0, &ts, NULL);
	EXPECT_TRUE(ev && ev_seq(ev) == 4 && ts == 1210);
	EXPECT_EQ(ring_buffer_entries_cpu(b, 0), 0);
	EXPECT_EQ(ring_buffer_bytes_cpu(b, 0), 0);
	ring_buffer_free_read_page(b, 0, page);
	ring_buffer_free(b);
}

/* 100-byte payloads: 104-byte events, 39 per sub-buffer, 24 bytes of padding. */
static void test_overwrite_wrap(void)
{
	struct trace_buffer *b = new_buffer(8160, RB_FL_OVERWRITE);
	struct buffer_data_page *page = ring_buffer_alloc_read_page(b, 0);
	struct ring_buffer_event *ev;
	unsigned long lost;
	unsigned int seq, next;
	u64 ts;

	for (seq = 1; seq <= 39 * 5; seq++) {
		fake_now += 10;
		EXPECT_EQ(write_seq(b, 100, seq), 0);
	}
	EXPECT_EQ(ring_buffer_overrun_cpu(b, 0), 117);
	EXPECT_EQ(ring_buffer_entries_cpu(b, 0), 78);
	EXPECT_EQ(ring_buffer_overruns(b), 117);
	EXPECT_EQ(ring_buffer_entries(b), 78);
	EXPECT_EQ(ring_buffer_bytes_cpu(b, 0), 78 * 104);
	EXPECT_EQ(ring_buffer_oldest_event_ts(b, 0), 1000 + 118 * 10);

	/* one page through trace_pipe_raw: missed events flagged and stored */
	EXPECT_EQ(ring_buffer_read_page(b, page, 4096, 0, true), 0);
	EXPECT_EQ(local_read(&page->commit), 39 * 104 | RB_MISSED_EVENTS | RB_MISSED_STORED);
	EXPECT_EQ(page->time_stamp, 1000 + 118 * 10);
	EXPECT_EQ(word(page, 4), 118);
	unsigned long stored;
	memcpy(&stored, (char *)page + 16 + 39 * 104, sizeof(stored));
	EXPECT_EQ(stored, 117);
	EXPECT_EQ(ring_buffer_read_events_cpu(b, 0), 39);

	ev = ring_buffer_consume(b, 0, &ts, &lost);
	EXPECT_TRUE(ev && ev_seq(ev) == 157 && lost == 0 && ts == 1000 + 157 * 10);
	for (next = 158; (ev = ring_buffer_consume(b, 0, &ts, &lost)); next++) {
		EXPECT_EQ(ev_seq(ev), next);
		EXPECT_TRUE(check((char *)ring_buffer_event_data(ev) + 4, 96, next) ||
			    ((unsigned char *)ring_buffer_event_data(ev))[4] ==
			    (unsigned char)(next * 31 + 4));
	}
	EXPECT_EQ(next, 196);
	EXPECT_EQ(ring_buffer_entries_cpu(b, 0), 0);
	EXPECT_EQ(ring_buffer_read_events_cpu(b, 0), 78);

	/* keep wrapping with interleaved reads: every event is read or overrun */
	unsigned long read = 78, written = 195;
	for (int round = 0; round < 50; round++) {
		for (int i = 0; i < 30 + round * 3; i++) {
			fake_now += 10;
			EXPECT_EQ(write_seq(b, 20 + (round * 7 + i) % 150, ++seq), 0);
			written++;
		}
		for (int i = 0; i < 40 && (ev = ring_buffer_consume(b, 0, &ts, &lost)); i++)
			read++;
	}
	EXPECT_EQ(read + ring_buffer_overrun_cpu(b, 0) + ring_buffer_entries_cpu(b, 0), written);
	EXPECT_EQ(ring_buffer_read_events_cpu(b, 0), read);
	ring_buffer_free_read_page(b, 0, page);
	ring_buffer_free(b);
}

/*
 * trace_pipe_raw pages after a loss always carry the count: a sub-buffer filled exactly,
 * or to within 4 bytes, gives up its last event to the next read to make room for it.
 */
static unsigned long rp_len(unsigned int seq, bool short_tail)
{
	/* 136-byte events, 30 to a sub-buffer; short_tail: the 30th is 132 bytes (4076) */
	return short_tail && seq % 30 == 0 ? 124 : 128;
}

static void rp_check_room(bool short_tail)
{
	struct trace_buffer *b = new_buffer(8160, RB_FL_OVERWRITE);
	struct buffer_data_page *page = ring_buffer_alloc_read_page(b, 0);
	unsigned long stored = 0, tail = short_tail ? 132 : 136;
	unsigned int seq;

	for (seq = 1; seq <= 120; seq++) {
		fake_now += 10;
		EXPECT_EQ(write_seq(b, rp_len(seq, short_tail), seq), 0);
	}
	EXPECT_EQ(ring_buffer_overrun_cpu(b, 0), 60);
	/* events 61..90: all but the last, then the lost count */
	EXPECT_EQ(ring_buffer_read_page(b, page, 4096, 0, true), 0);
	EXPECT_EQ(local_read(&page->commit), 29 * 136 | RB_MISSED_EVENTS | RB_MISSED_STORED);
	memcpy(&stored, &page->data[29 * 136], sizeof(stored));
	EXPECT_EQ(stored, 60);
	EXPECT_EQ(page->time_stamp, 1000 + 61 * 10);
	EXPECT_EQ(word(page, 0) & 31, 0);		/* type_len 0: 128 bytes */
	EXPECT_EQ(word(page, 8), 61);
	EXPECT_EQ(word(page, 28 * 136 + 8), 89);
	/* the rest of the sub-buffer: event 90 alone, its time still right */
	EXPECT_EQ(ring_buffer_read_page(b, page, 4096, 0, true), 0);
	EXPECT_EQ(local_read(&page->commit), tail);
	EXPECT_EQ(page->time_stamp, 1000 + 89 * 10);
	EXPECT_EQ(word(page, 0) >> 5, 10);
	EXPECT_EQ(word(page, 8), 90);
	EXPECT_EQ(word(page, tail), 0);
	EXPECT_EQ(ring_buffer_read_events_cpu(b, 0), 30);
	EXPECT_EQ(ring_buffer_entries_cpu(b, 0), 30);
	ring_buffer_free_read_page(b, 0, page);
	ring_buffer_free(b);
}

static void test_read_page_lost_count(void)
{
	struct trace_buffer *b;
	struct buffer_data_page *page;
	unsigned char data[BUF_MAX_DATA_SIZE] = { 0 };
	unsigned long stored = 0;

	rp_check_room(false);
	rp_check_room(true);

	/* a caller's short page: nothing is written past len, the count still fits */
	b = new_buffer(8160, RB_FL_OVERWRITE);
	for (unsigned int seq = 1; seq <= 120; seq++)
		EXPECT_EQ(write_seq(b, 128, seq), 0);
	page = malloc(BUF_PAGE_HDR_SIZE + 300);
	EXPECT_EQ(ring_buffer_read_page(b, page, BUF_PAGE_HDR_SIZE + 300, 0, false), 0);
	EXPECT_EQ(local_read(&page->commit), 2 * 136 | RB_MISSED_EVENTS | RB_MISSED_STORED);
	memcpy(&stored, &page->data[2 * 136], sizeof(stored));
	EXPECT_EQ(stored, 60);
	EXPECT_EQ(page->data[299], 0);
	free(page);
	ring_buffer_free(b);

	/* a lone sub-buffer-sized event leaves no room: flagged, count not stored */
	b = new_buffer(8160, RB_FL_OVERWRITE);
	page = ring_buffer_alloc_read_page(b, 0);
	for (int i = 0; i < 3; i++)
		EXPECT_EQ(ring_buffer_write(b, sizeof(data), data), 0);
	EXPECT_EQ(ring_buffer_overrun_cpu(b, 0), 1);
	EXPECT_EQ(ring_buffer_read_page(b, page, 4096, 0, true), 0);
	EXPECT_EQ(local_read(&page->commit), BUF_PAGE_SIZE | RB_MISSED_EVENTS);
	ring_buffer_free_read_page(b, 0, page);
	ring_buffer_free(b);
}

static void test_no_overwrite(void)
{
	struct trace_buffer *b = new_buffer(8160, 0);
	struct ring_buffer_event *ev;
	unsigned int seq, ok = 0;

	for (seq = 1; seq <= 200; seq++)
		ok += write_seq(b, 100, seq) == 0;
	EXPECT_EQ(ok, 78);
	EXPECT_EQ(ring_buffer_dropped_events_cpu(b, 0), 122);
	EXPECT_EQ(ring_buffer_overrun_cpu(b, 0), 0);
	for (seq = 1; seq <= 39; seq++) {
		ev = ring_buffer_consume(b, 0, NULL, NULL);
		EXPECT_TRUE(ev && ev_seq(ev) == seq);
	}
	/* the consumed page is free again */
	for (seq = 201; seq <= 260; seq++)
		ok += write_seq(b, 100, seq) == 0;
	EXPECT_EQ(ok, 78 + 39);
	EXPECT_EQ(ring_buffer_dropped_events_cpu(b, 0), 122 + 21);
	for (seq = 40; seq <= 78; seq++) {
		ev = ring_buffer_consume(b, 0, NULL, NULL);
		EXPECT_TRUE(ev && ev_seq(ev) == seq);
	}
	for (seq = 201; seq <= 239; seq++) {
		ev = ring_buffer_consume(b, 0, NULL, NULL);
		EXPECT_TRUE(ev && ev_seq(ev) == seq);
	}
	EXPECT_TRUE(ring_buffer_consume(b, 0, NULL, NULL) == NULL);
	ring_buffer_free(b);
}

static void test_resize_reset(void)
{
	struct trace_buffer *b = new_buffer(1, RB_FL_OVERWRITE);
	struct ring_buffer_iter *iter;
	struct ring_buffer_event *ev;
	unsigned int seq;

	EXPECT_EQ(ring_buffer_size(b, 0), 8160);
	for (seq = 1; seq <= 10; seq++)
		write_seq(b, 100, seq);
	EXPECT_EQ(ring_buffer_resize(b, 1441792, RING_BUFFER_ALL_CPUS), 0);
	EXPECT_EQ(ring_buffer_size(b, 0), 354 * 4080);
	EXPECT_EQ(ring_buffer_entries_cpu(b, 0), 0);
	EXPECT_EQ(ring_buffer_resize(b, 4096, 3), -EINVAL);
	iter = ring_buffer_read_start(b, 0);
	EXPECT_EQ(ring_buffer_resize(b, 4096, 0), -EBUSY);
	ring_buffer_read_finish(iter);
	for (seq = 1; seq <= 39 * 300; seq++)
		EXPECT_EQ(write_seq(b, 100, seq), 0);
	EXPECT_EQ(ring_buffer_overrun_cpu(b, 0), 0);
	EXPECT_EQ(ring_buffer_entries_cpu(b, 0), 39 * 300);
	EXPECT_EQ(ring_buffer_resize(b, 12000, 0), 0);
	EXPECT_EQ(ring_buffer_size(b, 0), 3 * 4080);
	for (seq = 1; seq <= 39 * 4; seq++)
		EXPECT_EQ(write_seq(b, 100, seq), 0);
	EXPECT_EQ(ring_buffer_overrun_cpu(b, 0), 39);

	ring_buffer_reset(b);
	EXPECT_EQ(ring_buffer_entries_cpu(b, 0), 0);
	EXPECT_EQ(ring_buffer_overrun_cpu(b, 0), 0);
	EXPECT_EQ(ring_buffer_bytes_cpu(b, 0), 0);
	EXPECT_EQ(ring_buffer_oldest_event_ts(b, 0), 0);
	EXPECT_TRUE(ring_buffer_consume(b, 0, NULL, NULL) == NULL);
	EXPECT_EQ(write_seq(b, 10, 5), 0);
	ev = ring_buffer_consume(b, 0, NULL, NULL);
	EXPECT_TRUE(ev && ev_seq(ev) == 5);

	ring_buffer_record_off(b);
	EXPECT_TRUE(!ring_buffer_record_is_on(b));
	EXPECT_EQ(write_seq(b, 10, 6), -EBUSY);
	ring_buffer_record_on(b);
	ring_buffer_record_disable(b);
	EXPECT_EQ(write_seq(b, 10, 7), -EBUSY);
	ring_buffer_record_enable(b);
	ring_buffer_record_disable_cpu(b, 0);
	EXPECT_EQ(write_seq(b, 10, 8), -EBUSY);
	ring_buffer_record_enable_cpu(b, 0);
	EXPECT_EQ(write_seq(b, 10, 9), 0);
	EXPECT_EQ(ring_buffer_dropped_events_cpu(b, 0), 0);
	EXPECT_TRUE(ring_buffer_lock_reserve(b, BUF_MAX_DATA_SIZE + 1) == NULL);
	EXPECT_EQ(write_seq(b, BUF_MAX_DATA_SIZE, 10), 0);
	ev = ring_buffer_consume(b, 0, NULL, NULL);
	EXPECT_TRUE(ev && ev_seq(ev) == 9);
	ev = ring_buffer_consume(b, 0, NULL, NULL);
	EXPECT_TRUE(ev && ev_seq(ev) == 10 &&
		    ring_buffer_event_length(ev) == BUF_MAX_DATA_SIZE);
	ring_buffer_free(b);
}

static void test_nesting(void)
{
	struct trace_buffer *b = new_buffer(8160, RB_FL_OVERWRITE);
	struct ring_buffer_event *outer, *ev;
	u64 ts;

	outer = ring_buffer_lock_reserve(b, 8);
	EXPECT_TRUE(outer != NULL);
	/* same context again: recursion, dropped and counted */
	EXPECT_TRUE(ring_buffer_lock_reserve(b, 8) == NULL);
	EXPECT_EQ(ring_buffer_nest_dropped_cpu(b, 0), 1);
	/* an interrupt */
	fake_now = 1005;
	unit_preempt_count += HARDIRQ_OFFSET;
	EXPECT_EQ(write_seq(b, 8, 2), 0);
	unit_preempt_count += NMI_OFFSET;
	fake_now = 1006;
	EXPECT_EQ(write_seq(b, 8, 3), 0);
	unit_preempt_count -= NMI_OFFSET;
	unit_preempt_count -= HARDIRQ_OFFSET;
	/* the outer writer has not committed: nothing visible yet */
	EXPECT_TRUE(ring_buffer_peek(b, 0, NULL, NULL) == NULL);
	fill(ring_buffer_event_data(outer), 8, 1);
	memcpy(ring_buffer_event_data(outer), &(unsigned int){ 1 }, 4);
	ring_buffer_unlock_commit(b, outer);
	EXPECT_EQ(unit_preempt_count, 0);
	for (unsigned int seq = 1; seq <= 3; seq++) {
		ev = ring_buffer_consume(b, 0, &ts, NULL);
		EXPECT_TRUE(ev && ev_seq(ev) == seq);
		EXPECT_EQ(ts, seq == 1 ? 1000 : 1003 + seq);
	}
	EXPECT_EQ(ring_buffer_entries_cpu(b, 0), 0);
	ring_buffer_free(b);
}

/* An "interrupt" inside the outer writer's clock read: between reading and reserving. */
static struct trace_buffer *clock_nest_buffer;
static int clock_nest_pending;
static u64 nesting_clock(void)
{
	if (clock_nest_pending) {
		clock_nest_pending = 0;
		unit_preempt_count += HARDIRQ_OFFSET;
		fake_now += 3;
		write_seq(clock_nest_buffer, 8, 100);
		unit_preempt_count -= HARDIRQ_OFFSET;
		fake_now += 3;
	}
	return fake_now;
}

static void test_interrupted_reserve(void)
{
	struct trace_buffer *b = new_buffer(8160, RB_FL_OVERWRITE);
	struct ring_buffer_event *ev;
	u64 ts;

	ring_buffer_set_clock(b, nesting_clock);
	clock_nest_buffer = b;
	EXPECT_EQ(write_seq(b, 8, 1), 0);
	fake_now = 1100;
	clock_nest_pending = 1;
	EXPECT_EQ(write_seq(b, 8, 2), 0);
	fake_now = 1200;
	EXPECT_EQ(write_seq(b, 8, 3), 0);
	ev = ring_buffer_consume(b, 0, &ts, NULL);
	EXPECT_TRUE(ev && ev_seq(ev) == 1 && ts == 1000);
	ev = ring_buffer_consume(b, 0, &ts, NULL);
	EXPECT_TRUE(ev && ev_seq(ev) == 100 && ts == 1103);
	ev = ring_buffer_consume(b, 0, &ts, NULL);
	EXPECT_TRUE(ev && ev_seq(ev) == 2 && ts == 1106);
	ev = ring_buffer_consume(b, 0, &ts, NULL);
	EXPECT_TRUE(ev && ev_seq(ev) == 3 && ts == 1200);
	ring_buffer_free(b);
}

static void test_iterator(void)
{
	struct trace_buffer *b = new_buffer(8160 * 2, RB_FL_OVERWRITE);
	struct ring_buffer_iter *iter;
	struct ring_buffer_event *ev;
	unsigned int seq, last = 0;
	u64 ts;

	for (seq = 1; seq <= 100; seq++) {
		fake_now += 10;
		write_seq(b, 100, seq);
	}
	iter = ring_buffer_read_start(b, 0);
	for (seq = 1; (ev = ring_buffer_iter_peek(iter, &ts)); seq++) {
		EXPECT_EQ(ev_seq(ev), seq);
		EXPECT_EQ(ts, 1000 + seq * 10);
		ring_buffer_iter_advance(iter);
	}
	EXPECT_EQ(seq, 101);
	EXPECT_TRUE(!ring_buffer_iter_dropped(iter));
	EXPECT_EQ(ring_buffer_entries_cpu(b, 0), 100);
	ring_buffer_read_finish(iter);

	/* consume some, then iterate from the consumer's position while writers wrap */
	for (seq = 1; seq <= 10; seq++)
		ring_buffer_consume(b, 0, NULL, NULL);
	iter = ring_buffer_read_start(b, 0);
	ev = ring_buffer_iter_peek(iter, NULL);
	EXPECT_TRUE(ev && ev_seq(ev) == 11);
	for (int i = 0; i < 5; i++)
		ring_buffer_iter_advance(iter);
	ev = ring_buffer_iter_peek(iter, NULL);
	EXPECT_TRUE(ev && ev_seq(ev) == 16);
	for (seq = 101; seq <= 400; seq++)
		write_seq(b, 100, seq);
	/* the reader page survives; continue until we fall onto overwritten pages */
	bool gap = false;
	while ((ev = ring_buffer_iter_peek(iter, NULL))) {
		if (ring_buffer_iter_dropped(iter))
			gap = true;
		EXPECT_TRUE(ev_seq(ev) > last);
		last = ev_seq(ev);
		ring_buffer_iter_advance(iter);
	}
	EXPECT_TRUE(gap);
	EXPECT_EQ(last, 400);
	ring_buffer_read_finish(iter);
	ring_buffer_free(b);
}

static void test_headers(void)
{
	char buf[512];
	size_t n;

	n = ring_buffer_print_page_header(buf, sizeof(buf), true);
	EXPECT_STREQ(buf,
		"\tfield: u64 timestamp;\toffset:0;\tsize:8;\tsigned:0;\n"
		"\tfield: local_t commit;\toffset:8;\tsize:8;\tsigned:1;\n"
		"\tfield: int overwrite;\toffset:8;\tsize:1;\tsigned:1;\n"
		"\tfield: char data;\toffset:16;\tsize:4080;\tsigned:1;\n");
	EXPECT_EQ(n, strlen(buf));
	ring_buffer_print_page_header(buf, sizeof(buf), false);
	EXPECT_TRUE(strstr(buf, "size:4080;\tsigned:0;\n") != NULL);
	n = ring_buffer_print_entry_header(buf, sizeof(buf));
	EXPECT_STREQ(buf,
		"# compressed entry header\n"
		"\ttype_len    :    5 bits\n"
		"\ttime_delta  :   27 bits\n"
		"\tarray       :   32 bits\n"
		"\n"
		"\tpadding     : type == 29\n"
		"\ttime_extend : type == 30\n"
		"\ttime_stamp : type == 31\n"
		"\tdata max type_len  == 28\n");
	EXPECT_EQ(n, strlen(buf));
	EXPECT_EQ(ring_buffer_print_entry_header(buf, 10), n);
	EXPECT_STREQ(buf, "# compres");
}

/* ---- stress: writers with simulated interrupts against concurrent readers ------------- */

#define ST_CPUS		4
/*
 * Each mode runs ST_MIN_MS and until every writer has written ST_MIN_EVENTS: about a second
 * on an idle host, longer only when the host is so loaded that writer threads barely run
 * (a fixed time then left some writers with almost nothing written). ST_MAX_MS only stops a
 * hung run; the written >= ST_MIN_EVENTS check then fails.
 */
#define ST_MIN_MS	1000
#define ST_MAX_MS	60000
#define ST_MIN_EVENTS	20000UL
#define ST_SIZE		(6 * 4080)

struct st_record {
	u32	cpu, seq, len, sum;
	unsigned char payload[];
};

struct st_cpu {
	unsigned long	written, failed;		/* writer thread */
	unsigned long	read, gaps, lost, bad, order;	/* its consumer */
	unsigned int	last_seq;
	u64		last_ts;
};

static struct trace_buffer *st_buffer;
static struct st_cpu st[ST_CPUS];
static int st_stop_writers, st_stop_readers;
static unsigned long st_iter_events, st_iter_bad;

static u32 st_sum(const struct st_record *r)
{
	u32 h = r->cpu * 2654435761u ^ r->seq * 40503u ^ r->len;

	for (u32 i = 0; i + sizeof(*r) < r->len; i++)
		h = h * 31 + r->payload[i];
	return h;
}

static bool st_valid(const void *data, unsigned int evlen, unsigned int cpu)
{
	const struct st_record *r = data;

	return evlen >= sizeof(*r) && r->len <= evlen && r->len >= sizeof(*r) &&
	       r->cpu == cpu && r->sum == st_sum(r);
}

/* Reserve, fill, and between the two let "interrupts" write complete records. */
static void st_write(unsigned int cpu, unsigned int *seq, unsigned int depth)
{
	static const unsigned int ctx[] = { HARDIRQ_OFFSET, NMI_OFFSET };
	unsigned int len = sizeof(struct st_record) + (*seq * 7919u) % 300;
	struct ring_buffer_event *ev = ring_buffer_lock_reserve(st_buffer, len);
	struct st_record *r;

	if (!ev) {
		st[cpu].failed++;
		return;
	}
	r = ring_buffer_event_data(ev);
	r->cpu = cpu;
	r->seq = ++*seq;
	r->len = len;
	for (u32 i = 0; i + sizeof(*r) < len; i++)
		r->payload[i] = (unsigned char)(r->seq + i);
	if (depth < 2 && r->seq % (3 + depth) == 0) {
		unit_preempt_count += ctx[depth];
		st_write(cpu, seq, depth + 1);
		unit_preempt_count -= ctx[depth];
	}
	r->sum = st_sum(r);
	ring_buffer_unlock_commit(st_buffer, ev);
	__atomic_store_n(&st[cpu].written, st[cpu].written + 1, __ATOMIC_RELAXED);
}

static void *st_writer(void *arg)
{
	unsigned int cpu = (unsigned int)(uintptr_t)arg, seq = 0;

	unit_this_cpu = cpu;
	while (!__atomic_load_n(&st_stop_writers, __ATOMIC_ACQUIRE)) {
		for (int i = 0; i < 64; i++)
			st_write(cpu, &seq, 0);
		sched_yield();		/* give the readers a share of the host CPUs */
	}
	return NULL;
}

static void st_account(unsigned int cpu, const void *data, unsigned int evlen, u64 ts,
		       unsigned long lost)
{
	struct st_cpu *c = &st[cpu];
	const struct st_record *r = data;

	if (!st_valid(data, evlen, cpu)) {
		c->bad++;
		return;
	}
	if (r->seq <= c->last_seq || r->seq - c->last_seq - 1 != lost || ts < c->last_ts)
		c->order++;
	c->gaps += r->seq - c->last_seq - 1;
	c->lost += lost;
	c->last_seq = r->seq;
	c->last_ts = ts;
	c->read++;
}

/* Parse a trace_pipe_raw page the way user-space tools do. */
static void st_parse_page(unsigned int cpu, struct buffer_data_page *page)
{
	unsigned long commit = local_read(&page->commit), lost = 0, off = 0;
	unsigned long size = commit & ~RB_MISSED_FLAGS;
	u64 ts = page->time_stamp;

	if (commit & RB_MISSED_STORED)
		memcpy(&lost, &page->data[size], sizeof(lost));
	while (off < size) {
		struct ring_buffer_event *ev = (void *)&page->data[off];
		unsigned long len;

		switch (ev->type_len) {
		case RINGBUF_TYPE_PADDING:
			if (!ev->time_delta)
				return;
			len = ev->array[0] + 4;
			break;
		case RINGBUF_TYPE_TIME_EXTEND:
			ts += ((u64)ev->array[0] << 27) + ev->time_delta;
			len = 8;
			break;
		case RINGBUF_TYPE_TIME_STAMP:
			ts = ((u64)ev->array[0] << 27) + ev->time_delta;
			len = 8;
			break;
		default:
			ts += ev->time_delta;
			len = ev->type_len ? ev->type_len * 4U + 4 : ev->array[0] + 4U;
			st_account(cpu, ring_buffer_event_data(ev), ring_buffer_event_length(ev),
				   ts, lost);
			lost = 0;
			break;
		}
		off += len;
	}
}

static bool st_consume_some(unsigned int cpu, void *page, unsigned int round)
{
	struct ring_buffer_event *ev;
	unsigned long lost;
	bool any = false;
	u64 ts;

	if (round % 5 == 0) {
		if (ring_buffer_read_page(st_buffer, page, 4096, cpu, round % 10 == 0) == 0) {
			st_parse_page(cpu, page);
			any = true;
		}
		return any;
	}
	for (int i = 0; i < 100 && (ev = ring_buffer_consume(st_buffer, cpu, &ts, &lost)); i++) {
		st_account(cpu, ring_buffer_event_data(ev), ring_buffer_event_length(ev), ts, lost);
		any = true;
	}
	return any;
}

static void *st_reader(void *arg)
{
	unsigned int first = (unsigned int)(uintptr_t)arg, round = 0;
	void *page = ring_buffer_alloc_read_page(st_buffer, first);

	unit_this_cpu = ST_CPUS + first;
	while (!__atomic_load_n(&st_stop_readers, __ATOMIC_ACQUIRE)) {
		for (unsigned int cpu = first; cpu < ST_CPUS; cpu += 2)
			st_consume_some(cpu, page, round);
		round++;
		if (!(round & 15))
			sched_yield();
	}
	/* writers are done: drain */
	for (unsigned int cpu = first; cpu < ST_CPUS; cpu += 2)
		while (st_consume_some(cpu, page, 1))
			;
	ring_buffer_free_read_page(st_buffer, first, page);
	return NULL;
}

static void *st_iterator(void *arg)
{
	unsigned int round = 0;

	while (!__atomic_load_n(&st_stop_readers, __ATOMIC_ACQUIRE)) {
		unsigned int cpu = round++ % ST_CPUS;
		struct ring_buffer_iter *iter = ring_buffer_read_start(st_buffer, cpu);
		struct ring_buffer_event *ev;

		for (int i = 0; i < 200 && (ev = ring_buffer_iter_peek(iter, NULL)); i++) {
			if (!st_valid(ring_buffer_event_data(ev), ring_buffer_event_length(ev), cpu))
				st_iter_bad++;
			st_iter_events++;
			ring_buffer_iter_advance(iter);
		}
		ring_buffer_read_finish(iter);
	}
	return NULL;
}

static void stress(unsigned int flags)
{
	pthread_t writers[ST_CPUS], readers[2], iter;
	struct timespec tick = { .tv_nsec = 10 * 1000 * 1000 };
	unsigned int ms, cpu;

	nr_cpu_ids = ST_CPUS;
	memset(st, 0, sizeof(st));
	st_stop_writers = st_stop_readers = 0;
	st_iter_events = st_iter_bad = 0;
	st_buffer = ring_buffer_alloc(ST_SIZE, flags);
	EXPECT_TRUE(st_buffer != NULL);
	if (!st_buffer)
		return;
	for (uintptr_t i = 0; i < 2; i++)
		pthread_create(&readers[i], NULL, st_reader, (void *)i);
	pthread_create(&iter, NULL, st_iterator, NULL);
	for (uintptr_t i = 0; i < ST_CPUS; i++)
		pthread_create(&writers[i], NULL, st_writer, (void *)i);
	for (ms = 0; ms < ST_MAX_MS; ms += 10) {
		nanosleep(&tick, NULL);
		if (ms < ST_MIN_MS)
			continue;
		for (cpu = 0; cpu < ST_CPUS; cpu++)
			if (__atomic_load_n(&st[cpu].written, __ATOMIC_RELAXED) < ST_MIN_EVENTS)
				break;
		if (cpu == ST_CPUS)
			break;
	}
	__atomic_store_n(&st_stop_writers, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < ST_CPUS; i++)
		pthread_join(writers[i], NULL);
	__atomic_store_n(&st_stop_readers, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < 2; i++)
		pthread_join(readers[i], NULL);
	pthread_join(iter, NULL);

	for (cpu = 0; cpu < ST_CPUS; cpu++) {
		struct st_cpu *c = &st[cpu];
		unsigned long overrun = ring_buffer_overrun_cpu(st_buffer, cpu);

		unsigned long dropped = ring_buffer_dropped_events_cpu(st_buffer, cpu);

		printf("cpu%u: written %lu read %lu overrun %lu dropped %lu\n", cpu, c->written,
		       c->read, overrun, dropped);
		EXPECT_TRUE(c->written >= ST_MIN_EVENTS);
		EXPECT_EQ(c->failed, dropped);
		if (flags & RB_FL_OVERWRITE)
			EXPECT_EQ(dropped, 0);
		else
			EXPECT_EQ(overrun, 0);
		EXPECT_EQ(c->bad, 0);
		EXPECT_EQ(c->order, 0);
		EXPECT_EQ(c->read + overrun + ring_buffer_entries_cpu(st_buffer, cpu), c->written);
		EXPECT_EQ(ring_buffer_entries_cpu(st_buffer, cpu), 0);
		EXPECT_EQ(ring_buffer_read_events_cpu(st_buffer, cpu), c->read);
		EXPECT_EQ(c->gaps, overrun);
		EXPECT_EQ(c->lost, overrun);
		EXPECT_EQ(c->last_seq, c->written);
		EXPECT_EQ(ring_buffer_bytes_cpu(st_buffer, cpu), 0);
		EXPECT_EQ(ring_buffer_commit_overrun_cpu(st_buffer, cpu), 0);
		EXPECT_EQ(ring_buffer_nest_dropped_cpu(st_buffer, cpu), 0);
	}
	printf("iterator: %lu events\n", st_iter_events);
	EXPECT_EQ(st_iter_bad, 0);
	ring_buffer_free(st_buffer);
}

static void test_stress_overwrite(void)
{
	stress(RB_FL_OVERWRITE);
}

static void test_stress_no_overwrite(void)
{
	stress(0);
}

/* Commits queue the irq_work only after a reader marked itself waiting, once per mark. */
static void test_wake_marks(void)
{
	struct trace_buffer *b = new_buffer(8 * BUF_PAGE_SIZE, RB_FL_OVERWRITE);
	wait_queue_head_t *all = ring_buffer_poll_queue(b, RING_BUFFER_ALL_CPUS);
	wait_queue_head_t *cpu0 = ring_buffer_poll_queue(b, 0);
	unsigned long seen;

	unit_irq_work_queued = 0;
	for (unsigned int i = 0; i < 100; i++)
		EXPECT_EQ(write_seq(b, 16, i), 0);
	EXPECT_EQ(unit_irq_work_queued, 0);
	while (ring_buffer_consume(b, 0, NULL, NULL))
		;
	EXPECT_TRUE(!ring_buffer_poll_ready(b, RING_BUFFER_ALL_CPUS));
	seen = all->wakeups;
	EXPECT_EQ(write_seq(b, 16, 100), 0);
	EXPECT_EQ(unit_irq_work_queued, 1);
	EXPECT_EQ(all->wakeups, seen + 1);
	EXPECT_EQ(write_seq(b, 16, 101), 0);
	EXPECT_EQ(unit_irq_work_queued, 1);
	EXPECT_TRUE(ring_buffer_poll_ready(b, 0));	/* data there; still marks */
	seen = cpu0->wakeups;
	EXPECT_EQ(write_seq(b, 16, 102), 0);
	EXPECT_EQ(unit_irq_work_queued, 2);
	EXPECT_EQ(cpu0->wakeups, seen + 1);
	EXPECT_TRUE(ring_buffer_poll_queue(b, 1) == NULL);
	EXPECT_EQ(ring_buffer_wait(b, 1), -ENODEV);
	EXPECT_EQ(ring_buffer_wait(b, 0), 0);		/* data: returns at once */
	ring_buffer_free(b);
}

#define WAKE_EVENTS	3000

struct wake_reader {
	struct trace_buffer	*b;
	int			cpu_file;
	unsigned long		got, waits;
	int			err;
	bool			done;
};

static void *wake_reader_fn(void *arg)
{
	struct wake_reader *r = arg;
	unsigned int cpu;

	unit_this_cpu = 0;
	while (r->got < WAKE_EVENTS && !r->err) {
		r->err = ring_buffer_wait(r->b, r->cpu_file);
		r->waits++;
		for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
			if (r->cpu_file != RING_BUFFER_ALL_CPUS && r->cpu_file != (int)cpu)
				continue;
			while (ring_buffer_consume(r->b, cpu, NULL, NULL))
				r->got++;
		}
	}
	__atomic_store_n(&r->done, true, __ATOMIC_SEQ_CST);
	return NULL;
}

/* A reader blocked in ring_buffer_wait() wakes for every burst; none is lost. */
static void wake_blocked(int cpu_file)
{
	struct trace_buffer *b;
	struct wake_reader r = { .cpu_file = cpu_file };
	pthread_t t;

	nr_cpu_ids = 2;
	b = ring_buffer_alloc(64 * BUF_PAGE_SIZE, RB_FL_OVERWRITE);
	r.b = b;
	unit_wait_timeouts = 0;
	pthread_create(&t, NULL, wake_reader_fn, &r);
	unit_this_cpu = 1;
	for (unsigned int i = 0; i < WAKE_EVENTS; i++) {
		EXPECT_EQ(write_seq(b, 8, i), 0);
		if (i % 7 == 0)
			sched_yield();
		if (i % 100 == 0) {
			struct timespec ts = { 0, 200000 };

			nanosleep(&ts, NULL);	/* let the reader block */
		}
	}
	pthread_join(t, NULL);
	unit_this_cpu = 0;
	EXPECT_EQ(r.err, 0);
	EXPECT_EQ(r.got, WAKE_EVENTS);
	EXPECT_EQ(unit_wait_timeouts, 0);
	printf("wake %d: %lu waits\n", cpu_file, r.waits);
	ring_buffer_free(b);
	nr_cpu_ids = 1;
}

static void test_wake_blocked_all(void)
{
	wake_blocked(RING_BUFFER_ALL_CPUS);
}

static void test_wake_blocked_cpu(void)
{
	wake_blocked(1);
}

static void *wake_nodata_fn(void *arg)
{
	struct wake_reader *r = arg;

	unit_this_cpu = 0;
	r->err = ring_buffer_wait(r->b, r->cpu_file);
	__atomic_store_n(&r->done, true, __ATOMIC_SEQ_CST);
	return NULL;
}

/* ring_buffer_wake_waiters() ends a wait on an empty buffer (tracing_on 0: the EOF rule). */
static void test_wake_waiters(void)
{
	struct trace_buffer *b = new_buffer(8 * BUF_PAGE_SIZE, RB_FL_OVERWRITE);
	struct wake_reader r = { .b = b, .cpu_file = 0 };
	struct timespec ts = { 0, 1000000 };
	pthread_t t;

	pthread_create(&t, NULL, wake_nodata_fn, &r);
	for (unsigned int i = 0; i < 5000 && !__atomic_load_n(&r.done, __ATOMIC_SEQ_CST); i++) {
		ring_buffer_wake_waiters(b, RING_BUFFER_ALL_CPUS);
		nanosleep(&ts, NULL);
	}
	pthread_join(t, NULL);
	EXPECT_EQ(r.err, 0);
	EXPECT_TRUE(ring_buffer_empty(b));
	ring_buffer_free(b);
}

UNIT_TEST_MAIN(UNIT_CASE(test_event_format), UNIT_CASE(test_discard),
	       UNIT_CASE(test_overwrite_wrap), UNIT_CASE(test_read_page_lost_count),
	       UNIT_CASE(test_no_overwrite),
	       UNIT_CASE(test_resize_reset), UNIT_CASE(test_nesting),
	       UNIT_CASE(test_interrupted_reserve), UNIT_CASE(test_iterator),
	       UNIT_CASE(test_headers), UNIT_CASE(test_stress_overwrite),
	       UNIT_CASE(test_stress_no_overwrite), UNIT_CASE(test_wake_marks),
	       UNIT_CASE(test_wake_blocked_all), UNIT_CASE(test_wake_blocked_cpu),
	       UNIT_CASE(test_wake_waiters))
