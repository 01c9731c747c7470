// SPDX-License-Identifier: GPL-2.0-only
/* x86_64 kprobes: int3 breakpoints and out-of-line single-stepping. */
#ifndef _ASM_KPROBES_H
#define _ASM_KPROBES_H

#define BREAKPOINT_INSTRUCTION	0xcc
#define KPROBE_FENTRY_SIZE	5	/* the entry nop of -mfentry -mnop-mcount */

#ifndef __ASSEMBLY__
#include <starling/types.h>
#include <asm/insn.h>		/* MAX_INSN_SIZE */

typedef u8 kprobe_opcode_t;

#define KPROBE_SLOT_SIZE	64	/* two copies of at most 15 + 1 + 5 bytes */

/*
 * A return probe's frame: the stack slot holding the return address, which the entry probe
 * replaces; the trampoline's regs->sp is just above it after the return popped it.
 */
#define kretprobe_frame(regs)		((unsigned long *)(regs)->sp)
#define kretprobe_frame_at_return(regs)	((unsigned long *)(regs)->sp - 1)

struct arch_specific_insn {
	kprobe_opcode_t	*insn;		/* out-of-line copy in an instruction page */
	kprobe_opcode_t	opcode;		/* the original first byte */
	u8		len;
	bool		fix_ip;		/* after the step, ip -= (slot - addr) */
	bool		fix_call;	/* after the step, the pushed return address too */
	bool		fentry;		/* a function-entry nop: armed as a call, no slot */
	bool		boostable;	/* no fix-up: may run from the slot without a step */
};
#endif /* __ASSEMBLY__ */

#endif /* _ASM_KPROBES_H */
