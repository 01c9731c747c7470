// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 boot entry. QEMU's -kernel loads this ELF at its physical load addresses and,
 * finding the Xen PVH note (XEN_ELFNOTE_PHYS32_ENTRY), enters pvh_start in 32-bit protected
 * mode with paging off and %ebx holding the physical address of struct hvm_start_info
 * (command line, initrd module, memory map, RSDP).
 *
 * pvh_start clears .bss, builds the boot page tables, enables long mode and jumps to the
 * kernel's link address in the top 2 GiB:
 *   PML4[0]   -> boot_pdpt_low   identity map of the first 4 GiB (dropped once C runs)
 *   PML4[273] -> boot_pdpt_low   direct map at PAGE_OFFSET (0xffff888000000000)
 *   PML4[511] -> boot_pdpt_high  [510] -> first GiB at __START_KERNEL_map
 * all through 2 MiB pages in boot_pd (4 tables, 4 GiB).
 */
#include <asm/page.h>
#include <asm/segment.h>

#define PA(x)		((x) - __START_KERNEL_map)
#define PTE_P		0x1
#define PTE_W		0x2
#define PTE_PS		0x80

	.pushsection .note.Xen, "a", @note
	.balign 4
	.long	2f - 1f			/* namesz */
	.long	4f - 3f			/* descsz */
	.long	18			/* XEN_ELFNOTE_PHYS32_ENTRY */
1:	.asciz	"Xen"
2:	.balign 4
3:	.quad	PA(pvh_start)
4:	.balign 4
	.popsection

	.section .head.text, "ax"
	.code32
	.globl	pvh_start
pvh_start:
	cli
	cld
	movl	%ebx, %esi			/* hvm_start_info, kept in %esi */

	lgdt	PA(boot_gdt_desc)
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	$PA(boot_stack_top), %esp

	/* Zero .bss (the page tables live there). */
	movl	$PA(__bss_start), %edi
	movl	$PA(__bss_stop), %ecx
	subl	%edi, %ecx
	shrl	$2, %ecx
	xorl	%eax, %eax
	rep stosl

	/* boot_pd: 2048 2 MiB pages covering 0..4 GiB. */
	movl	$PA(boot_pd), %edi
	xorl	%ecx, %ecx
1:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$(PTE_P | PTE_W | PTE_PS), %eax
	movl	%eax, (%edi, %ecx, 8)
	movl	%ecx, %eax
	shrl	$11, %eax			/* high dword: address bits 32..: (ecx << 21) >> 32 */
	movl	%eax, 4(%edi, %ecx, 8)
	incl	%ecx
	cmpl	$2048, %ecx
	jb	1b

	/* boot_pdpt_low[0..3] -> the four page directories. */
	movl	$PA(boot_pdpt_low), %edi
	movl	$PA(boot_pd) + (PTE_P | PTE_W), %eax
	movl	%eax, 0(%edi)
	addl	$4096, %eax
	movl	%eax, 8(%edi)
	addl	$4096, %eax
	movl	%eax, 16(%edi)
	addl	$4096, %eax
	movl	%eax, 24(%edi)

	/* boot_pdpt_high[510] -> first GiB (kernel image map). */
	movl	$PA(boot_pdpt_high), %edi
	movl	$PA(boot_pd) + (PTE_P | PTE_W), %eax
	movl	%eax, 510 * 8(%edi)

	movl	$PA(boot_pml4), %edi
	movl	$PA(boot_pdpt_low) + (PTE_P | PTE_W), %eax
	movl	%eax, 0(%edi)
	movl	%eax, 273 * 8(%edi)
	movl	$PA(boot_pdpt_high) + (PTE_P | PTE_W), %eax
	movl	%eax, 511 * 8(%edi)

	/* PAE + PGE, then EFER.LME|NXE|SCE, then paging. */
	movl	%cr4, %eax
	orl	$((1 << 5) | (1 << 7)), %eax
	movl	%eax, %cr4
	movl	$PA(boot_pml4), %eax
	movl	%eax, %cr3
	movl	$0xc0000080, %ecx
	rdmsr
	orl	$((1 << 8) | (1 << 11) | (1 << 0)), %eax
	wrmsr
	movl	%cr0, %eax
	orl	$((1 << 31) | (1 << 16) | (1 << 0)), %eax
	movl	%eax, %cr0
	ljmpl	$__KERNEL_CS, $PA(1f)

	.code64
1:	movabsq	$2f, %rax
	jmp	*%rax
2:	movq	$boot_stack_top, %rsp
	xorl	%eax, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %fs
	movl	%eax, %gs
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ss
	xorl	%ebp, %ebp
	movl	%esi, %edi			/* x86_64_start_kernel(start_info_pa) */
	call	x86_64_start_kernel
3:	cli
	hlt
	jmp	3b

/*
 * Application processors arrive here from the trampoline, still on the boot page tables, with
 * the CPU number in %edi and their stack top in %rsi: switch to the kernel page tables, which
 * map all RAM, then take the stack.
 */
	.globl	secondary_startup_64
secondary_startup_64:
	movq	secondary_cr3(%rip), %rax
	movq	%rax, %cr3
	movq	%rsi, %rsp
	xorl	%ebp, %ebp
	call	start_secondary
4:	cli
	hlt
	jmp	4b

	.section .head.data, "aw"
	.balign 8
boot_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff		/* 1: kernel 32-bit code */
	.quad	0x00af9a000000ffff		/* 2: __KERNEL_CS, 64-bit */
	.quad	0x00cf92000000ffff		/* 3: __KERNEL_DS */
boot_gdt_end:
boot_gdt_desc:
	.word	boot_gdt_end - boot_gdt - 1
	.long	PA(boot_gdt)

	.section .bss..page_aligned, "aw", @nobits
	.balign	4096
	.globl	boot_pml4
boot_pml4:	.skip 4096
boot_pdpt_low:	.skip 4096
boot_pdpt_high:	.skip 4096
	.globl	boot_pd
boot_pd:	.skip 4 * 4096
	.globl	boot_stack
boot_stack:	.skip 16384
	.globl	boot_stack_top
boot_stack_top:
