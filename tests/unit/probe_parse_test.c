// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of kernel/trace/probe_parse.c: every kprobe error ID with its exact caret
 * column (Linux 6.1's error_log examples reproduced byte for byte), MAXACTIVE, default event
 * names, fetch-argument compilation, symbol checks, multiprobe and delete matching, and the
 * splitting of a write into lines.
 */
#include <errno.h>
#include "unit.h"
#include "../../kernel/trace/trace_probe.h"

static struct probe_spec spec;
static struct probe_log plog;

static int parse(const char *line)
{
	return probe_parse_line(line, &spec, &plog);
}

/* Parse @line and expect rejection @id with the caret at column @pos. */
#define EXPECT_ERR(line, id, col) do {						\
	EXPECT_EQ(parse(line), -EINVAL);					\
	EXPECT_EQ(plog.err, PROBE_ERR_##id);					\
	EXPECT_EQ(plog.pos, (col));						\
} while (0)

#define EXPECT_SILENT(line) do {						\
	EXPECT_EQ(parse(line), -EINVAL);					\
	EXPECT_EQ(plog.err, PROBE_ERR_NONE);					\
	EXPECT_TRUE(plog.silent);						\
} while (0)

static int fake_lookup(void *priv, const char *name, unsigned long *addr)
{
	if (!strcmp(name, "vfs_read")) {
		*addr = 0xffffffff81200000UL;
		return 0;
	}
	if (!strcmp(name, "jiffies")) {
		*addr = 0xffffffff82000000UL;
		return 0;
	}
	if (!strcmp(name, "dup_sym"))
		return -EADDRNOTAVAIL;
	if (!strcmp(name, "mymod:mod_fn")) {
		*addr = 0xffffffffa0000000UL;
		return 0;
	}
	return -ENOENT;
}

static bool fake_module_loaded(void *priv, const char *mod)
{
	return !strcmp(mod, "mymod");
}

static int fake_check_addr(void *priv, unsigned long addr)
{
	if (addr == 0xffffffff81200001UL)
		return -EILSEQ;
	if (addr == 0xffffffff81200002UL)
		return -EINVAL;
	return 0;
}

static const struct probe_sym_ops fake_sym_ops = {
	.lookup		= fake_lookup,
	.module_loaded	= fake_module_loaded,
	.check_addr	= fake_check_addr,
};

static void test_linux_error_log_examples(void)
{
	static struct probe_spec old;
	const struct probe_spec *probes[1] = { &old };
	char buf[512];

	EXPECT_EQ(parse("p:bad nosuchsym"), 0);
	EXPECT_EQ(probe_check(&spec, &fake_sym_ops, &plog), -ENOENT);
	probe_log_format(&plog, 56131469000ULL, buf, sizeof(buf));
	EXPECT_STREQ(buf, "[   56.131469] trace_kprobe: error: Invalid probed address or symbol\n"
			  "  Command: p:bad nosuchsym\n"
			  "                 ^\n");

	EXPECT_ERR("p:bad2   vfs_read\t+0(%zz):u32", BAD_REG_NAME, 19);
	probe_log_format(&plog, 56134737000ULL, buf, sizeof(buf));
	EXPECT_STREQ(buf, "[   56.134737] trace_kprobe: error: Invalid register name\n"
			  "  Command: p:bad2 vfs_read +0(%zz):u32\n"
			  "                              ^\n");

	EXPECT_ERR("p:bad4 vfs_read x=+0($arg1):nosuchtype", BAD_TYPE, 28);
	probe_log_format(&plog, 56141599000ULL, buf, sizeof(buf));
	EXPECT_STREQ(buf, "[   56.141599] trace_kprobe: error: Unknown type is specified\n"
			  "  Command: p:bad4 vfs_read x=+0($arg1):nosuchtype\n"
			  "                                       ^\n");

	EXPECT_EQ(probe_parse_line("p:ex_open vfs_read fname=+0($arg2):ustring", &old, &plog), 0);
	EXPECT_EQ(parse("p:ex_open vfs_read"), 0);
	EXPECT_EQ(probe_check_append(&spec, probes, 1, &plog), -EEXIST);
	EXPECT_EQ(plog.err, PROBE_ERR_DIFF_ARG_TYPE);
	EXPECT_EQ(plog.pos, 19);
	probe_log_format(&plog, 56143377000ULL, buf, sizeof(buf));
	EXPECT_STREQ(buf, "[   56.143377] trace_kprobe: error: Argument type or name is different from existing probe\n"
			  "  Command: p:ex_open vfs_read\n"
			  "                              ^\n");
	/* the caret line is 13 + pos bytes with "^\n" */
	EXPECT_EQ(strlen(strstr(buf, "vfs_read\n") + 9), 13 + 19);
}

