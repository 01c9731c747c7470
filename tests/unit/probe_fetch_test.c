// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of kernel/trace/probe_fetch.c and probe_print.c: each fetch argument syntax and
 * type is parsed, run against a fake x86_64 pt_regs and fake kernel/user memory, stored into
 * a record and printed; the format file of the tracing ABI's worked example is reproduced byte
 * for byte, as are read-back lines and kprobe_profile rows.
 */
#include <errno.h>
#include <stddef.h>
#include "unit.h"
#include "../../kernel/trace/trace_probe.h"

/* Linux's x86_64 struct pt_regs */
struct test_regs {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10, r9, r8;
	unsigned long ax, cx, dx, si, di, orig_ax, ip, cs, flags, sp, ss;
};
_Static_assert(offsetof(struct test_regs, di) == 112, "pt_regs layout");
_Static_assert(offsetof(struct test_regs, ss) == 160, "pt_regs layout");

struct region {
	const void	*p;
	size_t		len;
	bool		user;
};

static struct region regions[16];
static int nregions;

static void add_region(const void *p, size_t len, bool user)
{
	regions[nregions++] = (struct region){ .p = p, .len = len, .user = user };
}

static int fake_read(bool user, void *dst, unsigned long src, size_t len)
{
	for (int i = 0; i < nregions; i++) {
		unsigned long b = (unsigned long)regions[i].p;

		if (regions[i].user == user && src >= b && src + len <= b + regions[i].len &&
		    src + len >= src) {
			memcpy(dst, (const void *)src, len);
			return 0;
		}
	}
	return -EFAULT;
}

static int read_kernel(void *priv, void *dst, unsigned long src, size_t len)
{
	return fake_read(false, dst, src, len);
}

static int read_user(void *priv, void *dst, unsigned long src, size_t len)
{
	return fake_read(true, dst, src, len);
}

static const char *fake_comm(void *priv)
{
	return "cat";
}

static const struct {
	const char	*name;
	unsigned long	addr, size;
} syms[] = {
	{ "do_sys_openat2", 0xffffffff81300000UL, 0x190 },
	{ "__x64_sys_openat", 0xffffffff81300200UL, 0xa0 },
	{ "jiffies", 0xffffffff82000000UL, 8 },
};

static int fake_symbolize(void *priv, unsigned long addr, bool with_offset, char *buf,
			  size_t size)
{
	for (size_t i = 0; i < sizeof(syms) / sizeof(syms[0]); i++) {
		if (addr < syms[i].addr || addr >= syms[i].addr + syms[i].size)
			continue;
		if (with_offset)
			return snprintf(buf, size, "%s+0x%lx/0x%lx", syms[i].name,
					addr - syms[i].addr, syms[i].size);
		return snprintf(buf, size, "%s", syms[i].name);
	}
	return -1;
}

static const struct probe_fetch_ops fake_ops = {
	.read_kernel	= read_kernel,
	.read_user	= read_user,
	.comm		= fake_comm,
	.symbolize	= fake_symbolize,
};

static int fake_lookup(void *priv, const char *name, unsigned long *addr)
{
	for (size_t i = 0; i < sizeof(syms) / sizeof(syms[0]); i++) {
		if (!strcmp(name, syms[i].name)) {
			*addr = syms[i].addr;
			return 0;
		}
	}
	return -ENOENT;
}

static const struct probe_sym_ops sym_ops = { .lookup = fake_lookup };

static struct probe_spec spec;
static struct probe_log plog;
static struct test_regs regs;
static unsigned long stack[16];
static u8 rec[16384];
static char text[8192];
static struct probe_fetch_ctx ctx = {
	.ops = &fake_ops, .regs = &regs, .ip = 0xffffffff81300000UL,
};

static void reset(void)
{
	memset(&regs, 0, sizeof(regs));
	memset(stack, 0, sizeof(stack));
	nregions = 0;
	regs.sp = (unsigned long)stack;
	add_region(stack, sizeof(stack), false);
	ctx.ip = 0xffffffff81300000UL;
	ctx.ret_ip = 0;
}

/* Parse, check, size, fill and print; return the printed line's text after "(...)". */
static const char *run(const char *line)
{
	ssize_t size, used;
	char *p;

	memset(rec, 0xa5, sizeof(rec));
	if (probe_parse_line(line, &spec, &plog) || probe_check(&spec, &sym_ops, &plog)) {
		snprintf(text, sizeof(text), "error %d", plog.err);
		return text;
	}
	size = probe_record_size(&spec, &ctx);
	used = probe_record_fill(&spec, &ctx, rec, size);
	EXPECT_EQ(used, size);
	probe_print_record(&spec, spec.event, rec, used, &ctx, false, text, sizeof(text));
	p = strchr(text, ')');
	return p ? p + 1 : text;
}

