// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fuzz target for kprobe_events: the input is one write. Every line is parsed; a rejection
 * must say why (an error ID, or one of Linux's silent EINVAL cases) with the caret inside
 * the command or one past it. An accepted probe is checked, run against registers and
 * memory that all fault, printed, described (format file, read-back), and its read-back
 * line must parse again into the same layout.
 *
 *   clang -fsanitize=fuzzer,address,undefined ... (see tests/unit/probe_fuzz_replay.mk)
 * A plain build replays tests/unit/fuzz/corpus/probe_parse/ through probe_fuzz_replay.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "../../../kernel/trace/trace_probe.h"

static struct probe_spec spec, again;
static struct probe_log plog;
static unsigned long fuzz_regs[21];
static char text[1 << 16];
static unsigned char rec[1 << 15];

static int fuzz_lookup(void *priv, const char *name, unsigned long *addr)
{
	if (name[0] == 'n')
		return -ENOENT;
	*addr = 0xffffffff81000000UL + strlen(name);
	return 0;
}

static int fuzz_read(void *priv, void *dst, unsigned long src, size_t len)
{
	return -EFAULT;
}

static const char *fuzz_comm(void *priv)
{
	return "fuzz";
}

static const struct probe_sym_ops fuzz_sym_ops = { .lookup = fuzz_lookup };
static const struct probe_fetch_ops fuzz_fetch_ops = {
	.read_kernel = fuzz_read, .read_user = fuzz_read, .comm = fuzz_comm,
};

/* A generated name keeps whatever the symbol had (Linux only maps ':' and '.') */
static int good_name(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_' ||
		      (*s >= '0' && *s <= '9')))
			return 0;
	return 1;
}

static void exercise(void)
{
	struct probe_fetch_ctx ctx = { .ops = &fuzz_fetch_ops, .regs = fuzz_regs, .ip = 1 };
	ssize_t size;
	int n;

	if (spec.kind != PROBE_KIND_KPROBE && spec.kind != PROBE_KIND_KRETPROBE)
		return;
	if (probe_check(&spec, &fuzz_sym_ops, &plog)) {
		if (plog.err == PROBE_ERR_NONE)
			abort();
		return;
	}
	size = probe_record_size(&spec, &ctx);
	if (size < (ssize_t)spec.fixed_size)
		abort();
	if ((size_t)size <= sizeof(rec) &&
	    probe_record_fill(&spec, &ctx, rec, size) != size)
		abort();
	if ((size_t)size <= sizeof(rec))
		probe_print_record(&spec, spec.event, rec, size, &ctx, true, text, sizeof(text));
	probe_format_text(&spec, spec.event, 1, text, sizeof(text));
	n = probe_readback_line(&spec, spec.group, spec.event, 10, text, sizeof(text));
	if (n <= 0 || (size_t)n >= sizeof(text) || spec.sym_too_long || !good_name(spec.event))
		return;
	text[n - 1] = '\0';
	if (probe_parse_line(text, &again, &plog) || again.kind != spec.kind ||
	    again.nargs != spec.nargs || again.fixed_size != spec.fixed_size ||
	    strcmp(again.event, spec.event) || strcmp(again.group, spec.group))
		abort();
}

static int one_line(void *ctx, char *line)
{
	int ret = probe_parse_line(line, &spec, &plog);

	if (ret) {
		if (ret != -EINVAL || (plog.err == PROBE_ERR_NONE && !plog.silent))
			abort();	/* every rejection says why in error_log */
		if (plog.err != PROBE_ERR_NONE) {
			if (plog.pos > strlen(plog.cmd) + 1)
				abort();
			probe_log_format(&plog, 123456789, text, sizeof(text));
		}
		return 0;
	}
	exercise();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size ? size : 1);	/* ASan flags any read past its end */

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	probe_run_lines(buf, size, one_line, NULL);
	free(buf);
	return 0;
}
