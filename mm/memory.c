// SPDX-License-Identifier: GPL-2.0-only
/*
 * User page tables: demand paging, copy-on-write, and the page-fault entry for user
 * addresses. The VMA layer (mm/mmap.c) decides what may be mapped; this file puts pages
 * behind it.
 *
 * Every user page is an order-0 block from the page allocator whose _refcount counts the
 * page tables mapping it. A private page shared after fork is mapped read-only in both
 * address spaces; the first write copies it unless the writer is the last user
 * (refcount 1), which then just gets write access back:
 *
 *   not present --read/write--> private page (file pages copied in, anonymous zeroed)
 *   not present, read-only private file mapping --> the file's ramfs page, read-only
 *   not present, shared file mapping --> the file's own page (vm_ops->fault), at the
 *	VMA's protection; beyond the end of the file: SIGBUS (-EIO)
 *   present RO, VM_WRITE, refcount > 1 --write--> copy, map RW, drop the old reference
 *   present RO, VM_WRITE, refcount == 1 --write--> map RW
 *
 * MAP_SHARED pages stay shared and writable across fork (refcount > 1, RW): a write never
 * copies them. Shared anonymous memory is a shared mapping of a tmpfs file of its own
 * (shmem_zero_setup()), so a page first touched after fork is shared all the same.
 * All of this runs under mm->mmap_lock.
 */
#include <starling/errno.h>
#include <starling/entry.h>
#include <starling/kernel.h>
#include <starling/mm.h>
#include <starling/mm_types.h>
#include <starling/mm_user.h>
#include <starling/pagecache.h>
#include <starling/printk.h>
#include <starling/preempt.h>
#include <starling/sched.h>
#include <starling/smp.h>
#include <starling/string.h>
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>

/**
 * vm_flags_to_pte() - the PTE protection of a page in a VMA with @vm_flags
 * @vm_flags: VM_READ/VM_WRITE/VM_EXEC
 * @writable: the page may be written now (false for COW-shared pages)
 *
 * Return: PTE flag bits, 0 for PROT_NONE.
 */
unsigned long vm_flags_to_pte(unsigned long vm_flags, bool writable)
{
	unsigned long prot;

	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return 0;
	if ((vm_flags & VM_WRITE) && writable)
		prot = vm_flags & VM_EXEC ? PAGE_USER_RWX : PAGE_USER_RW;
	else
		prot = vm_flags & VM_EXEC ? PAGE_USER_RX : PAGE_USER_RO;
	return prot;
}

static void flush_tlb_mm_ipi(void *info)
{
	struct mm_struct *mm = info;

	if (pgd_loaded(mm->pgd))
		flush_tlb_local();
}

/**
 * flush_tlb_mm() - drop stale translations of @mm on every CPU
 * @mm: an address space whose PTEs just lost rights or pages
 *
 * Other CPUs only hold @mm's translations while one of its threads runs there (a switch to
 * another address space reloads CR3), so they are asked only when @mm has other users.
 */
void flush_tlb_mm(struct mm_struct *mm)
{
	preempt_disable();
	if (pgd_loaded(mm->pgd))
		flush_tlb_local();
	preempt_enable();
	if (atomic_read(&mm->mm_users) > 1 && num_online_cpus() > 1)
		smp_call_function(flush_tlb_mm_ipi, mm, true);
}

/**
 * switch_mm() - load @mm's page table on this CPU
 * @mm: the address space, or NULL for kernel threads (the kernel's own page table)
 */
void __noprobe switch_mm(struct mm_struct *mm)
{
	pgd_t *pgd = mm ? mm->pgd : init_mm_pgd;

	if (!pgd_loaded(pgd))
		load_pgd(pgd);
}

static struct page *pte_page(pte_t pte)
{
	return pfn_to_page(pte_pfn(pte));
}

/*
 * Pages unmapped from an address space may still be reachable through another CPU's TLB
 * until that CPU is flushed: a thread running there can keep writing into them. So a page
 * whose PTE is cleared is only gathered here, and its reference is dropped after
 * flush_tlb_mm() has reached every CPU; a full batch flushes early.
 */
#define MMU_GATHER_BATCH	64

struct mmu_gather {
	struct mm_struct	*mm;
	unsigned int		nr;
	struct page		*pages[MMU_GATHER_BATCH];
};

static void tlb_flush_mmu(struct mmu_gather *tlb)
{
	if (!tlb->nr)
		return;
	flush_tlb_mm(tlb->mm);
	for (unsigned int i = 0; i < tlb->nr; i++)
		put_page(tlb->pages[i]);
	tlb->nr = 0;
}

