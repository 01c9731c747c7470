// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/cpuinfo on riscv64, in Linux 6.1's format: per hart its number, the ISA string from
 * the device tree, the paging mode in use, and the machine vendor, architecture and implementation
 * ids the firmware reports (SBI base extension).
 */
#include <starling/cpuinfo.h>
#include <starling/seq_file.h>
#include <starling/smp.h>
#include <asm/early.h>
#include <asm/sbi.h>

#define SBI_BASE_GET_MVENDORID	4
#define SBI_BASE_GET_MARCHID	5
#define SBI_BASE_GET_MIMPID	6

static unsigned long sbi_base_value(unsigned long fid)
{
	struct sbiret r = sbi_ecall(SBI_EXT_BASE, fid, 0, 0, 0, 0);

	return r.error ? 0 : r.value;
}

void arch_show_cpuinfo(struct seq_file *m, unsigned int cpu)
{
	seq_printf(m, "processor\t: %u\n", cpu);
	seq_printf(m, "hart\t\t: %lu\n", riscv_cpus[cpu].hartid);
	if (boot_info.isa[0])
		seq_printf(m, "isa\t\t: %s\n", boot_info.isa);
	seq_printf(m, "mmu\t\t: sv39\n");	/* the mode in use, as Linux prints it */
	seq_printf(m, "mvendorid\t: 0x%lx\n", sbi_base_value(SBI_BASE_GET_MVENDORID));
	seq_printf(m, "marchid\t\t: 0x%lx\n", sbi_base_value(SBI_BASE_GET_MARCHID));
	seq_printf(m, "mimpid\t\t: 0x%lx\n", sbi_base_value(SBI_BASE_GET_MIMPID));
	seq_printf(m, "\n");
}
