// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 boot: head.S calls riscv_start_kernel() on the boot hart with the device tree, at
 * the link address on head.S's gigabyte page table. In order: per-CPU areas and this hart's
 * tp, the device tree (UART, memory, reservations, harts, timebase, PLIC, RTC, test
 * device, /chosen), the console, SBI, the final page table (mm/init.c), then memblock and
 * the initrd for the generic kernel, and start_kernel().
 */
#include <starling/kernel.h>
#include <starling/string.h>
#include <starling/errno.h>
#include <starling/fdt.h>
#include <starling/init.h>
#include <starling/printk.h>
#include <starling/percpu.h>
#include <asm/early.h>
#include <asm/page.h>
#include <asm/csr.h>
#include <asm/sbi.h>

#define DTB_MAX_SIZE	(2UL << 20)	/* larger device trees are refused */
#define BOOT_DIRECT_MAX	(16UL << 30)	/* head.S maps this much at PAGE_OFFSET */

struct boot_info boot_info;
static struct fdt fdt;

static void add_range(struct phys_range *ranges, unsigned int *nr, unsigned long base,
		      unsigned long size)
{
	if (!size)
		return;
	if (*nr == RISCV_MAX_MEM)
		panic("riscv: more than %d memory ranges in the device tree", RISCV_MAX_MEM);
	ranges[*nr].base = base;
	ranges[*nr].size = size;
	(*nr)++;
}

/* The UART: /chosen's stdout-path if it names one, else the first ns16550a. */
static int dt_find_uart(void)
{
	int chosen = fdt_path(&fdt, "/chosen");
	const char *path = chosen >= 0 ? fdt_prop(&fdt, chosen, "stdout-path", NULL) : NULL;
	char buf[128];
	int node = -ENOENT;

	if (path && *path == '/') {
		size_t n = strcspn(path, ":");

		if (n < sizeof(buf)) {
			memcpy(buf, path, n);
			buf[n] = '\0';
			node = fdt_path(&fdt, buf);
		}
	}
	if (node < 0 || !fdt_is_compatible(&fdt, node, "ns16550a"))
		node = fdt_find_compatible(&fdt, -1, "ns16550a");
	return node;
}

static void dt_scan_uart(void)
{
	int node = dt_find_uart();
	uint64_t a, s, v;

	if (node < 0 || fdt_reg(&fdt, node, 0, &a, &s))
		return;		/* no console: nothing can be said, the boot goes on silently */
	boot_info.uart_pa = a;
	boot_info.uart_size = s ? s : 0x100;
	boot_info.uart_shift = (unsigned int)max(fdt_cells(&fdt, node, "reg-shift", 0), 0);
	if (!fdt_prop_u64(&fdt, node, "clock-frequency", &v))
		boot_info.uart_clock = v;
	if (!fdt_prop_u64(&fdt, node, "interrupts", &v))
		boot_info.uart_irq = (unsigned int)v;
}

static void dt_scan_memory(void)
{
	int node, child, len;
	uint64_t a, s;

	fdt_for_each_subnode(node, &fdt, 0) {
		const char *type = fdt_prop(&fdt, node, "device_type", &len);

		if (!type || len < 7 || strcmp(type, "memory"))
			continue;
		for (int i = 0; !fdt_reg(&fdt, node, i, &a, &s); i++)
			add_range(boot_info.mem, &boot_info.nr_mem, a, s);
	}
	node = fdt_path(&fdt, "/reserved-memory");
	if (node >= 0) {
		fdt_for_each_subnode(child, &fdt, node) {
			for (int i = 0; !fdt_reg(&fdt, child, i, &a, &s); i++)
				add_range(boot_info.reserved, &boot_info.nr_reserved, a, s);
		}
	}
	add_range(boot_info.reserved, &boot_info.nr_reserved, __pa(_text),
		  ALIGN(__pa(_end), PAGE_SIZE) - __pa(_text));
	add_range(boot_info.reserved, &boot_info.nr_reserved, ALIGN_DOWN(boot_info.dtb_pa, PAGE_SIZE),
		  ALIGN(boot_info.dtb_pa + boot_info.dtb_size, PAGE_SIZE) -
		  ALIGN_DOWN(boot_info.dtb_pa, PAGE_SIZE));
}

static void dt_scan_chosen(void)
{
	int node = fdt_path(&fdt, "/chosen");
	uint64_t start, end;

	boot_info.bootargs = "";
	if (node < 0)
		return;
	boot_info.bootargs = fdt_prop(&fdt, node, "bootargs", NULL) ?: "";
	if (!fdt_prop_u64(&fdt, node, "linux,initrd-start", &start) &&
	    !fdt_prop_u64(&fdt, node, "linux,initrd-end", &end) && end > start) {
		boot_info.initrd_start = start;
		boot_info.initrd_end = end;
		add_range(boot_info.reserved, &boot_info.nr_reserved, ALIGN_DOWN(start, PAGE_SIZE),
			  ALIGN(end, PAGE_SIZE) - ALIGN_DOWN(start, PAGE_SIZE));
	}
}

/* Harts: CPU 0 is the boot hart; the others in device-tree order, "okay" ones only. */
static void dt_scan_cpus(void)
{
	int cpus = fdt_path(&fdt, "/cpus"), node, len;
	uint64_t hart, v;

	boot_info.hartid[0] = boot_info.boot_hartid;
	boot_info.nr_cpus = 1;
	if (cpus < 0)
		return;
	if (!fdt_prop_u64(&fdt, cpus, "timebase-frequency", &v))
		boot_info.timebase = v;
	fdt_for_each_subnode(node, &fdt, cpus) {
		const char *type = fdt_prop(&fdt, node, "device_type", &len);
		const char *status = fdt_prop(&fdt, node, "status", NULL);

		if (!type || strcmp(type, "cpu") || fdt_reg(&fdt, node, 0, &hart, NULL))
			continue;
		if (!boot_info.timebase && !fdt_prop_u64(&fdt, node, "timebase-frequency", &v))
			boot_info.timebase = v;
		if (hart == boot_info.boot_hartid) {
			const char *isa = fdt_prop(&fdt, node, "riscv,isa", NULL);

			if (isa)
				strlcpy(boot_info.isa, isa, sizeof(boot_info.isa));
		}
		if ((status && strcmp(status, "okay")) || hart == boot_info.boot_hartid)
			continue;
		if (boot_info.nr_cpus == RISCV_MAX_CPUS) {
			printk("riscv: more than %d harts; hart %llu left stopped\n",
				     RISCV_MAX_CPUS, (unsigned long long)hart);
			continue;
		}
		boot_info.hartid[boot_info.nr_cpus++] = hart;
	}
}

static void dt_scan_devices(void)
{
	int node = fdt_find_compatible(&fdt, -1, "sifive,plic-1.0.0");
	uint64_t a, s, v;

	if (node < 0)
		node = fdt_find_compatible(&fdt, -1, "riscv,plic0");
	if (node >= 0 && !fdt_reg(&fdt, node, 0, &a, &s)) {
		boot_info.plic_pa = a;
		boot_info.plic_size = s;
		if (!fdt_prop_u64(&fdt, node, "riscv,ndev", &v))
			boot_info.plic_ndev = (unsigned int)v;
	}
	node = fdt_find_compatible(&fdt, -1, "sifive,test0");
	if (node >= 0 && !fdt_reg(&fdt, node, 0, &a, &s))
		boot_info.test_pa = a;
	node = fdt_find_compatible(&fdt, -1, "google,goldfish-rtc");
	if (node >= 0 && !fdt_reg(&fdt, node, 0, &a, &s))
		boot_info.rtc_pa = a;
}

