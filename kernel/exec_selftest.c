// SPDX-License-Identifier: GPL-2.0-only
/*
 * starling.selftest=exec: user address spaces without a user program. Pid 1 borrows a
 * fresh mm and goes through the real paths: uaccess faults in anonymous pages (demand
 * paging), a bad pointer comes back as a short copy (exception-table fixup), fork's
 * dup_mm shares pages copy-on-write, mprotect/munmap/brk through their system call entry
 * points, stack growth, and every page is given back at the end.
 */
#include <starling/errno.h>
#include <starling/kernel.h>
#include <starling/mm.h>
#include <starling/mm_user.h>
#include <starling/printk.h>
#include <starling/sched.h>
#include <starling/string.h>
#include <starling/syscalls.h>
#include <asm/syscall.h>
#include <starling/uaccess.h>
#include <asm/pgtable.h>

long __ARCH_SYS(_mprotect)(const struct pt_regs *regs);
long __ARCH_SYS(_munmap)(const struct pt_regs *regs);
long __ARCH_SYS(_brk)(const struct pt_regs *regs);

static int failures;

#define CHECK(cond) do {							\
	if (!(cond)) {								\
		pr_err("exec selftest: %s:%d: %s\n", __FILE__, __LINE__, #cond);	\
		failures++;							\
	}									\
} while (0)

static long call3(long (*fn)(const struct pt_regs *), unsigned long a, unsigned long b,
		  unsigned long c)
{
	struct pt_regs regs = { 0 };

	syscall_set_arguments(current, &regs, (const unsigned long[6]){ a, b, c });
	return fn(&regs);
}

static unsigned long pfn_of(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = pte_lookup(mm->pgd, addr);

	return pte && pte_present(*pte) ? pte_pfn(*pte) : 0;
}

static void use_mm(struct mm_struct *mm)
{
	preempt_disable();
	current->mm = mm;
	switch_mm(mm);
	preempt_enable();
}

static void test_address_space(void)
{
	struct mm_struct *mm = mm_alloc(), *child;
	unsigned long a, v = 0, stack;
	char buf[16];

	CHECK(mm);
	if (!mm)
		return;
	use_mm(mm);
	mutex_lock(&mm->mmap_lock);
	a = do_mmap(mm, NULL, 0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, 0);
	mutex_unlock(&mm->mmap_lock);
	CHECK(!IS_ERR_VALUE(a) && a < TASK_SIZE);

	/* Demand paging through the page-fault handler. */
	CHECK(pfn_of(mm, a) == 0);
	CHECK(put_user(0x1234UL, (unsigned long __user *)a) == 0);
	CHECK(get_user(v, (unsigned long __user *)a) == 0 && v == 0x1234);
	CHECK(pfn_of(mm, a) != 0 && atomic_long_read(&mm->rss) == 1);
	CHECK(get_user(v, (unsigned long __user *)(a + PAGE_SIZE)) == 0 && v == 0);

	/* A bad pointer is a short copy, not an oops. */
	CHECK(copy_from_user(buf, (void __user *)(a + 4 * PAGE_SIZE), 8) == 8);
	CHECK(copy_from_user(buf, (void __user *)(a + 4 * PAGE_SIZE - 4), 8) == 4);
	CHECK(copy_to_user((void __user *)0x1000, buf, 8) == 8);
	CHECK(copy_from_user(buf, (void __user *)0xffff888000000000UL, 8) == 8);
	CHECK(copy_from_user_nofault(buf, (void __user *)(a + 2 * PAGE_SIZE), 8) == -EFAULT);

	/* fork: shared read-only, copied on the first write. */
	child = dup_mm(mm);
	CHECK(!IS_ERR(child));
	if (!IS_ERR(child)) {
		unsigned long old = pfn_of(mm, a), cv = 0;

		CHECK(pfn_of(child, a) == old);
		CHECK(!pte_write(*pte_lookup(mm->pgd, a)));
		CHECK(put_user(0x5678UL, (unsigned long __user *)a) == 0);
		CHECK(pfn_of(mm, a) != old && pfn_of(child, a) == old);
		CHECK(access_remote_vm(child, a, &cv, sizeof(cv), false) == 0 && cv == 0x1234);
		CHECK(get_user(v, (unsigned long __user *)a) == 0 && v == 0x5678);
		mmput(child);
	}

	/* mprotect, munmap, brk through their system call entries. */
	CHECK(call3(__ARCH_SYS(_mprotect), a, PAGE_SIZE, PROT_READ) == 0);
	CHECK(put_user(1UL, (unsigned long __user *)a) == -EFAULT);
	CHECK(get_user(v, (unsigned long __user *)a) == 0 && v == 0x5678);
	CHECK(call3(__ARCH_SYS(_mprotect), a + 1, PAGE_SIZE, PROT_READ) == -EINVAL);
	CHECK(call3(__ARCH_SYS(_munmap), a + PAGE_SIZE, PAGE_SIZE, 0) == 0);
	CHECK(get_user(v, (unsigned long __user *)(a + PAGE_SIZE)) == -EFAULT);
	CHECK(get_user(v, (unsigned long __user *)(a + 2 * PAGE_SIZE)) == 0);
	CHECK(mm->map_count == 2);

	mm->start_brk = mm->brk = 0x600000;
	CHECK(call3(__ARCH_SYS(_brk), 0, 0, 0) == 0x600000);
	CHECK(call3(__ARCH_SYS(_brk), 0x603000, 0, 0) == 0x603000);
	CHECK(put_user(7UL, (unsigned long __user *)0x602ff8) == 0);
	CHECK(call3(__ARCH_SYS(_brk), 0x601000, 0, 0) == 0x601000);
	CHECK(get_user(v, (unsigned long __user *)0x602ff8) == -EFAULT);

	/* A GROWSDOWN area grows to meet a fault below it. */
	stack = TASK_SIZE - 2 * PAGE_SIZE;
	mutex_lock(&mm->mmap_lock);
	CHECK(do_mmap(mm, NULL, stack, PAGE_SIZE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN, 0) == stack);
	mutex_unlock(&mm->mmap_lock);
	CHECK(put_user(9UL, (unsigned long __user *)(stack - 3 * PAGE_SIZE)) == 0);
	CHECK(find_vma(mm, stack - 3 * PAGE_SIZE)->vm_start == stack - 3 * PAGE_SIZE);

	use_mm(NULL);
	mmput(mm);
}

/**
 * exec_selftest() - the starling.selftest=exec boot test
 *
 * Return: the number of failed checks; the free page count must come back as it was.
 */
int exec_selftest(void)
{
	unsigned long before;

	failures = 0;
	test_address_space();		/* the first run also fills kmalloc's caches */
	before = nr_free_pages();
	test_address_space();
	if (nr_free_pages() != before) {
		pr_err("exec selftest: %ld pages leaked\n", (long)(before - nr_free_pages()));
		failures++;
	}
	return failures;
}
