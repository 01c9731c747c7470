/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 trap entry: stvec points at handle_exception for every exception and interrupt
 * (direct mode). It saves all integer registers and the trap CSRs as a struct pt_regs on the
 * current kernel stack, pushes a frame record {s0, epc} so backtraces continue into the
 * interrupted code, calls do_trap(regs), and returns with sret through whatever do_trap left
 * in pt_regs (epc and status may be changed).
 *
 * sscratch is 0 while the hart runs in the kernel. In this phase nothing runs in user mode,
 * so a trap from U-mode is reported as an error by do_trap; the user-entry path (switching
 * to the task's kernel stack through sscratch) comes with user space.
 */
#include <asm/ptrace.h>
#include <asm/csr.h>

	.section .noprobe.text, "ax"
	.balign 4
	.globl handle_exception
handle_exception:
	addi	sp, sp, -PT_SIZE
	sd	x1, 1 * 8(sp)
	sd	x3, 3 * 8(sp)
	sd	x4, 4 * 8(sp)
	sd	x5, 5 * 8(sp)
	sd	x6, 6 * 8(sp)
	sd	x7, 7 * 8(sp)
	sd	x8, 8 * 8(sp)
	sd	x9, 9 * 8(sp)
	sd	x10, 10 * 8(sp)
	sd	x11, 11 * 8(sp)
	sd	x12, 12 * 8(sp)
	sd	x13, 13 * 8(sp)
	sd	x14, 14 * 8(sp)
	sd	x15, 15 * 8(sp)
	sd	x16, 16 * 8(sp)
	sd	x17, 17 * 8(sp)
	sd	x18, 18 * 8(sp)
	sd	x19, 19 * 8(sp)
	sd	x20, 20 * 8(sp)
	sd	x21, 21 * 8(sp)
	sd	x22, 22 * 8(sp)
	sd	x23, 23 * 8(sp)
	sd	x24, 24 * 8(sp)
	sd	x25, 25 * 8(sp)
	sd	x26, 26 * 8(sp)
	sd	x27, 27 * 8(sp)
	sd	x28, 28 * 8(sp)
	sd	x29, 29 * 8(sp)
	sd	x30, 30 * 8(sp)
	sd	x31, 31 * 8(sp)
	addi	t0, sp, PT_SIZE
	sd	t0, PT_SP(sp)
	csrr	t0, sepc
	sd	t0, PT_EPC(sp)
	csrr	t1, sstatus
	sd	t1, PT_STATUS(sp)
	csrr	t1, stval
	sd	t1, PT_BADADDR(sp)
	csrr	t1, scause
	sd	t1, PT_CAUSE(sp)
	sd	a0, PT_ORIG_A0(sp)

	/* frame record: the interrupted pc as return address, the interrupted s0 as link */
	addi	sp, sp, -16
	sd	s0, 0(sp)
	sd	t0, 8(sp)
	addi	s0, sp, 16
	addi	a0, sp, 16
	call	do_trap
	addi	sp, sp, 16

	ld	t0, PT_STATUS(sp)
	csrw	sstatus, t0		/* SIE stays 0 here: sret sets it from SPIE */
	ld	t0, PT_EPC(sp)
	csrw	sepc, t0
	ld	x1, 1 * 8(sp)
	ld	x3, 3 * 8(sp)
	ld	x4, 4 * 8(sp)
	ld	x5, 5 * 8(sp)
	ld	x6, 6 * 8(sp)
	ld	x7, 7 * 8(sp)
	ld	x8, 8 * 8(sp)
	ld	x9, 9 * 8(sp)
	ld	x10, 10 * 8(sp)
	ld	x11, 11 * 8(sp)
	ld	x12, 12 * 8(sp)
	ld	x13, 13 * 8(sp)
	ld	x14, 14 * 8(sp)
	ld	x15, 15 * 8(sp)
	ld	x16, 16 * 8(sp)
	ld	x17, 17 * 8(sp)
	ld	x18, 18 * 8(sp)
	ld	x19, 19 * 8(sp)
	ld	x20, 20 * 8(sp)
	ld	x21, 21 * 8(sp)
	ld	x22, 22 * 8(sp)
	ld	x23, 23 * 8(sp)
	ld	x24, 24 * 8(sp)
	ld	x25, 25 * 8(sp)
	ld	x26, 26 * 8(sp)
	ld	x27, 27 * 8(sp)
	ld	x28, 28 * 8(sp)
	ld	x29, 29 * 8(sp)
	ld	x30, 30 * 8(sp)
	ld	x31, 31 * 8(sp)
	ld	x2, PT_SP(sp)
	sret
