// SPDX-License-Identifier: GPL-2.0-only
/*
 * Table-driven x86-64 (64-bit mode only) instruction decoder for kprobes, and the rules
 * that say how a probed instruction may be executed. Sits in arch/x86_64 below
 * kernel/kprobes.c; pure code with no state, so it also runs in host unit tests, where
 * every decoded length of whole GCC-built binaries is checked against objdump -d.
 *
 * The decoder reads, in order:
 *
 *   legacy prefixes   66 67 F0 F2 F3 26 2E 36 3E 64 65, in any order, any number
 *   REX 40-4F         only in effect when it is the last byte before the opcode
 *   VEX C5 / C4       2 or 3 bytes carrying the map (0F, 0F38, 0F3A); then opcode, ModRM
 *   EVEX 62           4 bytes; maps 1-3 as VEX, 5 and 6 (FP16) without immediates
 *   XOP 8F            AMD's 3-byte form, told from pop Ev by a map field of 8 or more
 *                     (which would be a nonzero ModRM.reg): maps 8 (ib), 9, 0A (imm32)
 *   opcode            one byte, 0F xx, 0F 38 xx or 0F 3A xx; its row in the map below
 *                     says whether a ModRM follows and what immediate ends the insn
 *   ModRM, SIB, disp  64-bit addressing: mod=00 rm=101 is RIP+disp32; SIB base=101 with
 *                     mod=00 is disp32 with no base. A 67 prefix selects 32-bit
 *                     addressing, whose forms (and lengths) are the same in 64-bit mode.
 *   immediate         ib, iw, iz (2 bytes with 66 unless REX.W, else 4), iv (B8-BF:
 *                     8 bytes with REX.W), moffs (A0-A3: 8 bytes, 4 with 67), ENTER's
 *                     iw+ib, and rel32 (E8, E9, 0F 8x: 4 bytes whatever the prefixes, as
 *                     Intel CPUs run them; AMD honours 66, so classify rejects that form)
 *
 * Opcodes that raise #UD in 64-bit mode (06, 07, 0E, 16, 17, 1E, 1F, 27, 2F, 37, 3F,
 * 60, 61, 82, 9A, CE, D4, D5, D6, EA) and holes of the 0F map fail with -EINVAL, as does
 * anything longer than 15 bytes. A buffer that ends inside the instruction gives -ENODATA.
 */
#include <starling/errno.h>
#include <starling/string.h>
#include <asm/insn.h>

/* Attribute bits of one opcode-map row. */
#define A_MODRM		0x0001	/* a ModRM byte follows the opcode */
#define A_IMM_MASK	0x000e	/* which immediate ends the instruction: IMM_* << 1 */
#define A_PREFIX	0x0010	/* legacy prefix byte */
#define A_REX		0x0020	/* REX prefix byte */
#define A_INV64		0x0040	/* #UD in 64-bit mode */
#define A_GRP_TEST	0x0080	/* F6/F7: the immediate exists only for /0 and /1 (TEST) */
#define A_ESCAPE	0x0100	/* 0F, or 38/3A after 0F */
#define A_VEX		0x0200	/* C4, C5 (VEX) or 62 (EVEX) */
#define A_MODRM_REG	0x0400	/* mod is ignored, always a register form (MOV CR/DR) */
#define A_INVALID	0x0800	/* undefined opcode */

enum {
	IMM_NONE,
	IMM_IB,		/* 8 bits */
	IMM_IW,		/* 16 bits */
	IMM_IZ,		/* 16 bits with a 16-bit operand size, else 32 */
	IMM_IV,		/* operand size: 16, 32 or 64 bits (MOV r, imm) */
	IMM_MOFFS,	/* address size: 32 or 64 bits */
	IMM_IW_IB,	/* ENTER: 16 bits, then 8 */
	IMM_D32,	/* 32 bits whatever the operand size: near branch rel32, XOP map 0A */
};

#define MODRM		A_MODRM
#define Ib		(IMM_IB << 1)
#define Iw		(IMM_IW << 1)
#define Iz		(IMM_IZ << 1)
#define Iv		(IMM_IV << 1)
#define Moffs		(IMM_MOFFS << 1)
#define IwIb		(IMM_IW_IB << 1)
#define Jz		(IMM_D32 << 1)
#define PFX		A_PREFIX
#define REX		A_REX
#define INV64		A_INV64
#define ESC		A_ESCAPE
#define VEX		A_VEX
#define INVALID		A_INVALID