static void tlb_remove_page(struct mmu_gather *tlb, struct page *page)
{
	tlb->pages[tlb->nr++] = page;
	if (tlb->nr == MMU_GATHER_BATCH)
		tlb_flush_mmu(tlb);
}

/**
 * zap_page_range() - unmap and release the pages of [@start, @end) in @mm
 * @mm: address space; mmap_lock held
 * @start: page-aligned
 * @end: page-aligned
 *
 * Clears the PTEs, flushes every CPU's TLB of @mm, and only then drops the pages.
 */
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct mmu_gather tlb = { .mm = mm };

	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		pte_t *ptep = pte_lookup(mm->pgd, a);
		pte_t pte;

		if (!ptep) {
			/* No page table here: skip to the next 2 MiB. */
			a = (a & PMD_MASK) + PMD_SIZE - PAGE_SIZE;
			continue;
		}
		pte = ptep_get_and_clear(ptep);
		if (!pte_pfn(pte))
			continue;		/* PROT_NONE pages keep their frame, not present */
		atomic_long_dec(&mm->rss);
		tlb_remove_page(&tlb, pte_page(pte));
	}
	tlb_flush_mmu(&tlb);
}

/**
 * copy_page_range() - share @vma's present pages with @dst (fork)
 * @dst: the child; its mmap_lock is not contended (nobody else knows it yet)
 * @src: the parent, mmap_lock held
 * @vma: the parent's VMA
 *
 * Private writable pages become read-only in both, to be copied on the first write.
 * Return: 0 or -ENOMEM.
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma)
{
	bool cow = !(vma->vm_flags & VM_SHARED) && (vma->vm_flags & VM_WRITE);

	for (unsigned long a = vma->vm_start; a < vma->vm_end; a += PAGE_SIZE) {
		pte_t *sp = pte_lookup(src->pgd, a), *dp;
		pte_t pte;

		if (!sp) {
			a = (a & PMD_MASK) + PMD_SIZE - PAGE_SIZE;
			continue;
		}
		pte = *sp;
		if (!pte_pfn(pte))
			continue;
		dp = pte_alloc_walk(dst->pgd, a, true);
		if (!dp)
			return -ENOMEM;
		if (cow && pte_write(pte)) {
			pte = pte_wrprotect(pte);
			set_pte(sp, pte);
		}
		get_page(pte_page(pte));
		set_pte(dp, pte);
		atomic_long_inc(&dst->rss);
	}
	return 0;
}

/**
 * change_protection() - apply @vma's protection to its present pages in [@start, @end)
 * @vma: the VMA, vm_flags already updated; mmap_lock held
 * @start: page-aligned, inside @vma
 * @end: page-aligned, inside @vma
 */
void change_protection(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		pte_t *ptep = pte_lookup(mm->pgd, a);
		pte_t pte;
		bool writable;

		if (!ptep) {
			a = (a & PMD_MASK) + PMD_SIZE - PAGE_SIZE;
			continue;
		}
		pte = *ptep;
		if (!pte_present(pte) && !pte_pfn(pte))
			continue;
		/* PROT_NONE (no bits from vm_flags_to_pte()) keeps the frame in a non-present PTE. */
		writable = (vma->vm_flags & VM_SHARED) || page_ref_count(pte_page(pte)) == 1;
		set_pte(ptep, pfn_pte(pte_pfn(pte), vm_flags_to_pte(vma->vm_flags, writable)));
	}
	flush_tlb_mm(mm);
}

/**
 * move_page_tables() - move the pages of [@old, @old + @len) to @new (mremap)
 * @mm: address space, mmap_lock held; the destination range has no pages
 * @old: page-aligned source
 * @new: page-aligned destination
 * @len: page-aligned length
 *
 * Return: 0 or -ENOMEM (pages moved so far stay moved).
 */
int move_page_tables(struct mm_struct *mm, unsigned long old, unsigned long new,
		     unsigned long len)
{
	for (unsigned long off = 0; off < len; off += PAGE_SIZE) {
		pte_t *sp = pte_lookup(mm->pgd, old + off), *dp;
		pte_t pte;

		if (!sp || pte_none(*sp))
			continue;
		dp = pte_alloc_walk(mm->pgd, new + off, true);
		if (!dp)
			return -ENOMEM;
		pte = ptep_get_and_clear(sp);
		set_pte(dp, pte);
	}
	flush_tlb_mm(mm);
	return 0;
}

/* Fill a new page for @address of @vma: file contents or zeroes. */
static int fill_page(struct vm_area_struct *vma, unsigned long address, void *kaddr)
{
	loff_t pos;
	ssize_t n;

	memset(kaddr, 0, PAGE_SIZE);
	if (!vma->vm_file)
		return 0;
	pos = ((loff_t)vma->vm_pgoff << PAGE_SHIFT) + (address - vma->vm_start);
	n = mm_file_read(vma->vm_file, kaddr, PAGE_SIZE, pos);
	return n < 0 ? (int)n : 0;
}

