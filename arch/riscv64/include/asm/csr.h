// SPDX-License-Identifier: GPL-2.0-only
/*
 * Supervisor control and status registers (RISC-V privileged specification 1.12) and the
 * accessors for them.
 */
#ifndef _ASM_CSR_H
#define _ASM_CSR_H

/* sstatus */
#define SR_SIE			0x00000002UL	/* interrupts enabled */
#define SR_SPIE			0x00000020UL	/* SIE before the trap */
#define SR_SPP			0x00000100UL	/* trapped from S-mode */
#define SR_FS			0x00006000UL	/* FPU state: 0 = off */
#define SR_SUM			0x00040000UL	/* S-mode may touch user pages */

/* sie / sip */
#define IE_SSIE			0x002UL		/* software interrupt: IPIs */
#define IE_STIE			0x020UL		/* timer */
#define IE_SEIE			0x200UL		/* external: the PLIC */

/* scause */
#define CAUSE_IRQ_FLAG		(1UL << 63)
#define IRQ_S_SOFT		1
#define IRQ_S_TIMER		5
#define IRQ_S_EXT		9
#define EXC_INST_MISALIGNED	0
#define EXC_INST_ACCESS		1
#define EXC_INST_ILLEGAL	2
#define EXC_BREAKPOINT		3
#define EXC_LOAD_MISALIGNED	4
#define EXC_LOAD_ACCESS		5
#define EXC_STORE_MISALIGNED	6
#define EXC_STORE_ACCESS	7
#define EXC_SYSCALL		8
#define EXC_INST_PAGE_FAULT	12
#define EXC_LOAD_PAGE_FAULT	13
#define EXC_STORE_PAGE_FAULT	15

/* satp */
#define SATP_MODE_SV39		(8UL << 60)

#ifndef __ASSEMBLY__
#define csr_read(csr) ({						\
	unsigned long __v;						\
	__asm__ __volatile__("csrr %0, " #csr : "=r"(__v) :: "memory");	\
	__v; })
#define csr_write(csr, val)						\
	__asm__ __volatile__("csrw " #csr ", %0" :: "rK"(val) : "memory")
#define csr_set(csr, val)						\
	__asm__ __volatile__("csrs " #csr ", %0" :: "rK"(val) : "memory")
#define csr_clear(csr, val)						\
	__asm__ __volatile__("csrc " #csr ", %0" :: "rK"(val) : "memory")
#endif

#endif /* _ASM_CSR_H */
