// SPDX-License-Identifier: GPL-2.0-only
/*
 * Per-CPU areas: the linker reserves NR_CPUS copies of .data..percpu in .bss
 * (__per_cpu_areas); each CPU's copy starts as the section's initial image.
 */
#include <starling/percpu.h>
#include <starling/string.h>
#include <starling/init.h>

extern char __per_cpu_start[], __per_cpu_end[], __per_cpu_areas[];

unsigned long __per_cpu_offset[NR_CPUS];	/* written once by the boot CPU */

void __init setup_per_cpu_areas(void)
{
	size_t size = __per_cpu_end - __per_cpu_start;

	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		char *area = __per_cpu_areas + cpu * size;

		memcpy(area, __per_cpu_start, size);
		__per_cpu_offset[cpu] = (unsigned long)area - (unsigned long)__per_cpu_start;
	}
}