static void print_boot_info(void)
{
	unsigned int i;

	printk("OF: fdt: %#lx, %lu bytes; boot hart %lu\n", boot_info.dtb_pa,
		     boot_info.dtb_size, boot_info.boot_hartid);
	for (i = 0; i < boot_info.nr_mem; i++)
		printk("memory: [mem %#018lx-%#018lx] usable\n", boot_info.mem[i].base,
			     boot_info.mem[i].base + boot_info.mem[i].size - 1);
	for (i = 0; i < boot_info.nr_reserved; i++)
		printk("memory: [mem %#018lx-%#018lx] reserved\n", boot_info.reserved[i].base,
			     boot_info.reserved[i].base + boot_info.reserved[i].size - 1);
	if (boot_info.initrd_start)
		printk("Initramfs at [mem %#018lx-%#018lx] (%lu bytes)\n",
			     boot_info.initrd_start, boot_info.initrd_end - 1,
			     boot_info.initrd_end - boot_info.initrd_start);
	printk("riscv: %u hart%s, timebase-frequency %lu Hz\n", boot_info.nr_cpus,
		     boot_info.nr_cpus > 1 ? "s" : "", boot_info.timebase);
	printk("serial: ns16550a at MMIO %#lx (irq = %u, base_baud = %lu, reg-shift %u)\n",
		     boot_info.uart_pa, boot_info.uart_irq, boot_info.uart_clock / 16,
		     boot_info.uart_shift);
	if (boot_info.plic_pa)
		printk("riscv-plic: %u interrupts at %#lx\n", boot_info.plic_ndev,
		       boot_info.plic_pa);
}

/*
 * Hand RAM to memblock: every memory range, minus every reservation (firmware, the image,
 * the device tree, the initrd) and the pages mm/init.c took for page tables.
 */
static void memblock_init(void)
{
	unsigned int i;

	for (i = 0; i < boot_info.nr_mem; i++)
		memblock_add(boot_info.mem[i].base, boot_info.mem[i].size);
	for (i = 0; i < boot_info.nr_reserved; i++)
		memblock_reserve(boot_info.reserved[i].base, boot_info.reserved[i].size);
	memblock_reserve(__pa(_end), early_alloc_end() - __pa(_end));
	if (boot_info.initrd_start) {
		initrd_start_pa = boot_info.initrd_start;
		initrd_size = boot_info.initrd_end - boot_info.initrd_start;
	}
}

/**
 * riscv_start_kernel() - the boot hart's C entry (head.S)
 * @hartid: this hart
 * @dtb_pa: the device tree's physical address
 */
void __noreturn riscv_start_kernel(unsigned long hartid, unsigned long dtb_pa)
{
	struct riscv_cpu *c = &riscv_cpus[0];
	uint32_t size;

	__asm__ __volatile__("mv tp, %0" :: "r"(c));
	setup_per_cpu_areas();
	c->per_cpu_offset = __per_cpu_offset[0];
	c->hartid = hartid;
	c->online = true;
	boot_info.boot_hartid = hartid;
	boot_info.dtb_pa = dtb_pa;
	trap_init();

	/* head.S maps only the first 16 GiB; nothing can be said without a console */
	if (dtb_pa + DTB_MAX_SIZE > BOOT_DIRECT_MAX)
		goto hang;
	size = fdt_totalsize(__va(dtb_pa));
	if (!size || size > DTB_MAX_SIZE || fdt_init(&fdt, __va(dtb_pa), size))
		goto hang;
	boot_info.dtb_size = size;
	dt_scan_uart();
	if (boot_info.uart_pa && boot_info.uart_pa + boot_info.uart_size <= BOOT_DIRECT_MAX)
		early_serial_init(__va(boot_info.uart_pa), boot_info.uart_shift);
	dt_scan_chosen();
	strlcpy(boot_command_line, boot_info.bootargs, COMMAND_LINE_SIZE);
	dt_scan_memory();
	dt_scan_cpus();
	dt_scan_devices();
	print_boot_info();
	if (!boot_info.nr_mem)
		panic("riscv: no memory node in the device tree");

	sbi_init();
	paging_init();
	reboot_init();
	memblock_init();
	start_kernel();
hang:
	for (;;)
		__asm__ __volatile__("wfi");
}
