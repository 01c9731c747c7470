// SPDX-License-Identifier: GPL-2.0-only
/*
 * The tracing ring buffer (kernel/trace/ring_buffer.c): one lock-free buffer per CPU made of
 * 4 KiB sub-buffers, written by reserve/fill/commit on the writer's own CPU and read either
 * by consuming (trace_pipe), by a non-consuming iterator (trace) or a whole sub-buffer at a
 * time (trace_pipe_raw). The sub-buffer and event layouts are Linux's (tracing ABI 6.5, 9.4)
 * so that tools reading trace_pipe_raw work unchanged.
 */
#ifndef _STARLING_RING_BUFFER_H
#define _STARLING_RING_BUFFER_H

#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/atomic.h>

/*
 * Event header: type_len:5 | time_delta:27 in one little-endian u32, then array[].
 * type_len 1..28: payload of type_len words in array[0..]; 0: array[0] holds the length
 * (payload + 4) and the payload starts at array[1].
 */
struct ring_buffer_event {
	u32	type_len:5, time_delta:27;
	u32	array[];
};

enum ring_buffer_type {
	RINGBUF_TYPE_DATA_TYPE_LEN_MAX = 28,
	RINGBUF_TYPE_PADDING,		/* 29: rest of the sub-buffer, or a discarded event */
	RINGBUF_TYPE_TIME_EXTEND,	/* 30: delta too large for 27 bits */
	RINGBUF_TYPE_TIME_STAMP,	/* 31: absolute timestamp */
};

/* The sub-buffer: what trace_pipe_raw hands out. */
struct buffer_data_page {
	u64		time_stamp;	/* absolute time of the first event */
	local_t		commit;		/* bytes of committed data; high bits are RB_MISSED_* */
	unsigned char	data[];
};

#define BUF_PAGE_HDR_SIZE	offsetof(struct buffer_data_page, data)	/* 16 */
#define BUF_PAGE_SIZE		(4096 - BUF_PAGE_HDR_SIZE)		/* 4080 */
#define BUF_MAX_DATA_SIZE	(BUF_PAGE_SIZE - 2 * sizeof(u32))	/* largest payload */

/* Flag bits in buffer_data_page.commit of a page returned by ring_buffer_read_page(). */
#define RB_MISSED_EVENTS	(1UL << 31)	/* events were lost before this page */
#define RB_MISSED_STORED	(1UL << 30)	/* their count is stored after the data */
#define RB_MISSED_FLAGS		(RB_MISSED_EVENTS | RB_MISSED_STORED)

#define RB_FL_OVERWRITE		(1U << 0)	/* ring_buffer_alloc(): overwrite oldest data */
#define RING_BUFFER_ALL_CPUS	(-1)

struct trace_buffer;
struct ring_buffer_iter;

/* Allocation, size and clock (callers serialise these; they never race with each other). */
struct trace_buffer *ring_buffer_alloc(unsigned long size, unsigned int flags);
void ring_buffer_free(struct trace_buffer *buffer);
int ring_buffer_resize(struct trace_buffer *buffer, unsigned long size, int cpu);
unsigned long ring_buffer_size(struct trace_buffer *buffer, int cpu);
void ring_buffer_set_clock(struct trace_buffer *buffer, u64 (*clock)(void));
u64 ring_buffer_time_stamp(struct trace_buffer *buffer);
void ring_buffer_change_overwrite(struct trace_buffer *buffer, bool overwrite);
unsigned int ring_buffer_nr_cpus(struct trace_buffer *buffer);

/* Recording control. */
void ring_buffer_record_disable(struct trace_buffer *buffer);
void ring_buffer_record_enable(struct trace_buffer *buffer);
void ring_buffer_record_off(struct trace_buffer *buffer);
void ring_buffer_record_on(struct trace_buffer *buffer);
bool ring_buffer_record_is_on(struct trace_buffer *buffer);
void ring_buffer_record_disable_cpu(struct trace_buffer *buffer, int cpu);
void ring_buffer_record_enable_cpu(struct trace_buffer *buffer, int cpu);
void ring_buffer_reset_cpu(struct trace_buffer *buffer, int cpu);
void ring_buffer_reset(struct trace_buffer *buffer);

