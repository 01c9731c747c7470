// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of kernel/trace/trace_output.c against the Linux 6.1 texts that the shell
 * cases in tests/shell/tracing/ check on a running kernel (header_exact.tc,
 * header_irq_info.tc, header_record_tgid.tc, event_format.tc, trace_clock_list.tc, ...).
 */
#include <stdio.h>
#include <string.h>
#include <starling/errno.h>
#include "unit.h"
#include "../../kernel/trace/trace.h"

static char buf[8192];

static void test_header_default(void)
{
	struct trace_header_info hi = { .entries = 21, .written = 21, .nr_cpus = 2,
					.irq_info = true };
	const char *want =
		"# tracer: nop\n"
		"#\n"
		"# entries-in-buffer/entries-written: 21/21   #P:2\n"
		"#\n"
		"#                                _-----=> irqs-off/BH-disabled\n"
		"#                               / _----=> need-resched\n"
		"#                              | / _---=> hardirq/softirq\n"
		"#                              || / _--=> preempt-depth\n"
		"#                              ||| / _-=> migrate-disable\n"
		"#                              |||| /     delay\n"
		"#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n"
		"#              | |         |   |||||     |         |\n";

	EXPECT_EQ(trace_print_header(&hi, buf, sizeof(buf)), strlen(want));
	EXPECT_STREQ(buf, want);
}

static void test_header_tgid_and_noirq(void)
{
	struct trace_header_info hi = { .entries = 1, .written = 3, .nr_cpus = 4,
					.irq_info = true, .record_tgid = true };

	trace_print_header(&hi, buf, sizeof(buf));
	EXPECT_TRUE(strstr(buf, "\n#                                          _-----=> irqs-off/BH-disabled\n"));
	EXPECT_TRUE(strstr(buf, "\n#                                        |||| /     delay\n"));
	EXPECT_TRUE(strstr(buf, "\n#           TASK-PID       TGID    CPU#  |||||  TIMESTAMP  FUNCTION\n"
				"#              | |           |       |   |||||     |         |\n"));
	hi.irq_info = false;
	hi.record_tgid = false;
	trace_print_header(&hi, buf, sizeof(buf));
	EXPECT_STREQ(buf, "# tracer: nop\n#\n"
			  "# entries-in-buffer/entries-written: 1/3   #P:4\n#\n"
			  "#           TASK-PID     CPU#     TIMESTAMP  FUNCTION\n"
			  "#              | |         |         |         |\n");
}

static void test_context(void)
{
	struct trace_line_ctx c = { .comm = "init", .pid = 1, .cpu = 1, .ts = 46849193400ULL,
				    .ts_in_ns = true, .irq_info = true };

	trace_print_context(&c, buf, sizeof(buf));
	EXPECT_STREQ(buf, "            init-1       [001] .....    46.849193: ");
	c.flags = TRACE_FLAG_IRQS_OFF;
	c.comm = "cat";
	c.pid = 184;
	c.cpu = 0;
	c.ts = 55511745000ULL;
	trace_print_context(&c, buf, sizeof(buf));
	EXPECT_STREQ(buf, "             cat-184     [000] d....    55.511745: ");
	c.irq_info = false;
	trace_print_context(&c, buf, sizeof(buf));
	EXPECT_STREQ(buf, "             cat-184     [000]     55.511745: ");
	c.irq_info = true;
	c.record_tgid = true;
	trace_print_context(&c, buf, sizeof(buf));
	EXPECT_STREQ(buf, "             cat-184     (-------) [000] d....    55.511745: ");
	c.tgid = 184;
	c.ts_in_ns = false;
	c.ts = 12345;
	trace_print_context(&c, buf, sizeof(buf));
	EXPECT_STREQ(buf, "             cat-184     (    184) [000] d....        12345: ");
	/* microseconds are rounded to nearest */
	trace_print_ts(1999999600ULL, true, buf, sizeof(buf));
	EXPECT_STREQ(buf, "    2.000000");
}

static void test_lat_flags(void)
{
	char f[6];

	trace_lat_flags(0, 0, f);
	EXPECT_STREQ(f, ".....");
	trace_lat_flags(TRACE_FLAG_IRQS_OFF | TRACE_FLAG_BH_OFF | TRACE_FLAG_NEED_RESCHED |
			TRACE_FLAG_PREEMPT_RESCHED | TRACE_FLAG_NMI | TRACE_FLAG_HARDIRQ, 0x2f, f);
	EXPECT_STREQ(f, "DNZf2");
	trace_lat_flags(TRACE_FLAG_BH_OFF | TRACE_FLAG_NEED_RESCHED | TRACE_FLAG_SOFTIRQ, 1, f);
	EXPECT_STREQ(f, "bns1.");
	trace_lat_flags(TRACE_FLAG_PREEMPT_RESCHED | TRACE_FLAG_HARDIRQ | TRACE_FLAG_SOFTIRQ, 0, f);
	EXPECT_STREQ(f, ".pH..");
	trace_lat_flags(TRACE_FLAG_NMI | TRACE_FLAG_IRQS_OFF, 0, f);
	EXPECT_STREQ(f, "d.z..");
}

