// SPDX-License-Identifier: GPL-2.0-only
/*
 * execve(2), execveat(2) and the first program. do_execveat_common() works in two halves:
 *
 *   prepare (nothing of the caller changes; any error returns to the old program)
 *     copy argv/envp into the kernel -> open the file -> `#!`? rewrite argv, open the
 *     interpreter (4 levels) -> check the ELF headers -> build a new mm: PT_LOAD segments
 *     (private file mappings, bss anonymous), the stack with strings and auxv
 *   commit (the point of no return)
 *     other threads go (de_thread) -> the new mm replaces the old -> comm, exe, signal
 *     handlers reset, close-on-exec files closed -> registers set for the entry point
 *
 * The initial stack, from STACK_TOP down, as Linux lays it out:
 *   NULL | execfn | envp strings | argv strings | ELF_PLATFORM | 16 random bytes | pad |
 *   auxv (AT_NULL last) | NULL | envp[] | NULL | argv[] | argc   <- rsp, 16-byte aligned
 *
 * Static executables only (ET_EXEC and static-pie ET_DYN); a PT_INTERP fails with
 * -ENOEXEC and a log line.
 */
#include <starling/binfmts.h>
#include <starling/boot.h>
#include <starling/cred.h>
#include <starling/errno.h>
#include <starling/fdtable.h>
#include <starling/fs.h>
#include <starling/kernel.h>
#include <starling/mm.h>
#include <starling/mm_user.h>
#include <starling/namei.h>
#include <starling/params.h>
#include <starling/printk.h>
#include <starling/sched.h>
#include <starling/signal.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/vmalloc.h>
#include <starling/trace_sched.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/stat.h>
#include <asm/processor.h>
#include <asm/syscall.h>
#include <asm/elf.h>

#define ELF_ET_DYN_BASE		0x555555554000UL	/* static-pie load address */
#define STACK_EXTRA		(128UL << 10)		/* stack VMA beyond the initial data */
#define MAX_INTERP_DEPTH	4

#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_BASE		7
#define AT_FLAGS	8
#define AT_ENTRY	9
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15
#define AT_HWCAP	16
#define AT_CLKTCK	17
#define AT_SECURE	23
#define AT_RANDOM	25
#define AT_HWCAP2	26
#define AT_EXECFN	31
#define AT_MINSIGSTKSZ	51
#define NR_AUXV		20

struct linux_binprm {
	struct file	*file;
	char		buf[BINPRM_BUF_SIZE];	/* the first bytes of the file */
	char		*args, *envs;		/* NUL-separated strings */
	size_t		args_len, envs_len;
	int		argc, envc;
	const char	*filename;		/* as given: AT_EXECFN, comm */
	char		*interp_name;		/* allocated copy for a `#!` interpreter */
	int		dfd, flags;
};

struct elf_load {
	unsigned long	entry, phdr, phnum, brk;
	unsigned long	start_code, end_code, start_data, end_data;
	bool		exec_stack;
};

/* ---- argument strings ----------------------------------------------------------------- */

static const char __user *get_arg_ptr(struct user_arg_ptr argv, int nr)
{
	const char __user *p;

	if (argv.is_kernel)
		return ((const char *const *)argv.ptr)[nr];
	if (copy_from_user(&p, argv.ptr + nr, sizeof(p)))
		return ERR_PTR(-EFAULT);
	return p;
}

static int copy_strings(struct user_arg_ptr argv, char *dst, size_t *len, int *count)
{
	if (!argv.ptr)
		return 0;
	for (int i = 0; ; i++) {
		const char __user *s = get_arg_ptr(argv, i);
		long n;

		if (IS_ERR(s))
			return PTR_ERR(s);
		if (!s)
			return 0;
		if (argv.is_kernel) {
			n = strlen((const char *)s) + 1;
			if (n > MAX_ARG_STRLEN || *len + n > MAX_ARG_TOTAL)
				return -E2BIG;
			memcpy(dst + *len, (const char *)s, n);
		} else {
			n = strnlen_user(s, MAX_ARG_STRLEN);
			if (!n)
				return -EFAULT;
			if (n > MAX_ARG_STRLEN || *len + n > MAX_ARG_TOTAL)
				return -E2BIG;
			if (copy_from_user(dst + *len, s, n))
				return -EFAULT;
			dst[*len + n - 1] = '\0';
		}
		*len += n;
		(*count)++;
	}
}

