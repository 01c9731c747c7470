// SPDX-License-Identifier: GPL-2.0-only
/*
 * Buddy allocator tests on a fake machine: a 4 MiB-aligned host buffer stands for physical
 * memory from FAKE_PHYS_BASE, memblock lists RAM with a hole and some reservations, and
 * mm_init() builds the allocator over it. Checks: the pages counted free are exactly RAM
 * minus reservations and mem_map, nothing reserved is ever handed out, blocks never overlap,
 * and freeing everything merges back to the state right after boot.
 */
#include <starling/boot.h>
#include <starling/init.h>
#include <starling/mm.h>
#include <starling/mm_types.h>
#include "unit.h"
#include "../../mm/internal.h"

#define MiB			(1UL << 20)
#define FAKE_PHYS_BASE		(16 * MiB)
#define FAKE_PHYS_SIZE		(48 * MiB)
#define RAM0_BASE		FAKE_PHYS_BASE		/* [16M, 40M) */
#define RAM0_SIZE		(24 * MiB)
#define RAM1_BASE		(44 * MiB + 100)	/* unaligned: [44M + 4K, 64M - 4K) usable */
#define RAM1_SIZE		(20 * MiB - 200)
#define RES0_BASE		(20 * MiB + 10)		/* rounds out to [20M, 21M + 4K) */
#define RES0_SIZE		(1 * MiB)
#define RES1_BASE		FAKE_PHYS_BASE		/* first page */
#define RES1_SIZE		PAGE_SIZE

struct memblock memblock;
unsigned long unit_page_offset;
static void *fake_ram;

static void fake_machine_boot(void)
{
	fake_ram = aligned_alloc(4 * MiB, FAKE_PHYS_SIZE);
	memset(fake_ram, 0xa5, FAKE_PHYS_SIZE);
	unit_page_offset = (unsigned long)fake_ram - FAKE_PHYS_BASE;
	memset(&memblock, 0, sizeof(memblock));
	memblock_add(RAM0_BASE, RAM0_SIZE);
	memblock_add(RAM1_BASE, RAM1_SIZE);
	memblock_reserve(RES0_BASE, RES0_SIZE);
	memblock_reserve(RES1_BASE, RES1_SIZE);
	mm_init();
}

static void fake_machine_off(void)
{
	free(fake_ram);
	fake_ram = NULL;
}

void memblock_add(u64 base, u64 size)
{
	memblock.memory[memblock.nr_memory++] = (struct memblock_region){ base, size };
}

void memblock_reserve(u64 base, u64 size)
{
	memblock.reserved[memblock.nr_reserved++] = (struct memblock_region){ base, size };
}

static unsigned long pa_of(unsigned long va)
{
	return va - unit_page_offset;
}

static bool pa_is_free_ram(unsigned long pa)
{
	unsigned long memmap_pa = __pa(mem_map);
	unsigned long memmap_end = memmap_pa + (max_pfn - min_low_pfn) * sizeof(struct page);

	if (pa >= memmap_pa && pa < memmap_end)
		return false;
	if (pa < FAKE_PHYS_BASE + PAGE_SIZE)
		return false;
	if (pa >= 20 * MiB && pa < 21 * MiB + PAGE_SIZE)
		return false;
	if (pa >= RAM0_BASE + RAM0_SIZE && pa < 44 * MiB + PAGE_SIZE)
		return false;
	return pa < 64 * MiB - PAGE_SIZE;
}

static unsigned long expected_free_pages(void)
{
	unsigned long ram = (24 * MiB + 20 * MiB - 2 * PAGE_SIZE) / PAGE_SIZE;
	unsigned long span = (64 * MiB - PAGE_SIZE - FAKE_PHYS_BASE) / PAGE_SIZE;
	unsigned long memmap = DIV_ROUND_UP(span * sizeof(struct page), PAGE_SIZE);

	return ram - 1 - (1 * MiB + PAGE_SIZE) / PAGE_SIZE - memmap;
}

static void snapshot(unsigned long counts[MAX_ORDER])
{
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		counts[o] = free_area_count(o);
}

