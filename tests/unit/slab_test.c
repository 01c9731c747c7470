// SPDX-License-Identifier: GPL-2.0-only
/*
 * kmalloc tests on the real buddy allocator over a fake RAM (see page_alloc_test.c):
 * size classes and alignment, no overlap under random churn, every page back after freeing
 * and shrinking, __GFP_ZERO, the string helpers, and panics (in a child process) for
 * pointers kmalloc never returned and for double frees.
 */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <starling/boot.h>
#include <starling/init.h>
#include <starling/mm.h>
#include <starling/mm_types.h>
#include <starling/slab.h>
#include "unit.h"
#include "../../mm/internal.h"

#define MiB		(1UL << 20)
#define FAKE_PHYS_BASE	(16 * MiB)
#define FAKE_PHYS_SIZE	(16 * MiB)

struct memblock memblock;
unsigned long unit_page_offset;
static void *fake_ram;

static void fake_machine_boot(void)
{
	fake_ram = aligned_alloc(4 * MiB, FAKE_PHYS_SIZE);
	memset(fake_ram, 0xa5, FAKE_PHYS_SIZE);
	unit_page_offset = (unsigned long)fake_ram - FAKE_PHYS_BASE;
	memset(&memblock, 0, sizeof(memblock));
	memblock.memory[memblock.nr_memory++] = (struct memblock_region){ FAKE_PHYS_BASE,
									  FAKE_PHYS_SIZE };
	mm_init();
}

static void fake_machine_off(void)
{
	free(fake_ram);
	fake_ram = NULL;
}

static void test_classes(void)
{
	static const size_t sizes[] = { 0, 1, 8, 15, 16, 17, 100, 128, 129, 1000, 2048, 2049,
					4096, 4097, 70000 };

	fake_machine_boot();
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t sz = sizes[i], usable;
		void *p = kmalloc(sz, GFP_KERNEL);

		EXPECT_TRUE(p != NULL);
		usable = ksize(p);
		EXPECT_TRUE(usable >= sz && usable >= 16);
		EXPECT_EQ((unsigned long)p & (min(usable, PAGE_SIZE) - 1), 0);
		if (sz <= 2048)
			EXPECT_TRUE(usable < 2 * sz || usable == 16);
		else
			EXPECT_EQ(usable, PAGE_SIZE << (sz > 8192 ? 5 : sz > 4096 ? 1 : 0));
		memset(p, 0x5a, usable);
		kfree(p);
	}
	EXPECT_EQ(ksize(NULL), 0);
	kfree(NULL);
	EXPECT_TRUE(kmalloc((size_t)PAGE_SIZE << MAX_ORDER, GFP_KERNEL) == NULL);
	fake_machine_off();
}

static void test_zero_and_strings(void)
{
	unsigned char *p;
	char *s;
	bool zero = true;

	fake_machine_boot();
	p = kmalloc(200, GFP_KERNEL);
	memset(p, 0xff, 200);
	kfree(p);
	p = kzalloc(200, GFP_KERNEL);		/* likely the same object: must be cleared */
	for (int i = 0; i < 200; i++)
		zero &= p[i] == 0;
	EXPECT_TRUE(zero);
	kfree(p);
	p = kzalloc(10000, GFP_KERNEL);
	zero = true;
	for (int i = 0; i < 10000; i++)
		zero &= p[i] == 0;
	EXPECT_TRUE(zero);
	kfree(p);
	EXPECT_TRUE(kcalloc((size_t)-1 / 2, 4, GFP_KERNEL) == NULL);

	s = kstrdup("vfs_read", GFP_KERNEL);
	EXPECT_STREQ(s, "vfs_read");
	kfree(s);
	s = kstrndup("do_sys_openat2", 6, GFP_KERNEL);
	EXPECT_STREQ(s, "do_sys");
	EXPECT_EQ(ksize(s), 16);
	kfree(s);
	s = kstrndup("ab", 100, GFP_KERNEL);
	EXPECT_STREQ(s, "ab");
	kfree(s);
	EXPECT_TRUE(kstrdup(NULL, GFP_KERNEL) == NULL);
	EXPECT_TRUE(kstrndup(NULL, 3, GFP_KERNEL) == NULL);
	s = kmemdup("x\0y", 3, GFP_KERNEL);
	EXPECT_EQ(memcmp(s, "x\0y", 3), 0);
	kfree(s);
	fake_machine_off();
}

struct obj {
	unsigned char	*p;
	size_t		size;
	unsigned char	tag;
};

static void test_random_churn_returns_every_page(void)
{
	enum { SLOTS = 2000, ROUNDS = 60000 };
	static struct obj objs[SLOTS];
	unsigned long free0;

	fake_machine_boot();
	free0 = nr_free_pages();
	srand(7);
	memset(objs, 0, sizeof(objs));
	for (int r = 0; r < ROUNDS; r++) {
		struct obj *o = &objs[rand() % SLOTS];

		if (o->p) {
			bool intact = true;

			for (size_t i = 0; i < o->size; i++)
				intact &= o->p[i] == o->tag;
			EXPECT_TRUE(intact);
			kfree(o->p);
			o->p = NULL;
		} else {
			o->size = rand() % 16 ? (size_t)rand() % 2100 : (size_t)rand() % 20000;
			o->tag = (unsigned char)r;
			o->p = kmalloc(o->size, GFP_KERNEL);
			EXPECT_TRUE(o->p != NULL);
			if (o->p)
				memset(o->p, o->tag, o->size);
		}
	}
	for (int i = 0; i < SLOTS; i++)
		kfree(objs[i].p);
	kmalloc_shrink();
	EXPECT_EQ(nr_free_pages(), free0);
	fake_machine_off();
}

/* Run @fn in a child; true when it died of SIGABRT (panic). */
static bool panics(void (*fn)(void))
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		freopen("/dev/null", "w", stderr);
		fn();
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static void free_stack_pointer(void)
{
	char buf[32] = "";

	kfree(buf);
}

static void free_inside_object(void)
{
	char *p = kmalloc(64, GFP_KERNEL);

	kfree(p + 8);
}

static void free_twice_small(void)
{
	void *p = kmalloc(64, GFP_KERNEL);
	void *keep = kmalloc(64, GFP_KERNEL);	/* keeps the page a slab */

	kfree(p);
	kfree(p);
	kfree(keep);
}

static void free_twice_large(void)
{
	void *p = kmalloc(9000, GFP_KERNEL);

	kfree(p);
	kfree(p);
}

static void free_page_allocator_page(void)
{
	kfree((void *)__get_free_page(GFP_KERNEL));
}

static void free_valid_objects(void)
{
	kfree(kmalloc(64, GFP_KERNEL));
	kfree(kmalloc(9000, GFP_KERNEL));
}

static void test_bad_kfree_panics(void)
{
	fake_machine_boot();
	EXPECT_TRUE(panics(free_stack_pointer));
	EXPECT_TRUE(panics(free_inside_object));
	EXPECT_TRUE(panics(free_twice_small));
	EXPECT_TRUE(panics(free_twice_large));
	EXPECT_TRUE(panics(free_page_allocator_page));
	EXPECT_TRUE(!panics(free_valid_objects));
	fake_machine_off();
}

UNIT_TEST_MAIN(UNIT_CASE(test_classes), UNIT_CASE(test_zero_and_strings),
	       UNIT_CASE(test_random_churn_returns_every_page), UNIT_CASE(test_bad_kfree_panics))
