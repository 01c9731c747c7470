// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of <starling/sigset.h>, <asm/sigframe.h> and the futex hash: the parts of the
 * process layer that are pure computation, checked against Linux's values.
 */
#include <stddef.h>
#include "unit.h"
/* The host's <stdlib.h> brings its own sigset_t; the kernel's is tested under another name. */
#define sigset_t k_sigset_t
#undef WNOHANG
#undef WUNTRACED
#undef WSTOPPED
#undef WEXITED
#undef WCONTINUED
#undef WNOWAIT
#undef __WNOTHREAD
#undef __WALL
#undef __WCLONE
#include <starling/sigset.h>
#include <asm/sigframe.h>
#include "../../kernel/process/futex_hash.h"

static void test_sigset_ops(void)
{
	sigset_t a, b, r;

	sigemptyset(&a);
	EXPECT_TRUE(sigisemptyset(&a));
	sigaddset(&a, SIGINT);
	sigaddset(&a, SIGRTMAX);
	EXPECT_TRUE(sigismember(&a, SIGINT));
	EXPECT_TRUE(sigismember(&a, 64));
	EXPECT_TRUE(!sigismember(&a, SIGHUP));
	EXPECT_EQ(a.sig[0], (1UL << 1) | (1UL << 63));	/* bit n-1 is signal n */
	sigdelset(&a, SIGRTMAX);
	EXPECT_EQ(a.sig[0], 2UL);
	sigfillset(&b);
	sigandnsets(&r, &b, &a);
	EXPECT_TRUE(!sigismember(&r, SIGINT) && sigismember(&r, SIGTERM));
	sigorsets(&r, &a, &a);
	EXPECT_EQ(r.sig[0], 2UL);
	sigandsets(&r, &a, &b);
	EXPECT_EQ(r.sig[0], 2UL);
	sigdelsetmask(&b, SIG_KERNEL_ONLY_MASK);
	EXPECT_TRUE(!sigismember(&b, SIGKILL) && !sigismember(&b, SIGSTOP));
	EXPECT_TRUE(valid_signal(64) && !valid_signal(65) && valid_signal(0));
}

static void test_default_actions(void)
{
	EXPECT_EQ(sig_default_action(SIGTERM), SIG_DFL_TERM);
	EXPECT_EQ(sig_default_action(SIGKILL), SIG_DFL_TERM);
	EXPECT_EQ(sig_default_action(SIGUSR1), SIG_DFL_TERM);
	EXPECT_EQ(sig_default_action(SIGALRM), SIG_DFL_TERM);
	EXPECT_EQ(sig_default_action(SIGPIPE), SIG_DFL_TERM);
	EXPECT_EQ(sig_default_action(SIGQUIT), SIG_DFL_CORE);
	EXPECT_EQ(sig_default_action(SIGSEGV), SIG_DFL_CORE);
	EXPECT_EQ(sig_default_action(SIGABRT), SIG_DFL_CORE);
	EXPECT_EQ(sig_default_action(SIGSTOP), SIG_DFL_STOP);
	EXPECT_EQ(sig_default_action(SIGTSTP), SIG_DFL_STOP);
	EXPECT_EQ(sig_default_action(SIGTTIN), SIG_DFL_STOP);
	EXPECT_EQ(sig_default_action(SIGCONT), SIG_DFL_CONT);
	EXPECT_EQ(sig_default_action(SIGCHLD), SIG_DFL_IGN);
	EXPECT_EQ(sig_default_action(SIGWINCH), SIG_DFL_IGN);
	EXPECT_EQ(sig_default_action(SIGURG), SIG_DFL_IGN);
	EXPECT_EQ(sig_default_action(SIGRTMIN), SIG_DFL_TERM);
	EXPECT_EQ(sig_default_action(SIGRTMAX), SIG_DFL_TERM);
	EXPECT_TRUE(sig_kernel_only(SIGKILL) && sig_kernel_only(SIGSTOP) && !sig_kernel_only(SIGTERM));
}

static void test_next_signal(void)
{
	sigset_t s;

	sigemptyset(&s);
	EXPECT_EQ(next_signal_in(&s), 0);
	sigaddset(&s, SIGTERM);
	sigaddset(&s, SIGINT);
	EXPECT_EQ(next_signal_in(&s), SIGINT);		/* lowest first */
	sigaddset(&s, SIGSEGV);
	EXPECT_EQ(next_signal_in(&s), SIGSEGV);		/* synchronous signals first */
	sigemptyset(&s);
	sigaddset(&s, 40);
	EXPECT_EQ(next_signal_in(&s), 40);
}

