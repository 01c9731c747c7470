// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 kprobes: ebreak breakpoints, out-of-line steps ended by an ebreak, simulated
 * pc-relative instructions, return trampolines through ra.
 *
 * Arming writes ebreak over the probed instruction through text_poke() inside
 * stop_machine(), c.ebreak when the instruction is compressed (a 4-byte ebreak would cover
 * the next one); text_poke() then makes every hart drop stale instructions (fence.i). The
 * trap's epc is the probed address itself. A hit, from do_trap() with IRQs off:
 *
 *   ebreak -> pre handlers -> epc = slot, SPIE clear -> sret runs the copy with IRQs off ->
 *   the ebreak after it -> epc = addr + len, SPIE as it was -> post handlers
 *
 * The slot (8 bytes of an instruction page) holds the instruction and an ebreak. With IRQs
 * off through the step, no task is ever preempted inside a slot, so a removed probe's slot
 * is free once stop_machine() is over. pc-relative instructions, and addi with its
 * compressed forms (a function's usual first instruction, so entry and return probes gain
 * most), need no slot (decode-insn.c): they are simulated on the saved registers in the
 * first trap, and their post handlers run there too; one trap per hit.
 *
 * Per-CPU state (kprobe_ctlblk) is touched only with IRQs off. A probe hit while a handler
 * runs on the same CPU runs no handlers and is counted as missed (stepped or simulated; one
 * level of re-entry, as Linux).
 */
#include <starling/kprobes.h>
#include <starling/percpu.h>
#include <starling/printk.h>
#include <starling/string.h>
#include <starling/errno.h>
#include <starling/kernel.h>
#include <starling/entry.h>
#include <asm/insn.h>
#include <asm/ptrace.h>
#include <asm/pgtable.h>
#include <asm/csr.h>

/* rv_insn_simulate() takes x[1..31] at 8 * their number: pt_regs has them there. */
_Static_assert(__builtin_offsetof(struct pt_regs, t6) == 31 * sizeof(unsigned long), "");

enum kprobe_status { KPROBE_IDLE, KPROBE_HIT_ACTIVE, KPROBE_HIT_SS, KPROBE_REENTER };

struct kprobe_ctlblk {
	struct kprobe_point	*cur;
	enum kprobe_status	status;
	unsigned long		saved_spie;	/* SPIE of the probed context while stepping */
	struct kprobe_point	*prev_cur;	/* the outer probe while re-entered */
	enum kprobe_status	prev_status;
	unsigned long		prev_saved_spie;
};
static DEFINE_PER_CPU(struct kprobe_ctlblk, kprobe_ctlblk);	/* IRQs off */

extern const char kretprobe_trampoline[];

/* The instruction at @addr as it was before any breakpoint went in. */
static u32 read_orig_insn(unsigned long addr)
{
	struct kprobe_point *kp = get_kprobe_point(addr);
	u16 lo, hi;

	if (kp && kp->armed)
		return kp->ainsn.opcode;
	memcpy(&lo, (const void *)addr, sizeof(lo));
	if (rv_insn_len(lo) == 2)
		return lo;
	memcpy(&hi, (const void *)(addr + 2), sizeof(hi));
	return (u32)hi << 16 | lo;
}

/*
 * Instructions are 2 or 4 bytes, 2-aligned: walk from the function's entry. An armed probe
 * inside the function is read through its saved instruction.
 */
bool arch_insn_boundary(unsigned long func, unsigned long size, unsigned long off)
{
	unsigned long pos = 0;

	if (off & 1)
		return false;
	while (pos < off && pos < size)
		pos += rv_insn_len(read_orig_insn(func + pos));
	return pos == off;
}

int arch_check_insn(unsigned long addr)
{
	return rv_insn_classify(read_orig_insn(addr)) == RV_INSN_REJECT ? -EINVAL : 0;
}