/* The eight classic ALU rows: Eb,Gb  Ev,Gv  Gb,Eb  Gv,Ev  AL,Ib  eAX,Iz */
#define ALU_ROW(base)							\
	[(base) + 0 ... (base) + 3] = MODRM, [(base) + 4] = Ib, [(base) + 5] = Iz

/* One-byte map, 64-bit mode. Rows left out are plain opcodes without operand bytes. */
static const u16 onebyte_map[256] = {
	ALU_ROW(0x00), ALU_ROW(0x08), ALU_ROW(0x10), ALU_ROW(0x18),
	ALU_ROW(0x20), ALU_ROW(0x28), ALU_ROW(0x30), ALU_ROW(0x38),
	[0x06] = INV64, [0x07] = INV64,			/* push/pop es */
	[0x0e] = INV64,					/* push cs */
	[0x0f] = ESC,
	[0x16] = INV64, [0x17] = INV64,			/* push/pop ss */
	[0x1e] = INV64, [0x1f] = INV64,			/* push/pop ds */
	[0x26] = PFX, [0x27] = INV64,			/* es:, daa */
	[0x2e] = PFX, [0x2f] = INV64,			/* cs:, das */
	[0x36] = PFX, [0x37] = INV64,			/* ss:, aaa */
	[0x3e] = PFX, [0x3f] = INV64,			/* ds:, aas */
	[0x40 ... 0x4f] = REX,
	[0x60 ... 0x61] = INV64,			/* pusha, popa */
	[0x62] = VEX,					/* EVEX (bound in 32-bit mode) */
	[0x63] = MODRM,					/* movsxd */
	[0x64 ... 0x67] = PFX,				/* fs:, gs:, data16, addr32 */
	[0x68] = Iz, [0x69] = MODRM | Iz,		/* push Iz, imul Gv,Ev,Iz */
	[0x6a] = Ib, [0x6b] = MODRM | Ib,		/* push Ib, imul Gv,Ev,Ib */
	[0x70 ... 0x7f] = Ib,				/* jcc rel8 */
	[0x80] = MODRM | Ib, [0x81] = MODRM | Iz,	/* group 1 */
	[0x82] = INV64, [0x83] = MODRM | Ib,
	[0x84 ... 0x8f] = MODRM,			/* test, xchg, mov, lea, pop Ev */
	[0x9a] = INV64,					/* far call */
	[0xa0 ... 0xa3] = Moffs,			/* mov al/rAX <-> moffs */
	[0xa8] = Ib, [0xa9] = Iz,			/* test al/rAX */
	[0xb0 ... 0xb7] = Ib,				/* mov r8, Ib */
	[0xb8 ... 0xbf] = Iv,				/* mov r, Iv (imm64 with REX.W) */
	[0xc0 ... 0xc1] = MODRM | Ib,			/* group 2 by Ib */
	[0xc2] = Iw,					/* ret Iw */
	[0xc4 ... 0xc5] = VEX,				/* VEX (les/lds in 32-bit mode) */
	[0xc6] = MODRM | Ib, [0xc7] = MODRM | Iz,	/* mov Eb,Ib / Ev,Iz; xabort, xbegin */
	[0xc8] = IwIb,					/* enter */
	[0xca] = Iw,					/* lret Iw */
	[0xcd] = Ib,					/* int n */
	[0xce] = INV64,					/* into */
	[0xd0 ... 0xd3] = MODRM,			/* group 2 by 1 / cl */
	[0xd4 ... 0xd6] = INV64,			/* aam, aad, salc */
	[0xd8 ... 0xdf] = MODRM,			/* x87 */
	[0xe0 ... 0xe3] = Ib,				/* loopne, loope, loop, jrcxz */
	[0xe4 ... 0xe7] = Ib,				/* in/out Ib */
	[0xe8 ... 0xe9] = Jz,				/* call, jmp rel32 */
	[0xea] = INV64,					/* far jmp */
	[0xeb] = Ib,					/* jmp rel8 */
	[0xf0] = PFX, [0xf2 ... 0xf3] = PFX,		/* lock, repne, rep */
	[0xf6] = MODRM | A_GRP_TEST | Ib,		/* group 3 Eb */
	[0xf7] = MODRM | A_GRP_TEST | Iz,		/* group 3 Ev */
	[0xfe ... 0xff] = MODRM,			/* group 4, group 5 */
};

