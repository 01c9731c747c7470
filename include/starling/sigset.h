// SPDX-License-Identifier: GPL-2.0-only
/*
 * The pure half of the signal ABI: sigset_t and its operations, struct sigaction, stack_t,
 * siginfo_t (Linux's 64-bit layout, 128 bytes), si_code values, default actions and the
 * wait(2) status words. No kernel objects, so host unit tests include it directly.
 */
#ifndef _STARLING_SIGSET_H
#define _STARLING_SIGSET_H

#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/signal_nr.h>

#define _NSIG_BPW		64
#define _NSIG_WORDS		(_NSIG / _NSIG_BPW)
#define SIGRTMAX		_NSIG

typedef struct {
	unsigned long sig[_NSIG_WORDS];
} sigset_t;

/* ---- user ABI: sigaction, sigprocmask, sigaltstack, siginfo ---------------------------- */

#define SA_NOCLDSTOP		0x00000001
#define SA_NOCLDWAIT		0x00000002
#define SA_SIGINFO		0x00000004
#define SA_UNSUPPORTED		0x00000400
#define SA_EXPOSE_TAGBITS	0x00000800
#define SA_RESTORER		0x04000000
#define SA_ONSTACK		0x08000000
#define SA_RESTART		0x10000000
#define SA_NODEFER		0x40000000
#define SA_RESETHAND		0x80000000
#define SA_NOMASK		SA_NODEFER
#define SA_ONESHOT		SA_RESETHAND

#define SIG_BLOCK		0
#define SIG_UNBLOCK		1
#define SIG_SETMASK		2

typedef void (*__sighandler_t)(int);
typedef void (*__sigrestore_t)(void);
#define SIG_DFL			((__sighandler_t)0)
#define SIG_IGN			((__sighandler_t)1)
#define SIG_ERR			((__sighandler_t)-1)

/* struct sigaction as rt_sigaction() takes it on x86_64 (and k_sigaction in the kernel). */
struct sigaction {
	__sighandler_t	sa_handler;
	unsigned long	sa_flags;
	__sigrestore_t	sa_restorer;
	sigset_t	sa_mask;
};

struct k_sigaction {
	struct sigaction sa;
};

#define SS_ONSTACK		1
#define SS_DISABLE		2
#define SS_AUTODISARM		(1U << 31)
#define SS_FLAG_BITS		SS_AUTODISARM
#define MINSIGSTKSZ		2048
#define SIGSTKSZ		8192

typedef struct sigaltstack {
	void __user	*ss_sp;
	int		ss_flags;
	size_t		ss_size;
} stack_t;

union sigval {
	int		sival_int;
	void __user	*sival_ptr;
};

/* siginfo_t: 128 bytes; the union starts at offset 16 on 64-bit. */
#define SI_MAX_SIZE		128
typedef struct kernel_siginfo {
	int	si_signo;
	int	si_errno;
	int	si_code;
	union {
		int _pad[(SI_MAX_SIZE - 16) / sizeof(int)];
		struct {			/* kill, tkill, sigqueue */
			pid_t		_pid;
			uid_t		_uid;
			union sigval	_sigval;
		} _kill;
		struct {			/* POSIX timers */
			int		_tid;
			int		_overrun;
			union sigval	_sigval;
		} _timer;
		struct {			/* SIGCHLD */
			pid_t		_pid;
			uid_t		_uid;
			int		_status;
			long		_utime;
			long		_stime;
		} _sigchld;
		struct {			/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			void __user	*_addr;
		} _sigfault;
	} _sifields;
} kernel_siginfo_t;
typedef kernel_siginfo_t siginfo_t;

#define si_pid		_sifields._kill._pid
#define si_uid		_sifields._kill._uid
#define si_value	_sifields._kill._sigval
#define si_status	_sifields._sigchld._status
#define si_utime	_sifields._sigchld._utime
#define si_stime	_sifields._sigchld._stime
#define si_addr		_sifields._sigfault._addr

/* si_code values. */
#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_QUEUE	-1
#define SI_TIMER	-2
#define SI_TKILL	-6
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2
#define BUS_ADRALN	1
#define BUS_ADRERR	2
#define ILL_ILLOPC	1
#define ILL_ILLOPN	2
#define ILL_PRVOPC	5
#define FPE_INTDIV	1
#define FPE_FLTDIV	3
#define TRAP_BRKPT	1
#define TRAP_TRACE	2
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

/* The "private" argument of send_sig(): 0 from user space (SI_USER), 1 from the kernel. */
#define SEND_SIG_NOINFO	((kernel_siginfo_t *)0)
#define SEND_SIG_PRIV	((kernel_siginfo_t *)1)

/* ---- sigset operations (pure: host-tested) -------------------------------------------- */

static inline unsigned long sigmask(int sig)
{
	return 1UL << (sig - 1);
}

static inline void sigemptyset(sigset_t *set)
{
	set->sig[0] = 0;
}