static void test_error_messages(void)
{
	EXPECT_STREQ(probe_err_text(PROBE_ERR_BAD_VAR), "Invalid $-variable specified");
	EXPECT_STREQ(probe_err_text(PROBE_ERR_IMMSTR_NO_CLOSE), "String is not closed with '\"'");
	EXPECT_STREQ(probe_err_text(PROBE_ERR_BAD_RETPROBE),
		     "Retprobe address must be an function entry");
	EXPECT_STREQ(probe_err_text(PROBE_ERR_SAME_PROBE),
		     "There is already the exact same probe event");
	EXPECT_STREQ(probe_err_text(PROBE_ERR_NO_EP_FILTER), "No filter rule after 'if'");
	EXPECT_STREQ(probe_err_text(PROBE_ERR_MAX), "");
}

static void test_maxactive(void)
{
	EXPECT_ERR("p100 vfs_read", MAXACT_NO_KPROBE, 1);
	EXPECT_ERR("p1:ev vfs_read", MAXACT_NO_KPROBE, 1);
	EXPECT_ERR("r0 vfs_read", BAD_MAXACT, 1);
	EXPECT_ERR("r1a:ev vfs_read", BAD_MAXACT, 1);
	EXPECT_ERR("r5000 vfs_read", MAXACT_TOO_BIG, 1);
	EXPECT_ERR("r4097:x vfs_read", MAXACT_TOO_BIG, 1);
	EXPECT_EQ(parse("r4096:x vfs_read"), 0);
	EXPECT_EQ(spec.maxactive, 4096);
	EXPECT_EQ(parse("r0x10 vfs_read"), 0);
	EXPECT_EQ(spec.maxactive, 16);
	EXPECT_EQ(parse("r:x vfs_read"), 0);
	EXPECT_EQ(spec.maxactive, 0);
	EXPECT_EQ(spec.kind, PROBE_KIND_KRETPROBE);
}

static void test_location_errors(void)
{
	EXPECT_ERR("p vfs_read+xyz", BAD_PROBE_ADDR, 2);
	EXPECT_ERR("p:x hoge-fuga", BAD_PROBE_ADDR, 4);
	EXPECT_ERR("p a+1000-1000", BAD_PROBE_ADDR, 2);
	EXPECT_ERR("p vfs_read-8", BAD_PROBE_ADDR, 2);
	EXPECT_ERR("p vfs_read+4294967296", BAD_PROBE_ADDR, 2);
	EXPECT_EQ(parse("p vfs_read+4294967295"), 0);
	EXPECT_EQ(spec.offset, 4294967295UL);
	EXPECT_ERR("r vfs_read+8", BAD_RETPROBE, 2);
	EXPECT_ERR("p:x vfs_read+8%return", BAD_RETPROBE, 4);
	EXPECT_ERR("p vfs_read%ret", BAD_ADDR_SUFFIX, 10);
	EXPECT_ERR("p vfs_read%returnx", BAD_ADDR_SUFFIX, 10);
	EXPECT_EQ(parse("p vfs_read+0x10"), 0);
	EXPECT_EQ(spec.offset, 16);
	EXPECT_STREQ(spec.symbol, "vfs_read");
	EXPECT_EQ(spec.fentry, false);
	EXPECT_EQ(parse("p 0xffffffff81000000"), 0);
	EXPECT_EQ(spec.has_symbol, false);
	EXPECT_EQ(spec.addr, 0xffffffff81000000UL);
	EXPECT_EQ(parse("p vfs_read+0%return"), 0);
	EXPECT_EQ(spec.kind, PROBE_KIND_KRETPROBE);
}