/* Two-byte map (0F xx); also VEX/EVEX map 1, which keeps the ModRM and ib columns. */
static const u16 twobyte_map[256] = {
	[0x00 ... 0x03] = MODRM,			/* group 6, group 7, lar, lsl */
	[0x04] = INVALID,
	/* 05 syscall, 06 clts, 07 sysret, 08 invd, 09 wbinvd */
	[0x0a] = INVALID,
	/* 0b ud2 */
	[0x0c] = INVALID,
	[0x0d] = MODRM,					/* prefetch group */
	/* 0e femms */
	[0x0f] = MODRM | Ib,				/* 3DNow!: the ib is the opcode */
	[0x10 ... 0x1f] = MODRM,			/* SSE moves, prefetch, hint nops, endbr */
	[0x20 ... 0x23] = MODRM | A_MODRM_REG,		/* mov cr/dr */
	[0x24 ... 0x27] = INVALID,
	[0x28 ... 0x2f] = MODRM,
	/* 30 wrmsr, 31 rdtsc, 32 rdmsr, 33 rdpmc, 34 sysenter, 35 sysexit */
	[0x36] = INVALID,
	/* 37 getsec */
	[0x38] = ESC, [0x39] = INVALID, [0x3a] = ESC,
	[0x3b ... 0x3f] = INVALID,
	[0x40 ... 0x6f] = MODRM,			/* cmovcc, SSE, MMX */
	[0x70 ... 0x73] = MODRM | Ib,			/* pshuf*, shift groups 12-14 */
	[0x74 ... 0x76] = MODRM,
	/* 77 emms, vzeroupper/vzeroall */
	[0x78 ... 0x79] = MODRM,			/* vmread, vmwrite */
	[0x7a ... 0x7b] = INVALID,
	[0x7c ... 0x7f] = MODRM,
	[0x80 ... 0x8f] = Jz,				/* jcc rel32 */
	[0x90 ... 0x9f] = MODRM,			/* setcc */
	/* a0 push fs, a1 pop fs, a2 cpuid */
	[0xa3] = MODRM, [0xa4] = MODRM | Ib, [0xa5] = MODRM,	/* bt, shld */
	[0xa6 ... 0xa7] = INVALID,
	/* a8 push gs, a9 pop gs, aa rsm */
	[0xab] = MODRM, [0xac] = MODRM | Ib,		/* bts, shrd */
	[0xad ... 0xaf] = MODRM,			/* shrd, group 15, imul */
	[0xb0 ... 0xb9] = MODRM,			/* cmpxchg .. popcnt, ud1 */
	[0xba] = MODRM | Ib,				/* group 8 */
	[0xbb ... 0xbf] = MODRM,
	[0xc0 ... 0xc1] = MODRM,			/* xadd */
	[0xc2] = MODRM | Ib, [0xc3] = MODRM,		/* cmpps, movnti */
	[0xc4 ... 0xc6] = MODRM | Ib,			/* pinsrw, pextrw, shufps */
	[0xc7] = MODRM,					/* group 9 */
	/* c8-cf bswap */
	[0xd0 ... 0xff] = MODRM,			/* MMX/SSE; ff ud0 */
};

struct cursor {
	const u8	*buf;
	size_t		len;	/* bytes available, at most MAX_INSN_SIZE */
	size_t		pos;
};

static int next_byte(struct cursor *c, u8 *b)
{
	if (c->pos >= c->len)
		return c->pos >= MAX_INSN_SIZE ? -EINVAL : -ENODATA;
	*b = c->buf[c->pos++];
	return 0;
}

/* Read a little-endian field of @size bytes and sign-extend it. */
static int read_signed(struct cursor *c, unsigned int size, s64 *val)
{
	u64 v = 0;
	unsigned int i;
	int ret;

	for (i = 0; i < size; i++) {
		u8 b;

		ret = next_byte(c, &b);
		if (ret)
			return ret;
		v |= (u64)b << (8 * i);
	}
	if (size < 8 && (v >> (8 * size - 1)) & 1)
		v |= ~0ULL << (8 * size);
	*val = (s64)v;
	return 0;
}