static void test_boot_counts(void)
{
	fake_machine_boot();
	EXPECT_EQ(min_low_pfn, FAKE_PHYS_BASE / PAGE_SIZE);
	EXPECT_EQ(max_pfn, (64 * MiB - PAGE_SIZE) / PAGE_SIZE);
	EXPECT_EQ(totalram_pages(), expected_free_pages());
	EXPECT_EQ(nr_free_pages(), expected_free_pages());
	/* mem_map goes into the lowest free range: right after the reserved first page */
	EXPECT_EQ(__pa(mem_map), FAKE_PHYS_BASE + PAGE_SIZE);
	EXPECT_TRUE(free_area_count(MAX_ORDER - 1) > 0);
	fake_machine_off();
}

/* Every order-0 page, once: none reserved, none twice; then all merge back. */
static void test_exhaust_and_merge(void)
{
	unsigned long before[MAX_ORDER], after[MAX_ORDER], n = 0, total;
	unsigned long *pages;
	unsigned char *seen;

	fake_machine_boot();
	total = nr_free_pages();
	snapshot(before);
	pages = calloc(total + 1, sizeof(*pages));
	seen = calloc(FAKE_PHYS_SIZE / PAGE_SIZE, 1);
	for (unsigned long va; (va = __get_free_page(GFP_KERNEL)); n++) {
		unsigned long pa = pa_of(va);

		if (n > total)
			break;
		EXPECT_TRUE(pa_is_free_ram(pa));
		EXPECT_EQ(seen[(pa - FAKE_PHYS_BASE) / PAGE_SIZE], 0);
		seen[(pa - FAKE_PHYS_BASE) / PAGE_SIZE] = 1;
		pages[n] = va;
	}
	EXPECT_EQ(n, total);
	EXPECT_EQ(nr_free_pages(), 0);
	EXPECT_EQ(__get_free_pages(GFP_ATOMIC, 0), 0);
	for (unsigned long i = 0; i < n; i += 2)	/* evens first, then odds: worst case */
		free_page(pages[i]);
	for (unsigned long i = 1; i < n; i += 2)
		free_page(pages[i]);
	EXPECT_EQ(nr_free_pages(), total);
	snapshot(after);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		EXPECT_EQ(after[o], before[o]);
	free(pages);
	free(seen);
	fake_machine_off();
}

struct block {
	unsigned long	va;
	unsigned int	order;
};

/* Random orders, random frees; tagged contents catch any overlap. */
static void test_random_stress(void)
{
	enum { SLOTS = 512, ROUNDS = 20000 };
	unsigned long before[MAX_ORDER], after[MAX_ORDER], total;
	struct block blk[SLOTS] = { 0 };

	fake_machine_boot();
	srand(42);
	total = nr_free_pages();
	snapshot(before);
	for (int r = 0; r < ROUNDS; r++) {
		int i = rand() % SLOTS;

		if (blk[i].va) {
			unsigned long words = (PAGE_SIZE << blk[i].order) / sizeof(long);
			unsigned long *w = (unsigned long *)blk[i].va;

			EXPECT_EQ(w[0], blk[i].va);
			EXPECT_EQ(w[words - 1], ~blk[i].va);
			free_pages(blk[i].va, blk[i].order);
			blk[i].va = 0;
		} else {
			unsigned int order = rand() % 8 ? rand() % 4 : rand() % MAX_ORDER;
			unsigned long va = __get_free_pages(GFP_KERNEL, order);
			unsigned long *w = (unsigned long *)va;

			if (!va)
				continue;
			EXPECT_EQ(pa_of(va) & ((PAGE_SIZE << order) - 1), 0);
			EXPECT_TRUE(pa_is_free_ram(pa_of(va)));
			EXPECT_TRUE(pa_is_free_ram(pa_of(va) + (PAGE_SIZE << order) - 1));
			w[0] = va;
			w[(PAGE_SIZE << order) / sizeof(long) - 1] = ~va;
			blk[i] = (struct block){ va, order };
		}
	}
	for (int i = 0; i < SLOTS; i++)
		if (blk[i].va)
			free_pages(blk[i].va, blk[i].order);
	EXPECT_EQ(nr_free_pages(), total);
	snapshot(after);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		EXPECT_EQ(after[o], before[o]);
	fake_machine_off();
}

