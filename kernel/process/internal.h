// SPDX-License-Identifier: GPL-2.0-only
/*
 * Internals shared by the process layer's files (kernel/fork.c, exit.c, signal.c, sys.c,
 * futex.c, itimer.c, cred.c) and the arch signal-frame code.
 */
#ifndef _KERNEL_PROCESS_INTERNAL_H
#define _KERNEL_PROCESS_INTERNAL_H

#include <starling/signal.h>
#include <starling/cred.h>

struct pt_regs;

/* A signal chosen for delivery by get_signal(). */
struct ksignal {
	struct k_sigaction	ka;
	kernel_siginfo_t	info;
	int			sig;
};

/* TASK_STOPPED as this kernel sleeps it: SIGCONT and SIGKILL wake it explicitly. */
#define TASK_JOBSTOP		__TASK_STOPPED

/* signal.c */
void recalc_sigpending_tsk(struct task_struct *t);	/* siglock held */
void recalc_sigpending(void);
void signal_wake_up(struct task_struct *t, bool fatal);	/* siglock held */
bool get_signal(struct ksignal *ksig);
void signal_setup_done(int failed, struct ksignal *ksig);
void restore_saved_sigmask(void);
bool on_sig_stack(unsigned long sp);
int sas_ss_flags(unsigned long sp);
int restore_altstack(const stack_t __user *uss, unsigned long sp);
void do_notify_parent_cldstop(struct task_struct *tsk, int why);
void zap_other_threads(struct task_struct *p);	/* siglock held */
void flush_sigqueue(struct sigpending *pending);
void init_sigpending(struct sigpending *sig);
bool sig_task_ignored(struct task_struct *t, int sig);

/* signal.c: Linux's name, an arch function there; here generic around setup_rt_frame() */
void arch_do_signal_or_restart(struct pt_regs *regs, bool in_syscall);

/* arch/<arch>/kernel/signal.c: write the handler's frame and point @regs at the handler */
int setup_rt_frame(struct ksignal *ksig, const sigset_t *oldset, struct pt_regs *regs);

/* exit.c */
void release_task(struct task_struct *p);
struct task_struct *proc_child_reaper(void);
void proc_free_deferred(void);

/* fork.c */
struct sighand_struct *sighand_alloc(void);
void sighand_put(struct sighand_struct *sh);
struct signal_struct *signal_alloc(void);
void signal_put(struct signal_struct *sig);

/* futex.c */
void exit_robust_list(struct task_struct *p);

/* Iterate over the threads of @sig (siglock or tasklist_lock held). */
#define for_each_thread_proc(sig, tp) \
	list_for_each_entry(tp, &(sig)->thread_head, thread_node)

#endif /* _KERNEL_PROCESS_INTERNAL_H */