/*
 * A fault in a read-only private file mapping (program text, read-only data) maps the file
 * system's own page when it has one (ramfs, tmpfs): no copy, and every process running a
 * program shares its text, which also spares an emulator from translating the same code
 * again for each new copy. Should mprotect() later allow writes, the first write copies it
 * like any page shared after fork (its refcount is at least 2 while the file holds it).
 * Writable and shared mappings take private copies as before, so the kernel's own writes to
 * a program's data never meet a read-only page that a copy would not have been.
 */
static struct page *map_file_page(struct vm_area_struct *vma, unsigned long address,
				  unsigned int flags)
{
	loff_t pos;

	if (!vma->vm_file || (vma->vm_flags & (VM_SHARED | VM_WRITE)) ||
	    (flags & FAULT_FLAG_WRITE))
		return NULL;
	pos = ((loff_t)vma->vm_pgoff << PAGE_SHIFT) + (address - vma->vm_start);
	return mm_file_get_page(vma->vm_file, pos);
}

/*
 * The page for a not-present PTE at @va: the file's own page of a shared mapping, the file
 * system's page of a read-only private one (map_file_page(), its VMA has no VM_WRITE), or a
 * new private page, zeroed or read from the file. Return: the page or ERR_PTR(-errno).
 */
static struct page *fault_new_page(struct vm_area_struct *vma, unsigned long va,
				   unsigned int flags)
{
	struct page *page;

	if (vma->vm_ops && vma->vm_ops->fault)
		return vma->vm_ops->fault(vma, vma->vm_pgoff +
					     ((va - vma->vm_start) >> PAGE_SHIFT));
	page = map_file_page(vma, va, flags);
	if (page)
		return page;
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return ERR_PTR(-ENOMEM);
	if (fill_page(vma, va, page_address(page))) {
		__free_page(page);
		return ERR_PTR(-EFAULT);
	}
	return page;
}

/**
 * handle_mm_fault() - make the page at @address present (and writable for a write)
 * @vma: the VMA containing @address, access rights already checked; mmap_lock held
 * @address: the faulting address
 * @flags: FAULT_FLAG_*
 * @regs: the registers at the fault, or NULL (faults taken on behalf of exec)
 *
 * Return: 0, -EFAULT (the access is not allowed), -ENOMEM, or -EIO (a shared file mapping
 * beyond the end of its file: SIGBUS).
 */
noinline int handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			     unsigned int flags, struct pt_regs *regs)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long va = address & PAGE_MASK;
	pte_t *ptep = pte_alloc_walk(mm->pgd, va, true);
	struct page *page, *old;
	pte_t pte;

	if (!ptep)
		return -ENOMEM;
	pte = *ptep;
	if (!pte_present(pte)) {
		if (pte_pfn(pte))
			return -EFAULT;		/* PROT_NONE with a page behind it */
		if (!vm_flags_to_pte(vma->vm_flags, true))
			return -EFAULT;
		page = fault_new_page(vma, va, flags);
		if (IS_ERR(page))
			return PTR_ERR(page);
		set_pte(ptep, pfn_pte(page_to_pfn(page), vm_flags_to_pte(vma->vm_flags, true)));
		atomic_long_inc(&mm->rss);
		return 0;
	}
	if (!(flags & FAULT_FLAG_WRITE) || pte_write(pte)) {
		/* Another thread filled it first, or a stale TLB entry: nothing to do. */
		flush_tlb_one_user(va);
		return 0;
	}
	if (!(vma->vm_flags & VM_WRITE))
		return -EFAULT;
	old = pte_page(pte);
	page = NULL;
	if (page_ref_count(old) == 1 || (vma->vm_flags & VM_SHARED)) {
		set_pte(ptep, pte_mkdirty(pte_mkwrite(pte)));
	} else {
		page = alloc_page(GFP_KERNEL);
		if (!page)
			return -ENOMEM;
		memcpy(page_address(page), page_address(old), PAGE_SIZE);
		set_pte(ptep, pfn_pte(page_to_pfn(page), vm_flags_to_pte(vma->vm_flags, true)));
	}
	flush_tlb_mm(mm);
	/* Other CPUs may have read the old page through their TLBs until the flush. */
	if (page)
		put_page(old);
	return 0;
}

static bool access_error(struct vm_area_struct *vma, unsigned int flags)
{
	if (flags & FAULT_FLAG_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (flags & FAULT_FLAG_EXEC)
		return !(vma->vm_flags & VM_EXEC);
	return !(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC));
}

