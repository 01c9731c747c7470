/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The user's FP registers (the D extension: f0-f31 and fcsr) to and from a thread_struct.
 * The kernel is built without F/D, so these are the only FP instructions in it; each
 * routine turns sstatus.FS on for the duration (FP instructions trap while it is off) and
 * restores the caller's FS setting.
 */
#include <asm/csr.h>
#include <asm/switch_to.h>

	.option push
	.option arch, +d

	.section .noprobe.text, "ax"
/* void fpu_save(struct thread_struct *t) */
	.globl	fpu_save
fpu_save:
	li	t1, SR_FS
	csrrs	t0, sstatus, t1
	fsd	f0, THREAD_FSTATE + 0 * 8(a0)
	fsd	f1, THREAD_FSTATE + 1 * 8(a0)
	fsd	f2, THREAD_FSTATE + 2 * 8(a0)
	fsd	f3, THREAD_FSTATE + 3 * 8(a0)
	fsd	f4, THREAD_FSTATE + 4 * 8(a0)
	fsd	f5, THREAD_FSTATE + 5 * 8(a0)
	fsd	f6, THREAD_FSTATE + 6 * 8(a0)
	fsd	f7, THREAD_FSTATE + 7 * 8(a0)
	fsd	f8, THREAD_FSTATE + 8 * 8(a0)
	fsd	f9, THREAD_FSTATE + 9 * 8(a0)
	fsd	f10, THREAD_FSTATE + 10 * 8(a0)
	fsd	f11, THREAD_FSTATE + 11 * 8(a0)
	fsd	f12, THREAD_FSTATE + 12 * 8(a0)
	fsd	f13, THREAD_FSTATE + 13 * 8(a0)
	fsd	f14, THREAD_FSTATE + 14 * 8(a0)
	fsd	f15, THREAD_FSTATE + 15 * 8(a0)
	fsd	f16, THREAD_FSTATE + 16 * 8(a0)
	fsd	f17, THREAD_FSTATE + 17 * 8(a0)
	fsd	f18, THREAD_FSTATE + 18 * 8(a0)
	fsd	f19, THREAD_FSTATE + 19 * 8(a0)
	fsd	f20, THREAD_FSTATE + 20 * 8(a0)
	fsd	f21, THREAD_FSTATE + 21 * 8(a0)
	fsd	f22, THREAD_FSTATE + 22 * 8(a0)
	fsd	f23, THREAD_FSTATE + 23 * 8(a0)
	fsd	f24, THREAD_FSTATE + 24 * 8(a0)
	fsd	f25, THREAD_FSTATE + 25 * 8(a0)
	fsd	f26, THREAD_FSTATE + 26 * 8(a0)
	fsd	f27, THREAD_FSTATE + 27 * 8(a0)
	fsd	f28, THREAD_FSTATE + 28 * 8(a0)
	fsd	f29, THREAD_FSTATE + 29 * 8(a0)
	fsd	f30, THREAD_FSTATE + 30 * 8(a0)
	fsd	f31, THREAD_FSTATE + 31 * 8(a0)
	frcsr	t2
	sw	t2, THREAD_FCSR(a0)
	csrw	sstatus, t0
	ret

/* void fpu_restore(const struct thread_struct *t) */
	.globl	fpu_restore
fpu_restore:
	li	t1, SR_FS
	csrrs	t0, sstatus, t1
	fld	f0, THREAD_FSTATE + 0 * 8(a0)
	fld	f1, THREAD_FSTATE + 1 * 8(a0)
	fld	f2, THREAD_FSTATE + 2 * 8(a0)
	fld	f3, THREAD_FSTATE + 3 * 8(a0)
	fld	f4, THREAD_FSTATE + 4 * 8(a0)
	fld	f5, THREAD_FSTATE + 5 * 8(a0)
	fld	f6, THREAD_FSTATE + 6 * 8(a0)
	fld	f7, THREAD_FSTATE + 7 * 8(a0)
	fld	f8, THREAD_FSTATE + 8 * 8(a0)
	fld	f9, THREAD_FSTATE + 9 * 8(a0)
	fld	f10, THREAD_FSTATE + 10 * 8(a0)
	fld	f11, THREAD_FSTATE + 11 * 8(a0)
	fld	f12, THREAD_FSTATE + 12 * 8(a0)
	fld	f13, THREAD_FSTATE + 13 * 8(a0)
	fld	f14, THREAD_FSTATE + 14 * 8(a0)
	fld	f15, THREAD_FSTATE + 15 * 8(a0)
	fld	f16, THREAD_FSTATE + 16 * 8(a0)
	fld	f17, THREAD_FSTATE + 17 * 8(a0)
	fld	f18, THREAD_FSTATE + 18 * 8(a0)
	fld	f19, THREAD_FSTATE + 19 * 8(a0)
	fld	f20, THREAD_FSTATE + 20 * 8(a0)
	fld	f21, THREAD_FSTATE + 21 * 8(a0)
	fld	f22, THREAD_FSTATE + 22 * 8(a0)
	fld	f23, THREAD_FSTATE + 23 * 8(a0)
	fld	f24, THREAD_FSTATE + 24 * 8(a0)
	fld	f25, THREAD_FSTATE + 25 * 8(a0)
	fld	f26, THREAD_FSTATE + 26 * 8(a0)
	fld	f27, THREAD_FSTATE + 27 * 8(a0)
	fld	f28, THREAD_FSTATE + 28 * 8(a0)
	fld	f29, THREAD_FSTATE + 29 * 8(a0)
	fld	f30, THREAD_FSTATE + 30 * 8(a0)
	fld	f31, THREAD_FSTATE + 31 * 8(a0)
	lw	t2, THREAD_FCSR(a0)
	fscsr	t2
	csrw	sstatus, t0
	ret

	.option pop
