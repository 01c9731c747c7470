// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 boot state shared by the arch's own files: what the device tree said, the early
 * console, the harts, and the early memory and paging code. Arch-private: the generic kernel
 * reaches none of this directly.
 */
#ifndef _ASM_EARLY_H
#define _ASM_EARLY_H

#include <starling/compiler.h>
#include <asm/ptrace.h>

#define RISCV_MAX_CPUS		16	/* as NR_CPUS */
#define RISCV_MAX_MEM		16	/* memory and reserved ranges each */
#define THREAD_SIZE		(16 * 1024)

struct phys_range {
	unsigned long base, size;
};

/* Filled from the device tree by the boot hart before any other hart runs; read-only after. */
struct boot_info {
	unsigned long	boot_hartid;
	unsigned long	dtb_pa, dtb_size;
	unsigned int	nr_mem, nr_reserved;
	struct phys_range mem[RISCV_MAX_MEM];		/* usable RAM */
	struct phys_range reserved[RISCV_MAX_MEM];	/* kernel, DTB, initrd, firmware */
	unsigned long	initrd_start, initrd_end;	/* physical; 0 when none */
	unsigned long	timebase;			/* "timebase-frequency", Hz */
	unsigned long	uart_pa, uart_size, uart_clock;
	unsigned int	uart_shift, uart_irq;
	unsigned long	plic_pa, plic_size;
	unsigned int	plic_ndev;
	unsigned long	test_pa;			/* sifive,test0 finisher; 0 if none */
	unsigned int	nr_cpus;			/* harts with status "okay" */
	unsigned long	hartid[RISCV_MAX_CPUS];		/* logical CPU -> hart; 0 is the boot hart */
	const char	*bootargs;
};
extern struct boot_info boot_info;

/* Per-hart state; tp points at this CPU's entry while it runs in the kernel. */
struct riscv_cpu {
	unsigned int	cpu;
	unsigned long	hartid;
	unsigned long	ticks;		/* timer interrupts taken; written by this CPU only */
	unsigned long	ipis;		/* IPIs taken; written by this CPU only */
	bool		online;
};
extern struct riscv_cpu riscv_cpus[RISCV_MAX_CPUS];

static inline struct riscv_cpu *this_riscv_cpu(void)
{
	struct riscv_cpu *c;

	__asm__ ("mv %0, tp" : "=r"(c));
	return c;
}

/* setup.c */
void __noreturn riscv_start_kernel(unsigned long hartid, unsigned long dtb_pa);

/* early_printk.c: the console before (and, in this phase, instead of) printk */
int early_printk(const char *fmt, ...) __printf(1, 2);
void __noreturn early_panic(const char *fmt, ...) __printf(1, 2);
bool early_param_has(const char *name, const char *value);
extern int panic_timeout;

/* serial.c: the ns16550 UART */
void early_serial_init(void *base, unsigned int shift);
void early_serial_putc(char c);
void early_serial_set_base(void *base);

/* traps.c */
void trap_init(void);
void show_regs(const struct pt_regs *regs);
void show_stack(unsigned long pc, unsigned long fp, unsigned long sp);
void handle_exception(void);

/* time.c */
void time_init(void);
void riscv_timer_interrupt(void);
static inline unsigned long get_cycles(void)
{
	unsigned long t;

	__asm__ __volatile__("rdtime %0" : "=r"(t));
	return t;
}

/* smpboot.c */
void smp_boot_cpus(void);
void riscv_ipi_interrupt(void);
void smp_stop_other_cpus(void);
int smp_send_ipi(unsigned int cpu);
void __noreturn secondary_start_kernel(unsigned long hartid, unsigned int cpu);
void secondary_start(void);
extern unsigned long secondary_stack_top[RISCV_MAX_CPUS];
extern unsigned long kernel_satp;

/* reboot.c */
void reboot_init(void);
void __noreturn machine_power_off(void);
void __noreturn machine_panic_exit(void);

/* mm/init.c: boot-time pages and the final kernel page table */
unsigned long early_alloc_page(void);
void paging_init(void);
void *early_ioremap(unsigned long pa, unsigned long size);

/* head.S */
extern unsigned long boot_pgd[];
extern char _text[], _stext[], _etext[], __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[], __bss_start[], __bss_stop[], _end[];

#endif /* _ASM_EARLY_H */