/* Put @s in front of the argument strings. */
static int prepend_arg(struct linux_binprm *bprm, const char *s)
{
	size_t n = strlen(s) + 1;

	if (bprm->args_len + n > MAX_ARG_TOTAL)
		return -E2BIG;
	memmove(bprm->args + n, bprm->args, bprm->args_len);
	memcpy(bprm->args, s, n);
	bprm->args_len += n;
	bprm->argc++;
	return 0;
}

static void drop_first_arg(struct linux_binprm *bprm)
{
	size_t n;

	if (!bprm->argc)
		return;
	n = strlen(bprm->args) + 1;
	memmove(bprm->args, bprm->args + n, bprm->args_len - n);
	bprm->args_len -= n;
	bprm->argc--;
}

/* ---- opening -------------------------------------------------------------------------- */

static struct file *open_exec_file(int dfd, const char *name, int flags)
{
	struct open_flags op = {
		.open_flag = O_RDONLY,
		.acc_mode = MAY_EXEC,
		.intent = LOOKUP_OPEN,
		.lookup_flags = (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
	};
	struct filename *fn = getname_kernel(name);
	struct file *file;

	if (IS_ERR(fn))
		return ERR_PTR(PTR_ERR(fn));
	if (flags & AT_EMPTY_PATH)
		op.lookup_flags |= LOOKUP_EMPTY;
	file = do_filp_open(dfd, fn, &op);
	putname(fn);
	if (IS_ERR(file))
		return file;
	if (!S_ISREG(file_inode(file)->i_mode) || !(file_inode(file)->i_mode & S_IXUGO)) {
		fput(file);
		return ERR_PTR(-EACCES);
	}
	return file;
}

static int prepare_binprm(struct linux_binprm *bprm)
{
	ssize_t n;

	memset(bprm->buf, 0, sizeof(bprm->buf));
	n = mm_file_read(bprm->file, bprm->buf, sizeof(bprm->buf), 0);
	return n < 0 ? (int)n : 0;
}

/* `#!interpreter [one argument]`: rewrite argv and switch bprm->file to the interpreter. */
static int load_script(struct linux_binprm *bprm)
{
	char *p = bprm->buf + 2, *end, *name, *arg = NULL;
	struct file *file;
	int ret;

	end = memchr(bprm->buf, '\n', sizeof(bprm->buf));
	if (!end)
		end = bprm->buf + sizeof(bprm->buf) - 1;
	*end = '\0';
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return -ENOEXEC;
	name = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	if (*p) {
		*p++ = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p) {
			char *e = p + strlen(p);

			while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
				*--e = '\0';
			arg = p;
		}
	}
	/* argv[0] becomes: interpreter [arg] path-of-script */
	drop_first_arg(bprm);
	ret = prepend_arg(bprm, bprm->filename);
	if (!ret && arg)
		ret = prepend_arg(bprm, arg);
	if (!ret)
		ret = prepend_arg(bprm, name);
	if (ret)
		return ret;
	kfree(bprm->interp_name);
	bprm->interp_name = kmalloc(strlen(name) + 1, GFP_KERNEL);
	if (!bprm->interp_name)
		return -ENOMEM;
	strcpy(bprm->interp_name, name);
	file = open_exec_file(AT_FDCWD, bprm->interp_name, 0);
	if (IS_ERR(file))
		return PTR_ERR(file);
	fput(bprm->file);
	bprm->file = file;
	return prepare_binprm(bprm);
}

/* ---- the new address space ------------------------------------------------------------ */

static unsigned long elf_prot(u32 p_flags)
{
	return (p_flags & PF_R ? PROT_READ : 0) | (p_flags & PF_W ? PROT_WRITE : 0) |
	       (p_flags & PF_X ? PROT_EXEC : 0);
}

static int map_segment(struct mm_struct *mm, struct file *file, const struct elf64_phdr *p,
		       unsigned long bias)
{
	unsigned long start = bias + p->p_vaddr, page = start & PAGE_MASK;
	unsigned long file_end = start + p->p_filesz, mem_end = start + p->p_memsz;
	unsigned long prot = elf_prot(p->p_flags), addr, anon_start = page;

	if (p->p_filesz) {
		addr = do_mmap(mm, file, page, ALIGN(file_end, PAGE_SIZE) - page, prot,
			       MAP_PRIVATE | MAP_FIXED, (p->p_offset - (start - page)) >> PAGE_SHIFT);
		if (IS_ERR_VALUE(addr))
			return (int)addr;
		anon_start = ALIGN(file_end, PAGE_SIZE);
		/* The file page holding the end of the data: zero what follows (bss). */
		if (p->p_memsz > p->p_filesz && (file_end & ~PAGE_MASK)) {
			static const char zeroes[256];
			unsigned long z = file_end;

			while (z < anon_start) {
				size_t n = min_t(size_t, sizeof(zeroes), anon_start - z);

				if (__access_remote_vm(mm, z, (void *)zeroes, n, true))
					return -EFAULT;
				z += n;
			}
		}
	}
	if (ALIGN(mem_end, PAGE_SIZE) > anon_start) {
		addr = do_mmap(mm, NULL, anon_start, ALIGN(mem_end, PAGE_SIZE) - anon_start, prot,
			       MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, 0);
		if (IS_ERR_VALUE(addr))
			return (int)addr;
	}
	return 0;
}

static int load_elf_binary(struct linux_binprm *bprm, struct mm_struct *mm,
			   struct elf_load *out)
{
	const struct elf64_hdr *eh = (const struct elf64_hdr *)bprm->buf;
	struct elf64_phdr *ph;
	struct elf_info info;
	unsigned long bias = 0;
	size_t size;
	int ret;

	ret = elf_check_header(bprm->buf, sizeof(bprm->buf));
	if (ret)
		return ret;
	size = eh->e_phnum * sizeof(*ph);
	ph = kmalloc(size, GFP_KERNEL);
	if (!ph)
		return -ENOMEM;
	ret = -EIO;
	if (mm_file_read(bprm->file, ph, size, eh->e_phoff) != (ssize_t)size)
		goto out_free;
	ret = elf_parse_phdrs(eh, ph, TASK_SIZE, &info);
	if (ret)
		goto out_free;
	if (info.has_interp) {
		pr_warn("exec %s: dynamically linked programs are not supported\n",
			bprm->filename);
		ret = -ENOEXEC;
		goto out_free;
	}
	if (info.type == ET_DYN)
		bias = ELF_ET_DYN_BASE - info.min_vaddr;
	out->start_code = ~0UL;
	for (unsigned int i = 0; i < info.phnum; i++) {
		const struct elf64_phdr *p = &ph[i];

		if (p->p_type != PT_LOAD)
			continue;
		ret = map_segment(mm, bprm->file, p, bias);
		if (ret)
			goto out_free;
		if (p->p_flags & PF_X) {
			out->start_code = min(out->start_code, bias + p->p_vaddr);
			out->end_code = max(out->end_code, bias + p->p_vaddr + p->p_filesz);
		} else {
			if (!out->start_data)
				out->start_data = bias + p->p_vaddr;
			out->end_data = max(out->end_data, bias + p->p_vaddr + p->p_filesz);
		}
	}
	if (out->start_code == ~0UL)
		out->start_code = out->end_code = 0;
	out->entry = bias + info.entry;
	out->phdr = info.phdr_vaddr ? bias + info.phdr_vaddr : 0;
	out->phnum = info.phnum;
	out->brk = ALIGN(bias + info.max_vaddr, PAGE_SIZE);
	out->exec_stack = info.exec_stack;
	ret = 0;
out_free:
	kfree(ph);
	return ret;
}

static void get_random_bytes_arch(void *buf, size_t n)
{
	u64 seed = random_get_entropy() ^ (unsigned long)buf;

	for (size_t i = 0; i < n; i++) {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		((u8 *)buf)[i] = (u8)(seed >> 24);
	}
}

