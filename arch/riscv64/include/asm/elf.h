// SPDX-License-Identifier: GPL-2.0-only
/* What exec and uname say about riscv64 programs, with Linux's names. */
#ifndef _ASM_ELF_H
#define _ASM_ELF_H

#define ELF_ARCH	243		/* EM_RISCV: the e_machine exec accepts */
#define ELF_PLATFORM	NULL		/* riscv has no AT_PLATFORM string */
#define UTS_MACHINE	"riscv64"	/* uname -m */

/*
 * AT_HWCAP: one bit per single-letter base extension, bit (letter - 'a'), for the ones
 * Linux 6.1 reports: I, M, A, F, D, C (every hart QEMU's rv64 models has them).
 */
#define ELF_HWCAP	((1UL << ('i' - 'a')) | (1UL << ('m' - 'a')) | (1UL << ('a' - 'a')) | \
			 (1UL << ('f' - 'a')) | (1UL << ('d' - 'a')) | (1UL << ('c' - 'a')))

#endif /* _ASM_ELF_H */
