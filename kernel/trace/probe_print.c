// SPDX-License-Identifier: GPL-2.0-only
/*
 * Text forms of a kprobe event, byte for byte as Linux 6.1 prints them:
 *   - a record in trace/trace_pipe: "EVENT: (sym+0xoff/0xsize) NAME=VALUE ..." or, for a
 *     kretprobe, "EVENT: (ret+0xoff/0xsize <- func) ...";
 *   - events/<grp>/<ev>/format with its "print fmt:" line;
 *   - the kprobe_events read-back line and the kprobe_profile row.
 * Pure: symbol names come through the caller's probe_fetch_ops.symbolize. Every function
 * writes at most @size bytes, always NUL-terminated when @size > 0, and returns the length
 * the full text has (snprintf's rule), so callers can size a buffer and retry.
 */
#include <starling/types.h>
#include <starling/string.h>
#include <starling/kernel.h>
#include "trace_probe.h"

struct pbuf {
	char	*buf;
	size_t	size;
	size_t	len;
};

static __printf(2, 3) void pb_printf(struct pbuf *pb, const char *fmt, ...)
{
	size_t room = pb->len < pb->size ? pb->size - pb->len : 0;
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(room ? pb->buf + pb->len : NULL, room, fmt, args);
	va_end(args);
	if (n > 0)
		pb->len += n;
}

static void pb_puts(struct pbuf *pb, const char *s)
{
	pb_printf(pb, "%s", s);
}

static int pb_done(struct pbuf *pb)
{
	return pb->len;
}

struct probe_type_info {
	const char	*fmttype;	/* format file field type */
	const char	*fmt;		/* print fmt conversion */
	u8		size;
	bool		is_signed;
};

static const struct probe_type_info probe_types[PROBE_TYPE_MAX] = {
	[PROBE_TYPE_U8]		= { "u8", "%u", 1, false },
	[PROBE_TYPE_U16]	= { "u16", "%u", 2, false },
	[PROBE_TYPE_U32]	= { "u32", "%u", 4, false },
	[PROBE_TYPE_U64]	= { "u64", "%Lu", 8, false },
	[PROBE_TYPE_S8]		= { "s8", "%d", 1, true },
	[PROBE_TYPE_S16]	= { "s16", "%d", 2, true },
	[PROBE_TYPE_S32]	= { "s32", "%d", 4, true },
	[PROBE_TYPE_S64]	= { "s64", "%Ld", 8, true },
	[PROBE_TYPE_X8]		= { "u8", "0x%x", 1, false },
	[PROBE_TYPE_X16]	= { "u16", "0x%x", 2, false },
	[PROBE_TYPE_X32]	= { "u32", "0x%x", 4, false },
	[PROBE_TYPE_X64]	= { "u64", "0x%Lx", 8, false },
	[PROBE_TYPE_STRING]	= { "__data_loc char[]", "\\\"%s\\\"", 4, true },
	[PROBE_TYPE_USTRING]	= { "__data_loc char[]", "\\\"%s\\\"", 4, true },
	[PROBE_TYPE_SYMSTR]	= { "__data_loc char[]", "\\\"%s\\\"", 4, true },
	[PROBE_TYPE_SYMBOL]	= { "u64", "%pS", 8, false },
};

static bool type_is_string(u8 type)
{
	return type == PROBE_TYPE_STRING || type == PROBE_TYPE_USTRING ||
	       type == PROBE_TYPE_SYMSTR;
}

/* seq_print_ip_sym(): "0" for 0, the symbol, or the address in hex */
static void print_ip_sym(struct pbuf *pb, const struct probe_fetch_ctx *sym, unsigned long ip,
			 bool with_offset, bool sym_addr)
{
	char name[PROBE_SYMBOL_MAX + 64];
	int n = -1;

	if (!ip) {
		pb_puts(pb, "0");
		return;
	}
	if (sym && sym->ops && sym->ops->symbolize)
		n = sym->ops->symbolize(sym->priv, ip, with_offset, name, sizeof(name));
	if (n >= 0 && (size_t)n < sizeof(name))
		pb_puts(pb, name);
	else if (with_offset)
		pb_printf(pb, "0x%lx", ip);
	else
		pb_printf(pb, "0x%08lx", ip);
	if (sym_addr)
		pb_printf(pb, " <%016lx>", ip);
}

