// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kprobe events: the stateful half of kprobe_events. A write is split into lines
 * (probe_run_lines), each line parsed into a complete struct probe_spec (probe_parse_line),
 * checked without side effects (probe_check_append against an existing event of that name,
 * then probe_check with kallsyms and kprobe_check_addr), and only then committed: the probe
 * is allocated, registered with the kprobes engine in the disabled state, and linked into its
 * event, which is created with its first probe. Writing 1 to an event's enable file arms
 * every probe of the event; a hit counts in kprobe_profile and, while the event is enabled,
 * becomes a record in the ring buffer built by probe_record_fill().
 *
 *   struct tk_event      one group/event name: the trace_event_call registered with the
 *                        event framework (id, enable flag, filter, users, events/ files)
 *                        and its probes (several for a multiprobe event)
 *   struct trace_kprobe  one probe point: the kprobe or kretprobe, the parsed spec, the
 *                        per-CPU hit counters
 *
 * Lock order: event_mutex -> kprobe_mutex. The framework calls back into this file (enable,
 * format, print) with event_mutex held, so this file has no mutex of its own: event_mutex
 * guards both lists and every field that is not marked otherwise. The hit path takes no
 * lock and reads only the call's enable flag and filter and the immutable spec.
 */
#include <starling/trace_kprobe.h>
#include <starling/kprobes.h>
#include <starling/kallsyms.h>
#include <starling/ring_buffer.h>
#include <starling/trace_filter.h>
#include <starling/trace_events.h>
#include <starling/uaccess.h>
#include <starling/sched.h>
#include <starling/mutex.h>
#include <starling/list.h>
#include <starling/slab.h>
#include <starling/vmalloc.h>
#include <starling/smp.h>
#include <starling/preempt.h>
#include <starling/time.h>
#include <starling/init.h>
#include <starling/params.h>
#include <starling/kernel.h>
#include <starling/string.h>
#include <starling/errno.h>
#include <starling/printk.h>
#include <starling/fs.h>
#include <asm/ptrace.h>
#include "trace_probe.h"
#include "trace_internal.h"

struct tk_event {
	struct list_head	list;		/* on tk_events, creation order */
	struct list_head	probes;		/* struct trace_kprobe.sibling, creation order */
	char			group[PROBE_GROUP_MAX + 1];
	char			name[PROBE_EVENT_MAX + 1];
	bool			armed;		/* the probes are armed */
	bool			registered;	/* call is on the framework's list */
	struct filter_field	*fields;	/* kcalloc'd; names point into the first spec */
	struct filter_event	fevent;
	/* What the event core is handed (trace_events.h); data points back here. */
	struct trace_event_call	call;
};

struct trace_kprobe {
	struct list_head	list;		/* on tk_probes, creation order */
	struct list_head	sibling;	/* on event->probes */
	struct tk_event		*event;
	struct kretprobe	rp;		/* rp.kp alone for a kprobe */
	bool			registered;	/* false: MOD:SYM whose module is not loaded */
	unsigned long		*nhit;		/* [nr_cpu_ids], own CPU with IRQs off */
	struct probe_spec	*spec;		/* immutable; args[] cut to nargs */
};

static LIST_HEAD(tk_events);			/* struct tk_event; event_mutex */
static LIST_HEAD(tk_probes);			/* struct trace_kprobe; event_mutex */
/* A private buffer for the self-test; NULL: records go through the event framework. */
static struct trace_buffer *tk_buffer;		/* read by the hit path */

/* The last error_log entry made here, for the self-test; event_mutex. */
static char tk_last_err[PROBE_WRITE_BUFSIZE + 128];

static const struct probe_fetch_ops tk_fetch_ops;

/* ---- glue to the event core ------------------------------------------------------------ */

/* The entry goes to error_log; the last one is also kept here for the self-test. */
static void tk_log_error(const struct probe_log *log)
{
	if (probe_log_format(log, local_clock(), tk_last_err, sizeof(tk_last_err)) > 0)
		tracing_log_err(tk_last_err);
}

/* Every change of the kprobe events clears the buffers, as Linux does. */
static void tk_reset_buffers(void)
{
	struct trace_buffer *buffer = READ_ONCE(tk_buffer);

	if (buffer)
		ring_buffer_reset(buffer);
	else
		tracing_reset_all_online_cpus();
}

/* Is GROUP/EVENT the name of an event that is not a kprobe event (EVENT_EXIST)? */
static bool tk_name_used_elsewhere(const char *group, const char *event)
{
	mutex_assert_held(&event_mutex);
	return trace_find_event_call(group, event) != NULL;
}

/* The framework hands out the id and creates events/<group>/<event>/. */
static int tk_event_register(struct tk_event *ev)
{
	int ret = __trace_add_event_call(&ev->call);

	if (ret)
		return ret;
	ev->registered = true;
	return 0;
}

static int tk_event_unregister(struct tk_event *ev)
{
	int ret;

	if (!ev->registered)
		return 0;
	ret = __trace_remove_event_call(&ev->call);
	if (!ret)
		ev->registered = false;
	return ret;
}

/* ---- lookups ------------------------------------------------------------------------- */

static struct tk_event *find_event(const char *group, const char *name)
{
	struct tk_event *ev;

	mutex_assert_held(&event_mutex);
	list_for_each_entry(ev, &tk_events, list)
		if (!strcmp(ev->name, name) && !strcmp(ev->group, group))
			return ev;
	return NULL;
}