/* Linux's decoding of status words (the C library's W* macros), spelled out. */
#define T_WIFEXITED(s)		(((s) & 0x7f) == 0)
#define T_WEXITSTATUS(s)	(((s) & 0xff00) >> 8)
#define T_WIFSIGNALED(s)	(((signed char)(((s) & 0x7f) + 1) >> 1) > 0)
#define T_WTERMSIG(s)		((s) & 0x7f)
#define T_WCOREDUMP(s)		((s) & 0x80)
#define T_WIFSTOPPED(s)		(((s) & 0xff) == 0x7f)
#define T_WSTOPSIG(s)		T_WEXITSTATUS(s)
#define T_WIFCONTINUED(s)	((s) == 0xffff)

static void test_wait_status(void)
{
	int st = wstatus_exited(3);

	EXPECT_TRUE(T_WIFEXITED(st) && T_WEXITSTATUS(st) == 3);
	st = wstatus_exited(256 + 7);
	EXPECT_TRUE(T_WIFEXITED(st) && T_WEXITSTATUS(st) == 7);
	st = wstatus_signaled(SIGKILL, false);
	EXPECT_TRUE(T_WIFSIGNALED(st) && T_WTERMSIG(st) == SIGKILL && !T_WCOREDUMP(st));
	st = wstatus_signaled(SIGQUIT, true);
	EXPECT_TRUE(T_WIFSIGNALED(st) && T_WTERMSIG(st) == SIGQUIT && T_WCOREDUMP(st));
	st = wstatus_stopped(SIGTSTP);
	EXPECT_TRUE(T_WIFSTOPPED(st) && T_WSTOPSIG(st) == SIGTSTP);
	EXPECT_TRUE(T_WIFCONTINUED(WSTATUS_CONTINUED));
	EXPECT_EQ(WNOHANG, 1);
	EXPECT_EQ(WUNTRACED, 2);
	EXPECT_EQ(WCONTINUED, 8);
}

/* Offsets user space and debuggers rely on (Linux x86_64). */
static void test_layouts(void)
{
	EXPECT_EQ(sizeof(kernel_siginfo_t), 128);
	EXPECT_EQ(offsetof(kernel_siginfo_t, si_pid), 16);
	EXPECT_EQ(offsetof(kernel_siginfo_t, si_uid), 20);
	EXPECT_EQ(offsetof(kernel_siginfo_t, si_status), 24);
	EXPECT_EQ(offsetof(kernel_siginfo_t, si_utime), 32);
	EXPECT_EQ(offsetof(kernel_siginfo_t, si_addr), 16);
	EXPECT_EQ(sizeof(struct sigaction), 32);
	EXPECT_EQ(sizeof(stack_t), 24);
	EXPECT_EQ(sizeof(struct sigcontext_64), 256);
	EXPECT_EQ(offsetof(struct sigcontext_64, ip), 128);
	EXPECT_EQ(offsetof(struct sigcontext_64, fpstate), 184);
	EXPECT_EQ(offsetof(struct ucontext, uc_mcontext), 40);
	EXPECT_EQ(offsetof(struct ucontext, uc_sigmask), 296);
	EXPECT_EQ(offsetof(struct rt_sigframe, uc), 8);
	EXPECT_EQ(offsetof(struct rt_sigframe, info), 312);
	EXPECT_EQ(sizeof(struct rt_sigframe), 440);
}

static void test_futex_hash(void)
{
	unsigned int counts[FUTEX_HASH_SIZE] = { 0 };
	unsigned int max = 0;

	/* Adjacent words of one array and the same address in two mms spread out. */
	for (unsigned long a = 0x7f0000001000UL; a < 0x7f0000001000UL + 4 * 4096; a += 4)
		counts[futex_hash(0xffff888001234000UL, a)]++;
	for (unsigned int i = 0; i < FUTEX_HASH_SIZE; i++)
		max = counts[i] > max ? counts[i] : max;
	EXPECT_TRUE(max <= 4 * 4096 / 4 / FUTEX_HASH_SIZE * 2);
	EXPECT_TRUE(futex_hash(0xffff888001234000UL, 0x1000) < FUTEX_HASH_SIZE);
	EXPECT_TRUE(futex_hash(0xffff888001234000UL, 0x1000) !=
		    futex_hash(0xffff888001238000UL, 0x1000) ||
		    futex_hash(0xffff888001234000UL, 0x2000) !=
		    futex_hash(0xffff888001238000UL, 0x2000));
}

UNIT_TEST_MAIN(UNIT_CASE(test_sigset_ops), UNIT_CASE(test_default_actions),
	       UNIT_CASE(test_next_signal), UNIT_CASE(test_wait_status), UNIT_CASE(test_layouts),
	       UNIT_CASE(test_futex_hash))