static void test_event_name_errors(void)
{
	char line[256];

	EXPECT_ERR("p:/bar vfs_read", NO_GROUP_NAME, 2);
	EXPECT_ERR("p: vfs_read", NO_EVENT_NAME, 2);
	EXPECT_ERR("r10: vfs_read", NO_EVENT_NAME, 4);
	EXPECT_ERR("p:1grp/ev vfs_read", BAD_GROUP_NAME, 2);
	EXPECT_ERR("p:grp/1ev vfs_read", BAD_EVENT_NAME, 6);
	EXPECT_ERR("p:ev-x vfs_read", BAD_EVENT_NAME, 2);
	EXPECT_ERR("p:grp.x/ev vfs_read", BAD_GROUP_NAME, 2);
	snprintf(line, sizeof(line), "p:%s/ev vfs_read", "g123456789012345678901234567890123456789012345678901234567890123");
	EXPECT_ERR(line, GROUP_TOO_LONG, 2);
	snprintf(line, sizeof(line), "p:%s/ev vfs_read", "g12345678901234567890123456789012345678901234567890123456789012");
	EXPECT_EQ(parse(line), 0);
	snprintf(line, sizeof(line), "p:g/%s vfs_read", "e123456789012345678901234567890123456789012345678901234567890123");
	EXPECT_ERR(line, EVENT_TOO_LONG, 4);
	snprintf(line, sizeof(line), "p:g/%s vfs_read", "e12345678901234567890123456789012345678901234567890123456789012");
	EXPECT_EQ(parse(line), 0);
	EXPECT_EQ(strlen(spec.event), 63);
	EXPECT_EQ(parse("p:mygrp/ vfs_read"), 0);
	EXPECT_STREQ(spec.group, "mygrp");
	EXPECT_STREQ(spec.event, "p_vfs_read_0");
	EXPECT_EQ(parse("p:myev vfs_read"), 0);
	EXPECT_STREQ(spec.group, "kprobes");
	EXPECT_STREQ(spec.event, "myev");
}

static void test_default_names(void)
{
	EXPECT_EQ(parse("p vfs_read"), 0);
	EXPECT_STREQ(spec.event, "p_vfs_read_0");
	EXPECT_STREQ(spec.group, "kprobes");
	EXPECT_EQ(parse("r vfs_read"), 0);
	EXPECT_STREQ(spec.event, "r_vfs_read_0");
	EXPECT_EQ(parse("p vfs_read+16"), 0);
	EXPECT_STREQ(spec.event, "p_vfs_read_16");
	EXPECT_EQ(parse("p foo.isra.0"), 0);
	EXPECT_STREQ(spec.event, "p_foo_isra_0_0");
	EXPECT_EQ(parse("p trace_printk:trace_printk_irq_work"), 0);
	EXPECT_STREQ(spec.event, "p_trace_printk_trace_printk_irq_work_0");
	EXPECT_EQ(parse("p vfs_read%return"), 0);
	EXPECT_STREQ(spec.event, "r_vfs_read_0");
	EXPECT_EQ(parse("p 0xffffffff81000000"), 0);
	EXPECT_STREQ(spec.event, "p_0xffffffff81000000");
	EXPECT_EQ(parse("r 4096"), 0);
	EXPECT_STREQ(spec.event, "r_0x0000000000001000");
	EXPECT_EQ(parse("p a_very_long_symbol_name_that_goes_on_and_on_and_on_beyond_sixty_three"), 0);
	EXPECT_EQ(strlen(spec.event), 63);
	EXPECT_STREQ(spec.event, "p_a_very_long_symbol_name_that_goes_on_and_on_and_on_beyond_six");
}

static void test_var_errors(void)
{
	EXPECT_ERR("p vfs_read $retval", RETVAL_ON_PROBE, 11);
	EXPECT_ERR("p vfs_read x=$stack2049", BAD_STACK_NUM, 13);
	EXPECT_EQ(parse("p vfs_read $stack2048 $stack $stack0"), 0);
	EXPECT_ERR("p vfs_read $stackp", BAD_VAR, 11);
	EXPECT_ERR("p vfs_read $stack0x1", BAD_VAR, 11);
	EXPECT_ERR("p vfs_read $arg0", BAD_ARG_NUM, 11);
	EXPECT_ERR("p vfs_read $arg2049", BAD_ARG_NUM, 11);
	EXPECT_ERR("p vfs_read $argx", BAD_VAR, 11);
	EXPECT_ERR("p vfs_read+4 $arg1", BAD_VAR, 13);
	EXPECT_ERR("r vfs_read $arg1", BAD_VAR, 11);
	EXPECT_ERR("p 0x1000 a=$arg1", BAD_VAR, 11);
	EXPECT_ERR("p vfs_read $foo", BAD_VAR, 11);
	EXPECT_EQ(parse("r vfs_read $retval $comm $COMM"), 0);
	EXPECT_EQ(parse("p vfs_read $arg1 $arg7 $arg2048"), 0);
}

static void test_fetch_errors(void)
{
	EXPECT_ERR("p vfs_read %zz", BAD_REG_NAME, 11);
	EXPECT_ERR("p vfs_read %rax", BAD_REG_NAME, 11);
	EXPECT_ERR("p vfs_read %eax", BAD_REG_NAME, 11);
	EXPECT_ERR("p vfs_read x=@0xzz", BAD_MEM_ADDR, 13);
	EXPECT_ERR("p vfs_read @+10", FILE_ON_KPROBE, 11);
	EXPECT_ERR("p vfs_read \\xyz", BAD_IMM, 12);
	EXPECT_ERR("p vfs_read x=\\", BAD_IMM, 14);
	EXPECT_ERR("p vfs_read s=\\\"abc", IMMSTR_NO_CLOSE, 18);
	EXPECT_ERR("p vfs_read +0", DEREF_NEED_BRACE, 11);
	EXPECT_ERR("p vfs_read x=+a(%di)", BAD_DEREF_OFFS, 13);
	EXPECT_ERR("p vfs_read +0(%di", DEREF_OPEN_BRACE, 17);
	EXPECT_ERR("p vfs_read +8(+0(%di)", DEREF_OPEN_BRACE, 20);
	EXPECT_ERR("p vfs_read +0($comm)", COMM_CANT_DEREF, 14);
	EXPECT_ERR("p vfs_read -8(\\\"ab\")", COMM_CANT_DEREF, 14);
	EXPECT_ERR("p vfs_read +0(%zz)", BAD_REG_NAME, 14);
	EXPECT_ERR("p vfs_read -8(%zz)", BAD_REG_NAME, 14);
	/* Linux's arithmetic puts a user dereference's inner caret on the '(' */
	EXPECT_ERR("p vfs_read -u8(%zz)", BAD_REG_NAME, 14);
	EXPECT_ERR("p vfs_read +u8(%zz)", BAD_REG_NAME, 14);
	EXPECT_ERR("p vfs_read foo", BAD_FETCH_ARG, 11);
	EXPECT_ERR("p vfs_read x=+0()", BAD_FETCH_ARG, 16);
	/* 14 nested dereferences fit in 16 instructions, 15 do not */
	EXPECT_EQ(parse("p vfs_read +0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(%di))))))))))))))"), 0);
	EXPECT_EQ(spec.args[0].nops, 15);
	EXPECT_ERR("p vfs_read +0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(%di)))))))))))))))",
		   TOO_MANY_OPS, 14);
	/* a raw store needs one more instruction than an absorbed dereference */
	EXPECT_ERR("p vfs_read x=+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(@sym)))))))))))))",
		   TOO_MANY_OPS, 16);
}