static void test_zero_and_limits(void)
{
	unsigned long va, free0;
	unsigned char *p;
	bool zero = true;

	fake_machine_boot();
	free0 = nr_free_pages();
	va = __get_free_pages(GFP_KERNEL, 2);
	memset((void *)va, 0xff, 4 * PAGE_SIZE);
	free_pages(va, 2);
	va = __get_free_pages(GFP_KERNEL | __GFP_ZERO, 2);
	p = (unsigned char *)va;
	for (unsigned long i = 0; i < 4 * PAGE_SIZE; i++)
		zero &= p[i] == 0;
	EXPECT_TRUE(zero);
	free_pages(va, 2);

	EXPECT_EQ(__get_free_pages(GFP_KERNEL, MAX_ORDER), 0);
	va = __get_free_pages(GFP_KERNEL, MAX_ORDER - 1);
	EXPECT_TRUE(va != 0);
	EXPECT_EQ(pa_of(va) & ((PAGE_SIZE << (MAX_ORDER - 1)) - 1), 0);
	free_pages(va, MAX_ORDER - 1);

	va = __get_free_pages_below(GFP_KERNEL, 0, 22 * MiB);
	EXPECT_TRUE(va && pa_of(va) < 22 * MiB);
	free_page(va);
	va = __get_free_pages_below(GFP_KERNEL, 3, 44 * MiB);
	EXPECT_TRUE(va && pa_of(va) + 8 * PAGE_SIZE <= 44 * MiB);
	free_pages(va, 3);
	EXPECT_EQ(__get_free_pages_below(GFP_KERNEL, 0, FAKE_PHYS_BASE), 0);
	EXPECT_EQ(nr_free_pages(), free0);
	fake_machine_off();
}

/* Bad frees warn and change nothing. */
static void test_bad_frees(void)
{
	unsigned long before[MAX_ORDER], after[MAX_ORDER], free0, va;

	fake_machine_boot();
	va = __get_free_pages(GFP_KERNEL, 2);
	free0 = nr_free_pages();
	snapshot(before);
	free_pages(va + PAGE_SIZE, 0);			/* inside the block */
	free_pages(va, 1);				/* wrong order */
	free_pages(va + 12, 2);				/* not page aligned */
	free_page((unsigned long)__va(FAKE_PHYS_BASE));	/* reserved page */
	free_page((unsigned long)__va(128 * MiB));	/* beyond RAM */
	free_pages(0, 0);				/* ignored */
	EXPECT_EQ(nr_free_pages(), free0);
	free_pages(va, 2);
	EXPECT_EQ(nr_free_pages(), free0 + 4);
	free_pages(va, 2);				/* double free */
	EXPECT_EQ(nr_free_pages(), free0 + 4);
	snapshot(after);
	for (unsigned int o = 1; o < MAX_ORDER; o++)
		EXPECT_TRUE(after[o] >= before[o] || o < 3);
	fake_machine_off();
}

static void test_refcount(void)
{
	unsigned long free0, va;
	struct page *page;

	fake_machine_boot();
	free0 = nr_free_pages();
	page = alloc_pages(GFP_KERNEL, 0);
	va = (unsigned long)page_address(page);
	EXPECT_TRUE(virt_to_page((void *)va) == page);
	EXPECT_EQ(page_to_pfn(page), pa_of(va) >> PAGE_SHIFT);
	EXPECT_TRUE(pfn_to_page(page_to_pfn(page)) == page);
	EXPECT_EQ(page_ref_count(page), 1);
	get_page(page);
	EXPECT_EQ(page_ref_count(page), 2);
	free_page(va);					/* one user left */
	EXPECT_EQ(nr_free_pages(), free0 - 1);
	put_page(page);
	EXPECT_EQ(nr_free_pages(), free0);
	EXPECT_EQ(page_ref_count(page), 0);
	put_page(page);					/* already free: warns only */
	EXPECT_EQ(nr_free_pages(), free0);
	fake_machine_off();
}

UNIT_TEST_MAIN(UNIT_CASE(test_boot_counts), UNIT_CASE(test_exhaust_and_merge),
	       UNIT_CASE(test_random_stress), UNIT_CASE(test_zero_and_limits),
	       UNIT_CASE(test_bad_frees), UNIT_CASE(test_refcount))