static inline void sigfillset(sigset_t *set)
{
	set->sig[0] = ~0UL;
}

static inline void sigaddset(sigset_t *set, int sig)
{
	set->sig[0] |= sigmask(sig);
}

static inline void sigdelset(sigset_t *set, int sig)
{
	set->sig[0] &= ~sigmask(sig);
}

static inline bool sigismember(const sigset_t *set, int sig)
{
	return set->sig[0] & sigmask(sig);
}

static inline bool sigisemptyset(const sigset_t *set)
{
	return set->sig[0] == 0;
}

static inline void sigaddsetmask(sigset_t *set, unsigned long mask)
{
	set->sig[0] |= mask;
}

static inline void sigdelsetmask(sigset_t *set, unsigned long mask)
{
	set->sig[0] &= ~mask;
}

static inline void sigorsets(sigset_t *r, const sigset_t *a, const sigset_t *b)
{
	r->sig[0] = a->sig[0] | b->sig[0];
}

static inline void sigandsets(sigset_t *r, const sigset_t *a, const sigset_t *b)
{
	r->sig[0] = a->sig[0] & b->sig[0];
}

static inline void sigandnsets(sigset_t *r, const sigset_t *a, const sigset_t *b)
{
	r->sig[0] = a->sig[0] & ~b->sig[0];
}

static inline bool valid_signal(unsigned long sig)
{
	return sig <= _NSIG;
}

/* SIGKILL and SIGSTOP can be neither caught, blocked nor ignored. */
#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | \
				 sigmask(SIGTTOU))
#define SIG_KERNEL_COREDUMP_MASK (sigmask(SIGQUIT) | sigmask(SIGILL) | sigmask(SIGTRAP) | \
				  sigmask(SIGABRT) | sigmask(SIGFPE) | sigmask(SIGSEGV) | \
				  sigmask(SIGBUS) | sigmask(SIGSYS) | sigmask(SIGXCPU) | \
				  sigmask(SIGXFSZ))
#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCONT) | sigmask(SIGCHLD) | sigmask(SIGWINCH) | \
				 sigmask(SIGURG))
#define SIG_SYNCHRONOUS_MASK	(sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | \
				 sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))

static inline bool sig_kernel_only(int sig)
{
	return sig <= 32 && (sigmask(sig) & SIG_KERNEL_ONLY_MASK);
}

static inline bool sig_kernel_stop(int sig)
{
	return sig <= 32 && (sigmask(sig) & SIG_KERNEL_STOP_MASK);
}

static inline bool sig_kernel_coredump(int sig)
{
	return sig <= 32 && (sigmask(sig) & SIG_KERNEL_COREDUMP_MASK);
}

static inline bool sig_kernel_ignore(int sig)
{
	return sig <= 32 && (sigmask(sig) & SIG_KERNEL_IGNORE_MASK);
}

/* The default action of @sig: what a SIG_DFL handler does. */
enum sig_default {
	SIG_DFL_TERM,		/* terminate */
	SIG_DFL_CORE,		/* terminate, core flag in the wait status (no core file) */
	SIG_DFL_STOP,		/* job-control stop */
	SIG_DFL_CONT,		/* continue (done at send time), otherwise ignore */
	SIG_DFL_IGN,		/* ignore */
};

static inline enum sig_default sig_default_action(int sig)
{
	if (sig == SIGCONT)
		return SIG_DFL_CONT;
	if (sig_kernel_ignore(sig))
		return SIG_DFL_IGN;
	if (sig_kernel_stop(sig))
		return SIG_DFL_STOP;
	if (sig_kernel_coredump(sig))
		return SIG_DFL_CORE;
	return SIG_DFL_TERM;
}

/* Lowest-numbered signal in @set, or 0. Synchronous (fault) signals first, as Linux. */
static inline int next_signal_in(const sigset_t *set)
{
	unsigned long x = set->sig[0];

	if (!x)
		return 0;
	if (x & SIG_SYNCHRONOUS_MASK)
		x &= SIG_SYNCHRONOUS_MASK;
	return __builtin_ctzl(x) + 1;
}

/* ---- wait(2) status words (pure: host-tested) ----------------------------------------- */

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WSTOPPED	WUNTRACED
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

#define P_ALL		0
#define P_PID		1
#define P_PGID		2
#define P_PIDFD		3

/* exit(@code): status (code & 0xff) << 8. Killed by @sig: sig | 0x80 if it "dumped core". */
static inline int wstatus_exited(int code)
{
	return (code & 0xff) << 8;
}

static inline int wstatus_signaled(int sig, bool core)
{
	return (sig & 0x7f) | (core ? 0x80 : 0);
}

static inline int wstatus_stopped(int sig)
{
	return (sig << 8) | 0x7f;
}

#define WSTATUS_CONTINUED	0xffff

#endif /* _STARLING_SIGSET_H */
