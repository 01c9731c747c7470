// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event filter tests: every Linux error message with its errno and caret column, the
 * filter and error_log text after a failure, evaluation on synthetic records (sizes, signs,
 * strings, globs, precedence, '!', parentheses, '&'), group filters, and a randomised
 * comparison against a direct evaluation of generated expression trees.
 */
#include <starling/trace_filter.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"

/*
 * The test event: common fields at 0..7 (default table), then packed fields. The
 * __data_loc string's bytes follow the fixed part.
 */
enum {
	OFF_U8 = 8, OFF_S8 = 9, OFF_U16 = 10, OFF_S16 = 12, OFF_U32 = 14, OFF_S32 = 18,
	OFF_U64 = 22, OFF_S64 = 30, OFF_NAME = 38, OFF_PATH = 46, OFF_PTR = 50, OFF_ODD = 58,
	OFF_RPATH = 61, REC_FIXED = 65, REC_SIZE = 160,
};

static const struct filter_field test_fields[] = {
	{ "u8v", "u8", OFF_U8, 1, false },
	{ "s8v", "s8", OFF_S8, 1, true },
	{ "u16v", "u16", OFF_U16, 2, false },
	{ "s16v", "s16", OFF_S16, 2, true },
	{ "u32v", "u32", OFF_U32, 4, false },
	{ "s32v", "s32", OFF_S32, 4, true },
	{ "u64v", "u64", OFF_U64, 8, false },
	{ "s64v", "s64", OFF_S64, 8, true },
	{ "name", "char[8]", OFF_NAME, 8, true },
	{ "path", "__data_loc char[]", OFF_PATH, 4, true },
	{ "ptr", "const char *", OFF_PTR, 8, false },
	{ "odd", "u8 odd[3]", OFF_ODD, 3, false },
	{ "rpath", "__rel_loc char[]", OFF_RPATH, 4, true },
};

static const struct filter_event test_event = {
	.fields = test_fields,
	.nr_fields = sizeof(test_fields) / sizeof(test_fields[0]),
};

static unsigned char rec[REC_SIZE];
static const char *user_string;		/* what ptr.ustring points at */
static const char *kernel_string;	/* what ptr points at */

static const char *fetch(const struct filter_ctx *ctx, unsigned long addr, bool user,
			 unsigned int *len)
{
	const char *s = user ? user_string : kernel_string;

	if (!s || addr != 0x1000)
		return NULL;
	*len = strlen(s);
	return s;
}

static struct filter_ctx ctx = {
	.cpu = 1,
	.comm = "bash",
	.record_size = REC_SIZE,
	.fetch_str = fetch,
};

static void put(unsigned int off, const void *v, size_t n)
{
	memcpy(rec + off, v, n);
}

/* A fixed record: every numeric field holds a known value, strings "bash" and paths. */
static void reset_record(void)
{
	uint8_t u8 = 200;
	int8_t s8 = -5;
	uint16_t u16 = 0xbeef, type = 7;
	int16_t s16 = -300;
	uint32_t u32 = 0x80000001u, loc;
	int32_t s32 = -70000, pid = 1234;
	uint64_t u64 = 0xfeedfacedeadbeefULL, ptr = 0x1000;
	int64_t s64 = -5000000000LL;
	const char *path = "/etc/hostname";

	memset(rec, 0, sizeof(rec));
	put(0, &type, 2);
	rec[2] = 0x81;		/* common_flags */
	rec[3] = 0x12;		/* common_preempt_count */
	put(4, &pid, 4);
	put(OFF_U8, &u8, 1);
	put(OFF_S8, &s8, 1);
	put(OFF_U16, &u16, 2);
	put(OFF_S16, &s16, 2);
	put(OFF_U32, &u32, 4);
	put(OFF_S32, &s32, 4);
	put(OFF_U64, &u64, 8);
	put(OFF_S64, &s64, 8);
	memcpy(rec + OFF_NAME, "bash", 4);
	loc = (uint32_t)(strlen(path) + 1) << 16 | REC_FIXED;
	put(OFF_PATH, &loc, 4);
	memcpy(rec + REC_FIXED, path, strlen(path) + 1);
	put(OFF_PTR, &ptr, 8);
	rec[OFF_ODD] = 1;
	/* __rel_loc: offset counted from the end of the u32, string "sshd" */
	loc = 5u << 16 | (REC_FIXED + 20 - (OFF_RPATH + 4));
	put(OFF_RPATH, &loc, 4);
	memcpy(rec + REC_FIXED + 20, "sshd", 5);
	user_string = "/home/user/secret";
	kernel_string = "kernel-name";
	ctx.cpu = 1;
	ctx.comm = "bash";
}