static void test_worked_example(void)
{
	static const char expected[] =
		"name: myprobe\n"
		"ID: 1346\n"
		"format:\n"
		"\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n"
		"\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;\n"
		"\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;\n"
		"\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n"
		"\n"
		"\tfield:unsigned long __probe_ip;\toffset:8;\tsize:8;\tsigned:0;\n"
		"\tfield:s32 dfd;\toffset:16;\tsize:4;\tsigned:1;\n"
		"\tfield:__data_loc char[] path;\toffset:20;\tsize:4;\tsigned:1;\n"
		"\tfield:u32 flags;\toffset:24;\tsize:4;\tsigned:0;\n"
		"\tfield:u16 mode;\toffset:28;\tsize:2;\tsigned:0;\n"
		"\tfield:u8 raw[4];\toffset:30;\tsize:4;\tsigned:0;\n"
		"\tfield:__data_loc char[] comm;\toffset:34;\tsize:4;\tsigned:1;\n"
		"\n"
		"print fmt: \"(%lx) dfd=%d path=\\\"%s\\\" flags=0x%x mode=%u raw={0x%x,0x%x,0x%x,0x%x} comm=\\\"%s\\\"\", REC->__probe_ip, REC->dfd, __get_str(path), REC->flags, REC->mode, REC->raw[0], REC->raw[1], REC->raw[2], REC->raw[3], __get_str(comm)\n";
	static const char path[] = "/etc/hostname";
	static u32 how[4] = { 0x241, 0, 0644, 0 };
	char small[64];
	u32 loc;
	int n;

	reset();
	add_region(path, sizeof(path), true);
	add_region(how, sizeof(how), false);
	regs.di = (unsigned long)-100;
	regs.si = (unsigned long)path;
	regs.dx = (unsigned long)how;
	stack[0] = 0x04030201;
	EXPECT_STREQ(run("p:myprobe do_sys_openat2 dfd=$arg1:s32 path=+0($arg2):ustring "
			 "flags=+0($arg3):x32 mode=+8($arg3):u16 raw=+0($stack):x8[4] comm=$comm"),
		     " dfd=-100 path=\"/etc/hostname\" flags=0x241 mode=420 raw={0x1,0x2,0x3,0x4} "
		     "comm=\"cat\"\n");
	EXPECT_STREQ(text, "myprobe: (do_sys_openat2+0x0/0x190) dfd=-100 path=\"/etc/hostname\" "
			   "flags=0x241 mode=420 raw={0x1,0x2,0x3,0x4} comm=\"cat\"\n");
	EXPECT_EQ(probe_record_size(&spec, &ctx), 56);
	memcpy(&loc, rec + 20, 4);
	EXPECT_EQ(loc, 0x000E0026);
	memcpy(&loc, rec + 34, 4);
	EXPECT_EQ(loc, 0x00040034);
	EXPECT_STREQ((char *)rec + 38, "/etc/hostname");
	EXPECT_STREQ((char *)rec + 52, "cat");

	n = probe_format_text(&spec, "myprobe", 1346, text, sizeof(text));
	EXPECT_EQ(n, (int)strlen(expected));
	EXPECT_STREQ(text, expected);
	/* a short buffer is cut but still terminated, and the full length is reported */
	EXPECT_EQ(probe_format_text(&spec, "myprobe", 1346, small, sizeof(small)),
		  (int)strlen(expected));
	EXPECT_EQ(strlen(small), sizeof(small) - 1);
	EXPECT_TRUE(!strncmp(small, expected, sizeof(small) - 1));
}

