// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 kprobes: int3 breakpoints, out-of-line single-stepping, return trampolines.
 *
 * Arming writes int3 (0xcc) over the first byte of the probed instruction through
 * text_poke() inside stop_machine(), so no CPU executes a half-written instruction. A copy of
 * the instruction sits in a 64-byte slot of an instruction page (within +-2 GiB of the
 * kernel, so RIP-relative operands can be re-aimed). A hit:
 *
 *   int3 -> pre handlers -> ip = slot, TF set, IF clear -> the copy runs once -> #DB ->
 *   fix-ups -> post handlers -> resume after the original instruction
 *
 * Fix-ups after the step, from the decoder's class: relative branches and calls land at
 * slot-relative targets and get ip -= slot - addr; calls also get their pushed return
 * address corrected; ret and indirect jumps/calls already hold absolute targets.
 *
 * Boosting: an instruction that needs no fix-up (no branch, call or return) on a probe with
 * no post handler is not stepped. The slot holds two copies of it, each followed by
 * `jmp addr + len`, the second with an `sti` in between:
 *
 *   slot + 0:              insn; jmp addr + len           for a context with IRQs off
 *   slot + BOOST_IRQS_ON:  insn; sti; jmp addr + len      for a context with IRQs on
 *
 * and the int3 handler returns into one of them with IF clear. So no interrupt, and no
 * preemption, can ever leave a task inside a slot (sti's shadow covers the jmp): a removed
 * probe's slot is free once stop_machine() is over, as for stepping. One trap instead of
 * two. The instructions that read or change IF (pushf, popf, cli, sti) and hlt are never
 * accepted by the decoder, so running the copy with IF clear changes nothing it can see.
 *
 * A probe on a function's first byte takes another road when the function starts with the
 * 5-byte nop that -mfentry -mnop-mcount compile in (the sites are listed in __mcount_loc):
 * arming turns the nop into `call kprobe_ftrace_caller` and disarming back into the nop, both
 * whole inside stop_machine(). A hit is then a call, not a trap:
 *
 *   call -> kprobe_ftrace_caller builds pt_regs -> kprobe_ftrace_handler: pre handlers,
 *   post handlers -> return to the function's second instruction
 *
 * as Linux's ftrace-based kprobes (listed with [FTRACE]). Nothing is stepped, so no slot is
 * needed. The handlers run with IRQs off as on the breakpoint road: stop_machine() reaches
 * the other CPUs through an IPI, so IRQs off is what keeps a handler's probe from being
 * removed under it. Trace records still show the probed context's IRQ state
 * (arch_kprobe_masked_irqs()).
 *
 * Per-CPU state (kprobe_ctlblk) is touched only with IRQs off. A probe hit while a handler
 * runs on the same CPU runs no handlers and is counted as missed (an int3 one is stepped;
 * one level of re-entry, as Linux).
 */
#include <starling/kprobes.h>
#include <starling/percpu.h>
#include <starling/printk.h>
#include <starling/string.h>
#include <starling/errno.h>
#include <starling/preempt.h>
#include <starling/extable.h>
#include <starling/entry.h>
#include <asm/insn.h>
#include <asm/ptrace.h>
#include <asm/pgtable.h>
#include <asm/irqflags.h>

#define X86_EFLAGS_TF		0x100UL
#define CALL_INSN_OPCODE	0xe8
#define JMP_INSN_OPCODE		0xe9
#define STI_INSN_OPCODE		0xfb
#define BOOST_IRQS_ON		(KPROBE_SLOT_SIZE / 2)	/* the second copy in a slot */
#define DR6_BS			(1UL << 14)

enum kprobe_status { KPROBE_IDLE, KPROBE_HIT_ACTIVE, KPROBE_HIT_SS, KPROBE_REENTER };

struct kprobe_ctlblk {
	struct kprobe_point	*cur;
	enum kprobe_status	status;
	unsigned long		saved_flags;	/* TF and IF of the probed context */
	struct kprobe_point	*prev_cur;	/* the outer probe while re-entered */
	enum kprobe_status	prev_status;
	unsigned long		prev_saved_flags;
	bool			masked_irqs;	/* an entry probe's handler; IRQs were on */
};
static DEFINE_PER_CPU(struct kprobe_ctlblk, kprobe_ctlblk);	/* IRQs off */

extern const char kretprobe_trampoline[];
extern const char kprobe_ftrace_caller[];
extern const unsigned long __start_mcount_loc[], __stop_mcount_loc[];

static const u8 fentry_nop[KPROBE_FENTRY_SIZE] = { 0x0f, 0x1f, 0x44, 0x00, 0x00 };

/* Read kernel text as it was before any breakpoint or entry call went in. */
static void read_orig_text(unsigned long addr, u8 *buf, size_t len)
{
	memcpy(buf, (const void *)addr, len);
	for (size_t i = 0; i < len; i++) {
		struct kprobe_point *kp;

		if (buf[i] != BREAKPOINT_INSTRUCTION && buf[i] != CALL_INSN_OPCODE)
			continue;
		kp = get_kprobe_point(addr + i);
		if (!kp || !kp->armed)
			continue;
		if (kp->ainsn.fentry)
			memcpy(buf + i, fentry_nop, min_t(size_t, len - i, KPROBE_FENTRY_SIZE));
		else
			buf[i] = kp->ainsn.opcode;
	}
}

/* Whether @addr is a function-entry nop the compiler listed in __mcount_loc. */
static bool fentry_site(unsigned long addr)
{
	u8 buf[KPROBE_FENTRY_SIZE];

	read_orig_text(addr, buf, sizeof(buf));
	if (memcmp(buf, fentry_nop, sizeof(buf)))
		return false;
	for (const unsigned long *p = __start_mcount_loc; p < __stop_mcount_loc; p++)
		if (*p == addr)
			return true;
	return false;
}

bool arch_insn_boundary(unsigned long func, unsigned long size, unsigned long off)
{
	unsigned long pos = 0;

	while (pos < off && pos < size) {
		u8 buf[MAX_INSN_SIZE];
		struct insn insn;
		size_t n = min_t(size_t, sizeof(buf), size - pos);

		read_orig_text(func + pos, buf, n);
		if (insn_decode(&insn, buf, n))
			return false;
		pos += insn.length;
	}
	return pos == off;
}

static int decode_at(unsigned long addr, struct insn *insn, u8 *buf)
{
	read_orig_text(addr, buf, MAX_INSN_SIZE);
	return insn_decode(insn, buf, MAX_INSN_SIZE);
}

int arch_check_insn(unsigned long addr)
{
	u8 buf[MAX_INSN_SIZE];
	struct insn insn;

	if (decode_at(addr, &insn, buf))
		return -EILSEQ;
	return insn_kprobe_classify(&insn) == INSN_KPROBE_REJECT ? -EINVAL : 0;
}

/*
 * Called after the probe's removal went through stop_machine(), so no CPU is stepping in
 * the slot any more.
 */
void arch_free_kprobe_insn(struct kprobe_point *kp)
{
	if (kp->ainsn.insn)	/* an entry probe has none */
		free_insn_slot(kp->ainsn.insn);
	kp->ainsn.insn = NULL;
}

/*
 * One copy of the instruction at @at: its RIP-relative displacement re-aimed for @at, then
 * (for boosting) `sti` when @sti, and `jmp addr + len`. -EINVAL if a target is out of rel32
 * reach.
 */
static int write_slot_copy(u8 *at, const u8 *orig, const struct insn *insn, unsigned long addr,
			   bool sti)
{
	u8 code[BOOST_IRQS_ON];
	unsigned int n = insn->length;
	s64 rel;

	memcpy(code, orig, n);
	if (insn->rip_relative) {
		rel = (s64)insn->displacement + (s64)addr - (s64)at;
		if (rel != (s32)rel)
			return -EINVAL;
		memcpy(code + insn->disp_offset, &(s32){ rel }, 4);
	}
	if (sti)
		code[n++] = STI_INSN_OPCODE;
	rel = (s64)(addr + insn->length) - (s64)((unsigned long)at + n + 5);
	if (rel != (s32)rel)
		return -EINVAL;
	code[n] = JMP_INSN_OPCODE;
	memcpy(code + n + 1, &(s32){ rel }, 4);
	text_poke(at, code, n + 5);
	return 0;
}

int arch_prepare_kprobe(struct kprobe_point *kp, unsigned long addr)
{
	u8 buf[MAX_INSN_SIZE];
	struct insn insn;
	enum insn_kprobe_class cls;
	u8 *slot;

	kp->ainsn.fentry = fentry_site(addr);
	if (kp->ainsn.fentry) {
		kp->ainsn.insn = NULL;
		kp->ainsn.opcode = fentry_nop[0];
		kp->ainsn.len = KPROBE_FENTRY_SIZE;
		return 0;
	}
	if (decode_at(addr, &insn, buf))
		return -EILSEQ;
	cls = insn_kprobe_classify(&insn);
	if (cls == INSN_KPROBE_REJECT)
		return -EINVAL;
	slot = get_insn_slot();
	if (!slot)
		return -ENOMEM;
	kp->ainsn.insn = slot;
	kp->ainsn.opcode = buf[0];
	kp->ainsn.len = insn.length;
	kp->ainsn.fix_call = cls == INSN_KPROBE_EMULATE_CALL ||
			     cls == INSN_KPROBE_EMULATE_CALL_INDIRECT;
	kp->ainsn.fix_ip = cls != INSN_KPROBE_EMULATE_RET &&
			   cls != INSN_KPROBE_EMULATE_JMP_INDIRECT &&
			   cls != INSN_KPROBE_EMULATE_CALL_INDIRECT;
	/* A fault in a boosted copy could not be traced back to @addr: none where one may be. */
	kp->ainsn.boostable = (cls == INSN_KPROBE_SAFE_TO_STEP || cls == INSN_KPROBE_RIP_RELATIVE) &&
			      !search_exception_tables(addr);
	if (write_slot_copy(slot, buf, &insn, addr, false) ||
	    (kp->ainsn.boostable && write_slot_copy(slot + BOOST_IRQS_ON, buf, &insn, addr, true))) {
		arch_free_kprobe_insn(kp);
		return -EINVAL;
	}
	return 0;
}

void arch_arm_kprobe(struct kprobe_point *kp)
{
	u8 int3 = BREAKPOINT_INSTRUCTION;

	if (kp->ainsn.fentry) {
		s32 rel = (s32)((long)kprobe_ftrace_caller - (long)(kp->addr + KPROBE_FENTRY_SIZE));
		u8 call[KPROBE_FENTRY_SIZE] = { CALL_INSN_OPCODE };

		memcpy(call + 1, &rel, sizeof(rel));
		text_poke((void *)kp->addr, call, sizeof(call));
		return;
	}
	text_poke((void *)kp->addr, &int3, 1);
}

void arch_disarm_kprobe(struct kprobe_point *kp)
{
	if (kp->ainsn.fentry)
		text_poke((void *)kp->addr, fentry_nop, sizeof(fentry_nop));
	else
		text_poke((void *)kp->addr, &kp->ainsn.opcode, 1);
}

/* The probe whose handlers run on this CPU (Linux's set_current_kprobe()); IRQs off. */
static nokprobe_inline void set_current_kprobe(struct kprobe_ctlblk *kcb, struct kprobe_point *kp)
{
	kcb->cur = kp;
	kcb->status = KPROBE_HIT_ACTIVE;
}

/* Its handlers are done, and it needs no single step. */
static nokprobe_inline void reset_current_kprobe(struct kprobe_ctlblk *kcb)
{
	kcb->cur = NULL;
	kcb->status = KPROBE_IDLE;
}

bool arch_kprobe_ftrace(const struct kprobe_point *kp)
{
	return kp->ainsn.fentry;
}

/*
 * kprobe_ftrace_handler() - an armed entry probe's call, from kprobe_ftrace_caller
 * @regs: the probed context; regs->ip is the function
 *
 * Handlers see regs->ip one past the probed address, as after a breakpoint, and post
 * handlers the function's second instruction. The lookup happens with IRQs off: a probe
 * removed while this task was on its way here is simply not found, and the function goes on.
 *
 * Return: where the function goes on (regs->ip if a pre handler redirected it).
 */
unsigned long __noprobe kprobe_ftrace_handler(struct pt_regs *regs)
{
	unsigned long addr = regs->ip, next = addr + KPROBE_FENTRY_SIZE, flags;
	struct kprobe_ctlblk *kcb;
	struct kprobe_point *kp;

	local_irq_save(flags);
	kp = get_kprobe_point(addr);
	if (!kp || !kp->ainsn.fentry)
		goto out;
	kcb = this_cpu_ptr(&kprobe_ctlblk);
	if (kcb->cur) {
		kprobe_count_missed(kp);
		goto out;
	}
	set_current_kprobe(kcb, kp);
	kcb->masked_irqs = regs->flags & X86_EFLAGS_IF;
	regs->ip = addr + 1;
	if (kprobe_run_pre_handlers(kp, regs)) {
		next = regs->ip;
	} else {
		regs->ip = next;
		kprobe_run_post_handlers(kp, regs);
	}
	reset_current_kprobe(kcb);
	kcb->masked_irqs = false;
out:
	local_irq_restore(flags);
	return next;
}

bool __noprobe arch_kprobe_masked_irqs(void)
{
	return this_cpu_read(kprobe_ctlblk.masked_irqs);
}

void __noprobe arch_prepare_kretprobe(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	ri->stack_loc = kretprobe_frame(regs);
	ri->ret_addr = *ri->stack_loc;
	*ri->stack_loc = (unsigned long)kretprobe_trampoline;
}

static void __noprobe setup_singlestep(struct kprobe_point *kp, struct pt_regs *regs,
				       struct kprobe_ctlblk *kcb, enum kprobe_status status)
{
	kcb->saved_flags = regs->flags & (X86_EFLAGS_TF | X86_EFLAGS_IF);
	regs->flags |= X86_EFLAGS_TF;
	regs->flags &= ~X86_EFLAGS_IF;
	regs->ip = (unsigned long)kp->ainsn.insn;
	kcb->status = status;
}

/* int3 in kernel mode. Return true when it was a kprobe's. IRQs are off. */
bool __noprobe kprobe_breakpoint_handler(struct pt_regs *regs)
{
	struct kprobe_ctlblk *kcb = this_cpu_ptr(&kprobe_ctlblk);
	unsigned long addr = regs->ip - 1;
	struct kprobe_point *kp = get_kprobe_point(addr);

	if (!kp) {
		/* Disarmed between the trap and now: run the restored instruction. */
		if (*(u8 *)addr != BREAKPOINT_INSTRUCTION) {
			regs->ip = addr;
			return true;
		}
		return false;
	}
	if (kcb->cur) {
		if (kcb->status == KPROBE_HIT_SS || kcb->status == KPROBE_REENTER)
			panic("kprobe: unrecoverable re-entry at %pS while stepping %pS",
			      (void *)addr, (void *)kcb->cur->addr);
		kcb->prev_cur = kcb->cur;
		kcb->prev_status = kcb->status;
		kcb->prev_saved_flags = kcb->saved_flags;
		kcb->cur = kp;
		kprobe_count_missed(kp);
		setup_singlestep(kp, regs, kcb, KPROBE_REENTER);
		return true;
	}
	set_current_kprobe(kcb, kp);
	if (kprobe_run_pre_handlers(kp, regs)) {
		reset_current_kprobe(kcb);	/* a handler redirected regs->ip */
		return true;
	}
	if (kp->ainsn.boostable && !kprobe_has_post_handlers(kp)) {
		regs->ip = (unsigned long)kp->ainsn.insn;
		if (regs->flags & X86_EFLAGS_IF) {
			regs->ip += BOOST_IRQS_ON;
			regs->flags &= ~X86_EFLAGS_IF;
		}
		reset_current_kprobe(kcb);
		return true;
	}
	setup_singlestep(kp, regs, kcb, KPROBE_HIT_SS);
	return true;
}

/*
 * A step is over or abandoned: the probed context's TF and IF come back, and a re-entered
 * probe gives the CPU back to the outer one. Return: whether it was a first-level step
 * (its probe is still current).
 */
static nokprobe_inline bool end_step(struct kprobe_ctlblk *kcb, struct pt_regs *regs)
{
	regs->flags = (regs->flags & ~(X86_EFLAGS_TF | X86_EFLAGS_IF)) | kcb->saved_flags;
	if (kcb->status != KPROBE_REENTER)
		return true;
	kcb->cur = kcb->prev_cur;
	kcb->status = kcb->prev_status;
	kcb->saved_flags = kcb->prev_saved_flags;
	return false;
}

/* #DB in kernel mode: the end of a kprobe's single step? IRQs are off. */
bool __noprobe kprobe_single_step_handler(struct pt_regs *regs)
{
	struct kprobe_ctlblk *kcb = this_cpu_ptr(&kprobe_ctlblk);
	struct kprobe_point *kp = kcb->cur;
	unsigned long slot, dr6;

	if (!kp || (kcb->status != KPROBE_HIT_SS && kcb->status != KPROBE_REENTER))
		return false;
	__asm__ __volatile__("mov %%dr6, %0" : "=r"(dr6));
	if (!(dr6 & DR6_BS))
		return false;
	slot = (unsigned long)kp->ainsn.insn;
	if (kp->ainsn.fix_call)
		*(unsigned long *)regs->sp = kp->addr + kp->ainsn.len;
	if (kp->ainsn.fix_ip)
		regs->ip = regs->ip - slot + kp->addr;
	__asm__ __volatile__("mov %0, %%dr6" :: "r"(0UL));
	if (end_step(kcb, regs)) {
		kprobe_run_post_handlers(kp, regs);
		reset_current_kprobe(kcb);
	}
	return true;
}

void __noprobe kprobe_fault_handler(struct pt_regs *regs)
{
	struct kprobe_ctlblk *kcb = this_cpu_ptr(&kprobe_ctlblk);
	struct kprobe_point *kp = kcb->cur;

	if (!kp || (kcb->status != KPROBE_HIT_SS && kcb->status != KPROBE_REENTER) ||
	    regs->ip != (unsigned long)kp->ainsn.insn)
		return;
	regs->ip = kp->addr;
	if (end_step(kcb, regs))
		reset_current_kprobe(kcb);
}

/* Helpers the trampoline below calls into must never be probed either. */
NOKPROBE_SYMBOL(kprobe_breakpoint_handler);
NOKPROBE_SYMBOL(kprobe_single_step_handler);
NOKPROBE_SYMBOL(kprobe_fault_handler);
NOKPROBE_SYMBOL(kprobe_ftrace_handler);