/* Build the initial stack in @mm; returns the user rsp or a negative errno. */
static long create_stack(struct linux_binprm *bprm, struct mm_struct *mm,
			 const struct elf_load *el)
{
	size_t execfn_len = strlen(bprm->filename) + 1;
	unsigned long top = STACK_TOP, p, sp, execfn, envp, argp, platform, random;
	unsigned long items = 1 + bprm->argc + 1 + bprm->envc + 1 + 2 * NR_AUXV;
	const struct cred *cred = current_cred();
	unsigned long *vec, *v, stack_size, a;
	const char *k_platform = ELF_PLATFORM;
	size_t platform_len = k_platform ? strlen(k_platform) + 1 : 0;
	char rnd[16];
	u8 *image;
	long ret;

	p = top - sizeof(unsigned long);
	execfn = p -= execfn_len;
	envp = p -= bprm->envs_len;
	argp = p -= bprm->args_len;
	platform = p -= platform_len;
	random = p -= sizeof(rnd);
	p &= ~15UL;
	sp = (p - items * sizeof(unsigned long)) & ~15UL;
	stack_size = ALIGN(top - sp, PAGE_SIZE) + STACK_EXTRA;
	a = do_mmap(mm, NULL, top - stack_size, stack_size,
		    PROT_READ | PROT_WRITE | (el->exec_stack ? PROT_EXEC : 0),
		    MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_GROWSDOWN, 0);
	if (IS_ERR_VALUE(a))
		return (long)a;
	mm->start_stack = sp;
	mm->arg_start = argp;
	mm->arg_end = argp + bprm->args_len;
	mm->env_start = envp;
	mm->env_end = envp + bprm->envs_len;

	image = vzalloc(top - sp);
	if (!image)
		return -ENOMEM;
#define AT(addr)	(image + ((addr) - sp))
	memcpy(AT(execfn), bprm->filename, execfn_len);
	memcpy(AT(envp), bprm->envs, bprm->envs_len);
	memcpy(AT(argp), bprm->args, bprm->args_len);
	if (k_platform)
		memcpy(AT(platform), k_platform, platform_len);
	get_random_bytes_arch(rnd, sizeof(rnd));
	memcpy(AT(random), rnd, sizeof(rnd));

	v = vec = (unsigned long *)image;
	*v++ = bprm->argc;
	for (int i = 0; i < bprm->argc; i++) {
		*v++ = argp;
		argp += strlen((char *)AT(argp)) + 1;
	}
	*v++ = 0;
	for (int i = 0; i < bprm->envc; i++) {
		*v++ = envp;
		envp += strlen((char *)AT(envp)) + 1;
	}
	*v++ = 0;
#define AUX(id, val)	do { *v++ = (id); *v++ = (val); } while (0)
	AUX(AT_HWCAP, ELF_HWCAP);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, 100);
	AUX(AT_PHDR, el->phdr);
	AUX(AT_PHENT, sizeof(struct elf64_phdr));
	AUX(AT_PHNUM, el->phnum);
	AUX(AT_BASE, 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, el->entry);
	AUX(AT_UID, cred->uid);
	AUX(AT_EUID, cred->euid);
	AUX(AT_GID, cred->gid);
	AUX(AT_EGID, cred->egid);
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, random);
	AUX(AT_HWCAP2, 0);
	AUX(AT_EXECFN, execfn);
	if (k_platform)
		AUX(AT_PLATFORM, platform);
	AUX(AT_NULL, 0);
#undef AUX
#undef AT
	ret = __access_remote_vm(mm, sp, image, top - sp, true);
	vfree(image);
	return ret ? ret : (long)sp;
}

/* ---- the point of no return ----------------------------------------------------------- */

static int exec_commit(struct linux_binprm *bprm, struct mm_struct *mm,
		       const struct elf_load *el, unsigned long sp)
{
	struct task_struct *tsk = current;
	struct mm_struct *old = tsk->mm;
	const char *base;
	int ret;

	ret = de_thread(tsk);
	if (ret)
		return ret;
	preempt_disable();
	tsk->mm = mm;
	tsk->active_mm = mm;
	switch_mm(mm);
	preempt_enable();
	if (old)
		mmput(old);
	tsk->flags &= ~(PF_KTHREAD | PF_FORKNOEXEC);
	set_mm_exe_file(mm, bprm->file);
	base = strrchr(bprm->filename, '/');
	set_task_comm(tsk, base ? base + 1 : bprm->filename);
	flush_signal_handlers(tsk, 0);
	if (tsk->files)
		do_close_on_exec(tsk->files);
	start_thread(task_pt_regs(tsk), el->entry, sp);
	return 0;
}

/**
 * do_execveat_common() - replace current's program
 * @fd: directory for a relative @filename (AT_FDCWD), or the file with AT_EMPTY_PATH
 * @filename: the path; consumed (putname) here
 * @argv: argument vector
 * @envp: environment vector
 * @flags: AT_EMPTY_PATH, AT_SYMLINK_NOFOLLOW
 *
 * Return: 0 with current's registers set to start the new program, or a negative errno
 * with current unchanged.
 */
noinline int do_execveat_common(int fd, struct filename *filename, struct user_arg_ptr argv,
				struct user_arg_ptr envp, int flags)
{
	struct linux_binprm bprm = { .dfd = fd, .flags = flags };
	struct elf_load el = { 0 };
	struct mm_struct *mm = NULL;
	pid_t old_pid = current->pid;	/* before de_thread(), for sched_process_exec */
	long sp;
	int ret, depth;

