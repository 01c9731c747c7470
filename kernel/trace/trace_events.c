// SPDX-License-Identifier: GPL-2.0-only
/*
 * The event framework: the list of event types (static ones from trace_sched.c, kprobe
 * events from trace_kprobe.c), their ids, and their tracefs files
 *
 *   events/enable, events/header_page, events/header_event
 *   events/<system>/{enable,filter}
 *   events/<system>/<event>/{enable,filter,format,id,trigger}
 *   available_events, set_event
 *
 * A system directory appears with its first event and goes with its last. Enabling an event
 * calls its ->reg(call, true) (kprobe events arm their probe there), expands the buffers and
 * then sets TRACE_EVENT_FL_ENABLED, which writers test locklessly; disabling goes the other
 * way round. Filters are compiled by trace_events_filter.c when written and installed here.
 *
 * Locking: event_mutex guards the event list, the systems, every event's flags, filter and
 * users. A writer reads call->filter without the mutex; a replaced filter is freed only
 * after every CPU has left the write path (synchronize_rcu() stand-in below).
 */
#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/errno.h>
#include <starling/kernel.h>
#include <starling/string.h>
#include <starling/slab.h>
#include <starling/mutex.h>
#include <starling/sched.h>
#include <starling/smp.h>
#include <starling/time.h>
#include <starling/timer.h>
#include <starling/ring_buffer.h>
#include <starling/trace_filter.h>
#include <starling/trace_events.h>
#include "trace.h"
#include "trace_internal.h"

#define FIRST_EVENT_ID		300	/* below: reserved for the core's own record types */
#define MAX_EVENT_ID		65535
#define FILTER_TEXT_MAX		4096

DEFINE_MUTEX(event_mutex);
static LIST_HEAD(event_list);		/* every event, in registration order */
static LIST_HEAD(system_list);
static int next_event_id = FIRST_EVENT_ID;
static bool files_created;		/* tracefs is up: create directories */
static struct tracefs_node *events_dir;

struct event_system {
	struct list_head	list;
	const char		*name;
	int			nr_events;
	struct event_filter	*filter;	/* the group filter file's text */
	struct tracefs_node	*dir;
	struct trace_ctl_file	*enable, *filter_file;
};

struct event_files {
	struct event_system	*system;
	struct tracefs_node	*dir;
	struct trace_ctl_file	*files[5];
};

/* ---- lookup ------------------------------------------------------------------------- */

/**
 * trace_find_event_call() - an event by system and name.
 * @system: group
 * @name: event
 *
 * Return: the event, or NULL. Caller holds event_mutex.
 */
struct trace_event_call *trace_find_event_call(const char *system, const char *name)
{
	struct trace_event_call *call;

	list_for_each_entry(call, &event_list, list)
		if (!strcmp(call->system, system) && !strcmp(call->name, name))
			return call;
	return NULL;
}

static struct trace_event_call *find_by_id(int id)
{
	struct trace_event_call *call;

	list_for_each_entry(call, &event_list, list)
		if (call->id == id)
			return call;
	return NULL;
}

/**
 * trace_for_each_event() - call @fn for every event until it returns non-zero.
 * @fn: the callback
 * @arg: passed on
 *
 * Return: the first non-zero value, or 0. Caller holds event_mutex.
 */
int trace_for_each_event(int (*fn)(struct trace_event_call *call, void *arg), void *arg)
{
	struct trace_event_call *call;
	int ret;

	list_for_each_entry(call, &event_list, list) {
		ret = fn(call, arg);
		if (ret)
			return ret;
	}
	return 0;
}

/**
 * trace_event_print() - the text of one record after the line context.
 * @ent: the record
 * @len: its length
 * @buf: output
 * @size: size of @buf
 *
 * Return: the full length (snprintf-style).
 */
int trace_event_print(const struct trace_entry *ent, unsigned int len, char *buf, size_t size)
{
	struct trace_event_call *call;
	int ret;

	mutex_lock(&event_mutex);
	call = find_by_id(ent->type);
	if (call && call->print)
		ret = call->print(call, ent, len, buf, size);
	else
		ret = snprintf(buf, size, "Unknown type %d\n", ent->type);
	mutex_unlock(&event_mutex);
	return ret;
}

/* ---- writing -------------------------------------------------------------------------- */

