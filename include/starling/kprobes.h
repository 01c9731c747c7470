// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kernel probes: a breakpoint on any instruction boundary of kernel text (outside the
 * never-probe ranges) that runs handlers with the registers of the probed context, and return
 * probes that run a handler when a probed function returns.
 *
 * Several kprobes may share an address: they hang off one probe point, which owns the saved
 * instruction and its out-of-line copy. Probe points are added, removed, armed and disarmed
 * only inside stop_machine(), when no other CPU can be in a handler; the breakpoint handler
 * therefore reads the tables without locks.
 */
#ifndef _STARLING_KPROBES_H
#define _STARLING_KPROBES_H

#include <starling/types.h>
#include <starling/list.h>
#include <starling/spinlock.h>
#include <starling/atomic.h>
#include <asm/kprobes.h>

struct pt_regs;
struct kprobe;
struct task_struct;

typedef int (*kprobe_pre_handler_t)(struct kprobe *p, struct pt_regs *regs);
typedef void (*kprobe_post_handler_t)(struct kprobe *p, struct pt_regs *regs,
				      unsigned long flags);

#define KPROBE_FLAG_GONE	1	/* (modules) the probed code is gone */
#define KPROBE_FLAG_DISABLED	2	/* registered but not armed */

struct kprobe_point;

struct kprobe {
	kprobe_opcode_t		*addr;		/* probed address; or set from symbol_name+offset */
	const char		*symbol_name;
	unsigned int		offset;
	kprobe_pre_handler_t	pre_handler;
	kprobe_post_handler_t	post_handler;
	unsigned long		nmissed;	/* hits whose handlers could not run */
	u32			flags;		/* KPROBE_FLAG_*; changed under kprobe_mutex */
	/* Private to kprobes. */
	struct kprobe_point	*point;
	struct list_head	list;		/* on point->probes */
};

struct kretprobe;

/*
 * Owns a return probe's instances, and outlives the kretprobe while returns are still in
 * flight after unregistering: rp is then NULL and the last instance to come back frees it.
 */
struct kretprobe_holder {
	struct kretprobe	*rp;		/* NULL once unregistered (set in stop_machine) */
	spinlock_t		lock;		/* guards free_instances */
	struct list_head	free_instances;
	atomic_t		refs;		/* instances in flight, + 1 while registered */
	void			*pool;
};

struct kretprobe_instance {
	struct list_head	hash;		/* in the per-task bucket while pending */
	struct list_head	free;		/* on rph->free_instances otherwise */
	struct kretprobe_holder	*rph;
	struct task_struct	*task;
	unsigned long		ret_addr;	/* the real return address */
	unsigned long		*stack_loc;	/* the frame: kretprobe_frame() at entry */
	char			data[];		/* rp->data_size bytes for the handlers */
};

typedef int (*kretprobe_handler_t)(struct kretprobe_instance *ri, struct pt_regs *regs);

struct kretprobe {
	struct kprobe		kp;
	kretprobe_handler_t	handler;	/* at return; the regs ip is the return address */
	kretprobe_handler_t	entry_handler;	/* at entry; non-zero return skips the return */
	int			maxactive;	/* instances; 0 means max(10, 2 * CPUs) */
	unsigned long		nmissed;	/* entries with no free instance */
	size_t			data_size;
	/* Private. */
	struct kretprobe_holder	*rph;
};

int register_kprobe(struct kprobe *p);
void unregister_kprobe(struct kprobe *p);
int enable_kprobe(struct kprobe *p);
int disable_kprobe(struct kprobe *p);
int register_kretprobe(struct kretprobe *rp);
void unregister_kretprobe(struct kretprobe *rp);

/*
 * The check step of registration, with no side effects: 0 if a kprobe may be placed at @addr,
 * else -EINVAL (not text, never-probe, an instruction it cannot handle) or -EILSEQ (not an
 * instruction boundary).
 */
int kprobe_check_addr(unsigned long addr);
bool within_kprobe_blacklist(unsigned long addr);
/* Address of the function entry @addr is in, and whether @addr is that entry. */
bool kprobe_on_func_entry(unsigned long addr);

