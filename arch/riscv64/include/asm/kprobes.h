// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 kprobes: the types <starling/kprobes.h> needs. The arch side (ebreak and c.ebreak
 * through text_poke(), the decoder for compressed instructions, simulated pc-relative
 * instructions) is not ported yet: CONFIG_KPROBES=n in arch/riscv64/defconfig. As in Linux,
 * an instruction is counted in 16-bit parcels: 2 for a 32-bit one, 1 for a compressed one.
 */
#ifndef _ASM_KPROBES_H
#define _ASM_KPROBES_H

#define MAX_INSN_SIZE		2	/* kprobe_opcode_t parcels */

#ifndef __ASSEMBLY__
#include <starling/types.h>

typedef u16 kprobe_opcode_t;

struct arch_specific_insn {
	kprobe_opcode_t	*insn;		/* out-of-line copy in an instruction page */
	u8		len;		/* bytes: 2 or 4 */
};
#endif /* __ASSEMBLY__ */

#endif /* _ASM_KPROBES_H */