/**
 * trace_event_buffer_reserve_ctx() - reserve a record with a given context.
 * @fbuf: state for the commit
 * @call: the event
 * @len: record length, struct trace_entry included
 * @trace_ctx: from tracing_gen_ctx()
 *
 * Return: the record, or NULL.
 */
void *trace_event_buffer_reserve_ctx(struct trace_event_buffer *fbuf,
				     struct trace_event_call *call, unsigned long len,
				     unsigned int trace_ctx)
{
	struct trace_buffer *buffer = tracing_get_buffer();

	if (!buffer)
		return NULL;
	fbuf->event = ring_buffer_lock_reserve(buffer, len);
	if (!fbuf->event)
		return NULL;
	fbuf->buffer = buffer;
	fbuf->call = call;
	fbuf->len = len;
	fbuf->trace_ctx = trace_ctx;
	fbuf->entry = ring_buffer_event_data(fbuf->event);
	tracing_generic_entry_update(fbuf->entry, call->id, trace_ctx);
	return fbuf->entry;
}

/**
 * trace_event_buffer_reserve() - reserve a record described by the caller's context.
 * @fbuf: state for the commit
 * @call: the event
 * @len: record length, struct trace_entry included
 *
 * Return: the record, or NULL.
 */
void *trace_event_buffer_reserve(struct trace_event_buffer *fbuf, struct trace_event_call *call,
				 unsigned long len)
{
	return trace_event_buffer_reserve_ctx(fbuf, call, len, tracing_gen_ctx());
}

static const char *filter_fetch_str(const struct filter_ctx *ctx, unsigned long addr,
				    bool user, unsigned int *len)
{
	return NULL;	/* FIELD.ustring: not supported by the static events */
}

/**
 * trace_event_filter_match() - run @call's filter on a record.
 * @call: the event
 * @rec: the record
 * @len: its length
 *
 * Return: true when the record passes (or no filter is active).
 */
bool trace_event_filter_match(struct trace_event_call *call, const void *rec, unsigned int len)
{
	struct event_filter *filter = READ_ONCE(call->filter);

	if (!filter_is_active(filter))
		return true;
	return filter_match(filter, rec, &(struct filter_ctx){
		.cpu = raw_smp_processor_id(),
		.comm = current ? current->comm : "",
		.record_size = len,
		.fetch_str = filter_fetch_str,
	});
}

/**
 * trace_event_buffer_commit() - commit a reserved record, or discard it when the event's
 * filter rejects it.
 * @fbuf: from trace_event_buffer_reserve()
 */
void trace_event_buffer_commit(struct trace_event_buffer *fbuf)
{
	if (!trace_event_filter_match(fbuf->call, fbuf->entry, fbuf->len)) {
		ring_buffer_discard_commit(fbuf->buffer, fbuf->event);
		return;
	}
	ring_buffer_unlock_commit(fbuf->buffer, fbuf->event);
	if (current && current->pid)
		tracing_record_cmdline(current->pid, current->comm);
}

/* ---- enable --------------------------------------------------------------------------- */

/**
 * __trace_event_enable() - switch an event on or off.
 * @call: the event
 * @enable: the new state
 *
 * Return: 0, or the error of ->reg(). Caller holds event_mutex.
 */
int __trace_event_enable(struct trace_event_call *call, bool enable)
{
	bool on = call->flags & TRACE_EVENT_FL_ENABLED;
	int ret;

	mutex_assert_held(&event_mutex);
	if (on == enable)
		return 0;
	if (enable) {
		tracing_update_buffers();
		if (call->reg) {
			ret = call->reg(call, true);
			if (ret)
				return ret;
		}
		WRITE_ONCE(call->flags, call->flags | TRACE_EVENT_FL_ENABLED);
	} else {
		WRITE_ONCE(call->flags, call->flags & ~TRACE_EVENT_FL_ENABLED);
		if (call->reg)
			call->reg(call, false);
	}
	return 0;
}

/* 0 all off, 1 all on, 2 mixed, 3 none; @system NULL: every event. */
static int group_state(const char *system)
{
	struct trace_event_call *call;
	int state = 3;

	list_for_each_entry(call, &event_list, list) {
		int on;

		if (system && strcmp(call->system, system))
			continue;
		on = !!(call->flags & TRACE_EVENT_FL_ENABLED);
		if (state == 3)
			state = on;
		else if (state != on)
			return 2;
	}
	return state;
}

