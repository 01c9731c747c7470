// SPDX-License-Identifier: GPL-2.0-only
/*
 * Per-CPU variables. DEFINE_PER_CPU places the variable in .data..percpu; at boot each CPU
 * gets a copy of that section (the linker reserves NR_CPUS copies in .bss) and
 * __per_cpu_offset[cpu] is the distance from the original to that CPU's copy. The arch keeps
 * this CPU's offset where arch_this_cpu_offset() reads it in one instruction (GS on x86_64).
 * Touch your own CPU's copy only with preemption or IRQs off.
 */
#ifndef _STARLING_PERCPU_H
#define _STARLING_PERCPU_H

#include <starling/smp.h>
#include <asm/percpu.h>

#define DEFINE_PER_CPU(type, name) \
	__typeof__(type) name __attribute__((__section__(".data..percpu")))
#define DECLARE_PER_CPU(type, name)	extern __typeof__(type) name

extern unsigned long __per_cpu_offset[NR_CPUS];

#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + __per_cpu_offset[(cpu)]))
#define this_cpu_ptr(ptr) \
	((__typeof__(ptr))((unsigned long)(ptr) + arch_this_cpu_offset()))
#define per_cpu(var, cpu)	(*per_cpu_ptr(&(var), (cpu)))
#define this_cpu_read(var)	(*this_cpu_ptr(&(var)))
#define this_cpu_write(var, v)	(*this_cpu_ptr(&(var)) = (v))

void setup_per_cpu_areas(void);

#endif /* _STARLING_PERCPU_H */
