// SPDX-License-Identifier: GPL-2.0-only
/*
 * ELF64 header checks for the exec loader (kernel/exec.c). Pure functions over bytes read
 * from an untrusted file: no allocation, no I/O, every offset and size checked for
 * overflow, so the host fuzzer (tests/unit/fuzz/elf.c) can run them on anything.
 */
#include <starling/binfmts.h>
#include <starling/errno.h>
#include <starling/string.h>
#include <asm/elf.h>

#define ELF_PAGE_SIZE	4096UL

/**
 * elf_check_header() - is @buf the header of an ELF64 executable for this arch (ELF_ARCH)?
 * @buf: the first bytes of the file
 * @len: how many bytes of @buf are valid
 *
 * Return: 0, or -ENOEXEC.
 */
int elf_check_header(const void *buf, size_t len)
{
	const struct elf64_hdr *eh = buf;

	if (len < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, 4))
		return -ENOEXEC;
	if (eh->e_ident[4] != ELFCLASS64 || eh->e_ident[5] != ELFDATA2LSB ||
	    eh->e_ident[6] != EV_CURRENT || eh->e_version != EV_CURRENT)
		return -ENOEXEC;
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return -ENOEXEC;
	if (eh->e_machine != ELF_ARCH)
		return -ENOEXEC;
	if (eh->e_phentsize != sizeof(struct elf64_phdr))
		return -ENOEXEC;
	if (eh->e_phnum < 1 || eh->e_phnum > ELF_MAX_PHNUM)
		return -ENOEXEC;
	if (eh->e_phoff > ~0UL - (u64)eh->e_phnum * sizeof(struct elf64_phdr))
		return -ENOEXEC;
	return 0;
}

/**
 * elf_parse_phdrs() - check the program headers and summarise them
 * @eh: a header that passed elf_check_header()
 * @ph: its e_phnum program headers
 * @task_size: the end of user space
 * @info: filled on success
 *
 * Return: 0, -ENOEXEC (no PT_LOAD, inconsistent segments) or -EINVAL (out of range).
 */
int elf_parse_phdrs(const struct elf64_hdr *eh, const struct elf64_phdr *ph,
		    unsigned long task_size, struct elf_info *info)
{
	bool saw_stack = false;

	memset(info, 0, sizeof(*info));
	info->type = eh->e_type;
	info->entry = eh->e_entry;
	info->phoff = eh->e_phoff;
	info->phnum = eh->e_phnum;
	info->min_vaddr = ~0UL;
	for (unsigned int i = 0; i < eh->e_phnum; i++) {
		const struct elf64_phdr *p = &ph[i];

		switch (p->p_type) {
		case PT_LOAD:
			if (p->p_filesz > p->p_memsz)
				return -ENOEXEC;
			if ((p->p_offset & (ELF_PAGE_SIZE - 1)) != (p->p_vaddr & (ELF_PAGE_SIZE - 1)))
				return -ENOEXEC;
			if (p->p_vaddr >= task_size || p->p_memsz > task_size - p->p_vaddr)
				return -EINVAL;
			if (p->p_offset > ~0UL - p->p_filesz)
				return -ENOEXEC;
			if ((p->p_vaddr & ~(ELF_PAGE_SIZE - 1)) < info->min_vaddr)
				info->min_vaddr = p->p_vaddr & ~(ELF_PAGE_SIZE - 1);
			if (p->p_vaddr + p->p_memsz > info->max_vaddr)
				info->max_vaddr = p->p_vaddr + p->p_memsz;
			if (p->p_offset <= eh->e_phoff && eh->e_phoff - p->p_offset < p->p_filesz &&
			    !info->phdr_vaddr)
				info->phdr_vaddr = p->p_vaddr + (eh->e_phoff - p->p_offset);
			info->nr_load++;
			break;
		case PT_PHDR:
			info->phdr_vaddr = p->p_vaddr;
			break;
		case PT_INTERP:
			info->has_interp = true;
			break;
		case PT_GNU_STACK:
			saw_stack = true;
			info->exec_stack = p->p_flags & PF_X;
			break;
		default:
			break;
		}
	}
	if (!saw_stack)
		info->exec_stack = true;
	if (!info->nr_load)
		return -ENOEXEC;
	if (info->type == ET_EXEC && (info->entry < info->min_vaddr ||
				      info->entry >= info->max_vaddr))
		return -ENOEXEC;
	return 0;
}
