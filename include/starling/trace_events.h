// SPDX-License-Identifier: GPL-2.0-only
/*
 * Trace events and the tracing core, as seen by the code that defines and writes events
 * (kernel/trace/trace.c, trace_events.c, trace_sched.c; trace_kprobe.c).
 *
 * An event type is a struct trace_event_call: a group ("system") and a name, a table of
 * fields (struct filter_field, the same table the filter compiler reads), a print callback
 * that turns one record into the text after the line context, and an optional reg callback
 * that the framework calls when the event is switched on or off (kprobe events arm and
 * disarm their probes there). trace_add_event_call() gives it an id and creates
 * events/<system>/<name>/{enable,filter,format,id,trigger} in tracefs (and so in
 * debugfs/tracing); trace_remove_event_call() takes it away again.
 *
 * Every record starts with struct trace_entry (the four common_* fields of the format file).
 * A writer, in any context (process, IRQ, NMI, the int3 handler):
 *
 *	struct trace_event_buffer fbuf;
 *	struct my_entry *e;
 *
 *	if (!trace_event_enabled(call))			// READ_ONCE of one flag
 *		return;
 *	e = trace_event_buffer_reserve(&fbuf, call, sizeof(*e) + extra);
 *	if (!e)
 *		return;					// tracing off, or buffer full
 *	... fill e past the common fields ...
 *	trace_event_buffer_commit(&fbuf);		// filter, then commit or discard
 *
 * The lower-level pieces (tracing_get_buffer(), tracing_gen_ctx(),
 * tracing_generic_entry_update(), trace_event_filter_match()) are there for writers that
 * reserve themselves. Nothing on these paths sleeps, allocates or takes a lock.
 *
 * Lock order: event_mutex -> trace_types_lock -> the ring buffer's reader locks.
 */
#ifndef _STARLING_TRACE_EVENTS_H
#define _STARLING_TRACE_EVENTS_H

#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/list.h>
#include <starling/trace_filter.h>

struct trace_buffer;
struct ring_buffer_event;
struct file_operations;
struct dentry;
struct mutex;

/* ---- records ------------------------------------------------------------------------ */

/* The common fields: offsets 0/2/3/4, 8 bytes, as every format file lists them. */
struct trace_entry {
	unsigned short	type;		/* common_type: the event id */
	unsigned char	flags;		/* common_flags: TRACE_FLAG_* */
	unsigned char	preempt_count;	/* low nibble preempt depth, high nibble migrate-disable */
	int		pid;		/* common_pid */
};

/* common_flags bits, Linux's values (filters on common_flags see these). */
#define TRACE_FLAG_IRQS_OFF		0x01
#define TRACE_FLAG_IRQS_NOSUPPORT	0x02
#define TRACE_FLAG_NEED_RESCHED		0x04
#define TRACE_FLAG_HARDIRQ		0x08
#define TRACE_FLAG_SOFTIRQ		0x10
#define TRACE_FLAG_PREEMPT_RESCHED	0x20
#define TRACE_FLAG_NMI			0x40
#define TRACE_FLAG_BH_OFF		0x80

/*
 * A packed write context: TRACE_FLAG_* in bits 16-23, preempt depth (capped at 15) in bits
 * 0-3, migrate-disable depth in bits 4-7. tracing_gen_ctx() describes the caller;
 * tracing_gen_ctx_dec() leaves out one preemption level the caller itself added.
 */
unsigned int tracing_gen_ctx(void);
unsigned int tracing_gen_ctx_dec(void);
void tracing_generic_entry_update(struct trace_entry *entry, unsigned short type,
				  unsigned int trace_ctx);

/* ---- event types -------------------------------------------------------------------- */

#define TRACE_EVENT_NAME_MAX	64