/* Compile @expr; on success run it over the current record. -1 means compile failure. */
static int eval(const char *expr)
{
	struct filter_parse_error pe;
	struct event_filter *f;
	int ret, m;

	ret = create_event_filter(&test_event, expr, &f, &pe);
	if (ret) {
		fprintf(stderr, "compile of \"%s\" failed: %d (%d at %d)\n", expr, ret,
			pe.lasterr, pe.lasterr_pos);
		free_event_filter(f);
		return -1;
	}
	m = filter_match(f, rec, &ctx);
	free_event_filter(f);
	return m;
}

struct err_case {
	const char	*expr;
	int		ret;
	int		err;
	int		pos;
};

static const struct err_case err_cases[] = {
	/* unknown field: the caret lands on the operator after "name " */
	{ "foo == 1", -22, FILT_ERR_FIELD_NOT_FOUND, 4 },
	{ "u8v == 1 && foo == 2", -22, FILT_ERR_FIELD_NOT_FOUND, 16 },
	{ "foo==1", -22, FILT_ERR_FIELD_NOT_FOUND, 4 },
	{ "u8v = 1", -22, FILT_ERR_INVALID_OP, 5 },
	{ "u8v !~ 1", -22, FILT_ERR_INVALID_OP, 5 },
	{ "u8v.foo == 1", -22, FILT_ERR_INVALID_OP, 4 },
	{ "u8v == abc", -22, FILT_ERR_INVALID_VALUE, 8 },
	{ "u8v && 1", -22, FILT_ERR_INVALID_VALUE, 6 },
	{ "(u8v == 1", -2, FILT_ERR_TOO_MANY_OPEN, 0 },
	{ "((u8v == 1)", -2, FILT_ERR_TOO_MANY_OPEN, 0 },
	{ "u8v == 1 && (u16v == 2", -2, FILT_ERR_TOO_MANY_OPEN, 12 },
	{ "u8v == 1 && (u16v == 2 || (s8v == 1)", -2, FILT_ERR_TOO_MANY_OPEN, 12 },
	{ "u8v == 1)", -1, FILT_ERR_TOO_MANY_CLOSE, 8 },
	{ "u8v == 1 || (u16v == 2))", -1, FILT_ERR_TOO_MANY_CLOSE, 23 },
	{ "name == \"abc", -3, FILT_ERR_MISSING_QUOTE, 8 },
	{ "name == 'a' || name == 'b", -3, FILT_ERR_MISSING_QUOTE, 23 },
	{ "u8v == \"x\"", -22, FILT_ERR_EXPECT_DIGIT, 8 },
	{ "cpu == 'x'", -22, FILT_ERR_EXPECT_DIGIT, 8 },
	{ "name == 1", -22, FILT_ERR_EXPECT_STRING, 9 },
	{ "comm == 1", -22, FILT_ERR_EXPECT_STRING, 9 },
	{ "path > 1", -22, FILT_ERR_EXPECT_STRING, 8 },
	{ "name < \"x\"", -22, FILT_ERR_ILLEGAL_FIELD_OP, 8 },
	{ "name & 'x'", -22, FILT_ERR_ILLEGAL_FIELD_OP, 8 },
	{ "u8v ~ 1", -22, FILT_ERR_ILLEGAL_FIELD_OP, 7 },
	{ "u8v == 1x", -22, FILT_ERR_ILLEGAL_INTVAL, 8 },
	{ "u8v == 08", -22, FILT_ERR_ILLEGAL_INTVAL, 8 },
	{ "u8v == -1", -22, FILT_ERR_ILLEGAL_INTVAL, 8 },
	{ "s8v == 0x8000000000000000", -22, FILT_ERR_ILLEGAL_INTVAL, 8 },
	{ "u64v == 0x10000000000000000", -22, FILT_ERR_ILLEGAL_INTVAL, 9 },
	{ "u8v == 12345678901234567890123", -22, FILT_ERR_ILLEGAL_INTVAL, 8 },
	{ "u8v == 123456789012345678901234", -22, FILT_ERR_OPERAND_TOO_LONG, 32 },
	{ "u8v == 1 u16v == 2", -1, FILT_ERR_TOO_MANY_PREDS, 9 },
	{ "u8v == 1.5", -1, FILT_ERR_TOO_MANY_PREDS, 8 },
	{ "name == 'x'y", -1, FILT_ERR_TOO_MANY_PREDS, 11 },
	{ "u8v == 1 & u16v == 2", -1, FILT_ERR_TOO_MANY_PREDS, 9 },
	{ "!", -22, FILT_ERR_NO_FILTER, 1 },
	{ " ! ! ", -22, FILT_ERR_NO_FILTER, 5 },
	/* no position: "Error: (0)" */
	{ "", -22, 0, 0 },
	{ "   ", -22, 0, 0 },
	{ "()", -22, 0, 0 },
	{ "== 1", -1, 0, 0 },
	{ "u8v == 1 && )", -1, FILT_ERR_TOO_MANY_CLOSE, 12 },
	{ "u8v == 1 && && u16v == 1", -1, 0, 0 },
};