int arch_prepare_kprobe(struct kprobe_point *kp, unsigned long addr)
{
	u32 insn = read_orig_insn(addr), ebreak = RV_INSN_EBREAK;
	enum rv_insn_class cls = rv_insn_classify(insn);
	u8 code[KPROBE_SLOT_SIZE];
	u8 *slot;

	if (cls == RV_INSN_REJECT)
		return -EINVAL;
	kp->ainsn.opcode = insn;
	kp->ainsn.len = rv_insn_len(insn);
	kp->ainsn.simulate = cls == RV_INSN_SIMULATE;
	kp->ainsn.insn = NULL;
	if (kp->ainsn.simulate)
		return 0;
	slot = get_insn_slot();
	if (!slot)
		return -ENOMEM;
	memcpy(code, &insn, kp->ainsn.len);
	memcpy(code + kp->ainsn.len, &ebreak, sizeof(ebreak));
	text_poke(slot, code, kp->ainsn.len + sizeof(ebreak));
	kp->ainsn.insn = (kprobe_opcode_t *)slot;
	return 0;
}

/* After the probe's removal went through stop_machine(): no hart is stepping in the slot. */
void arch_free_kprobe_insn(struct kprobe_point *kp)
{
	if (kp->ainsn.insn)
		free_insn_slot(kp->ainsn.insn);
	kp->ainsn.insn = NULL;
}

void arch_arm_kprobe(struct kprobe_point *kp)
{
	u32 ebreak = RV_INSN_EBREAK;
	u16 c_ebreak = RV_INSN_C_EBREAK;

	if (kp->ainsn.len == 2)
		text_poke((void *)kp->addr, &c_ebreak, sizeof(c_ebreak));
	else
		text_poke((void *)kp->addr, &ebreak, sizeof(ebreak));
}

void arch_disarm_kprobe(struct kprobe_point *kp)
{
	text_poke((void *)kp->addr, &kp->ainsn.opcode, kp->ainsn.len);
}

/* Entry probes are breakpoints here: no function-entry call sites. */
bool arch_kprobe_ftrace(const struct kprobe_point *kp)
{
	return false;
}

/* Handlers run in the trap with IRQs off, and records say so, as Linux's on riscv. */
bool __noprobe arch_kprobe_masked_irqs(void)
{
	return false;
}

void __noprobe arch_prepare_kretprobe(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	ri->stack_loc = kretprobe_frame(regs);
	ri->ret_addr = regs->ra;
	regs->ra = (unsigned long)kretprobe_trampoline;
}

/* The probe whose handlers run on this CPU (Linux's set_current_kprobe()); IRQs off. */
static nokprobe_inline void set_current_kprobe(struct kprobe_ctlblk *kcb, struct kprobe_point *kp)
{
	kcb->cur = kp;
	kcb->status = KPROBE_HIT_ACTIVE;
}

static nokprobe_inline void reset_current_kprobe(struct kprobe_ctlblk *kcb)
{
	kcb->cur = NULL;
	kcb->status = KPROBE_IDLE;
}

static nokprobe_inline void simulate(struct kprobe_point *kp, struct pt_regs *regs)
{
	regs->epc = rv_insn_simulate(kp->ainsn.opcode, kp->addr, (unsigned long *)regs);
}

/* Run the copy with IRQs off: sret takes SIE from SPIE. */
static nokprobe_inline void setup_singlestep(struct kprobe_point *kp, struct pt_regs *regs,
					     struct kprobe_ctlblk *kcb, enum kprobe_status status)
{
	kcb->saved_spie = regs->status & SR_SPIE;
	regs->status &= ~SR_SPIE;
	regs->epc = (unsigned long)kp->ainsn.insn;
	kcb->status = status;
}

static nokprobe_inline bool stepping(const struct kprobe_ctlblk *kcb)
{
	return kcb->cur && (kcb->status == KPROBE_HIT_SS || kcb->status == KPROBE_REENTER);
}