static unsigned int event_nr_probes(const struct tk_event *ev)
{
	const struct trace_kprobe *tk;
	unsigned int n = 0;

	list_for_each_entry(tk, &ev->probes, sibling)
		n++;
	return n;
}

static struct trace_kprobe *event_first_probe(const struct tk_event *ev)
{
	return list_first_entry(&ev->probes, struct trace_kprobe, sibling);
}

struct tk_sym_priv {
	bool		unique_first;	/* the location comes first and must be unique */
	unsigned int	calls;
	bool		is_return;
};

/* Location symbols must be unique (NON_UNIQ_SYMBOL); @SYM arguments take the first. */
static int tk_lookup(void *data, const char *name, unsigned long *addr)
{
	struct tk_sym_priv *priv = data;
	bool location = priv->unique_first && priv->calls++ == 0;
	unsigned int n = kallsyms_count_name(name);

	if (!n)
		return -ENOENT;
	if (location && n > 1)
		return -EADDRNOTAVAIL;
	*addr = kallsyms_lookup_name(name);
	return *addr ? 0 : -ENOENT;
}

static int tk_check_addr(void *data, unsigned long addr)
{
	struct tk_sym_priv *priv = data;
	int ret = kprobe_check_addr(addr);

	if (!ret && priv->is_return && !kprobe_on_func_entry(addr))
		ret = -EINVAL;
	return ret;
}

/* ---- the hit path ------------------------------------------------------------------------ */

static int __noprobe tk_read_kernel(void *priv, void *dst, unsigned long src, size_t len)
{
	return copy_from_kernel_nofault(dst, (const void *)src, len) ? -EFAULT : 0;
}

static int __noprobe tk_read_user(void *priv, void *dst, unsigned long src, size_t len)
{
	return copy_from_user_nofault(dst, (const void __user *)src, len) ? -EFAULT : 0;
}

static const char *__noprobe tk_comm(void *priv)
{
	return current->comm;
}

/* "sym+0xoff/0xsize" or "sym", as %pS and %ps print */
static int tk_symbolize(void *priv, unsigned long addr, bool with_offset, char *buf,
			size_t size)
{
	unsigned long symsize, off;
	const char *name = kallsyms_lookup(addr, &symsize, &off);

	if (!name)
		return -1;
	if (with_offset)
		return snprintf(buf, size, "%s+0x%lx/0x%lx", name, off, symsize);
	return snprintf(buf, size, "%s", name);
}

static const struct probe_fetch_ops tk_fetch_ops = {
	.read_kernel	= tk_read_kernel,
	.read_user	= tk_read_user,
	.comm		= tk_comm,
	.symbolize	= tk_symbolize,
};

/*
 * One hit's record, reserved, filled, filtered and committed straight on the ring buffer:
 * the trace buffer (nothing while tracing_on is 0), or the self-test's private one. The
 * common fields describe the probed context: an entry probe's handler runs with IRQs off
 * only because the arch masked them (arch_kprobe_masked_irqs()).
 */
static nokprobe_inline void tk_record(struct trace_kprobe *tk, struct pt_regs *regs,
				      unsigned long ip, unsigned long ret_ip)
{
	struct trace_buffer *buffer = READ_ONCE(tk_buffer);
	const struct probe_spec *spec = tk->spec;
	struct probe_fetch_ctx ctx = {
		.ops	= &tk_fetch_ops,
		.regs	= regs,
		.ip	= ip,
		.ret_ip	= ret_ip,
	};
	struct ring_buffer_event *event;
	struct event_filter *filter;
	unsigned int trace_ctx;
	ssize_t size;
	void *rec;

	if (!buffer) {
		buffer = tracing_get_buffer();
		if (!buffer)
			return;
	}
	size = probe_record_size(spec, &ctx);
	if (size < 0)
		return;
	if (size > (ssize_t)BUF_MAX_DATA_SIZE)
		size = BUF_MAX_DATA_SIZE;
	trace_ctx = tracing_gen_ctx();
	if (arch_kprobe_masked_irqs())
		trace_ctx &= ~(TRACE_FLAG_IRQS_OFF << 16);
	event = ring_buffer_lock_reserve(buffer, size);
	if (!event)
		return;
	rec = ring_buffer_event_data(event);
	tracing_generic_entry_update(rec, tk->event->call.id, trace_ctx);
	size = probe_record_fill(spec, &ctx, rec, size);
	filter = READ_ONCE(tk->event->call.filter);
	if (size < 0 || (filter_is_active(filter) &&
			 !filter_match(filter, rec, &(struct filter_ctx){
				.cpu = smp_processor_id(),
				.comm = current->comm,
				.record_size = size,
			 }))) {
		ring_buffer_discard_commit(buffer, event);
		return;
	}
	ring_buffer_unlock_commit(buffer, event);
	if (current->pid)
		tracing_record_cmdline(current->pid, current->comm);
}

static nokprobe_inline void tk_count_hit(struct trace_kprobe *tk)
{
	tk->nhit[smp_processor_id()]++;
}

static int __noprobe tk_kprobe_handler(struct kprobe *kp, struct pt_regs *regs)
{
	struct trace_kprobe *tk = container_of(kp, struct trace_kprobe, rp.kp);

	tk_count_hit(tk);
	if (trace_event_enabled(&tk->event->call))
		tk_record(tk, regs, (unsigned long)kp->addr, 0);
	return 0;
}

