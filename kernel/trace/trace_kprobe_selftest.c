// SPDX-License-Identifier: GPL-2.0-only
/*
 * Boot self-test of kprobe events (starling.selftest=kprobe_events). Drives the same entry
 * points the kprobe_events, dynamic_events, enable and kprobe_profile files call: defines
 * events on the kprobes self-test functions, checks the read-back, the errnos and error_log
 * entries of refused lines, enables the events, calls the functions, and checks the text of
 * the records that reach a private ring buffer, then the busy/delete/truncate rules.
 */
#include <starling/trace_kprobe.h>
#include <starling/ring_buffer.h>
#include <starling/kprobes.h>
#include <starling/kallsyms.h>
#include <starling/sched.h>
#include <starling/smp.h>
#include <starling/slab.h>
#include <starling/kernel.h>
#include <starling/string.h>
#include <starling/errno.h>
#include <starling/printk.h>
#include <starling/trace_filter.h>

int kprobe_selftest_leaf(int x);
int kprobe_selftest_target(int a, int b);

static int failed, passed;

#define CHECK(cond, ...) do {							\
	if (cond) {								\
		passed++;							\
	} else {								\
		failed++;							\
		printk(KERN_ERR "selftest kprobe_events: FAILED: " __VA_ARGS__);	\
	}									\
} while (0)

#define TEXT_SIZE	8192
#define BLACKLIST_SIZE	(256 * 1024)
static char *text;			/* TEXT_SIZE bytes */

static ssize_t cmd(const char *line)
{
	return trace_kprobe_write(line, strlen(line), false);
}

static ssize_t dyn_cmd(const char *line)
{
	return trace_kprobe_write(line, strlen(line), true);
}

static const char *events(void)
{
	trace_kprobe_events_text(text, TEXT_SIZE);
	return text;
}

/* @line must fail with @err and log @msg with the caret at column @pos (NULL: no entry). */
static void expect_error(const char *line, ssize_t err, const char *msg, unsigned int pos)
{
	const char *log, *hdr, *caret, *bol;
	char want[256];
	ssize_t ret;

	trace_kprobe_clear_last_error();
	ret = cmd(line);
	CHECK(ret == err, "'%s' returned %ld, expected %ld\n", line, (long)ret, (long)err);
	log = trace_kprobe_last_error();
	if (!msg) {
		CHECK(!log[0], "'%s' made an error_log entry: %s", line, log);
		return;
	}
	snprintf(want, sizeof(want), "] trace_kprobe: error: %s\n  Command: ", msg);
	hdr = strstr(log, want);
	CHECK(log[0] == '[' && hdr && !memchr(log, '\n', hdr - log),
	      "'%s' logged '%s', expected '%s'\n", line, log, msg);
	caret = strrchr(log, '^');
	CHECK(caret && !strcmp(caret, "^\n"), "no caret line for '%s': %s", line, log);
	if (!caret)
		return;
	for (bol = caret; bol > log && bol[-1] != '\n'; bol--)
		;
	CHECK((unsigned int)(caret - bol) == 11 + pos, "caret of '%s' at %ld, expected %u\n",
	      line, (long)(caret - bol), 11 + pos);
}

/* Consume every record of @buffer and print them, in CPU order, into @out. */
static unsigned int drain(struct trace_buffer *buffer, char *out, size_t size)
{
	struct ring_buffer_event *event;
	unsigned int cpu, n = 0;
	size_t len = 0;
	u64 ts;

	out[0] = '\0';
	for_each_possible_cpu(cpu) {
		while ((event = ring_buffer_consume(buffer, cpu, &ts, NULL))) {
			const u8 *rec = ring_buffer_event_data(event);
			s32 pid;
			int ret;

			memcpy(&pid, rec + 4, sizeof(pid));
			CHECK(pid == current->pid, "record pid %d, expected %d\n", pid,
			      current->pid);
			ret = trace_kprobe_print_record(rec, ring_buffer_event_length(event), false,
							out + len, size - len);
			n++;
			if (ret > 0 && len + ret < size)
				len += ret;
		}
	}
	return n;
}

static char base_events[256];

