// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 instruction decoding for kprobes (arch/riscv64/kernel/decode-insn.c): lengths,
 * which instructions may run out of line, and the simulation of those that may not because
 * they read or write the pc.
 *
 * An instruction is held in a u32: a compressed one (low two bits not 11) in its low half.
 */
#ifndef _ASM_INSN_H
#define _ASM_INSN_H

#include <starling/types.h>

#define RV_INSN_EBREAK		0x00100073U
#define RV_INSN_C_EBREAK	0x9002U

enum rv_insn_class {
	RV_INSN_STEP,		/* runs unchanged out of line, anywhere */
	RV_INSN_SIMULATE,	/* pc-relative (jal, jalr, auipc, branches, their C forms),
				   and addi and its C forms, the usual first instruction */
	RV_INSN_REJECT,		/* system, fence, lr/sc, ebreak, illegal or unknown length */
};

/* The length in bytes (2 or 4) of the instruction whose first 16-bit parcel is @parcel. */
static inline unsigned int rv_insn_len(u16 parcel)
{
	return (parcel & 3) == 3 ? 4 : 2;
}

enum rv_insn_class rv_insn_classify(u32 insn);

/*
 * Run a RV_INSN_SIMULATE instruction @insn as if at @pc on the registers @x (x[1..31]; x[0]
 * is never read or written, so it may be another field, as epc in struct pt_regs).
 * Return: the next pc.
 */
unsigned long rv_insn_simulate(u32 insn, unsigned long pc, unsigned long *x);

#endif /* _ASM_INSN_H */