static void print_value(struct pbuf *pb, const struct fetch_spec *f, const u8 *rec, size_t len,
			const u8 *p, const struct probe_fetch_ctx *sym)
{
	const struct probe_type_info *t = &probe_types[f->type];
	u64 v = probe_load_uint(p, t->size);
	unsigned int off, slen;

	switch (f->type) {
	case PROBE_TYPE_U8: case PROBE_TYPE_U16: case PROBE_TYPE_U32:
		pb_printf(pb, "%u", (unsigned int)v);
		break;
	case PROBE_TYPE_U64:
		pb_printf(pb, "%llu", (unsigned long long)v);
		break;
	case PROBE_TYPE_S8:
		pb_printf(pb, "%d", (s8)v);
		break;
	case PROBE_TYPE_S16:
		pb_printf(pb, "%d", (s16)v);
		break;
	case PROBE_TYPE_S32:
		pb_printf(pb, "%d", (s32)v);
		break;
	case PROBE_TYPE_S64:
		pb_printf(pb, "%lld", (long long)v);
		break;
	case PROBE_TYPE_X8: case PROBE_TYPE_X16: case PROBE_TYPE_X32:
		pb_printf(pb, "0x%x", (unsigned int)v);
		break;
	case PROBE_TYPE_X64:
		pb_printf(pb, "0x%llx", (unsigned long long)v);
		break;
	case PROBE_TYPE_SYMBOL:
		if (v)
			print_ip_sym(pb, sym, v, true, false);
		else
			pb_puts(pb, "0x0");
		break;
	default:
		off = v & 0xffff;
		slen = v >> 16;
		if (!slen || off >= len || slen > len - off) {
			pb_puts(pb, "(fault)");
			break;
		}
		pb_printf(pb, "\"%.*s\"", (int)strnlen((const char *)rec + off, slen),
			  (const char *)rec + off);
		break;
	}
}

/**
 * probe_print_record() - a record as trace and trace_pipe show it
 * @spec: the probe that made the record (its argument list)
 * @event: the event name
 * @rec: the record (common fields first)
 * @len: its length
 * @sym: only ops->symbolize and priv are used; NULL prints bare addresses
 * @sym_addr: the sym-addr option: append " <%016lx>" to the probe address
 * @buf: output, ends with "\n"
 * @size: size of @buf
 *
 * Return: the length of the full text.
 */
int probe_print_record(const struct probe_spec *spec, const char *event, const void *rec,
		       size_t len, const struct probe_fetch_ctx *sym, bool sym_addr,
		       char *buf, size_t size)
{
	struct pbuf pb = { .buf = buf, .size = size };
	const u8 *r = rec;
	unsigned int i, j;

	if (size)
		buf[0] = '\0';
	if (len < spec->fixed_size)
		return 0;
	pb_printf(&pb, "%s: (", event);
	if (probe_is_return(spec)) {
		print_ip_sym(&pb, sym, probe_load_uint(r + 16, 8), true, sym_addr);
		pb_puts(&pb, " <- ");
		print_ip_sym(&pb, sym, probe_load_uint(r + 8, 8), false, sym_addr);
	} else {
		print_ip_sym(&pb, sym, probe_load_uint(r + 8, 8), true, sym_addr);
	}
	pb_puts(&pb, ")");
	for (i = 0; i < spec->nargs; i++) {
		const struct fetch_spec *f = &spec->args[i];
		unsigned int esize = probe_types[f->type].size;

		pb_printf(&pb, " %s=", f->name);
		if (!f->count) {
			print_value(&pb, f, r, len, r + f->offset, sym);
			continue;
		}
		pb_puts(&pb, "{");
		for (j = 0; j < f->count; j++) {
			if (j)
				pb_puts(&pb, ",");
			print_value(&pb, f, r, len, r + f->offset + j * esize, sym);
		}
		pb_puts(&pb, "}");
	}
	pb_puts(&pb, "\n");
	return pb_done(&pb);
}

/**
 * probe_print_fmt() - the "print fmt:" text of a probe's event
 * @spec: the probe
 * @buf: output, without "print fmt: " and without newline
 * @size: size of @buf
 *
 * Return: the length of the full text.
 */
int probe_print_fmt(const struct probe_spec *spec, char *buf, size_t size)
{
	struct pbuf pb = { .buf = buf, .size = size };
	unsigned int i, j;

	if (size)
		buf[0] = '\0';
	pb_puts(&pb, probe_is_return(spec) ? "\"(%lx <- %lx)" : "\"(%lx)");
	for (i = 0; i < spec->nargs; i++) {
		const struct fetch_spec *f = &spec->args[i];
		const char *fmt = probe_types[f->type].fmt;

		pb_printf(&pb, " %s=", f->name);
		if (f->count) {
			pb_printf(&pb, "{%s", fmt);
			for (j = 1; j < f->count; j++)
				pb_printf(&pb, ",%s", fmt);
			pb_puts(&pb, "}");
		} else {
			pb_puts(&pb, fmt);
		}
	}
	pb_puts(&pb, probe_is_return(spec) ? "\", REC->__probe_func, REC->__probe_ret_ip" :
					    "\", REC->__probe_ip");
	for (i = 0; i < spec->nargs; i++) {
		const struct fetch_spec *f = &spec->args[i];
		const char *fmt = type_is_string(f->type) ? ", __get_str(%s" : ", REC->%s";
		const char *end = type_is_string(f->type) ? ")" : "";

		if (!f->count) {
			pb_printf(&pb, fmt, f->name);
			pb_puts(&pb, end);
			continue;
		}
		for (j = 0; j < f->count; j++) {
			pb_printf(&pb, fmt, f->name);
			pb_printf(&pb, "[%u]%s", j, end);
		}
	}
	return pb_done(&pb);
}

