// SPDX-License-Identifier: GPL-2.0-only
/*
 * Boot self-test of the kprobes engine (starling.selftest=kprobes). Probes every offset of
 * a target function in turn (so each decoder class the compiler emitted there is stepped
 * out of line, fixed up or simulated, and every mid-instruction offset refused), return probes with recursion and an exhausted instance pool,
 * several probes on one address, re-entry from a handler, probes hit on every CPU at once
 * while others are registered and removed, the global disarm switch, and the refusals
 * (never-probe, mid-instruction, unknown symbol).
 */
#include <starling/kprobes.h>
#include <starling/kallsyms.h>
#include <starling/kernel.h>
#include <starling/kthread.h>
#include <starling/sched.h>
#include <starling/smp.h>
#include <starling/smp_arch.h>
#include <starling/printk.h>
#include <starling/errno.h>
#include <starling/delay.h>
#include <starling/entry.h>
#include <asm/ptrace.h>

static int failed, passed;
static volatile int kp_sink;
int kprobe_selftest_global = 3;

#define CHECK(cond, ...) do {							\
	if (cond) {								\
		passed++;							\
	} else {								\
		failed++;							\
		printk(KERN_ERR "selftest kprobes: FAILED: " __VA_ARGS__);	\
	}									\
} while (0)

__attribute__((noipa)) int kprobe_selftest_leaf(int x)
{
	kp_sink = x;
	return x + kprobe_selftest_global;
}

/* Loops, a call, conditional branches, RIP-relative data: many instruction classes. */
__attribute__((noipa)) int kprobe_selftest_target(int a, int b)
{
	int sum = 0;

	for (int i = 0; i < a; i++) {
		if (i & 1)
			sum += kprobe_selftest_leaf(i);
		else
			sum -= b;
	}
	return sum * kprobe_selftest_global;
}

static int expected_target(int a, int b)
{
	int sum = 0;

	for (int i = 0; i < a; i++)
		sum += (i & 1) ? i + kprobe_selftest_global : -b;
	return sum * kprobe_selftest_global;
}

__attribute__((noipa)) int kprobe_selftest_fib(int n)
{
	return n < 2 ? n : kprobe_selftest_fib(n - 1) + kprobe_selftest_fib(n - 2);
}

static unsigned long hits, post_hits, seen_arg0;

static int count_pre(struct kprobe *p, struct pt_regs *regs)
{
	__atomic_add_fetch(&hits, 1, __ATOMIC_RELAXED);
	seen_arg0 = regs_get_kernel_argument(regs, 0);
	return 0;
}

static void count_post(struct kprobe *p, struct pt_regs *regs, unsigned long flags)
{
	__atomic_add_fetch(&post_hits, 1, __ATOMIC_RELAXED);
}

/*
 * Every offset of the target: instruction boundaries the arch accepts are probed and the
 * function must still compute the same; the others must be refused as not a boundary
 * (-EILSEQ) or not probeable (-EINVAL).
 */
static void test_every_instruction(void)
{
	unsigned long func = (unsigned long)kprobe_selftest_target, size, off;
	int probed = 0, hit = 0;

	kallsyms_lookup(func, &size, &off);
	for (unsigned long pos = 0; pos < size; pos++) {
		struct kprobe kp = { .addr = (kprobe_opcode_t *)(func + pos),
				     .pre_handler = count_pre, .post_handler = count_post };
		int ret;

		hits = post_hits = 0;
		ret = register_kprobe(&kp);
		if (ret == 0) {
			int r = kprobe_selftest_target(5, 2);

			probed++;
			CHECK(r == expected_target(5, 2), "target+%#lx: result %d, expected %d\n",
			      pos, r, expected_target(5, 2));
			CHECK(hits == post_hits, "target+%#lx: %lu hits, %lu post\n", pos, hits,
			      post_hits);
			hit += hits > 0;
			unregister_kprobe(&kp);
		} else {
			CHECK(ret == -EINVAL || ret == -EILSEQ, "target+%#lx: register returned %d\n",
			      pos, ret);
		}
	}
	CHECK(probed > 10 && hit > 10, "only %d instructions probed, %d hit\n", probed, hit);
	hits = 0;
	kprobe_selftest_target(5, 2);
	CHECK(hits == 0, "hits after unregistering\n");
}

