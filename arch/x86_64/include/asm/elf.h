// SPDX-License-Identifier: GPL-2.0-only
/* What exec and uname say about x86_64 programs, with Linux's names. */
#ifndef _ASM_ELF_H
#define _ASM_ELF_H

#include <asm/processor.h>

#define ELF_ARCH	62		/* EM_X86_64: the e_machine exec accepts */
#define ELF_PLATFORM	"x86_64"	/* AT_PLATFORM */
#define UTS_MACHINE	"x86_64"	/* uname -m */

/* AT_HWCAP: CPUID leaf 1's EDX, as Linux reports it. */
static inline unsigned long elf_hwcap(void)
{
	u32 a, b, c, d;

	cpuid(1, 0, &a, &b, &c, &d);
	return d;
}
#define ELF_HWCAP	elf_hwcap()

#endif /* _ASM_ELF_H */
