// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fuzz target for the event filter compiler and evaluator. The input's first line is the
 * filter text; the rest (if any) seeds the record the compiled filter runs against.
 * Checks: a rejection always leaves an uninstalled filter with its error text, a caret
 * within the text, and a known message; an accepted filter evaluates without touching
 * anything outside the record.
 *   clang -fsanitize=fuzzer,address,undefined ... tests/unit/fuzz/filter.c
 */
#include <starling/trace_filter.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REC_SIZE 96

static const struct filter_field fuzz_fields[] = {
	{ "a", "u8", 8, 1, false },
	{ "b", "s16", 9, 2, true },
	{ "c", "u32", 11, 4, false },
	{ "d", "s64", 15, 8, true },
	{ "s", "char[8]", 23, 8, true },
	{ "path", "__data_loc char[]", 31, 4, true },
	{ "p", "char *", 35, 8, false },
	{ "r", "__rel_loc char[]", 43, 4, true },
	{ "comm", "__data_loc char[]", 47, 4, true },
};

static const struct filter_event fuzz_event = {
	.fields = fuzz_fields,
	.nr_fields = sizeof(fuzz_fields) / sizeof(fuzz_fields[0]),
};

static const char *fuzz_fetch(const struct filter_ctx *ctx, unsigned long addr, bool user,
			      unsigned int *len)
{
	static const char *const strs[] = { "bash", "", "/etc/passwd", "a*b?c[d]" };

	if (addr & 1)
		return NULL;
	*len = strlen(strs[(addr >> 1) & 3]);
	return strs[(addr >> 1) & 3];
}

static void check_failed(const char *expr, int ret, const struct event_filter *f,
			 const struct filter_parse_error *pe)
{
	size_t len = strlen(expr);
	char log[16384];

	if (!f) {
		if (ret != -12)
			abort();
		return;
	}
	if (f->prog || !f->filter_string || strncmp(f->filter_string, expr, len))
		abort();
	if (pe->lasterr < 0 || pe->lasterr >= FILT_ERR_MAX)
		abort();
	if (pe->lasterr_pos < 0 || (size_t)pe->lasterr_pos > len + 1)
		abort();
	if (pe->lasterr && !strstr(f->filter_string, filter_err_text(pe->lasterr)))
		abort();
	if (!pe->lasterr && !strstr(f->filter_string + len, "\nError: ("))
		abort();
	/* Only these are reported without a position. */
	if (!pe->lasterr && ret != -22 && ret != -1)
		abort();
	filter_format_error_log(log, sizeof(log), 123456789, expr, pe);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct filter_parse_error pe;
	struct event_filter *f;
	struct filter_ctx ctx = { .record_size = REC_SIZE, .fetch_str = fuzz_fetch };
	unsigned char rec[REC_SIZE];
	const uint8_t *nl = memchr(data, '\n', size);
	size_t elen = nl ? (size_t)(nl - data) : size;
	char *expr, *buf;
	char out[16384];
	int ret;

	if (elen > 4096)
		return 0;
	expr = malloc(elen + 1);
	memcpy(expr, data, elen);
	expr[elen] = '\0';

	memset(rec, 0, sizeof(rec));
	if (nl) {
		size_t rest = size - elen - 1;

		memcpy(rec, nl + 1, rest < sizeof(rec) ? rest : sizeof(rec));
	}
	ctx.cpu = rec[0] & 3;
	ctx.comm = (rec[1] & 1) ? "bash" : "systemd-journald-long";

	ret = create_event_filter(&fuzz_event, expr, &f, &pe);
	if (ret) {
		check_failed(expr, ret, f, &pe);
	} else {
		bool m1, m2;

		if (!f || !f->prog || strcmp(f->filter_string, expr))
			abort();
		m1 = filter_match(f, rec, &ctx);
		m2 = filter_match(f, rec, &ctx);
		if (m1 != m2)
			abort();
	}
	filter_print(f, out, sizeof(out));
	free_event_filter(f);

	/* The write path: same text plus a newline. */
	buf = malloc(elen + 2);
	memcpy(buf, expr, elen);
	buf[elen] = '\n';
	buf[elen + 1] = '\0';
	ret = filter_apply_write(&fuzz_event, buf, &f, &pe);
	if (ret && f)
		check_failed(buf, ret, f, &pe);
	free_event_filter(f);
	free(buf);
	free(expr);
	return 0;
}