static void test_definitions(void)
{
	unsigned int maxact = max(10u, 2 * nr_cpu_ids);
	char line[64];
	bool seen = false;

	CHECK(cmd("p:myprobe kprobe_selftest_leaf x=$arg1:s32\n") == 43, "define myprobe\n");
	CHECK(!strcmp(events(), "p:kprobes/myprobe kprobe_selftest_leaf x=$arg1:s32\n"),
	      "read-back: %s", text);
	CHECK(cmd("r:grp/myret kprobe_selftest_leaf%return ret=$retval:s32") > 0,
	      "define myret\n");
	snprintf(base_events, sizeof(base_events),
		 "p:kprobes/myprobe kprobe_selftest_leaf x=$arg1:s32\n"
		 "r%u:grp/myret kprobe_selftest_leaf ret=$retval:s32\n", maxact);
	CHECK(!strcmp(events(), base_events), "read-back: %s", text);

	/* comments, blank lines, default names, several lines in one write */
	CHECK(cmd("# nothing\n\n  p:c1 kprobe_selftest_target # comment\n"
		  "p kprobe_selftest_target+0\n") > 0, "multi-line write\n");
	CHECK(strstr(events(), "p:kprobes/c1 kprobe_selftest_target\n"
			       "p:kprobes/p_kprobe_selftest_target_0 kprobe_selftest_target\n"),
	      "default name: %s", text);
	CHECK(cmd("-:c1\n-:kprobes/p_kprobe_selftest_target_0") > 0, "delete c1\n");
	/* the first failing line stops the write; earlier lines stay */
	CHECK(cmd("p:l1 kprobe_selftest_target\np:l2 nosuchsym_xyz\np:l3 kprobe_selftest_target")
	      == -ENOENT, "errno of a failing line in a write\n");
	CHECK(strstr(events(), "p:kprobes/l1 kprobe_selftest_target\n") &&
	      !strstr(text, "l3"), "lines applied: %s", text);
	CHECK(cmd("-:l1") > 0, "delete l1\n");

	/* refusals: errno, error_log text and caret */
	expect_error("p:bad nosuchsym_xyz", -ENOENT, "Invalid probed address or symbol", 6);
	expect_error("p:bad kprobe_selftest_leaf +0(%zz):u32", -EINVAL,
		     "Invalid register name", 30);
	expect_error("p:bad kprobe_selftest_leaf x=+0($arg1):nosuchtype", -EINVAL,
		     "Unknown type is specified", 39);
	expect_error("r:myprobe kprobe_selftest_target", -EEXIST,
		     "Probe type is different from existing probe", 0);
	expect_error("p:myprobe kprobe_selftest_target", -EEXIST,
		     "Argument type or name is different from existing probe", 33);
	expect_error("p:myprobe kprobe_selftest_leaf x=$arg1:s32", -EEXIST,
		     "There is already the exact same probe event", 0);
	expect_error("r:bad kprobe_selftest_leaf+4", -EINVAL,
		     "Retprobe address must be an function entry", 6);
	expect_error("p:bad start_kernel x=$retval", -EINVAL,
		     "$retval is not available on probe", 21);
	expect_error("p:bad kprobe_breakpoint_handler", -EINVAL,
		     "Failed to register probe event", 6);
	expect_error("x:bad kprobe_selftest_leaf", -EINVAL, NULL, 0);
	expect_error("p", -EINVAL, NULL, 0);
	expect_error("-:", -EINVAL, NULL, 0);
	expect_error("-:nosuchevent", -ENOENT, NULL, 0);
	expect_error("p:bad kprobe_selftest_leaf c=$comm:u32", -EINVAL, NULL, 0);

	/* some small offset into the function is inside an instruction */
	for (int off = 1; off < 8 && !seen; off++) {
		snprintf(line, sizeof(line), "p:mid kprobe_selftest_leaf+%d", off);
		trace_kprobe_clear_last_error();
		if (cmd(line) == -EILSEQ)
			seen = strstr(trace_kprobe_last_error(),
				      "error: Probe point is not an instruction boundary\n");
		else
			cmd("-:mid");
	}
	CHECK(seen, "no offset gave EILSEQ with BAD_INSN_BNDRY\n");
	CHECK(!strcmp(events(), base_events), "events after refusals: %s", text);

	/* multiprobe: a second location joins myprobe */
	CHECK(cmd("p:myprobe kprobe_selftest_target x=$arg1:s32") > 0, "append\n");
	CHECK(!strncmp(events(), base_events, strlen(base_events)) &&
	      !strcmp(text + strlen(base_events),
		      "p:kprobes/myprobe kprobe_selftest_target x=$arg1:s32\n"),
	      "multiprobe read-back: %s", text);
}