static int __noprobe tk_kretprobe_handler(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct kretprobe *rp = READ_ONCE(ri->rph->rp);
	struct trace_kprobe *tk = container_of(rp, struct trace_kprobe, rp);

	tk_count_hit(tk);
	if (trace_event_enabled(&tk->event->call))
		tk_record(tk, regs, (unsigned long)rp->kp.addr, instruction_pointer(regs));
	return 0;
}

NOKPROBE_SYMBOL(probe_record_size);
NOKPROBE_SYMBOL(probe_record_fill);
NOKPROBE_SYMBOL(tk_symbolize);
NOKPROBE_SYMBOL(kallsyms_lookup);
NOKPROBE_SYMBOL(filter_match);
NOKPROBE_SYMBOL(tracing_gen_ctx);
NOKPROBE_SYMBOL(tracing_get_buffer);
NOKPROBE_SYMBOL(tracing_generic_entry_update);
NOKPROBE_SYMBOL(tracing_record_cmdline);

/* ---- the object model ------------------------------------------------------------------- */

static unsigned long tk_hits(const struct trace_kprobe *tk)
{
	unsigned long n = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		n += READ_ONCE(tk->nhit[cpu]);
	return n;
}

static unsigned long tk_misses(const struct trace_kprobe *tk)
{
	return READ_ONCE(tk->rp.kp.nmissed) + READ_ONCE(tk->rp.nmissed);
}

/* A copy of @spec with args[] cut to its nargs (a full spec is ~70 KiB). */
static struct probe_spec *spec_dup(const struct probe_spec *spec)
{
	size_t size = offsetof(struct probe_spec, args) + spec->nargs * sizeof(spec->args[0]);

	return kmemdup(spec, size, GFP_KERNEL);
}

static void free_trace_kprobe(struct trace_kprobe *tk)
{
	if (!tk)
		return;
	kfree(tk->nhit);
	kfree(tk->spec);
	kfree(tk);
}

static struct trace_kprobe *alloc_trace_kprobe(const struct probe_spec *spec)
{
	struct trace_kprobe *tk = kzalloc(sizeof(*tk), GFP_KERNEL);

	if (!tk)
		return NULL;
	INIT_LIST_HEAD(&tk->list);
	INIT_LIST_HEAD(&tk->sibling);
	tk->nhit = kcalloc(nr_cpu_ids, sizeof(*tk->nhit), GFP_KERNEL);
	tk->spec = spec_dup(spec);
	if (!tk->nhit || !tk->spec) {
		free_trace_kprobe(tk);
		return NULL;
	}
	tk->rp.kp.addr = (kprobe_opcode_t *)spec->addr;
	tk->rp.kp.flags = KPROBE_FLAG_DISABLED;
	if (probe_is_return(spec)) {
		tk->rp.handler = tk_kretprobe_handler;
		tk->rp.maxactive = spec->maxactive;
	} else {
		tk->rp.kp.pre_handler = tk_kprobe_handler;
	}
	return tk;
}

static int register_tk_probe(struct trace_kprobe *tk)
{
	int ret;

	if (tk->spec->deferred)
		return 0;
	if (probe_is_return(tk->spec))
		ret = register_kretprobe(&tk->rp);
	else
		ret = register_kprobe(&tk->rp.kp);
	tk->registered = !ret;
	return ret;
}

static void unregister_tk_probe(struct trace_kprobe *tk)
{
	if (!tk->registered)
		return;
	if (probe_is_return(tk->spec))
		unregister_kretprobe(&tk->rp);
	else
		unregister_kprobe(&tk->rp.kp);
	tk->registered = false;
}

static void set_tk_armed(struct trace_kprobe *tk, bool on)
{
	if (!tk->registered)
		return;
	if (on)
		enable_kprobe(&tk->rp.kp);
	else
		disable_kprobe(&tk->rp.kp);
}

static const char *const tk_field_types[PROBE_TYPE_MAX] = {
	[PROBE_TYPE_U8] = "u8",	[PROBE_TYPE_U16] = "u16", [PROBE_TYPE_U32] = "u32",
	[PROBE_TYPE_U64] = "u64", [PROBE_TYPE_S8] = "s8", [PROBE_TYPE_S16] = "s16",
	[PROBE_TYPE_S32] = "s32", [PROBE_TYPE_S64] = "s64", [PROBE_TYPE_X8] = "u8",
	[PROBE_TYPE_X16] = "u16", [PROBE_TYPE_X32] = "u32", [PROBE_TYPE_X64] = "u64",
	[PROBE_TYPE_STRING] = "__data_loc char[]", [PROBE_TYPE_USTRING] = "__data_loc char[]",
	[PROBE_TYPE_SYMSTR] = "__data_loc char[]", [PROBE_TYPE_SYMBOL] = "u64",
};

static bool tk_type_signed(u8 type)
{
	return (type >= PROBE_TYPE_S8 && type <= PROBE_TYPE_S64) || type == PROBE_TYPE_STRING ||
	       type == PROBE_TYPE_USTRING || type == PROBE_TYPE_SYMSTR;
}

