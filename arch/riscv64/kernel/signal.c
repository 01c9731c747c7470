// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 signal frames: build the rt_sigframe (<asm/sigframe.h>, Linux's layout) on the
 * user stack or the alternate stack and point the user registers at the handler; the
 * handler returns through ra into a trampoline (li a7, 139; ecall) that rt_sigreturn
 * answers by reading the frame back. The user FP state is live in the FP registers while
 * current is in the kernel (the kernel never uses them), so it is saved into and restored
 * from the frame through thread_struct's save area.
 *
 * The trampoline: Linux keeps it in the vDSO. Starling maps one read-only, executable
 * anonymous page per program the first time it delivers a signal to a handler, and
 * remembers its address in thread_struct (inherited by fork and clone, cleared by exec).
 *
 * System call restart is generic (arch_do_signal_or_restart() in kernel/signal.c); the
 * hooks in <asm/syscall.h> rewind epc over the 4-byte ecall and reload a0 from orig_a0.
 * rt_sigreturn marks its registers as no longer a system call's (cause = -1, as Linux
 * does), which arch_syscall_restartable() reads.
 */
#include <starling/signal.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/string.h>
#include <starling/errno.h>
#include <starling/mm_user.h>
#include <starling/mutex.h>
#include <starling/slab.h>
#include <starling/sched.h>
#include <asm/sigframe.h>
#include <asm/ptrace.h>
#include <asm/syscall.h>
#include <asm/unistd.h>
#include "../../../kernel/process/internal.h"

#define RV_LI_A7_SIGRETURN	(0x00000893U | (__NR_rt_sigreturn << 20))	/* addi a7, x0, 139 */
#define RV_ECALL		0x00000073U

_Static_assert(sizeof(struct sigcontext) == 784, "riscv sigcontext layout");
_Static_assert(__builtin_offsetof(struct ucontext, uc_mcontext) == 176, "riscv ucontext layout");
_Static_assert(__builtin_offsetof(struct rt_sigframe, uc) == 128, "riscv rt_sigframe layout");

/* The trampoline's user address in current's program, mapping it on first use; 0 if none. */
static unsigned long sigreturn_trampoline(void)
{
	struct thread_struct *t = &current->thread;
	struct mm_struct *mm = current->mm;
	unsigned long addr;
	u32 *code;

	if (t->sigreturn)
		return t->sigreturn;
	addr = vm_mmap(NULL, 0, PAGE_SIZE, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(addr))
		return 0;
	mutex_lock(&mm->mmap_lock);
	code = user_addr_to_kernel(mm, addr, false);
	if (code) {
		code[0] = RV_LI_A7_SIGRETURN;
		code[1] = RV_ECALL;
	}
	mutex_unlock(&mm->mmap_lock);
	if (!code)
		return 0;
	__asm__ __volatile__("fence.i" ::: "memory");
	t->sigreturn = addr;
	return addr;
}

static void fill_sigcontext(struct sigcontext *sc, const struct pt_regs *regs)
{
	struct thread_struct *t = &current->thread;

	memset(sc, 0, sizeof(*sc));
	/* struct pt_regs starts with epc, x1..x31: the user_regs_struct layout */
	memcpy(&sc->sc_regs, regs, sizeof(sc->sc_regs));
	fpu_save(t);
	memcpy(sc->sc_fpregs.d.f, t->fstate, sizeof(t->fstate));
	sc->sc_fpregs.d.fcsr = t->fcsr;
}

int setup_rt_frame(struct ksignal *ksig, const sigset_t *oldset, struct pt_regs *regs)
{
	struct task_proc *tp = task_proc(current);
	unsigned long sp = regs->sp, tramp = sigreturn_trampoline();
	struct rt_sigframe __user *uframe;
	struct rt_sigframe *frame;
	int ret = -EFAULT;

	if (!tramp)
		return -EFAULT;
	if ((ksig->ka.sa.sa_flags & SA_ONSTACK) && tp->sas_ss_size && !on_sig_stack(sp))
		sp = tp->sas_ss_sp + tp->sas_ss_size;
	sp = (sp - sizeof(struct rt_sigframe)) & ~15UL;
	uframe = (struct rt_sigframe __user *)sp;
	frame = kzalloc(sizeof(*frame), GFP_KERNEL);	/* 1 KiB: too much for the stack */
	if (!frame)
		return -ENOMEM;
	if (ksig->ka.sa.sa_flags & SA_SIGINFO)
		frame->info = ksig->info;
	frame->uc.uc_stack.ss_sp = (void __user *)tp->sas_ss_sp;
	frame->uc.uc_stack.ss_flags = sas_ss_flags(regs->sp) | (tp->sas_ss_flags & SS_FLAG_BITS);
	frame->uc.uc_stack.ss_size = tp->sas_ss_size;
	frame->uc.uc_sigmask = *oldset;
	fill_sigcontext(&frame->uc.uc_mcontext, regs);
	if (copy_to_user(uframe, frame, sizeof(*frame)))
		goto out_free;
	regs->a0 = ksig->sig;
	regs->a1 = (unsigned long)&uframe->info;
	regs->a2 = (unsigned long)&uframe->uc;
	regs->epc = (unsigned long)ksig->ka.sa.sa_handler;
	regs->ra = tramp;
	regs->sp = sp;
	ret = 0;
out_free:
	kfree(frame);
	return ret;
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct rt_sigframe __user *uframe = (struct rt_sigframe __user *)regs->sp;
	struct thread_struct *t = &current->thread;
	struct ucontext *uc;
	unsigned long sp = regs->sp, status = regs->status;
	long ret;

	if (!task_proc(current))
		return -ENOSYS;
	uc = kmalloc(sizeof(*uc), GFP_KERNEL);
	if (!uc)
		goto badframe;
	if (copy_from_user(uc, &uframe->uc, sizeof(*uc)))
		goto badframe_free;
	if (uc->uc_mcontext.sc_regs.pc >= TASK_SIZE)
		goto badframe_free;
	set_current_blocked(&uc->uc_sigmask);
	memcpy(regs, &uc->uc_mcontext.sc_regs, sizeof(uc->uc_mcontext.sc_regs));
	regs->status = status;		/* user mode stays user mode */
	regs->orig_a0 = regs->a0;
	memcpy(t->fstate, uc->uc_mcontext.sc_fpregs.d.f, sizeof(t->fstate));
	t->fcsr = uc->uc_mcontext.sc_fpregs.d.fcsr;
	fpu_restore(t);
	kfree(uc);
	restore_altstack(&uframe->uc.uc_stack, sp);
	ret = regs->a0;
	regs->cause = -1UL;		/* not a system call any more: no restart on the way out */
	return ret;
badframe_free:
	kfree(uc);
badframe:
	force_sig(SIGSEGV);
	return 0;
}