extern int kprobe_selftest_global;

static void test_records(void)
{
	struct tk_event *ev = trace_kprobe_find_event("kprobes", "myprobe");
	struct tk_event *ret_ev = trace_kprobe_find_event("grp", "myret");
	struct tk_event *str_ev;
	struct trace_buffer *buffer, *old;
	struct filter_parse_error pe;
	struct event_filter *filter;
	char *out, want[160], want2[160];
	struct kprobe_point *kp;
	const char *ftr;
	unsigned int n;
	int g = kprobe_selftest_global;

	CHECK(ev && ret_ev, "events not found\n");
	if (!ev || !ret_ev)
		return;
	CHECK(trace_kprobe_find_event_id(trace_kprobe_event_id(ev)) == ev, "find by id\n");
	trace_kprobe_format_text(ev, text, TEXT_SIZE);
	snprintf(want, sizeof(want), "name: myprobe\nID: %d\nformat:\n",
		 trace_kprobe_event_id(ev));
	CHECK(!strncmp(text, want, strlen(want)) &&
	      strstr(text, "\tfield:s32 x;\toffset:16;\tsize:4;\tsigned:1;\n") &&
	      strstr(text, "print fmt: \"(%lx) x=%d\", REC->__probe_ip, REC->x\n"),
	      "format: %s", text);
	CHECK(cmd("p:strs kprobe_selftest_leaf c=$comm s=\\\"hi\":string f=+0($arg1):string"
		  " g=@kprobe_selftest_global:s32") > 0, "define strs\n");
	str_ev = trace_kprobe_find_event("kprobes", "strs");

	out = kmalloc(TEXT_SIZE, GFP_KERNEL);
	buffer = ring_buffer_alloc(64 * 1024, RB_FL_OVERWRITE);
	CHECK(out && buffer && str_ev, "allocations\n");
	if (!out || !buffer || !str_ev)
		goto out_free;
	old = trace_kprobe_set_buffer(buffer);

	/* disabled: nothing recorded, nothing counted */
	kprobe_selftest_leaf(1);
	CHECK(drain(buffer, out, TEXT_SIZE) == 0, "records while disabled: %s", out);
	trace_kprobe_profile_text(text, TEXT_SIZE);
	CHECK(strstr(text, "  myprobe                                                    0"
			   "               0\n"), "profile before hits: %s", text);

	trace_kprobe_event_enable(ev, true);
	trace_kprobe_event_enable(ret_ev, true);
	CHECK(trace_kprobe_event_enabled(ev), "enabled\n");
	kprobe_selftest_leaf(42);
	kprobe_selftest_target(2, 1);
	n = drain(buffer, out, TEXT_SIZE);
	CHECK(n == 5, "%u records, expected 5:\n%s", n, out);
	CHECK(strstr(out, "myprobe: (kprobe_selftest_leaf+0x0/0x") &&
	      strstr(out, ") x=42\n") && strstr(out, ") x=1\n"), "kprobe records:\n%s", out);
	CHECK(strstr(out, "myprobe: (kprobe_selftest_target+0x0/0x") && strstr(out, ") x=2\n"),
	      "multiprobe records:\n%s", out);
	snprintf(want, sizeof(want), " <- kprobe_selftest_leaf) ret=%d\n", 42 + g);
	/* The caller is this test (test_records(), or whatever the compiler inlined it into). */
	CHECK(strstr(out, "myret: (t") && strstr(out, want),
	      "kretprobe record into the caller:\n%s", out);
	snprintf(want, sizeof(want), " <- kprobe_selftest_leaf) ret=%d\n", 1 + g);
	CHECK(strstr(out, "myret: (kprobe_selftest_target+0x") && strstr(out, want),
	      "kretprobe record:\n%s", out);

	/* strings, $comm, a faulting string and a data symbol */
	trace_kprobe_event_enable(ev, false);
	trace_kprobe_event_enable(ret_ev, false);
	trace_kprobe_event_enable(str_ev, true);
	kprobe_selftest_leaf(42);
	trace_kprobe_event_enable(str_ev, false);
	CHECK(drain(buffer, out, TEXT_SIZE) == 1, "string records:\n%s", out);
	snprintf(want, sizeof(want), ") c=\"%s\" s=\"hi\" f=(fault) g=%d\n", current->comm, g);
	CHECK(!strncmp(out, "strs: (kprobe_selftest_leaf+0x0/0x", 34) && strstr(out, want),
	      "string record: %s expected ...%s", out, want);

	/* a filter drops what it does not match */
	CHECK(!create_event_filter(trace_kprobe_filter_event(ev), "x == 7", &filter, &pe),
	      "filter compile\n");
	trace_kprobe_set_filter(ev, filter);
	trace_kprobe_event_enable(ev, true);
	kprobe_selftest_leaf(7);
	kprobe_selftest_leaf(8);
	trace_kprobe_event_enable(ev, false);
	filter = trace_kprobe_set_filter(ev, NULL);
	free_event_filter(filter);
	CHECK(drain(buffer, out, TEXT_SIZE) == 1 && strstr(out, ") x=7\n"), "filtered:\n%s", out);

	/* recording off: hits still count, nothing is written */
	ring_buffer_record_off(buffer);
	trace_kprobe_event_enable(ev, true);
	kprobe_selftest_leaf(9);
	trace_kprobe_event_enable(ev, false);
	ring_buffer_record_on(buffer);
	CHECK(drain(buffer, out, TEXT_SIZE) == 0, "records while off:\n%s", out);

	/* kprobe_profile: leaf hits 42, 1, 7, 8, 9; target hit once */
	trace_kprobe_profile_text(text, TEXT_SIZE);
	CHECK(strstr(text, "  myprobe                                                    5"
			   "               0\n"
			   "  myret                                                      2"
			   "               0\n"
			   "  myprobe                                                    1"
			   "               0\n"), "profile: %s", text);

	/* debugfs kprobes/; function entries armed through the fentry site say [FTRACE]. */
	kp = get_kprobe_point((unsigned long)kprobe_selftest_leaf);
	ftr = kp && arch_kprobe_ftrace(kp) ? "[FTRACE]" : "";
	kprobes_list_text(out, TEXT_SIZE);
	snprintf(want, sizeof(want), "  k  kprobe_selftest_leaf+0x0    [DISABLED]%s\n", ftr);
	snprintf(want2, sizeof(want2), "  r  kprobe_selftest_leaf+0x0    [DISABLED]%s\n", ftr);
	CHECK(strstr(out, want) && strstr(out, want2), "list: %s", out);
	trace_kprobe_event_enable(ev, true);
	kprobes_list_text(out, TEXT_SIZE);
	snprintf(want, sizeof(want), "  k  kprobe_selftest_leaf+0x0    %s\n", ftr);
	CHECK(strstr(out, want), "list enabled: %s", out);
	kprobes_enabled_text(text, TEXT_SIZE);
	CHECK(!strcmp(text, "1\n"), "enabled: %s", text);
	CHECK(kprobes_enabled_write("0\n", 2) == 2, "disarm all\n");
	kprobes_enabled_text(text, TEXT_SIZE);
	CHECK(!strcmp(text, "0\n"), "enabled after 0: %s", text);
	kprobe_selftest_leaf(10);
	CHECK(drain(buffer, out, TEXT_SIZE) == 0, "records while disarmed:\n%s", out);
	CHECK(kprobes_enabled_write("1\n", 2) == 2, "re-arm all\n");
	kprobe_selftest_leaf(11);
	CHECK(drain(buffer, out, TEXT_SIZE) == 1, "records after re-arm:\n%s", out);
	CHECK(kprobes_enabled_write("x", 1) == -EINVAL, "enabled takes only 0/1\n");
	CHECK(trace_kprobe_set_buffer(old) == buffer, "buffer swap\n");
	kfree(out);
	out = kmalloc(BLACKLIST_SIZE, GFP_KERNEL);
	if (out) {
		kprobes_blacklist_text(out, BLACKLIST_SIZE);
		CHECK(strstr(out, "\tkprobe_breakpoint_handler\n") && !strncmp(out, "0x", 2),
		      "blacklist: %.200s\n", out);
	}
	ring_buffer_free(buffer);
	kfree(out);
	return;

out_free:
	if (buffer)
		ring_buffer_free(buffer);
	kfree(out);
}