static void test_error_positions(void)
{
	for (size_t i = 0; i < sizeof(err_cases) / sizeof(err_cases[0]); i++) {
		const struct err_case *c = &err_cases[i];
		struct filter_parse_error pe;
		struct event_filter *f;
		int ret = create_event_filter(&test_event, c->expr, &f, &pe);

		if (ret != c->ret || pe.lasterr != c->err || pe.lasterr_pos != c->pos)
			fprintf(stderr, "case \"%s\": ret %d err %d pos %d\n", c->expr, ret,
				pe.lasterr, pe.lasterr_pos);
		EXPECT_EQ(ret, c->ret);
		EXPECT_EQ(pe.lasterr, c->err);
		EXPECT_EQ(pe.lasterr_pos, c->pos);
		EXPECT_TRUE(f != NULL);
		EXPECT_TRUE(!filter_is_active(f));
		EXPECT_TRUE(filter_match(f, rec, &ctx));	/* failed filter: all pass */
		free_event_filter(f);
	}
}

static void test_operand_too_long_string(void)
{
	char expr[300];
	struct filter_parse_error pe;
	struct event_filter *f;

	/* 256 characters between the quotes: too long; the caret is at the closing quote + 1 */
	snprintf(expr, sizeof(expr), "name == \"%0256d\"", 0);
	EXPECT_EQ(create_event_filter(&test_event, expr, &f, &pe), -22);
	EXPECT_EQ(pe.lasterr, FILT_ERR_OPERAND_TOO_LONG);
	EXPECT_EQ(pe.lasterr_pos, 1 + 8 + 1 + 256);
	free_event_filter(f);

	snprintf(expr, sizeof(expr), "name == \"%0255d\"", 0);
	EXPECT_EQ(create_event_filter(&test_event, expr, &f, &pe), 0);
	free_event_filter(f);
}

