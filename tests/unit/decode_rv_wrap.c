// SPDX-License-Identifier: GPL-2.0-only
/* Host build of arch/riscv64/kernel/decode-insn.c (see decode_insn_wrap.c). */
#include <stdint.h>
#undef __always_inline
#include "../../arch/riscv64/kernel/decode-insn.c"