/* myprobe is still enabled here */
static void test_busy(void)
{
	struct tk_event *ev = trace_kprobe_find_event("kprobes", "myprobe");
	char before[512];

	events();
	strcpy(before, text);
	CHECK(trace_kprobe_release_all() == -EBUSY, "truncate while enabled\n");
	CHECK(!strcmp(events(), before), "events after EBUSY: %s", text);
	/* a probe with siblings goes even while its event is enabled */
	CHECK(cmd("-:myprobe kprobe_selftest_target x=$arg1:s32") > 0, "targeted delete\n");
	CHECK(!strstr(events(), "kprobe_selftest_target"), "after targeted delete: %s", text);
	CHECK(cmd("-:myprobe") == -EBUSY, "-: of the last probe of an enabled event\n");
	trace_kprobe_event_enable(ev, false);
	trace_kprobe_event_get(ev);
	CHECK(trace_kprobe_release_all() == -EBUSY, "truncate while open\n");
	trace_kprobe_event_put(ev);

	/* dynamic_events' ! removal, and -: through it */
	CHECK(dyn_cmd("!r:grp/myret kprobe_selftest_leaf ret=$retval:s32") > 0, "! removal\n");
	CHECK(!strstr(events(), "myret"), "after ! removal: %s", text);
	CHECK(dyn_cmd("!p:strs nosuch") == -ENOENT, "! without a match\n");
	CHECK(dyn_cmd("x:foo kprobe_selftest_leaf") == -EINVAL, "bad letter in dynamic_events\n");
	CHECK(dyn_cmd("-:strs") > 0, "-: through dynamic_events\n");
	CHECK(cmd("p:grpa/e1 kprobe_selftest_leaf\np:grpa/e2 kprobe_selftest_target\n"
		  "p:grpb/e1 kprobe_selftest_leaf\n") > 0, "define groups\n");
	CHECK(cmd("-:grpa/") > 0 && cmd("-:grpa/") == -ENOENT, "-:GRP/\n");
	CHECK(trace_kprobe_release_all() == 0, "truncate\n");
	CHECK(!strcmp(events(), ""), "events after truncate: %s", text);
	trace_kprobe_profile_text(text, TEXT_SIZE);
	CHECK(!strcmp(text, ""), "profile after truncate: %s", text);
}

