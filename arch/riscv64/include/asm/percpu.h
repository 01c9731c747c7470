// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 per-CPU base: while a hart runs in the kernel, tp points at its struct riscv_cpu,
 * whose first fields are read with single tp-relative loads (ld a0, 0(tp) is this CPU's
 * per-CPU offset). In user mode tp is the program's TLS pointer and sscratch holds the
 * struct riscv_cpu; the trap entry swaps them, as Linux's riscv entry does.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#define RISCV_CPU_OFFSET	0
#define RISCV_CPU_CURRENT	8
#define RISCV_CPU_PREEMPT	16
#define RISCV_CPU_NR		20
#define RISCV_CPU_KERNEL_SP	24
#define RISCV_CPU_USER_SP	32

#ifndef __ASSEMBLY__
#include <starling/types.h>

struct task_struct;

struct riscv_cpu {
	unsigned long		per_cpu_offset;	/* 0: __per_cpu_offset[cpu] */
	struct task_struct	*current;	/* 8 */
	unsigned int		preempt_count;	/* 16 */
	unsigned int		cpu;		/* 20 */
	unsigned long		kernel_sp;	/* 24: top of current task's kernel stack */
	unsigned long		user_sp;	/* 32: scratch for the user entry */
	unsigned long		hartid;
	unsigned long		ticks;		/* timer interrupts taken; this CPU only */
	unsigned long		ipis;		/* IPIs taken; this CPU only */
	unsigned long		ipi_pending;	/* bit n: IPI_* reason n; atomic or/xchg */
	bool			online;
	int			boot_state;	/* CPU_BOOT_*; cmpxchg once the hart may run */
};

/* A secondary hart's start, between boot_cpu() and the hart (arch/riscv64/kernel/smpboot.c). */
enum { CPU_BOOT_WAITING = 1, CPU_BOOT_STARTED, CPU_BOOT_ABANDONED };

/* The offsets above are what entry.S and the tp-relative loads use. */
_Static_assert(__builtin_offsetof(struct riscv_cpu, per_cpu_offset) == RISCV_CPU_OFFSET, "");
_Static_assert(__builtin_offsetof(struct riscv_cpu, current) == RISCV_CPU_CURRENT, "");
_Static_assert(__builtin_offsetof(struct riscv_cpu, preempt_count) == RISCV_CPU_PREEMPT, "");
_Static_assert(__builtin_offsetof(struct riscv_cpu, cpu) == RISCV_CPU_NR, "");
_Static_assert(__builtin_offsetof(struct riscv_cpu, kernel_sp) == RISCV_CPU_KERNEL_SP, "");
_Static_assert(__builtin_offsetof(struct riscv_cpu, user_sp) == RISCV_CPU_USER_SP, "");

static inline struct riscv_cpu *this_riscv_cpu(void)
{
	struct riscv_cpu *c;

	__asm__ ("mv %0, tp" : "=r"(c));
	return c;
}

static inline unsigned long arch_this_cpu_offset(void)
{
	unsigned long off;

	__asm__ __volatile__("ld %0, %1(tp)" : "=r"(off) : "i"(RISCV_CPU_OFFSET));
	return off;
}
#endif

#endif /* _ASM_PERCPU_H */
