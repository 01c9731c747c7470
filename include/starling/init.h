// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the arch hands the generic kernel at boot: the command line, usable RAM and reserved
 * ranges (a small memblock), and the initrd location. Also initcalls: functions registered
 * with an initcall level run in order once the core (memory, scheduler) is up.
 */
#ifndef _STARLING_INIT_H
#define _STARLING_INIT_H

#include <starling/compiler.h>

#define COMMAND_LINE_SIZE	2048
#define MEMBLOCK_MAX		64

extern char boot_command_line[COMMAND_LINE_SIZE];

struct memblock_region {
	u64	base;
	u64	size;
};

struct memblock {
	unsigned int		nr_memory, nr_reserved;
	struct memblock_region	memory[MEMBLOCK_MAX];	/* usable RAM, as firmware said */
	struct memblock_region	reserved[MEMBLOCK_MAX];	/* kernel image, initrd, firmware */
};
extern struct memblock memblock;	/* written by the boot CPU before SMP; read-only after */

void memblock_add(u64 base, u64 size);
void memblock_reserve(u64 base, u64 size);

extern u64 initrd_start_pa, initrd_size;	/* 0 when no initrd was loaded */

/* Initcalls: level 0 core, 1 fs, 2 device, 3 late. */
typedef int (*initcall_t)(void);
#define __define_initcall(fn, lvl) \
	static const initcall_t __initcall_##fn __used __section(".initcall." #lvl) = fn
#define core_initcall(fn)	__define_initcall(fn, 0)
#define fs_initcall(fn)		__define_initcall(fn, 1)
#define device_initcall(fn)	__define_initcall(fn, 2)
#define late_initcall(fn)	__define_initcall(fn, 3)

/* Command-line parameters: "name=value" words; handlers return 0 when they took the word. */
struct kernel_param {
	const char	*name;
	int		(*setup)(const char *val);
};
#define __setup(str, fn) \
	static const struct kernel_param __setup_##fn __used __aligned(8) \
		__section(".setup_param") = { .name = str, .setup = fn }

void __noreturn start_kernel(void);

#endif /* _STARLING_INIT_H */
