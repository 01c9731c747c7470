// SPDX-License-Identifier: GPL-2.0-only
/* Ending the machine: power off, restart, or the panic exit. Each arch implements these. */
#ifndef _STARLING_REBOOT_H
#define _STARLING_REBOOT_H

#include <starling/compiler.h>

void __noreturn arch_poweroff(void);	/* QEMU exits with status 0 */
void __noreturn arch_restart(void);
void __noreturn arch_panic_exit(void);	/* QEMU exits with a non-zero status */
void arch_stop_other_cpus(void);	/* NMI/IPI them into a halt loop; no waiting on locks */

void __noreturn kernel_power_off(void);
void __noreturn kernel_restart(void);

#endif /* _STARLING_REBOOT_H */