static void test_type_errors(void)
{
	EXPECT_ERR("p vfs_read +0(%di):u8[4", ARRAY_NO_CLOSE, 23);
	EXPECT_ERR("p vfs_read +0(%di):u8[4]x", BAD_ARRAY_SUFFIX, 24);
	EXPECT_ERR("p vfs_read +0(%di):u8[0]", BAD_ARRAY_NUM, 22);
	EXPECT_ERR("p vfs_read +0(%di):u8[x]", BAD_ARRAY_NUM, 22);
	EXPECT_ERR("p vfs_read +0(%di):u8[65]", ARRAY_TOO_BIG, 22);
	EXPECT_EQ(parse("p vfs_read +0(%di):u8[64]"), 0);
	EXPECT_ERR("p vfs_read +0(%di):y16", BAD_TYPE, 19);
	EXPECT_ERR("p vfs_read +0(%di)::x16", BAD_TYPE, 19);
	EXPECT_ERR("p vfs_read %di:char", BAD_TYPE, 15);
	EXPECT_ERR("p vfs_read %di:string", BAD_STRING, 15);
	EXPECT_ERR("p vfs_read $stack:string", BAD_STRING, 18);
	EXPECT_ERR("p vfs_read %di:u8[2]", BAD_STRING, 15);
	EXPECT_ERR("p vfs_read +u0(%di):u8[2]", BAD_STRING, 20);
	EXPECT_ERR("p vfs_read +u0(%di):symstr", BAD_SYMSTRING, 20);
	EXPECT_ERR("p vfs_read \\1:symstr", BAD_SYMSTRING, 14);
	EXPECT_SILENT("p vfs_read $comm:symstr");
	EXPECT_ERR("p vfs_read +0(%di):b9@0/8", BAD_BITFIELD, 19);
	EXPECT_ERR("p vfs_read +0(%di):b0@0/8", BAD_BITFIELD, 19);
	EXPECT_ERR("p vfs_read +0(%di):b4@5/8", BAD_BITFIELD, 19);
	EXPECT_ERR("p vfs_read +0(%di):b4/8", BAD_BITFIELD, 19);
	EXPECT_ERR("p vfs_read +0(%di):b4@/8", BAD_BITFIELD, 19);
	EXPECT_ERR("p vfs_read +0(%di):b4@0/7", BAD_TYPE, 19);
	EXPECT_ERR("p vfs_read +0(%di):b4@0", BAD_TYPE, 19);
	EXPECT_EQ(parse("p vfs_read +0(%di):b4@4/8 %di:b3@61/64"), 0);
	EXPECT_SILENT("p vfs_read $comm:u32");
	EXPECT_SILENT("p vfs_read $comm:string[2]");
	EXPECT_SILENT("p vfs_read \\\"ab\":x8");
	EXPECT_EQ(parse("p vfs_read $comm:string \\\"ab\":string"), 0);
}

static void test_arg_name_errors(void)
{
	EXPECT_ERR("p vfs_read a23456789012345678901234567890123=%di", ARG_NAME_TOO_LONG, 11);
	EXPECT_EQ(parse("p vfs_read a2345678901234567890123456789012=%di"), 0);
	EXPECT_ERR("p vfs_read =@11", NO_ARG_NAME, 11);
	EXPECT_ERR("p vfs_read 1x=%di", BAD_ARG_NAME, 11);
	EXPECT_ERR("p vfs_read a=%di a=%si", USED_ARG_NAME, 17);
	EXPECT_ERR("p vfs_read common_pid=%di", USED_ARG_NAME, 11);
	EXPECT_ERR("p vfs_read __probe_ip=%di", USED_ARG_NAME, 11);
	EXPECT_ERR("r vfs_read __probe_ret_ip=%di", USED_ARG_NAME, 11);
	EXPECT_ERR("p vfs_read %si arg1=%di", USED_ARG_NAME, 15);
	EXPECT_ERR("p vfs_read x=+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(%di)))))))))))))))))",
		   ARG_TOO_LONG, 13);
	EXPECT_ERR("p vfs_read x=", NO_ARG_BODY, 13);
}

static void test_silent_rejections(void)
{
	EXPECT_SILENT("x vfs_read");
	EXPECT_SILENT("p");
	EXPECT_SILENT("r10:ev");
	EXPECT_SILENT("p:u /bin/sh:0x100");
	EXPECT_SILENT("-foo");
	EXPECT_SILENT("-:");
	EXPECT_SILENT(" -:foo");
	EXPECT_EQ(parse(""), 0);
	EXPECT_EQ(spec.kind, PROBE_KIND_NONE);
	EXPECT_EQ(parse("   \t # p vfs_read"), 0);
	EXPECT_EQ(spec.kind, PROBE_KIND_NONE);
}

