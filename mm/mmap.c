// SPDX-License-Identifier: GPL-2.0-only
/*
 * Virtual memory areas of user address spaces and the system calls that change them: brk,
 * mmap, munmap, mprotect, mremap, madvise. Pages behind the areas come later, on demand
 * (mm/memory.c); this file only decides what may be mapped where.
 *
 * Each mm keeps its VMAs on one list sorted by address, never overlapping. Changing part of
 * a VMA first splits it at the range's edges, so every operation works on whole VMAs. New
 * mappings without MAP_FIXED are placed top-down below mm->mmap_base (the first hole from
 * the top that fits), as Linux's legacy-free x86_64 layout does:
 *
 *   0x7ffffffff000  stack top (grows down, VM_GROWSDOWN, up to 8 MiB)
 *   0x7ffff7fff000  mmap_base: mmap() areas grow down from here
 *        ...        brk heap grows up from the end of the program's data
 *
 * All VMA changes happen under mm->mmap_lock.
 */
#include <starling/errno.h>
#include <starling/kernel.h>
#include <starling/mm.h>
#include <starling/mm_user.h>
#include <starling/pagecache.h>
#include <starling/printk.h>
#include <starling/sched.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <asm/pgtable.h>

#define MMAP_BASE	(TASK_SIZE - (128UL << 20))

static struct vm_area_struct *vma_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kzalloc(sizeof(*vma), GFP_KERNEL);

	if (vma) {
		vma->vm_mm = mm;
		INIT_LIST_HEAD(&vma->vm_list);
	}
	return vma;
}

static void vma_free(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		mm_file_put(vma->vm_file);
	kfree(vma);
}

static unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

static struct vm_area_struct *vma_next(struct mm_struct *mm, struct vm_area_struct *vma)
{
	return vma->vm_list.next == &mm->mmap ? NULL :
	       list_entry(vma->vm_list.next, struct vm_area_struct, vm_list);
}

static struct vm_area_struct *vma_prev(struct mm_struct *mm, struct vm_area_struct *vma)
{
	return vma->vm_list.prev == &mm->mmap ? NULL :
	       list_entry(vma->vm_list.prev, struct vm_area_struct, vm_list);
}

/**
 * find_vma() - the first VMA ending above @addr
 * @mm: address space, mmap_lock held
 * @addr: user address
 *
 * Return: the VMA containing @addr, or the next one above it, or NULL.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (vma->vm_end > addr)
			return vma;
	return NULL;
}

/* Link @vma into @mm's sorted list; it overlaps nothing. */
static void insert_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = find_vma(mm, vma->vm_start);

	list_add_tail(&vma->vm_list, next ? &next->vm_list : &mm->mmap);
	mm->map_count++;
	mm->total_vm += vma_pages(vma);
}

static void unlink_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	list_del(&vma->vm_list);
	mm->map_count--;
	mm->total_vm -= vma_pages(vma);
}

/* Split @vma at @addr (strictly inside it): @vma keeps the low part. */
static int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *high = vma_alloc(mm);

	if (!high)
		return -ENOMEM;
	*high = *vma;
	INIT_LIST_HEAD(&high->vm_list);
	high->vm_start = addr;
	high->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	if (high->vm_file)
		mm_file_get(high->vm_file);
	vma->vm_end = addr;
	list_add(&high->vm_list, &vma->vm_list);
	mm->map_count++;
	return 0;
}

/* Merge @vma with the next VMA when they are adjacent anonymous twins. */
static void try_merge_next(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma_next(mm, vma);

	if (!next || next->vm_start != vma->vm_end || next->vm_flags != vma->vm_flags ||
	    vma->vm_file || next->vm_file)
		return;
	vma->vm_end = next->vm_end;
	list_del(&next->vm_list);
	mm->map_count--;
	kfree(next);
}

/* Is [start, end) free of VMAs? */
static bool range_free(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return !vma || vma->vm_start >= end;
}