/* Writers: own CPU only, any context, lock-free. */
struct ring_buffer_event *ring_buffer_lock_reserve(struct trace_buffer *buffer,
						   unsigned long length);
int ring_buffer_unlock_commit(struct trace_buffer *buffer, struct ring_buffer_event *event);
void ring_buffer_discard_commit(struct trace_buffer *buffer, struct ring_buffer_event *event);
int ring_buffer_write(struct trace_buffer *buffer, unsigned long length, const void *data);

/* Events. */
/* The payload of a data event (after the length word when type_len is 0). */
static inline void *ring_buffer_event_data(struct ring_buffer_event *event)
{
	return event->type_len ? (void *)&event->array[0] : (void *)&event->array[1];
}

unsigned int ring_buffer_event_length(struct ring_buffer_event *event);

/* Consuming readers (take the CPU's reader_lock). */
struct ring_buffer_event *ring_buffer_peek(struct trace_buffer *buffer, int cpu, u64 *ts,
					   unsigned long *lost_events);
struct ring_buffer_event *ring_buffer_consume(struct trace_buffer *buffer, int cpu, u64 *ts,
					      unsigned long *lost_events);
bool ring_buffer_empty_cpu(struct trace_buffer *buffer, int cpu);
bool ring_buffer_empty(struct trace_buffer *buffer);

/* Sleeping readers: woken through irq_work by the next commit (see ring_buffer.c). */
struct wait_queue_head;
int ring_buffer_wait(struct trace_buffer *buffer, int cpu);
void ring_buffer_wake_waiters(struct trace_buffer *buffer, int cpu);
struct wait_queue_head *ring_buffer_poll_queue(struct trace_buffer *buffer, int cpu);
bool ring_buffer_poll_ready(struct trace_buffer *buffer, int cpu);

/* Non-consuming iterator (the `trace` file). */
struct ring_buffer_iter *ring_buffer_read_start(struct trace_buffer *buffer, int cpu);
void ring_buffer_read_finish(struct ring_buffer_iter *iter);
struct ring_buffer_event *ring_buffer_iter_peek(struct ring_buffer_iter *iter, u64 *ts);
void ring_buffer_iter_advance(struct ring_buffer_iter *iter);
bool ring_buffer_iter_empty(struct ring_buffer_iter *iter);
bool ring_buffer_iter_dropped(struct ring_buffer_iter *iter);
void ring_buffer_iter_reset(struct ring_buffer_iter *iter);

/* Whole sub-buffers (trace_pipe_raw). */
void *ring_buffer_alloc_read_page(struct trace_buffer *buffer, int cpu);
void ring_buffer_free_read_page(struct trace_buffer *buffer, int cpu, void *data);
int ring_buffer_read_page(struct trace_buffer *buffer, void *data_page, size_t len, int cpu,
			  bool full);

/* Counters (tracing ABI section 8). */
unsigned long ring_buffer_entries_cpu(struct trace_buffer *buffer, int cpu);
unsigned long ring_buffer_overrun_cpu(struct trace_buffer *buffer, int cpu);
unsigned long ring_buffer_commit_overrun_cpu(struct trace_buffer *buffer, int cpu);
unsigned long ring_buffer_bytes_cpu(struct trace_buffer *buffer, int cpu);
u64 ring_buffer_oldest_event_ts(struct trace_buffer *buffer, int cpu);
unsigned long ring_buffer_dropped_events_cpu(struct trace_buffer *buffer, int cpu);
unsigned long ring_buffer_read_events_cpu(struct trace_buffer *buffer, int cpu);
unsigned long ring_buffer_nest_dropped_cpu(struct trace_buffer *buffer, int cpu);
unsigned long ring_buffer_entries(struct trace_buffer *buffer);
unsigned long ring_buffer_overruns(struct trace_buffer *buffer);

/* events/header_page and events/header_event; snprintf-style return (full length). */
size_t ring_buffer_print_page_header(char *buf, size_t size, bool char_is_signed);
size_t ring_buffer_print_entry_header(char *buf, size_t size);

#endif /* _STARLING_RING_BUFFER_H */