static void test_kretprobe(void)
{
	static const char expected[] =
		"name: ex_open_ret\n"
		"ID: 7\n"
		"format:\n"
		"\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n"
		"\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;\n"
		"\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;\n"
		"\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n"
		"\n"
		"\tfield:unsigned long __probe_func;\toffset:8;\tsize:8;\tsigned:0;\n"
		"\tfield:unsigned long __probe_ret_ip;\toffset:16;\tsize:8;\tsigned:0;\n"
		"\tfield:u64 ret;\toffset:24;\tsize:8;\tsigned:0;\n"
		"\tfield:u64 ax;\toffset:32;\tsize:8;\tsigned:0;\n"
		"\tfield:__data_loc char[] comm;\toffset:40;\tsize:4;\tsigned:1;\n"
		"\n"
		"print fmt: \"(%lx <- %lx) ret=0x%Lx ax=%Lu comm=\\\"%s\\\"\", REC->__probe_func, REC->__probe_ret_ip, REC->ret, REC->ax, __get_str(comm)\n";

	reset();
	regs.ax = 3;
	ctx.ip = 0xffffffff81300000UL;
	ctx.ret_ip = 0xffffffff8130026aUL;
	EXPECT_STREQ(run("r:ex_open_ret do_sys_openat2 ret=$retval ax=%ax:u64 comm=$comm"),
		     " ret=0x3 ax=3 comm=\"cat\"\n");
	EXPECT_STREQ(text, "ex_open_ret: (__x64_sys_openat+0x6a/0xa0 <- do_sys_openat2) ret=0x3 "
			   "ax=3 comm=\"cat\"\n");
	probe_format_text(&spec, "ex_open_ret", 7, text, sizeof(text));
	EXPECT_STREQ(text, expected);
	/* unknown addresses print in hex, 0 as "0"; sym-addr appends the address */
	ctx.ip = 0x1234;
	ctx.ret_ip = 0;
	run("r:x do_sys_openat2");
	EXPECT_STREQ(text, "x: (0 <- 0x00001234)\n");
	ctx.ip = 0xffffffff81300010UL;
	run("p:y do_sys_openat2");
	probe_print_record(&spec, "y", rec, spec.fixed_size, &ctx, true, text, sizeof(text));
	EXPECT_STREQ(text, "y: (do_sys_openat2+0x10/0x190 <ffffffff81300010>)\n");
}

static void test_number_types(void)
{
	reset();
	regs.di = 0xfffffffffffffff6UL;	/* -10 */
	EXPECT_STREQ(run("p do_sys_openat2 a=%di:u8 b=%di:u16 c=%di:u32 d=%di:u64"),
		     " a=246 b=65526 c=4294967286 d=18446744073709551606\n");
	EXPECT_STREQ(run("p do_sys_openat2 a=%di:s8 b=%di:s16 c=%di:s32 d=%di:s64"),
		     " a=-10 b=-10 c=-10 d=-10\n");
	EXPECT_STREQ(run("p do_sys_openat2 a=%di:x8 b=%di:x16 c=%di:x32 d=%di:x64 e=%di"),
		     " a=0xf6 b=0xfff6 c=0xfffffff6 d=0xfffffffffffffff6 e=0xfffffffffffffff6\n");
	EXPECT_EQ(spec.args[0].size, 1);
	EXPECT_EQ(spec.args[3].size, 8);
	EXPECT_EQ(spec.fixed_size, 16 + 1 + 2 + 4 + 8 + 8);
	regs.si = 0xffffffff81300010UL;
	regs.dx = 0x42;
	EXPECT_STREQ(run("p do_sys_openat2 s=%si:symbol t=%dx:symbol z=%cx:symbol"),
		     " s=do_sys_openat2+0x10/0x190 t=0x42 z=0x0\n");
}

static void test_registers(void)
{
	static const char *const names[] = {
		"r15", "r14", "r13", "r12", "bp", "bx", "r11", "r10", "r9", "r8", "ax", "cx",
		"dx", "si", "di", "orig_ax", "ip", "cs", "flags", "sp", "ss",
	};
	char line[64], want[64];

	reset();
	for (unsigned int i = 0; i < 21; i++)
		((unsigned long *)&regs)[i] = 1000 + i;
	for (unsigned int i = 0; i < 21; i++) {
		snprintf(line, sizeof(line), "p do_sys_openat2 r=%%%s:u64", names[i]);
		snprintf(want, sizeof(want), " r=%u\n", 1000 + i);
		EXPECT_STREQ(run(line), want);
	}
	EXPECT_STREQ(run("p do_sys_openat2 %rax"), "error 24");
}