static void note_prefix(struct insn *insn, u8 b)
{
	switch (b) {
	case 0x66:
		insn->prefixes |= INSN_PFX_OPSIZE;
		break;
	case 0x67:
		insn->prefixes |= INSN_PFX_ADDRSIZE;
		break;
	case 0xf0:
		insn->prefixes |= INSN_PFX_LOCK;
		break;
	case 0xf2:
		insn->prefixes |= INSN_PFX_REPNE;
		break;
	case 0xf3:
		insn->prefixes |= INSN_PFX_REP;
		break;
	default:
		insn->prefixes |= INSN_PFX_SEG;
		insn->seg = b;
		break;
	}
	insn->nr_prefixes++;
}

/*
 * VEX (C4/C5), XOP (8F) or EVEX (62): read the payload after @esc and the opcode byte; return the
 * opcode's attributes, or -EINVAL for a map that does not exist.
 */
static int decode_vex(struct insn *insn, struct cursor *c, u8 esc, u16 *attr)
{
	unsigned int map, i, n = esc == 0xc5 ? 1 : esc == 0x62 ? 3 : 2;
	u8 op;
	int ret;

	/* 66, F2, F3, LOCK or REX before a VEX prefix raise #UD. */
	if (insn->rex || (insn->prefixes & (INSN_PFX_OPSIZE | INSN_PFX_LOCK |
					    INSN_PFX_REPNE | INSN_PFX_REP)))
		return -EINVAL;
	insn->vex[0] = esc;
	for (i = 1; i <= n; i++) {
		ret = next_byte(c, &insn->vex[i]);
		if (ret)
			return ret;
	}
	insn->vex_len = n + 1;
	if (esc == 0xc5) {
		map = 1;
	} else if (esc == 0xc4 || esc == 0x8f) {
		map = insn->vex[1] & 0x1f;
		if (insn->vex[2] & 0x80)
			insn->op_size = 8;
	} else {
		map = insn->vex[1] & 0x07;
		if (!(insn->vex[2] & 0x04))	/* EVEX.P1 bit 2 is fixed at 1 */
			return -EINVAL;
		if (insn->vex[2] & 0x80)
			insn->op_size = 8;
	}

	ret = next_byte(c, &op);
	if (ret)
		return ret;
	if (esc == 0x8f) {
		/* XOP maps have no legacy escape bytes to spell out. */
		insn->opcode[0] = op;
		insn->opcode_len = 1;
		if (map < 8 || map > 10)
			return -EINVAL;
		*attr = map == 8 ? MODRM | Ib : map == 9 ? MODRM : MODRM | Jz;
		return 0;
	}
	insn->opcode[0] = 0x0f;
	switch (map) {
	case 1:
		insn->opcode[1] = op;
		insn->opcode_len = 2;
		*attr = twobyte_map[op];
		if (*attr & (A_INVALID | A_ESCAPE))
			return -EINVAL;
		if ((*attr & A_IMM_MASK) != IMM_NONE && (*attr & A_IMM_MASK) != Ib)
			return -EINVAL;
		/* Only VEX 0F 77 (vzeroupper/vzeroall) goes without ModRM. */
		if (!(*attr & A_MODRM) && (esc == 0x62 || op != 0x77))
			return -EINVAL;
		return 0;
	case 2:
	case 3:
		insn->opcode[1] = map == 2 ? 0x38 : 0x3a;
		insn->opcode[2] = op;
		insn->opcode_len = 3;
		*attr = map == 2 ? MODRM : MODRM | Ib;
		return 0;
	case 5:
	case 6:
		if (esc != 0x62)
			return -EINVAL;
		/* AVX512-FP16 maps: no opcode bytes of their own to spell out. */
		insn->opcode[0] = op;
		insn->opcode_len = 1;
		*attr = MODRM;
		return 0;
	default:
		return -EINVAL;
	}
}