/* trace_event_call.flags (under event_mutex; TRACE_EVENT_FL_ENABLED also read locklessly) */
#define TRACE_EVENT_FL_ENABLED	(1U << 0)	/* recording: writers test this */
#define TRACE_EVENT_FL_DYNAMIC	(1U << 1)	/* added at run time (kprobe events) */

struct trace_event_call;

/*
 * Print one record: write the text after the line context, starting with "<name>: " and
 * ending with "\n", snprintf-style (return the full length; the framework retries with a
 * larger buffer or prints "[LINE TOO BIG]"). @rec points at struct trace_entry, @len is the
 * payload length the ring buffer reports (rounded up to 4 bytes).
 */
typedef int (*trace_print_fn)(struct trace_event_call *call, const void *rec,
			      unsigned int len, char *buf, size_t size);

struct trace_event_call {
	const char		*system;	/* group: "sched", "kprobes", ... */
	const char		*name;
	/* Event fields after the common ones, in record order; the filter sees these too. */
	const struct filter_field *fields;
	unsigned int		nr_fields;
	/* The format file's "print fmt: " text; NULL when ->format supplies the whole file. */
	const char		*print_fmt;
	/*
	 * Optional: write the whole format file (snprintf-style). Dynamic events whose layout
	 * lives elsewhere (probe_format_text()) use it; @id is the event's id.
	 */
	int			(*format)(struct trace_event_call *call, int id, char *buf,
					  size_t size);
	trace_print_fn		print;
	/*
	 * Optional: called under event_mutex when the event turns on (true) or off (false),
	 * before the ENABLED flag is set or after it is cleared. A failure when turning on
	 * leaves the event off and is returned to the writer of the enable file.
	 */
	int			(*reg)(struct trace_event_call *call, bool enable);
	void			*data;		/* the owner's */

	/* Owned by the framework. */
	unsigned int		flags;		/* TRACE_EVENT_FL_* */
	int			id;		/* assigned by trace_add_event_call() */
	struct event_filter	*filter;	/* the installed filter, or NULL */
	struct filter_event	fevent;		/* what the filter compiler reads */
	int			users;		/* open files of this event (EBUSY on removal) */
	struct list_head	list;		/* all events; event_mutex */
	void			*priv;		/* the framework's per-event file state */
};

static __always_inline bool trace_event_enabled(const struct trace_event_call *call)
{
	return READ_ONCE(call->flags) & TRACE_EVENT_FL_ENABLED;
}

extern struct mutex event_mutex;	/* guards the event list and every event's state */

/*
 * trace_add_event_call() - register @call: give it an id and its tracefs directory.
 * Takes event_mutex. Return: 0, -EEXIST (system/name taken), -ENOMEM.
 * __trace_add_event_call() is the same with event_mutex already held.
 */
int trace_add_event_call(struct trace_event_call *call);
int __trace_add_event_call(struct trace_event_call *call);
/*
 * trace_remove_event_call() - unregister @call and remove its directory. Fails with -EBUSY,
 * changing nothing, while the event is enabled or one of its files is open. The __ form
 * expects event_mutex held.
 */
int trace_remove_event_call(struct trace_event_call *call);
int __trace_remove_event_call(struct trace_event_call *call);
/* Look an event up by system and name (event_mutex held). NULL if there is none. */
struct trace_event_call *trace_find_event_call(const char *system, const char *name);
/* Call @fn for each event until it returns non-zero (event_mutex held). */
int trace_for_each_event(int (*fn)(struct trace_event_call *call, void *arg), void *arg);
/* Switch @call on or off as its enable file does (event_mutex held). */
int __trace_event_enable(struct trace_event_call *call, bool enable);

/* ---- writing ------------------------------------------------------------------------ */

/*
 * tracing_get_buffer() - the ring buffer writers reserve in, or NULL when tracing_on is 0
 * (ring_buffer_lock_reserve() also fails then; the test just saves the work).
 */
struct trace_buffer *tracing_get_buffer(void);
bool tracing_is_on(void);

