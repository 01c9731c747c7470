/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The primitive copies behind <starling/uaccess.h> (uaccess.c checks the ranges). Every
 * load and store that may fault is listed in the exception table (__ex_table: pairs of
 * faulting instruction, continuation); a fault there resumes at the routine's fixup, which
 * reports how far it got. sstatus.SUM lets S-mode touch user pages for the duration and is
 * cleared on every way out. Byte at a time: simple, and every fault lands on a known byte.
 */
#include <asm/csr.h>

#define EX(insn, fixup)				\
	.pushsection __ex_table, "a";		\
	.balign 8;				\
	.dword insn, fixup;			\
	.popsection

	.text
/* unsigned long raw_copy_user(void *to, const void *from, unsigned long n): bytes left */
	.globl	raw_copy_user
raw_copy_user:
	li	t6, SR_SUM
	csrs	sstatus, t6
	beqz	a2, 2f
1:
10:	lbu	t0, 0(a1)
11:	sb	t0, 0(a0)
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	bnez	a2, 1b
2:	csrc	sstatus, t6
	mv	a0, a2
	ret
	EX(10b, 2b)
	EX(11b, 2b)

/* unsigned long raw_clear_user(void *to, unsigned long n): bytes left */
	.globl	raw_clear_user
raw_clear_user:
	li	t6, SR_SUM
	csrs	sstatus, t6
	beqz	a1, 2f
1:
20:	sb	zero, 0(a0)
	addi	a0, a0, 1
	addi	a1, a1, -1
	bnez	a1, 1b
2:	csrc	sstatus, t6
	mv	a0, a1
	ret
	EX(20b, 2b)

/*
 * long raw_strncpy_user(char *dst, const char *src, long count): the length copied before
 * the NUL (which is copied too), count if there was none within count bytes, -EFAULT (-14)
 * on a fault.
 */
	.globl	raw_strncpy_user
raw_strncpy_user:
	li	t6, SR_SUM
	csrs	sstatus, t6
	li	t1, 0
	beqz	a2, 2f
1:
30:	lbu	t0, 0(a1)
	sb	t0, 0(a0)
	beqz	t0, 2f
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	t1, t1, 1
	bne	t1, a2, 1b
2:	csrc	sstatus, t6
	mv	a0, t1
	ret
3:	csrc	sstatus, t6
	li	a0, -14
	ret
	EX(30b, 3b)

/*
 * long raw_strnlen_user(const char *s, long n): the length including the NUL, n + 1 if
 * there was none within n bytes, 0 on a fault.
 */
	.globl	raw_strnlen_user
raw_strnlen_user:
	li	t6, SR_SUM
	csrs	sstatus, t6
	li	t1, 0
1:	beq	t1, a1, 2f
40:	lbu	t0, 0(a0)
	addi	a0, a0, 1
	addi	t1, t1, 1
	bnez	t0, 1b
	mv	a0, t1
	csrc	sstatus, t6
	ret
2:	csrc	sstatus, t6
	addi	a0, a1, 1
	ret
3:	csrc	sstatus, t6
	li	a0, 0
	ret
	EX(40b, 3b)