	if (IS_ERR(filename))
		return PTR_ERR(filename);
	if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW)) {
		ret = -EINVAL;
		goto out_putname;
	}
	bprm.filename = filename->name;
	ret = -ENOMEM;
	bprm.args = vmalloc(MAX_ARG_TOTAL);
	bprm.envs = vmalloc(MAX_ARG_TOTAL);
	if (!bprm.args || !bprm.envs)
		goto out_free;
	ret = copy_strings(argv, bprm.args, &bprm.args_len, &bprm.argc);
	if (!ret)
		ret = copy_strings(envp, bprm.envs, &bprm.envs_len, &bprm.envc);
	if (ret)
		goto out_free;
	bprm.file = open_exec_file(fd, filename->name, flags);
	if (IS_ERR(bprm.file)) {
		ret = PTR_ERR(bprm.file);
		bprm.file = NULL;
		goto out_free;
	}
	ret = prepare_binprm(&bprm);
	for (depth = 0; !ret && bprm.buf[0] == '#' && bprm.buf[1] == '!'; depth++) {
		if (depth == MAX_INTERP_DEPTH) {
			ret = -ELOOP;
			break;
		}
		ret = load_script(&bprm);
	}
	if (ret)
		goto out_free;
	ret = -ENOMEM;
	mm = mm_alloc();
	if (!mm)
		goto out_free;
	mutex_lock(&mm->mmap_lock);
	ret = load_elf_binary(&bprm, mm, &el);
	mutex_unlock(&mm->mmap_lock);
	if (ret)
		goto out_free;
	mm->start_code = el.start_code;
	mm->end_code = el.end_code;
	mm->start_data = el.start_data;
	mm->end_data = el.end_data;
	mm->start_brk = mm->brk = el.brk;
	mutex_lock(&mm->mmap_lock);
	sp = create_stack(&bprm, mm, &el);
	mutex_unlock(&mm->mmap_lock);
	if (sp < 0) {
		ret = (int)sp;
		goto out_free;
	}
	ret = exec_commit(&bprm, mm, &el, sp);
	if (!ret) {
		mm = NULL;
		trace_sched_process_exec(current, old_pid, bprm.filename);
	}
out_free:
	if (mm)
		mmput(mm);
	if (bprm.file)
		fput(bprm.file);
	kfree(bprm.interp_name);
	vfree(bprm.args);
	vfree(bprm.envs);
out_putname:
	putname(filename);
	return ret;
}

SYSCALL_DEFINE3(execve, const char __user *, filename, const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	struct user_arg_ptr a = { .ptr = argv }, e = { .ptr = envp };

	return do_execveat_common(AT_FDCWD, getname(filename), a, e, 0);
}

SYSCALL_DEFINE5(execveat, int, fd, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp, int, flags)
{
	struct user_arg_ptr a = { .ptr = argv }, e = { .ptr = envp };

	return do_execveat_common(fd, getname_flags(filename, (flags & AT_EMPTY_PATH) ?
						    LOOKUP_EMPTY : 0), a, e, flags);
}

/**
 * kernel_execve() - exec from the kernel (the first program)
 * @filename: absolute path
 * @argv: NULL-terminated kernel strings
 * @envp: NULL-terminated kernel strings
 *
 * Return: 0 when current is ready to enter user mode (ret_to_user_mode()), else -errno.
 */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	struct user_arg_ptr a = { .is_kernel = true, .ptr = (const char *const *)argv };
	struct user_arg_ptr e = { .is_kernel = true, .ptr = (const char *const *)envp };

	return do_execveat_common(AT_FDCWD, getname_kernel(filename), a, e, 0);
}

static int try_to_run_init_process(const char *path)
{
	int ret;

	init_argv[0] = path;
	pr_info("Run %s as init process\n", path);
	ret = kernel_execve(path, init_argv, init_envp);
	if (!ret)
		ret_to_user_mode(task_pt_regs(current));
	if (ret != -ENOENT)
		pr_err("Starting init: %s exists but couldn't execute it (error %d)\n", path,
		       ret);
	return ret;
}

/**
 * run_init_process() - start the first program, as Linux's kernel_init does
 *
 * rdinit= (default /init), then init=, then /sbin/init, /etc/init, /bin/init, /bin/sh.
 * Return: only on failure: -ENOENT (nothing could be started).
 */
int run_init_process(void)
{
	static const char *const defaults[] = {
		"/sbin/init", "/etc/init", "/bin/init", "/bin/sh",
	};
	int ret;

	if (ramdisk_execute_command) {
		ret = try_to_run_init_process(ramdisk_execute_command);
		if (ret)
			pr_err("Failed to execute %s (error %d)\n", ramdisk_execute_command, ret);
	}
	if (execute_command) {
		ret = try_to_run_init_process(execute_command);
		if (ret)
			panic("Requested init %s failed (error %d).", execute_command, ret);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(defaults); i++)
		try_to_run_init_process(defaults[i]);
	pr_err("No working init found.  Try passing init= option to kernel. "
	       "See Linux Documentation/admin-guide/init.rst for guidance.\n");
	return -ENOENT;
}
