// SPDX-License-Identifier: GPL-2.0-only
/*
 * The user FPU/SSE state on x86_64. The kernel itself never touches x87/SSE registers
 * (-mgeneral-regs-only), so while a task is in the kernel its user FPU state is still live in
 * the CPU. It is saved with fxsave64 into task_proc->fpu when the task is switched out (or
 * forks, or takes a signal) and restored with fxrstor64 when it is switched back in. Needs
 * CR4.OSFXSR and CR4.OSXMMEXCPT set and CR0.EM clear on every CPU.
 */
#ifndef _ASM_FPU_H
#define _ASM_FPU_H

#include <starling/types.h>

#define FXSAVE_SIZE		512
#define MXCSR_DEFAULT		0x1f80
#define MXCSR_MASK_DEFAULT	0x0000ffbf	/* writable MXCSR bits without DAZ */
#define FPU_FCW_DEFAULT		0x037f

/* Offsets in the fxsave image. */
#define FXSAVE_FCW		0
#define FXSAVE_MXCSR		24
#define FXSAVE_MXCSR_MASK	28

static inline void fpu_fxsave(void *buf)
{
	__asm__ __volatile__("fxsave64 (%0)" :: "r"(buf) : "memory");
}

static inline void fpu_fxrstor(const void *buf)
{
	__asm__ __volatile__("fxrstor64 (%0)" :: "r"(buf) : "memory");
}

/* Fill @buf (512 bytes) with the state a new program starts with (fninit + default MXCSR). */
static inline void fpu_init_image(void *buf)
{
	u8 *b = buf;

	for (unsigned int i = 0; i < FXSAVE_SIZE; i++)
		b[i] = 0;
	*(u16 *)(b + FXSAVE_FCW) = FPU_FCW_DEFAULT;
	*(u32 *)(b + FXSAVE_MXCSR) = MXCSR_DEFAULT;
	*(u32 *)(b + FXSAVE_MXCSR_MASK) = MXCSR_MASK_DEFAULT;
}

/* Make an fxsave image from user space safe for fxrstor64: reserved MXCSR bits fault. */
static inline void fpu_sanitize_image(void *buf)
{
	u32 *mxcsr = (u32 *)((u8 *)buf + FXSAVE_MXCSR);

	*mxcsr &= MXCSR_MASK_DEFAULT;
}

/* Load a clean user FPU state on this CPU (exec). */
static inline void fpu_reset_live(void)
{
	u8 img[FXSAVE_SIZE] __attribute__((aligned(16)));

	fpu_init_image(img);
	fpu_fxrstor(img);
}

#endif /* _ASM_FPU_H */
