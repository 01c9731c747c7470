// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 instruction decoder interface. insn_decode() splits one 64-bit-mode instruction
 * into its parts (legacy prefixes, REX, VEX/EVEX, opcode, ModRM, SIB, displacement,
 * immediate) and so learns its length; kprobes use the length to find instruction
 * boundaries and to copy the probed instruction out of line, and the parts to decide how
 * the instruction may be executed (insn_kprobe_classify()). Pure code: no allocation, no
 * locks, usable from any context and on the host in unit tests.
 *
 *   [legacy prefixes] [REX | VEX C5 xx | VEX C4 xx xx | XOP 8F xx xx | EVEX 62 xx xx xx]
 *   opcode (1-3 bytes) [ModRM [SIB] [disp8/disp32]] [imm8/16/32/64]
 */
#ifndef _ASM_INSN_H
#define _ASM_INSN_H

#include <starling/types.h>

#define MAX_INSN_SIZE		15

/* Legacy prefix bits in struct insn.prefixes. */
#define INSN_PFX_OPSIZE		0x0001	/* 66 */
#define INSN_PFX_ADDRSIZE	0x0002	/* 67 */
#define INSN_PFX_LOCK		0x0004	/* F0 */
#define INSN_PFX_REPNE		0x0008	/* F2 */
#define INSN_PFX_REP		0x0010	/* F3 */
#define INSN_PFX_SEG		0x0020	/* 26, 2E, 36, 3E, 64 or 65: see insn.seg */

/* REX bits. */
#define INSN_REX_W		0x08
#define INSN_REX_R		0x04
#define INSN_REX_X		0x02
#define INSN_REX_B		0x01

/**
 * struct insn - one decoded instruction
 * @length:		total length in bytes (1..15)
 * @prefixes:		INSN_PFX_* bits of the legacy prefixes present
 * @nr_prefixes:	number of legacy prefix bytes
 * @seg:		the last segment-override byte, or 0
 * @rex:		the REX byte (0x40..0x4f) in effect, or 0
 * @vex:		VEX (C4/C5), AMD XOP (8F) or EVEX (62) prefix bytes, @vex[0] being the
 *			escape byte
 * @vex_len:		2 or 3 for VEX, 3 for XOP, 4 for EVEX, 0 for a legacy encoding
 * @opcode:		opcode bytes with the map escape spelled out: { 0x0f, 0x38, op } for
 *			the 0F38 map whether it came from legacy escapes or a VEX/EVEX map field;
 *			just { op } for maps with no legacy spelling (XOP, EVEX maps 5 and 6)
 * @opcode_len:		1, 2 or 3
 * @modrm:		the ModRM byte, valid when @has_modrm
 * @sib:		the SIB byte, valid when @has_sib
 * @displacement:	sign-extended displacement, valid when @disp_size
 * @disp_offset:	offset of the displacement within the instruction
 * @disp_size:		0, 1 or 4
 * @immediate:		sign-extended immediate (relative offset for branches; the 16-bit
 *			frame size for ENTER), valid when @imm_size
 * @immediate2:		second immediate (ENTER's nesting level), valid when @imm2_size
 * @imm_offset:		offset of the (first) immediate within the instruction
 * @imm_size:		0, 1, 2, 4 or 8 (8 only for MOV r64, imm64 and moffs64)
 * @imm2_size:		0 or 1
 * @op_size:		operand size in bytes: 2, 4 or 8
 * @addr_size:		address size in bytes: 4 or 8
 * @rip_relative:	ModRM addresses memory as RIP + disp32 (relative to the next insn)
 */
struct insn {
	u8	length;
	u16	prefixes;
	u8	nr_prefixes;
	u8	seg;
	u8	rex;
	u8	vex[4];
	u8	vex_len;
	u8	opcode[3];
	u8	opcode_len;
	u8	modrm;
	u8	sib;
	bool	has_modrm;
	bool	has_sib;
	s32	displacement;
	u8	disp_offset, disp_size;
	s64	immediate;
	s64	immediate2;
	u8	imm_offset, imm_size, imm2_size;
	u8	op_size, addr_size;
	bool	rip_relative;
};

/* ModRM and SIB fields. */
#define insn_modrm_mod(insn)	((insn)->modrm >> 6)
#define insn_modrm_reg(insn)	(((insn)->modrm >> 3) & 7)
#define insn_modrm_rm(insn)	((insn)->modrm & 7)

/*
 * How a kprobe may run the probed instruction. Everything not SAFE_TO_STEP or REJECT is
 * emulated with regs: for the branch classes @immediate is the rel8/rel32 offset from the
 * end of the instruction; the INDIRECT classes take their target from ModRM (which may be
 * RIP-relative: @rip_relative, @displacement).
 */
enum insn_kprobe_class {
	INSN_KPROBE_SAFE_TO_STEP,		/* copy out of line and single-step */
	INSN_KPROBE_RIP_RELATIVE,		/* single-step after fixing up the disp32 */
	INSN_KPROBE_EMULATE_CALL,		/* E8 rel32 */
	INSN_KPROBE_EMULATE_JMP,		/* E9 rel32, EB rel8 */
	INSN_KPROBE_EMULATE_JCC,		/* 70-7F rel8, 0F 80-8F rel32 */
	INSN_KPROBE_EMULATE_RET,		/* C3, C2 iw (near return) */
	INSN_KPROBE_EMULATE_CALL_INDIRECT,	/* FF /2 */
	INSN_KPROBE_EMULATE_JMP_INDIRECT,	/* FF /4 */
	INSN_KPROBE_EMULATE_LOOP,		/* E0 loopne, E1 loope, E2 loop, E3 jrcxz */
	INSN_KPROBE_REJECT,			/* cannot be probed */
};

int insn_decode(struct insn *insn, const u8 *buf, size_t buflen);
enum insn_kprobe_class insn_kprobe_classify(const struct insn *insn);
bool insn_is_boundary(const u8 *func_start, size_t func_len, size_t offset);

#endif /* _ASM_INSN_H */