static void test_args_compile(void)
{
	EXPECT_EQ(parse("p:myprobe do_sys_openat2 dfd=$arg1:s32 path=+0($arg2):ustring "
			"flags=+0($arg3):x32 mode=+8($arg3):u16 raw=+0($stack):x8[4] comm=$comm"),
		  0);
	EXPECT_EQ(spec.nargs, 6);
	EXPECT_EQ(spec.args[0].offset, 16);
	EXPECT_EQ(spec.args[1].offset, 20);
	EXPECT_EQ(spec.args[2].offset, 24);
	EXPECT_EQ(spec.args[3].offset, 28);
	EXPECT_EQ(spec.args[4].offset, 30);
	EXPECT_EQ(spec.args[5].offset, 34);
	EXPECT_EQ(spec.fixed_size, 38);
	EXPECT_EQ(spec.args[1].store, FETCH_ST_USTRING);
	EXPECT_EQ(spec.args[1].absorb, true);
	EXPECT_EQ(spec.args[4].count, 4);
	EXPECT_EQ(spec.args[4].store, FETCH_ST_MEM);
	EXPECT_EQ(spec.args[5].ops[0].op, FETCH_OP_COMM);
	EXPECT_STREQ(spec.args[3].text, "+8($arg3):u16");
	EXPECT_STREQ(spec.args[0].name, "dfd");
	EXPECT_EQ(parse("r vfs_read $retval"), 0);
	EXPECT_EQ(spec.args[0].offset, 24);
	EXPECT_STREQ(spec.args[0].name, "arg1");
	EXPECT_EQ(parse("p vfs_read %di %ax"), 0);
	EXPECT_EQ(spec.args[0].ops[0].op, FETCH_OP_REG);
	EXPECT_EQ(spec.args[0].ops[0].param, 112);
	EXPECT_EQ(spec.args[1].ops[0].param, 80);
	EXPECT_STREQ(spec.args[1].name, "arg2");
}

static void test_check(void)
{
	EXPECT_EQ(parse("p:x vfs_read+1"), 0);
	EXPECT_EQ(probe_check(&spec, &fake_sym_ops, &plog), -EILSEQ);
	EXPECT_EQ(plog.err, PROBE_ERR_BAD_INSN_BNDRY);
	EXPECT_EQ(plog.pos, 4);
	EXPECT_EQ(parse("p:x vfs_read+2"), 0);
	EXPECT_EQ(probe_check(&spec, &fake_sym_ops, &plog), -EINVAL);
	EXPECT_EQ(plog.err, PROBE_ERR_FAIL_REG_PROBE);
	EXPECT_EQ(parse("p:x dup_sym"), 0);
	EXPECT_EQ(probe_check(&spec, &fake_sym_ops, &plog), -EADDRNOTAVAIL);
	EXPECT_EQ(plog.err, PROBE_ERR_NON_UNIQ_SYMBOL);
	EXPECT_EQ(parse("p:x vfs_read v=@jiffies+8 w=@nosuch"), 0);
	EXPECT_EQ(probe_check(&spec, &fake_sym_ops, &plog), -ENOENT);
	EXPECT_EQ(plog.err, PROBE_ERR_BAD_PROBE_ADDR);
	EXPECT_EQ(plog.pos, 4);
	EXPECT_EQ(parse("p:x vfs_read v=@jiffies+8 w=@jiffies-8:u32"), 0);
	EXPECT_EQ(probe_check(&spec, &fake_sym_ops, &plog), 0);
	EXPECT_EQ(spec.addr, 0xffffffff81200000UL);
	EXPECT_EQ(spec.args[0].ops[0].imm, 0xffffffff82000008UL);
	EXPECT_EQ(spec.args[1].ops[0].imm, 0xffffffff81fffff8UL);
	/* an unloaded module's probe waits for it; a loaded one resolves */
	EXPECT_EQ(parse("p:x othermod:fn"), 0);
	EXPECT_EQ(probe_check(&spec, &fake_sym_ops, &plog), 0);
	EXPECT_EQ(spec.deferred, true);
	EXPECT_EQ(parse("p:x mymod:mod_fn"), 0);
	EXPECT_EQ(probe_check(&spec, &fake_sym_ops, &plog), 0);
	EXPECT_EQ(spec.deferred, false);
	EXPECT_EQ(spec.addr, 0xffffffffa0000000UL);
	/* "+0%return" names the empty symbol, which nothing can resolve (fuzzer find) */
	EXPECT_EQ(parse("r:b +0%return"), 0);
	EXPECT_STREQ(spec.symbol, "");
	EXPECT_EQ(probe_check(&spec, &fake_sym_ops, &plog), -ENOENT);
	EXPECT_EQ(plog.err, PROBE_ERR_BAD_PROBE_ADDR);
	EXPECT_EQ(plog.pos, 4);
	/* $argN on an unknown symbol: Linux cannot prove a function entry */
	EXPECT_EQ(parse("p:x nosuch a=%di b=$arg1"), 0);
	EXPECT_EQ(probe_check(&spec, &fake_sym_ops, &plog), -EINVAL);
	EXPECT_EQ(plog.err, PROBE_ERR_BAD_VAR);
	EXPECT_EQ(plog.pos, 19);
}

