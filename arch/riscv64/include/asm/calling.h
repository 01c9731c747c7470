/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Saving and restoring registers in a struct pt_regs at \base (x<n> at 8 * n), for the trap
 * entry and the kretprobe trampoline. x1-x4 (ra, sp, gp, tp) each have rules of their own
 * there, so these cover x5-x31.
 */
#ifndef _ASM_CALLING_H
#define _ASM_CALLING_H

#ifdef __ASSEMBLY__
	.macro SAVE_X5_X31 base
	.irp n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	sd	x\n, \n * 8(\base)
	.endr
	.endm

	.macro RESTORE_X5_X31 base
	.irp n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	ld	x\n, \n * 8(\base)
	.endr
	.endm
#endif

#endif /* _ASM_CALLING_H */