struct trace_event_buffer {
	struct trace_buffer	*buffer;
	struct ring_buffer_event *event;
	struct trace_event_call	*call;
	void			*entry;		/* the record, struct trace_entry first */
	unsigned int		len;
	unsigned int		trace_ctx;
};

/*
 * trace_event_buffer_reserve() - reserve @len bytes (struct trace_entry included) for
 * @call and fill the common fields from the caller's context. Return: the record, or NULL
 * when tracing is off or the buffer refused (nothing to undo then).
 * trace_event_buffer_reserve_ctx() takes the context from a tracing_gen_ctx*() value.
 */
void *trace_event_buffer_reserve(struct trace_event_buffer *fbuf, struct trace_event_call *call,
				 unsigned long len);
void *trace_event_buffer_reserve_ctx(struct trace_event_buffer *fbuf,
				     struct trace_event_call *call, unsigned long len,
				     unsigned int trace_ctx);
/* Commit (or discard when the event's filter rejects the record). */
void trace_event_buffer_commit(struct trace_event_buffer *fbuf);
/* Does @rec (@len bytes) pass @call's filter? True when no filter is active. */
bool trace_event_filter_match(struct trace_event_call *call, const void *rec, unsigned int len);

/* Record a task's comm for the TASK column (saved_cmdlines); any context, never blocks. */
void tracing_record_cmdline(int pid, const char *comm);

/* ---- control ------------------------------------------------------------------------ */

/* Clear every CPU's buffer (what "echo > trace" does). Sleeps; not from atomic context. */
void tracing_reset_all_online_cpus(void);
/* Expand the buffers from the boot minimum to their default size, once. */
int tracing_update_buffers(void);

/* The option switches that event printers look at. */
enum trace_iter_flag {
	TRACE_ITER_SYM_OFFSET,
	TRACE_ITER_SYM_ADDR,
	TRACE_ITER_NR_FLAGS_PUBLIC,
};
bool trace_option_is_set(enum trace_iter_flag flag);

/*
 * tracing_log_err() - append one entry to error_log (the last 8 are kept). @entry is the
 * whole entry as probe_log_format() or filter_format_error_log() make it: three lines
 * ("[ts] subsystem: error: msg", "  Command: ...", the caret line), each ending in "\n",
 * with the timestamp taken from local_clock(). Sleeps (takes a mutex).
 */
void tracing_log_err(const char *entry);

/* ---- tracefs and debugfs files for other tracing code ---------------------------------- */

/*
 * tracefs_create_file() - create @name under @parent (NULL: the tracefs root) with @mode
 * (S_IFREG implied; use 0640 for control files, 0440 read-only), i_private = @data. The file
 * appears both in tracefs and in debugfs/tracing. Return: a handle for tracefs_remove(), or
 * an ERR_PTR().
 */
struct tracefs_node;
struct tracefs_node *tracefs_create_file(const char *name, unsigned short mode,
					 struct tracefs_node *parent, void *data,
					 const struct file_operations *fops);
struct tracefs_node *tracefs_create_dir(const char *name, struct tracefs_node *parent);
void tracefs_remove(struct tracefs_node *node);
/* Set i_private of a file's inodes (both trees); the caller serialises this with its opens. */
void tracefs_set_private(struct tracefs_node *node, void *data);

/* debugfs (for kprobes/): @parent NULL is the debugfs root. ERR_PTR() on failure. */
struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);
struct dentry *debugfs_create_file(const char *name, unsigned short mode,
				   struct dentry *parent, void *data,
				   const struct file_operations *fops);
void debugfs_remove(struct dentry *dentry);

/*
 * Boot order: the core, the event framework and tracefs come up at fs_initcall level;
 * trace_add_event_call() works before that too (the directories appear when tracefs does).
 * Code that adds tracefs or debugfs files calls the functions above from device_initcall or
 * later.
 */

#endif /* _STARLING_TRACE_EVENTS_H */
