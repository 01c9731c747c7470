/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kretprobe_trampoline: a return-probed function "returns" here, because its entry probe
 * put this address in ra. Build a struct pt_regs (Linux's riscv layout) with sp = the stack
 * pointer after the return, status as a trap from S-mode with the current IRQ state would
 * save it, call kretprobe_trampoline_handler(regs), which runs the handler and gives back
 * the real return address, then return there with every register as the function left it
 * (a0/a1 hold the return value). tp is this hart's and is not restored: the handler may
 * have been preempted and moved to another hart. gp is not the kernel's and is left alone.
 */
#include <asm/ptrace.h>
#include <asm/csr.h>

	.section .noprobe.text, "ax"
	.balign 4
	.globl	kretprobe_trampoline
kretprobe_trampoline:
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
	sd	zero, PT_EPC(sp)		/* set by the handler */
	sd	zero, PT_BADADDR(sp)
	sd	zero, PT_CAUSE(sp)
	sd	a0, PT_ORIG_A0(sp)
	/* status: SPP set, SPIE = the current SIE */
	csrr	t0, sstatus
	andi	t1, t0, SR_SIE
	slli	t1, t1, 4			/* SIE is bit 1, SPIE bit 5 */
	andi	t0, t0, ~SR_SPIE
	or	t0, t0, t1
	ori	t0, t0, SR_SPP
	sd	t0, PT_STATUS(sp)
	/* frame record for backtraces: {s0, the function's return} */
	addi	sp, sp, -16
	sd	s0, 0(sp)
	sd	zero, 8(sp)
	addi	s0, sp, 16
	addi	a0, sp, 16
	call	kretprobe_trampoline_handler
	addi	sp, sp, 16
	mv	ra, a0
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
	addi	sp, sp, PT_SIZE
	ret