/* The fields a filter may name, as the format file lists them (common ones apart). */
static int build_fields(struct tk_event *ev, const struct probe_spec *spec)
{
	unsigned int n = 0, i;
	struct filter_field *f;

	f = kcalloc(spec->nargs + 2, sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	if (probe_is_return(spec)) {
		f[n++] = (struct filter_field){ .name = "__probe_func", .type = "unsigned long",
						.offset = 8, .size = 8 };
		f[n++] = (struct filter_field){ .name = "__probe_ret_ip", .type = "unsigned long",
						.offset = 16, .size = 8 };
	} else {
		f[n++] = (struct filter_field){ .name = "__probe_ip", .type = "unsigned long",
						.offset = 8, .size = 8 };
	}
	for (i = 0; i < spec->nargs; i++) {
		const struct fetch_spec *a = &spec->args[i];

		f[n++] = (struct filter_field){
			.name		= a->name,
			.type		= tk_field_types[a->type],
			.offset		= a->offset,
			.size		= a->size,
			.is_signed	= tk_type_signed(a->type),
		};
	}
	ev->fields = f;
	ev->fevent = (struct filter_event){ .fields = f, .nr_fields = n };
	return 0;
}

static void free_tk_event(struct tk_event *ev)
{
	if (!ev)
		return;
	kfree(ev->fields);
	kfree(ev);
}

static void arm_event(struct tk_event *ev, bool on);

/* trace_event_call callbacks: the format file, a record's text, enable/disable */
static int tk_call_format(struct trace_event_call *call, int id, char *buf, size_t size)
{
	struct tk_event *ev = call->data;

	return probe_format_text(event_first_probe(ev)->spec, ev->name, id, buf, size);
}

static int tk_call_print(struct trace_event_call *call, const void *rec, unsigned int len,
			 char *buf, size_t size)
{
	const struct probe_fetch_ctx sym = { .ops = &tk_fetch_ops };
	struct tk_event *ev = call->data;

	return probe_print_record(event_first_probe(ev)->spec, ev->name, rec, len, &sym,
				  trace_option_is_set(TRACE_ITER_SYM_ADDR), buf, size);
}

static int tk_call_reg(struct trace_event_call *call, bool enable)
{
	arm_event(call->data, enable);
	return 0;
}

/* The first probe of a new event: the event is made from its spec, fields and all. */
static struct tk_event *alloc_tk_event(const struct trace_kprobe *tk)
{
	struct tk_event *ev = kzalloc(sizeof(*ev), GFP_KERNEL);

	if (!ev)
		return NULL;
	INIT_LIST_HEAD(&ev->list);
	INIT_LIST_HEAD(&ev->probes);
	strcpy(ev->group, tk->spec->group);
	strcpy(ev->name, tk->spec->event);
	if (build_fields(ev, tk->spec)) {
		kfree(ev);
		return NULL;
	}
	ev->call = (struct trace_event_call){
		.system		= ev->group,
		.name		= ev->name,
		.fields		= ev->fevent.fields,
		.nr_fields	= ev->fevent.nr_fields,
		.format		= tk_call_format,
		.print		= tk_call_print,
		.reg		= tk_call_reg,
		.data		= ev,
		.flags		= TRACE_EVENT_FL_DYNAMIC,
	};
	return ev;
}

/* Map an engine registration error onto Linux's error_log entry. */
static int log_register_error(struct probe_spec *spec, struct probe_log *log, int ret)
{
	if (ret == -EILSEQ)
		probe_log_err(log, spec, 1, 0, PROBE_ERR_BAD_INSN_BNDRY);
	else if (ret == -ENOENT)
		probe_log_err(log, spec, 1, 0, PROBE_ERR_BAD_PROBE_ADDR);
	else if (ret != -ENOMEM && ret != -EEXIST)
		probe_log_err(log, spec, 1, 0, PROBE_ERR_FAIL_REG_PROBE);
	return ret;
}

static int check_append(struct tk_event *ev, struct probe_spec *spec, struct probe_log *log)
{
	const struct probe_spec **specs;
	struct trace_kprobe *tk;
	unsigned int n = 0;
	int ret;

	specs = kcalloc(event_nr_probes(ev), sizeof(*specs), GFP_KERNEL);
	if (!specs)
		return -ENOMEM;
	list_for_each_entry(tk, &ev->probes, sibling)
		specs[n++] = tk->spec;
	ret = probe_check_append(spec, specs, n, log);
	kfree(specs);
	return ret;
}

/* Check, then commit one p/r line. Caller holds event_mutex. */
static int create_trace_kprobe(struct probe_spec *spec, struct probe_log *log)
{
	struct tk_sym_priv priv = {
		.unique_first	= spec->has_symbol,
		.is_return	= probe_is_return(spec),
	};
	const struct probe_sym_ops ops = {
		.lookup		= tk_lookup,
		.check_addr	= tk_check_addr,
		.priv		= &priv,
	};
	struct tk_event *ev, *new_ev = NULL;
	struct trace_kprobe *tk;
	int ret;

	mutex_assert_held(&event_mutex);
	ev = find_event(spec->group, spec->event);
	if (ev) {
		ret = check_append(ev, spec, log);
		if (ret)
			return ret;
	} else if (tk_name_used_elsewhere(spec->group, spec->event)) {
		probe_log_err(log, spec, 0, 0, PROBE_ERR_EVENT_EXIST);
		return -EEXIST;
	}
	ret = probe_check(spec, &ops, log);
	if (ret)
		return ret;

	/* Commit: nothing below fails except for memory or the engine's own checks. */
	tk = alloc_trace_kprobe(spec);
	if (!tk)
		return -ENOMEM;
	if (!ev) {
		ret = -ENOMEM;
		new_ev = alloc_tk_event(tk);
		if (!new_ev)
			goto err_free_tk;
		ret = tk_event_register(new_ev);
		if (ret)
			goto err_free_ev;
		ev = new_ev;
	}
	tk->event = ev;
	ret = register_tk_probe(tk);
	if (ret) {
		log_register_error(spec, log, ret);
		goto err_unregister_ev;
	}
	list_add_tail(&tk->sibling, &ev->probes);
	list_add_tail(&tk->list, &tk_probes);
	if (new_ev)
		list_add_tail(&new_ev->list, &tk_events);
	else if (ev->armed)
		set_tk_armed(tk, true);		/* joins an enabled event armed */
	return 0;

err_unregister_ev:
	if (new_ev)
		tk_event_unregister(new_ev);
err_free_ev:
	free_tk_event(new_ev);
err_free_tk:
	free_trace_kprobe(tk);
	return ret;
}

static bool event_busy(const struct tk_event *ev)
{
	return (ev->call.flags & TRACE_EVENT_FL_ENABLED) || ev->call.users;
}

/*
 * Remove one probe. The last probe of an event takes the event with it, which an enabled or
 * open event refuses (-EBUSY); a probe with siblings goes regardless. Caller holds event_mutex.
 */
static int remove_trace_kprobe(struct trace_kprobe *tk)
{
	struct tk_event *ev = tk->event;
	bool last = list_is_singular(&ev->probes);
	int ret;

	mutex_assert_held(&event_mutex);
	if (last) {
		if (event_busy(ev))
			return -EBUSY;
		ret = tk_event_unregister(ev);
		if (ret)
			return ret;
	}
	unregister_tk_probe(tk);
	list_del(&tk->sibling);
	list_del(&tk->list);
	free_trace_kprobe(tk);
	if (last) {
		list_del(&ev->list);
		free_tk_event(ev);
	}
	return 0;
}

/* "-:[GRP/]EVENT [LOC [ARGS]]": ENOENT when nothing matched; buffers are cleared anyway. */
static int delete_trace_kprobes(const struct probe_spec *del)
{
	struct trace_kprobe *tk, *tmp;
	int ret = -ENOENT;

	mutex_assert_held(&event_mutex);
	list_for_each_entry_safe(tk, tmp, &tk_probes, list) {
		if (!probe_match_delete(del, tk->spec))
			continue;
		ret = remove_trace_kprobe(tk);
		if (ret)
			break;
	}
	tk_reset_buffers();
	return ret;
}

/* ---- writes ----------------------------------------------------------------------------- */

struct tk_write {
	struct probe_spec	*spec;
	struct probe_log	*log;
	bool			dynamic;
};

/* dynamic_events' "!p:EVENT LOC ARGS" is "-:EVENT LOC ARGS" */
static char *bang_to_delete(const char *line)
{
	size_t word = strcspn(line, " \t");
	const char *colon = memchr(line, ':', word);
	char *cmd;

	if (!colon)
		return NULL;
	cmd = kmalloc(strlen(colon) + 2, GFP_KERNEL);
	if (cmd) {
		cmd[0] = '-';
		strcpy(cmd + 1, colon);
	}
	return cmd;
}

static int run_command(struct tk_write *w, const char *line)
{
	int ret;

	ret = probe_parse_line(line, w->spec, w->log);
	if (ret) {
		if (!w->log->silent && w->log->err != PROBE_ERR_NONE)
			tk_log_error(w->log);
		return ret;
	}
	mutex_lock(&event_mutex);
	switch (w->spec->kind) {
	case PROBE_KIND_KPROBE:
	case PROBE_KIND_KRETPROBE:
		ret = create_trace_kprobe(w->spec, w->log);
		if (ret && w->log->err != PROBE_ERR_NONE)
			tk_log_error(w->log);
		break;
	case PROBE_KIND_DELETE:
		ret = delete_trace_kprobes(w->spec);
		break;
	default:
		ret = 0;
		break;
	}
	mutex_unlock(&event_mutex);
	return ret;
}

static int run_line(void *data, char *line)
{
	struct tk_write *w = data;
	char *cmd;
	int ret;

	if (!(w->dynamic && line[0] == '!'))
		return run_command(w, line);
	cmd = bang_to_delete(line);
	if (!cmd)
		return strchr(line, ':') ? -ENOMEM : -EINVAL;
	ret = run_command(w, cmd);
	kfree(cmd);
	return ret;
}

/**
 * trace_kprobe_write() - a write to kprobe_events or dynamic_events
 * @buf: the bytes written, in kernel memory
 * @count: their number
 * @dynamic: dynamic_events, which also takes "!" removals
 *
 * Lines run in order; the first failing one stops the write with its errno and earlier
 * lines stay applied. Parse and check errors are appended to error_log.
 *
 * Return: @count, or a negative errno.
 */
ssize_t trace_kprobe_write(const char *buf, size_t count, bool dynamic)
{
	struct tk_write w = { .dynamic = dynamic };
	ssize_t ret = -ENOMEM;

	w.spec = kmalloc(sizeof(*w.spec), GFP_KERNEL);
	w.log = kmalloc(sizeof(*w.log), GFP_KERNEL);
	if (w.spec && w.log)
		ret = probe_run_lines(buf, count, run_line, &w);
	kfree(w.log);
	kfree(w.spec);
	return ret;
}

/**
 * trace_kprobe_release_all() - the O_TRUNC open of kprobe_events or dynamic_events
 *
 * All or nothing: if any event is enabled or has open users nothing is removed. The
 * buffers are cleared either way.
 *
 * Return: 0 or -EBUSY.
 */
int trace_kprobe_release_all(void)
{
	struct trace_kprobe *tk, *tmp;
	struct tk_event *ev;
	int ret = 0;

	mutex_lock(&event_mutex);
	list_for_each_entry(ev, &tk_events, list) {
		if (event_busy(ev)) {
			ret = -EBUSY;
			goto out_reset;
		}
	}
	list_for_each_entry_safe(tk, tmp, &tk_probes, list) {
		ret = remove_trace_kprobe(tk);
		if (ret)
			break;
	}
out_reset:
	tk_reset_buffers();
	mutex_unlock(&event_mutex);
	return ret;
}

/* ---- text ------------------------------------------------------------------------------- */

struct tk_text {
	char	*buf;
	size_t	size;
	size_t	len;
};

static void text_add(struct tk_text *t, int n)
{
	if (n > 0)
		t->len += n;
}

static char *text_pos(struct tk_text *t, size_t *room)
{
	if (t->len < t->size) {
		*room = t->size - t->len;
		return t->buf + t->len;
	}
	*room = 0;
	return NULL;
}

static int text_done(struct tk_text *t)
{
	if (t->size)
		t->buf[min(t->len, t->size - 1)] = '\0';
	return t->len;
}

/**
 * trace_kprobe_events_text() - what reading kprobe_events shows
 * @buf: output
 * @size: size of @buf
 *
 * One line per probe in creation order, a multiprobe event's probes each on their own.
 *
 * Return: the full length (snprintf rule).
 */
int trace_kprobe_events_text(char *buf, size_t size)
{
	struct tk_text t = { .buf = buf, .size = size };
	unsigned int maxact = probe_default_maxactive(nr_cpu_ids);
	struct trace_kprobe *tk;
	size_t room;
	char *p;

	if (size)
		buf[0] = '\0';
	mutex_lock(&event_mutex);
	list_for_each_entry(tk, &tk_probes, list) {
		p = text_pos(&t, &room);
		text_add(&t, probe_readback_line(tk->spec, tk->event->group, tk->event->name,
						 maxact, p, room));
	}
	mutex_unlock(&event_mutex);
	return text_done(&t);
}

/**
 * trace_kprobe_profile_text() - what reading kprobe_profile shows
 * @buf: output
 * @size: size of @buf
 *
 * Return: the full length (snprintf rule).
 */
int trace_kprobe_profile_text(char *buf, size_t size)
{
	struct tk_text t = { .buf = buf, .size = size };
	struct trace_kprobe *tk;
	size_t room;
	char *p;

	if (size)
		buf[0] = '\0';
	mutex_lock(&event_mutex);
	list_for_each_entry(tk, &tk_probes, list) {
		p = text_pos(&t, &room);
		text_add(&t, probe_profile_line(tk->event->name, tk_hits(tk), tk_misses(tk), p,
						room));
	}
	mutex_unlock(&event_mutex);
	return text_done(&t);
}

/* ---- per event ------------------------------------------------------------------------ */

/**
 * trace_kprobe_next_event() - iterate the kprobe events
 * @prev: the previous event, NULL for the first
 *
 * The caller must keep events from going away meanwhile (the event core holds its own
 * mutex around directory changes, which happen under it).
 *
 * Return: the next event in creation order, or NULL.
 */
struct tk_event *trace_kprobe_next_event(struct tk_event *prev)
{
	struct list_head *next;
	struct tk_event *ev = NULL;

	mutex_lock(&event_mutex);
	next = prev ? prev->list.next : tk_events.next;
	if (next != &tk_events)
		ev = list_entry(next, struct tk_event, list);
	mutex_unlock(&event_mutex);
	return ev;
}

struct tk_event *trace_kprobe_find_event(const char *group, const char *name)
{
	struct tk_event *ev;

	mutex_lock(&event_mutex);
	ev = find_event(group, name);
	mutex_unlock(&event_mutex);
	return ev;
}

struct tk_event *trace_kprobe_find_event_id(int id)
{
	struct tk_event *ev, *found = NULL;

	mutex_lock(&event_mutex);
	list_for_each_entry(ev, &tk_events, list) {
		if (ev->call.id == id) {
			found = ev;
			break;
		}
	}
	mutex_unlock(&event_mutex);
	return found;
}

const char *trace_kprobe_event_group(const struct tk_event *ev)
{
	return ev->group;
}

const char *trace_kprobe_event_name(const struct tk_event *ev)
{
	return ev->name;
}

int trace_kprobe_event_id(const struct tk_event *ev)
{
	return ev->call.id;
}

bool trace_kprobe_event_enabled(const struct tk_event *ev)
{
	return trace_event_enabled(&ev->call);
}

/**
 * trace_kprobe_event_enable() - the event's enable file
 * @ev: the event
 * @on: arm (true) or disarm every probe of the event
 *
 * Return: 0.
 */
int trace_kprobe_event_enable(struct tk_event *ev, bool on)
{
	int ret;

	mutex_lock(&event_mutex);
	ret = __trace_event_enable(&ev->call, on);
	mutex_unlock(&event_mutex);
	return ret;
}

/* Arm or disarm every probe of @ev (the enable callback). Caller holds event_mutex. */
static void arm_event(struct tk_event *ev, bool on)
{
	struct trace_kprobe *tk;

	mutex_assert_held(&event_mutex);
	if (ev->armed == on)
		return;
	ev->armed = on;
	list_for_each_entry(tk, &ev->probes, sibling)
		set_tk_armed(tk, on);
}

void trace_kprobe_event_get(struct tk_event *ev)
{
	mutex_lock(&event_mutex);
	ev->call.users++;
	mutex_unlock(&event_mutex);
}

void trace_kprobe_event_put(struct tk_event *ev)
{
	mutex_lock(&event_mutex);
	if (!WARN_ON_ONCE(!ev->call.users))
		ev->call.users--;
	mutex_unlock(&event_mutex);
}

int trace_kprobe_format_text(struct tk_event *ev, char *buf, size_t size)
{
	int ret;

	mutex_lock(&event_mutex);
	ret = tk_call_format(&ev->call, ev->call.id, buf, size);
	mutex_unlock(&event_mutex);
	return ret;
}

const struct filter_event *trace_kprobe_filter_event(struct tk_event *ev)
{
	return &ev->call.fevent;
}

/**
 * trace_kprobe_set_filter() - install a compiled filter for the hit path
 * @ev: the event
 * @filter: the new filter, NULL for none
 *
 * The hit path reads the pointer with IRQs off on any CPU; the caller frees the old filter
 * only after every CPU has left its handlers (synchronize with stop_machine or similar).
 *
 * Return: the previous filter.
 */
struct event_filter *trace_kprobe_set_filter(struct tk_event *ev, struct event_filter *filter)
{
	struct event_filter *old;

	mutex_lock(&event_mutex);
	old = ev->call.filter;
	WRITE_ONCE(ev->call.filter, filter);
	mutex_unlock(&event_mutex);
	return old;
}

/**
 * trace_kprobe_print_record() - a kprobe event record as trace shows it
 * @rec: the record, common fields first
 * @len: its length
 * @sym_addr: the sym-addr option
 * @buf: output: "NAME: (sym+0xoff/0xsize) ARGS\n"
 * @size: size of @buf
 *
 * Return: the full length, or -ENOENT when no kprobe event has the record's type.
 */
int trace_kprobe_print_record(const void *rec, size_t len, bool sym_addr, char *buf,
			      size_t size)
{
	const struct probe_fetch_ctx sym = { .ops = &tk_fetch_ops };
	struct tk_event *ev;
	u16 type;
	int ret = -ENOENT;

	if (len < PROBE_COMMON_SIZE)
		return -EINVAL;
	memcpy(&type, rec, sizeof(type));
	mutex_lock(&event_mutex);
	list_for_each_entry(ev, &tk_events, list) {
		if (ev->call.id != type)
			continue;
		ret = sym_addr ? probe_print_record(event_first_probe(ev)->spec, ev->name, rec,
						    len, &sym, true, buf, size) :
				 tk_call_print(&ev->call, rec, len, buf, size);
		break;
	}
	mutex_unlock(&event_mutex);
	return ret;
}

/* ---- debugfs kprobes/ ------------------------------------------------------------------- */

int kprobes_list_text(char *buf, size_t size)
{
	return kprobes_print_list(buf, size);
}

int kprobes_blacklist_text(char *buf, size_t size)
{
	return kprobes_print_blacklist(buf, size);
}

int kprobes_enabled_text(char *buf, size_t size)
{
	return snprintf(buf, size, "%d\n", kprobes_all_armed());
}

/**
 * kprobes_enabled_write() - a write to kprobes/enabled
 * @buf: the bytes written (kernel copy)
 * @count: their number
 *
 * A kstrtobool() word: "1"/"y"/"on" re-arms every enabled probe, "0"/"n"/"off" disarms
 * all of them; each probe's own disabled state is kept.
 *
 * Return: @count, or -EINVAL.
 */
int kprobes_enabled_write(const char *buf, size_t count)
{
	char tmp[8];
	bool on;

	if (!count)
		return -EINVAL;
	memcpy(tmp, buf, min(count, sizeof(tmp) - 1));
	tmp[min(count, sizeof(tmp) - 1)] = '\0';
	if (kstrtobool(tmp, &on))
		return -EINVAL;
	kprobes_set_all_armed(on);
	return count;
}

/* ---- glue ------------------------------------------------------------------------------- */

/**
 * trace_kprobe_set_buffer() - where hits of enabled events are recorded
 * @buffer: the ring buffer, NULL to record nothing
 *
 * Return: the previous buffer.
 */
struct trace_buffer *trace_kprobe_set_buffer(struct trace_buffer *buffer)
{
	struct trace_buffer *old = tk_buffer;

	WRITE_ONCE(tk_buffer, buffer);
	return old;
}

/* Only the error_log entry made last by this file, until error_log itself is linked. */
const char *trace_kprobe_last_error(void)
{
	return tk_last_err;
}

void trace_kprobe_clear_last_error(void)
{
	tk_last_err[0] = '\0';
}

/* ---- tracefs and debugfs files ---------------------------------------------------------- */

/* Long enough for a script's worth of definitions; each line is still held to its limit. */
#define TK_WRITE_MAX	(256 * 1024)

static int show_kprobe_events(struct trace_ctl_file *f, char *buf, size_t size)
{
	return trace_kprobe_events_text(buf, size);
}

static ssize_t write_kprobe_events(struct trace_ctl_file *f, char *kbuf, size_t len)
{
	return trace_kprobe_write(kbuf, len, f->arg);
}

static int trunc_kprobe_events(struct trace_ctl_file *f)
{
	return trace_kprobe_release_all();
}

static int show_kprobe_profile(struct trace_ctl_file *f, char *buf, size_t size)
{
	return trace_kprobe_profile_text(buf, size);
}

static const struct trace_ctl kprobe_events_ctl = {
	.show		= show_kprobe_events,
	.write		= write_kprobe_events,
	.trunc		= trunc_kprobe_events,
	.write_max	= TK_WRITE_MAX,
};
static const struct trace_ctl kprobe_profile_ctl = { .show = show_kprobe_profile };

/* debugfs kprobes/: the text is made at open, as the tracefs control files do. */
#define TK_DBG_TEXT_MAX	(4 * 1024 * 1024)

struct tk_dbg_text {
	char	*text;
	size_t	len;
};

static int tk_dbg_open(struct inode *inode, struct file *file)
{
	int (*show)(char *buf, size_t size) = inode->i_private;
	struct tk_dbg_text *t;
	int len, ret;

	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	/*
	 * The kprobes engine's texts truncate (scnprintf rule) rather than report the full
	 * length: grow the buffer until the text fits with room to spare.
	 */
	if (file->f_mode & FMODE_READ) {
		for (len = 4096;; len *= 2) {
			t->text = vmalloc(len);
			if (!t->text) {
				kfree(t);
				return -ENOMEM;
			}
			ret = show(t->text, len);
			if (ret < 0)
				ret = 0;
			if (ret + 1 < len || len >= TK_DBG_TEXT_MAX)
				break;
			vfree(t->text);
		}
		t->len = min(ret, len - 1);
	}
	file->private_data = t;
	return 0;
}

static ssize_t tk_dbg_read(struct file *file, char __user *ubuf, size_t count, loff_t *pos)
{
	struct tk_dbg_text *t = file->private_data;

	return simple_read_from_buffer(ubuf, count, pos, t->text, t->len);
}

static ssize_t tk_dbg_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct tk_dbg_text *t = iocb->ki_filp->private_data;

	return trace_text_read_iter(iocb, to, t->text, t->len);
}

static int tk_dbg_release(struct inode *inode, struct file *file)
{
	struct tk_dbg_text *t = file->private_data;

	if (t) {
		vfree(t->text);
		kfree(t);
	}
	return 0;
}

static ssize_t tk_dbg_write_enabled(struct file *file, const char __user *ubuf, size_t count,
				    loff_t *pos)
{
	char buf[32];
	size_t n = min(count, sizeof(buf) - 1);
	int ret;

	if (copy_from_user(buf, ubuf, n))
		return -EFAULT;
	buf[n] = '\0';
	ret = kprobes_enabled_write(buf, n);
	if (ret < 0)
		return ret;
	*pos += count;
	return count;
}

static const struct file_operations tk_dbg_fops = {
	.open		= tk_dbg_open,
	.read		= tk_dbg_read,
	.read_iter	= tk_dbg_read_iter,
	.llseek		= generic_file_llseek,
	.release	= tk_dbg_release,
};

static const struct file_operations tk_dbg_enabled_fops = {
	.open		= tk_dbg_open,
	.read		= tk_dbg_read,
	.read_iter	= tk_dbg_read_iter,
	.write		= tk_dbg_write_enabled,
	.llseek		= generic_file_llseek,
	.release	= tk_dbg_release,
};

static int init_kprobe_trace_files(void)
{
	struct dentry *dir;

	trace_create_ctl_file("kprobe_events", 0640, NULL, &kprobe_events_ctl, false, NULL);
	trace_create_ctl_file("dynamic_events", 0640, NULL, &kprobe_events_ctl, true, NULL);
	trace_create_ctl_file("kprobe_profile", 0440, NULL, &kprobe_profile_ctl, 0, NULL);

	dir = debugfs_create_dir("kprobes", NULL);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	debugfs_create_file("list", 0444, dir, kprobes_list_text, &tk_dbg_fops);
	debugfs_create_file("enabled", 0600, dir, kprobes_enabled_text, &tk_dbg_enabled_fops);
	debugfs_create_file("blacklist", 0400, dir, kprobes_blacklist_text, &tk_dbg_fops);
	return 0;
}
device_initcall(init_kprobe_trace_files);