static void format_field(struct pbuf *pb, const char *type, const char *name, unsigned int count,
			 unsigned int offset, unsigned int size, bool is_signed)
{
	if (count && strncmp(type, "__data_loc", 10))
		pb_printf(pb, "\tfield:%s %s[%u];", type, name, count);
	else if (count)
		pb_printf(pb, "\tfield:%s[%u] %s;", type, count, name);
	else
		pb_printf(pb, "\tfield:%s %s;", type, name);
	pb_printf(pb, "\toffset:%u;\tsize:%u;\tsigned:%d;\n", offset, size, is_signed);
}

/**
 * probe_format_text() - events/<grp>/<ev>/format
 * @spec: the probe (the first of its event)
 * @event: the event name
 * @id: the event's type number
 * @buf: output
 * @size: size of @buf
 *
 * Return: the length of the full text.
 */
int probe_format_text(const struct probe_spec *spec, const char *event, int id, char *buf,
		      size_t size)
{
	struct pbuf pb = { .buf = buf, .size = size };
	unsigned int i;

	if (size)
		buf[0] = '\0';
	pb_printf(&pb, "name: %s\nID: %d\nformat:\n", event, id);
	format_field(&pb, "unsigned short", "common_type", 0, 0, 2, false);
	format_field(&pb, "unsigned char", "common_flags", 0, 2, 1, false);
	format_field(&pb, "unsigned char", "common_preempt_count", 0, 3, 1, false);
	format_field(&pb, "int", "common_pid", 0, 4, 4, true);
	pb_puts(&pb, "\n");
	if (probe_is_return(spec)) {
		format_field(&pb, "unsigned long", "__probe_func", 0, 8, 8, false);
		format_field(&pb, "unsigned long", "__probe_ret_ip", 0, 16, 8, false);
	} else {
		format_field(&pb, "unsigned long", "__probe_ip", 0, 8, 8, false);
	}
	for (i = 0; i < spec->nargs; i++) {
		const struct fetch_spec *f = &spec->args[i];
		const struct probe_type_info *t = &probe_types[f->type];

		format_field(&pb, t->fmttype, f->name, f->count, f->offset, f->size, t->is_signed);
	}
	pb_puts(&pb, "\nprint fmt: ");
	pb.len += probe_print_fmt(spec, pb.len < size ? buf + pb.len : NULL,
				  pb.len < size ? size - pb.len : 0);
	pb_puts(&pb, "\n");
	return pb_done(&pb);
}

/**
 * probe_default_maxactive() - kretprobe instances when MAXACTIVE is omitted
 * @nr_possible_cpus: possible CPUs
 *
 * Return: max(10, 2 * @nr_possible_cpus), Linux's default.
 */
unsigned int probe_default_maxactive(unsigned int nr_possible_cpus)
{
	return max(10u, 2 * nr_possible_cpus);
}

/**
 * probe_readback_line() - one line of kprobe_events as read back
 * @spec: the probe
 * @group: its event's group
 * @event: its event's name
 * @default_maxactive: probe_default_maxactive(), shown when MAXACTIVE was omitted
 * @buf: output, ends with "\n"
 * @size: size of @buf
 *
 * Return: the length of the full text.
 */
int probe_readback_line(const struct probe_spec *spec, const char *group, const char *event,
			unsigned int default_maxactive, char *buf, size_t size)
{
	struct pbuf pb = { .buf = buf, .size = size };
	unsigned int i;

	if (size)
		buf[0] = '\0';
	if (probe_is_return(spec))
		pb_printf(&pb, "r%u", spec->maxactive ? spec->maxactive : default_maxactive);
	else
		pb_puts(&pb, "p");
	pb_printf(&pb, ":%s/%s", group, event);
	if (!spec->has_symbol)
		pb_printf(&pb, " 0x%016lx", spec->addr);
	else if (spec->offset)
		pb_printf(&pb, " %s+%u", spec->symbol, (unsigned int)spec->offset);
	else
		pb_printf(&pb, " %s", spec->symbol);
	for (i = 0; i < spec->nargs; i++)
		pb_printf(&pb, " %s=%s", spec->args[i].name, spec->args[i].text);
	pb_puts(&pb, "\n");
	return pb_done(&pb);
}

/**
 * probe_profile_line() - one kprobe_profile row
 * @event: the event name
 * @hits: hits on every CPU
 * @misses: hits whose handler could not run
 * @buf: output
 * @size: size of @buf
 *
 * Return: the length of the full text.
 */
int probe_profile_line(const char *event, unsigned long hits, unsigned long misses, char *buf,
		       size_t size)
{
	return snprintf(buf, size, "  %-44s %15lu %15lu\n", event, hits, misses);
}
