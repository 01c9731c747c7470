#include <starling/boot.h>
#include <starling/printk.h>
#include <starling/reboot.h>
#include <asm/io.h>
__attribute__((weak)) void mm_init(void) {}
__attribute__((weak)) void arch_mm_init(void) {}
__attribute__((weak)) void arch_irq_init(void) {}
__attribute__((weak)) void time_init(void) {}
__attribute__((weak)) void sched_init(void) {}
__attribute__((weak)) void smp_init(void) {}
__attribute__((weak)) void rest_init(void) { printk("rest_init\n"); arch_poweroff(); }
__attribute__((weak)) void arch_stop_other_cpus(void) {}


__attribute__((weak)) unsigned long long local_clock(void) { return 0; }
__attribute__((weak)) bool need_resched(void) { return false; }
__attribute__((weak)) void preempt_schedule(void) { }
