// SPDX-License-Identifier: GPL-2.0-only
/* Host tests: local_t on the __atomic builtins (test threads stand in for CPUs). */
#ifndef _ASM_LOCAL_H
#define _ASM_LOCAL_H

#include <starling/local_atomic.h>

#endif /* _ASM_LOCAL_H */
