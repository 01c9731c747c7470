// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 signal frames: build the rt_sigframe (<asm/sigframe.h>, Linux's layout) on the user
 * stack or the alternate stack and point the user registers at the handler; rt_sigreturn
 * reads it back. The user FPU/SSE state is live in the CPU while current is in the kernel
 * (the kernel never uses those registers), so the frame's fpstate is saved with fxsave64
 * and restored with fxrstor64 directly.
 *
 * System call restart is generic (arch_do_signal_or_restart() in kernel/signal.c); the
 * hooks in <asm/syscall.h> rewind ip over the 2-byte syscall instruction and reload ax.
 */
#include <starling/signal.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/string.h>
#include <starling/errno.h>
#include <asm/sigframe.h>
#include <asm/fpu.h>
#include <asm/segment.h>
#include <asm/ptrace.h>
#include <asm/syscall.h>
#include "../../../kernel/process/internal.h"

#define X86_EFLAGS_CF	0x0001UL
#define X86_EFLAGS_PF	0x0004UL
#define X86_EFLAGS_AF	0x0010UL
#define X86_EFLAGS_ZF	0x0040UL
#define X86_EFLAGS_SF	0x0080UL
#define X86_EFLAGS_TF	0x0100UL
#define X86_EFLAGS_DF	0x0400UL
#define X86_EFLAGS_OF	0x0800UL
#define X86_EFLAGS_RF	0x10000UL
#define X86_EFLAGS_AC	0x40000UL

/* The flags a signal frame may change (Linux's FIX_EFLAGS). */
#define FIX_EFLAGS	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | X86_EFLAGS_TF | \
			 X86_EFLAGS_SF | X86_EFLAGS_ZF | X86_EFLAGS_AF | X86_EFLAGS_PF | \
			 X86_EFLAGS_CF | X86_EFLAGS_RF)

#define USER_ADDR_LIMIT	0x00007ffffffff000UL
#define RED_ZONE	128

static bool user_addr_ok(unsigned long a)
{
	return a < USER_ADDR_LIMIT;
}

static void fill_sigcontext(struct sigcontext_64 *sc, const struct pt_regs *regs,
			    unsigned long mask, unsigned long fpstate)
{
	memset(sc, 0, sizeof(*sc));
	sc->r8 = regs->r8;
	sc->r9 = regs->r9;
	sc->r10 = regs->r10;
	sc->r11 = regs->r11;
	sc->r12 = regs->r12;
	sc->r13 = regs->r13;
	sc->r14 = regs->r14;
	sc->r15 = regs->r15;
	sc->di = regs->di;
	sc->si = regs->si;
	sc->bp = regs->bp;
	sc->bx = regs->bx;
	sc->dx = regs->dx;
	sc->ax = regs->ax;
	sc->cx = regs->cx;
	sc->sp = regs->sp;
	sc->ip = regs->ip;
	sc->flags = regs->flags;
	sc->cs = regs->cs;
	sc->ss = regs->ss;
	sc->oldmask = mask;
	sc->fpstate = fpstate;
}

int setup_rt_frame(struct ksignal *ksig, const sigset_t *oldset, struct pt_regs *regs)
{
	struct task_proc *tp = task_proc(current);
	u8 fx[FXSAVE_SIZE] __aligned(64);
	unsigned long sp = regs->sp - RED_ZONE, fp;
	struct rt_sigframe frame;
	struct rt_sigframe __user *uframe;

	if (!(ksig->ka.sa.sa_flags & SA_RESTORER))
		return -EFAULT;		/* x86_64 requires a restorer, as Linux */
	if ((ksig->ka.sa.sa_flags & SA_ONSTACK) && tp->sas_ss_size && !on_sig_stack(regs->sp))
		sp = tp->sas_ss_sp + tp->sas_ss_size;
	sp -= FXSAVE_SIZE;
	sp &= ~63UL;
	fp = sp;
	sp -= sizeof(struct rt_sigframe);
	sp = (sp & ~15UL) - 8;		/* as after a call: (sp + 8) % 16 == 0 */
	uframe = (struct rt_sigframe __user *)sp;

	fpu_fxsave(fx);
	memset(fx + 464, 0, FXSAVE_SIZE - 464);		/* the software-available bytes */
	if (copy_to_user((void __user *)fp, fx, sizeof(fx)))
		return -EFAULT;

	memset(&frame, 0, sizeof(frame));
	frame.pretcode = (char __user *)ksig->ka.sa.sa_restorer;
	frame.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	frame.uc.uc_link = NULL;
	frame.uc.uc_stack.ss_sp = (void __user *)tp->sas_ss_sp;
	frame.uc.uc_stack.ss_flags = sas_ss_flags(regs->sp) | (tp->sas_ss_flags & SS_FLAG_BITS);
	frame.uc.uc_stack.ss_size = tp->sas_ss_size;
	fill_sigcontext(&frame.uc.uc_mcontext, regs, oldset->sig[0], fp);
	frame.uc.uc_sigmask = *oldset;
	if (ksig->ka.sa.sa_flags & SA_SIGINFO)
		frame.info = ksig->info;
	if (copy_to_user(uframe, &frame, sizeof(frame)))
		return -EFAULT;

	regs->di = ksig->sig;
	regs->si = (unsigned long)&uframe->info;
	regs->dx = (unsigned long)&uframe->uc;
	regs->ax = 0;
	regs->ip = (unsigned long)ksig->ka.sa.sa_handler;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF | X86_EFLAGS_AC);
	return 0;
}

static int restore_sigcontext(struct pt_regs *regs, const struct sigcontext_64 *sc)
{
	if (!user_addr_ok(sc->ip))
		return -EFAULT;
	regs->r8 = sc->r8;
	regs->r9 = sc->r9;
	regs->r10 = sc->r10;
	regs->r11 = sc->r11;
	regs->r12 = sc->r12;
	regs->r13 = sc->r13;
	regs->r14 = sc->r14;
	regs->r15 = sc->r15;
	regs->di = sc->di;
	regs->si = sc->si;
	regs->bp = sc->bp;
	regs->bx = sc->bx;
	regs->dx = sc->dx;
	regs->ax = sc->ax;
	regs->cx = sc->cx;
	regs->sp = sc->sp;
	regs->ip = sc->ip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->orig_ax = -1;		/* no system call restart on the way out */
	return 0;
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct rt_sigframe __user *uframe = (struct rt_sigframe __user *)(regs->sp - 8);
	u8 fx[FXSAVE_SIZE] __aligned(64);
	struct ucontext uc;
	unsigned long sp;

	if (!task_proc(current))
		return -ENOSYS;
	if (copy_from_user(&uc, &uframe->uc, sizeof(uc)))
		goto badframe;
	set_current_blocked(&uc.uc_sigmask);
	sp = regs->sp;
	if (restore_sigcontext(regs, &uc.uc_mcontext))
		goto badframe;
	if (uc.uc_mcontext.fpstate) {
		if (copy_from_user(fx, (const void __user *)uc.uc_mcontext.fpstate, sizeof(fx)))
			goto badframe;
		fpu_sanitize_image(fx);
		fpu_fxrstor(fx);
	} else {
		fpu_reset_live();
	}
	restore_altstack(&uframe->uc.uc_stack, sp);
	return regs->ax;

badframe:
	force_sig(SIGSEGV);
	return 0;
}
