// SPDX-License-Identifier: GPL-2.0-only
/*
 * The platform-level interrupt controller (RISC-V PLIC specification 1.0.0, as QEMU virt
 * implements it): device interrupt sources 1..ndev, each with a priority; per hart
 * context, an enable bit per source, a priority threshold and a claim/complete register.
 * A source is delivered to a context when it is pending, enabled there and its priority
 * is above the threshold; the hart sees the supervisor external interrupt (scause 9),
 * claims the source (reading claim returns its id and clears pending) and writes the id
 * back when done.
 *
 * Contexts: QEMU virt gives hart h context 2h for M-mode and 2h + 1 for S-mode (the device
 * tree's interrupts-extended lists them in that order). As on x86_64, where the IOAPIC
 * sends ISA interrupts to CPU 0, every requested source is enabled for CPU 0's hart only.
 */
#include <starling/errno.h>
#include <starling/init.h>
#include <starling/interrupt.h>
#include <starling/percpu.h>
#include <starling/printk.h>
#include <asm/early.h>
#include <asm/pgtable.h>
#include <asm/csr.h>

#define PLIC_MAX_IRQS		128
#define PLIC_PRIORITY(irq)	(4 * (irq))
#define PLIC_ENABLE(ctx)	(0x2000 + 0x80 * (ctx))
#define PLIC_THRESHOLD(ctx)	(0x200000 + 0x1000 * (ctx))
#define PLIC_CLAIM(ctx)		(PLIC_THRESHOLD(ctx) + 4)

struct irq_desc {
	irq_handler_t	handler;	/* set once by request_irq(), before the source is enabled */
	void		*dev;
	const char	*name;
};

static volatile u8 *plic_base;		/* ioremapped by arch_irq_init() */
static unsigned int plic_ndev;
static struct irq_desc irq_desc[PLIC_MAX_IRQS];
static DEFINE_PER_CPU(unsigned long, plic_irq_count[PLIC_MAX_IRQS]);	/* this CPU only */

static unsigned long smode_context(void)
{
	return 2 * this_riscv_cpu()->hartid + 1;
}

static u32 plic_read(unsigned long off)
{
	return *(volatile u32 *)(plic_base + off);
}

static void plic_write(unsigned long off, u32 v)
{
	*(volatile u32 *)(plic_base + off) = v;
}

/* The external interrupt: claim and handle sources until none is left pending. */
void __noprobe plic_handle_irq(void)
{
	unsigned long ctx = smode_context();
	u32 irq;

	if (!plic_base) {
		csr_clear(sie, IE_SEIE);
		return;
	}
	while ((irq = plic_read(PLIC_CLAIM(ctx))) != 0) {
		if (irq < PLIC_MAX_IRQS && irq_desc[irq].handler) {
			(*this_cpu_ptr(&plic_irq_count))[irq]++;
			irq_desc[irq].handler(irq, irq_desc[irq].dev);
		} else {
			pr_warn("riscv-plic: interrupt %u with no handler\n", irq);
		}
		plic_write(PLIC_CLAIM(ctx), irq);
	}
}

/**
 * request_irq() - deliver PLIC source @irq to @handler, on CPU 0
 * @irq: the source number (the device tree's "interrupts" value)
 * @handler: runs in hardirq context
 * @name: shown in /proc/interrupts
 * @dev: passed to @handler
 *
 * Return: 0, -EINVAL (no such source, or no PLIC), -EBUSY (already requested).
 */
int request_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev)
{
	unsigned long ctx = 2 * riscv_cpus[0].hartid + 1;
	unsigned long reg = PLIC_ENABLE(ctx) + 4 * (irq / 32);

	if (!plic_base || !irq || irq > plic_ndev || irq >= PLIC_MAX_IRQS)
		return -EINVAL;
	if (irq_desc[irq].handler)
		return -EBUSY;
	irq_desc[irq].dev = dev;
	irq_desc[irq].name = name;
	WRITE_ONCE(irq_desc[irq].handler, handler);
	plic_write(PLIC_PRIORITY(irq), 1);
	plic_write(reg, plic_read(reg) | 1U << (irq % 32));
	return 0;
}

unsigned long irq_count(unsigned int irq, unsigned int cpu)
{
	return irq < PLIC_MAX_IRQS ? (*per_cpu_ptr(&plic_irq_count, cpu))[irq] : 0;
}

const char *irq_name(unsigned int irq)
{
	return irq < PLIC_MAX_IRQS ? irq_desc[irq].name : NULL;
}

/* This hart's S-mode context: nothing enabled, threshold 0, the external interrupt on. */
void plic_init_this_cpu(void)
{
	unsigned long ctx = smode_context();

	if (!plic_base)
		return;
	for (unsigned int i = 0; i <= plic_ndev; i += 32)
		plic_write(PLIC_ENABLE(ctx) + 4 * (i / 32), 0);
	plic_write(PLIC_THRESHOLD(ctx), 0);
	csr_set(sie, IE_SEIE);
}

/**
 * arch_irq_init() - map the PLIC, mask every source, open the boot hart's context
 */
void __init arch_irq_init(void)
{
	if (!boot_info.plic_pa) {
		pr_warn("riscv-plic: none in the device tree; no device interrupts\n");
		return;
	}
	plic_base = ioremap(boot_info.plic_pa, boot_info.plic_size);
	if (!plic_base)
		panic("riscv-plic: cannot map %#lx", boot_info.plic_pa);
	plic_ndev = min_t(unsigned int, boot_info.plic_ndev, PLIC_MAX_IRQS - 1);
	for (unsigned int irq = 1; irq <= plic_ndev; irq++)
		plic_write(PLIC_PRIORITY(irq), 0);
	plic_init_this_cpu();
	pr_info("riscv-plic: %u interrupts, routed to hart %lu (context %lu)\n", plic_ndev,
		this_riscv_cpu()->hartid, smode_context());
}