static int __do_user_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags,
			   struct pt_regs *regs)
{
	struct vm_area_struct *vma;
	int ret = -EFAULT;

	mutex_lock(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (!vma)
		goto out_unlock;
	if (vma->vm_start > addr) {
		if (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, addr))
			goto out_unlock;
	}
	ret = -EACCES;
	if (access_error(vma, flags))
		goto out_unlock;
	ret = handle_mm_fault(vma, addr, flags, regs);
out_unlock:
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/**
 * handle_page_fault() - the arch's page-fault entry for user addresses
 * @regs: registers at the fault
 * @addr: the faulting address (CR2)
 * @write: a write access
 * @exec: an instruction fetch
 * @user: the fault came from user mode
 *
 * Kernel-mode faults (uaccess) are handled only in a context that may sleep; with
 * preemption or IRQs off (the *_nofault accessors, atomic code) they fail at once, and the
 * caller's exception-table fixup runs.
 * Return: 0 when the access can be retried, -EIO for SIGBUS (a shared file mapping beyond
 * the end of its file), -EACCES when a mapping is there but forbids the access
 * (SEGV_ACCERR), -EFAULT otherwise (SEGV_MAPERR); page_fault_signal() turns that into
 * the signal and its code.
 */
int handle_page_fault(struct pt_regs *regs, unsigned long addr, bool write, bool exec,
		      bool user)
{
	struct mm_struct *mm = current->mm;
	unsigned int flags = (write ? FAULT_FLAG_WRITE : 0) | (exec ? FAULT_FLAG_EXEC : 0) |
			     (user ? FAULT_FLAG_USER : 0);
	int ret;

	if (!mm || addr >= TASK_SIZE)
		return -EFAULT;
	if (!user && (in_atomic() || regs_irqs_disabled(regs)))
		return -EFAULT;
	if (!user)
		arch_local_irq_enable();
	ret = __do_user_fault(mm, addr, flags, regs);
	if (!user)
		arch_local_irq_disable();
	if (ret == -EIO || ret == -EACCES)
		return ret;
	return ret ? -EFAULT : 0;
}

/**
 * access_remote_vm() - copy between a kernel buffer and @mm's memory, faulting pages in
 * @mm: address space (not necessarily current's)
 * @addr: user address
 * @buf: kernel buffer
 * @len: bytes
 * @write: copy @buf into @mm (else out of it)
 *
 * Return: 0, or -EFAULT when part of the range is not mapped with the needed rights.
 */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, size_t len,
		     bool write)
{
	int ret;

	mutex_lock(&mm->mmap_lock);
	ret = __access_remote_vm(mm, addr, buf, len, write);
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/**
 * user_addr_to_kernel() - the direct-map address of the byte behind user address @addr
 * @mm: the address space; the caller holds its mmap_lock
 * @addr: user address
 * @write: the caller will write: the page is made present, writable and private to @mm
 *	   (copy-on-write broken) first
 *
 * The result stays valid, up to the end of its page, until the caller drops mmap_lock: PTEs
 * change only under that lock. Stores through it are seen by user space at @addr, and
 * atomic operations on it are atomic with respect to user space's.
 * Return: the kernel address, or NULL when @addr is not mapped with the needed rights.
 */
void *user_addr_to_kernel(struct mm_struct *mm, unsigned long addr, bool write)
{
	unsigned int flags = write ? FAULT_FLAG_WRITE : 0;
	struct vm_area_struct *vma = find_vma(mm, addr);
	pte_t *ptep;

	mutex_assert_held(&mm->mmap_lock);
	if (!vma || vma->vm_start > addr || access_error(vma, flags))
		return NULL;
	ptep = pte_lookup(mm->pgd, addr);
	if (!ptep || !pte_present(*ptep) || (write && !pte_write(*ptep))) {
		if (handle_mm_fault(vma, addr, flags, NULL))
			return NULL;
		ptep = pte_lookup(mm->pgd, addr);
	}
	return (char *)__va(pte_phys(*ptep)) + (addr & ~PAGE_MASK);
}

/* access_remote_vm() for a caller that holds @mm->mmap_lock (exec building a new image). */
int __access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, size_t len,
		       bool write)
{
	int ret = 0;

	while (len) {
		unsigned long off = addr & ~PAGE_MASK;
		size_t n = min_t(size_t, len, PAGE_SIZE - off);
		void *kaddr = user_addr_to_kernel(mm, addr, write);

		ret = -EFAULT;
		if (!kaddr)
			break;
		if (write)
			memcpy(kaddr, buf, n);
		else
			memcpy(buf, kaddr, n);
		buf = (char *)buf + n;
		addr += n;
		len -= n;
		ret = 0;
	}
	return ret;
}
