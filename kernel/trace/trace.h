// SPDX-License-Identifier: GPL-2.0-only
/*
 * Inside the tracing core: what trace.c (the trace array and its tracefs files),
 * trace_events.c (the event framework) and trace_output.c (pure text formatting, also built
 * on the host) share. Code outside kernel/trace uses <starling/trace_events.h> instead.
 */
#ifndef _KERNEL_TRACE_TRACE_H
#define _KERNEL_TRACE_TRACE_H

#include <starling/types.h>
#include <starling/trace_events.h>

/* ---- trace_output.c: pure formatting ------------------------------------------------- */

/* The options, in Linux 6.1's trace_options order. */
#define TRACE_OPTIONS							\
	C(PRINT_PARENT,		"print-parent",		1),		\
	C(SYM_OFFSET,		"sym-offset",		0),		\
	C(SYM_ADDR,		"sym-addr",		0),		\
	C(VERBOSE,		"verbose",		0),		\
	C(RAW,			"raw",			0),		\
	C(HEX,			"hex",			0),		\
	C(BIN,			"bin",			0),		\
	C(BLOCK,		"block",		0),		\
	C(PRINTK,		"trace_printk",		1),		\
	C(ANNOTATE,		"annotate",		1),		\
	C(USERSTACKTRACE,	"userstacktrace",	0),		\
	C(SYM_USEROBJ,		"sym-userobj",		0),		\
	C(PRINTK_MSGONLY,	"printk-msg-only",	0),		\
	C(CONTEXT_INFO,		"context-info",		1),		\
	C(LATENCY_FMT,		"latency-format",	0),		\
	C(RECORD_CMD,		"record-cmd",		1),		\
	C(RECORD_TGID,		"record-tgid",		0),		\
	C(OVERWRITE,		"overwrite",		1),		\
	C(STOP_ON_FREE,		"disable_on_free",	0),		\
	C(IRQ_INFO,		"irq-info",		1),		\
	C(MARKERS,		"markers",		1),		\
	C(EVENT_FORK,		"event-fork",		0),		\
	C(PAUSE_ON_TRACE,	"pause-on-trace",	0),		\
	C(HASH_PTR,		"hash-ptr",		1),

#define C(id, name, def)	TOPT_##id
enum trace_option { TRACE_OPTIONS TOPT_MAX };
#undef C

extern const char *const trace_option_names[TOPT_MAX];
unsigned long trace_options_default(void);
/* "name" -> set, "noname" -> clear; Return: the option, or -EINVAL. */
int trace_option_parse(const char *word, bool *set);
/* trace_options: one option per line, "no" in front of the clear ones. */
int trace_options_print(unsigned long flags, char *buf, size_t size);

/* Clocks, in trace_clock's order; the arch's own (x86-tsc) last, where it has one. */
struct trace_clock_desc {
	const char	*name;
	bool		in_ns;		/* printed as seconds.micros, else as a raw count */
};
extern const struct trace_clock_desc trace_clock_descs[];
extern const unsigned int trace_nr_clock_descs;
/* Return: the index of @name (a trailing "\n" and blanks ignored), or -EINVAL. */
int trace_clock_find(const char *name, unsigned int nr_clocks);
int trace_clock_print(unsigned int current_clock, unsigned int nr_clocks, char *buf,
		      size_t size);

/* The `trace` header (tracing ABI 5.1). */
struct trace_header_info {
	unsigned long	entries;
	unsigned long	written;
	int		nr_cpus;
	bool		irq_info;
	bool		record_tgid;
};
int trace_print_header(const struct trace_header_info *hi, char *buf, size_t size);

/* The per-line context (tracing ABI 5.2), up to and including ": ". */
struct trace_line_ctx {
	const char	*comm;		/* "<idle>", "<...>" or the task's */
	int		pid;
	int		tgid;		/* 0: unknown */
	int		cpu;
	u8		flags;		/* common_flags */
	u8		preempt;	/* common_preempt_count */
	u64		ts;
	bool		ts_in_ns;
	bool		irq_info;
	bool		record_tgid;
};
void trace_lat_flags(u8 flags, u8 preempt, char out[6]);
int trace_print_context(const struct trace_line_ctx *c, char *buf, size_t size);
/* " %5lu.%06lu" style for ns clocks, " %12llu" for counters, without the leading blank. */
int trace_print_ts(u64 ts, bool in_ns, char *buf, size_t size);

/* The format file of a static event: common fields, event fields, print fmt. */
int trace_event_format_text(const struct trace_event_call *call, int id, char *buf,
			    size_t size);

/* set_event words: [!][GRP:]EV, GRP:*, *:EV, *:*, GRP: ... */
struct set_event_req {
	bool		enable;
	const char	*system;	/* NULL: any */
	const char	*event;		/* NULL: any */
};
/* Parse @word in place (it is cut at ':'). Return: 0, 1 for an empty word, -EINVAL. */
int trace_parse_set_event(char *word, struct set_event_req *req);
bool trace_set_event_match(const struct set_event_req *req, const char *system,
			   const char *event);

/* buffer_size_kb and buffer_total_size_kb text (tracing ABI 8). */
int trace_print_buffer_size(const unsigned long *kb, int nr_cpus, bool expanded,
			    unsigned long expand_kb, char *buf, size_t size);
int trace_print_buffer_total(const unsigned long *kb, int nr_cpus, bool expanded,
			     unsigned long expand_kb, char *buf, size_t size);

/* per_cpu/cpuN/stats. */
struct trace_cpu_stats {
	unsigned long	entries, overrun, commit_overrun, bytes, dropped, read;
	u64		oldest_ts, now_ts;
	bool		ts_in_ns;
};
int trace_print_stats(const struct trace_cpu_stats *st, char *buf, size_t size);

/* The README text: dynamic-event lines only when @kprobe_events. */
int trace_readme_print(bool kprobe_events, char *buf, size_t size);

/* Common printers for the static events (trace_sched.c). */
int trace_print_marker(const void *rec, unsigned int len, char *buf, size_t size);

#endif /* _KERNEL_TRACE_TRACE_H */
