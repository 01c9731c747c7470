// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host build of arch/x86_64/kernel/decode-insn.c. The host's <sys/cdefs.h> (reached through
 * <stdint.h>) defines __always_inline differently from <starling/compiler.h>; drop the
 * host's so the kernel header's definition is the only one.
 */
#include <stdint.h>
#undef __always_inline
#include "../../arch/x86_64/kernel/decode-insn.c"
