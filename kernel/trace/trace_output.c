// SPDX-License-Identifier: GPL-2.0-only
/*
 * The text of tracefs, byte for byte as Linux 6.1 writes it (tracing ABI sections 2, 5, 6
 * and 8): the `trace` header, the per-line context with its five flag columns and
 * timestamp, trace_clock, trace_options, the format file of static events, set_event
 * words, buffer_size_kb, per-CPU stats and README.
 *
 * Pure: every function formats into a caller's buffer snprintf-style (the return value is
 * the full length, so a caller can retry with a larger buffer) or parses a caller's string.
 * No locks, no allocation, no global state, so the host unit tests build this file alone
 * (tests/unit/trace_output_test.c). trace.c and trace_events.c supply the live values.
 */
#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/errno.h>
#include <starling/kernel.h>
#include <starling/string.h>
#include <starling/trace_clock.h>
#include "trace.h"

/* ---- an appending buffer ---------------------------------------------------------- */

struct obuf {
	char	*buf;
	size_t	size;
	size_t	len;		/* bytes wanted so far, may exceed size */
};

static __printf(2, 3) void ob_printf(struct obuf *ob, const char *fmt, ...)
{
	size_t room = ob->len < ob->size ? ob->size - ob->len : 0;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(room ? ob->buf + ob->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		ob->len += n;
}

static void ob_puts(struct obuf *ob, const char *s)
{
	ob_printf(ob, "%s", s);
}

static int ob_done(struct obuf *ob)
{
	if (ob->size && ob->len >= ob->size)
		ob->buf[ob->size - 1] = '\0';
	else if (ob->size)
		ob->buf[ob->len] = '\0';
	return ob->len;
}

#define OBUF(b, s)	{ .buf = (b), .size = (s), .len = 0 }

/* ---- options -------------------------------------------------------------------------- */

#define C(id, name, def)	[TOPT_##id] = name
const char *const trace_option_names[TOPT_MAX] = { TRACE_OPTIONS };
#undef C

#define C(id, name, def)	[TOPT_##id] = (def)
static const u8 trace_option_defaults[TOPT_MAX] = { TRACE_OPTIONS };
#undef C

/**
 * trace_options_default() - the options a boot starts with.
 *
 * Return: a bit per enum trace_option.
 */
unsigned long trace_options_default(void)
{
	unsigned long flags = 0;
	int i;

	for (i = 0; i < TOPT_MAX; i++)
		if (trace_option_defaults[i])
			flags |= 1UL << i;
	return flags;
}

/* Compare @word, less one trailing newline and surrounding blanks, with @name. */
static bool word_is(const char *word, size_t len, const char *name)
{
	return strlen(name) == len && !memcmp(word, name, len);
}

static const char *trim_word(const char *s, size_t *len)
{
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
		n--;
	*len = n;
	return s;
}

/**
 * trace_option_parse() - look up one trace_options word.
 * @word: "name" or "noname", surrounding blanks and a newline allowed
 * @set: out: true for "name", false for "noname"
 *
 * Return: the option (enum trace_option), or -EINVAL for an unknown name.
 */
int trace_option_parse(const char *word, bool *set)
{
	size_t len;
	const char *w = trim_word(word, &len);
	bool neg = len > 2 && w[0] == 'n' && w[1] == 'o';
	int i;

	for (i = 0; i < TOPT_MAX; i++) {
		if (word_is(w, len, trace_option_names[i])) {
			*set = true;
			return i;
		}
	}
	if (!neg)
		return -EINVAL;
	for (i = 0; i < TOPT_MAX; i++) {
		if (word_is(w + 2, len - 2, trace_option_names[i])) {
			*set = false;
			return i;
		}
	}
	return -EINVAL;
}

/**
 * trace_options_print() - the trace_options file.
 * @flags: bit per enum trace_option
 * @buf: output
 * @size: size of @buf
 *
 * Return: the full length of the text.
 */
int trace_options_print(unsigned long flags, char *buf, size_t size)
{
	struct obuf ob = OBUF(buf, size);
	int i;

	for (i = 0; i < TOPT_MAX; i++)
		ob_printf(&ob, "%s%s\n", flags & (1UL << i) ? "" : "no", trace_option_names[i]);
	return ob_done(&ob);
}

/* ---- clocks --------------------------------------------------------------------------- */

const struct trace_clock_desc trace_clock_descs[] = {
	{ "local",	true },
	{ "global",	true },
	{ "counter",	false },
	{ "uptime",	false },
	{ "perf",	true },
	{ "mono",	true },
	{ "mono_raw",	true },
	{ "boot",	true },
	{ "tai",	true },
#if ARCH_HAS_TRACE_CLOCK
	{ ARCH_TRACE_CLOCK_NAME, false },	/* a raw count */
#endif
};
const unsigned int trace_nr_clock_descs = ARRAY_SIZE(trace_clock_descs);

/**
 * trace_clock_find() - the clock a trace_clock write names.
 * @name: the written text
 * @nr_clocks: how many of trace_clock_descs[] exist on this arch
 *
 * Return: its index, or -EINVAL.
 */
int trace_clock_find(const char *name, unsigned int nr_clocks)
{
	size_t len;
	const char *w = trim_word(name, &len);
	unsigned int i;

	for (i = 0; i < nr_clocks && i < trace_nr_clock_descs; i++)
		if (word_is(w, len, trace_clock_descs[i].name))
			return i;
	return -EINVAL;
}

/**
 * trace_clock_print() - the trace_clock file: every clock, the current one bracketed.
 * @current_clock: index of the selected clock
 * @nr_clocks: how many clocks exist
 * @buf: output
 * @size: size of @buf
 *
 * Return: the full length.
 */
int trace_clock_print(unsigned int current_clock, unsigned int nr_clocks, char *buf,
		      size_t size)
{
	struct obuf ob = OBUF(buf, size);
	unsigned int i;

	for (i = 0; i < nr_clocks && i < trace_nr_clock_descs; i++)
		ob_printf(&ob, i == current_clock ? "%s[%s]" : "%s%s", i ? " " : "",
			  trace_clock_descs[i].name);
	ob_puts(&ob, "\n");
	return ob_done(&ob);
}

/* ---- the trace header and line context --------------------------------------------------- */

/**
 * trace_print_header() - the header of the `trace` file for the nop tracer.
 * @hi: counts and the options that change the layout
 * @buf: output
 * @size: size of @buf
 *
 * Return: the full length.
 */
int trace_print_header(const struct trace_header_info *hi, char *buf, size_t size)
{
	static const char *const legend[] = {
		"  _-----=> irqs-off/BH-disabled",
		" / _----=> need-resched",
		"| / _---=> hardirq/softirq",
		"|| / _--=> preempt-depth",
		"||| / _-=> migrate-disable",
		"|||| /     delay",
	};
	/* The legend starts in column 30, ten columns later with the TGID column. */
	const char *pad = hi->record_tgid ? "                                        "
					  : "                              ";
	struct obuf ob = OBUF(buf, size);
	unsigned int i;

	ob_puts(&ob, "# tracer: nop\n#\n");
	ob_printf(&ob, "# entries-in-buffer/entries-written: %lu/%lu   #P:%d\n#\n",
		  hi->entries, hi->written, hi->nr_cpus);
	if (hi->irq_info) {
		for (i = 0; i < ARRAY_SIZE(legend); i++)
			ob_printf(&ob, "#%s%s\n", pad, legend[i]);
		ob_printf(&ob, "#           TASK-PID  %s CPU#  |||||  TIMESTAMP  FUNCTION\n",
			  hi->record_tgid ? "     TGID   " : "  ");
		ob_printf(&ob, "#              | |    %s   |   |||||     |         |\n",
			  hi->record_tgid ? "       |    " : "  ");
	} else {
		ob_printf(&ob, "#           TASK-PID    %s CPU#     TIMESTAMP  FUNCTION\n",
			  hi->record_tgid ? "   TGID   " : "");
		ob_printf(&ob, "#              | |      %s   |         |         |\n",
			  hi->record_tgid ? "     |    " : "");
	}
	return ob_done(&ob);
}

/**
 * trace_lat_flags() - the five flag characters of a line.
 * @flags: common_flags (TRACE_FLAG_*)
 * @preempt: common_preempt_count (low nibble preempt depth, high nibble migrate-disable)
 * @out: six bytes: five characters and a NUL
 */
void trace_lat_flags(u8 flags, u8 preempt, char out[6])
{
	bool irqs_off = flags & TRACE_FLAG_IRQS_OFF, bh_off = flags & TRACE_FLAG_BH_OFF;
	bool nmi = flags & TRACE_FLAG_NMI, hard = flags & TRACE_FLAG_HARDIRQ;
	bool soft = flags & TRACE_FLAG_SOFTIRQ;
	bool nr = flags & TRACE_FLAG_NEED_RESCHED, pr = flags & TRACE_FLAG_PREEMPT_RESCHED;
	static const char hex[] = "0123456789abcdef";

	if (irqs_off && bh_off)
		out[0] = 'D';
	else if (irqs_off)
		out[0] = 'd';
	else if (bh_off)
		out[0] = 'b';
	else if (flags & TRACE_FLAG_IRQS_NOSUPPORT)
		out[0] = 'X';
	else
		out[0] = '.';

	out[1] = nr && pr ? 'N' : nr ? 'n' : pr ? 'p' : '.';

	if (nmi && hard)
		out[2] = 'Z';
	else if (nmi)
		out[2] = 'z';
	else if (hard && soft)
		out[2] = 'H';
	else if (hard)
		out[2] = 'h';
	else if (soft)
		out[2] = 's';
	else
		out[2] = '.';

	out[3] = preempt & 0xf ? hex[preempt & 0xf] : '.';
	out[4] = preempt >> 4 ? hex[preempt >> 4] : '.';
	out[5] = '\0';
}

/**
 * trace_print_ts() - a timestamp as the TIMESTAMP column shows it.
 * @ts: nanoseconds for @in_ns clocks, else a raw count
 * @in_ns: nanosecond clock: "%5lu.%06lu" (microseconds rounded to nearest)
 * @buf: output
 * @size: size of @buf
 *
 * Return: the full length.
 */
int trace_print_ts(u64 ts, bool in_ns, char *buf, size_t size)
{
	u64 us;

	if (!in_ns)
		return snprintf(buf, size, "%12llu", (unsigned long long)ts);
	us = (ts + 500) / 1000;
	return snprintf(buf, size, "%5lu.%06lu", (unsigned long)(us / 1000000),
			(unsigned long)(us % 1000000));
}

/**
 * trace_print_context() - the start of a trace line, up to and including ": ".
 * @c: the record's context
 * @buf: output
 * @size: size of @buf
 *
 * Return: the full length.
 */
int trace_print_context(const struct trace_line_ctx *c, char *buf, size_t size)
{
	struct obuf ob = OBUF(buf, size);
	char ts[32];
	char lat[6];

	ob_printf(&ob, "%16s-%-7d ", c->comm, c->pid);
	if (c->record_tgid) {
		if (c->tgid)
			ob_printf(&ob, "(%7d) ", c->tgid);
		else
			ob_puts(&ob, "(-------) ");
	}
	ob_printf(&ob, "[%03d] ", c->cpu);
	if (c->irq_info) {
		trace_lat_flags(c->flags, c->preempt, lat);
		ob_puts(&ob, lat);
	}
	trace_print_ts(c->ts, c->ts_in_ns, ts, sizeof(ts));
	ob_printf(&ob, " %s: ", ts);
	return ob_done(&ob);
}

/* ---- format files ------------------------------------------------------------------------ */

static void print_field(struct obuf *ob, const struct filter_field *f)
{
	const char *arr = strchr(f->type, '[');

	if (!strncmp(f->type, "__data_loc", 10))
		arr = NULL;
	if (arr)
		ob_printf(ob, "\tfield:%.*s %s%s;", (int)(arr - f->type), f->type, f->name, arr);
	else
		ob_printf(ob, "\tfield:%s %s;", f->type, f->name);
	ob_printf(ob, "\toffset:%u;\tsize:%u;\tsigned:%d;\n", f->offset, f->size,
		  f->is_signed ? 1 : 0);
}

/**
 * trace_event_format_text() - the format file of an event with a field table.
 * @call: the event
 * @id: its id
 * @buf: output
 * @size: size of @buf
 *
 * Return: the full length.
 */
int trace_event_format_text(const struct trace_event_call *call, int id, char *buf,
			    size_t size)
{
	struct obuf ob = OBUF(buf, size);
	unsigned int i;

	ob_printf(&ob, "name: %s\nID: %d\nformat:\n", call->name, id);
	for (i = 0; i < filter_nr_common_fields; i++)
		print_field(&ob, &filter_common_fields[i]);
	ob_puts(&ob, "\n");
	for (i = 0; i < call->nr_fields; i++)
		print_field(&ob, &call->fields[i]);
	ob_printf(&ob, "\nprint fmt: %s\n", call->print_fmt ? call->print_fmt : "\"\"");
	return ob_done(&ob);
}

/* ---- set_event ---------------------------------------------------------------------------- */

static bool is_any(const char *s)
{
	return !*s || !strcmp(s, "*");
}

/**
 * trace_parse_set_event() - split one set_event word.
 * @word: "[!][GRP:]EV", "GRP:*", "*:EV", "GRP:" (cut in place at ':')
 * @req: out: enable/disable and the names, NULL meaning any
 *
 * A word without ':' names an event in any group, or a whole group when one of that name
 * exists (the caller decides: trace_set_event_match() tries both, as Linux does).
 *
 * Return: 0, 1 when the word is empty (nothing to do), -EINVAL for "!" alone.
 */
int trace_parse_set_event(char *word, struct set_event_req *req)
{
	char *colon;

	req->enable = true;
	req->system = NULL;
	req->event = NULL;
	if (*word == '!') {
		req->enable = false;
		word++;
	}
	if (!*word)
		return req->enable ? 1 : -EINVAL;
	colon = strchr(word, ':');
	if (colon) {
		*colon = '\0';
		req->system = is_any(word) ? NULL : word;
		req->event = is_any(colon + 1) ? NULL : colon + 1;
	} else {
		req->event = is_any(word) ? NULL : word;
	}
	return 0;
}

/**
 * trace_set_event_match() - does an event fall under a parsed set_event word?
 * @req: the parsed word
 * @system: the event's group
 * @event: the event's name
 *
 * A word without a group ("sched_switch", "sched") matches events of that name in any
 * group and every event of a group of that name, as Linux's set_event does.
 *
 * Return: true on a match.
 */
bool trace_set_event_match(const struct set_event_req *req, const char *system,
			   const char *event)
{
	if (req->system)
		return !strcmp(req->system, system) && (!req->event || !strcmp(req->event, event));
	if (!req->event)
		return true;
	return !strcmp(req->event, event) || !strcmp(req->event, system);
}

/* ---- buffer sizes and stats ----------------------------------------------------------------- */

/**
 * trace_print_buffer_size() - buffer_size_kb: the size if every CPU agrees, else "X".
 * @kb: per-CPU sizes in KiB
 * @nr_cpus: entries in @kb
 * @expanded: false while the buffers are at their boot minimum
 * @expand_kb: the size they will get
 * @buf: output
 * @size: size of @buf
 *
 * Return: the full length.
 */
int trace_print_buffer_size(const unsigned long *kb, int nr_cpus, bool expanded,
			    unsigned long expand_kb, char *buf, size_t size)
{
	int i;

	for (i = 1; i < nr_cpus; i++)
		if (kb[i] != kb[0])
			return snprintf(buf, size, "X\n");
	if (!expanded)
		return snprintf(buf, size, "%lu (expanded: %lu)\n", nr_cpus ? kb[0] : 0,
				expand_kb);
	return snprintf(buf, size, "%lu\n", nr_cpus ? kb[0] : 0);
}

/**
 * trace_print_buffer_total() - buffer_total_size_kb: the sum over CPUs.
 * @kb: per-CPU sizes in KiB
 * @nr_cpus: entries in @kb
 * @expanded: false while the buffers are at their boot minimum
 * @expand_kb: the per-CPU size they will get
 * @buf: output
 * @size: size of @buf
 *
 * Return: the full length.
 */
int trace_print_buffer_total(const unsigned long *kb, int nr_cpus, bool expanded,
			     unsigned long expand_kb, char *buf, size_t size)
{
	unsigned long sum = 0;
	int i;

	for (i = 0; i < nr_cpus; i++)
		sum += kb[i];
	if (!expanded)
		return snprintf(buf, size, "%lu (expanded: %lu)\n", sum,
				expand_kb * (unsigned long)nr_cpus);
	return snprintf(buf, size, "%lu\n", sum);
}

/**
 * trace_print_stats() - per_cpu/cpuN/stats.
 * @st: the counters
 * @buf: output
 * @size: size of @buf
 *
 * Return: the full length.
 */
int trace_print_stats(const struct trace_cpu_stats *st, char *buf, size_t size)
{
	struct obuf ob = OBUF(buf, size);
	char ts[32];

	ob_printf(&ob, "entries: %lu\n", st->entries);
	ob_printf(&ob, "overrun: %lu\n", st->overrun);
	ob_printf(&ob, "commit overrun: %lu\n", st->commit_overrun);
	ob_printf(&ob, "bytes: %lu\n", st->bytes);
	if (st->ts_in_ns) {
		trace_print_ts(st->oldest_ts, true, ts, sizeof(ts));
		ob_printf(&ob, "oldest event ts: %s\n", ts);
		trace_print_ts(st->now_ts, true, ts, sizeof(ts));
		ob_printf(&ob, "now ts: %s\n", ts);
	} else {
		ob_printf(&ob, "oldest event ts: %llu\n", (unsigned long long)st->oldest_ts);
		ob_printf(&ob, "now ts: %llu\n", (unsigned long long)st->now_ts);
	}
	ob_printf(&ob, "dropped events: %lu\n", st->dropped);
	ob_printf(&ob, "read events: %lu\n", st->read);
	return ob_done(&ob);
}

/* ---- the marker ------------------------------------------------------------------------------ */

/**
 * trace_print_marker() - a trace_marker record: "tracing_mark_write: TEXT", newline added
 * unless the text ends with one.
 * @rec: struct trace_entry, then an unsigned long ip, then the NUL-terminated text
 * @len: record length
 * @buf: output
 * @size: size of @buf
 *
 * Return: the full length.
 */
int trace_print_marker(const void *rec, unsigned int len, char *buf, size_t size)
{
	const size_t hdr = sizeof(struct trace_entry) + sizeof(unsigned long);
	const char *text = (const char *)rec + hdr;
	size_t n;

	if (len <= hdr)
		return snprintf(buf, size, "tracing_mark_write: \n");
	n = strnlen(text, len - hdr);
	return snprintf(buf, size, "tracing_mark_write: %.*s%s", (int)n, text,
			n && text[n - 1] == '\n' ? "" : "\n");
}

/* ---- README ---------------------------------------------------------------------------------- */

static const char readme_head[] =
	"tracing mini-HOWTO:\n\n"
	"# echo 0 > tracing_on : quick way to disable tracing\n"
	"# echo 1 > tracing_on : quick way to re-enable tracing\n\n"
	" Important files:\n"
	"  trace\t\t\t- The static contents of the buffer\n"
	"\t\t\t  To clear the buffer write into this file: echo > trace\n"
	"  trace_pipe\t\t- A consuming read to see the contents of the buffer\n"
	"  current_tracer\t- function and latency tracers\n"
	"  available_tracers\t- list of configured tracers for current_tracer\n"
	"  error_log\t- error log for failed commands (that support it)\n"
	"  buffer_size_kb\t- view and modify size of per cpu buffer\n"
	"  buffer_total_size_kb  - view total size of all cpu buffers\n\n"
	"  trace_clock\t\t- change the clock used to order events\n"
	"       local:   Per cpu clock but may not be synced across CPUs\n"
	"      global:   Synced across CPUs but slows tracing down.\n"
	"     counter:   Not a clock, but just an increment\n"
	"      uptime:   Jiffy counter from time of boot\n"
	"        perf:   Same clock that perf events use\n"
	ARCH_TRACE_CLOCK_HELP
	"\n  trace_marker\t\t- Writes into this file writes into the kernel buffer\n"
	"\n  tracing_cpumask\t- Limit which CPUs to trace\n"
	"  trace_options\t\t- Set format or modify how tracing happens\n"
	"\t\t\t  Disable an option by prefixing 'no' to the\n"
	"\t\t\t  option name\n"
	"  saved_cmdlines_size\t- echo command number in here to store comm-pid list\n";

static const char readme_dynamic[] =
	"  dynamic_events\t\t- Create/append/remove/show the generic dynamic events\n"
	"\t\t\t  Write into this file to define/undefine new trace events.\n"
	"  kprobe_events\t\t- Create/append/remove/show the kernel dynamic events\n"
	"\t\t\t  Write into this file to define/undefine new trace events.\n"
	"\t  accepts: event-definitions (one definition per line)\n"
	"\t   Format: p[:[<group>/][<event>]] <place> [<args>]\n"
	"\t           r[maxactive][:[<group>/][<event>]] <place> [<args>]\n"
	"\t           -:[<group>/][<event>]\n"
	"\t    place: [<module>:]<symbol>[+<offset>]|<memaddr>\n"
	"place (kretprobe): [<module>:]<symbol>[+<offset>]%return|<memaddr>\n"
	"\t     args: <name>=fetcharg[:type]\n"
	"\t fetcharg: (%<register>|$<efield>), @<address>, @<symbol>[+|-<offset>],\n"
	"\t           $stack<index>, $stack, $retval, $comm, $arg<N>,\n"
	"\t           +|-[u]<offset>(<fetcharg>), \\imm-value, \\\"imm-string\"\n"
	"\t     type: s8/16/32/64, u8/16/32/64, x8/16/32/64, string, symbol,\n"
	"\t           b<bit-width>@<bit-offset>/<container-size>, ustring,\n"
	"\t           symstr, <type>\\[<array-size>\\]\n";

static const char readme_events[] =
	"  events/\t\t- Directory containing all trace event subsystems:\n"
	"      enable\t\t- Write 0/1 to enable/disable tracing of all events\n"
	"  events/<system>/\t- Directory containing all trace events for <system>:\n"
	"      enable\t\t- Write 0/1 to enable/disable tracing of all <system>\n"
	"\t\t\t  events\n"
	"      filter\t\t- If set, only events passing filter are traced\n"
	"  events/<system>/<event>/\t- Directory containing control files for\n"
	"\t\t\t  <event>:\n"
	"      enable\t\t- Write 0/1 to enable/disable tracing of <event>\n"
	"      filter\t\t- If set, only events passing filter are traced\n";

/**
 * trace_readme_print() - the README file.
 * @kprobe_events: include the dynamic-event block
 * @buf: output
 * @size: size of @buf
 *
 * Return: the full length.
 */
int trace_readme_print(bool kprobe_events, char *buf, size_t size)
{
	struct obuf ob = OBUF(buf, size);

	ob_puts(&ob, readme_head);
	if (kprobe_events)
		ob_puts(&ob, readme_dynamic);
	ob_puts(&ob, readme_events);
	return ob_done(&ob);
}