static void test_messages(void)
{
	EXPECT_STREQ(filter_err_text(FILT_ERR_INVALID_OP), "Invalid operator");
	EXPECT_STREQ(filter_err_text(FILT_ERR_TOO_MANY_OPEN), "Too many '('");
	EXPECT_STREQ(filter_err_text(FILT_ERR_TOO_MANY_CLOSE), "Too few '('");
	EXPECT_STREQ(filter_err_text(FILT_ERR_MISSING_QUOTE), "Missing matching quote");
	EXPECT_STREQ(filter_err_text(FILT_ERR_OPERAND_TOO_LONG), "Operand too long");
	EXPECT_STREQ(filter_err_text(FILT_ERR_EXPECT_STRING), "Expecting string field");
	EXPECT_STREQ(filter_err_text(FILT_ERR_EXPECT_DIGIT), "Expecting numeric field");
	EXPECT_STREQ(filter_err_text(FILT_ERR_ILLEGAL_FIELD_OP),
		     "Illegal operation for field type");
	EXPECT_STREQ(filter_err_text(FILT_ERR_FIELD_NOT_FOUND), "Field not found");
	EXPECT_STREQ(filter_err_text(FILT_ERR_ILLEGAL_INTVAL), "Illegal integer value");
	EXPECT_STREQ(filter_err_text(FILT_ERR_BAD_SUBSYS_FILTER),
		     "Couldn't find or set field in one of a subsystem's events");
	EXPECT_STREQ(filter_err_text(FILT_ERR_TOO_MANY_PREDS),
		     "Too many terms in predicate expression");
	EXPECT_STREQ(filter_err_text(FILT_ERR_INVALID_FILTER), "Meaningless filter expression");
	EXPECT_STREQ(filter_err_text(FILT_ERR_IP_FIELD_ONLY),
		     "Only 'ip' field is supported for function trace");
	EXPECT_STREQ(filter_err_text(FILT_ERR_INVALID_VALUE),
		     "Invalid value (did you forget quotes)?");
	EXPECT_STREQ(filter_err_text(FILT_ERR_NO_FILTER), "No filter found");
	EXPECT_STREQ(filter_err_text(0), "Error");
}

static char *apply(const char *text, int *ret, struct filter_parse_error *pe,
		   struct event_filter **fp)
{
	static char buf[512];

	snprintf(buf, sizeof(buf), "%s", text);
	*ret = filter_apply_write(&test_event, buf, fp, pe);
	return buf;
}

static void test_filter_file_rendering(void)
{
	struct filter_parse_error pe;
	struct event_filter *f;
	char out[1024];
	int ret;

	EXPECT_EQ(filter_print(NULL, out, sizeof(out)), 5);
	EXPECT_STREQ(out, "none\n");

	apply("u8v == 200 && comm ~ \"ba*\"\n", &ret, &pe, &f);
	EXPECT_EQ(ret, 0);
	EXPECT_TRUE(filter_is_active(f));
	filter_print(f, out, sizeof(out));
	EXPECT_STREQ(out, "u8v == 200 && comm ~ \"ba*\"\n");
	free_event_filter(f);

	/* the expression, the caret line, parse_error, and the empty line */
	apply("foo == 1\n", &ret, &pe, &f);
	EXPECT_EQ(ret, -22);
	EXPECT_TRUE(!filter_is_active(f));
	filter_print(f, out, sizeof(out));
	EXPECT_STREQ(out, "foo == 1\n    ^\nparse_error: Field not found\n\n");
	free_event_filter(f);

	/* column 0 and column 1 */
	apply("(u8v == 1", &ret, &pe, &f);
	EXPECT_EQ(ret, -2);
	filter_print(f, out, sizeof(out));
	EXPECT_STREQ(out, "(u8v == 1\n^\nparse_error: Too many '('\n\n");
	free_event_filter(f);

	apply("!", &ret, &pe, &f);
	filter_print(f, out, sizeof(out));
	EXPECT_STREQ(out, "!\n ^\nparse_error: No filter found\n\n");
	free_event_filter(f);

	/* a caret past the end is clamped to the end of the text */
	apply("u8v == 1 && (u16v == 1 || (s8v == 1)", &ret, &pe, &f);
	free_event_filter(f);
	{
		struct event_filter *g;

		EXPECT_EQ(create_event_filter(&test_event, "u8v==1)", &g, &pe), -1);
		filter_print(g, out, sizeof(out));
		EXPECT_STREQ(out, "u8v==1)\n      ^\nparse_error: Too few '('\n\n");
		free_event_filter(g);
	}

	/* no position */
	apply("== 1", &ret, &pe, &f);
	EXPECT_EQ(ret, -1);
	filter_print(f, out, sizeof(out));
	EXPECT_STREQ(out, "== 1\nError: (0)\n\n");
	free_event_filter(f);

	/* leading blanks stay part of the expression (and of the columns) */
	apply("  foo == 1  \n", &ret, &pe, &f);
	EXPECT_EQ(pe.lasterr_pos, 6);
	filter_print(f, out, sizeof(out));
	EXPECT_STREQ(out, "  foo == 1\n      ^\nparse_error: Field not found\n\n");
	free_event_filter(f);

	/* "0" clears */
	apply(" 0 \n", &ret, &pe, &f);
	EXPECT_EQ(ret, 0);
	EXPECT_TRUE(f == NULL);
}