/* A free, page-aligned range of @len bytes: @hint if it is free, else top-down. */
static unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long hint,
				       unsigned long len)
{
	unsigned long top = mm->mmap_base;
	struct vm_area_struct *vma;

	if (len > TASK_SIZE - MMAP_MIN_ADDR)
		return -ENOMEM;
	if (hint) {
		hint = ALIGN(hint, PAGE_SIZE);
		if (hint >= MMAP_MIN_ADDR && hint <= TASK_SIZE - len &&
		    range_free(mm, hint, hint + len))
			return hint;
	}
	for (struct list_head *l = mm->mmap.prev; l != &mm->mmap; l = l->prev) {
		vma = list_entry(l, struct vm_area_struct, vm_list);
		if (vma->vm_start >= top)
			continue;
		if (vma->vm_end <= top && top - vma->vm_end >= len)
			return top - len;
		top = vma->vm_start;
		if (vma->vm_flags & VM_GROWSDOWN)
			top = top > STACK_GUARD_GAP ? top - STACK_GUARD_GAP : 0;
	}
	if (top >= MMAP_MIN_ADDR + len)
		return top - len;
	return -ENOMEM;
}

/**
 * do_munmap() - remove every mapping in [@start, @start + @len)
 * @mm: address space, mmap_lock held
 * @start: page-aligned
 * @len: bytes (rounded up to pages)
 *
 * Return: 0, -EINVAL (bad range) or -ENOMEM (a split failed).
 */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	unsigned long end;
	struct vm_area_struct *vma, *next;

	if ((start & ~PAGE_MASK) || start >= TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	len = ALIGN(len, PAGE_SIZE);
	if (!len)
		return -EINVAL;
	end = start + len;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;
	if (vma->vm_start < start) {
		if (split_vma(mm, vma, start))
			return -ENOMEM;
		vma = vma_next(mm, vma);
	}
	while (vma && vma->vm_start < end) {
		next = vma_next(mm, vma);
		if (vma->vm_end > end && split_vma(mm, vma, end))
			return -ENOMEM;
		next = vma_next(mm, vma);
		unlink_vma(mm, vma);
		zap_page_range(mm, vma->vm_start, vma->vm_end);
		vma_free(vma);
		vma = next;
	}
	return 0;
}

static unsigned long calc_vm_flags(unsigned long prot, unsigned long flags)
{
	unsigned long vm = (prot & (PROT_READ | PROT_WRITE | PROT_EXEC)) |
			   VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	if ((flags & MAP_TYPE) != MAP_PRIVATE)
		vm |= VM_SHARED;
	if (flags & MAP_GROWSDOWN)
		vm |= VM_GROWSDOWN;
	return vm;
}

/*
 * The flags MAP_SHARED_VALIDATE accepts on a file, as Linux's LEGACY_MAP_MASK (none of
 * Starling's file systems adds MAP_SYNC); anything else is -EOPNOTSUPP.
 */
#define MAP_HUGE_2MB	(21UL << 26)
#define MAP_HUGE_1GB	(30UL << 26)
#define LEGACY_MAP_MASK	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_DENYWRITE | \
			 MAP_EXECUTABLE | MAP_UNINITIALIZED | MAP_GROWSDOWN | MAP_LOCKED | \
			 MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB | \
			 MAP_32BIT | MAP_HUGE_2MB | MAP_HUGE_1GB)

/**
 * do_mmap() - create a mapping in @mm
 * @mm: address space, mmap_lock held
 * @file: the file to map, or NULL for anonymous memory
 * @addr: hint, or the exact place with MAP_FIXED / MAP_FIXED_NOREPLACE
 * @len: bytes
 * @prot: PROT_*
 * @flags: MAP_*
 * @pgoff: file offset in pages
 *
 * A private file mapping reads the file on first touch and keeps its own copies from then
 * on. A shared one (MAP_SHARED, MAP_SHARED_VALIDATE) maps the file's own pages: its file
 * system's ->mmap sets vm_ops, whose fault hands out the page (ramfs and tmpfs), so stores
 * reach the file and every other mapping of it at once, and fork keeps them shared. Files
 * without ->mmap (procfs, sysfs, tracefs, most devices) cannot be mapped shared. Shared
 * anonymous memory is a shared mapping of an unlinked tmpfs file of its own
 * (shmem_zero_setup()), so a page is one page in every process whoever touches it first.
 * Return: the address, or a negative errno (Linux's: -EINVAL, -ENOMEM, -EEXIST, -EPERM,
 * -EACCES, -ENODEV, -EOPNOTSUPP).
 */
