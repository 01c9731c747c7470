// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 instruction classes for kprobes (RV64GC, the base and compressed encodings of the
 * unprivileged spec). A probed instruction either runs out of line in a slot followed by an
 * ebreak, or, when its result depends on where it sits (the pc-relative ones), is simulated
 * on the saved registers:
 *
 *   jal, jalr, auipc, beq/bne/blt/bge/bltu/bgeu          simulated
 *   c.j, c.jr, c.jalr, c.beqz, c.bnez                    simulated
 *   addi, c.addi, c.nop, c.addi16sp, c.li, c.mv          simulated: not pc-relative, but
 *                                                        a function's first instruction is
 *                                                        nearly always one, and simulating
 *                                                        it spares entry probes the trap
 *                                                        that ends a step
 *   SYSTEM (ecall, ebreak, sret, wfi, sfence.vma, csr*)  refused: they act on the hart
 *   MISC-MEM (fence, fence.i)                            refused, as Linux does
 *   lr.w/lr.d, sc.w/sc.d                                 refused: the ebreak after the copy
 *                                                        drops the reservation, so an
 *                                                        lr/sc loop would never succeed
 *   c.ebreak, the all-zero parcel, 48-bit and longer     refused
 *   everything else                                      stepped out of line
 *
 * (c.jal is RV32 only: on RV64 its encoding is c.addiw, an ordinary instruction.) An addi
 * form that writes tp is stepped rather than simulated, and a jal, jalr or auipc that does
 * is refused: tp is the hart's, and a return to the kernel does not restore it from the
 * saved registers (only the kernel's own boot code writes it).
 * Pure functions of the instruction and the registers: a host unit test runs them.
 */
#include <asm/insn.h>

#define OPCODE_MASK		0x7f
#define OP_MISC_MEM		0x0f
#define OP_IMM			0x13
#define OP_AUIPC		0x17
#define OP_AMO			0x2f
#define OP_BRANCH		0x63
#define OP_JALR			0x67
#define OP_JAL			0x6f
#define OP_SYSTEM		0x73

#define RV_REG_TP		4

#define AMO_LR			0x02	/* funct5 */
#define AMO_SC			0x03

static inline unsigned int bits(u32 v, unsigned int hi, unsigned int lo)
{
	return (v >> lo) & ((1U << (hi - lo + 1)) - 1);
}

/* @v's low @n bits, sign-extended. */
static inline long sext(unsigned long v, unsigned int n)
{
	return (long)(v << (64 - n)) >> (64 - n);
}

static inline unsigned long get_x(const unsigned long *x, unsigned int r)
{
	return r ? x[r] : 0;
}

static inline void set_x(unsigned long *x, unsigned int r, unsigned long v)
{
	if (r)
		x[r] = v;
}

static long imm_i(u32 i) { return sext(bits(i, 31, 20), 12); }

static long imm_b(u32 i)
{
	return sext(bits(i, 31, 31) << 12 | bits(i, 7, 7) << 11 | bits(i, 30, 25) << 5 |
		    bits(i, 11, 8) << 1, 13);
}

static long imm_j(u32 i)
{
	return sext(bits(i, 31, 31) << 20 | bits(i, 19, 12) << 12 | bits(i, 20, 20) << 11 |
		    bits(i, 30, 21) << 1, 21);
}

static long imm_u(u32 i) { return sext(i & 0xfffff000U, 32); }

/* c.j's 12-bit offset (CJ format). */
static long imm_cj(u32 i)
{
	return sext(bits(i, 12, 12) << 11 | bits(i, 11, 11) << 4 | bits(i, 10, 9) << 8 |
		    bits(i, 8, 8) << 10 | bits(i, 7, 7) << 6 | bits(i, 6, 6) << 7 |
		    bits(i, 5, 3) << 1 | bits(i, 2, 2) << 5, 12);
}

/* c.addi/c.li's 6-bit immediate (CI format). */
static long imm_ci(u32 i)
{
	return sext(bits(i, 12, 12) << 5 | bits(i, 6, 2), 6);
}

/* c.addi16sp's 10-bit immediate. */
static long imm_addi16sp(u32 i)
{
	return sext(bits(i, 12, 12) << 9 | bits(i, 6, 6) << 4 | bits(i, 5, 5) << 6 |
		    bits(i, 4, 3) << 7 | bits(i, 2, 2) << 5, 10);
}

/* c.beqz/c.bnez's 9-bit offset (CB format). */
static long imm_cb(u32 i)
{
	return sext(bits(i, 12, 12) << 8 | bits(i, 11, 10) << 3 | bits(i, 6, 5) << 6 |
		    bits(i, 4, 3) << 1 | bits(i, 2, 2) << 5, 9);
}

enum c_kind {
	C_OTHER, C_J, C_JR, C_JALR, C_BEQZ, C_BNEZ, C_ADDI, C_LI, C_ADDI16SP, C_MV, C_EBREAK,
	C_ILLEGAL,
};

static enum c_kind c_kind(u16 c)
{
	unsigned int quadrant = c & 3, funct3 = bits(c, 15, 13);
	unsigned int rs1 = bits(c, 11, 7), rs2 = bits(c, 6, 2);

	if (c == 0)
		return C_ILLEGAL;
	if (quadrant == 1) {
		switch (funct3) {
		case 0: return C_ADDI;			/* c.nop when rd = 0 */
		case 2: return C_LI;
		case 3: return rs1 == 2 && c & 0x107c ? C_ADDI16SP : C_OTHER;	/* else c.lui */
		case 5: return C_J;
		case 6: return C_BEQZ;
		case 7: return C_BNEZ;
		}
	} else if (quadrant == 2 && funct3 == 4 && rs2 == 0) {
		bool bit12 = bits(c, 12, 12);

		if (!bit12)
			return rs1 ? C_JR : C_ILLEGAL;		/* rs1 = 0 is reserved */
		return rs1 ? C_JALR : C_EBREAK;
	} else if (quadrant == 2 && bits(c, 15, 12) == 8 && rs2) {
		return C_MV;
	}
	return C_OTHER;
}

/**
 * rv_insn_classify() - how a kprobe may handle an instruction
 * @insn: the instruction; a compressed one in the low 16 bits
 *
 * Return: an enum rv_insn_class.
 */
enum rv_insn_class rv_insn_classify(u32 insn)
{
	unsigned int rd = bits(insn, 11, 7);

	if (rv_insn_len(insn) == 2) {
		switch (c_kind(insn & 0xffff)) {
		case C_OTHER:
			return RV_INSN_STEP;
		case C_ADDI:
		case C_LI:
		case C_MV:
			return rd == RV_REG_TP ? RV_INSN_STEP : RV_INSN_SIMULATE;
		case C_EBREAK:
		case C_ILLEGAL:
			return RV_INSN_REJECT;
		default:
			return RV_INSN_SIMULATE;
		}
	}
	if (bits(insn, 4, 2) == 7)
		return RV_INSN_REJECT;		/* 48 bits or longer */
	switch (insn & OPCODE_MASK) {
	case OP_SYSTEM:
	case OP_MISC_MEM:
		return RV_INSN_REJECT;
	case OP_AMO:
		if (bits(insn, 31, 27) == AMO_LR || bits(insn, 31, 27) == AMO_SC)
			return RV_INSN_REJECT;
		return RV_INSN_STEP;
	case OP_JAL:
	case OP_AUIPC:
		return rd == RV_REG_TP ? RV_INSN_REJECT : RV_INSN_SIMULATE;
	case OP_IMM:		/* addi is simulated */
		return bits(insn, 14, 12) == 0 && rd != RV_REG_TP ? RV_INSN_SIMULATE : RV_INSN_STEP;
	case OP_JALR:
		return bits(insn, 14, 12) == 0 && rd != RV_REG_TP ? RV_INSN_SIMULATE : RV_INSN_REJECT;
	case OP_BRANCH:
		/* funct3 2 and 3 are reserved */
		return bits(insn, 14, 13) == 1 ? RV_INSN_REJECT : RV_INSN_SIMULATE;
	}
	return RV_INSN_STEP;
}

static bool branch_taken(unsigned int funct3, unsigned long a, unsigned long b)
{
	switch (funct3) {
	case 0: return a == b;
	case 1: return a != b;
	case 4: return (long)a < (long)b;
	case 5: return (long)a >= (long)b;
	case 6: return a < b;
	default: return a >= b;		/* 7: bgeu */
	}
}

/**
 * rv_insn_simulate() - execute a pc-relative instruction on saved registers
 * @insn: an instruction rv_insn_classify() called RV_INSN_SIMULATE
 * @pc: where it sits
 * @x: the integer registers, x[1] (ra) to x[31]
 *
 * Return: the pc after it.
 */
unsigned long rv_insn_simulate(u32 insn, unsigned long pc, unsigned long *x)
{
	unsigned int rd = bits(insn, 11, 7), rs1 = bits(insn, 19, 15), rs2 = bits(insn, 24, 20);
	unsigned long target;

	if (rv_insn_len(insn) == 2) {
		u16 c = insn & 0xffff;
		unsigned int crs1 = bits(c, 11, 7), crs1p = 8 + bits(c, 9, 7);

		switch (c_kind(c)) {
		case C_J:
			return pc + imm_cj(c);
		case C_JR:
			return get_x(x, crs1) & ~1UL;
		case C_JALR:
			target = get_x(x, crs1) & ~1UL;
			set_x(x, 1, pc + 2);
			return target;
		case C_BEQZ:
			return get_x(x, crs1p) == 0 ? pc + imm_cb(c) : pc + 2;
		case C_BNEZ:
			return get_x(x, crs1p) != 0 ? pc + imm_cb(c) : pc + 2;
		case C_ADDI:
			set_x(x, crs1, get_x(x, crs1) + imm_ci(c));
			return pc + 2;
		case C_LI:
			set_x(x, crs1, imm_ci(c));
			return pc + 2;
		case C_ADDI16SP:
			set_x(x, 2, get_x(x, 2) + imm_addi16sp(c));
			return pc + 2;
		case C_MV:
			set_x(x, crs1, get_x(x, bits(c, 6, 2)));
			return pc + 2;
		default:
			return pc + 2;		/* not reached for a simulated class */
		}
	}
	switch (insn & OPCODE_MASK) {
	case OP_JAL:
		set_x(x, rd, pc + 4);
		return pc + imm_j(insn);
	case OP_JALR:
		target = (get_x(x, rs1) + imm_i(insn)) & ~1UL;	/* rs1 read before rd is set */
		set_x(x, rd, pc + 4);
		return target;
	case OP_AUIPC:
		set_x(x, rd, pc + imm_u(insn));
		return pc + 4;
	case OP_IMM:		/* addi */
		set_x(x, rd, get_x(x, rs1) + imm_i(insn));
		return pc + 4;
	case OP_BRANCH:
		if (branch_taken(bits(insn, 14, 12), get_x(x, rs1), get_x(x, rs2)))
			return pc + imm_b(insn);
		return pc + 4;
	}
	return pc + 4;
}