static int group_set(const char *system, const char *event, bool enable)
{
	struct trace_event_call *call;
	int ret = 0, r;
	bool found = false;

	list_for_each_entry(call, &event_list, list) {
		if (system && strcmp(call->system, system))
			continue;
		if (event && strcmp(call->name, event))
			continue;
		found = true;
		r = __trace_event_enable(call, enable);
		if (r && !ret)
			ret = r;
	}
	return found || !system ? ret : -EINVAL;
}

static int parse_01(const char *kbuf, bool *v)
{
	unsigned long n;
	int ret = kstrtoul(kbuf, 10, &n);

	if (ret)
		return ret;
	if (n > 1)
		return -EINVAL;
	*v = n;
	return 0;
}

static int show_event_enable(struct trace_ctl_file *f, char *buf, size_t size)
{
	struct trace_event_call *call = f->data;

	return snprintf(buf, size, "%d\n", call->flags & TRACE_EVENT_FL_ENABLED ? 1 : 0);
}

static ssize_t write_event_enable(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	bool v;
	int ret = parse_01(kbuf, &v);

	if (ret)
		return ret;
	mutex_lock(&event_mutex);
	ret = __trace_event_enable(f->data, v);
	mutex_unlock(&event_mutex);
	return ret ? ret : (ssize_t)len;
}

static int show_group_enable(struct trace_ctl_file *f, char *buf, size_t size)
{
	struct event_system *sys = f->data;
	int state;

	mutex_lock(&event_mutex);
	if (trace_ctl_removed(f)) {
		mutex_unlock(&event_mutex);
		return -ENODEV;		/* @sys went with its last event */
	}
	state = group_state(sys ? sys->name : NULL);
	mutex_unlock(&event_mutex);
	return snprintf(buf, size, "%c\n", "01X?"[state]);
}

static ssize_t write_group_enable(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	struct event_system *sys = f->data;
	bool v;
	int ret = parse_01(kbuf, &v);

	if (ret)
		return ret;
	mutex_lock(&event_mutex);
	ret = trace_ctl_removed(f) ? -ENODEV : group_set(sys ? sys->name : NULL, NULL, v);
	mutex_unlock(&event_mutex);
	return ret ? ret : (ssize_t)len;
}

/* ---- filters -------------------------------------------------------------------------- */

/*
 * Let writers that may still run the old filter finish before it is freed. A writer runs
 * the filter between reserve and commit, with preemption off, for a few microseconds; a
 * tick of sleep outlasts it.
 */
static void filter_retire(struct event_filter *old)
{
	if (!old)
		return;
	schedule_timeout_uninterruptible(1);
	free_event_filter(old);
}

static void log_filter_error(const char *expr, const struct filter_parse_error *pe)
{
	char *entry;
	int len = filter_format_error_log(NULL, 0, local_clock(), expr, pe);

	if (len <= 0)
		return;
	entry = kmalloc(len + 1, GFP_KERNEL);
	if (!entry)
		return;
	filter_format_error_log(entry, len + 1, local_clock(), expr, pe);
	tracing_log_err(entry);
	kfree(entry);
}

static int show_filter(struct trace_ctl_file *f, char *buf, size_t size)
{
	struct trace_event_call *call = f->data;
	int ret;

	mutex_lock(&event_mutex);
	ret = filter_print(call->filter, buf, size);
	mutex_unlock(&event_mutex);
	return ret;
}

static ssize_t write_filter(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	struct trace_event_call *call = f->data;
	struct event_filter *filter = NULL, *old = NULL;
	struct filter_parse_error pe = { 0 };
	int ret;

	mutex_lock(&event_mutex);
	ret = filter_apply_write(&call->fevent, kbuf, &filter, &pe);
	if (ret != -ENOMEM) {
		old = call->filter;
		WRITE_ONCE(call->filter, filter);
	}
	mutex_unlock(&event_mutex);
	if (ret < 0 && filter)
		log_filter_error(kbuf, &pe);
	filter_retire(old);
	return ret ? ret : (ssize_t)len;
}

static int show_group_filter(struct trace_ctl_file *f, char *buf, size_t size)
{
	struct event_system *sys = f->data;
	int ret;

	mutex_lock(&event_mutex);
	ret = trace_ctl_removed(f) ? -ENODEV : filter_print_subsystem(sys->filter, buf, size);
	mutex_unlock(&event_mutex);
	return ret;
}

