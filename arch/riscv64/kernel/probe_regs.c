// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 register names for kprobe fetch arguments ("%a0", "%sp", ...) and the calling
 * convention behind $argN/$retval/$stack. Offsets are those of Linux's riscv struct pt_regs
 * (epc, then x1..x31 at 8 * their number, then status, badaddr, cause, orig_a0); the names
 * are Linux's regs_offset_table for riscv: the ABI names, with "epc" for the pc.
 */
#include <starling/probe_regs.h>
#include <starling/compiler.h>
#include <asm/ptrace.h>

#define REG(n, x)	{ .name = n, .offset = 8 * (x) }

static const struct probe_reg_name riscv_probe_regs[] = {
	REG("epc", 0),
	REG("ra", 1),	REG("sp", 2),	REG("gp", 3),	REG("tp", 4),
	REG("t0", 5),	REG("t1", 6),	REG("t2", 7),	REG("s0", 8),
	REG("s1", 9),	REG("a0", 10),	REG("a1", 11),	REG("a2", 12),
	REG("a3", 13),	REG("a4", 14),	REG("a5", 15),	REG("a6", 16),
	REG("a7", 17),	REG("s2", 18),	REG("s3", 19),	REG("s4", 20),
	REG("s5", 21),	REG("s6", 22),	REG("s7", 23),	REG("s8", 24),
	REG("s9", 25),	REG("s10", 26),	REG("s11", 27),	REG("t3", 28),
	REG("t4", 29),	REG("t5", 30),	REG("t6", 31),
	{ .name = "status",	.offset = PT_STATUS },
	{ .name = "badaddr",	.offset = PT_BADADDR },
	{ .name = "cause",	.offset = PT_CAUSE },
	{ .name = "orig_a0",	.offset = PT_ORIG_A0 },
};

/* a0..a7 carry the first eight arguments; Linux reads no further ones on riscv. */
static const struct probe_arch_abi riscv_probe_abi = {
	.sp_offset	= PT_SP,
	.retval_offset	= 8 * 10,
	.nr_arg_regs	= 8,
	.arg_offsets	= { 80, 88, 96, 104, 112, 120, 128, 136 },
	.stack_args	= false,
};

/**
 * arch_probe_regs() - register names usable as %REG in fetch arguments
 * @n: set to the number of entries
 *
 * Return: the table, in pt_regs order.
 */
const struct probe_reg_name *arch_probe_regs(size_t *n)
{
	*n = ARRAY_SIZE(riscv_probe_regs);
	return riscv_probe_regs;
}

/**
 * arch_probe_abi() - where $stack, $retval and $argN come from on riscv64
 *
 * Return: the static description.
 */
const struct probe_arch_abi *arch_probe_abi(void)
{
	return &riscv_probe_abi;
}