unsigned long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot, unsigned long flags,
		      unsigned long pgoff)
{
	struct vm_area_struct *vma;
	unsigned long type = flags & MAP_TYPE, vm_flags;
	bool fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
	bool shared = type != MAP_PRIVATE;
	int ret = 0;

	if (!len)
		return -EINVAL;
	if (type != MAP_PRIVATE && type != MAP_SHARED && type != MAP_SHARED_VALIDATE)
		return -EINVAL;
	len = ALIGN(len, PAGE_SIZE);
	if (!len || len > TASK_SIZE)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (fixed) {
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		if (addr > TASK_SIZE - len)
			return -ENOMEM;
		if (addr < MMAP_MIN_ADDR)
			return -EPERM;
		if ((flags & MAP_FIXED_NOREPLACE) && !(flags & MAP_FIXED) &&
		    !range_free(mm, addr, addr + len))
			return -EEXIST;
	} else {
		addr = get_unmapped_area(mm, addr, len);
		if (IS_ERR_VALUE(addr))
			return addr;
	}
	vm_flags = calc_vm_flags(prot, flags);
	if (file) {
		if (type == MAP_SHARED_VALIDATE && (flags & ~LEGACY_MAP_MASK))
			return -EOPNOTSUPP;
		ret = mm_file_mmap_check(file, prot, shared, &vm_flags);
		if (ret)
			return ret;
		if (shared && (vm_flags & VM_GROWSDOWN))
			return -EINVAL;
	}
	/* Everything checked: only now may a MAP_FIXED mapping replace what was there. */
	if (fixed && do_munmap(mm, addr, len))
		return -ENOMEM;
	vma = vma_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_pgoff = pgoff;
	if (file) {
		vma->vm_file = mm_file_get(file);
		/* ->mmap may put another file in its place (shared /dev/zero) */
		ret = shared ? mm_file_mmap(file, vma) : 0;
	} else if (shared) {
		vma->vm_pgoff = 0;	/* as Linux, which ignores the offset here */
		ret = mm_shmem_zero_setup(vma);
	}
	if (ret) {
		vma_free(vma);
		return ret;
	}
	if (!vma->vm_file)
		vma->vm_pgoff = addr >> PAGE_SHIFT;
	insert_vma(mm, vma);
	if (!vma->vm_file) {
		struct vm_area_struct *prev = vma_prev(mm, vma);

		try_merge_next(mm, vma);
		if (prev)
			try_merge_next(mm, prev);
	}
	return addr;
}

/**
 * vm_mmap() - do_mmap() on current's address space, taking mmap_lock
 * @file: file or NULL
 * @addr: hint or fixed address
 * @len: bytes
 * @prot: PROT_*
 * @flags: MAP_*
 * @pgoff: file offset in pages
 *
 * Return: the address or a negative errno.
 */
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	if (!mm)
		return -EINVAL;
	mutex_lock(&mm->mmap_lock);
	ret = do_mmap(mm, file, addr, len, prot, flags, pgoff);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/**
 * vm_munmap() - do_munmap() on current's address space, taking mmap_lock
 * @start: page-aligned address
 * @len: bytes
 *
 * Return: 0 or a negative errno.
 */
