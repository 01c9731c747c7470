// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kprobes, the generic half: registration, the probe-point table, handler dispatch, return
 * probes, the never-probe list and the text behind /sys/kernel/debug/kprobes/.
 *
 *   register_kprobe():  resolve -> check (kprobe_check_addr: text, blacklist, boundary,
 *                       instruction) -> prepare a point (arch copies the instruction out of
 *                       line) -> stop_machine: link into the table and arm -> done.
 *   breakpoint hit:     arch handler -> get_kprobe_point() -> pre handlers -> single-step
 *                       the copy -> post handlers.
 *
 * Lock order: kprobe_mutex -> (stop_machine) -> kretprobe lock -> rp_hash bucket locks.
 * kprobe_mutex serialises every change; the table itself is changed only inside
 * stop_machine(), so the breakpoint handler (IRQs off, on any CPU) reads it without locks.
 */
#include <starling/kprobes.h>
#include <starling/kallsyms.h>
#include <starling/kernel.h>
#include <starling/mutex.h>
#include <starling/slab.h>
#include <starling/smp.h>
#include <starling/sched.h>
#include <starling/string.h>
#include <starling/errno.h>
#include <starling/printk.h>
#include <asm/ptrace.h>

#define KPROBE_HASH_BITS	6
#define KPROBE_TABLE_SIZE	(1 << KPROBE_HASH_BITS)
#define RP_HASH_SIZE		64

static DEFINE_MUTEX(kprobe_mutex);
static struct list_head kprobe_table[KPROBE_TABLE_SIZE];	/* changed in stop_machine */
static bool kprobes_disarmed;		/* kprobes/enabled = 0; under kprobe_mutex */
static bool kprobes_initialized;	/* under kprobe_mutex */

/* Pending return-probe instances, hashed by task; each bucket has its own lock (IRQs off). */
static struct {
	spinlock_t		lock;
	struct list_head	head;
} rp_hash[RP_HASH_SIZE];

extern const char __noprobe_text_start[], __noprobe_text_end[];
extern const unsigned long __start_kprobe_blacklist[], __stop_kprobe_blacklist[];

static unsigned int hash_ptr(unsigned long v, unsigned int size)
{
	return (unsigned int)((v * 0x9e3779b97f4a7c15UL) >> 40) % size;
}

static void kprobes_init_once(void)
{
	if (kprobes_initialized)
		return;
	for (int i = 0; i < KPROBE_TABLE_SIZE; i++)
		INIT_LIST_HEAD(&kprobe_table[i]);
	for (int i = 0; i < RP_HASH_SIZE; i++) {
		spin_lock_init(&rp_hash[i].lock);
		INIT_LIST_HEAD(&rp_hash[i].head);
	}
	kprobes_initialized = true;
}

/* ---- lookups on the hit path ----------------------------------------------------------- */

struct kprobe_point *__noprobe get_kprobe_point(unsigned long addr)
{
	struct kprobe_point *kp;

	if (!kprobes_initialized)
		return NULL;
	list_for_each_entry(kp, &kprobe_table[hash_ptr(addr, KPROBE_TABLE_SIZE)], hash)
		if (kp->addr == addr)
			return kp;
	return NULL;
}

/* ---- the check step --------------------------------------------------------------------- */

bool within_kprobe_blacklist(unsigned long addr)
{
	if (addr >= (unsigned long)__noprobe_text_start && addr < (unsigned long)__noprobe_text_end)
		return true;
	for (const unsigned long *b = __start_kprobe_blacklist; b < __stop_kprobe_blacklist; b++) {
		unsigned long size, off;

		if (kallsyms_lookup(*b, &size, &off) && addr >= *b && addr < *b + size)
			return true;
	}
	return false;
}

bool kprobe_on_func_entry(unsigned long addr)
{
	unsigned long size, off;

	return kallsyms_lookup(addr, &size, &off) && off == 0;
}