static void test_args_and_multi(void)
{
	struct kprobe a = { .symbol_name = "kprobe_selftest_leaf", .pre_handler = count_pre };
	struct kprobe b = { .symbol_name = "kprobe_selftest_leaf", .pre_handler = count_pre };

	CHECK(register_kprobe(&a) == 0, "register a\n");
	CHECK(register_kprobe(&b) == 0, "register b on the same address\n");
	hits = 0;
	kprobe_selftest_leaf(1234);
	CHECK(hits == 2 && seen_arg0 == 1234, "two probes: %lu hits, first argument %lu\n", hits, seen_arg0);
	CHECK(disable_kprobe(&a) == 0, "disable a\n");
	hits = 0;
	kprobe_selftest_leaf(1);
	CHECK(hits == 1, "one disabled: %lu hits\n", hits);
	kprobes_set_all_armed(false);
	hits = 0;
	kprobe_selftest_leaf(1);
	CHECK(hits == 0, "globally disarmed: %lu hits\n", hits);
	kprobes_set_all_armed(true);
	kprobe_selftest_leaf(1);
	CHECK(hits == 1, "re-armed: %lu hits\n", hits);
	unregister_kprobe(&a);
	unregister_kprobe(&b);
}

static struct kprobe inner = { .symbol_name = "kprobe_selftest_fib", .pre_handler = count_pre };

static int reenter_pre(struct kprobe *p, struct pt_regs *regs)
{
	kprobe_selftest_fib(1);		/* hits `inner' inside a handler */
	return 0;
}

static void test_reentry(void)
{
	struct kprobe outer = { .symbol_name = "kprobe_selftest_leaf", .pre_handler = reenter_pre };

	CHECK(register_kprobe(&inner) == 0, "register inner\n");
	CHECK(register_kprobe(&outer) == 0, "register outer\n");
	hits = 0;
	kprobe_selftest_leaf(3);
	CHECK(hits == 0 && inner.nmissed == 1, "re-entry: %lu hits, %lu missed\n", hits,
	      inner.nmissed);
	unregister_kprobe(&outer);
	unregister_kprobe(&inner);
}

static unsigned long ret_hits, entry_hits;
static long last_ret;

static int entry_handler(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	__atomic_add_fetch(&entry_hits, 1, __ATOMIC_RELAXED);
	return 0;
}

static int ret_handler(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	__atomic_add_fetch(&ret_hits, 1, __ATOMIC_RELAXED);
	last_ret = (long)regs_return_value(regs);
	return 0;
}

static void test_kretprobe(void)
{
	struct kretprobe rp = { .kp.symbol_name = "kprobe_selftest_fib", .handler = ret_handler,
				.entry_handler = entry_handler, .maxactive = 64 };
	struct kretprobe small = { .kp.symbol_name = "kprobe_selftest_target",
				   .handler = ret_handler, .maxactive = 1 };
	int r;

	CHECK(register_kretprobe(&rp) == 0, "register kretprobe\n");
	/* The compiler turns part of the recursion into a loop: count real calls. */
	ret_hits = entry_hits = 0;
	r = kprobe_selftest_fib(10);
	CHECK(r == 55 && last_ret == 55, "fib(10) = %d, handler saw %ld\n", r, last_ret);
	CHECK(ret_hits == entry_hits && ret_hits > 10 && rp.nmissed == 0,
	      "fib(10): %lu entries, %lu returns, %lu missed\n", entry_hits, ret_hits, rp.nmissed);
	unregister_kretprobe(&rp);
	rp.maxactive = 3;		/* fewer instances than the recursion is deep */
	CHECK(register_kretprobe(&rp) == 0, "register kretprobe maxactive 3\n");
	ret_hits = entry_hits = 0;
	r = kprobe_selftest_fib(12);
	CHECK(r == 144 && entry_hits == ret_hits && rp.nmissed > 0,
	      "fib(12) = %d with 3 instances: %lu entries, %lu returns, %lu missed\n", r,
	      entry_hits, ret_hits, rp.nmissed);
	unregister_kretprobe(&rp);

	CHECK(register_kretprobe(&small) == 0, "register kretprobe maxactive 1\n");
	ret_hits = 0;
	r = kprobe_selftest_target(4, 1);
	CHECK(r == expected_target(4, 1) && ret_hits == 1 && last_ret == r,
	      "maxactive 1: result %d, %lu returns\n", r, ret_hits);
	unregister_kretprobe(&small);
	CHECK(register_kretprobe(&(struct kretprobe){ .kp.symbol_name = "kprobe_selftest_fib",
						      .kp.offset = 1, .handler = ret_handler }) ==
	      -EINVAL, "kretprobe off the function entry accepted\n");
}