int vm_munmap(unsigned long start, size_t len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	if (!mm)
		return -EINVAL;
	mutex_lock(&mm->mmap_lock);
	ret = do_munmap(mm, start, len);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/**
 * expand_stack() - grow a VM_GROWSDOWN area down to cover @address
 * @vma: the stack VMA, mmap_lock held
 * @address: the faulting address below vma->vm_start
 *
 * Return: 0, or -ENOMEM past the 8 MiB stack limit or into the guard gap.
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *prev = vma_prev(mm, vma);
	unsigned long start = address & PAGE_MASK;

	if (start < MMAP_MIN_ADDR || vma->vm_end - start > STACK_RLIMIT)
		return -ENOMEM;
	if (prev && prev->vm_end + STACK_GUARD_GAP > start)
		return -ENOMEM;
	mm->total_vm += (vma->vm_start - start) >> PAGE_SHIFT;
	vma->vm_pgoff -= (vma->vm_start - start) >> PAGE_SHIFT;
	vma->vm_start = start;
	return 0;
}

/* ---- address spaces ------------------------------------------------------------------- */

/**
 * mm_alloc() - a new, empty address space with one user
 *
 * Return: the mm, or NULL when memory is short.
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	INIT_LIST_HEAD(&mm->mmap);
	mutex_init(&mm->mmap_lock);
	atomic_set(&mm->mm_users, 1);
	mm->mmap_base = MMAP_BASE;
	return mm;
}

/**
 * mmget() - take another user reference on @mm (CLONE_VM)
 * @mm: address space
 */
void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

static void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *tmp;

	list_for_each_entry_safe(vma, tmp, &mm->mmap, vm_list) {
		zap_page_range(mm, vma->vm_start, vma->vm_end);
		list_del(&vma->vm_list);
		vma_free(vma);
	}
	mm->map_count = 0;
	mm->total_vm = 0;
}

/**
 * mmput() - drop a user of @mm; the last one frees its pages, VMAs and page tables
 * @mm: address space, loaded in no CPU's CR3 once the count reaches zero
 */
void mmput(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	exit_mmap(mm);
	pgd_free(mm->pgd);
	if (mm->exe_file)
		mm_file_put(mm->exe_file);
	kfree(mm);
}

/**
 * exit_mm() - current leaves its address space (exit, or exec replacing it)
 *
 * Current switches to the kernel's page table before the reference is dropped.
 */
void exit_mm(void)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	preempt_disable();
	tsk->mm = NULL;
	tsk->active_mm = NULL;
	switch_mm(NULL);
	preempt_enable();
	mmput(mm);
}

/**
 * set_mm_exe_file() - record the executable of @mm (/proc/PID/exe)
 * @mm: address space
 * @file: the file, a reference is taken; NULL clears
 */
void set_mm_exe_file(struct mm_struct *mm, struct file *file)
{
	struct file *old = mm->exe_file;

	mm->exe_file = file ? mm_file_get(file) : NULL;
	if (old)
		mm_file_put(old);
}

/**
 * dup_mm() - copy @oldmm for fork: same VMAs, pages shared copy-on-write
 * @oldmm: the parent's address space
 *
 * Return: the new mm with one user, or ERR_PTR(-ENOMEM).
 */
struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma, *copy;
	int ret = 0;

	if (!mm)
		return ERR_PTR(-ENOMEM);
	mutex_lock(&oldmm->mmap_lock);
	mm->mmap_base = oldmm->mmap_base;
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	if (oldmm->exe_file)
		mm->exe_file = mm_file_get(oldmm->exe_file);
	list_for_each_entry(vma, &oldmm->mmap, vm_list) {
		copy = vma_alloc(mm);
		if (!copy) {
			ret = -ENOMEM;
			break;
		}
		*copy = *vma;
		copy->vm_mm = mm;
		INIT_LIST_HEAD(&copy->vm_list);
		if (copy->vm_file)
			mm_file_get(copy->vm_file);
		list_add_tail(&copy->vm_list, &mm->mmap);
		mm->map_count++;
		mm->total_vm += vma_pages(copy);
		ret = copy_page_range(mm, oldmm, vma);
		if (ret)
			break;
	}
	flush_tlb_mm(oldmm);
	mutex_unlock(&oldmm->mmap_lock);
	if (ret) {
		mmput(mm);
		return ERR_PTR(ret);
	}
	return mm;
}

/**
 * mm_for_each_vma() - call @fn on each VMA of @mm in address order, under mmap_lock
 * @mm: address space
 * @fn: callback; must not change the VMA list
 * @arg: passed to @fn
 */
void mm_for_each_vma(struct mm_struct *mm, void (*fn)(struct vm_area_struct *vma, void *arg),
		     void *arg)
{
	struct vm_area_struct *vma;

	mutex_lock(&mm->mmap_lock);
	list_for_each_entry(vma, &mm->mmap, vm_list)
		fn(vma, arg);
	mutex_unlock(&mm->mmap_lock);
}

/* ---- system calls --------------------------------------------------------------------- */