/* Caller holds kprobe_mutex, so armed breakpoints in the function cannot change. */
static int __kprobe_check_addr(unsigned long addr)
{
	unsigned long size, off;

	if (!is_kernel_text(addr) || !kallsyms_lookup(addr, &size, &off))
		return -EINVAL;
	if (within_kprobe_blacklist(addr))
		return -EINVAL;
	if (!arch_insn_boundary(addr - off, size, off))
		return -EILSEQ;
	if (get_kprobe_point(addr))
		return 0;		/* checked when the point was made */
	return arch_check_insn(addr);
}

int kprobe_check_addr(unsigned long addr)
{
	int ret;

	mutex_lock(&kprobe_mutex);
	kprobes_init_once();
	ret = __kprobe_check_addr(addr);
	mutex_unlock(&kprobe_mutex);
	return ret;
}

/* ---- registration ----------------------------------------------------------------------- */

struct point_change {
	struct kprobe_point	*kp;
	struct kprobe		*p;
	bool			new_point;
	bool			arm;		/* desired armed state of the point afterwards */
};

static bool point_wants_arm(struct kprobe_point *kp)
{
	struct kprobe *p;

	if (kprobes_disarmed)
		return false;
	list_for_each_entry(p, &kp->probes, list)
		if (!(p->flags & KPROBE_FLAG_DISABLED))
			return true;
	return false;
}

static void set_point_armed(struct kprobe_point *kp, bool arm)
{
	if (arm && !kp->armed)
		arch_arm_kprobe(kp);
	else if (!arm && kp->armed)
		arch_disarm_kprobe(kp);
	kp->armed = arm;
}

/* Runs in stop_machine: no other CPU is in a handler. */
static int __add_probe(void *data)
{
	struct point_change *c = data;

	if (c->new_point)
		list_add(&c->kp->hash, &kprobe_table[hash_ptr(c->kp->addr, KPROBE_TABLE_SIZE)]);
	list_add_tail(&c->p->list, &c->kp->probes);
	set_point_armed(c->kp, point_wants_arm(c->kp));
	return 0;
}

static int __remove_probe(void *data)
{
	struct point_change *c = data;

	list_del(&c->p->list);
	if (list_empty(&c->kp->probes)) {
		set_point_armed(c->kp, false);
		list_del(&c->kp->hash);
	} else {
		set_point_armed(c->kp, point_wants_arm(c->kp));
	}
	return 0;
}

static int __rearm_point(void *data)
{
	struct kprobe_point *kp = data;

	set_point_armed(kp, point_wants_arm(kp));
	return 0;
}

static int resolve_addr(struct kprobe *p, unsigned long *addr)
{
	if (p->symbol_name) {
		unsigned long a = kallsyms_lookup_name(p->symbol_name);

		if (!a)
			return -ENOENT;
		*addr = a + p->offset;
		p->addr = (kprobe_opcode_t *)*addr;
		return 0;
	}
	if (!p->addr)
		return -EINVAL;
	*addr = (unsigned long)p->addr + p->offset;
	return 0;
}

/**
 * register_kprobe() - place a probe; arm it unless it is KPROBE_FLAG_DISABLED.
 * @p: filled with addr or symbol_name(+offset) and the handlers
 *
 * Return: 0, -ENOENT (unknown symbol), -EINVAL (not probeable), -EILSEQ (not an
 * instruction boundary), -EEXIST (@p already registered) or -ENOMEM.
 */
int register_kprobe(struct kprobe *p)
{
	struct point_change c = { .p = p };
	unsigned long addr;
	int ret;

	ret = resolve_addr(p, &addr);
	if (ret)
		return ret;
	mutex_lock(&kprobe_mutex);
	kprobes_init_once();
	ret = __kprobe_check_addr(addr);
	if (ret)
		goto out_unlock;
	ret = -EEXIST;
	if (p->point)
		goto out_unlock;
	p->nmissed = 0;
	p->flags &= KPROBE_FLAG_DISABLED;
	INIT_LIST_HEAD(&p->list);
	c.kp = get_kprobe_point(addr);
	if (!c.kp) {
		ret = -ENOMEM;
		c.kp = kzalloc(sizeof(*c.kp), GFP_KERNEL);
		if (!c.kp)
			goto out_unlock;
		c.kp->addr = addr;
		INIT_LIST_HEAD(&c.kp->probes);
		ret = arch_prepare_kprobe(c.kp, addr);
		if (ret)
			goto out_free_point;
		c.new_point = true;
	}
	p->point = c.kp;
	stop_machine(__add_probe, &c);
	mutex_unlock(&kprobe_mutex);
	return 0;

out_free_point:
	kfree(c.kp);
out_unlock:
	mutex_unlock(&kprobe_mutex);
	return ret;
}

