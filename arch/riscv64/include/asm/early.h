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
#include <asm/percpu.h>
#include <asm/switch_to.h>
#include <asm/processor.h>

#define RISCV_MAX_CPUS		16	/* as NR_CPUS */
#define RISCV_MAX_MEM		16	/* memory and reserved ranges each */

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
	unsigned long	rtc_pa;				/* google,goldfish-rtc; 0 if none */
	char		isa[128];			/* the boot hart's "riscv,isa" */
	unsigned int	nr_cpus;			/* harts with status "okay" */
	unsigned long	hartid[RISCV_MAX_CPUS];		/* logical CPU -> hart; 0 is the boot hart */
	const char	*bootargs;
};
extern struct boot_info boot_info;

extern struct riscv_cpu riscv_cpus[RISCV_MAX_CPUS];

/* setup.c */
void __noreturn riscv_start_kernel(unsigned long hartid, unsigned long dtb_pa);

/* serial.c: the ns16550 UART */
void early_serial_init(void *base, unsigned int shift);
void early_serial_set_base(void *base);
void riscv_uart_interrupt(void);

/* irq.c: the PLIC */
void plic_handle_irq(void);
void plic_init_this_cpu(void);

/* traps.c */
void trap_init(void);
void handle_exception(void);

/* time.c */
void riscv_timer_setup_this_cpu(void);
void riscv_timer_interrupt(struct pt_regs *regs);

/* smpboot.c */
void riscv_ipi_interrupt(void);
unsigned long other_harts_mask(void);
void __noreturn secondary_start_kernel(unsigned long hartid, unsigned int cpu);
void secondary_start(void);
extern unsigned long secondary_stack_top[RISCV_MAX_CPUS];
extern unsigned long kernel_satp;

/* reboot.c */
void reboot_init(void);

/* mm/init.c: boot-time pages and the final kernel page table */
unsigned long early_alloc_page(void);
unsigned long early_alloc_end(void);
void paging_init(void);
void *early_ioremap(unsigned long pa, unsigned long size);
extern unsigned long *kernel_pgd;

/* head.S */
extern unsigned long boot_pgd[];
extern char _text[], _stext[], _etext[], __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[], __bss_start[], __bss_stop[], _end[];

#endif /* _ASM_EARLY_H */