static void test_args_and_stack(void)
{
	char want[64];

	reset();
	regs.di = 1, regs.si = 2, regs.dx = 3, regs.cx = 4, regs.r8 = 5, regs.r9 = 6;
	stack[0] = 0xffffffff81300020UL;	/* return address */
	stack[1] = 7;
	stack[2] = 8;
	EXPECT_STREQ(run("p do_sys_openat2 $arg1:u8 $arg2:u8 $arg3:u8 $arg4:u8 $arg5:u8 "
			 "$arg6:u8 $arg7:u8 $arg8:u8"),
		     " arg1=1 arg2=2 arg3=3 arg4=4 arg5=5 arg6=6 arg7=7 arg8=8\n");
	EXPECT_STREQ(run("p do_sys_openat2 s0=$stack0:symbol s2=$stack2:s32 s15=$stack15:u8 "
			 "far=$stack2000:u8"),
		     " s0=do_sys_openat2+0x20/0x190 s2=8 s15=0 far=0\n");
	snprintf(want, sizeof(want), " sp=0x%lx\n", (unsigned long)stack);
	EXPECT_STREQ(run("p do_sys_openat2 sp=$stack"), want);
	EXPECT_STREQ(run("p do_sys_openat2 sym=$arg1:symstr"), " sym=\"0x1\"\n");
	regs.di = 0xffffffff81300004UL;
	EXPECT_STREQ(run("p do_sys_openat2 sym=$arg1:symstr"),
		     " sym=\"do_sys_openat2+0x4/0x190\"\n");
}

static void test_memory(void)
{
	static unsigned long inner[2];
	static unsigned long outer[2];
	static u16 words[4] = { 10, 20, 30, 40 };
	static u8 bytes[8] = { 0xb5 };
	static u32 user_word = 77;
	static const char *strs[3] = { "one", "two", NULL };
	static char ustr[] = "from user";

	reset();
	inner[1] = 0x1122334455667788UL;
	outer[0] = (unsigned long)inner;
	add_region(inner, sizeof(inner), false);
	add_region(outer, sizeof(outer), false);
	add_region(words, sizeof(words), false);
	add_region(bytes, sizeof(bytes), false);
	add_region(&user_word, sizeof(user_word), true);
	add_region(strs, sizeof(strs), false);
	add_region(ustr, sizeof(ustr), true);
	add_region("one", 4, false);
	add_region("two", 4, false);
	regs.di = (unsigned long)outer;
	regs.si = (unsigned long)words + 2;
	regs.dx = (unsigned long)&user_word;
	regs.cx = (unsigned long)bytes;
	regs.r8 = (unsigned long)strs;
	regs.r9 = (unsigned long)ustr;

	EXPECT_STREQ(run("p do_sys_openat2 v=+8(+0(%di)):x64 w=+8(+0(%di)):u8 n=-2(%si):u16"),
		     " v=0x1122334455667788 w=136 n=10\n");
	EXPECT_STREQ(run("p do_sys_openat2 a=+0(%si):u16[3] b=-2(%si):x16[4]"),
		     " a={20,30,40} b={0xa,0x14,0x1e,0x28}\n");
	EXPECT_STREQ(run("p do_sys_openat2 u=+u0(%dx):u32 k=+0(%dx):u32"), " u=77 k=0\n");
	EXPECT_STREQ(run("p do_sys_openat2 lo=+0(%cx):b4@0/8 hi=+0(%cx):b4@4/8 mid=+0(%cx):b3@2/8"),
		     " lo=5 hi=11 mid=5\n");
	EXPECT_STREQ(run("p do_sys_openat2 bits=+0(%si):b4@4/16[2]"), " bits={1,1}\n");
	EXPECT_STREQ(run("p do_sys_openat2 s=+0(%r8):string[3] t=+24(%r8):string"),
		     " s={\"one\",\"two\",(fault)} t=(fault)\n");
	EXPECT_STREQ(run("p do_sys_openat2 s=+0(+8(%r8)):string"), " s=\"two\"\n");
}

static void test_memory_strings(void)
{
	static char ustr[] = "from user";

	reset();
	add_region(ustr, sizeof(ustr), true);
	regs.r9 = (unsigned long)ustr;
	EXPECT_STREQ(run("p do_sys_openat2 u=+u0(%r9):string v=+0(%r9):ustring w=+0(%r9):string"),
		     " u=\"from user\" v=\"from user\" w=(fault)\n");
	EXPECT_STREQ(run("p do_sys_openat2 x=%r9:ustring"), "error 42");
	EXPECT_STREQ(run("p do_sys_openat2 s=+2(%r9):ustring"), " s=\"om user\"\n");
}

