/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 entry. OpenSBI (QEMU's -bios default) enters _start in S-mode at the physical
 * load address with paging off, a0 = this hart's id and a1 = the device tree's physical
 * address; only one hart comes here, the others wait in the SBI's "stopped" state until
 * smpboot.c starts them at secondary_start (a0 = hart id, a1 = logical CPU).
 *
 * _start clears .bss, fills boot_pgd with 1 GiB pages (the kernel's gigabyte at
 * __START_KERNEL_map, and the first 16 GiB of physical memory at PAGE_OFFSET, enough for the
 * device tree and the early UART until mm/init.c builds the final table), turns on Sv39 and
 * continues at the link address. The code runs at its physical address until then, which
 * medany's pc-relative addressing allows; absolute addresses come from .dword literals.
 *
 * Paging is turned on with no identity mapping: stvec is first aimed at the virtual
 * continuation, so the fetch after the satp write faults straight into it.
 */
#include <asm/page.h>
#include <asm/csr.h>
#include <asm/switch_to.h>

#define PTE_V		0x01
#define PTE_R		0x02
#define PTE_W		0x04
#define PTE_X		0x08
#define PTE_G		0x20
#define PTE_A		0x40
#define PTE_D		0x80
#define PGD_INDEX(va)	(((va) >> 30) & 0x1ff)
#define BOOT_DIRECT_GB	16

	.section .head.text, "ax"
	.globl _start
_start:
	csrw	sie, zero
	csrw	sip, zero
	mv	s0, a0				/* hart id */
	mv	s1, a1				/* device tree */

	/* clear .bss (physical addresses: pc-relative) */
	lla	t0, __bss_start
	lla	t1, __bss_stop
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
	/* boot_pgd[kernel] = the gigabyte holding the image: R W X */
	lla	t0, boot_pgd
	li	t1, (KERNEL_PHYS_BASE >> 30) << 28 | PTE_V | PTE_R | PTE_W | PTE_X | PTE_G | PTE_A | PTE_D
	li	t2, PGD_INDEX(__START_KERNEL_map) * 8
	add	t2, t2, t0
	sd	t1, 0(t2)

	/* boot_pgd[direct map] = physical 0 .. BOOT_DIRECT_GB GiB: R W */
	li	t1, PTE_V | PTE_R | PTE_W | PTE_G | PTE_A | PTE_D
	li	t2, PGD_INDEX(PAGE_OFFSET) * 8
	add	t2, t2, t0
	li	t3, BOOT_DIRECT_GB
	li	t4, 1 << 28			/* one GiB in the PTE's PPN field */
3:	sd	t1, 0(t2)
	add	t1, t1, t4
	addi	t2, t2, 8
	addi	t3, t3, -1
	bnez	t3, 3b

	ld	t1, .Lstart_virt
	j	enable_paging

	.balign 4			/* stvec targets need 4-byte alignment */
.Lboot_high:
	/* now at the link address, on boot_pgd */
	la	sp, init_stack + THREAD_SIZE
	la	t0, handle_exception
	csrw	stvec, t0
	csrw	sscratch, zero
	mv	a0, s0
	mv	a1, s1
	call	riscv_start_kernel
4:	wfi
	j	4b

/*
 * enable_paging: satp = boot_pgd, then continue at the virtual address in t1. Runs at the
 * physical address; clobbers t0 and t2.
 */
enable_paging:
	csrw	stvec, t1
	lla	t0, boot_pgd
	srli	t0, t0, PAGE_SHIFT
	li	t2, SATP_MODE_SV39
	or	t0, t0, t2
	sfence.vma
	csrw	satp, t0
	/* not reached: the next fetch, at a physical address, faults into stvec */
	jr	t1

	.balign 8
.Lstart_virt:
	.dword	.Lboot_high
.Lsecondary_virt:
	.dword	.Lsecondary_high

/*
 * secondary_start: a0 = hart id, a1 = logical CPU, paging off (SBI HSM hart_start).
 * Continues on boot_pgd, then switches to the final table (kernel_satp) and the stack
 * smpboot.c allotted (secondary_stack_top[cpu]).
 */
	.globl secondary_start
secondary_start:
	csrw	sie, zero
	csrw	sip, zero
	mv	s0, a0
	mv	s1, a1
	ld	t1, .Lsecondary_virt
	j	enable_paging

	.balign 4
.Lsecondary_high:
	la	t0, kernel_satp
	ld	t0, 0(t0)
	sfence.vma
	csrw	satp, t0
	sfence.vma
	la	t0, secondary_stack_top
	slli	t1, s1, 3
	add	t0, t0, t1
	ld	sp, 0(t0)
	la	t0, handle_exception
	csrw	stvec, t0
	csrw	sscratch, zero
	mv	a0, s0
	mv	a1, s1
	call	secondary_start_kernel
5:	wfi
	j	5b

	.section .bss..page_aligned, "aw", @nobits
	.balign PAGE_SIZE
	.globl boot_pgd
boot_pgd:
	.space	PAGE_SIZE
	.balign THREAD_SIZE			/* show_stack() finds the top by alignment */
	.globl init_stack
init_stack:
	.space	THREAD_SIZE