/*
 * Booted with kprobe_event=p:bootprobe,kprobe_selftest_leaf,x=$arg1:s32;r:bootret,...
 * (tests/boot/run.sh), the events exist and are enabled; otherwise nothing to check.
 */
static void test_boot_events(void)
{
	struct tk_event *ev = trace_kprobe_find_event("kprobes", "bootprobe");
	struct tk_event *ret_ev = trace_kprobe_find_event("kprobes", "bootret");
	unsigned int maxact = max(10u, 2 * nr_cpu_ids);
	char want[160];

	if (!ev && !ret_ev)
		return;
	printk(KERN_INFO "selftest kprobe_events: checking kprobe_event= definitions\n");
	snprintf(want, sizeof(want), "p:kprobes/bootprobe kprobe_selftest_leaf x=$arg1:s32\n"
		 "r%u:kprobes/bootret kprobe_selftest_leaf\n", maxact);
	CHECK(!strcmp(events(), want), "boot events: %s", text);
	CHECK(ev && ret_ev && trace_kprobe_event_enabled(ev) &&
	      trace_kprobe_event_enabled(ret_ev), "boot events not enabled\n");
	kprobe_selftest_leaf(3);
	trace_kprobe_profile_text(text, TEXT_SIZE);
	CHECK(!strncmp(text, "  bootprobe ", 12) && strstr(text, "  bootret "),
	      "boot events profile: %s", text);
	CHECK(trace_kprobe_release_all() == -EBUSY, "truncate with boot events enabled\n");
	if (ev)
		trace_kprobe_event_enable(ev, false);
	if (ret_ev)
		trace_kprobe_event_enable(ret_ev, false);
}

/**
 * trace_kprobe_selftest() - starling.selftest=kprobe_events
 *
 * Return: 0 when every check passed.
 */
int trace_kprobe_selftest(void)
{
	text = kmalloc(TEXT_SIZE, GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	test_boot_events();
	CHECK(trace_kprobe_release_all() == 0, "initial truncate\n");
	test_definitions();
	test_records();
	test_busy();
	trace_kprobe_release_all();
	kfree(text);
	printk(KERN_INFO "selftest kprobe_events: %d checks passed, %d failed\n", passed, failed);
	return failed ? -EINVAL : 0;
}