static void test_refusals(void)
{
	struct kprobe bl = { .symbol_name = "kprobe_breakpoint_handler", .pre_handler = count_pre };
	struct kprobe mid = { .symbol_name = "kprobe_selftest_target", .offset = 1,
			      .pre_handler = count_pre };
	struct kprobe none = { .symbol_name = "no_such_function_here", .pre_handler = count_pre };
	struct kprobe trap = { .symbol_name = "do_trap", .pre_handler = count_pre };
	int ret;

	CHECK((ret = register_kprobe(&bl)) == -EINVAL, "blacklisted: %d\n", ret);
	CHECK((ret = register_kprobe(&trap)) == -EINVAL, "do_trap: %d\n", ret);
	CHECK((ret = register_kprobe(&none)) == -ENOENT, "unknown symbol: %d\n", ret);
	/* One byte into the first instruction: x86_64's entry nop, riscv64's 2-byte parcel. */
	mid.offset = 1;
	CHECK((ret = register_kprobe(&mid)) == -EILSEQ, "mid-instruction: %d\n", ret);
	if (!ret)
		unregister_kprobe(&mid);
}

static int stress_thread(void *data)
{
	while (!kthread_should_stop())
		kprobe_selftest_target(3, 1);
	return 0;
}

static void call_target(void *info)
{
	kprobe_selftest_leaf(7);
}

static void test_smp_stress(void)
{
	struct task_struct *t[NR_CPUS];
	struct kprobe kp = { .symbol_name = "kprobe_selftest_leaf", .pre_handler = count_pre };
	unsigned int cpu, n = 0;

	CHECK(register_kprobe(&kp) == 0, "register for on_each_cpu\n");
	hits = 0;
	on_each_cpu(call_target, NULL, true);
	CHECK(hits == num_online_cpus(), "on_each_cpu: %lu hits on %u CPUs\n", hits,
	      num_online_cpus());
	unregister_kprobe(&kp);

	for_each_online_cpu(cpu) {
		t[cpu] = kthread_create_on_cpu(stress_thread, NULL, cpu, "kpstress");
		if (!IS_ERR(t[cpu]))
			wake_up_process(t[cpu]);
	}
	for (int i = 0; i < 20; i++) {
		struct kprobe a = { .symbol_name = "kprobe_selftest_leaf", .pre_handler = count_pre,
				    .post_handler = count_post };
		struct kretprobe r = { .kp.symbol_name = "kprobe_selftest_target",
				       .handler = ret_handler };

		n += register_kprobe(&a) == 0;
		n += register_kretprobe(&r) == 0;
		msleep(2);
		unregister_kretprobe(&r);
		unregister_kprobe(&a);
	}
	for_each_online_cpu(cpu)
		if (!IS_ERR(t[cpu]))
			kthread_stop(t[cpu]);
	CHECK(n == 40, "stress: %u of 40 registrations\n", n);
	CHECK(kprobe_selftest_target(5, 2) == expected_target(5, 2), "target broken after stress\n");
}

int kprobes_selftest(void)
{
	failed = passed = 0;
	test_every_instruction();
	test_args_and_multi();
	test_reentry();
	test_kretprobe();
	test_refusals();
	test_smp_stress();
	printk(KERN_INFO "selftest kprobes: %d passed, %d failed\n", passed, failed);
	return failed;
}
