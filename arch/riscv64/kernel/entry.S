/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 trap entry: stvec points at handle_exception for every exception and interrupt
 * (direct mode), from U-mode and S-mode alike.
 *
 * sscratch tells them apart, as in Linux: 0 while the hart runs in the kernel, this hart's
 * struct riscv_cpu (the kernel's tp) while it runs in user mode, where tp is the user's
 * thread pointer. The entry swaps tp and sscratch; a non-zero tp then means "from user":
 * the user sp is parked in riscv_cpu.user_sp and sp becomes the top of the task's kernel
 * stack (riscv_cpu.kernel_sp, set at each switch). From the kernel, the interrupted sp is
 * kept. Either way the entry saves every integer register and the trap CSRs as a struct
 * pt_regs (the interrupted tp included), pushes a frame record {s0, epc} so backtraces
 * continue into the interrupted code, clears sscratch and calls do_trap(regs).
 *
 * The way out restores from pt_regs (epc and status may have been changed). To user mode,
 * sscratch gets the kernel tp back and tp the user's; to the kernel, tp is left alone:
 * the task may have moved to another hart while it was preempted.
 *
 * ret_to_user_mode(regs) enters user mode from a kernel stack whose top holds @regs: the
 * first program (kernel_init after exec) and new processes (ret_from_fork).
 */
#include <asm/ptrace.h>
#include <asm/calling.h>
#include <asm/csr.h>
#include <asm/percpu.h>

	.section .noprobe.text, "ax"
	.balign 4
	.globl handle_exception
handle_exception:
	csrrw	tp, sscratch, tp
	bnez	tp, 1f
	/* from the kernel: the kernel tp went to sscratch, take it back */
	csrr	tp, sscratch
	sd	sp, RISCV_CPU_USER_SP(tp)	/* scratch: the interrupted sp */
	j	2f
1:	sd	sp, RISCV_CPU_USER_SP(tp)
	ld	sp, RISCV_CPU_KERNEL_SP(tp)
2:	addi	sp, sp, -PT_SIZE
	sd	x1, 1 * 8(sp)
	sd	x3, 3 * 8(sp)
	SAVE_X5_X31 sp
	ld	t0, RISCV_CPU_USER_SP(tp)
	sd	t0, PT_SP(sp)
	csrr	t0, sscratch			/* the interrupted tp: user's or kernel's */
	sd	t0, PT_TP(sp)
	csrw	sscratch, zero
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

/* sp = the pt_regs to return through; IRQs off */
	.globl ret_from_exception
ret_from_exception:
	ld	t0, PT_STATUS(sp)
	andi	t1, t0, SR_SPP
	bnez	t1, 3f
	/* back to user mode: the kernel tp waits in sscratch, the user's is restored below */
	csrw	sscratch, tp
	ld	tp, PT_TP(sp)
3:	csrw	sstatus, t0			/* SIE stays 0 here: sret sets it from SPIE */
	ld	t0, PT_EPC(sp)
	csrw	sepc, t0
	ld	x1, 1 * 8(sp)
	ld	x3, 3 * 8(sp)
	RESTORE_X5_X31 sp
	ld	x2, PT_SP(sp)
	sret

/* void ret_to_user_mode(struct pt_regs *regs): @regs is at the top of the kernel stack. */
	.globl	ret_to_user_mode
ret_to_user_mode:
	csrci	sstatus, SR_SIE
	mv	sp, a0
	li	s0, 0				/* backtraces end here */
	call	exit_to_user_mode		/* signals, reschedule; IRQs off on return */
	j	ret_from_exception

	.text
/*
 * First code of a task made by copy_thread(): __switch_to_asm returns here with a0 = the
 * previous task and s1 = the new task's pt_regs.
 */
	.globl	ret_from_fork
ret_from_fork:
	call	schedule_tail			/* run-queue lock released, IRQs on */
	mv	a0, s1
	j	ret_to_user_mode
