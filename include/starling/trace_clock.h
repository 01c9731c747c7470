// SPDX-License-Identifier: GPL-2.0-only
/*
 * The arch's own trace clock, listed last in trace_clock after the generic ones (Linux's
 * ARCH_TRACE_CLOCKS: "x86-tsc" on x86_64). An arch that has one defines
 * ARCH_TRACE_CLOCK_NAME and ARCH_TRACE_CLOCK_HELP (its README line) in <asm/trace_clock.h>
 * and implements arch_trace_clock(); an arch without one leaves that header empty.
 */
#ifndef _STARLING_TRACE_CLOCK_H
#define _STARLING_TRACE_CLOCK_H

#include <starling/types.h>
#include <asm/trace_clock.h>

#ifdef ARCH_TRACE_CLOCK_NAME
#define ARCH_HAS_TRACE_CLOCK	1
#else
#define ARCH_HAS_TRACE_CLOCK	0
#define ARCH_TRACE_CLOCK_HELP	""
#endif

/* Arch: the raw counter behind ARCH_TRACE_CLOCK_NAME; any context, no locks (__noprobe). */
u64 arch_trace_clock(void);

#endif /* _STARLING_TRACE_CLOCK_H */
