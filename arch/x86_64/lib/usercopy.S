// SPDX-License-Identifier: GPL-2.0-only
/*
 * The faulting halves of user access (arch/x86_64/lib/uaccess.c checks ranges and calls
 * these). Every load or store that may touch a bad address has an exception-table entry:
 * a fault there that the page-fault handler cannot resolve resumes at the fixup, which
 * reports how far the copy got. The same routines serve the *_nofault variants, which run
 * with preemption off so that the fault handler fills nothing.
 */
#define EFAULT	14

.macro EXTABLE insn, fixup
	.pushsection __ex_table, "a"
	.balign 8
	.quad	\insn, \fixup
	.popsection
.endm

	.text

/* unsigned long raw_copy_user(void *to, const void *from, unsigned long n): bytes left */
	.globl	raw_copy_user
raw_copy_user:
	movq	%rdx, %rcx
1:	rep movsb
	xorl	%eax, %eax
	ret
2:	movq	%rcx, %rax
	ret
	EXTABLE	1b, 2b

/* unsigned long raw_clear_user(void *to, unsigned long n): bytes left */
	.globl	raw_clear_user
raw_clear_user:
	movq	%rsi, %rcx
	xorl	%eax, %eax
1:	rep stosb
	xorl	%eax, %eax
	ret
2:	movq	%rcx, %rax
	ret
	EXTABLE	1b, 2b

/*
 * long raw_strncpy_user(char *dst, const char *src, long count): length copied without
 * the NUL, @count when no NUL came within @count bytes, -EFAULT on a fault.
 */
	.globl	raw_strncpy_user
raw_strncpy_user:
	xorl	%eax, %eax
1:	cmpq	%rdx, %rax
	jae	3f
2:	movb	(%rsi,%rax), %cl
	movb	%cl, (%rdi,%rax)
	testb	%cl, %cl
	jz	3f
	incq	%rax
	jmp	1b
3:	ret
4:	movq	$-EFAULT, %rax
	ret
	EXTABLE	2b, 4b

/*
 * long raw_strnlen_user(const char *s, long n): length with the NUL; n + 1 when no NUL
 * within n bytes; 0 on a fault.
 */
	.globl	raw_strnlen_user
raw_strnlen_user:
	xorl	%eax, %eax
1:	cmpq	%rsi, %rax
	jae	3f
2:	movb	(%rdi,%rax), %cl
	incq	%rax
	testb	%cl, %cl
	jnz	1b
	ret
3:	leaq	1(%rsi), %rax
	ret
4:	xorl	%eax, %eax
	ret
	EXTABLE	2b, 4b