static void test_error_log_entry(void)
{
	struct filter_parse_error pe;
	struct event_filter *f;
	char out[512];
	char *expr;
	int ret;

	expr = apply("u8v == 1 && foo == 2\n", &ret, &pe, &f);
	filter_format_error_log(out, sizeof(out), 56131469000ULL, expr, &pe);
	EXPECT_STREQ(out, "[   56.131469] event filter parse error: error: Field not found\n"
		     "  Command: u8v == 1 && foo == 2\n"
		     "                           ^\n");	/* 11 + 16 spaces */
	free_event_filter(f);

	expr = apply("", &ret, &pe, &f);
	EXPECT_EQ(ret, -22);
	filter_format_error_log(out, sizeof(out), 1000000ULL, expr, &pe);
	EXPECT_STREQ(out, "[    0.001000] event filter parse error: error: Error\n"
		     "  Command: \n"
		     "           ^\n");
	free_event_filter(f);
}

struct eval_case {
	const char	*expr;
	int		match;
};

static const struct eval_case eval_cases[] = {
	/* numeric sizes and signedness */
	{ "u8v == 200", 1 }, { "u8v != 200", 0 }, { "u8v > 199", 1 }, { "u8v < 200", 0 },
	{ "u8v >= 200", 1 }, { "u8v <= 199", 0 }, { "u8v == 0xc8", 1 }, { "u8v == 0310", 1 },
	{ "u8v == 456", 1 },		/* Linux compares after truncating to the field size */
	{ "s8v == -5", 1 }, { "s8v < 0", 1 }, { "s8v > -6", 1 }, { "s8v < -5", 0 },
	{ "s8v == 251", 1 }, { "s8v & 0x80", 1 },
	{ "u16v == 0xbeef", 1 }, { "u16v > 0x8000", 1 }, { "s16v == -300", 1 },
	{ "s16v >= -300", 1 }, { "s16v > -300", 0 }, { "s16v < -299", 1 },
	{ "u32v == 0x80000001", 1 }, { "u32v > 0x7fffffff", 1 }, { "s32v == -70000", 1 },
	{ "s32v < -69999", 1 }, { "s32v > 0", 0 },
	{ "u64v == 0xfeedfacedeadbeef", 1 }, { "u64v > 0xfeedfacedeadbeee", 1 },
	{ "s64v == -5000000000", 1 }, { "s64v < -4999999999", 1 }, { "s64v >= 0", 0 },
	{ "u32v & 1", 1 }, { "u32v & 2", 0 }, { "u32v & 0x80000000", 1 }, { "u8v & 0", 0 },
	{ "odd == 1", 0 },		/* a size Linux has no comparison for never matches */
	/* common and generic fields */
	{ "common_pid == 1234", 1 }, { "common_type == 7", 1 }, { "common_flags & 0x80", 1 },
	{ "common_preempt_count == 0x12", 1 }, { "cpu == 1", 1 }, { "CPU != 1", 0 },
	{ "common_cpu >= 1", 1 }, { "cpu < 1", 0 }, { "cpu & 1", 1 },
	/* strings */
	{ "comm == \"bash\"", 1 }, { "COMM == 'bash'", 1 }, { "comm != \"bash\"", 0 },
	{ "comm == \"bas\"", 0 }, { "comm ~ \"ba*\"", 1 }, { "comm ~ \"*as*\"", 1 },
	{ "comm ~ \"b?sh\"", 1 }, { "comm ~ \"[abc]ash\"", 1 }, { "comm ~ \"[!b]ash\"", 0 },
	{ "comm ~ \"!ba*\"", 0 }, { "comm ~ \"!zz*\"", 1 }, { "comm ~ \"*\"", 1 },
	{ "name == \"bash\"", 1 }, { "name ~ \"b*\"", 1 }, { "name ~ \"*a*\"", 1 },
	{ "name ~ \"b*h\"", 1 }, { "name != 'sh'", 1 },
	{ "path == \"/etc/hostname\"", 1 }, { "path == \"/etc/host\"", 0 },
	{ "path ~ \"*name\"", 1 }, { "path ~ \"/etc/*\"", 1 }, { "path ~ \"*tc/h*\"", 1 },
	{ "path ~ \"/e?c/*\"", 1 }, { "path ~ \"*.conf\"", 0 }, { "path != \"/etc\"", 1 },
	{ "rpath == \"sshd\"", 1 }, { "rpath ~ \"*hd\"", 1 },
	{ "ptr == \"kernel-name\"", 1 }, { "ptr ~ \"kernel*\"", 1 },
	{ "ptr.ustring ~ \"*secret\"", 1 }, { "ptr.ustring == \"kernel-name\"", 0 },
	/* precedence: && binds tighter than || */
	{ "u8v == 200 || u8v == 1 && u8v == 2", 1 },
	{ "(u8v == 200 || u8v == 1) && u8v == 2", 0 },
	{ "u8v == 1 && u8v == 2 || u8v == 200", 1 },
	{ "u8v == 1 && (u8v == 2 || u8v == 200)", 0 },
	{ "u8v == 1 || u8v == 2 || s8v == -5", 1 },
	{ "u8v == 200 && s8v == -5 && cpu == 1", 1 },
	{ "u8v == 200 && s8v == -5 && cpu == 0", 0 },
	/* '!' */
	{ "!u8v == 200", 0 }, { "!!u8v == 200", 1 }, { "!(u8v == 200)", 0 },
	{ "!(u8v == 1 || s8v == -5)", 0 }, { "!(u8v == 1 && s8v == -5)", 1 },
	{ "!(u8v == 1) && !(s8v == 1)", 1 }, { "!(!(u8v == 200) || u8v == 1)", 1 },
	{ "u8v == 1 || !(s8v == -5 && !(cpu == 1))", 1 },
	{ "!(u8v == 200 && !(u16v == 1 || s8v == -5))", 1 },
	{ "((((u8v == 200))))", 1 }, { "( u8v == 200 ) && ( s8v == -5 )", 1 },
	/* a trailing operator is ignored, as in Linux */
	{ "u8v == 200 &&", 1 }, { "u8v == 1 ||", 0 }, { "u8v == 200 && !", 1 },
	/* spacing */
	{ "u8v==200&&s8v==-5", 1 }, { "\tu8v\t==\t200\t", 1 }, { "u8v==200||u8v==1", 1 },
};

