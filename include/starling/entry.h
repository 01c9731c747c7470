// SPDX-License-Identifier: GPL-2.0-only
/*
 * The few entry points through which arch trap code calls up into generic code. Each arch's
 * trap handler decodes its own exception, then calls one of these.
 */
#ifndef _STARLING_ENTRY_H
#define _STARLING_ENTRY_H

#include <starling/types.h>
#include <starling/errno.h>
#include <starling/signal_nr.h>

struct pt_regs;

/* External interrupt @irq (arch numbering) arrived; runs in hardirq context. */
void generic_handle_irq(struct pt_regs *regs, unsigned int irq);
/* Breakpoint/single-step traps: return true when kprobes consumed them. */
/*
 * Any other kernel exception: if it came from a probed instruction's out-of-line copy, the
 * step is abandoned and @regs show the probed address, so the fault handler, the exception
 * table and oops reports see the original instruction (Linux's kprobe_page_fault()).
 */
#if CONFIG_KPROBES
bool kprobe_breakpoint_handler(struct pt_regs *regs);
bool kprobe_single_step_handler(struct pt_regs *regs);
void kprobe_fault_handler(struct pt_regs *regs);
#else
static inline bool kprobe_breakpoint_handler(struct pt_regs *regs) { return false; }
static inline bool kprobe_single_step_handler(struct pt_regs *regs) { return false; }
static inline void kprobe_fault_handler(struct pt_regs *regs) { }
#endif

#if CONFIG_USERSPACE
/*
 * Page fault at @addr; @write/@exec/@user describe the access. 0 handled, -EIO for SIGBUS
 * (a shared file mapping beyond the end of its file), -EACCES when a mapping forbids the
 * access, else -EFAULT (page_fault_signal() below says what the task gets).
 */
int handle_page_fault(struct pt_regs *regs, unsigned long addr, bool write, bool exec,
		      bool user);
/* A fault in user mode that nothing handled: deliver @sig to current. */
void force_sig_fault(int sig, int code, unsigned long addr);
/* Last work before returning to user mode: pending signals, rescheduling. IRQs off. */
void exit_to_user_mode(struct pt_regs *regs);
#else
static inline int handle_page_fault(struct pt_regs *regs, unsigned long addr, bool write,
				    bool exec, bool user) { return -14; }
static inline void force_sig_fault(int sig, int code, unsigned long addr) { }
static inline void exit_to_user_mode(struct pt_regs *regs) { }
#endif
/*
 * The signal for a user fault handle_page_fault() refused with @ret, and its si_code in
 * *@code, as Linux: SIGBUS/BUS_ADRERR for -EIO, SIGSEGV with SEGV_ACCERR when a mapping is
 * there but forbids the access, SEGV_MAPERR otherwise.
 */
static inline int page_fault_signal(int ret, int *code)
{
	if (ret == -EIO) {
		*code = 2;	/* BUS_ADRERR */
		return SIGBUS;
	}
	*code = ret == -EACCES ? 2 /* SEGV_ACCERR */ : 1 /* SEGV_MAPERR */;
	return SIGSEGV;
}

/* Timer tick on this CPU (hardirq context); @user_tick: it interrupted user mode. */
void scheduler_tick(bool user_tick);

/* Try the exception table: if @regs->ip is a fault-safe access, redirect it and return true. */
bool fixup_exception(struct pt_regs *regs);

#endif /* _STARLING_ENTRY_H */