static void test_clocks(void)
{
	trace_clock_print(0, trace_nr_clock_descs, buf, sizeof(buf));
	EXPECT_STREQ(buf, "[local] global counter uptime perf mono mono_raw boot tai x86-tsc\n");
	trace_clock_print(1, trace_nr_clock_descs - 1, buf, sizeof(buf));
	EXPECT_STREQ(buf, "local [global] counter uptime perf mono mono_raw boot tai\n");
	EXPECT_EQ(trace_clock_find("global\n", trace_nr_clock_descs), 1);
	EXPECT_EQ(trace_clock_find("mono_raw", trace_nr_clock_descs), 6);
	EXPECT_EQ(trace_clock_find("mono", trace_nr_clock_descs), 5);
	EXPECT_EQ(trace_clock_find("x86-tsc", trace_nr_clock_descs - 1), -EINVAL);
	EXPECT_EQ(trace_clock_find("nosuchclock\n", trace_nr_clock_descs), -EINVAL);
	EXPECT_EQ(trace_clock_find("", trace_nr_clock_descs), -EINVAL);
}

static void test_options(void)
{
	unsigned long def = trace_options_default();
	bool set;

	trace_options_print(def, buf, sizeof(buf));
	EXPECT_TRUE(!strncmp(buf, "print-parent\nnosym-offset\nnosym-addr\n", 37));
	EXPECT_TRUE(strstr(buf, "\nirq-info\n"));
	EXPECT_TRUE(strstr(buf, "\nnorecord-tgid\noverwrite\n"));
	EXPECT_TRUE(strstr(buf, "\nnopause-on-trace\n"));
	EXPECT_TRUE(strstr(buf, "\nnolatency-format\n"));
	EXPECT_EQ(trace_option_parse("record-tgid\n", &set), TOPT_RECORD_TGID);
	EXPECT_TRUE(set);
	EXPECT_EQ(trace_option_parse("nooverwrite", &set), TOPT_OVERWRITE);
	EXPECT_TRUE(!set);
	EXPECT_EQ(trace_option_parse("no-such-option", &set), -EINVAL);
	EXPECT_EQ(trace_option_parse("no", &set), -EINVAL);
	EXPECT_EQ(trace_option_parse("overwrit", &set), -EINVAL);
}

static const struct filter_field switch_fields[] = {
	{ .name = "prev_comm", .type = "char[16]", .offset = 8, .size = 16, .is_signed = true },
	{ .name = "prev_pid", .type = "pid_t", .offset = 24, .size = 4, .is_signed = true },
	{ .name = "filename", .type = "__data_loc char[]", .offset = 28, .size = 4,
	  .is_signed = true },
};

static void test_format(void)
{
	struct trace_event_call call = { .system = "sched", .name = "x", .fields = switch_fields,
					 .nr_fields = 3, .print_fmt = "\"pid=%d\", REC->prev_pid" };

	trace_event_format_text(&call, 314, buf, sizeof(buf));
	EXPECT_STREQ(buf,
		"name: x\nID: 314\nformat:\n"
		"\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n"
		"\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;\n"
		"\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;\n"
		"\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n"
		"\n"
		"\tfield:char prev_comm[16];\toffset:8;\tsize:16;\tsigned:1;\n"
		"\tfield:pid_t prev_pid;\toffset:24;\tsize:4;\tsigned:1;\n"
		"\tfield:__data_loc char[] filename;\toffset:28;\tsize:4;\tsigned:1;\n"
		"\n"
		"print fmt: \"pid=%d\", REC->prev_pid\n");
	/* snprintf-style: the full length even when cut */
	EXPECT_EQ(trace_event_format_text(&call, 314, buf, 10),
		  trace_event_format_text(&call, 314, NULL, 0));
	EXPECT_EQ(strlen(buf), 9);
}

