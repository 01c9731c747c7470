// SPDX-License-Identifier: GPL-2.0-only
/* riscv64 local_t: the AMO forms are single instructions, so the generic ones serve. */
#ifndef _ASM_LOCAL_H
#define _ASM_LOCAL_H

#include <starling/local_atomic.h>

#endif /* _ASM_LOCAL_H */