/* The step is over (or abandoned): @regs continue at @next with the probed IRQ state. */
static nokprobe_inline void finish_step(struct kprobe_ctlblk *kcb, struct pt_regs *regs,
					unsigned long next)
{
	regs->epc = next;
	regs->status = (regs->status & ~SR_SPIE) | kcb->saved_spie;
	if (kcb->status == KPROBE_REENTER) {
		kcb->cur = kcb->prev_cur;
		kcb->status = kcb->prev_status;
		kcb->saved_spie = kcb->prev_saved_spie;
	} else {
		reset_current_kprobe(kcb);
	}
}

static nokprobe_inline bool is_breakpoint_at(unsigned long addr)
{
	u16 lo = *(const u16 *)addr, hi;

	if (lo == RV_INSN_C_EBREAK)
		return true;
	hi = *(const u16 *)(addr + 2);
	return ((u32)hi << 16 | lo) == RV_INSN_EBREAK;
}

/* A probe hit while a handler runs on this CPU: no handlers, counted as missed. */
static nokprobe_inline void reenter(struct kprobe_ctlblk *kcb, struct kprobe_point *kp,
				    struct pt_regs *regs)
{
	if (kcb->status == KPROBE_HIT_SS || kcb->status == KPROBE_REENTER)
		panic("kprobe: unrecoverable re-entry at %pS while stepping %pS",
		      (void *)kp->addr, (void *)kcb->cur->addr);
	kprobe_count_missed(kp);
	if (kp->ainsn.simulate) {
		simulate(kp, regs);
		return;
	}
	kcb->prev_cur = kcb->cur;
	kcb->prev_status = kcb->status;
	kcb->prev_saved_spie = kcb->saved_spie;
	kcb->cur = kp;
	setup_singlestep(kp, regs, kcb, KPROBE_REENTER);
}

/* ebreak in kernel mode. Return true when it was a kprobe's. IRQs are off. */
bool __noprobe kprobe_breakpoint_handler(struct pt_regs *regs)
{
	struct kprobe_ctlblk *kcb = this_cpu_ptr(&kprobe_ctlblk);
	unsigned long addr = regs->epc;
	struct kprobe_point *kp;

	if (stepping(kcb) &&
	    addr == (unsigned long)kcb->cur->ainsn.insn + kcb->cur->ainsn.len) {
		/* The ebreak after a stepped copy. */
		bool outer = kcb->status == KPROBE_HIT_SS;

		kp = kcb->cur;
		finish_step(kcb, regs, kp->addr + kp->ainsn.len);
		if (outer) {
			set_current_kprobe(kcb, kp);
			kprobe_run_post_handlers(kp, regs);
			reset_current_kprobe(kcb);
		}
		return true;
	}
	kp = get_kprobe_point(addr);
	if (!kp)	/* disarmed between the trap and now: run the restored instruction */
		return !is_breakpoint_at(addr);
	if (kcb->cur) {
		reenter(kcb, kp, regs);
		return true;
	}
	set_current_kprobe(kcb, kp);
	if (kprobe_run_pre_handlers(kp, regs)) {
		reset_current_kprobe(kcb);	/* a handler redirected the pc */
		return true;
	}
	if (kp->ainsn.simulate) {
		simulate(kp, regs);
		kprobe_run_post_handlers(kp, regs);
		reset_current_kprobe(kcb);
		return true;
	}
	setup_singlestep(kp, regs, kcb, KPROBE_HIT_SS);
	return true;
}

void __noprobe kprobe_fault_handler(struct pt_regs *regs)
{
	struct kprobe_ctlblk *kcb = this_cpu_ptr(&kprobe_ctlblk);
	unsigned long slot;

	if (!stepping(kcb))
		return;
	slot = (unsigned long)kcb->cur->ainsn.insn;
	if (regs->epc != slot)
		return;
	finish_step(kcb, regs, kcb->cur->addr);
}

/* Helpers the trampoline calls into must never be probed either. */
NOKPROBE_SYMBOL(kprobe_breakpoint_handler);
NOKPROBE_SYMBOL(kprobe_fault_handler);
