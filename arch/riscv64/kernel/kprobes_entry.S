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
#include <asm/calling.h>
#include <asm/csr.h>

	.section .noprobe.text, "ax"
	.balign 4
	.globl	kretprobe_trampoline
kretprobe_trampoline:
	addi	sp, sp, -PT_SIZE
	sd	x1, 1 * 8(sp)
	sd	x3, 3 * 8(sp)
	sd	x4, 4 * 8(sp)
	SAVE_X5_X31 sp
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
	/* frame record for backtraces: {s0, 0}; the real return address is the handler's to find */
	addi	sp, sp, -16
	sd	s0, 0(sp)
	sd	zero, 8(sp)
	addi	s0, sp, 16
	addi	a0, sp, 16
	call	kretprobe_trampoline_handler
	addi	sp, sp, 16
	mv	ra, a0
	RESTORE_X5_X31 sp
	addi	sp, sp, PT_SIZE
	ret