/* ---- kprobe_event= ---------------------------------------------------------------------- */

static const char *boot_events;		/* in the command-line copy; set before initcalls */

static int boot_events_setup(const char *val)
{
	boot_events = val;
	return 0;
}
__setup("kprobe_event", boot_events_setup);

/*
 * kprobe_event=p:myprobe,vfs_read,...;r:other,...: commas stand for blanks and ';' separates
 * definitions. Each is defined as if written to kprobe_events, then every kprobe event is
 * enabled, as Linux does at boot.
 */
static int boot_kprobe_events(void)
{
	struct tk_event *ev;
	char *cmds, *cmd, *p;
	ssize_t ret;

	if (!boot_events || !*boot_events)
		return 0;
	cmds = kstrndup(boot_events, COMMAND_LINE_SIZE, GFP_KERNEL);
	if (!cmds)
		return -ENOMEM;
	for (p = cmds; *p; p++)
		if (*p == ',')
			*p = ' ';
	for (cmd = cmds; cmd; cmd = p) {
		p = strchr(cmd, ';');
		if (p)
			*p++ = '\0';
		if (!*cmd)
			continue;
		ret = trace_kprobe_write(cmd, strlen(cmd), false);
		if (ret < 0)
			pr_warn("Failed to add event(%d): %s\n", (int)ret, cmd);
	}
	kfree(cmds);
	for (ev = trace_kprobe_next_event(NULL); ev; ev = trace_kprobe_next_event(ev))
		trace_kprobe_event_enable(ev, true);
	return 0;
}
late_initcall(boot_kprobe_events);
