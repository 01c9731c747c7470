// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64's own trace clock (see <starling/trace_clock.h>): the TSC, as trace_clock "x86-tsc",
 * a raw cycle count read by arch_trace_clock() in kernel/time.c.
 */
#ifndef _ASM_TRACE_CLOCK_H
#define _ASM_TRACE_CLOCK_H

#define ARCH_TRACE_CLOCK_NAME	"x86-tsc"
#define ARCH_TRACE_CLOCK_HELP	"     x86-tsc:   TSC cycle counter\n"	/* README line */

#endif /* _ASM_TRACE_CLOCK_H */
