// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 kprobes: ebreak (c.ebreak over a compressed instruction) through text_poke(),
 * out-of-line steps ended by an ebreak, simulated pc-relative and addi instructions, return
 * probes through ra (arch/riscv64/kernel/kprobes.c). As in Linux, kprobe_opcode_t is a 16-bit
 * parcel: an instruction is one (compressed) or two of them.
 */
#ifndef _ASM_KPROBES_H
#define _ASM_KPROBES_H

#define MAX_INSN_SIZE		2	/* kprobe_opcode_t parcels */
#define KPROBE_SLOT_SIZE	8	/* the copy (2 or 4 bytes), then a 4-byte ebreak */

#ifndef __ASSEMBLY__
#include <starling/types.h>

typedef u16 kprobe_opcode_t;

struct arch_specific_insn {
	kprobe_opcode_t	*insn;		/* out-of-line copy; NULL when simulated */
	u32		opcode;		/* the original instruction (compressed: low half) */
	u8		len;		/* bytes: 2 or 4 */
	bool		simulate;	/* run on the saved registers instead (decode-insn.c) */
};

/*
 * A return probe's frame: sp, which is the same at the function's entry and right after its
 * return (ra holds the return address, not the stack).
 */
#define kretprobe_frame(regs)		((unsigned long *)(regs)->sp)
#define kretprobe_frame_at_return(regs)	((unsigned long *)(regs)->sp)

#endif /* __ASSEMBLY__ */

#endif /* _ASM_KPROBES_H */
