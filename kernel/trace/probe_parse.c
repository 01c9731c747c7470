// SPDX-License-Identifier: GPL-2.0-only
/*
 * Parse one kprobe_events line into a struct probe_spec. Pure: no allocation that outlives
 * the call, no locks, no registration (trace_kprobe.c does that).
 *   p[:[GRP/][EVENT]] [MOD:]SYM[+OFFS]|ADDR [FETCHARGS]
 *   r[MAXACTIVE][:[GRP/][EVENT]] [MOD:]SYM[+0] [FETCHARGS]
 *   p[:[GRP/][EVENT]] [MOD:]SYM[+0]%return [FETCHARGS]
 *   -:[GRP/]EVENT [LOCATION [FETCHARGS]]
 * FETCHARGS are [NAME=]FETCHARG[:TYPE]; each compiles into at most PROBE_MAX_OPS fetch
 * instructions, counted the way Linux counts them so that "Dereference is too much nested"
 * appears at the same depth.
 *
 * Checks run in Linux's order (maxactive, location, event name, arguments) and the first
 * failure is recorded in the caller's struct probe_log with the argv word and the byte in it,
 * from which the caret column of the error_log entry follows. probe_check() then resolves
 * symbols through caller-supplied lookups; probe_check_append() applies the multiprobe rules.
 */
#include <starling/types.h>
#include <starling/errno.h>
#include <starling/string.h>
#include <starling/kernel.h>
#include <starling/slab.h>
#include <starling/printk.h>
#include <starling/probe_regs.h>
#include "trace_probe.h"

#define C(id, msg)	msg
static const char *const probe_err_msgs[] = { PROBE_ERRORS };
#undef C

#define ARG_FL_RETURN	0x1
#define ARG_FL_FENTRY	0x2

/* ---- character classes and Linux's number parsing ------------------------------------ */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_xdigit(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* argv_split()'s separators: isspace() */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static char to_lower(char c)
{
	return c | 0x20;
}

static const char *fixup_radix(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0') {
			if (to_lower(s[1]) == 'x' && is_xdigit(s[2]))
				*base = 16;
			else
				*base = 8;
		} else {
			*base = 10;
		}
	}
	if (*base == 16 && s[0] == '0' && to_lower(s[1]) == 'x')
		s += 2;
	return s;
}

static int digit_value(char c)
{
	if (is_digit(c))
		return c - '0';
	if (is_alpha(c))
		return to_lower(c) - 'a' + 10;
	return 99;
}

/* Digits of @s (at most @lim bytes) in @base; *n digits consumed; true on overflow. */
static bool parse_digits(const char *s, size_t lim, unsigned int base, unsigned long long *res,
			 size_t *n)
{
	unsigned long long v = 0;
	bool overflow = false;
	size_t i;

	for (i = 0; i < lim && s[i]; i++) {
		unsigned int d = digit_value(s[i]);

		if (d >= base)
			break;
		if (v > (~0ULL - d) / base)
			overflow = true;
		v = v * base + d;
	}
	*res = v;
	*n = i;
	return overflow;
}

/* kstrtoull() on the first @lim bytes of @s */
static int p_kstrtoull_n(const char *s, size_t lim, unsigned int base, unsigned long long *res)
{
	const char *end = s + lim;
	unsigned long long v;
	size_t n;

	if (lim && s[0] == '+')
		s++;
	s = fixup_radix(s, &base);
	if (s > end)
		return -EINVAL;
	if (parse_digits(s, end - s, base, &v, &n))
		return -ERANGE;
	if (!n)
		return -EINVAL;
	s += n;
	if (s < end && *s == '\n')
		s++;
	if (s < end && *s)
		return -EINVAL;
	*res = v;
	return 0;
}

static int p_kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	return p_kstrtoull_n(s, strlen(s), base, res);
}

static int p_kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int ret = p_kstrtoull(s, base, &v);

	if (!ret)
		*res = v;
	return ret;
}

static int p_kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int ret = p_kstrtoull(s, base, &v);

	if (ret)
		return ret;
	if (v > 0xffffffffULL)
		return -ERANGE;
	*res = v;
	return 0;
}

/* kstrtol() on the first @lim bytes of @s */
static int p_kstrtol_n(const char *s, size_t lim, unsigned int base, long *res)
{
	unsigned long long v;
	int ret;

	if (lim && s[0] == '-') {
		/* kstrtoll() parses the tail without a sign of its own */
		if (lim > 1 && s[1] == '+')
			return -EINVAL;
		ret = p_kstrtoull_n(s + 1, lim - 1, base, &v);
		if (ret)
			return ret;
		if ((long long)-v > 0)
			return -ERANGE;
		*res = (long)-v;
		return 0;
	}
	ret = p_kstrtoull_n(s, lim, base, &v);
	if (ret)
		return ret;
	if ((long long)v < 0)
		return -ERANGE;
	*res = (long)v;
	return 0;
}

static int p_kstrtol(const char *s, unsigned int base, long *res)
{
	return p_kstrtol_n(s, strlen(s), base, res);
}

static unsigned long p_simple_strtoul(const char *s, const char **end)
{
	unsigned long long v;
	unsigned int base = 0;
	size_t n;

	s = fixup_radix(s, &base);
	parse_digits(s, (size_t)-1, base, &v, &n);
	*end = s + n;
	return v;
}

/* [A-Za-z_][A-Za-z0-9_]* */
static bool is_good_name(const char *name)
{
	if (!is_alpha(*name) && *name != '_')
		return false;
	while (*++name)
		if (!is_alpha(*name) && !is_digit(*name) && *name != '_')
			return false;
	return true;
}

/* snprintf whose cutting is intended (Linux's fixed buffers) */
static __printf(3, 4) void cut_printf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, size, fmt, args);
	va_end(args);
}

