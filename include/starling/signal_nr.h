// SPDX-License-Identifier: GPL-2.0-only
/* Signal numbers for kernel code (Linux's values). */
#ifndef _STARLING_SIGNAL_NR_H
#define _STARLING_SIGNAL_NR_H

#include <uapi/asm-generic/signal.h>

#endif /* _STARLING_SIGNAL_NR_H */