static void test_evaluation(void)
{
	reset_record();
	for (size_t i = 0; i < sizeof(eval_cases) / sizeof(eval_cases[0]); i++) {
		int m = eval(eval_cases[i].expr);

		if (m != eval_cases[i].match)
			fprintf(stderr, "eval \"%s\" = %d\n", eval_cases[i].expr, m);
		EXPECT_EQ(m, eval_cases[i].match);
	}
}

static void test_string_edges(void)
{
	uint32_t loc;

	reset_record();
	/* a __data_loc pointing outside the record never matches */
	loc = 10u << 16 | (REC_SIZE - 2);
	put(OFF_PATH, &loc, 4);
	EXPECT_EQ(eval("path ~ \"*\""), 0);
	/* a faulting pointer never matches, even with != */
	kernel_string = NULL;
	EXPECT_EQ(eval("ptr != \"x\""), 0);
	user_string = NULL;
	EXPECT_EQ(eval("ptr.ustring == \"x\""), 0);
	/* a static string without NUL: glob on a bounded copy */
	reset_record();
	memcpy(rec + OFF_NAME, "abcdefgh", 8);
	EXPECT_EQ(eval("name ~ \"a*h\""), 1);
	EXPECT_EQ(eval("name ~ \"?bcdefgh\""), 1);
	/* comm longer than TASK_COMM_LEN - 1 is cut there */
	ctx.comm = "a-very-long-command-name";
	EXPECT_EQ(eval("comm == \"a-very-long-com\""), 1);
	reset_record();
}

static void test_evaluation_is_reusable(void)
{
	struct filter_parse_error pe;
	struct event_filter *f;
	uint8_t v;
	int hits = 0;

	reset_record();
	EXPECT_EQ(create_event_filter(&test_event, "u8v > 100 && u8v & 1", &f, &pe), 0);
	for (int i = 0; i < 256; i++) {
		v = i;
		put(OFF_U8, &v, 1);
		hits += filter_match(f, rec, &ctx);
	}
	EXPECT_EQ(hits, 78);		/* odd numbers from 101 to 255 */
	free_event_filter(f);
	reset_record();
}

static void test_group(void)
{
	static const struct filter_field only_a[] = { { "a", "u32", 8, 4, false } };
	static const struct filter_field only_b[] = { { "b", "u32", 8, 4, false } };
	const struct filter_event ev_a = { .fields = only_a, .nr_fields = 1 };
	const struct filter_event ev_b = { .fields = only_b, .nr_fields = 1 };
	struct filter_group_member m[2] = { { .event = &ev_a }, { .event = &ev_b } };
	struct filter_parse_error pe;
	struct event_filter *sys;
	char buf[64], out[512];
	int ret;

	/* Linux 6.1: both replaced, the event without the field shows the group message */
	snprintf(buf, sizeof(buf), "a == 1\n");
	ret = filter_apply_group(buf, m, 2, FILTER_GROUP_LINUX, &sys, &pe);
	EXPECT_EQ(ret, 0);
	EXPECT_TRUE(sys == NULL);
	filter_print_subsystem(sys, out, sizeof(out));
	EXPECT_STREQ(out, "### global filter ###\n"
		     "# Use this to set filters for multiple events.\n"
		     "# Only events with the given fields will be affected.\n"
		     "# If no events are modified, an error message will be displayed here\n");
	EXPECT_TRUE(m[0].replace && filter_is_active(m[0].filter) && m[0].ret == 0);
	EXPECT_TRUE(m[1].replace && !filter_is_active(m[1].filter));
	EXPECT_EQ(m[1].ret, -22);
	EXPECT_EQ(m[1].pe.lasterr, FILT_ERR_BAD_SUBSYS_FILTER);
	EXPECT_EQ(m[1].pe.lasterr_pos, 0);
	filter_print(m[1].filter, out, sizeof(out));
	EXPECT_STREQ(out, "a == 1\n^\nparse_error: "
		     "Couldn't find or set field in one of a subsystem's events\n\n");
	filter_format_error_log(out, sizeof(out), 0, buf, &m[1].pe);
	EXPECT_STREQ(out, "[    0.000000] event filter parse error: error: "
		     "Couldn't find or set field in one of a subsystem's events\n"
		     "  Command: a == 1\n           ^\n");
	free_event_filter(m[0].filter);
	free_event_filter(m[1].filter);

	/* keep-old mode: the event without the field is left alone */
	snprintf(buf, sizeof(buf), "a == 1");
	ret = filter_apply_group(buf, m, 2, FILTER_GROUP_KEEP_OLD, &sys, &pe);
	EXPECT_EQ(ret, 0);
	EXPECT_TRUE(m[0].replace && !m[1].replace && m[1].filter == NULL);
	free_event_filter(m[0].filter);

	/* keep-old mode, nobody accepts: the group write fails */
	snprintf(buf, sizeof(buf), "c == 1");
	ret = filter_apply_group(buf, m, 2, FILTER_GROUP_KEEP_OLD, &sys, &pe);
	EXPECT_EQ(ret, -22);
	EXPECT_EQ(pe.lasterr, FILT_ERR_BAD_SUBSYS_FILTER);
	EXPECT_TRUE(!m[0].replace && !m[1].replace);
	filter_print_subsystem(sys, out, sizeof(out));
	EXPECT_STREQ(out, "c == 1\n^\nparse_error: "
		     "Couldn't find or set field in one of a subsystem's events\n\n");
	free_event_filter(sys);

	/* "0" clears all */
	snprintf(buf, sizeof(buf), "0\n");
	EXPECT_EQ(filter_apply_group(buf, m, 2, FILTER_GROUP_LINUX, &sys, &pe), 0);
	EXPECT_TRUE(m[0].replace && m[1].replace && !m[0].filter && !m[1].filter && !sys);

	EXPECT_EQ(filter_apply_group(buf, m, 0, FILTER_GROUP_LINUX, &sys, &pe), -19);
}

