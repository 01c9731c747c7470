// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 has no arch trace clock of its own (Linux 6.1 defines no ARCH_TRACE_CLOCKS there),
 * so trace_clock lists only the generic clocks; see <starling/trace_clock.h>.
 */
#ifndef _ASM_TRACE_CLOCK_H
#define _ASM_TRACE_CLOCK_H

#endif /* _ASM_TRACE_CLOCK_H */