void unregister_kprobe(struct kprobe *p)
{
	struct point_change c = { .p = p };

	mutex_lock(&kprobe_mutex);
	c.kp = p->point;
	if (!c.kp)
		goto out_unlock;
	stop_machine(__remove_probe, &c);
	p->point = NULL;
	if (list_empty(&c.kp->probes)) {
		arch_free_kprobe_insn(c.kp);
		kfree(c.kp);
	}
out_unlock:
	mutex_unlock(&kprobe_mutex);
}

static int set_probe_disabled(struct kprobe *p, bool disabled)
{
	int ret = -EINVAL;

	mutex_lock(&kprobe_mutex);
	if (p->point) {
		if (disabled)
			p->flags |= KPROBE_FLAG_DISABLED;
		else
			p->flags &= ~KPROBE_FLAG_DISABLED;
		if (p->point->armed != point_wants_arm(p->point))
			stop_machine(__rearm_point, p->point);
		ret = 0;
	}
	mutex_unlock(&kprobe_mutex);
	return ret;
}

int enable_kprobe(struct kprobe *p)
{
	return set_probe_disabled(p, false);
}

int disable_kprobe(struct kprobe *p)
{
	return set_probe_disabled(p, true);
}

/* ---- return probes ---------------------------------------------------------------------- */

static void recycle_instance(struct kretprobe_instance *ri);


static int __noprobe pre_handler_kretprobe(struct kprobe *p, struct pt_regs *regs)
{
	struct kretprobe *rp = container_of(p, struct kretprobe, kp);
	struct kretprobe_holder *rph = rp->rph;
	struct kretprobe_instance *ri = NULL;
	unsigned int b;

	spin_lock(&rph->lock);
	if (!list_empty(&rph->free_instances)) {
		ri = list_first_entry(&rph->free_instances, struct kretprobe_instance, free);
		list_del_init(&ri->free);
		atomic_inc(&rph->refs);
	}
	spin_unlock(&rph->lock);
	if (!ri) {
		__atomic_add_fetch(&rp->nmissed, 1, __ATOMIC_RELAXED);
		return 0;
	}
	ri->task = current;
	if (rp->entry_handler && rp->entry_handler(ri, regs)) {
		recycle_instance(ri);
		return 0;
	}
	arch_prepare_kretprobe(ri, regs);
	b = hash_ptr((unsigned long)current, RP_HASH_SIZE);
	spin_lock(&rp_hash[b].lock);
	list_add(&ri->hash, &rp_hash[b].head);
	spin_unlock(&rp_hash[b].lock);
	return 0;
}

static void free_holder(struct kretprobe_holder *rph)
{
	kfree(rph->pool);
	kfree(rph);
}

static void __noprobe recycle_instance(struct kretprobe_instance *ri)
{
	struct kretprobe_holder *rph = ri->rph;
	unsigned long flags;

	spin_lock_irqsave(&rph->lock, flags);
	list_add(&ri->free, &rph->free_instances);
	spin_unlock_irqrestore(&rph->lock, flags);
	if (atomic_dec_and_test(&rph->refs))
		free_holder(rph);
}

/**
 * kretprobe_trampoline_handler() - a probed function returned through the trampoline
 * @regs: registers at the return
 *
 * Runs the handler of the matching instance (the newest one of this task made for the frame
 * kretprobe_frame_at_return() names), frees instances of frames that were abandoned below
 * it, and gives back the real return address, also the instruction pointer in @regs for the
 * handler.
 */
unsigned long __noprobe kretprobe_trampoline_handler(struct pt_regs *regs)
{
	unsigned long *loc = kretprobe_frame_at_return(regs), ret = 0;
	unsigned int b = hash_ptr((unsigned long)current, RP_HASH_SIZE);
	struct kretprobe_instance *ri, *tmp, *found = NULL;
	LIST_HEAD(done);
	unsigned long flags;

	spin_lock_irqsave(&rp_hash[b].lock, flags);
	list_for_each_entry_safe(ri, tmp, &rp_hash[b].head, hash) {
		if (ri->task != current || ri->stack_loc > loc)
			continue;	/* another task's, or an outer frame's */
		list_del(&ri->hash);
		list_add_tail(&ri->hash, &done);
		if (ri->stack_loc == loc) {
			found = ri;
			break;
		}
	}
	spin_unlock_irqrestore(&rp_hash[b].lock, flags);
	if (!found)
		panic("kretprobe: no instance for the return at %px of task %d", loc, current->pid);
	ret = found->ret_addr;
	instruction_pointer_set(regs, ret);
	list_for_each_entry_safe(ri, tmp, &done, hash) {
		struct kretprobe *rp = READ_ONCE(ri->rph->rp);

		if (ri == found && rp && rp->handler)
			rp->handler(ri, regs);
		list_del(&ri->hash);
		recycle_instance(ri);
	}
	return ret;
}

void kprobe_flush_task(struct task_struct *tk)
{
	unsigned int b = hash_ptr((unsigned long)tk, RP_HASH_SIZE);
	struct kretprobe_instance *ri, *tmp;
	unsigned long flags;
	LIST_HEAD(done);

	if (!kprobes_initialized)
		return;
	spin_lock_irqsave(&rp_hash[b].lock, flags);
	list_for_each_entry_safe(ri, tmp, &rp_hash[b].head, hash) {
		if (ri->task == tk) {
			list_del(&ri->hash);
			list_add(&ri->hash, &done);
		}
	}
	spin_unlock_irqrestore(&rp_hash[b].lock, flags);
	list_for_each_entry_safe(ri, tmp, &done, hash) {
		list_del(&ri->hash);
		recycle_instance(ri);
	}
}

int register_kretprobe(struct kretprobe *rp)
{
	size_t isize = ALIGN(sizeof(struct kretprobe_instance) + rp->data_size, 16);
	struct kretprobe_holder *rph;
	unsigned long addr;
	int ret;

	ret = resolve_addr(&rp->kp, &addr);
	if (ret)
		return ret;
	if (!kprobe_on_func_entry(addr))
		return -EINVAL;
	if (rp->maxactive <= 0)
		rp->maxactive = max_t(int, 10, 2 * (int)nr_cpu_ids);
	rp->nmissed = 0;
	ret = -ENOMEM;
	rph = kzalloc(sizeof(*rph), GFP_KERNEL);
	if (!rph)
		goto out;
	rph->pool = kcalloc(rp->maxactive, isize, GFP_KERNEL);
	if (!rph->pool)
		goto out_free_rph;
	spin_lock_init(&rph->lock);
	INIT_LIST_HEAD(&rph->free_instances);
	atomic_set(&rph->refs, 1);
	rph->rp = rp;
	for (int i = 0; i < rp->maxactive; i++) {
		struct kretprobe_instance *ri = (void *)((char *)rph->pool + i * isize);

		ri->rph = rph;
		INIT_LIST_HEAD(&ri->hash);
		list_add_tail(&ri->free, &rph->free_instances);
	}
	rp->rph = rph;
	rp->kp.pre_handler = pre_handler_kretprobe;
	rp->kp.post_handler = NULL;
	ret = register_kprobe(&rp->kp);
	if (ret)
		goto out_free_pool;
	return 0;

out_free_pool:
	kfree(rph->pool);
out_free_rph:
	kfree(rph);
	rp->rph = NULL;
out:
	return ret;
}

static int __detach_rp(void *data)
{
	struct kretprobe_holder *rph = data;

	WRITE_ONCE(rph->rp, NULL);
	return 0;
}

void unregister_kretprobe(struct kretprobe *rp)
{
	struct kretprobe_holder *rph = rp->rph;

	if (!rph)
		return;
	unregister_kprobe(&rp->kp);
	stop_machine(__detach_rp, rph);	/* no CPU is inside a handler now */
	rp->rph = NULL;
	if (atomic_dec_and_test(&rph->refs))
		free_holder(rph);
}

/* ---- debugfs text ----------------------------------------------------------------------- */

size_t kprobes_print_list(char *buf, size_t size)
{
	size_t n = 0;

	mutex_lock(&kprobe_mutex);
	kprobes_init_once();
	for (int i = 0; i < KPROBE_TABLE_SIZE; i++) {
		struct kprobe_point *kp;

		list_for_each_entry(kp, &kprobe_table[i], hash) {
			struct kprobe *p;

			list_for_each_entry(p, &kp->probes, list) {
				unsigned long symsize, off;
				const char *sym = kallsyms_lookup(kp->addr, &symsize, &off);
				bool ret = p->pre_handler == pre_handler_kretprobe;

				const char *dis = p->flags & KPROBE_FLAG_DISABLED ? "[DISABLED]" : "";
				const char *ftr = arch_kprobe_ftrace(kp) ? "[FTRACE]" : "";

				if (sym)
					n += scnprintf(buf + n, size - n, "%016lx  %c  %s+0x%lx    %s%s\n",
						       kp->addr, ret ? 'r' : 'k', sym, off, dis, ftr);
				else
					n += scnprintf(buf + n, size - n, "%016lx  %c  0x%lx %s%s\n",
						       kp->addr, ret ? 'r' : 'k', kp->addr, dis, ftr);
			}
		}
	}
	mutex_unlock(&kprobe_mutex);
	return n;
}

static size_t print_range(char *buf, size_t size, unsigned long start, unsigned long end,
			  const char *name)
{
	return scnprintf(buf, size, "0x%016lx-0x%016lx\t%s\n", start, end, name);
}

size_t kprobes_print_blacklist(char *buf, size_t size)
{
	unsigned long i, addr, symsize, off;
	const char *name;
	size_t n = 0;
	char type;

	for (i = 0; kallsyms_get(i, &addr, &type, &name) && n + 1 < size; i++) {
		if (addr < (unsigned long)__noprobe_text_start ||
		    addr >= (unsigned long)__noprobe_text_end || (type != 'T' && type != 't'))
			continue;
		if (kallsyms_lookup(addr, &symsize, &off) && off == 0)
			n += print_range(buf + n, size - n, addr, addr + symsize, name);
	}
	for (const unsigned long *b = __start_kprobe_blacklist; b < __stop_kprobe_blacklist; b++) {
		name = kallsyms_lookup(*b, &symsize, &off);
		if (name)
			n += print_range(buf + n, size - n, *b, *b + symsize, name);
	}
	return n;
}

bool kprobes_all_armed(void)
{
	return !READ_ONCE(kprobes_disarmed);
}

static int __rearm_all(void *data)
{
	for (int i = 0; i < KPROBE_TABLE_SIZE; i++) {
		struct kprobe_point *kp;

		list_for_each_entry(kp, &kprobe_table[i], hash)
			set_point_armed(kp, point_wants_arm(kp));
	}
	return 0;
}

int kprobes_set_all_armed(bool on)
{
	mutex_lock(&kprobe_mutex);
	kprobes_init_once();
	if (kprobes_disarmed == !on)
		goto out_unlock;
	kprobes_disarmed = !on;
	stop_machine(__rearm_all, NULL);
	printk(KERN_INFO "Kprobes globally %s\n", on ? "enabled" : "disabled");
out_unlock:
	mutex_unlock(&kprobe_mutex);
	return 0;
}
