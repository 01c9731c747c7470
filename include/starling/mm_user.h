// SPDX-License-Identifier: GPL-2.0-only
/*
 * User address spaces (mm/mmap.c, mm/memory.c). A struct mm_struct is one address space: a
 * page table (the kernel half shared with every other, see <asm/pgtable.h>) and a list of
 * virtual memory areas sorted by address. A VMA is a range with one protection and one
 * backing: anonymous (zero-filled on first touch), a private file mapping (pages read
 * through the file on first touch, then private) or a shared file mapping (the file's own
 * pages, from vm_ops->fault; shared anonymous memory is one, of an unlinked tmpfs file
 * made by shmem_zero_setup()). Pages are filled on demand by handle_mm_fault(); fork shares
 * private ones copy-on-write (dup_mm) and shared ones as they are, counting users in
 * struct page's _refcount.
 *
 * Locking: mm->mmap_lock (a mutex: faults sleep to allocate and to read files) guards the
 * VMA list, the brk fields and every user PTE of the address space. mm_users counts the
 * tasks (threads) using the address space; the last mmput() tears it down.
 */
#ifndef _STARLING_MM_USER_H
#define _STARLING_MM_USER_H

#include <starling/types.h>
#include <starling/atomic.h>
#include <starling/list.h>
#include <starling/mutex.h>
#include <asm/pgtable.h>

struct file;
struct task_struct;
struct pt_regs;

/* vm_flags, Linux's values (the low four bits mirror PROT_*). */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_GROWSDOWN	0x00000100UL
#define VM_DONTEXPAND	0x00040000UL

/* mmap(2)/mprotect(2)/mremap(2)/madvise(2) constants, Linux's x86_64 values. */
#define PROT_NONE		0x0
#define PROT_READ		0x1
#define PROT_WRITE		0x2
#define PROT_EXEC		0x4
#define PROT_SEM		0x8	/* accepted and ignored, as on Linux */
#define PROT_GROWSDOWN		0x01000000
#define PROT_GROWSUP		0x02000000
#define MAP_SHARED		0x01
#define MAP_PRIVATE		0x02
#define MAP_SHARED_VALIDATE	0x03
#define MAP_TYPE		0x0f
#define MAP_FIXED		0x10
#define MAP_ANONYMOUS		0x20
#define MAP_32BIT		0x40
#define MAP_GROWSDOWN		0x0100
#define MAP_DENYWRITE		0x0800
#define MAP_EXECUTABLE		0x1000
#define MAP_LOCKED		0x2000
#define MAP_NORESERVE		0x4000
#define MAP_POPULATE		0x8000
#define MAP_NONBLOCK		0x10000
#define MAP_STACK		0x20000
#define MAP_HUGETLB		0x40000
#define MAP_FIXED_NOREPLACE	0x100000
#define MAP_UNINITIALIZED	0x4000000
#define MREMAP_MAYMOVE		1
#define MREMAP_FIXED		2
#define MREMAP_DONTUNMAP	4
#define MADV_NORMAL		0
#define MADV_RANDOM		1
#define MADV_SEQUENTIAL		2
#define MADV_WILLNEED		3
#define MADV_DONTNEED		4
#define MADV_FREE		8
#define MS_ASYNC		1
#define MS_INVALIDATE		2
#define MS_SYNC			4

/* The standard layout of a new address space (below TASK_SIZE, as Linux x86_64). */
#define STACK_TOP		TASK_SIZE
#define STACK_RLIMIT		(8UL << 20)		/* RLIMIT_STACK default */
#define STACK_GUARD_GAP		(256UL << PAGE_SHIFT)	/* Linux's stack_guard_gap */
#define MMAP_MIN_ADDR		0x10000UL		/* vm.mmap_min_addr */

struct page;
struct vm_area_struct;

/*
 * What a file system does for a shared mapping of one of its files, set by its ->mmap.
 * fault: the file's own page holding page @pgoff of the file, with a reference taken;
 * ERR_PTR(-EIO) when the page lies wholly beyond the end of the file (the access gets
 * SIGBUS), ERR_PTR(-ENOMEM). Called with mmap_lock held.
 */
struct vm_operations_struct {
	struct page	*(*fault)(struct vm_area_struct *vma, unsigned long pgoff);
};

struct vm_area_struct {
	unsigned long		vm_start;	/* first byte */
	unsigned long		vm_end;		/* first byte after */
	unsigned long		vm_flags;	/* VM_* */
	struct file		*vm_file;	/* a reference, or NULL for anonymous memory */
	unsigned long		vm_pgoff;	/* file offset of vm_start, in pages */
	const struct vm_operations_struct *vm_ops;	/* shared file mappings, else NULL */
	struct mm_struct	*vm_mm;
	struct list_head	vm_list;	/* mm->mmap, sorted by vm_start; mmap_lock */
};

struct mm_struct {
	pgd_t			*pgd;		/* direct-map address of the PML4 */
	struct list_head	mmap;		/* VMAs, sorted; mmap_lock */
	int			map_count;
	struct mutex		mmap_lock;
	atomic_t		mm_users;	/* tasks using it; mmput() at zero frees it */
	unsigned long		mmap_base;	/* top-down search for mmap() starts here */
	unsigned long		start_code, end_code, start_data, end_data;
	unsigned long		start_brk, brk, start_stack;
	unsigned long		arg_start, arg_end, env_start, env_end;
	unsigned long		total_vm;	/* pages mapped by VMAs */
	atomic_long_t		rss;		/* pages present in the page table */
	struct file		*exe_file;	/* /proc/PID/exe; a reference or NULL */
};

/* ---- address spaces (mm/mmap.c) ------------------------------------------------------- */

struct mm_struct *mm_alloc(void);		/* empty, mm_users 1; NULL on no memory */
struct mm_struct *dup_mm(struct mm_struct *oldmm);	/* fork: COW copy, or ERR_PTR */
void mmget(struct mm_struct *mm);		/* another user (CLONE_VM) */
void mmput(struct mm_struct *mm);		/* drop a user; the last frees everything */
void exit_mm(void);				/* current leaves its address space */
void set_mm_exe_file(struct mm_struct *mm, struct file *file);	/* takes a reference */

/* First VMA with vm_end > @addr, or NULL. Caller holds mmap_lock. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/* Visit every VMA in order (for /proc/PID/maps); takes mmap_lock around the walk. */
void mm_for_each_vma(struct mm_struct *mm, void (*fn)(struct vm_area_struct *vma, void *arg),
		     void *arg);

/* Kernel-internal mapping calls; mmap_lock is taken inside. Return the address or -errno. */
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff);
int vm_munmap(unsigned long start, size_t len);
/* Caller holds mmap_lock. */
unsigned long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot, unsigned long flags,
		      unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int expand_stack(struct vm_area_struct *vma, unsigned long address);

/* ---- page tables and faults (mm/memory.c) --------------------------------------------- */

#define FAULT_FLAG_WRITE	0x01
#define FAULT_FLAG_EXEC		0x02
#define FAULT_FLAG_USER		0x04

/*
 * Fill or copy-on-write the page at @address. 0, -EFAULT, -ENOMEM, or -EIO (a shared file
 * mapping beyond the end of its file: SIGBUS). mmap_lock held.
 */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned int flags,
		    struct pt_regs *regs);
/* Drop the pages of [start, end) in @mm (unmap, MADV_DONTNEED). mmap_lock held. */
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end);
/* Share @vma's present pages with @dst copy-on-write (fork). Both mmap_locks held. */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma);
/* Re-apply @vma's protection to its present pages (mprotect). mmap_lock held. */
void change_protection(struct vm_area_struct *vma, unsigned long start, unsigned long end);
/* Move the PTEs of [old, old+len) to new (mremap). mmap_lock held. */
int move_page_tables(struct mm_struct *mm, unsigned long old, unsigned long new,
		     unsigned long len);
/* Flush this address space's translations on every CPU that may cache them. */
void flush_tlb_mm(struct mm_struct *mm);
/* Load @mm's page table on this CPU (init_mm_pgd for NULL). IRQs off or preemption off. */
void switch_mm(struct mm_struct *mm);
unsigned long vm_flags_to_pte(unsigned long vm_flags, bool writable);

/* Copy @len bytes into / out of @mm at @addr, faulting pages in (exec, /proc/PID/cmdline). */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, size_t len,
		     bool write);
int __access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, size_t len,
		       bool write);	/* caller holds mm->mmap_lock */
/* The kernel alias of user address @addr (faulted in; for write, made writable), or NULL. */
void *user_addr_to_kernel(struct mm_struct *mm, unsigned long addr, bool write); /* mmap_lock */

/* ---- the file layer as the memory code sees it (mm/file_glue.c) ----------------------- */

struct file *mm_file_get(struct file *file);
void mm_file_put(struct file *file);
ssize_t mm_file_read(struct file *file, void *buf, size_t count, loff_t pos);
struct file *mm_fget(int fd);			/* a reference to fd's file, or NULL */
/*
 * Linux's do_mmap() checks of @file: -EACCES when it is not open for reading, or for
 * writing when @shared and @prot has PROT_WRITE; -ENODEV when the file has no
 * ->mmap. A shared mapping of a file not open for writing loses VM_MAYWRITE in @vm_flags.
 */
int mm_file_mmap_check(struct file *file, unsigned long prot, bool shared,
		       unsigned long *vm_flags);
int mm_file_mmap(struct file *file, struct vm_area_struct *vma);	/* f_op->mmap */

/* starling.selftest=exec (kernel/exec_selftest.c): 0 when all passed. */
int exec_selftest(void);

#endif /* _STARLING_MM_USER_H */
