// SPDX-License-Identifier: GPL-2.0-only
/*
 * Out-of-line instruction slots for kprobes: KPROBE_SLOT_SIZE-byte pieces of executable
 * pages from alloc_insn_page() (arch/$(ARCH)/mm/text_poke.c), written with text_poke().
 *
 * The first page is made at boot and kept (as Linux keeps its last one), so defining and
 * deleting probes leaves the page count as it was; a page added for more probes than one
 * page holds is freed when its last slot is. Callers hold kprobe_mutex, and free a slot only
 * after the probe's removal went through stop_machine(), so no CPU is running in it.
 */
#include <starling/kprobes.h>
#include <starling/init.h>
#include <starling/list.h>
#include <starling/printk.h>
#include <starling/slab.h>
#include <asm/pgtable.h>

#define SLOTS_PER_PAGE		(PAGE_SIZE / KPROBE_SLOT_SIZE)

struct insn_page {
	struct list_head	list;
	u8			*base;
	bool			keep;		/* the boot page */
	unsigned int		nr_used;
	u8			used[SLOTS_PER_PAGE];
};
static LIST_HEAD(insn_pages);	/* under kprobe_mutex */

static struct insn_page *new_insn_page(void)
{
	struct insn_page *ip = kzalloc(sizeof(*ip), GFP_KERNEL);

	if (!ip)
		return NULL;
	ip->base = alloc_insn_page();
	if (!ip->base) {
		kfree(ip);
		return NULL;
	}
	list_add_tail(&ip->list, &insn_pages);
	return ip;
}

/**
 * get_insn_slot() - a free slot of KPROBE_SLOT_SIZE bytes of executable memory
 *
 * Return: the slot, or NULL when no page can be had.
 */
void *get_insn_slot(void)
{
	struct insn_page *ip;

	list_for_each_entry(ip, &insn_pages, list) {
		for (unsigned int i = 0; i < SLOTS_PER_PAGE; i++) {
			if (!ip->used[i]) {
				ip->used[i] = 1;
				ip->nr_used++;
				return ip->base + i * KPROBE_SLOT_SIZE;
			}
		}
	}
	ip = new_insn_page();
	if (!ip)
		return NULL;
	ip->used[0] = 1;
	ip->nr_used = 1;
	return ip->base;
}

/**
 * free_insn_slot() - give back a slot from get_insn_slot()
 * @slot: the slot; no CPU may be running in it
 */
void free_insn_slot(void *slot)
{
	struct insn_page *ip;
	u8 *s = slot;

	list_for_each_entry(ip, &insn_pages, list) {
		if (s >= ip->base && s < ip->base + PAGE_SIZE) {
			ip->used[(s - ip->base) / KPROBE_SLOT_SIZE] = 0;
			if (!--ip->nr_used && !ip->keep) {
				list_del(&ip->list);
				free_insn_page(ip->base);
				kfree(ip);
			}
			return;
		}
	}
}

/*
 * The boot page: with it, the first probe allocates nothing that outlives the probe (the
 * page and the page table mapping it stay for good either way).
 */
static int insn_pages_init(void)
{
	struct insn_page *ip;

	if (list_empty(&insn_pages) && !new_insn_page())
		pr_warn("kprobes: no instruction page at boot\n");
	ip = list_first_entry_or_null(&insn_pages, struct insn_page, list);
	if (ip)
		ip->keep = true;
	return 0;
}
core_initcall(insn_pages_init);