static ssize_t write_group_filter(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	struct event_system *sys = f->data;
	struct filter_group_member *m;
	struct filter_parse_error pe = { 0 };
	struct trace_event_call *call, *calls[64];
	struct event_filter *old[64];
	unsigned int n = 0, i;
	int ret;

	m = kcalloc(64, sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	mutex_lock(&event_mutex);
	if (trace_ctl_removed(f)) {
		mutex_unlock(&event_mutex);
		kfree(m);
		return -ENODEV;		/* @sys went with its last event */
	}
	list_for_each_entry(call, &event_list, list) {
		if (strcmp(call->system, sys->name) || n == 64)
			continue;
		calls[n] = call;
		m[n++].event = &call->fevent;
	}
	ret = filter_apply_group(kbuf, m, n, FILTER_GROUP_KEEP_OLD, &sys->filter, &pe);
	for (i = 0; i < n; i++) {
		old[i] = NULL;
		if (!m[i].replace)
			continue;
		old[i] = calls[i]->filter;
		WRITE_ONCE(calls[i]->filter, m[i].filter);
	}
	mutex_unlock(&event_mutex);
	if (ret < 0 && ret != -ENOMEM)
		log_filter_error(kbuf, &pe);
	for (i = 0; i < n; i++)
		filter_retire(old[i]);
	kfree(m);
	return ret ? ret : (ssize_t)len;
}

/* ---- format, id, trigger ------------------------------------------------------------------ */

static int show_format(struct trace_ctl_file *f, char *buf, size_t size)
{
	struct trace_event_call *call = f->data;

	if (call->format)
		return call->format(call, call->id, buf, size);
	return trace_event_format_text(call, call->id, buf, size);
}

static int show_id(struct trace_ctl_file *f, char *buf, size_t size)
{
	struct trace_event_call *call = f->data;

	return snprintf(buf, size, "%d\n", call->id);
}

static int show_trigger(struct trace_ctl_file *f, char *buf, size_t size)
{
	return snprintf(buf, size, "# Available triggers:\n# traceon traceoff\n");
}

static ssize_t write_trigger(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	return -EINVAL;
}

/* An open file of an event keeps the event from being removed (EBUSY, as the spec says). */
static int event_get(struct trace_ctl_file *f)
{
	struct trace_event_call *call = f->data;
	int ret = -ENODEV;

	mutex_lock(&event_mutex);
	if (!trace_ctl_removed(f)) {
		call->users++;
		ret = 0;
	}
	mutex_unlock(&event_mutex);
	return ret;
}

static void event_put(struct trace_ctl_file *f)
{
	struct trace_event_call *call = f->data;

	mutex_lock(&event_mutex);
	call->users--;
	mutex_unlock(&event_mutex);
}

static const struct trace_ctl event_enable_ctl = { .show = show_event_enable,
	.write = write_event_enable, .get = event_get, .put = event_put };
static const struct trace_ctl event_filter_ctl = { .show = show_filter,
	.write = write_filter, .get = event_get, .put = event_put };
static const struct trace_ctl event_format_ctl = { .show = show_format,
	.get = event_get, .put = event_put };
static const struct trace_ctl event_id_ctl = { .show = show_id,
	.get = event_get, .put = event_put };
static const struct trace_ctl event_trigger_ctl = { .show = show_trigger,
	.write = write_trigger, .get = event_get, .put = event_put };
static const struct trace_ctl group_enable_ctl = { .show = show_group_enable,
	.write = write_group_enable };
static const struct trace_ctl group_filter_ctl = { .show = show_group_filter,
	.write = write_group_filter };

/* ---- available_events, set_event, header files -------------------------------------------- */

static int print_events(char *buf, size_t size, bool enabled_only)
{
	struct trace_event_call *call;
	size_t len = 0;

	mutex_lock(&event_mutex);
	list_for_each_entry(call, &event_list, list) {
		if (enabled_only && !(call->flags & TRACE_EVENT_FL_ENABLED))
			continue;
		len += snprintf(len < size ? buf + len : NULL, len < size ? size - len : 0,
				"%s:%s\n", call->system, call->name);
	}
	mutex_unlock(&event_mutex);
	return len;
}

static int show_available_events(struct trace_ctl_file *f, char *buf, size_t size)
{
	return print_events(buf, size, false);
}

static int show_set_event(struct trace_ctl_file *f, char *buf, size_t size)
{
	return print_events(buf, size, true);
}

static int trunc_set_event(struct trace_ctl_file *f)
{
	mutex_lock(&event_mutex);
	group_set(NULL, NULL, false);
	mutex_unlock(&event_mutex);
	return 0;
}

static int set_event_word(char *word)
{
	struct set_event_req req;
	struct trace_event_call *call;
	int ret = trace_parse_set_event(word, &req), r, found = 0;

	if (ret)
		return ret > 0 ? 0 : ret;
	mutex_lock(&event_mutex);
	ret = 0;
	list_for_each_entry(call, &event_list, list) {
		if (!trace_set_event_match(&req, call->system, call->name))
			continue;
		found++;
		r = __trace_event_enable(call, req.enable);
		if (r && !ret)
			ret = r;
	}
	mutex_unlock(&event_mutex);
	return found ? ret : -EINVAL;
}

static ssize_t write_set_event(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	char *p = kbuf, *word;
	int ret;

	while ((word = strsep(&p, " \t\n")) != NULL) {
		if (!*word)
			continue;
		ret = set_event_word(word);
		if (ret)
			return ret;
	}
	return len;
}

static int show_header_page(struct trace_ctl_file *f, char *buf, size_t size)
{
	return ring_buffer_print_page_header(buf, size, (char)-1 < 0);
}

static int show_header_event(struct trace_ctl_file *f, char *buf, size_t size)
{
	return ring_buffer_print_entry_header(buf, size);
}

static const struct trace_ctl available_events_ctl = { .show = show_available_events };
static const struct trace_ctl set_event_ctl = { .show = show_set_event,
	.write = write_set_event, .trunc = trunc_set_event };
static const struct trace_ctl header_page_ctl = { .show = show_header_page };
static const struct trace_ctl header_event_ctl = { .show = show_header_event };

/* ---- directories ---------------------------------------------------------------------------- */

static struct event_system *find_system(const char *name)
{
	struct event_system *sys;

	list_for_each_entry(sys, &system_list, list)
		if (!strcmp(sys->name, name))
			return sys;
	return NULL;
}

static void create_system_dir(struct event_system *sys)
{
	if (sys->dir || !events_dir)
		return;
	sys->dir = tracefs_create_dir(sys->name, events_dir);
	if (IS_ERR_OR_NULL(sys->dir)) {
		sys->dir = NULL;
		return;
	}
	sys->enable = trace_create_ctl_file("enable", 0640, sys->dir, &group_enable_ctl, 0, sys);
	sys->filter_file = trace_create_ctl_file("filter", 0640, sys->dir, &group_filter_ctl, 0,
						 sys);
}

static void create_event_dir(struct trace_event_call *call)
{
	struct event_files *ef = call->priv;

	if (ef->dir || !ef->system->dir)
		return;
	ef->dir = tracefs_create_dir(call->name, ef->system->dir);
	if (IS_ERR_OR_NULL(ef->dir)) {
		ef->dir = NULL;
		return;
	}
	ef->files[0] = trace_create_ctl_file("enable", 0640, ef->dir, &event_enable_ctl, 0, call);
	ef->files[1] = trace_create_ctl_file("filter", 0640, ef->dir, &event_filter_ctl, 0, call);
	ef->files[2] = trace_create_ctl_file("format", 0440, ef->dir, &event_format_ctl, 0, call);
	ef->files[3] = trace_create_ctl_file("id", 0440, ef->dir, &event_id_ctl, 0, call);
	ef->files[4] = trace_create_ctl_file("trigger", 0640, ef->dir, &event_trigger_ctl, 0,
					     call);
}

/**
 * __trace_add_event_call() - register an event type (event_mutex held).
 * @call: the event; system, name, fields and print must be set
 *
 * Return: 0, -EEXIST or -ENOMEM.
 */
int __trace_add_event_call(struct trace_event_call *call)
{
	struct event_system *sys;
	struct event_files *ef;

	mutex_assert_held(&event_mutex);
	if (trace_find_event_call(call->system, call->name))
		return -EEXIST;
	if (next_event_id > MAX_EVENT_ID)
		return -ENOSPC;
	ef = kzalloc(sizeof(*ef), GFP_KERNEL);
	if (!ef)
		return -ENOMEM;
	sys = find_system(call->system);
	if (!sys) {
		sys = kzalloc(sizeof(*sys), GFP_KERNEL);
		if (!sys) {
			kfree(ef);
			return -ENOMEM;
		}
		sys->name = kstrdup(call->system, GFP_KERNEL);
		if (!sys->name) {
			kfree(sys);
			kfree(ef);
			return -ENOMEM;
		}
		list_add_tail(&sys->list, &system_list);
	}
	sys->nr_events++;
	ef->system = sys;
	call->priv = ef;
	call->id = next_event_id++;
	call->flags &= ~TRACE_EVENT_FL_ENABLED;
	call->filter = NULL;
	call->users = 0;
	call->fevent.fields = call->fields;
	call->fevent.nr_fields = call->nr_fields;
	call->fevent.common = NULL;
	call->fevent.nr_common = 0;
	list_add_tail(&call->list, &event_list);
	if (files_created) {
		create_system_dir(sys);
		create_event_dir(call);
	}
	return 0;
}

/**
 * trace_add_event_call() - register an event type.
 * @call: the event
 *
 * Return: 0, -EEXIST or -ENOMEM.
 */
int trace_add_event_call(struct trace_event_call *call)
{
	int ret;

	mutex_lock(&event_mutex);
	ret = __trace_add_event_call(call);
	mutex_unlock(&event_mutex);
	return ret;
}

/**
 * __trace_remove_event_call() - unregister an event type (event_mutex held).
 * @call: the event
 *
 * Return: 0, or -EBUSY while it is enabled or one of its files is open.
 */
int __trace_remove_event_call(struct trace_event_call *call)
{
	struct event_files *ef = call->priv;
	struct event_system *sys = ef->system;
	unsigned int i;

	mutex_assert_held(&event_mutex);
	if ((call->flags & TRACE_EVENT_FL_ENABLED) || call->users)
		return -EBUSY;
	list_del(&call->list);
	for (i = 0; i < ARRAY_SIZE(ef->files); i++)
		trace_remove_ctl_file(ef->files[i]);
	if (ef->dir)
		tracefs_remove(ef->dir);
	if (call->filter) {
		free_event_filter(call->filter);
		call->filter = NULL;
	}
	kfree(ef);
	call->priv = NULL;
	if (--sys->nr_events == 0) {
		trace_remove_ctl_file(sys->enable);
		trace_remove_ctl_file(sys->filter_file);
		if (sys->dir)
			tracefs_remove(sys->dir);
		list_del(&sys->list);
		free_event_filter(sys->filter);
		kfree(sys->name);
		kfree(sys);
	}
	return 0;
}

/**
 * trace_remove_event_call() - unregister an event type.
 * @call: the event
 *
 * Return: 0 or -EBUSY.
 */
int trace_remove_event_call(struct trace_event_call *call)
{
	int ret;

	mutex_lock(&event_mutex);
	ret = __trace_remove_event_call(call);
	mutex_unlock(&event_mutex);
	return ret;
}

/* Called by trace.c once tracefs can create files. */
void trace_events_create_files(void)
{
	struct event_system *sys;
	struct trace_event_call *call;

	trace_create_ctl_file("available_events", 0440, NULL, &available_events_ctl, 0, NULL);
	trace_create_ctl_file("set_event", 0640, NULL, &set_event_ctl, 0, NULL);
	events_dir = tracefs_create_dir("events", NULL);
	if (IS_ERR_OR_NULL(events_dir)) {
		events_dir = NULL;
		return;
	}
	trace_create_ctl_file("enable", 0640, events_dir, &group_enable_ctl, 0, NULL);
	trace_create_ctl_file("header_page", 0440, events_dir, &header_page_ctl, 0, NULL);
	trace_create_ctl_file("header_event", 0440, events_dir, &header_event_ctl, 0, NULL);
	mutex_lock(&event_mutex);
	files_created = true;
	list_for_each_entry(sys, &system_list, list)
		create_system_dir(sys);
	list_for_each_entry(call, &event_list, list)
		create_event_dir(call);
	mutex_unlock(&event_mutex);
}

int trace_events_init(void)
{
	return trace_sched_events_init();
}