/* Legacy opcode after the prefixes: @b is its first byte. */
static int decode_opcode(struct insn *insn, struct cursor *c, u8 b, u16 *attr)
{
	int ret;

	insn->opcode[0] = b;
	insn->opcode_len = 1;
	*attr = onebyte_map[b];
	if (b != 0x0f)
		return 0;

	ret = next_byte(c, &b);
	if (ret)
		return ret;
	insn->opcode[1] = b;
	insn->opcode_len = 2;
	*attr = twobyte_map[b];
	if (b != 0x38 && b != 0x3a)
		return 0;

	ret = next_byte(c, &insn->opcode[2]);
	if (ret)
		return ret;
	insn->opcode_len = 3;
	*attr = b == 0x38 ? MODRM : MODRM | Ib;
	return 0;
}

static int decode_modrm(struct insn *insn, struct cursor *c, u16 attr)
{
	unsigned int mod, rm;
	s64 disp;
	int ret;

	ret = next_byte(c, &insn->modrm);
	if (ret)
		return ret;
	insn->has_modrm = true;
	mod = insn_modrm_mod(insn);
	rm = insn_modrm_rm(insn);
	if (mod == 3 || (attr & A_MODRM_REG))
		return 0;

	if (rm == 4) {
		ret = next_byte(c, &insn->sib);
		if (ret)
			return ret;
		insn->has_sib = true;
		if (mod == 0 && (insn->sib & 7) == 5)
			insn->disp_size = 4;		/* [index*scale + disp32] */
	} else if (mod == 0 && rm == 5) {
		insn->disp_size = 4;
		insn->rip_relative = true;		/* [rip + disp32] */
	}
	if (mod == 1)
		insn->disp_size = 1;
	else if (mod == 2)
		insn->disp_size = 4;
	if (!insn->disp_size)
		return 0;

	insn->disp_offset = c->pos;
	ret = read_signed(c, insn->disp_size, &disp);
	if (ret)
		return ret;
	insn->displacement = (s32)disp;
	return 0;
}

static unsigned int imm_bytes(const struct insn *insn, unsigned int type)
{
	switch (type) {
	case IMM_IB:
		return 1;
	case IMM_IW:
	case IMM_IW_IB:
		return 2;
	case IMM_IZ:
		return insn->op_size == 2 ? 2 : 4;
	case IMM_IV:
		return insn->op_size;
	case IMM_MOFFS:
		return insn->addr_size;
	case IMM_D32:
		return 4;
	default:
		return 0;
	}
}

static int decode_immediates(struct insn *insn, struct cursor *c, u16 attr)
{
	unsigned int type = (attr & A_IMM_MASK) >> 1;
	int ret;

	if ((attr & A_GRP_TEST) && insn_modrm_reg(insn) >= 2)
		type = IMM_NONE;		/* not, neg, mul, imul, div, idiv */
	/* SSE4a extrq/insertq with ib, ib: 66 0F 78 /0, F2 0F 78 */
	if (!insn->vex_len && insn->opcode_len == 2 && insn->opcode[1] == 0x78 &&
	    (insn->prefixes & (INSN_PFX_OPSIZE | INSN_PFX_REPNE))) {
		type = IMM_IB;
		insn->imm2_size = 1;
	}

	insn->imm_size = imm_bytes(insn, type);
	if (!insn->imm_size)
		return 0;
	insn->imm_offset = c->pos;
	ret = read_signed(c, insn->imm_size, &insn->immediate);
	if (ret)
		return ret;
	if (type == IMM_IW_IB)
		insn->imm2_size = 1;
	if (insn->imm2_size)
		ret = read_signed(c, insn->imm2_size, &insn->immediate2);
	return ret;
}

/**
 * insn_decode() - decode one x86-64 instruction
 * @insn:	filled with the instruction's parts
 * @buf:	first byte of the instruction
 * @buflen:	bytes readable at @buf; no byte past min(@buflen, 15) is read
 *
 * Return: 0 with @insn->length set; -ENODATA if @buf ends inside the instruction; -EINVAL
 * for an encoding that is invalid in 64-bit mode or longer than 15 bytes.
 */
