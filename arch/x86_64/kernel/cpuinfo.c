// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86 /proc/cpuinfo blocks, in Linux's layout: vendor, family/model/stepping and the model
 * name from CPUID, and the "flags" line with Linux's names for the CPUID feature bits of
 * leaves 1 and 0x80000001 (the ones user space commonly tests). All CPUs of a QEMU guest
 * are alike, so the CPU reading the file answers for each of them.
 */
#include <starling/cpuinfo.h>
#include <starling/seq_file.h>
#include <starling/smp.h>
#include <starling/string.h>
#include <asm/processor.h>
#include <asm/timex.h>

struct flag_name {
	u8		reg;	/* 0 edx, 1 ecx */
	u8		bit;
	const char	*name;
};

static const struct flag_name leaf1[] = {
	{0, 0, "fpu"}, {0, 1, "vme"}, {0, 2, "de"}, {0, 3, "pse"}, {0, 4, "tsc"}, {0, 5, "msr"},
	{0, 6, "pae"}, {0, 7, "mce"}, {0, 8, "cx8"}, {0, 9, "apic"}, {0, 11, "sep"},
	{0, 12, "mtrr"}, {0, 13, "pge"}, {0, 14, "mca"}, {0, 15, "cmov"}, {0, 16, "pat"},
	{0, 17, "pse36"}, {0, 19, "clflush"}, {0, 23, "mmx"}, {0, 24, "fxsr"}, {0, 25, "sse"},
	{0, 26, "sse2"}, {0, 27, "ss"}, {0, 28, "ht"},
	{1, 0, "pni"}, {1, 1, "pclmulqdq"}, {1, 3, "monitor"}, {1, 9, "ssse3"}, {1, 12, "fma"},
	{1, 13, "cx16"}, {1, 19, "sse4_1"}, {1, 20, "sse4_2"}, {1, 21, "x2apic"},
	{1, 22, "movbe"}, {1, 23, "popcnt"}, {1, 25, "aes"}, {1, 26, "xsave"}, {1, 28, "avx"},
	{1, 29, "f16c"}, {1, 30, "rdrand"}, {1, 31, "hypervisor"},
};

static const struct flag_name leaf81[] = {
	{0, 11, "syscall"}, {0, 20, "nx"}, {0, 26, "pdpe1gb"}, {0, 27, "rdtscp"}, {0, 29, "lm"},
	{1, 0, "lahf_lm"}, {1, 5, "abm"}, {1, 6, "sse4a"}, {1, 8, "3dnowprefetch"},
};

static void show_flags(struct seq_file *m, const struct flag_name *f, size_t n, u32 edx,
		       u32 ecx)
{
	for (size_t i = 0; i < n; i++)
		if (((f[i].reg ? ecx : edx) >> f[i].bit) & 1)
			seq_printf(m, " %s", f[i].name);
}

/**
 * arch_show_cpuinfo() - one /proc/cpuinfo block.
 * @m: the seq_file
 * @cpu: the CPU number to show
 */
void arch_show_cpuinfo(struct seq_file *m, unsigned int cpu)
{
	u32 a, b, c, d, max, maxext, sig, fam, model;
	char vendor[13], name[49];

	cpuid(0, 0, &max, &b, &c, &d);
	memcpy(vendor, &b, 4);
	memcpy(vendor + 4, &d, 4);
	memcpy(vendor + 8, &c, 4);
	vendor[12] = 0;
	cpuid(1, 0, &sig, &b, &c, &d);
	fam = (sig >> 8) & 0xf;
	model = (sig >> 4) & 0xf;
	if (fam == 0xf)
		fam += (sig >> 20) & 0xff;
	if (fam >= 6)
		model += ((sig >> 16) & 0xf) << 4;
	cpuid(0x80000000, 0, &maxext, &b, &c, &d);
	strcpy(name, "unknown");
	if (maxext >= 0x80000004) {
		u32 *w = (u32 *)name;

		for (u32 leaf = 0; leaf < 3; leaf++)
			cpuid(0x80000002 + leaf, 0, &w[leaf * 4], &w[leaf * 4 + 1],
			      &w[leaf * 4 + 2], &w[leaf * 4 + 3]);
		name[48] = 0;
	}
	seq_printf(m, "processor\t: %u\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n"
		   "model name\t: %s\nstepping\t: %u\nmicrocode\t: 0x1\n",
		   cpu, vendor, fam, model, strim(name), sig & 0xf);
	seq_printf(m, "cpu MHz\t\t: %lu.%03lu\ncache size\t: 16384 KB\nphysical id\t: 0\n"
		   "siblings\t: %u\ncore id\t\t: %u\ncpu cores\t: %u\napicid\t\t: %u\n"
		   "initial apicid\t: %u\nfpu\t\t: yes\nfpu_exception\t: yes\n"
		   "cpuid level\t: %u\nwp\t\t: yes\nflags\t\t:",
		   tsc_khz / 1000, tsc_khz % 1000, num_online_cpus(), cpu, num_online_cpus(),
		   cpu, cpu, max);
	show_flags(m, leaf1, ARRAY_SIZE(leaf1), d, c);
	if (maxext >= 0x80000001) {
		cpuid(0x80000001, 0, &a, &b, &c, &d);
		show_flags(m, leaf81, ARRAY_SIZE(leaf81), d, c);
	}
	seq_printf(m, "\nbugs\t\t:\nbogomips\t: %lu.%02lu\nclflush size\t: 64\n"
		   "cache_alignment\t: 64\naddress sizes\t: 40 bits physical, 48 bits virtual\n"
		   "power management:\n\n",
		   tsc_khz / 500, (tsc_khz / 5) % 100);
}
