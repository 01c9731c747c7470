// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fuzz target for the exec loader's ELF checks (kernel/elf_parse.c): the input is the start
 * of an executable file. Whatever passes must describe a loadable program inside user
 * space; nothing may read outside the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <starling/binfmts.h>

#define FUZZ_TASK_SIZE	0x00007ffffffff000UL

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf64_hdr eh;
	struct elf64_phdr *ph;
	struct elf_info info;
	size_t phsize;

	if (elf_check_header(data, size))
		return 0;
	memcpy(&eh, data, sizeof(eh));
	phsize = (size_t)eh.e_phnum * sizeof(*ph);
	if (eh.e_phoff > size || phsize > size - eh.e_phoff)
		return 0;			/* the loader would get a short read */
	ph = malloc(phsize);			/* exact size: ASan sees any overrun */
	memcpy(ph, data + eh.e_phoff, phsize);
	if (!elf_parse_phdrs(&eh, ph, FUZZ_TASK_SIZE, &info)) {
		if (!info.nr_load || info.min_vaddr > info.max_vaddr ||
		    info.max_vaddr > FUZZ_TASK_SIZE || (info.min_vaddr & 4095))
			abort();
	}
	free(ph);
	return 0;
}
