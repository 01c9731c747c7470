// SPDX-License-Identifier: GPL-2.0-only
/*
 * Application processor start-up code. smpboot.c copies [trampoline_start, trampoline_end)
 * to TRAMPOLINE_BASE (below 1 MiB, page aligned) and sends INIT + STARTUP IPIs whose vector
 * is TRAMPOLINE_BASE >> 12, so the AP begins in real mode at CS = TRAMPOLINE_BASE >> 4, IP 0.
 * The code goes real -> protected -> long mode on the boot page tables (which map this page
 * at its physical address), then jumps to tr_entry (secondary_startup_64) with the CPU number
 * in %edi and the stack top in %rsi.
 * smpboot.c fills tr_cr3, tr_entry, tr_stack and tr_cpu before each start-up.
 */
#define TRAMPOLINE_BASE	0x8000
#define TR(x)		(TRAMPOLINE_BASE + (x) - trampoline_start)

	.section .rodata, "a"
	.balign 16
	.globl	trampoline_start
trampoline_start:
	.code16
	cli
	cld
	movw	%cs, %ax
	movw	%ax, %ds
	lgdtl	tr_gdt_desc - trampoline_start
	movl	%cr0, %eax
	orl	$1, %eax
	movl	%eax, %cr0
	ljmpl	$0x08, $TR(tr_protected)

	.code32
tr_protected:
	movl	$0x10, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%cr4, %eax
	orl	$((1 << 5) | (1 << 7)), %eax		/* PAE, PGE */
	movl	%eax, %cr4
	movl	TR(tr_cr3), %eax
	movl	%eax, %cr3
	movl	$0xc0000080, %ecx
	rdmsr
	orl	$((1 << 8) | (1 << 11) | (1 << 0)), %eax	/* LME, NXE, SCE */
	wrmsr
	movl	%cr0, %eax
	orl	$((1 << 31) | (1 << 16)), %eax		/* PG, WP */
	movl	%eax, %cr0
	ljmpl	$0x18, $TR(tr_long)

	.code64
tr_long:
	movq	TR(tr_stack), %rsi
	movl	TR(tr_cpu), %edi
	movq	TR(tr_entry), %rax
	jmp	*%rax			/* secondary_startup_64 in kernel text */

	.balign 8
tr_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff	/* 0x08: 32-bit code */
	.quad	0x00cf92000000ffff	/* 0x10: data */
	.quad	0x00af9a000000ffff	/* 0x18: 64-bit code */
tr_gdt_end:
tr_gdt_desc:
	.word	tr_gdt_end - tr_gdt - 1
	.long	TR(tr_gdt)
	.balign 8
	.globl	tr_cr3, tr_entry, tr_stack, tr_cpu
tr_cr3:		.quad 0
tr_entry:	.quad 0
tr_stack:	.quad 0
tr_cpu:		.long 0
	.globl	trampoline_end
trampoline_end:
