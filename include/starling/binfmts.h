// SPDX-License-Identifier: GPL-2.0-only
/*
 * Starting programs: execve/execveat (kernel/exec.c), the ELF64 loader and `#!` scripts.
 *
 * elf_parse() is pure (no allocation, no I/O) so that it can be fuzzed on the host: it
 * checks an ELF header and its program headers and summarises what the loader needs.
 */
#ifndef _STARLING_BINFMTS_H
#define _STARLING_BINFMTS_H

#include <starling/types.h>
#include <starling/compiler.h>

#define BINPRM_BUF_SIZE		256
#define MAX_ARG_STRLEN		(32 * 4096)	/* one argument or environment string */
#define MAX_ARG_TOTAL		(512 * 1024)	/* all of them, with their NULs */
#define MAX_ARG_STRINGS		0x7fffffff

/* ELF64 as the x86_64 ABI defines it. */
#define ELFMAG			"\177ELF"
#define ELFCLASS64		2
#define ELFDATA2LSB		1
#define EV_CURRENT		1
#define ET_EXEC			2
#define ET_DYN			3
#define EM_X86_64		62
#define PT_NULL			0
#define PT_LOAD			1
#define PT_DYNAMIC		2
#define PT_INTERP		3
#define PT_PHDR			6
#define PT_TLS			7
#define PT_GNU_STACK		0x6474e551
#define PF_X			0x1
#define PF_W			0x2
#define PF_R			0x4

struct elf64_hdr {
	u8	e_ident[16];
	u16	e_type;
	u16	e_machine;
	u32	e_version;
	u64	e_entry;
	u64	e_phoff;
	u64	e_shoff;
	u32	e_flags;
	u16	e_ehsize;
	u16	e_phentsize;
	u16	e_phnum;
	u16	e_shentsize;
	u16	e_shnum;
	u16	e_shstrndx;
};

struct elf64_phdr {
	u32	p_type;
	u32	p_flags;
	u64	p_offset;
	u64	p_vaddr;
	u64	p_paddr;
	u64	p_filesz;
	u64	p_memsz;
	u64	p_align;
};

#define ELF_MAX_PHNUM		(65536 / sizeof(struct elf64_phdr))

/* What the loader needs to know, all addresses before the load bias. */
struct elf_info {
	u16		type;		/* ET_EXEC or ET_DYN */
	u64		entry;
	u64		phoff;
	u16		phnum;
	u64		phdr_vaddr;	/* where the program headers are mapped, or 0 */
	u64		min_vaddr;	/* lowest PT_LOAD page */
	u64		max_vaddr;	/* end of the highest PT_LOAD (memsz) */
	unsigned int	nr_load;
	bool		has_interp;	/* PT_INTERP: needs a dynamic loader */
	bool		exec_stack;	/* PT_GNU_STACK with PF_X, or no PT_GNU_STACK */
};

/*
 * Check @ehdr (@len bytes available) for an ELF64 x86_64 executable. 0, or -ENOEXEC
 * when it is not one (wrong magic, class, machine, type, header sizes).
 */
int elf_check_header(const void *ehdr, size_t len);
/*
 * Check the @ehdr's program headers @phdrs (e_phnum entries) and fill @info: every
 * PT_LOAD lies below @task_size, file size <= memory size, offset and address agree
 * modulo the page size, no overflow. 0, -ENOEXEC or -EINVAL.
 */
int elf_parse_phdrs(const struct elf64_hdr *ehdr, const struct elf64_phdr *phdrs,
		    unsigned long task_size, struct elf_info *info);

/* A string vector from user space, or from the kernel (run_init_process). */
struct user_arg_ptr {
	bool				is_kernel;
	const char __user *const __user	*ptr;
};

struct filename;

int do_execveat_common(int fd, struct filename *filename, struct user_arg_ptr argv,
		       struct user_arg_ptr envp, int flags);
/* exec from a kernel thread (kernel_init): on success the caller returns to user mode. */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);

#endif /* _STARLING_BINFMTS_H */
