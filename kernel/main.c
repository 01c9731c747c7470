// SPDX-License-Identifier: GPL-2.0-only
/*
 * start_kernel(): the generic boot sequence, entered on the boot CPU from arch setup with the
 * console, descriptor tables and a memory map ready.
 *
 *   symbols -> command line -> page allocator -> kmalloc -> arch memory (final page tables)
 *   -> interrupts and clocks -> scheduler -> other CPUs -> VFS (rootfs, devtmpfs) -> initcalls
 *   -> the first program
 *
 * The boot CPU then becomes CPU 0's idle task.
 */
#include <starling/init.h>
#include <starling/printk.h>
#include <starling/kallsyms.h>
#include <starling/params.h>
#include <starling/string.h>
#include <starling/version.h>
#include <starling/boot.h>
#include <starling/fs.h>

struct memblock memblock;
u64 initrd_start_pa, initrd_size;

extern const initcall_t __start_initcalls[], __stop_initcalls[];

static void memblock_insert(struct memblock_region *r, unsigned int *nr, u64 base, u64 size)
{
	if (!size)
		return;
	if (*nr >= MEMBLOCK_MAX) {
		pr_warn("memblock: too many regions, ignoring %#llx+%#llx\n",
			(unsigned long long)base, (unsigned long long)size);
		return;
	}
	r[(*nr)++] = (struct memblock_region) { .base = base, .size = size };
}

void __init memblock_add(u64 base, u64 size)
{
	memblock_insert(memblock.memory, &memblock.nr_memory, base, size);
}

void __init memblock_reserve(u64 base, u64 size)
{
	memblock_insert(memblock.reserved, &memblock.nr_reserved, base, size);
}

static void __init do_initcalls(void)
{
	for (const initcall_t *fn = __start_initcalls; fn < __stop_initcalls; fn++) {
		int ret = (*fn)();

		if (ret)
			pr_warn("initcall %ps returned %d\n", (void *)*fn, ret);
	}
}

void __init __noreturn start_kernel(void)
{
	kallsyms_init();
	printk(KERN_NOTICE "%s\n", linux_banner);
	printk(KERN_NOTICE "Command line: %s\n", boot_command_line);
	parse_kernel_cmdline();
	for (unsigned int i = 0; i < memblock.nr_memory; i++)
		printk(KERN_INFO "BIOS-provided physical RAM map: [mem %#018llx-%#018llx] usable\n",
		       (unsigned long long)memblock.memory[i].base,
		       (unsigned long long)(memblock.memory[i].base + memblock.memory[i].size - 1));
	mm_init();
	arch_mm_init();
	arch_irq_init();
	time_init();
	sched_init();
	smp_init();
	vfs_caches_init();
	do_initcalls();
	rest_init();
}