static void test_set_event(void)
{
	struct set_event_req r;
	char w[64];

	strcpy(w, "sched:sched_switch");
	EXPECT_EQ(trace_parse_set_event(w, &r), 0);
	EXPECT_TRUE(r.enable);
	EXPECT_STREQ(r.system, "sched");
	EXPECT_STREQ(r.event, "sched_switch");
	EXPECT_TRUE(trace_set_event_match(&r, "sched", "sched_switch"));
	EXPECT_TRUE(!trace_set_event_match(&r, "sched", "sched_wakeup"));
	strcpy(w, "!sched:*");
	EXPECT_EQ(trace_parse_set_event(w, &r), 0);
	EXPECT_TRUE(!r.enable);
	EXPECT_TRUE(r.event == NULL);
	EXPECT_TRUE(trace_set_event_match(&r, "sched", "sched_wakeup"));
	EXPECT_TRUE(!trace_set_event_match(&r, "raw_syscalls", "sys_enter"));
	strcpy(w, "*:sys_exit");
	EXPECT_EQ(trace_parse_set_event(w, &r), 0);
	EXPECT_TRUE(r.system == NULL);
	EXPECT_TRUE(trace_set_event_match(&r, "raw_syscalls", "sys_exit"));
	EXPECT_TRUE(!trace_set_event_match(&r, "raw_syscalls", "sys_enter"));
	strcpy(w, "sched_process_fork");
	EXPECT_EQ(trace_parse_set_event(w, &r), 0);
	EXPECT_TRUE(trace_set_event_match(&r, "sched", "sched_process_fork"));
	strcpy(w, "raw_syscalls");
	EXPECT_EQ(trace_parse_set_event(w, &r), 0);
	EXPECT_TRUE(trace_set_event_match(&r, "raw_syscalls", "sys_enter"));
	strcpy(w, "");
	EXPECT_EQ(trace_parse_set_event(w, &r), 1);
	strcpy(w, "!");
	EXPECT_EQ(trace_parse_set_event(w, &r), -EINVAL);
}

static void test_buffer_size(void)
{
	unsigned long kb[2] = { 7, 7 };

	trace_print_buffer_size(kb, 2, false, 1408, buf, sizeof(buf));
	EXPECT_STREQ(buf, "7 (expanded: 1408)\n");
	trace_print_buffer_total(kb, 2, false, 1408, buf, sizeof(buf));
	EXPECT_STREQ(buf, "14 (expanded: 2816)\n");
	kb[0] = kb[1] = 1408;
	trace_print_buffer_size(kb, 2, true, 1408, buf, sizeof(buf));
	EXPECT_STREQ(buf, "1408\n");
	kb[1] = 1024;
	trace_print_buffer_size(kb, 2, true, 1408, buf, sizeof(buf));
	EXPECT_STREQ(buf, "X\n");
	trace_print_buffer_total(kb, 2, true, 1408, buf, sizeof(buf));
	EXPECT_STREQ(buf, "2432\n");
}

static void test_stats_marker_readme(void)
{
	struct trace_cpu_stats st = { .entries = 200000, .bytes = 4000000,
				      .oldest_ts = 44439642000ULL, .now_ts = 44825159000ULL,
				      .ts_in_ns = true };
	struct { struct trace_entry e; unsigned long ip; char text[16]; } rec = {
		.text = "hello" };

	trace_print_stats(&st, buf, sizeof(buf));
	EXPECT_STREQ(buf, "entries: 200000\noverrun: 0\ncommit overrun: 0\nbytes: 4000000\n"
			  "oldest event ts:    44.439642\nnow ts:    44.825159\n"
			  "dropped events: 0\nread events: 0\n");
	st.oldest_ts = 0;
	trace_print_stats(&st, buf, sizeof(buf));
	EXPECT_TRUE(strstr(buf, "oldest event ts:     0.000000\n"));
	trace_print_marker(&rec, sizeof(rec), buf, sizeof(buf));
	EXPECT_STREQ(buf, "tracing_mark_write: hello\n");
	strcpy(rec.text, "nl\n");
	trace_print_marker(&rec, sizeof(rec), buf, sizeof(buf));
	EXPECT_STREQ(buf, "tracing_mark_write: nl\n");
	trace_readme_print(true, buf, sizeof(buf));
	EXPECT_TRUE(!strncmp(buf, "tracing mini-HOWTO:\n", 20));
	EXPECT_TRUE(strstr(buf, "\n\t           symstr, <type>\\[<array-size>\\]\n"));
	EXPECT_TRUE(strstr(buf, "\nplace (kretprobe): [<module>:]<symbol>[+<offset>]%return|<memaddr>\n"));
	EXPECT_TRUE(!strstr(buf, "<argname>"));
	trace_readme_print(false, buf, sizeof(buf));
	EXPECT_TRUE(!strstr(buf, "kprobe_events"));
}

UNIT_TEST_MAIN(UNIT_CASE(test_header_default), UNIT_CASE(test_header_tgid_and_noirq),
	       UNIT_CASE(test_context), UNIT_CASE(test_lat_flags), UNIT_CASE(test_clocks),
	       UNIT_CASE(test_options), UNIT_CASE(test_format), UNIT_CASE(test_set_event),
	       UNIT_CASE(test_buffer_size), UNIT_CASE(test_stats_marker_readme))
