// SPDX-License-Identifier: GPL-2.0-only
/* Boot self-tests (starling.selftest=...). */
#ifndef _STARLING_SELFTEST_H
#define _STARLING_SELFTEST_H

#include <starling/types.h>

bool run_boot_selftests(void);
int sched_selftest(void);	/* kernel/sched/selftest.c: 0 when all passed */
int kprobes_selftest(void);	/* kernel/kprobes_selftest.c */
void start_kernel(void);

#endif /* _STARLING_SELFTEST_H */