static void copy_str(char *dst, const char *src, size_t len)
{
	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* ---- the error log --------------------------------------------------------------------- */

/**
 * probe_err_text() - Linux's message for an error ID
 * @err: the ID
 *
 * Return: the message, "" for PROBE_ERR_NONE or an unknown ID.
 */
const char *probe_err_text(enum probe_error err)
{
	if ((unsigned int)err >= ARRAY_SIZE(probe_err_msgs))
		return "";
	return probe_err_msgs[err];
}

/**
 * probe_log_err() - record the first error of a command
 * @log: the per-call log; keeps its first error
 * @spec: the command (argv) the error points into
 * @index: argv word; >= argc puts the caret one past the end of the command
 * @offset: byte inside that word
 * @err: error ID
 *
 * The caret column is the word's start in the command re-joined with single spaces, plus
 * @offset; the command text itself is copied into @log so that the entry can be rendered
 * after @spec is gone.
 */
void probe_log_err(struct probe_log *log, const struct probe_spec *spec, unsigned int index,
		   unsigned int offset, enum probe_error err)
{
	unsigned int i, len = 0;

	if (!log || log->err != PROBE_ERR_NONE)
		return;
	if (spec->argc)
		len = spec->argv_off[spec->argc - 1] + strlen(probe_argv(spec, spec->argc - 1));
	memcpy(log->cmd, spec->words, len);
	for (i = 0; i < len; i++)
		if (!log->cmd[i])
			log->cmd[i] = ' ';
	log->cmd[len] = '\0';
	log->err = err;
	log->index = index;
	log->offset = offset;
	if (index >= spec->argc)
		log->pos = len + 1;
	else
		log->pos = spec->argv_off[index] + offset;
}

/**
 * probe_log_format() - render an error_log entry
 * @log: a log holding an error
 * @ts_ns: local clock at the time of the error
 * @buf: output
 * @size: size of @buf
 *
 * Three lines: "[%5llu.%06u] trace_kprobe: error: MSG", "  Command: CMD" and the caret
 * line with 11 + pos spaces.
 *
 * Return: the length of the entry; when it is >= @size the output was cut (snprintf rule).
 */
int probe_log_format(const struct probe_log *log, u64 ts_ns, char *buf, size_t size)
{
	unsigned long long sec = ts_ns / 1000000000ULL;
	unsigned int usec = (unsigned int)(ts_ns % 1000000000ULL) / 1000;
	size_t len;
	unsigned int i;
	int n;

	n = snprintf(buf, size, "[%5llu.%06u] trace_kprobe: error: %s\n  Command: %s\n",
		     sec, usec, probe_err_text(log->err), log->cmd);
	if (n < 0)
		return n;
	len = n;
	for (i = 0; i < 11 + log->pos; i++, len++)
		if (len + 1 < size)
			buf[len] = ' ';
	if (len + 1 < size)
		buf[len] = '^';
	len++;
	if (len + 1 < size)
		buf[len] = '\n';
	len++;
	if (size)
		buf[len < size ? len : size - 1] = '\0';
	return len;
}

/* ---- write processing ------------------------------------------------------------------ */

/**
 * probe_run_lines() - split a kprobe_events write into commands
 * @buf: the bytes written (kernel copy)
 * @count: their number
 * @fn: called with each line, NUL-terminated, comment removed; a non-zero return stops
 * @ctx: passed to @fn
 *
 * Works in 4096-byte chunks as Linux does: a line must fit in one chunk with its '\n' and a
 * NUL (4094 bytes), except a last line without '\n' that ends the write.
 *
 * Return: @count when every line succeeded, -EINVAL for an over-long line (logged to the
 * kernel log only), -ENOMEM, or the first failing line's error.
 */
int probe_run_lines(const char *buf, size_t count, int (*fn)(void *ctx, char *line), void *ctx)
{
	char *kbuf, *line, *tmp;
	size_t done = 0, size;
	int ret = 0;

	kbuf = kmalloc(PROBE_WRITE_BUFSIZE, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	while (done < count) {
		size = count - done;
		if (size >= PROBE_WRITE_BUFSIZE)
			size = PROBE_WRITE_BUFSIZE - 1;
		memcpy(kbuf, buf + done, size);
		kbuf[size] = '\0';
		line = kbuf;
		do {
			tmp = strchr(line, '\n');
			if (tmp) {
				*tmp = '\0';
				size = tmp - line + 1;
			} else {
				size = strlen(line);
				if (done + size < count) {
					if (line != kbuf)
						break;
					pr_warn("Line length is too long: Should be less than %d\n",
						PROBE_WRITE_BUFSIZE - 2);
					ret = -EINVAL;
					goto out_free;
				}
			}
			done += size;
			tmp = strchr(line, '#');
			if (tmp)
				*tmp = '\0';
			ret = fn(ctx, line);
			if (ret)
				goto out_free;
			line += size;
		} while (done < count);
	}
	ret = done;
out_free:
	kfree(kbuf);
	return ret;
}

/* ---- fetch arguments ------------------------------------------------------------------- */

struct arg_parse {
	struct probe_spec	*spec;
	struct probe_log	*log;
	struct fetch_spec	*f;
	const char		*buf;	/* mutable copy of f->text */
	unsigned int		index;	/* argv word */
	unsigned int		flags;	/* ARG_FL_* */
	int			slot;	/* Linux's fetch_insn cursor; END sits at 15 */
};

static int arg_err(struct arg_parse *a, int offs, enum probe_error err)
{
	probe_log_err(a->log, a->spec, a->index, offs, err);
	return -EINVAL;
}

static struct fetch_op *add_op(struct arg_parse *a, enum fetch_op_code op)
{
	struct fetch_op *o = &a->f->ops[a->f->nops++];

	memset(o, 0, sizeof(*o));
	o->op = op;
	return o;
}

static struct fetch_op *last_op(struct arg_parse *a)
{
	return &a->f->ops[a->f->nops - 1];
}

/* Move Linux's cursor one instruction on; false when it reaches the END slot. */
static bool next_slot(struct arg_parse *a)
{
	return ++a->slot < PROBE_MAX_OPS - 1;
}

static int parse_probe_vars(struct arg_parse *a, const char *arg, int offs)
{
	unsigned long param;
	size_t len;

	if (!strcmp(arg, "retval")) {
		if (!(a->flags & ARG_FL_RETURN))
			return arg_err(a, offs, PROBE_ERR_RETVAL_ON_PROBE);
		add_op(a, FETCH_OP_RETVAL);
		return 0;
	}
	if (!strncmp(arg, "stack", 5)) {
		len = 5;
		if (arg[len] == '\0') {
			add_op(a, FETCH_OP_STACKP);
			return 0;
		}
		if (!is_digit(arg[len]) || p_kstrtoul(arg + len, 10, &param))
			return arg_err(a, offs, PROBE_ERR_BAD_VAR);
		if (param > PROBE_MAX_STACK)
			return arg_err(a, offs, PROBE_ERR_BAD_STACK_NUM);
		add_op(a, FETCH_OP_STACK)->param = param;
		return 0;
	}
	if (!strcmp(arg, "comm") || !strcmp(arg, "COMM")) {
		add_op(a, FETCH_OP_COMM);
		return 0;
	}
	if ((a->flags & (ARG_FL_RETURN | ARG_FL_FENTRY)) == ARG_FL_FENTRY &&
	    !strncmp(arg, "arg", 3)) {
		if (p_kstrtoul(arg + 3, 10, &param))
			return arg_err(a, offs, PROBE_ERR_BAD_VAR);
		if (!param || param > PROBE_MAX_STACK)
			return arg_err(a, offs, PROBE_ERR_BAD_ARG_NUM);
		add_op(a, FETCH_OP_ARG)->param = param - 1;
		if (a->spec->arg_var_index < 0) {
			a->spec->arg_var_index = a->index;
			a->spec->arg_var_offset = offs;
		}
		return 0;
	}
	return arg_err(a, offs, PROBE_ERR_BAD_VAR);
}

static int str_to_immediate(const char *s, unsigned long *imm)
{
	if (is_digit(s[0]))
		return p_kstrtoul(s, 0, imm);
	if (s[0] == '-')
		return p_kstrtol(s, 0, (long *)imm);
	if (s[0] == '+')
		return p_kstrtol(s + 1, 0, (long *)imm);
	return -EINVAL;
}

static int parse_probe_arg(struct arg_parse *a, char *arg, int offs)
{
	const struct probe_reg_name *regs;
	enum fetch_op_code deref = FETCH_OP_DEREF;
	unsigned long param;
	struct fetch_op *o;
	long offset = 0;
	size_t i, n;
	char *tmp;
	int ret;

	switch (arg[0]) {
	case '$':
		return parse_probe_vars(a, arg + 1, offs);
	case '%':
		regs = arch_probe_regs(&n);
		for (i = 0; i < n; i++) {
			if (!strcmp(arg + 1, regs[i].name)) {
				add_op(a, FETCH_OP_REG)->param = regs[i].offset;
				return 0;
			}
		}
		return arg_err(a, offs, PROBE_ERR_BAD_REG_NAME);
	case '@':
		if (is_digit(arg[1])) {
			if (p_kstrtoul(arg + 1, 0, &param))
				return arg_err(a, offs, PROBE_ERR_BAD_MEM_ADDR);
			add_op(a, FETCH_OP_IMM)->imm = param;
		} else if (arg[1] == '+') {
			return arg_err(a, offs, PROBE_ERR_FILE_ON_KPROBE);
		} else {
			/* resolved by probe_check(); Linux spends two instructions here */
			o = add_op(a, FETCH_OP_SYMBOL);
			o->param = arg + 1 - a->buf;
			o->len = strlen(arg + 1);
			if (!next_slot(a))
				return arg_err(a, offs, PROBE_ERR_TOO_MANY_OPS);
		}
		if (!next_slot(a))
			return arg_err(a, offs, PROBE_ERR_TOO_MANY_OPS);
		add_op(a, FETCH_OP_DEREF);
		return 0;
	case '+':
	case '-':
		if (arg[1] == 'u') {
			deref = FETCH_OP_UDEREF;
			arg[1] = arg[0];
			arg++;
		}
		if (arg[0] == '+')
			arg++;
		tmp = strchr(arg, '(');
		if (!tmp)
			return arg_err(a, offs, PROBE_ERR_DEREF_NEED_BRACE);
		*tmp = '\0';
		if (p_kstrtol(arg, 0, &offset))
			return arg_err(a, offs, PROBE_ERR_BAD_DEREF_OFFS);
		/* Linux's arithmetic, including its view of where "+u" started */
		offs += (tmp + 1 - arg) + (arg[0] != '-' ? 1 : 0);
		arg = tmp + 1;
		tmp = strrchr(arg, ')');
		if (!tmp)
			return arg_err(a, offs + strlen(arg), PROBE_ERR_DEREF_OPEN_BRACE);
		*tmp = '\0';
		ret = parse_probe_arg(a, arg, offs);
		if (ret)
			return ret;
		if (last_op(a)->op == FETCH_OP_COMM || last_op(a)->op == FETCH_OP_DATA)
			return arg_err(a, offs, PROBE_ERR_COMM_CANT_DEREF);
		if (!next_slot(a))
			return arg_err(a, offs, PROBE_ERR_TOO_MANY_OPS);
		add_op(a, deref)->offset = offset;
		return 0;
	case '\\':
		if (arg[1] == '"') {
			n = strlen(arg + 2);
			/* an empty tail still has the opening quote before it: Linux takes it */
			if (n && arg[2 + n - 1] != '"')
				return arg_err(a, offs + 2 + n, PROBE_ERR_IMMSTR_NO_CLOSE);
			o = add_op(a, FETCH_OP_DATA);
			o->param = arg + 2 - a->buf;
			o->len = n ? n - 1 : 0;
			return 0;
		}
		if (str_to_immediate(arg + 1, &param))
			return arg_err(a, offs + 1, PROBE_ERR_BAD_IMM);
		add_op(a, FETCH_OP_IMM)->imm = param;
		return 0;
	}
	return arg_err(a, offs, PROBE_ERR_BAD_FETCH_ARG);
}

static const struct {
	const char	*name;
	u8		type;
} probe_type_names[] = {
	{ "u8", PROBE_TYPE_U8 },	{ "u16", PROBE_TYPE_U16 },
	{ "u32", PROBE_TYPE_U32 },	{ "u64", PROBE_TYPE_U64 },
	{ "s8", PROBE_TYPE_S8 },	{ "s16", PROBE_TYPE_S16 },
	{ "s32", PROBE_TYPE_S32 },	{ "s64", PROBE_TYPE_S64 },
	{ "x8", PROBE_TYPE_X8 },	{ "x16", PROBE_TYPE_X16 },
	{ "x32", PROBE_TYPE_X32 },	{ "x64", PROBE_TYPE_X64 },
	{ "string", PROBE_TYPE_STRING },	{ "ustring", PROBE_TYPE_USTRING },
	{ "symstr", PROBE_TYPE_SYMSTR },	{ "symbol", PROBE_TYPE_SYMBOL },
};

static const u8 probe_type_sizes[PROBE_TYPE_MAX] = {
	[PROBE_TYPE_U8] = 1, [PROBE_TYPE_U16] = 2, [PROBE_TYPE_U32] = 4, [PROBE_TYPE_U64] = 8,
	[PROBE_TYPE_S8] = 1, [PROBE_TYPE_S16] = 2, [PROBE_TYPE_S32] = 4, [PROBE_TYPE_S64] = 8,
	[PROBE_TYPE_X8] = 1, [PROBE_TYPE_X16] = 2, [PROBE_TYPE_X32] = 4, [PROBE_TYPE_X64] = 8,
	[PROBE_TYPE_STRING] = 4, [PROBE_TYPE_USTRING] = 4, [PROBE_TYPE_SYMSTR] = 4,
	[PROBE_TYPE_SYMBOL] = 8,
};

static bool type_is_string(u8 type)
{
	return type == PROBE_TYPE_STRING || type == PROBE_TYPE_USTRING ||
	       type == PROBE_TYPE_SYMSTR;
}

/* NULL means the default, x64. Return: the type or -1. */
static int find_fetch_type(const char *t)
{
	unsigned long bits;
	size_t i;

	if (!t)
		return PROBE_TYPE_X64;
	if (*t == 'b') {
		t = strchr(t, '/');
		if (!t || p_kstrtoul(t + 1, 0, &bits))
			return -1;
		switch (bits) {
		case 8:		return PROBE_TYPE_U8;
		case 16:	return PROBE_TYPE_U16;
		case 32:	return PROBE_TYPE_U32;
		case 64:	return PROBE_TYPE_U64;
		default:	return -1;
		}
	}
	for (i = 0; i < ARRAY_SIZE(probe_type_names); i++)
		if (!strcmp(t, probe_type_names[i].name))
			return probe_type_names[i].type;
	return -1;
}

/* b<W>@<O>/<C>; the container was checked by find_fetch_type() */
static int parse_bitfield(struct arg_parse *a, const char *bf)
{
	unsigned long bw, bo, bits = probe_type_sizes[a->f->type] * 8;
	const char *tail;

	bw = p_simple_strtoul(bf + 1, &tail);
	if (bw == 0 || *tail != '@')
		return -EINVAL;
	bf = tail + 1;
	bo = p_simple_strtoul(bf, &tail);
	if (tail == bf || *tail != '/')
		return -EINVAL;
	if (!next_slot(a))
		return -EINVAL;
	if (bits < bw + bo || bw + bo < bw)
		return -EINVAL;
	a->f->bitfield = true;
	a->f->bf_lshift = bits - (bw + bo);
	a->f->bf_rshift = bits - bw;
	return 0;
}

/* The text after NAME=; @offset is its byte in the argv word. */
static int parse_arg_body(struct arg_parse *a, const char *body, int offset)
{
	struct fetch_spec *f = a->f;
	char buf[PROBE_ARG_BODY_MAX + 1];
	char *arg = buf, *t, *t2, *t3;
	unsigned int count = 0;
	struct fetch_op *code;
	int type, tpos, ret;
	size_t len;

	len = strlen(body);
	if (len > PROBE_ARG_BODY_MAX)
		return arg_err(a, offset, PROBE_ERR_ARG_TOO_LONG);
	if (len == 0)
		return arg_err(a, offset, PROBE_ERR_NO_ARG_BODY);
	copy_str(f->text, body, len);
	copy_str(buf, body, len);
	a->buf = buf;

	t = strchr(arg, ':');
	if (t) {
		*t = '\0';
		t2 = strchr(++t, '[');
		if (t2) {
			*t2++ = '\0';
			t3 = strchr(t2, ']');
			if (!t3)
				return arg_err(a, offset + (t2 + strlen(t2) - arg),
					       PROBE_ERR_ARRAY_NO_CLOSE);
			if (t3[1] != '\0')
				return arg_err(a, offset + (t3 + 1 - arg),
					       PROBE_ERR_BAD_ARRAY_SUFFIX);
			*t3 = '\0';
			if (p_kstrtouint(t2, 0, &count) || !count)
				return arg_err(a, offset + (t2 - arg), PROBE_ERR_BAD_ARRAY_NUM);
			if (count > PROBE_MAX_ARRAY)
				return arg_err(a, offset + (t2 - arg), PROBE_ERR_ARRAY_TOO_BIG);
		}
	}
	tpos = offset + (t ? t - arg : 0);

	/* $comm and immediate strings are strings, never arrays: EINVAL, nothing logged */
	if (!strcmp(arg, "$comm") || !strcmp(arg, "$COMM") || !strncmp(arg, "\\\"", 2)) {
		if (count || (t && strcmp(t, "string"))) {
			a->log->silent = true;
			return -EINVAL;
		}
		type = PROBE_TYPE_STRING;
	} else {
		type = find_fetch_type(t);
	}
	if (type < 0)
		return arg_err(a, tpos, PROBE_ERR_BAD_TYPE);
	f->type = type;
	f->count = count;
	f->size = probe_type_sizes[type] * (count ? count : 1);

	ret = parse_probe_arg(a, arg, offset);
	if (ret)
		return ret;

	code = last_op(a);
	if (type_is_string(type)) {
		if (type == PROBE_TYPE_SYMSTR) {
			if (code->op != FETCH_OP_REG && code->op != FETCH_OP_STACK &&
			    code->op != FETCH_OP_RETVAL && code->op != FETCH_OP_ARG &&
			    code->op != FETCH_OP_DEREF)
				return arg_err(a, tpos, PROBE_ERR_BAD_SYMSTRING);
		} else if (code->op != FETCH_OP_DEREF && code->op != FETCH_OP_UDEREF &&
			   code->op != FETCH_OP_IMM && code->op != FETCH_OP_COMM &&
			   code->op != FETCH_OP_DATA) {
			return arg_err(a, tpos, PROBE_ERR_BAD_STRING);
		}
		if (type == PROBE_TYPE_SYMSTR || code->op == FETCH_OP_IMM ||
		    code->op == FETCH_OP_COMM || code->op == FETCH_OP_DATA || count) {
			/* the value is the address itself: a store instruction of its own */
			if (!next_slot(a))
				return arg_err(a, offset, PROBE_ERR_TOO_MANY_OPS);
			f->absorb = false;
			if (type == PROBE_TYPE_USTRING)
				f->store = FETCH_ST_USTRING;
			else if (type == PROBE_TYPE_SYMSTR)
				f->store = FETCH_ST_SYMSTR;
			else
				f->store = FETCH_ST_STRING;
		} else {
			f->absorb = true;
			if (type == PROBE_TYPE_USTRING || code->op == FETCH_OP_UDEREF)
				f->store = FETCH_ST_USTRING;
			else
				f->store = FETCH_ST_STRING;
		}
	} else if (code->op == FETCH_OP_DEREF) {
		f->absorb = true;
		f->store = FETCH_ST_MEM;
	} else if (code->op == FETCH_OP_UDEREF) {
		f->absorb = true;
		f->store = FETCH_ST_UMEM;
	} else {
		if (!next_slot(a))
			return arg_err(a, offset, PROBE_ERR_TOO_MANY_OPS);
		f->store = FETCH_ST_RAW;
	}

	if (t && *t == 'b' && parse_bitfield(a, t))
		return arg_err(a, offset + (t - arg), PROBE_ERR_BAD_BITFIELD);

	if (count) {
		if (f->store != FETCH_ST_MEM && f->store != FETCH_ST_STRING &&
		    f->store != FETCH_ST_USTRING)
			return arg_err(a, tpos, PROBE_ERR_BAD_STRING);
		if (!next_slot(a))
			return arg_err(a, offset, PROBE_ERR_TOO_MANY_OPS);
	}
	return 0;
}

static const char *const reserved_field_names[] = {
	"common_type", "common_flags", "common_preempt_count", "common_pid", "common_tgid",
	"__probe_ip", "__probe_ret_ip", "__probe_func",
};

static bool field_name_conflict(const struct probe_spec *spec, unsigned int i, const char *name)
{
	size_t j;

	for (j = 0; j < ARRAY_SIZE(reserved_field_names); j++)
		if (!strcmp(name, reserved_field_names[j]))
			return true;
	for (j = 0; j < i; j++)
		if (!strcmp(name, spec->args[j].name))
			return true;
	return false;
}

static int parse_probe_arg_word(struct probe_spec *spec, struct probe_log *log, unsigned int i,
				unsigned int flags)
{
	unsigned int index = i + 2;
	const char *arg = probe_argv(spec, index);
	struct fetch_spec *f = &spec->args[i];
	struct arg_parse a = {
		.spec = spec, .log = log, .f = f, .index = index, .flags = flags,
	};
	const char *body = strchr(arg, '=');

	memset(f, 0, sizeof(*f));
	if (body) {
		if (body - arg > PROBE_ARG_NAME_MAX)
			return arg_err(&a, 0, PROBE_ERR_ARG_NAME_TOO_LONG);
		if (body == arg)
			return arg_err(&a, 0, PROBE_ERR_NO_ARG_NAME);
		copy_str(f->name, arg, body - arg);
		body++;
	} else {
		snprintf(f->name, sizeof(f->name), "arg%u", i + 1);
		body = arg;
	}
	if (!is_good_name(f->name))
		return arg_err(&a, 0, PROBE_ERR_BAD_ARG_NAME);
	if (field_name_conflict(spec, i, f->name))
		return arg_err(&a, 0, PROBE_ERR_USED_ARG_NAME);
	return parse_arg_body(&a, body, body - arg);
}

/* ---- the command line ------------------------------------------------------------------ */

/* Split @line (up to its end or '#') into spec->words; false if it cannot fit. */
static bool split_argv(const char *line, struct probe_spec *spec)
{
	size_t i = 0, w = 0;

	spec->argc = 0;
	for (;;) {
		while (line[i] && line[i] != '#' && is_blank(line[i]))
			i++;
		if (!line[i] || line[i] == '#')
			break;
		if (spec->argc >= PROBE_MAX_ARGV)
			return false;
		spec->argv_off[spec->argc++] = w;
		while (line[i] && line[i] != '#' && !is_blank(line[i])) {
			if (w >= sizeof(spec->words) - 1)
				return false;
			spec->words[w++] = line[i++];
		}
		spec->words[w++] = '\0';
	}
	return true;
}

static int silent_einval(struct probe_log *log)
{
	log->silent = true;
	return -EINVAL;
}

static int parse_delete(struct probe_spec *spec, struct probe_log *log)
{
	const char *event, *slash, *argv0 = probe_argv(spec, 0);
	size_t glen, elen;

	spec->kind = PROBE_KIND_DELETE;
	if (argv0[1] != ':')
		return silent_einval(log);
	event = argv0 + 2;
	slash = strchr(event, '/');
	if (slash) {
		glen = slash - event;
		spec->group_given = true;
		if (glen > PROBE_GROUP_MAX)
			spec->deferred = true;		/* too long to exist: matches nothing */
		else
			copy_str(spec->group, event, glen);
		event = slash + 1;
	}
	if (!slash && !*event)
		return silent_einval(log);
	elen = strlen(event);
	spec->event_given = elen != 0;
	if (elen >= PROBE_EVENT_MAX)
		spec->deferred = true;
	else
		copy_str(spec->event, event, elen);
	return 0;
}

static int parse_event_name(struct probe_spec *spec, struct probe_log *log, const char *event,
			    unsigned int offset)
{
	const char *slash = strchr(event, '/');
	size_t len;

	if (slash) {
		if (slash == event)
			goto err_no_group;
		if (slash - event + 1 > PROBE_GROUP_MAX + 1) {
			probe_log_err(log, spec, 0, offset, PROBE_ERR_GROUP_TOO_LONG);
			return -EINVAL;
		}
		copy_str(spec->group, event, slash - event);
		if (!is_good_name(spec->group)) {
			probe_log_err(log, spec, 0, offset, PROBE_ERR_BAD_GROUP_NAME);
			return -EINVAL;
		}
		spec->group_given = true;
		offset += slash - event + 1;
		event = slash + 1;
	}
	len = strlen(event);
	if (len == 0) {
		if (slash)
			return 0;
		probe_log_err(log, spec, 0, offset, PROBE_ERR_NO_EVENT_NAME);
		return -EINVAL;
	}
	/* Linux 6.1 keeps room for the NUL: 64 bytes and more are too long. */
	if (len >= PROBE_EVENT_MAX) {
		probe_log_err(log, spec, 0, offset, PROBE_ERR_EVENT_TOO_LONG);
		return -EINVAL;
	}
	if (!is_good_name(event)) {
		probe_log_err(log, spec, 0, offset, PROBE_ERR_BAD_EVENT_NAME);
		return -EINVAL;
	}
	copy_str(spec->event, event, len);
	spec->event_given = true;
	return 0;

err_no_group:
	probe_log_err(log, spec, 0, offset, PROBE_ERR_NO_GROUP_NAME);
	return -EINVAL;
}

/* %c_%s_%ld or %c_0x%016lx, cut at 63 bytes, ':' and '.' after the first byte made '_' */
static void make_default_name(struct probe_spec *spec)
{
	char c = probe_is_return(spec) ? 'r' : 'p';
	char *p = spec->event;

	if (spec->has_symbol)
		cut_printf(spec->event, PROBE_DEFAULT_NAME_MAX + 1, "%c_%s_%ld", c, spec->symbol,
			   (long)spec->offset);
	else
		cut_printf(spec->event, PROBE_DEFAULT_NAME_MAX + 1, "%c_0x%016lx", c,
			   spec->addr);
	while (*++p)
		if (*p == ':' || *p == '.')
			*p = '_';
}

static int parse_location(struct probe_spec *spec, struct probe_log *log)
{
	const char *loc = probe_argv(spec, 1), *pct, *sign;
	size_t end, symlen;
	unsigned long addr;
	long offset = 0;
	int ret = 0;

	if (!p_kstrtoul(loc, 0, &addr)) {
		spec->addr = addr;
		return 0;
	}
	if (strchr(loc, '/') && strchr(loc, ':'))
		return silent_einval(log);	/* a uprobe: not ours */
	pct = strchr(loc, '%');
	if (pct) {
		if (strcmp(pct, "%return")) {
			probe_log_err(log, spec, 1, pct - loc, PROBE_ERR_BAD_ADDR_SUFFIX);
			return -EINVAL;
		}
		spec->kind = PROBE_KIND_KRETPROBE;
	}
	end = pct ? (size_t)(pct - loc) : strlen(loc);
	sign = strpbrk(loc, "+-");
	if (sign && (size_t)(sign - loc) >= end)
		sign = NULL;
	symlen = sign ? (size_t)(sign - loc) : end;
	if (sign)
		ret = p_kstrtol_n(sign, end - symlen, 0, &offset);
	if (ret || offset < 0 || offset > 0xffffffffL) {
		probe_log_err(log, spec, 1, 0, PROBE_ERR_BAD_PROBE_ADDR);
		return -EINVAL;
	}
	/* too long to be in kallsyms: probe_check() fails it with -ENOENT, as Linux does */
	spec->sym_too_long = symlen > PROBE_SYMBOL_MAX;
	copy_str(spec->symbol, loc, min_t(size_t, symlen, PROBE_SYMBOL_MAX));
	spec->has_symbol = true;
	spec->offset = offset;
	spec->fentry = offset == 0;
	if (probe_is_return(spec) && !spec->fentry) {
		probe_log_err(log, spec, 1, 0, PROBE_ERR_BAD_RETPROBE);
		return -EINVAL;
	}
	return 0;
}

static int parse_maxactive(struct probe_spec *spec, struct probe_log *log, const char *event)
{
	const char *argv0 = probe_argv(spec, 0);
	char buf[PROBE_EVENT_MAX + 1];
	unsigned int maxactive;
	size_t len;

	if (!probe_is_return(spec)) {
		probe_log_err(log, spec, 0, 1, PROBE_ERR_MAXACT_NO_KPROBE);
		return -EINVAL;
	}
	len = event ? (size_t)(event - argv0 - 2) : strlen(argv0 + 1);
	if (len > PROBE_EVENT_MAX - 1)
		goto err_bad;
	copy_str(buf, argv0 + 1, len);
	if (p_kstrtouint(buf, 0, &maxactive) || !maxactive)
		goto err_bad;
	if (maxactive > PROBE_MAXACTIVE_MAX) {
		probe_log_err(log, spec, 0, 1, PROBE_ERR_MAXACT_TOO_BIG);
		return -EINVAL;
	}
	spec->maxactive = maxactive;
	return 0;

err_bad:
	probe_log_err(log, spec, 0, 1, PROBE_ERR_BAD_MAXACT);
	return -EINVAL;
}

/**
 * probe_parse_line() - parse one kprobe_events command
 * @line: one line, without '\n'; anything from '#' on is ignored
 * @spec: filled completely on success (callers allocate it: it is large)
 * @log: cleared, then holds the error on failure
 *
 * Touches nothing but @spec and @log. On success spec->kind says what the line asks for;
 * PROBE_KIND_NONE (blank line) needs nothing done. Symbols are not looked up here: see
 * probe_check().
 *
 * Return: 0, or -EINVAL (with log->err set, or log->silent for the cases Linux does not
 * log).
 */
int probe_parse_line(const char *line, struct probe_spec *spec, struct probe_log *log)
{
	const char *argv0, *event;
	unsigned int flags = 0, i;
	int ret;

	memset(spec, 0, offsetof(struct probe_spec, argv_off));
	spec->arg_var_index = -1;
	log->err = PROBE_ERR_NONE;
	log->silent = false;
	log->index = log->offset = log->pos = 0;
	log->cmd[0] = '\0';

	if (!split_argv(line, spec))
		return silent_einval(log);
	if (!spec->argc)
		return 0;
	if (line[0] == '-')
		return parse_delete(spec, log);

	argv0 = probe_argv(spec, 0);
	switch (argv0[0]) {
	case 'p':
		spec->kind = PROBE_KIND_KPROBE;
		break;
	case 'r':
		spec->kind = PROBE_KIND_KRETPROBE;
		break;
	default:
		return silent_einval(log);
	}
	if (spec->argc < 2)
		return silent_einval(log);

	event = strchr(argv0 + 1, ':');
	if (event)
		event++;
	if (is_digit(argv0[1])) {
		ret = parse_maxactive(spec, log, event);
		if (ret)
			return ret;
	}
	ret = parse_location(spec, log);
	if (ret)
		return ret;

	strcpy(spec->group, PROBE_DEFAULT_GROUP);
	if (event) {
		ret = parse_event_name(spec, log, event, event - argv0);
		if (ret)
			return ret;
	}
	if (!spec->event_given)
		make_default_name(spec);

	if (probe_is_return(spec))
		flags |= ARG_FL_RETURN;
	if (spec->fentry)
		flags |= ARG_FL_FENTRY;
	spec->fixed_size = PROBE_COMMON_SIZE + (probe_is_return(spec) ? 16 : 8);
	for (i = 0; i + 2 < spec->argc && i < PROBE_MAX_ARGS; i++) {
		spec->nargs = i + 1;
		ret = parse_probe_arg_word(spec, log, i, flags);
		if (ret)
			return ret;
		spec->args[i].offset = spec->fixed_size;
		spec->fixed_size += spec->args[i].size;
	}
	return 0;
}

/* ---- check, multiprobe and delete matching ------------------------------------------ */

static int check_err(struct probe_spec *spec, struct probe_log *log, unsigned int index,
		     unsigned int offset, enum probe_error err, int error)
{
	probe_log_err(log, spec, index, offset, err);
	return error;
}

static int resolve_symbol_arg(struct probe_spec *spec, struct fetch_spec *f,
			      struct fetch_op *o, const struct probe_sym_ops *ops)
{
	char name[PROBE_ARG_BODY_MAX + 1];
	unsigned long addr;
	long offset = 0;
	char *tmp;
	int ret;

	copy_str(name, f->text + o->param, o->len);
	tmp = strpbrk(name, "+-");
	if (tmp) {
		if (p_kstrtol(tmp, 0, &offset))
			return -EINVAL;
		*tmp = '\0';
	}
	ret = ops->lookup(ops->priv, name, &addr);
	if (ret)
		return ret;
	o->imm = addr + offset;
	return 0;
}

/**
 * probe_check() - read-only lookups for a parsed kprobe
 * @spec: from probe_parse_line(); addr and @SYM arguments are filled in
 * @ops: symbol lookup and optional module and address checks
 * @log: where a failure is described
 *
 * A MOD:SYM probe whose module is not loaded is accepted as deferred (spec->deferred) and
 * nothing is resolved. An unknown symbol fails with -ENOENT (BAD_PROBE_ADDR on the location),
 * unless the probe uses $argN, which Linux rejects first because it cannot prove the location
 * is a function entry (BAD_VAR, -EINVAL).
 *
 * Return: 0 or a negative errno, with @log set.
 */
int probe_check(struct probe_spec *spec, const struct probe_sym_ops *ops, struct probe_log *log)
{
	unsigned int i, j;
	const char *colon;
	char mod[PROBE_SYMBOL_MAX + 1];
	unsigned long addr;
	int ret;

	if (spec->kind != PROBE_KIND_KPROBE && spec->kind != PROBE_KIND_KRETPROBE)
		return 0;
	if (spec->has_symbol) {
		colon = strchr(spec->symbol, ':');
		if (colon) {
			copy_str(mod, spec->symbol, colon - spec->symbol);
			if (!ops->module_loaded || !ops->module_loaded(ops->priv, mod)) {
				if (spec->arg_var_index >= 0)
					goto err_bad_var;
				spec->deferred = true;
				return 0;
			}
		}
		if (spec->sym_too_long || !spec->symbol[0])
			ret = -ENOENT;		/* no kallsyms name is empty or that long */
		else
			ret = ops->lookup(ops->priv, spec->symbol, &addr);
		if (ret && spec->arg_var_index >= 0)
			goto err_bad_var;
		if (ret == -EADDRNOTAVAIL)
			return check_err(spec, log, 1, 0, PROBE_ERR_NON_UNIQ_SYMBOL, ret);
		if (ret)
			return check_err(spec, log, 1, 0, PROBE_ERR_BAD_PROBE_ADDR, -ENOENT);
		spec->addr = addr + spec->offset;
	}
	for (i = 0; i < spec->nargs; i++) {
		struct fetch_spec *f = &spec->args[i];

		for (j = 0; j < f->nops; j++) {
			if (f->ops[j].op != FETCH_OP_SYMBOL)
				continue;
			ret = resolve_symbol_arg(spec, f, &f->ops[j], ops);
			if (ret)
				return check_err(spec, log, 1, 0, PROBE_ERR_BAD_PROBE_ADDR,
						 -ENOENT);
		}
	}
	if (ops->check_addr) {
		ret = ops->check_addr(ops->priv, spec->addr);
		if (ret == -EILSEQ)
			return check_err(spec, log, 1, 0, PROBE_ERR_BAD_INSN_BNDRY, ret);
		if (ret == -ENOENT)
			return check_err(spec, log, 1, 0, PROBE_ERR_BAD_PROBE_ADDR, ret);
		if (ret == -ENOMEM || ret == -EEXIST)
			return ret;
		if (ret)
			return check_err(spec, log, 1, 0, PROBE_ERR_FAIL_REG_PROBE, ret);
	}
	return 0;

err_bad_var:
	return check_err(spec, log, spec->arg_var_index, spec->arg_var_offset,
			 PROBE_ERR_BAD_VAR, -EINVAL);
}

/* 0 if the argument lists match in count, name, type and array size; else argv index */
static unsigned int compare_arg_types(const struct probe_spec *a, const struct probe_spec *b)
{
	unsigned int i;

	if (a->nargs < b->nargs)
		return a->nargs + 2;
	if (a->nargs > b->nargs)
		return b->nargs + 2;
	for (i = 0; i < a->nargs; i++)
		if (a->args[i].type != b->args[i].type || a->args[i].count != b->args[i].count ||
		    strcmp(a->args[i].name, b->args[i].name))
			return i + 2;
	return 0;
}

static const char *location_symbol(const struct probe_spec *spec)
{
	return spec->has_symbol ? spec->symbol : "unknown";
}

/**
 * probe_check_append() - may @spec join an existing multiprobe event?
 * @spec: the new probe (parsed, same group/event as @probes)
 * @probes: the event's current probes, @n >= 1 of them
 * @n: their number
 * @log: where a refusal is described
 *
 * Linux's rules: the same kind (DIFF_PROBE_TYPE, column 0), the same argument count, names,
 * types and array sizes (DIFF_ARG_TYPE at the first differing argument, or after the command
 * when arguments are missing), and not an exact duplicate of a probe already there: same
 * symbol text and offset (address probes all compare as "unknown"+0) and the same argument
 * texts (SAME_PROBE, column 0).
 *
 * Return: 0 if it may, -EEXIST otherwise.
 */
int probe_check_append(const struct probe_spec *spec, const struct probe_spec *const *probes,
		       size_t n, struct probe_log *log)
{
	const struct probe_spec *old = probes[0];
	unsigned int index, i;
	size_t k;

	if (probe_is_return(spec) != probe_is_return(old)) {
		probe_log_err(log, spec, 0, 0, PROBE_ERR_DIFF_PROBE_TYPE);
		return -EEXIST;
	}
	index = compare_arg_types(spec, old);
	if (index) {
		probe_log_err(log, spec, index, 0, PROBE_ERR_DIFF_ARG_TYPE);
		return -EEXIST;
	}
	for (k = 0; k < n; k++) {
		const struct probe_spec *p = probes[k];

		if (strcmp(location_symbol(p), location_symbol(spec)) ||
		    (p->has_symbol ? p->offset : 0) != (spec->has_symbol ? spec->offset : 0))
			continue;
		for (i = 0; i < p->nargs; i++)
			if (strcmp(p->args[i].text, spec->args[i].text))
				break;
		if (i == p->nargs) {
			probe_log_err(log, spec, 0, 0, PROBE_ERR_SAME_PROBE);
			return -EEXIST;
		}
	}
	return 0;
}

/**
 * probe_match_delete() - does a "-:" command select this probe?
 * @del: a PROBE_KIND_DELETE spec
 * @probe: one probe of an existing event (its group and event filled in)
 *
 * A missing GRP matches any group, an empty EVENT the whole group; a LOCATION must equal the
 * probe's as read back ("sym", "sym+off" or "0x%016lx") and each further word its NAME=TEXT.
 *
 * Return: true if @probe is to be removed.
 */
bool probe_match_delete(const struct probe_spec *del, const struct probe_spec *probe)
{
	char buf[PROBE_ARG_BODY_MAX + 1];	/* Linux's size: longer texts never match */
	unsigned int i, nwords;

	if (del->deferred)
		return false;
	if (del->event_given && strcmp(del->event, probe->event))
		return false;
	if (del->group_given && strcmp(del->group, probe->group))
		return false;
	if (del->argc < 2)
		return true;
	if (!probe->has_symbol)
		cut_printf(buf, sizeof(buf), "0x%016lx", probe->addr);
	else if (probe->offset)
		cut_printf(buf, sizeof(buf), "%s+%u", probe->symbol, (unsigned int)probe->offset);
	else
		cut_printf(buf, sizeof(buf), "%s", probe->symbol);
	if (strcmp(buf, probe_argv(del, 1)))
		return false;
	nwords = del->argc - 2;
	if (probe->nargs < nwords)
		return false;
	for (i = 0; i < nwords; i++) {
		cut_printf(buf, sizeof(buf), "%s=%s", probe->args[i].name, probe->args[i].text);
		if (strcmp(buf, probe_argv(del, i + 2)))
			return false;
	}
	return true;
}