/* /sys/kernel/debug/kprobes/{list,enabled,blacklist} */
size_t kprobes_print_list(char *buf, size_t size);
size_t kprobes_print_blacklist(char *buf, size_t size);
bool kprobes_all_armed(void);
int kprobes_set_all_armed(bool on);

/* Free the return-probe instances of a task that is going away. */
void kprobe_flush_task(struct task_struct *tk);

/* Functions that must never be probed, besides the .noprobe.text section. */
#define NOKPROBE_SYMBOL(fn)							\
	static const unsigned long __kprobe_blacklist_##fn __used		\
		__section("_kprobe_blacklist") = (unsigned long)(fn)

/* Arch hooks (arch/<arch>/kernel/kprobes.c). */
int arch_prepare_kprobe(struct kprobe_point *kp, unsigned long addr);
void arch_free_kprobe_insn(struct kprobe_point *kp);
void arch_arm_kprobe(struct kprobe_point *kp);
void arch_disarm_kprobe(struct kprobe_point *kp);
int arch_check_insn(unsigned long addr);	/* -EINVAL when the instruction can't be probed */
/* Whether @off is an instruction boundary of the function [@func, @func + @size). */
bool arch_insn_boundary(unsigned long func, unsigned long size, unsigned long off);
void arch_prepare_kretprobe(struct kretprobe_instance *ri, struct pt_regs *regs);
/* Whether the point is armed as a call from its function's entry nop ([FTRACE] in the list). */
bool arch_kprobe_ftrace(const struct kprobe_point *kp);
/*
 * Whether the handler running on this CPU has IRQs off only because the arch turned them off
 * around it (the probed context had them on: trace records show the probed context).
 */
bool arch_kprobe_masked_irqs(void);

/* Generic parts the arch handler calls. */
struct kprobe_point *get_kprobe_point(unsigned long addr);
unsigned long kretprobe_trampoline_handler(struct pt_regs *regs);
/* Out-of-line slots of KPROBE_SLOT_SIZE bytes (kernel/kprobe_slots.c); under kprobe_mutex. */
void *get_insn_slot(void);
void free_insn_slot(void *slot);

struct kprobe_point {
	struct list_head	hash;		/* kprobe_table bucket; changed in stop_machine */
	unsigned long		addr;
	struct list_head	probes;		/* struct kprobe.list; changed in stop_machine */
	bool			armed;
	struct arch_specific_insn ainsn;
};

/*
 * The hit path's walks over a point's probes, inlined into the arch's (never-probe)
 * handlers. The lists change only inside stop_machine(), which handlers exclude.
 */

/* Run the enabled pre handlers; non-zero if one redirected regs->ip. */
static nokprobe_inline int kprobe_run_pre_handlers(struct kprobe_point *kp,
						    struct pt_regs *regs)
{
	struct kprobe *p;
	int skip = 0;

	list_for_each_entry(p, &kp->probes, list) {
		if (p->flags & KPROBE_FLAG_DISABLED || !p->pre_handler)
			continue;
		skip |= p->pre_handler(p, regs);
	}
	return skip;
}

static nokprobe_inline void kprobe_run_post_handlers(struct kprobe_point *kp,
						      struct pt_regs *regs)
{
	struct kprobe *p;

	list_for_each_entry(p, &kp->probes, list)
		if (!(p->flags & KPROBE_FLAG_DISABLED) && p->post_handler)
			p->post_handler(p, regs, 0);
}

static nokprobe_inline bool kprobe_has_post_handlers(struct kprobe_point *kp)
{
	struct kprobe *p;

	list_for_each_entry(p, &kp->probes, list)
		if (!(p->flags & KPROBE_FLAG_DISABLED) && p->post_handler)
			return true;
	return false;
}

/* A hit whose handlers could not run: every enabled probe at the point counts it. */
static nokprobe_inline void kprobe_count_missed(struct kprobe_point *kp)
{
	struct kprobe *p;

	list_for_each_entry(p, &kp->probes, list)
		if (!(p->flags & KPROBE_FLAG_DISABLED))
			__atomic_add_fetch(&p->nmissed, 1, __ATOMIC_RELAXED);
}

#endif /* _STARLING_KPROBES_H */