/*
 * Random trees of predicates with known truth values, printed with random '!' and
 * parentheses only where precedence needs them (or at random), compiled, and compared with
 * a direct evaluation of the tree.
 */
static const char *const true_preds[] = { "u8v == 200", "s8v < 0", "cpu == 1",
					   "comm ~ \"b*\"", "u32v & 1" };
static const char *const false_preds[] = { "u8v == 1", "s8v > 0", "cpu != 1",
					    "comm == \"sh\"", "u32v & 2" };

static unsigned int rng_state = 12345;

static unsigned int rnd(unsigned int n)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return (rng_state >> 16) % n;
}

/* Emit a random expression of the given precedence level; return its truth value. */
static bool gen(char *out, size_t size, int depth, int level)
{
	size_t len = strlen(out);
	int kind = depth ? rnd(4) : 0;	/* 0 leaf, 1 and, 2 or, 3 not */
	bool v, paren;

	if (kind == 0) {
		bool t = rnd(2);

		snprintf(out + len, size - len, "%s",
			 t ? true_preds[rnd(5)] : false_preds[rnd(5)]);
		return t;
	}
	if (kind == 3) {
		snprintf(out + len, size - len, "!(");
		v = !gen(out, size, depth - 1, 0);
		strncat(out, ")", size - strlen(out) - 1);
		return v;
	}
	/* level 0: anything, 1: inside && (an || needs parentheses) */
	paren = (kind == 2 && level == 1) || rnd(4) == 0;
	if (paren)
		strncat(out, "(", size - strlen(out) - 1);
	if (kind == 1) {
		bool a = gen(out, size, depth - 1, 1);

		strncat(out, rnd(2) ? " && " : "&&", size - strlen(out) - 1);
		v = gen(out, size, depth - 1, 1) && a;
	} else {
		bool a = gen(out, size, depth - 1, paren ? 0 : level);

		strncat(out, " || ", size - strlen(out) - 1);
		v = gen(out, size, depth - 1, paren ? 0 : level) || a;
	}
	if (paren)
		strncat(out, ")", size - strlen(out) - 1);
	return v;
}

static void test_random_trees(void)
{
	char expr[8192];

	reset_record();
	for (int i = 0; i < 3000; i++) {
		bool want;
		int got;

		expr[0] = '\0';
		want = gen(expr, sizeof(expr), 1 + rnd(6), 0);
		got = eval(expr);
		if (got != want)
			fprintf(stderr, "random: \"%s\" = %d, want %d\n", expr, got, want);
		EXPECT_EQ(got, want);
	}
}

UNIT_TEST_MAIN(UNIT_CASE(test_messages), UNIT_CASE(test_error_positions),
	       UNIT_CASE(test_operand_too_long_string), UNIT_CASE(test_filter_file_rendering),
	       UNIT_CASE(test_error_log_entry), UNIT_CASE(test_evaluation),
	       UNIT_CASE(test_string_edges), UNIT_CASE(test_evaluation_is_reusable),
	       UNIT_CASE(test_group), UNIT_CASE(test_random_trees))