static void test_multiprobe(void)
{
	static struct probe_spec a, b;
	const struct probe_spec *probes[2] = { &a, &b };

	EXPECT_EQ(probe_parse_line("p:ev vfs_read x=%di:u32 s=+0(%si):string", &a, &plog), 0);
	EXPECT_EQ(probe_parse_line("p:ev vfs_write x=%di:u32 s=+0(%si):string", &b, &plog), 0);

	EXPECT_EQ(parse("r:ev vfs_open x=%di:u32 s=+0(%si):string"), 0);
	EXPECT_EQ(probe_check_append(&spec, probes, 2, &plog), -EEXIST);
	EXPECT_EQ(plog.err, PROBE_ERR_DIFF_PROBE_TYPE);
	EXPECT_EQ(plog.pos, 0);

	EXPECT_EQ(parse("p:ev vfs_open x=%di:x32 s=+0(%si):string"), 0);
	EXPECT_EQ(probe_check_append(&spec, probes, 2, &plog), -EEXIST);
	EXPECT_EQ(plog.err, PROBE_ERR_DIFF_ARG_TYPE);
	EXPECT_EQ(plog.pos, 14);

	EXPECT_EQ(parse("p:ev vfs_open x=%di:u32 t=+0(%si):string"), 0);
	EXPECT_EQ(probe_check_append(&spec, probes, 2, &plog), -EEXIST);
	EXPECT_EQ(plog.pos, 24);

	EXPECT_EQ(parse("p:ev vfs_open x=%di:u32 s=+0(%si):string extra=%dx"), 0);
	EXPECT_EQ(probe_check_append(&spec, probes, 2, &plog), -EEXIST);
	EXPECT_EQ(plog.err, PROBE_ERR_DIFF_ARG_TYPE);
	EXPECT_EQ(plog.pos, 41);

	/* a bitfield's type is its container's */
	EXPECT_EQ(parse("p:ev vfs_open x=%di:b3@1/32 s=+8(%si):string"), 0);
	EXPECT_EQ(probe_check_append(&spec, probes, 2, &plog), 0);

	EXPECT_EQ(parse("p:ev vfs_write x=%di:u32 s=+0(%si):string"), 0);
	EXPECT_EQ(probe_check_append(&spec, probes, 2, &plog), -EEXIST);
	EXPECT_EQ(plog.err, PROBE_ERR_SAME_PROBE);
	EXPECT_EQ(plog.pos, 0);

	EXPECT_EQ(parse("p:ev vfs_write x=%dx:u32 s=+0(%si):string"), 0);
	EXPECT_EQ(probe_check_append(&spec, probes, 2, &plog), 0);
}

