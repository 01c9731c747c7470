// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kprobe events (kernel/trace/trace_kprobe.c): the state behind kprobe_events,
 * dynamic_events, kprobe_profile, events/<grp>/<ev>/ of kprobe events and the debugfs
 * kprobes/ files. The file operations of tracefs and debugfs call these; every text function
 * follows the snprintf rule (returns the full length, writes at most @size bytes with a NUL)
 * so that a caller can size its buffer and call again.
 *
 * Lock order: trace_kprobe's event list mutex -> kprobe_mutex (kernel/kprobes.c).
 */
#ifndef _STARLING_TRACE_KPROBE_H
#define _STARLING_TRACE_KPROBE_H

#include <starling/types.h>

struct trace_buffer;
struct filter_event;
struct event_filter;

/* ---- kprobe_events / dynamic_events --------------------------------------------------- */

/* A write of @count bytes at @buf (kernel copy): the byte count or the first line's errno. */
ssize_t trace_kprobe_write(const char *buf, size_t count, bool dynamic);
/* The O_TRUNC open: remove every kprobe event, or none and -EBUSY if any is in use. */
int trace_kprobe_release_all(void);
/* Read-back of kprobe_events (and of dynamic_events: only kprobe events exist). */
int trace_kprobe_events_text(char *buf, size_t size);
/* kprobe_profile. */
int trace_kprobe_profile_text(char *buf, size_t size);

/* ---- per event (events/<grp>/<ev>/, available_events, set_event) ---------------------- */

struct tk_event;

/* Iterate the kprobe events in creation order: first with NULL, NULL at the end. */
struct tk_event *trace_kprobe_next_event(struct tk_event *prev);
struct tk_event *trace_kprobe_find_event(const char *group, const char *name);
struct tk_event *trace_kprobe_find_event_id(int id);
const char *trace_kprobe_event_group(const struct tk_event *ev);
const char *trace_kprobe_event_name(const struct tk_event *ev);
int trace_kprobe_event_id(const struct tk_event *ev);
bool trace_kprobe_event_enabled(const struct tk_event *ev);
int trace_kprobe_event_enable(struct tk_event *ev, bool on);
/* Open users (event files held open): a used event can be neither deleted nor truncated. */
void trace_kprobe_event_get(struct tk_event *ev);
void trace_kprobe_event_put(struct tk_event *ev);
int trace_kprobe_format_text(struct tk_event *ev, char *buf, size_t size);
const struct filter_event *trace_kprobe_filter_event(struct tk_event *ev);
/* Install @filter (NULL: none); returns the previous one for the caller to free. */
struct event_filter *trace_kprobe_set_filter(struct tk_event *ev, struct event_filter *filter);
/* One record of a kprobe event as trace prints it after the context columns. */
int trace_kprobe_print_record(const void *rec, size_t len, bool sym_addr, char *buf,
			      size_t size);

/* ---- debugfs kprobes/ ------------------------------------------------------------------ */

int kprobes_list_text(char *buf, size_t size);
int kprobes_blacklist_text(char *buf, size_t size);
int kprobes_enabled_text(char *buf, size_t size);
int kprobes_enabled_write(const char *buf, size_t count);

/* ---- glue ------------------------------------------------------------------------------ */

/* Where hits are recorded; NULL records nothing (hits are still counted). Returns the old. */
struct trace_buffer *trace_kprobe_set_buffer(struct trace_buffer *buffer);
/* The last error_log entry made by kprobe_events, until error_log is linked (self-test). */
const char *trace_kprobe_last_error(void);
void trace_kprobe_clear_last_error(void);
/* Boot self-test (starling.selftest=kprobe_events): 0 when all passed. */
int trace_kprobe_selftest(void);

#endif /* _STARLING_TRACE_KPROBE_H */