static unsigned long do_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long oldbrk = ALIGN(mm->brk, PAGE_SIZE), newbrk = ALIGN(brk, PAGE_SIZE);
	struct vm_area_struct *vma, *next;

	if (brk < mm->start_brk || brk > TASK_SIZE)
		return mm->brk;
	if (newbrk == oldbrk)
		goto set;
	if (newbrk < oldbrk) {
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			return mm->brk;
		goto set;
	}
	next = find_vma(mm, oldbrk);
	if (next && next->vm_start < newbrk + ((next->vm_flags & VM_GROWSDOWN) ?
					       STACK_GUARD_GAP : 0))
		return mm->brk;
	vma = oldbrk > PAGE_SIZE ? find_vma(mm, oldbrk - 1) : NULL;
	if (vma && vma->vm_end == oldbrk && !vma->vm_file &&
	    vma->vm_flags == (VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)) {
		mm->total_vm += (newbrk - oldbrk) >> PAGE_SHIFT;
		vma->vm_end = newbrk;
		goto set;
	}
	if (IS_ERR_VALUE(do_mmap(mm, NULL, oldbrk, newbrk - oldbrk, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, 0)))
		return mm->brk;
set:
	mm->brk = brk;
	return brk;
}

SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	mutex_lock(&mm->mmap_lock);
	ret = do_brk(mm, brk);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off)
{
	struct file *file = NULL;
	unsigned long ret;

	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		file = mm_fget((int)fd);
		if (!file)
			return -EBADF;
	}
	ret = vm_mmap(file, addr, len, prot, flags, off >> PAGE_SHIFT);
	if (file)
		mm_file_put(file);
	return ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return vm_munmap(addr, len);
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end, addr;
	int ret = 0;

	/* Linux's checks, in its order (do_mprotect_pkey()). */
	prot &= ~grows;
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = ALIGN(len, PAGE_SIZE);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;
	mutex_lock(&mm->mmap_lock);
	/* PROT_GROWSDOWN: from the start of a stack-like mapping; no mapping grows up. */
	if (grows) {
		vma = find_vma(mm, start);
		ret = -ENOMEM;
		if (!vma || vma->vm_start >= end ||
		    (grows == PROT_GROWSUP && vma->vm_start > start))
			goto out_unlock;
		ret = -EINVAL;
		if (grows == PROT_GROWSUP || !(vma->vm_flags & VM_GROWSDOWN))
			goto out_unlock;
		start = vma->vm_start;
	}
	/*
	 * Check the whole range first: a hole anywhere fails with nothing changed, and so does
	 * a right the mapping may never have (PROT_WRITE on a shared mapping of a file opened
	 * read-only: no VM_MAYWRITE).
	 */
	for (addr = start; addr < end; addr = vma->vm_end) {
		vma = find_vma(mm, addr);
		ret = -ENOMEM;
		if (!vma || vma->vm_start > addr)
			goto out_unlock;
		ret = -EACCES;
		if (prot & (PROT_READ | PROT_WRITE | PROT_EXEC) & ~(vma->vm_flags >> 4))
			goto out_unlock;
	}
	ret = -ENOMEM;
	vma = find_vma(mm, start);
	if (vma->vm_start < start) {
		if (split_vma(mm, vma, start))
			goto out_unlock;
		vma = vma_next(mm, vma);
	}
	while (vma && vma->vm_start < end) {
		if (vma->vm_end > end && split_vma(mm, vma, end))
			goto out_unlock;
		vma->vm_flags = (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) |
				(prot & (PROT_READ | PROT_WRITE | PROT_EXEC));
		change_protection(vma, vma->vm_start, vma->vm_end);
		vma = vma_next(mm, vma);
	}
	ret = 0;
out_unlock:
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/*
 * Nothing is ever written back: shared file mappings map the pages of memory file systems
 * themselves, so a store is in the file at once. What is left are Linux's checks of the
 * arguments and of the range, in its order: -EINVAL for bad flags or an unaligned start,
 * -ENOMEM for a range that wraps or has holes (at once for MS_ASYNC, else after the rest).
 */
SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end;
	int ret = 0, unmapped = 0;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = ALIGN(len, PAGE_SIZE);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	mutex_lock(&mm->mmap_lock);
	vma = find_vma(mm, start);
	for (;;) {
		ret = -ENOMEM;
		if (!vma)
			break;
		if (start < vma->vm_start) {
			if (flags == MS_ASYNC)
				break;
			start = vma->vm_start;
			if (start >= end)
				break;
			unmapped = -ENOMEM;
		}
		start = vma->vm_end;
		ret = 0;
		if (start >= end)
			break;
		vma = vma_next(mm, vma);
	}
	mutex_unlock(&mm->mmap_lock);
	return ret ? ret : unmapped;
}

static unsigned long do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
			       unsigned long new_len, unsigned long flags,
			       unsigned long new_addr)
{
	struct vm_area_struct *vma, *nv;
	unsigned long dest;
	int ret;

	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr || vma->vm_end < addr + old_len)
		return -EFAULT;
	if (flags & MREMAP_FIXED) {
		if ((new_addr & ~PAGE_MASK) || new_addr > TASK_SIZE - new_len)
			return -EINVAL;
		if (new_addr < addr + old_len && addr < new_addr + new_len)
			return -EINVAL;
		if (do_munmap(mm, new_addr, new_len))
			return -ENOMEM;
		dest = new_addr;
		vma = find_vma(mm, addr);
		goto move;
	}
	if (new_len <= old_len) {
		if (new_len < old_len && do_munmap(mm, addr + new_len, old_len - new_len))
			return -ENOMEM;
		return addr;
	}
	/* Grow in place when the area ends here and the space after it is free. */
	if (vma->vm_end == addr + old_len && range_free(mm, addr + old_len, addr + new_len) &&
	    addr + new_len <= TASK_SIZE) {
		mm->total_vm += (new_len - old_len) >> PAGE_SHIFT;
		vma->vm_end = addr + new_len;
		return addr;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	dest = get_unmapped_area(mm, 0, new_len);
	if (IS_ERR_VALUE(dest))
		return dest;
move:
	nv = vma_alloc(mm);
	if (!nv)
		return -ENOMEM;
	*nv = *vma;
	INIT_LIST_HEAD(&nv->vm_list);
	nv->vm_start = dest;
	nv->vm_end = dest + new_len;
	nv->vm_pgoff = vma->vm_file ? vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT) :
		       dest >> PAGE_SHIFT;
	if (nv->vm_file)
		mm_file_get(nv->vm_file);
	ret = move_page_tables(mm, addr, dest, min(old_len, new_len));
	insert_vma(mm, nv);
	if (ret)
		return ret;
	do_munmap(mm, addr, old_len);
	return dest;
}

SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len, unsigned long, new_len,
		unsigned long, flags, unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if (flags & MREMAP_DONTUNMAP)
		return -EINVAL;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	old_len = ALIGN(old_len, PAGE_SIZE);
	new_len = ALIGN(new_len, PAGE_SIZE);
	if (!new_len || !old_len)
		return -EINVAL;
	mutex_lock(&mm->mmap_lock);
	ret = do_mremap(mm, addr, old_len, new_len, flags, new_addr);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len, int, behavior)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end, addr;
	int ret = 0;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = ALIGN(len, PAGE_SIZE);
	end = start + len;
	if (end < start)
		return -EINVAL;
	switch (behavior) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL: case MADV_WILLNEED:
	case MADV_DONTNEED: case MADV_FREE:
		break;
	default:
		return behavior >= 9 && behavior <= 25 ? 0 : -EINVAL;	/* hints: accepted */
	}
	mutex_lock(&mm->mmap_lock);
	for (addr = start; addr < end; ) {
		vma = find_vma(mm, addr);
		if (!vma || vma->vm_start >= end) {
			ret = -ENOMEM;
			break;
		}
		if (vma->vm_start > addr)
			ret = -ENOMEM;		/* a hole: Linux still advises the rest */
		addr = max(addr, vma->vm_start);
		if (behavior == MADV_DONTNEED || behavior == MADV_FREE)
			zap_page_range(mm, addr, min(end, vma->vm_end));
		addr = min(end, vma->vm_end);
	}
	mutex_unlock(&mm->mmap_lock);
	return ret;
}