int insn_decode(struct insn *insn, const u8 *buf, size_t buflen)
{
	struct cursor c = {
		.buf	= buf,
		.len	= buflen < MAX_INSN_SIZE ? buflen : MAX_INSN_SIZE,
	};
	u16 attr;
	u8 b;
	int ret;

	memset(insn, 0, sizeof(*insn));
	insn->op_size = 4;
	insn->addr_size = 8;

	for (;;) {
		ret = next_byte(&c, &b);
		if (ret)
			return ret;
		attr = onebyte_map[b];
		if (attr & A_PREFIX) {
			note_prefix(insn, b);
			insn->rex = 0;		/* a REX not last before the opcode is ignored */
		} else if (attr & A_REX) {
			insn->rex = b;
		} else {
			break;
		}
	}
	if (insn->prefixes & INSN_PFX_ADDRSIZE)
		insn->addr_size = 4;
	if (insn->rex & INSN_REX_W)
		insn->op_size = 8;
	else if (insn->prefixes & INSN_PFX_OPSIZE)
		insn->op_size = 2;

	if (b == 0x8f && c.pos < c.len && (c.buf[c.pos] & 0x1f) >= 8)
		attr = A_VEX;		/* XOP */
	if (attr & A_VEX)
		ret = decode_vex(insn, &c, b, &attr);
	else
		ret = decode_opcode(insn, &c, b, &attr);
	if (ret)
		return ret;
	if (attr & (A_INV64 | A_INVALID))
		return -EINVAL;

	if (attr & A_MODRM) {
		ret = decode_modrm(insn, &c, attr);
		if (ret)
			return ret;
	}
	ret = decode_immediates(insn, &c, attr);
	if (ret)
		return ret;
	insn->length = c.pos;
	return 0;
}

/* 0F 01 (group 7): the few forms that neither load system state nor stop the CPU. */
static bool grp7_steppable(const struct insn *insn)
{
	if (insn_modrm_mod(insn) != 3) {
		switch (insn_modrm_reg(insn)) {
		case 0:			/* sgdt */
		case 1:			/* sidt */
		case 4:			/* smsw */
		case 7:			/* invlpg */
			return true;
		default:		/* lgdt, lidt, lmsw */
			return false;
		}
	}
	switch (insn->modrm) {
	case 0xca:			/* clac */
	case 0xcb:			/* stac */
	case 0xd0:			/* xgetbv */
	case 0xf9:			/* rdtscp */
		return true;
	default:			/* swapgs, monitor/mwait, vmcall, xend, ... */
		return false;
	}
}

static enum insn_kprobe_class classify_onebyte(const struct insn *insn)
{
	u8 op = insn->opcode[0];

	if (op >= 0x70 && op <= 0x7f)
		return INSN_KPROBE_EMULATE_JCC;
	switch (op) {
	case 0xe8:
		return INSN_KPROBE_EMULATE_CALL;
	case 0xe9:
	case 0xeb:
		return INSN_KPROBE_EMULATE_JMP;
	case 0xc2:
	case 0xc3:
		return INSN_KPROBE_EMULATE_RET;
	case 0xe0 ... 0xe3:
		return INSN_KPROBE_EMULATE_LOOP;
	case 0xff:
		switch (insn_modrm_reg(insn)) {
		case 2:
			return INSN_KPROBE_EMULATE_CALL_INDIRECT;
		case 4:
			return INSN_KPROBE_EMULATE_JMP_INDIRECT;
		case 3:			/* far call */
		case 5:			/* far jmp */
		case 7:
			return INSN_KPROBE_REJECT;
		}
		break;
	case 0xc7:
		if (insn->modrm == 0xf8)	/* xbegin: abort address is relative */
			return INSN_KPROBE_REJECT;
		break;
	case 0xcc:			/* int3: someone else's breakpoint */
	case 0xcd:			/* int n */
	case 0xf1:			/* int1 */
	case 0xcf:			/* iret */
	case 0xca:			/* far ret */
	case 0xcb:
	case 0xf4:			/* hlt: would halt with IF clear while stepping */
	case 0xfa:			/* cli */
	case 0xfb:			/* sti */
	case 0x9c:			/* pushf: would push the stepping TF */
	case 0x9d:			/* popf */
	case 0x8e:			/* mov to a segment register */
		return INSN_KPROBE_REJECT;
	}
	return INSN_KPROBE_SAFE_TO_STEP;
}

