// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 register names for kprobe fetch arguments ("%di", "%ax", ...) and the calling
 * convention used by $argN/$retval/$stack. Offsets are those of Linux's x86_64 struct pt_regs:
 * r15 r14 r13 r12 bp bx r11 r10 r9 r8 ax cx dx si di orig_ax ip cs flags sp ss, 8 bytes each.
 * Linux accepts only these short names: no "rax", no "eax".
 */
#include <starling/probe_regs.h>
#include <starling/compiler.h>

static const struct probe_reg_name x86_64_probe_regs[] = {
	{ .name = "r15",	.offset = 0 },
	{ .name = "r14",	.offset = 8 },
	{ .name = "r13",	.offset = 16 },
	{ .name = "r12",	.offset = 24 },
	{ .name = "bp",		.offset = 32 },
	{ .name = "bx",		.offset = 40 },
	{ .name = "r11",	.offset = 48 },
	{ .name = "r10",	.offset = 56 },
	{ .name = "r9",		.offset = 64 },
	{ .name = "r8",		.offset = 72 },
	{ .name = "ax",		.offset = 80 },
	{ .name = "cx",		.offset = 88 },
	{ .name = "dx",		.offset = 96 },
	{ .name = "si",		.offset = 104 },
	{ .name = "di",		.offset = 112 },
	{ .name = "orig_ax",	.offset = 120 },
	{ .name = "ip",		.offset = 128 },
	{ .name = "cs",		.offset = 136 },
	{ .name = "flags",	.offset = 144 },
	{ .name = "sp",		.offset = 152 },
	{ .name = "ss",		.offset = 160 },
};

static const struct probe_arch_abi x86_64_probe_abi = {
	.sp_offset	= 152,
	.retval_offset	= 80,
	.nr_arg_regs	= 6,
	.arg_offsets	= { 112, 104, 96, 88, 72, 64 },	/* di si dx cx r8 r9 */
	.stack_args	= true,
};

/**
 * arch_probe_regs() - register names usable as %REG in fetch arguments
 * @n: set to the number of entries
 *
 * Return: the table, in pt_regs order.
 */
const struct probe_reg_name *arch_probe_regs(size_t *n)
{
	*n = ARRAY_SIZE(x86_64_probe_regs);
	return x86_64_probe_regs;
}

/**
 * arch_probe_abi() - where $stack, $retval and $argN come from on x86_64
 *
 * Return: the static description.
 */
const struct probe_arch_abi *arch_probe_abi(void)
{
	return &x86_64_probe_abi;
}
