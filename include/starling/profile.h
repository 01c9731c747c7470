// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel profiler (kernel/profile.c), Linux's profile= boot parameter and /proc/profile:
 * a histogram of the kernel-mode instruction pointers that timer interrupts see, one
 * counter per 2^shift bytes of kernel text, read with readprofile(8) or od(1).
 */
#ifndef _STARLING_PROFILE_H
#define _STARLING_PROFILE_H

#include <starling/types.h>

struct pt_regs;
struct file_operations;

extern int prof_on;	/* non-zero once profile=N has allocated the histogram */

void profile_tick(struct pt_regs *regs);

extern const struct file_operations proc_profile_operations;
/* Whether profile= turned profiling on (Linux creates /proc/profile only then). */
bool profile_enabled(void);

#endif /* _STARLING_PROFILE_H */
