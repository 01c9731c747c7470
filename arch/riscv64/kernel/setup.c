// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 boot, first phase of the port: head.S calls riscv_start_kernel() on the boot hart
 * with the device tree, at the link address on head.S's gigabyte page table. In order:
 * the device tree (UART, memory, reservations, harts, timebase, PLIC, test device, /chosen),
 * the boot console, the symbol table, SBI, the final page table, traps, the timer tick, the
 * other harts. The generic kernel (start_kernel() and everything it starts) is not linked
 * yet, so the boot ends here: with starling.selftest=NAME[,NAME...] the arch's own boot
 * tests run and the machine powers off; without, it panics, saying what is missing.
 *
 * Boot tests: timer (this hart takes ticks), cpus (every hart is online, ticks and answers
 * an IPI), kallsyms (names and %pS), fault (a NULL dereference oopses and the panic ends
 * QEMU with status 3), wx (a store into kernel text faults).
 */
#include <starling/kernel.h>
#include <starling/string.h>
#include <starling/errno.h>
#include <starling/fdt.h>
#include <starling/kallsyms.h>
#include <starling/version.h>
#include <starling/jiffies.h>
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
		early_panic("riscv: more than %d memory ranges in the device tree", RISCV_MAX_MEM);
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
		if ((status && strcmp(status, "okay")) || hart == boot_info.boot_hartid)
			continue;
		if (boot_info.nr_cpus == RISCV_MAX_CPUS) {
			early_printk("riscv: more than %d harts; hart %llu left stopped\n",
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
}

static void print_boot_info(void)
{
	unsigned int i;

	early_printk("Kernel command line: %s\n", boot_info.bootargs);
	early_printk("OF: fdt: %#lx, %lu bytes; boot hart %lu\n", boot_info.dtb_pa,
		     boot_info.dtb_size, boot_info.boot_hartid);
	for (i = 0; i < boot_info.nr_mem; i++)
		early_printk("memory: [mem %#018lx-%#018lx] usable\n", boot_info.mem[i].base,
			     boot_info.mem[i].base + boot_info.mem[i].size - 1);
	for (i = 0; i < boot_info.nr_reserved; i++)
		early_printk("memory: [mem %#018lx-%#018lx] reserved\n", boot_info.reserved[i].base,
			     boot_info.reserved[i].base + boot_info.reserved[i].size - 1);
	if (boot_info.initrd_start)
		early_printk("Initramfs at [mem %#018lx-%#018lx] (%lu bytes)\n",
			     boot_info.initrd_start, boot_info.initrd_end - 1,
			     boot_info.initrd_end - boot_info.initrd_start);
	early_printk("riscv: %u hart%s, timebase-frequency %lu Hz\n", boot_info.nr_cpus,
		     boot_info.nr_cpus > 1 ? "s" : "", boot_info.timebase);
	early_printk("serial: ns16550a at MMIO %#lx (irq = %u, base_baud = %lu, reg-shift %u)\n",
		     boot_info.uart_pa, boot_info.uart_irq, boot_info.uart_clock / 16,
		     boot_info.uart_shift);
	if (boot_info.plic_pa)
		early_printk("riscv-plic: mapped %u interrupts at %#lx (not enabled in this phase)\n",
			     boot_info.plic_ndev, boot_info.plic_pa);
}

/* panic=N; the last one on the command line counts, as with Linux's parameters. */
static void parse_panic_param(void)
{
	const char *p = boot_info.bootargs;

	while ((p = strstr(p, "panic=")) != NULL) {
		if (p == boot_info.bootargs || p[-1] == ' ')
			panic_timeout = (int)simple_strtoll(p + 6, NULL, 0);
		p += 6;
	}
}

/* Wait until @done() or @ms milliseconds pass, interrupts on. */
static bool wait_for(bool (*done)(void), unsigned long ms)
{
	unsigned long deadline = get_cycles() + boot_info.timebase / 1000 * ms;

	while (!done() && get_cycles() < deadline)
		__asm__ __volatile__("wfi");
	return done();
}

static bool ten_ticks(void)
{
	return READ_ONCE(riscv_cpus[0].ticks) >= 10;
}

static bool selftest_timer(void)
{
	unsigned long t0 = get_cycles(), ms;

	riscv_cpus[0].ticks = 0;
	if (!wait_for(ten_ticks, 2000))
		return false;
	ms = (get_cycles() - t0) / (boot_info.timebase / 1000);
	early_printk("selftest timer: 10 ticks in %lu ms (HZ=%d)\n", ms, HZ);
	return true;
}

static unsigned long ipi_before[RISCV_MAX_CPUS];

static bool all_answered(void)
{
	for (unsigned int cpu = 1; cpu < boot_info.nr_cpus; cpu++)
		if (READ_ONCE(riscv_cpus[cpu].ipis) == ipi_before[cpu] ||
		    !READ_ONCE(riscv_cpus[cpu].ticks))
			return false;
	return true;
}

static bool selftest_cpus(void)
{
	unsigned int cpu;

	for (cpu = 1; cpu < boot_info.nr_cpus; cpu++) {
		if (!READ_ONCE(riscv_cpus[cpu].online)) {
			early_printk("selftest cpus: CPU%u (hart %lu) is not online\n", cpu,
				     boot_info.hartid[cpu]);
			return false;
		}
		ipi_before[cpu] = READ_ONCE(riscv_cpus[cpu].ipis);
		smp_send_ipi(cpu);
	}
	if (!wait_for(all_answered, 2000)) {
		early_printk("selftest cpus: not every CPU answered an IPI and ticked\n");
		return false;
	}
	return true;
}

static bool selftest_kallsyms(void)
{
	unsigned long addr = kallsyms_lookup_name("riscv_start_kernel");
	char buf[128];

	snprintf(buf, sizeof(buf), "%pS", (void *)((unsigned long)selftest_kallsyms + 4));
	early_printk("selftest kallsyms: %s\n", buf);
	return addr == (unsigned long)riscv_start_kernel &&
	       !strncmp(buf, "selftest_kallsyms+0x4/0x", 24);
}

static void run_selftests(void)
{
	static const struct {
		const char *name;
		bool (*fn)(void);
	} tests[] = {
		{ "timer", selftest_timer },
		{ "cpus", selftest_cpus },
		{ "kallsyms", selftest_kallsyms },
	};
	bool any = false;

	for (unsigned int i = 0; i < ARRAY_SIZE(tests); i++) {
		if (!early_param_has("starling.selftest", tests[i].name))
			continue;
		any = true;
		if (!tests[i].fn())
			early_panic("selftest %s: FAILED", tests[i].name);
		early_printk("selftest %s: ok\n", tests[i].name);
	}
	if (early_param_has("starling.selftest", "wx")) {
		early_printk("selftest wx: storing into kernel text, expect an oops\n");
		WRITE_ONCE(*(volatile uint32_t *)riscv_start_kernel, 0);
		early_panic("selftest wx: FAILED: kernel text is writable");
	}
	if (early_param_has("starling.selftest", "fault")) {
		early_printk("selftest fault: dereferencing NULL, expect an oops\n");
		unsigned long bad = 16;

		__asm__ ("" : "+r"(bad));	/* hide the constant from the compiler */
		READ_ONCE(*(volatile unsigned long *)bad);
		early_panic("selftest fault: FAILED: no fault");
	}
	if (any)
		machine_power_off();
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
	kallsyms_init();
	early_printk("Linux version %s (starling@starling) (gcc) %s\n", UTS_RELEASE, UTS_VERSION);
	early_printk("Starling riscv64: early boot, first phase of the port (the generic kernel is not linked yet)\n");
	dt_scan_chosen();
	dt_scan_memory();
	dt_scan_cpus();
	dt_scan_devices();
	print_boot_info();
	parse_panic_param();
	if (!boot_info.nr_mem)
		early_panic("riscv: no memory node in the device tree");

	sbi_init();
	paging_init();
	reboot_init();
	time_init();
	csr_set(sie, IE_SSIE);
	csr_set(sstatus, SR_SIE);
	smp_boot_cpus();

	run_selftests();
	early_panic("riscv64: start_kernel() is not ported yet; nothing more to run");
hang:
	for (;;)
		__asm__ __volatile__("wfi");
}