static enum insn_kprobe_class classify_twobyte(const struct insn *insn)
{
	u8 op = insn->opcode[1];

	if (op >= 0x80 && op <= 0x8f)
		return INSN_KPROBE_EMULATE_JCC;
	switch (op) {
	case 0x00:			/* group 6: lldt, ltr, verr, ... */
	case 0x05:			/* syscall */
	case 0x07:			/* sysret */
	case 0x0b:			/* ud2 (BUG()) */
	case 0x0f:			/* 3DNow! */
	case 0x21:			/* mov from/to debug registers */
	case 0x23:
	case 0x34:			/* sysenter */
	case 0x35:			/* sysexit */
	case 0x37:			/* getsec */
	case 0xa1:			/* pop fs */
	case 0xa9:			/* pop gs */
	case 0xaa:			/* rsm */
	case 0xb9:			/* ud1 */
	case 0xff:			/* ud0 */
		return INSN_KPROBE_REJECT;
	case 0x01:
		if (!grp7_steppable(insn))
			return INSN_KPROBE_REJECT;
		break;
	}
	return INSN_KPROBE_SAFE_TO_STEP;
}

/**
 * insn_kprobe_classify() - how a kprobe may execute a decoded instruction
 * @insn:	an instruction insn_decode() accepted
 *
 * The rules follow Linux's x86 kprobes: relative and indirect branches, calls, returns and
 * loops are emulated; an instruction addressing memory relative to RIP is stepped out of
 * line after its disp32 is rebased; everything else is stepped, except what cannot run
 * safely under a single-step trap at another address. Rejected: breakpoints and software
 * interrupts (int3, int n, int1), iret, far transfers (lcall/ljmp through FF /3 /5, lret),
 * syscall/sysret/sysenter/sysexit, hlt and mwait-like group-7 forms, writes to segment
 * registers (mov to sreg, pop fs/gs) and descriptor tables (group 6, lgdt/lidt), debug
 * registers, swapgs, ud0/ud1/ud2 (BUG()), xbegin (relative abort address), 3DNow!, and
 * near branches carrying a 66 prefix (CPUs disagree on their length). Linux emulates
 * cli, sti and popf and fixes up pushf after stepping; Starling has no emulation for
 * interrupt-flag changes, so those four are rejected too. A LOCK prefix is fine.
 *
 * Return: the insn_kprobe_class saying whether to step, emulate or refuse.
 */
enum insn_kprobe_class insn_kprobe_classify(const struct insn *insn)
{
	enum insn_kprobe_class cls;

	if (insn->vex_len)
		cls = INSN_KPROBE_SAFE_TO_STEP;
	else if (insn->opcode_len == 1)
		cls = classify_onebyte(insn);
	else if (insn->opcode_len == 2)
		cls = classify_twobyte(insn);
	else
		cls = INSN_KPROBE_SAFE_TO_STEP;

	switch (cls) {
	case INSN_KPROBE_EMULATE_CALL:
	case INSN_KPROBE_EMULATE_JMP:
	case INSN_KPROBE_EMULATE_JCC:
	case INSN_KPROBE_EMULATE_RET:
	case INSN_KPROBE_EMULATE_LOOP:
		if (insn->prefixes & INSN_PFX_OPSIZE)
			return INSN_KPROBE_REJECT;
		return cls;
	case INSN_KPROBE_SAFE_TO_STEP:
		return insn->rip_relative ? INSN_KPROBE_RIP_RELATIVE : cls;
	default:
		return cls;
	}
}

/**
 * insn_is_boundary() - whether an offset into a function starts an instruction
 * @func_start:	first byte of the function
 * @func_len:	length of the function in bytes
 * @offset:	offset to test
 *
 * Decodes from @func_start until reaching or passing @offset.
 *
 * Return: true if @offset is the start of an instruction inside the function; false if
 * it is inside one, at or past @func_len, or after bytes that do not decode.
 */
bool insn_is_boundary(const u8 *func_start, size_t func_len, size_t offset)
{
	size_t pos = 0;
	struct insn insn;

	if (offset >= func_len)
		return false;
	while (pos < offset) {
		if (insn_decode(&insn, func_start + pos, func_len - pos))
			return false;
		pos += insn.length;
	}
	return pos == offset;
}