static void test_immediates_and_symbols(void)
{
	static unsigned long jiffies_val = 123456;

	reset();
	EXPECT_STREQ(run("p do_sys_openat2 a=\\123:u32 b=\\-1:s16 c=\\0x10 d=\\+5:u8"),
		     " a=123 b=-1 c=0x10 d=5\n");
	EXPECT_STREQ(run("p do_sys_openat2 s=\\\"hello\" e=\\\"\" c=$COMM"),
		     " s=\"hello\" e=\"\" c=\"cat\"\n");
	/* @ADDR and @SYM read memory; the fake jiffies lives in a host buffer */
	add_region(&jiffies_val, sizeof(jiffies_val), false);
	snprintf(text, sizeof(text), "p do_sys_openat2 j=@%lu:u64 k=@jiffies",
		 (unsigned long)&jiffies_val);
	EXPECT_STREQ(run(text), " j=123456 k=0x0\n");
	EXPECT_EQ(spec.args[1].ops[0].imm, 0xffffffff82000000UL);
}

static void test_truncated_fill(void)
{
	static char longstr[5000];
	ssize_t size;
	u32 loc;

	reset();
	memset(longstr, 'x', sizeof(longstr) - 1);
	add_region(longstr, sizeof(longstr), false);
	regs.di = (unsigned long)longstr;
	EXPECT_EQ(probe_parse_line("p do_sys_openat2 s=+0(%di):string t=+0(%di):string",
				   &spec, &plog), 0);
	size = probe_record_size(&spec, &ctx);
	EXPECT_EQ(size, 24 + 4096 * 2);
	/* less room than measured: the second string gets what is left */
	EXPECT_EQ(probe_record_fill(&spec, &ctx, rec, 24 + 4096 + 10), 24 + 4096 + 10);
	memcpy(&loc, rec + 20, 4);
	EXPECT_EQ(loc >> 16, 10);
	EXPECT_EQ(probe_record_fill(&spec, &ctx, rec, 20), -ENOSPC);
}

static void test_readback(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "p:ex_open do_sys_openat2 dfd=$arg1 fname=+0($arg2):ustring flags=+0($arg3):x64 comm=$comm",
		  "p:kprobes/ex_open do_sys_openat2 dfd=$arg1 fname=+0($arg2):ustring flags=+0($arg3):x64 comm=$comm\n" },
		{ "r:ex_open_ret do_sys_openat2 ret=$retval comm=$comm",
		  "r10:kprobes/ex_open_ret do_sys_openat2 ret=$retval comm=$comm\n" },
		{ "p:testprobe kernel_clone $stack $stack0 +0($stack)",
		  "p:kprobes/testprobe kernel_clone arg1=$stack arg2=$stack0 arg3=+0($stack)\n" },
		{ "p:x vfs_read%return", "r10:kprobes/x vfs_read\n" },
		{ "r:x vfs_read", "r10:kprobes/x vfs_read\n" },
		{ "r100:g/x vfs_read", "r100:g/x vfs_read\n" },
		{ "p  vfs_read+0x10   a=%ax", "p:kprobes/p_vfs_read_16 vfs_read+16 a=%ax\n" },
		{ "p vfs_read+0", "p:kprobes/p_vfs_read_0 vfs_read\n" },
		{ "p mymod:fn", "p:kprobes/p_mymod_fn_0 mymod:fn\n" },
		{ "p 0xffffffff81000000", "p:kprobes/p_0xffffffff81000000 0xffffffff81000000\n" },
	};
	char buf[512];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		EXPECT_EQ(probe_parse_line(cases[i].in, &spec, &plog), 0);
		probe_readback_line(&spec, spec.group, spec.event, probe_default_maxactive(2), buf,
				    sizeof(buf));
		EXPECT_STREQ(buf, cases[i].out);
	}
	EXPECT_EQ(probe_default_maxactive(1), 10);
	EXPECT_EQ(probe_default_maxactive(5), 10);
	EXPECT_EQ(probe_default_maxactive(8), 16);
}

static void test_profile(void)
{
	char buf[256];

	EXPECT_EQ(probe_profile_line("ex_open", 7, 0, buf, sizeof(buf)), 79);
	EXPECT_STREQ(buf, "  ex_open                                                    7               0\n");
	probe_profile_line("p_vfs_read_0", 123456, 2, buf, sizeof(buf));
	EXPECT_STREQ(buf, "  p_vfs_read_0                                          123456               2\n");
}

UNIT_TEST_MAIN(UNIT_CASE(test_worked_example), UNIT_CASE(test_kretprobe),
	       UNIT_CASE(test_number_types), UNIT_CASE(test_registers),
	       UNIT_CASE(test_args_and_stack), UNIT_CASE(test_memory),
	       UNIT_CASE(test_memory_strings), UNIT_CASE(test_immediates_and_symbols),
	       UNIT_CASE(test_truncated_fill), UNIT_CASE(test_readback), UNIT_CASE(test_profile))
