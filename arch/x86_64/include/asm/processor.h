// SPDX-License-Identifier: GPL-2.0-only
/* x86_64 CPU registers: control registers, MSRs, CPUID, TSC, pause. */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <starling/types.h>

#define MSR_EFER		0xc0000080
#define MSR_STAR		0xc0000081
#define MSR_LSTAR		0xc0000082
#define MSR_SYSCALL_MASK	0xc0000084
#define MSR_FS_BASE		0xc0000100
#define MSR_GS_BASE		0xc0000101
#define MSR_KERNEL_GS_BASE	0xc0000102
#define MSR_APIC_BASE		0x0000001b
#define EFER_SCE		(1UL << 0)
#define EFER_LME		(1UL << 8)
#define EFER_NX			(1UL << 11)
#define X86_CR0_WP		(1UL << 16)
#define X86_CR4_PGE		(1UL << 7)

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 v)
{
	__asm__ __volatile__("wrmsr" :: "c"(msr), "a"((u32)v), "d"((u32)(v >> 32)) : "memory");
}

static inline void cpuid(u32 leaf, u32 sub, u32 *a, u32 *b, u32 *c, u32 *d)
{
	__asm__ __volatile__("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(sub));
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline unsigned long read_cr0(void) { unsigned long v; __asm__ __volatile__("mov %%cr0, %0" : "=r"(v)); return v; }
static inline unsigned long read_cr2(void) { unsigned long v; __asm__ __volatile__("mov %%cr2, %0" : "=r"(v)); return v; }
static inline unsigned long read_cr3(void) { unsigned long v; __asm__ __volatile__("mov %%cr3, %0" : "=r"(v)); return v; }
static inline unsigned long read_cr4(void) { unsigned long v; __asm__ __volatile__("mov %%cr4, %0" : "=r"(v)); return v; }
static inline void write_cr0(unsigned long v) { __asm__ __volatile__("mov %0, %%cr0" :: "r"(v) : "memory"); }
static inline void write_cr3(unsigned long v) { __asm__ __volatile__("mov %0, %%cr3" :: "r"(v) : "memory"); }
static inline void write_cr4(unsigned long v) { __asm__ __volatile__("mov %0, %%cr4" :: "r"(v) : "memory"); }

/* Linux's names: a fast-changing counter, and the CPU's seed source (RDRAND) if it has one. */
static inline unsigned long random_get_entropy(void)
{
	return rdtsc();
}

/* Fill up to @max_longs of @v from RDRAND; return how many were filled. */
static inline size_t arch_get_random_seed_longs(unsigned long *v, size_t max_longs)
{
	u32 a, b, c, d;
	size_t i;

	cpuid(1, 0, &a, &b, &c, &d);
	if (!(c & (1U << 30)))
		return 0;
	for (i = 0; i < max_longs; i++) {
		unsigned char ok;

		__asm__ __volatile__("rdrand %0; setc %1" : "=r"(v[i]), "=qm"(ok));
		if (!ok)
			break;
	}
	return i;
}

static inline void cpu_relax(void) { __asm__ __volatile__("pause" ::: "memory"); }

static inline void __noreturn_halt(void)
{
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

#endif /* _ASM_PROCESSOR_H */