static void test_delete(void)
{
	static struct probe_spec p;

	EXPECT_EQ(probe_parse_line("p:grp/ev vfs_read+8 x=%di:u32", &p, &plog), 0);
	EXPECT_EQ(parse("-:grp/ev"), 0);
	EXPECT_EQ(spec.kind, PROBE_KIND_DELETE);
	EXPECT_TRUE(probe_match_delete(&spec, &p));
	EXPECT_EQ(parse("-:ev"), 0);
	EXPECT_TRUE(probe_match_delete(&spec, &p));
	EXPECT_EQ(parse("-:grp/"), 0);
	EXPECT_TRUE(probe_match_delete(&spec, &p));
	EXPECT_EQ(parse("-:other/ev"), 0);
	EXPECT_TRUE(!probe_match_delete(&spec, &p));
	EXPECT_EQ(parse("-:ev2"), 0);
	EXPECT_TRUE(!probe_match_delete(&spec, &p));
	EXPECT_EQ(parse("-:ev vfs_read+8"), 0);
	EXPECT_TRUE(probe_match_delete(&spec, &p));
	EXPECT_EQ(parse("-:ev vfs_read+0x8"), 0);
	EXPECT_TRUE(!probe_match_delete(&spec, &p));
	EXPECT_EQ(parse("-:ev vfs_read+8 x=%di:u32"), 0);
	EXPECT_TRUE(probe_match_delete(&spec, &p));
	EXPECT_EQ(parse("-:ev vfs_read+8 x=%di"), 0);
	EXPECT_TRUE(!probe_match_delete(&spec, &p));
	EXPECT_EQ(parse("-:ev vfs_read+8 x=%di:u32 y=%si"), 0);
	EXPECT_TRUE(!probe_match_delete(&spec, &p));
}

struct lines {
	int n;
	char seen[8][64];
	int fail_at;
};

static int collect(void *ctx, char *line)
{
	struct lines *l = ctx;

	if (l->n < 8)
		snprintf(l->seen[l->n], sizeof(l->seen[0]), "%s", line);
	if (++l->n == l->fail_at)
		return -ENOENT;
	return 0;
}

static void test_run_lines(void)
{
	static char big[10000];
	struct lines l = { 0 };
	const char *w = "p:a vfs_read # c\n\nr:b vfs_read\"#\"\n-:a";

	EXPECT_EQ(probe_run_lines(w, strlen(w), collect, &l), (long)strlen(w));
	EXPECT_EQ(l.n, 4);
	EXPECT_STREQ(l.seen[0], "p:a vfs_read ");
	EXPECT_STREQ(l.seen[1], "");
	EXPECT_STREQ(l.seen[2], "r:b vfs_read\"");
	EXPECT_STREQ(l.seen[3], "-:a");

	memset(&l, 0, sizeof(l));
	l.fail_at = 2;
	EXPECT_EQ(probe_run_lines("x\ny\nz\n", 6, collect, &l), -ENOENT);
	EXPECT_EQ(l.n, 2);

	/* 4094 bytes and '\n' fit; 4095 do not, unless the line ends the write */
	memset(big, 'a', sizeof(big));
	big[4094] = '\n';
	memset(&l, 0, sizeof(l));
	EXPECT_EQ(probe_run_lines(big, 4095 + 3, collect, &l), 4098);
	EXPECT_EQ(l.n, 2);
	big[4094] = 'a';
	big[4095] = '\n';
	memset(&l, 0, sizeof(l));
	EXPECT_EQ(probe_run_lines(big, 4096 + 3, collect, &l), -EINVAL);
	EXPECT_EQ(l.n, 0);
	/* many lines across chunks */
	for (int i = 0; i < 9000; i++)
		big[i] = (i % 10 == 9) ? '\n' : 'b';
	memset(&l, 0, sizeof(l));
	EXPECT_EQ(probe_run_lines(big, 9000, collect, &l), 9000);
	EXPECT_EQ(l.n, 900);
}

UNIT_TEST_MAIN(UNIT_CASE(test_linux_error_log_examples), UNIT_CASE(test_error_messages),
	       UNIT_CASE(test_maxactive), UNIT_CASE(test_location_errors),
	       UNIT_CASE(test_event_name_errors), UNIT_CASE(test_default_names),
	       UNIT_CASE(test_var_errors), UNIT_CASE(test_fetch_errors),
	       UNIT_CASE(test_type_errors), UNIT_CASE(test_arg_name_errors),
	       UNIT_CASE(test_silent_rejections), UNIT_CASE(test_args_compile),
	       UNIT_CASE(test_check), UNIT_CASE(test_multiprobe), UNIT_CASE(test_delete),
	       UNIT_CASE(test_run_lines))
