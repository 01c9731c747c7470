// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 early setup, entered from head.S in long mode on the boot stack. Reads the PVH
 * start info that QEMU left (struct hvm_start_info: command line, modules, E820-style memory
 * map, RSDP), records RAM, reservations and the initrd for the generic kernel, sets up this
 * CPU's per-CPU base, descriptor tables and console, then calls start_kernel().
 */
#include <starling/init.h>
#include <starling/string.h>
#include <starling/printk.h>
#include <starling/percpu.h>
#include <starling/console.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/x86.h>
#include <asm/acpi.h>

#define HVM_START_MAGIC		0x336ec578
#define E820_RAM		1

struct hvm_start_info {
	u32 magic;
	u32 version;
	u32 flags;
	u32 nr_modules;
	u64 modlist_paddr;
	u64 cmdline_paddr;
	u64 rsdp_paddr;
	u64 memmap_paddr;	/* version >= 1 */
	u32 memmap_entries;
	u32 reserved;
};

struct hvm_modlist_entry {
	u64 paddr;
	u64 size;
	u64 cmdline_paddr;
	u64 reserved;
};

struct hvm_memmap_table_entry {
	u64 addr;
	u64 size;
	u32 type;
	u32 reserved;
};

extern char _text[], _end[];

u64 acpi_rsdp_pa;	/* from the start info; 0 means scan for it */

static void __init parse_start_info(unsigned long pa)
{
	const struct hvm_start_info *si = __va(pa);

	if (si->magic != HVM_START_MAGIC)
		panic("PVH start info has bad magic %#x", si->magic);
	if (si->cmdline_paddr)
		strlcpy(boot_command_line, __va(si->cmdline_paddr), COMMAND_LINE_SIZE);
	acpi_rsdp_pa = si->rsdp_paddr;
	if (si->nr_modules) {
		const struct hvm_modlist_entry *m = __va(si->modlist_paddr);

		initrd_start_pa = m->paddr;
		initrd_size = m->size;
	}
	if (si->version < 1 || !si->memmap_paddr)
		panic("PVH start info has no memory map");
	for (u32 i = 0; i < si->memmap_entries; i++) {
		const struct hvm_memmap_table_entry *e =
			(const struct hvm_memmap_table_entry *)__va(si->memmap_paddr) + i;

		if (e->type == E820_RAM)
			memblock_add(e->addr, e->size);
	}
	/* Firmware and BIOS data below 1 MiB, the kernel image, the initrd, the start info. */
	memblock_reserve(0, 0x100000);
	memblock_reserve(__pa(_text), __pa(_end) - __pa(_text));
	if (initrd_size)
		memblock_reserve(initrd_start_pa, initrd_size);
}

void __init __noreturn x86_64_start_kernel(unsigned long start_info_pa)
{
	setup_per_cpu_areas();
	cpu_init_percpu(0);
	arch_console_init();
	cpu_init_tables(0);
	parse_start_info(start_info_pa);
	acpi_init();
	start_kernel();
}
