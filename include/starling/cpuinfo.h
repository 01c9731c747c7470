// SPDX-License-Identifier: GPL-2.0-only
/* /proc/cpuinfo: the arch describes one CPU per call, in its own format (x86: "flags"). */
#ifndef _STARLING_CPUINFO_H
#define _STARLING_CPUINFO_H

struct seq_file;

/* Print the block of CPU @cpu, ending with its blank separator line. */
void arch_show_cpuinfo(struct seq_file *m, unsigned int cpu);

#endif /* _STARLING_CPUINFO_H */
