// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of the x86-64 instruction decoder (arch/x86_64/kernel/decode-insn.c):
 * hand-written encodings for every length rule and kprobe class, then a cross-check of
 * every instruction boundary in whole GCC-built binaries against objdump -d -w.
 *
 * The cross-check reads objdump's raw bytes, joins each function's instructions back into
 * one byte stream, decodes that stream from the function start and compares each length
 * with objdump's. Functions with "(bad)" lines (data in text, unknown encodings) are
 * skipped. Inputs: $DECODE_INSN_OBJDUMP (colon-separated paths, each checked in full) if
 * set; otherwise libc.so.6 in full, the first DECODE_INSN_SAMPLE bytes of cc1's .text,
 * and build/x86_64/starling in full when it has been built.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#undef __always_inline		/* the host's; <starling/compiler.h> has its own */
#include <starling/errno.h>
#include <asm/insn.h>
#include "unit.h"

#define BYTES(...)	((const u8[]){ __VA_ARGS__ }), sizeof((const u8[]){ __VA_ARGS__ })

/* Decode @buf and check its length; returns the decoder's result for further checks. */
static int decode_len(struct insn *insn, const u8 *buf, size_t len, int expect_len,
		      int line)
{
	int ret = insn_decode(insn, buf, len);

	if (ret || insn->length != expect_len) {
		fprintf(stderr, "%s:%d: decode gave %d, length %d; expected length %d\n",
			__FILE__, line, ret, insn->length, expect_len);
		unit_failed_asserts++;
	}
	return ret;
}
#define EXPECT_LEN(insn, n, ...)	decode_len(insn, BYTES(__VA_ARGS__), n, __LINE__)
#define EXPECT_ERR(err, ...) do {						\
	struct insn __i;							\
	EXPECT_EQ(insn_decode(&__i, BYTES(__VA_ARGS__)), err);			\
} while (0)
#define CLASS_OF(...) ({							\
	struct insn __i;							\
	int __r = insn_decode(&__i, BYTES(__VA_ARGS__));			\
	EXPECT_EQ(__r, 0);							\
	__r ? -1 : (int)insn_kprobe_classify(&__i);				\
})

static void test_plain_one_byte(void)
{
	struct insn i;

	EXPECT_LEN(&i, 1, 0x90);
	EXPECT_EQ(i.opcode[0], 0x90);
	EXPECT_EQ(i.opcode_len, 1);
	EXPECT_TRUE(!i.has_modrm);
	EXPECT_LEN(&i, 1, 0xc3);
	EXPECT_LEN(&i, 2, 0x41, 0x55);			/* push %r13 */
	EXPECT_EQ(i.rex, 0x41);
	EXPECT_LEN(&i, 3, 0x48, 0x89, 0xe5);		/* mov %rsp,%rbp */
	EXPECT_TRUE(i.has_modrm);
	EXPECT_EQ(i.modrm, 0xe5);
	EXPECT_EQ(i.op_size, 8);
	EXPECT_LEN(&i, 2, 0x74, 0xfe);			/* je . */
	EXPECT_EQ(i.immediate, -2);
	EXPECT_EQ(i.imm_offset, 1);
	EXPECT_LEN(&i, 5, 0xe8, 0x00, 0x01, 0x00, 0x00);
	EXPECT_EQ(i.immediate, 0x100);
	EXPECT_LEN(&i, 2, 0xcd, 0x80);
	EXPECT_LEN(&i, 2, 0xe4, 0x60);			/* in $0x60,%al */
}

static void test_operand_size_iz(void)
{
	struct insn i;

	EXPECT_LEN(&i, 5, 0x05, 0x78, 0x56, 0x34, 0x12);	/* add $imm32,%eax */
	EXPECT_EQ(i.imm_size, 4);
	EXPECT_LEN(&i, 4, 0x66, 0x05, 0x34, 0x12);		/* add $imm16,%ax */
	EXPECT_EQ(i.imm_size, 2);
	EXPECT_EQ(i.op_size, 2);
	EXPECT_EQ(i.prefixes, INSN_PFX_OPSIZE);
	EXPECT_LEN(&i, 7, 0x66, 0x48, 0x05, 0x78, 0x56, 0x34, 0x12);	/* REX.W wins */
	EXPECT_EQ(i.imm_size, 4);
	EXPECT_LEN(&i, 5, 0x66, 0x81, 0xc0, 0x34, 0x12);
	EXPECT_LEN(&i, 6, 0x81, 0xc0, 0x78, 0x56, 0x34, 0x12);
	EXPECT_LEN(&i, 3, 0x83, 0xc0, 0x01);
	EXPECT_LEN(&i, 5, 0x66, 0xc7, 0x00, 0x34, 0x12);	/* movw $,(%rax) */
	EXPECT_LEN(&i, 4, 0x66, 0x68, 0x34, 0x12);		/* pushw $imm16 */
	EXPECT_LEN(&i, 5, 0x68, 0x78, 0x56, 0x34, 0x12);
	EXPECT_LEN(&i, 4, 0x66, 0xa9, 0x34, 0x12);		/* test $,%ax */
	EXPECT_LEN(&i, 6, 0x69, 0xc0, 0x78, 0x56, 0x34, 0x12);	/* imul $,%eax,%eax */
	EXPECT_LEN(&i, 3, 0x6b, 0xc0, 0x10);
	/* rel32 stays 4 bytes whatever the prefixes, as on Intel CPUs */
	EXPECT_LEN(&i, 6, 0x66, 0xe9, 0x00, 0x00, 0x00, 0x00);
}

static void test_imm64_and_moffs(void)
{
	struct insn i;

	EXPECT_LEN(&i, 10, 0x48, 0xb8, 0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01);
	EXPECT_EQ(i.imm_size, 8);
	EXPECT_EQ(i.imm_offset, 2);
	EXPECT_EQ((u64)i.immediate, 0x0123456789abcdefULL);
	EXPECT_LEN(&i, 10, 0x49, 0xbf, 0, 0, 0, 0, 0, 0, 0, 0x80);	/* movabs to %r15 */
	EXPECT_TRUE(i.immediate < 0);
	EXPECT_LEN(&i, 5, 0xb8, 0x01, 0x00, 0x00, 0x00);
	EXPECT_LEN(&i, 6, 0x41, 0xb8, 0x01, 0x00, 0x00, 0x00);	/* REX.B only */
	EXPECT_LEN(&i, 4, 0x66, 0xb8, 0x34, 0x12);
	EXPECT_LEN(&i, 2, 0xb0, 0x12);
	EXPECT_LEN(&i, 3, 0x41, 0xb0, 0x12);
	EXPECT_LEN(&i, 10, 0x48, 0xa1, 1, 2, 3, 4, 5, 6, 7, 8);	/* movabs moffs64,%rax */
	EXPECT_EQ(i.imm_size, 8);
	EXPECT_LEN(&i, 9, 0xa0, 1, 2, 3, 4, 5, 6, 7, 8);
	EXPECT_LEN(&i, 9, 0xa3, 1, 2, 3, 4, 5, 6, 7, 8);
	EXPECT_LEN(&i, 6, 0x67, 0xa0, 1, 2, 3, 4);		/* addr32: moffs32 */
	EXPECT_EQ(i.addr_size, 4);
	EXPECT_LEN(&i, 10, 0x66, 0xa1, 1, 2, 3, 4, 5, 6, 7, 8);	/* 66 leaves moffs alone */
}

static void test_group3_test_imm(void)
{
	struct insn i;

	EXPECT_LEN(&i, 3, 0xf6, 0xc0, 0x01);		/* test $1,%al */
	EXPECT_EQ(i.imm_size, 1);
	EXPECT_LEN(&i, 3, 0xf6, 0xc8, 0x01);		/* /1 is test too */
	EXPECT_LEN(&i, 2, 0xf6, 0xd0);			/* not %al */
	EXPECT_EQ(i.imm_size, 0);
	EXPECT_LEN(&i, 2, 0xf6, 0xf1);			/* div %cl */
	EXPECT_LEN(&i, 4, 0xf6, 0x45, 0x08, 0x01);	/* testb $1,8(%rbp) */
	EXPECT_LEN(&i, 3, 0xf6, 0x55, 0x08);		/* notb 8(%rbp) */
	EXPECT_LEN(&i, 6, 0xf7, 0xc0, 0x78, 0x56, 0x34, 0x12);
	EXPECT_LEN(&i, 5, 0x66, 0xf7, 0xc0, 0x34, 0x12);
	EXPECT_LEN(&i, 2, 0xf7, 0xd8);			/* neg %eax */
	EXPECT_LEN(&i, 3, 0x48, 0xf7, 0xe1);		/* mul %rcx */
}

static void test_enter_ret_imm(void)
{
	struct insn i;

	EXPECT_LEN(&i, 4, 0xc8, 0x10, 0x00, 0x01);	/* enter $0x10,$1 */
	EXPECT_EQ(i.immediate, 0x10);
	EXPECT_EQ(i.imm_size, 2);
	EXPECT_EQ(i.immediate2, 1);
	EXPECT_EQ(i.imm2_size, 1);
	EXPECT_LEN(&i, 3, 0xc2, 0x08, 0x00);		/* ret $8 */
	EXPECT_LEN(&i, 3, 0xca, 0x08, 0x00);		/* lret $8 */
	EXPECT_LEN(&i, 1, 0xc9);			/* leave */
	EXPECT_LEN(&i, 3, 0xc0, 0xe0, 0x04);		/* shl $4,%al */
	EXPECT_LEN(&i, 2, 0xd1, 0xe0);			/* shl %eax */
}

static void test_two_and_three_byte_maps(void)
{
	struct insn i;

	EXPECT_LEN(&i, 6, 0x0f, 0x84, 0x00, 0x01, 0x00, 0x00);	/* je rel32 */
	EXPECT_EQ(i.opcode_len, 2);
	EXPECT_EQ(i.opcode[1], 0x84);
	EXPECT_LEN(&i, 3, 0x0f, 0xb6, 0xc0);			/* movzbl */
	EXPECT_LEN(&i, 5, 0x0f, 0x1f, 0x44, 0x00, 0x00);	/* nopl 0(%rax,%rax) */
	EXPECT_LEN(&i, 9, 0x66, 0x0f, 0x1f, 0x84, 0x00, 0, 0, 0, 0);
	EXPECT_LEN(&i, 10, 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0, 0, 0, 0);
	EXPECT_EQ(i.seg, 0x2e);
	EXPECT_LEN(&i, 4, 0xf3, 0x0f, 0x1e, 0xfa);		/* endbr64 */
	EXPECT_LEN(&i, 2, 0x0f, 0xa2);				/* cpuid */
	EXPECT_LEN(&i, 4, 0x0f, 0xba, 0xe0, 0x03);		/* bt $3,%eax */
	EXPECT_LEN(&i, 4, 0x0f, 0xa4, 0xc0, 0x03);		/* shld */
	EXPECT_LEN(&i, 2, 0x0f, 0xc8);				/* bswap */
	EXPECT_LEN(&i, 3, 0x0f, 0x01, 0xca);			/* clac */
	EXPECT_LEN(&i, 7, 0x0f, 0x01, 0x3d, 0, 0, 0, 0);	/* invlpg rip */
	EXPECT_TRUE(i.rip_relative);
	/* mov cr/dr: mod is ignored, never a SIB or displacement */
	EXPECT_LEN(&i, 3, 0x0f, 0x20, 0xd8);
	EXPECT_LEN(&i, 3, 0x0f, 0x22, 0x05);
	EXPECT_TRUE(!i.rip_relative);
	EXPECT_LEN(&i, 3, 0x0f, 0x23, 0x44);
	/* 0F38: ModRM, no immediate; 0F3A: ModRM and ib */
	EXPECT_LEN(&i, 6, 0xf2, 0x48, 0x0f, 0x38, 0xf1, 0xc9);	/* crc32q */
	EXPECT_EQ(i.opcode_len, 3);
	EXPECT_EQ(i.opcode[1], 0x38);
	EXPECT_EQ(i.opcode[2], 0xf1);
	EXPECT_LEN(&i, 6, 0x66, 0x0f, 0x3a, 0x0f, 0xc1, 0x08);	/* palignr */
	EXPECT_EQ(i.imm_size, 1);
	EXPECT_EQ(i.immediate, 8);
	EXPECT_LEN(&i, 4, 0x0f, 0x38, 0xf0, 0x07, 0x90);	/* movbe (%rdi),%eax; nop */
	/* 3DNow!: ModRM then an opcode byte in the immediate slot */
	EXPECT_LEN(&i, 4, 0x0f, 0x0f, 0xc1, 0xb4);
	/* SSE4a extrq/insertq carry two ib */
	EXPECT_LEN(&i, 6, 0x66, 0x0f, 0x78, 0xc0, 0x04, 0x08);
	EXPECT_LEN(&i, 6, 0xf2, 0x0f, 0x78, 0xc1, 0x04, 0x08);
	EXPECT_LEN(&i, 3, 0x0f, 0x78, 0xc1);			/* vmread */
	EXPECT_LEN(&i, 4, 0x0f, 0x70, 0xc1, 0x1b);		/* pshufw */
	EXPECT_LEN(&i, 4, 0x0f, 0xc2, 0xc1, 0x01);		/* cmpps */
}

static void test_vex_evex_lengths(void)
{
	struct insn i;

	EXPECT_LEN(&i, 3, 0xc5, 0xf8, 0x77);			/* vzeroupper */
	EXPECT_EQ(i.vex_len, 2);
	EXPECT_LEN(&i, 6, 0xc5, 0xfd, 0x6f, 0x44, 0x24, 0x20);	/* vmovdqa 0x20(%rsp) */
	EXPECT_LEN(&i, 9, 0xc4, 0xe2, 0x7d, 0x18, 0x05, 0, 0, 0, 0);	/* vbroadcastss rip */
	EXPECT_TRUE(i.rip_relative);
	EXPECT_EQ(i.disp_offset, 5);
	EXPECT_EQ(i.vex_len, 3);
	EXPECT_EQ(i.opcode[1], 0x38);
	EXPECT_LEN(&i, 6, 0xc4, 0xe3, 0x7d, 0x18, 0xc1, 0x01);	/* vinsertf128 */
	EXPECT_LEN(&i, 5, 0xc4, 0xe2, 0xf9, 0xf7, 0xc0);	/* shlx */
	EXPECT_LEN(&i, 5, 0xc4, 0xe2, 0xe0, 0xf2, 0xc8);	/* andn */
	EXPECT_LEN(&i, 5, 0xc5, 0xf9, 0x70, 0xc1, 0x1b);	/* vpshufd */
	EXPECT_LEN(&i, 6, 0xc4, 0xe3, 0x71, 0x4c, 0xc2, 0x30);	/* vpblendvb is4 */
	EXPECT_LEN(&i, 8, 0x62, 0xf1, 0xfd, 0x48, 0x6f, 0x44, 0x24, 0x01);
	EXPECT_EQ(i.vex_len, 4);
	EXPECT_EQ(i.disp_size, 1);
	EXPECT_LEN(&i, 7, 0x62, 0xf3, 0x7d, 0x48, 0x1f, 0xc1, 0x00);	/* vpcmpd */
	EXPECT_LEN(&i, 8, 0x62, 0xf1, 0x74, 0x49, 0x58, 0x54, 0x98, 0x40);
	EXPECT_LEN(&i, 6, 0x62, 0xf6, 0x7d, 0x48, 0x13, 0xd1);	/* vcvtph2psx, map 6 */
	EXPECT_LEN(&i, 7, 0x62, 0xf3, 0x7d, 0x48, 0x66, 0xd1, 0x03);	/* vfpclassps */
	/* legacy 66/F2/F3/REX before VEX raise #UD; so do missing maps */
	EXPECT_ERR(-EINVAL, 0x66, 0xc5, 0xf8, 0x77);
	EXPECT_ERR(-EINVAL, 0x48, 0xc5, 0xf8, 0x77);
	EXPECT_ERR(-EINVAL, 0xc4, 0xe0, 0x7d, 0x18, 0xc1);
	EXPECT_ERR(-EINVAL, 0x62, 0xf0, 0xfd, 0x48, 0x6f, 0xc1);
	EXPECT_ERR(-ENODATA, 0xc4, 0xe2, 0x7d);
	EXPECT_ERR(-ENODATA, 0x62, 0xf1, 0xfd, 0x48, 0x6f);
	/* AMD XOP: 8F with a map field >= 8; plain 8F /0 is pop */
	EXPECT_LEN(&i, 6, 0x8f, 0xe8, 0x78, 0xc2, 0xe4, 0x08);	/* vprotd $8 (map 8) */
	EXPECT_EQ(i.vex_len, 3);
	EXPECT_LEN(&i, 5, 0x8f, 0xe9, 0x78, 0x90, 0xc1);		/* vprotb (map 9) */
	EXPECT_LEN(&i, 9, 0x8f, 0xea, 0x78, 0x10, 0xc1, 1, 2, 3, 4);	/* bextr imm32 */
	EXPECT_LEN(&i, 2, 0x8f, 0xc0);				/* pop %rax */
	EXPECT_EQ(i.vex_len, 0);
	EXPECT_LEN(&i, 3, 0x8f, 0x45, 0x08);			/* pop 8(%rbp) */
	EXPECT_LEN(&i, 1, 0x9b, 0xd9, 0x7c, 0x24, 0x02);	/* fwait stands alone */
}

static void test_modrm_sib_disp(void)
{
	struct insn i;

	EXPECT_LEN(&i, 7, 0x48, 0x8b, 0x05, 0x10, 0x00, 0x00, 0x00);	/* mov 0x10(%rip) */
	EXPECT_TRUE(i.rip_relative);
	EXPECT_EQ(i.disp_offset, 3);
	EXPECT_EQ(i.disp_size, 4);
	EXPECT_EQ(i.displacement, 0x10);
	/* movl $imm32,disp(%rip): displacement then immediate */
	EXPECT_LEN(&i, 10, 0xc7, 0x05, 0xf0, 0xff, 0xff, 0xff, 0x01, 0x00, 0x00, 0x00);
	EXPECT_EQ(i.disp_offset, 2);
	EXPECT_EQ(i.displacement, -16);
	EXPECT_EQ(i.imm_offset, 6);
	EXPECT_EQ(i.immediate, 1);
	EXPECT_LEN(&i, 7, 0x67, 0x8b, 0x05, 0, 0, 0, 0);	/* addr32: eip-relative */
	EXPECT_TRUE(i.rip_relative);
	/* SIB with base=101 and mod=00: absolute disp32, not RIP-relative */
	EXPECT_LEN(&i, 7, 0x8b, 0x04, 0x25, 0x00, 0x10, 0x00, 0x00);
	EXPECT_TRUE(i.has_sib);
	EXPECT_TRUE(!i.rip_relative);
	EXPECT_EQ(i.displacement, 0x1000);
	EXPECT_LEN(&i, 7, 0x8b, 0x04, 0xc5, 0, 0, 0, 0, 0x90);	/* 0(,%rax,8); nop */
	EXPECT_LEN(&i, 4, 0x8b, 0x44, 0x24, 0x08);		/* 8(%rsp) */
	EXPECT_EQ(i.displacement, 8);
	EXPECT_EQ(i.disp_offset, 3);
	EXPECT_LEN(&i, 7, 0x8b, 0x84, 0x24, 0x00, 0x01, 0x00, 0x00);
	EXPECT_LEN(&i, 3, 0x8b, 0x04, 0x24);			/* (%rsp) */
	EXPECT_LEN(&i, 3, 0x8b, 0x45, 0xf8);			/* -8(%rbp) */
	EXPECT_EQ(i.displacement, -8);
	EXPECT_LEN(&i, 4, 0x41, 0x8b, 0x45, 0x00);		/* 0(%r13) */
	EXPECT_LEN(&i, 6, 0x8b, 0x80, 0x00, 0x01, 0x00, 0x00);
	EXPECT_LEN(&i, 9, 0x65, 0x48, 0x8b, 0x04, 0x25, 0x28, 0, 0, 0);	/* %gs:0x28 */
	EXPECT_EQ(i.seg, 0x65);
	EXPECT_LEN(&i, 7, 0x48, 0x8d, 0x3d, 0, 0, 0, 0, 0xc3);	/* lea rip; ret */
}

static void test_invalid_and_truncated(void)
{
	static const u8 inv64[] = {
		0x06, 0x07, 0x0e, 0x16, 0x17, 0x1e, 0x1f, 0x27, 0x2f, 0x37, 0x3f,
		0x60, 0x61, 0x82, 0x9a, 0xce, 0xd4, 0xd5, 0xd6, 0xea,
	};
	u8 buf[16];
	struct insn i;
	size_t k;

	for (k = 0; k < ARRAY_SIZE(inv64); k++) {
		memset(buf, 0, sizeof(buf));
		buf[0] = inv64[k];
		EXPECT_EQ(insn_decode(&i, buf, sizeof(buf)), -EINVAL);
	}
	EXPECT_ERR(-EINVAL, 0x0f, 0x04, 0x00);
	EXPECT_ERR(-EINVAL, 0x0f, 0x3b, 0x00);
	EXPECT_ERR(-ENODATA, 0x48);
	EXPECT_ERR(-ENODATA, 0x66, 0x2e);
	EXPECT_ERR(-ENODATA, 0xe8, 0x00, 0x00);
	EXPECT_ERR(-ENODATA, 0x48, 0xb8, 1, 2, 3, 4, 5, 6, 7);
	EXPECT_ERR(-ENODATA, 0x0f);
	EXPECT_ERR(-ENODATA, 0x0f, 0x38);
	EXPECT_ERR(-ENODATA, 0x8b, 0x04);
	EXPECT_ERR(-ENODATA, 0x8b, 0x84, 0x24, 0x00);
	EXPECT_EQ(insn_decode(&i, buf, 0), -ENODATA);

	/* 14 prefixes and an opcode: 15 bytes, the limit */
	memset(buf, 0x66, sizeof(buf));
	buf[14] = 0x90;
	EXPECT_EQ(insn_decode(&i, buf, sizeof(buf)), 0);
	EXPECT_EQ(i.length, 15);
	EXPECT_EQ(i.nr_prefixes, 14);
	buf[14] = 0x66;
	buf[15] = 0x90;
	EXPECT_EQ(insn_decode(&i, buf, sizeof(buf)), -EINVAL);
	/* too long through its operands */
	EXPECT_ERR(-EINVAL, 0x66, 0x66, 0x66, 0x66, 0x66, 0x2e, 0x48, 0xc7, 0x84, 0x24,
		   0, 0, 0, 0, 1, 0, 0, 0);
}

static void test_rex_rules(void)
{
	struct insn i;

	EXPECT_LEN(&i, 4, 0x48, 0x41, 0x89, 0xc0);	/* the last REX counts */
	EXPECT_EQ(i.rex, 0x41);
	EXPECT_EQ(i.op_size, 4);
	EXPECT_LEN(&i, 5, 0x48, 0x66, 0xb8, 0x34, 0x12);	/* REX before 66 is dropped */
	EXPECT_EQ(i.rex, 0);
	EXPECT_EQ(i.op_size, 2);
	EXPECT_LEN(&i, 2, 0xf0, 0x90);
	EXPECT_EQ(i.prefixes, INSN_PFX_LOCK);
	EXPECT_LEN(&i, 5, 0xf0, 0x48, 0x0f, 0xb1, 0x17);	/* lock cmpxchg */
	EXPECT_EQ(i.prefixes, INSN_PFX_LOCK);
	EXPECT_EQ(i.rex, 0x48);
	EXPECT_LEN(&i, 2, 0xf3, 0xa4);				/* rep movsb */
	EXPECT_EQ(i.prefixes, INSN_PFX_REP);
	EXPECT_LEN(&i, 3, 0xf2, 0x48, 0xae);
	EXPECT_EQ(i.prefixes, INSN_PFX_REPNE);
}

static void test_classify(void)
{
	/* emulated control flow */
	EXPECT_EQ(CLASS_OF(0xe8, 0, 0, 0, 0), INSN_KPROBE_EMULATE_CALL);
	EXPECT_EQ(CLASS_OF(0xe9, 0, 0, 0, 0), INSN_KPROBE_EMULATE_JMP);
	EXPECT_EQ(CLASS_OF(0xeb, 0xfe), INSN_KPROBE_EMULATE_JMP);
	EXPECT_EQ(CLASS_OF(0x2e, 0xe9, 0, 0, 0, 0), INSN_KPROBE_EMULATE_JMP);
	EXPECT_EQ(CLASS_OF(0x75, 0x10), INSN_KPROBE_EMULATE_JCC);
	EXPECT_EQ(CLASS_OF(0x0f, 0x8f, 0, 0, 0, 0), INSN_KPROBE_EMULATE_JCC);
	EXPECT_EQ(CLASS_OF(0xc3), INSN_KPROBE_EMULATE_RET);
	EXPECT_EQ(CLASS_OF(0xf3, 0xc3), INSN_KPROBE_EMULATE_RET);
	EXPECT_EQ(CLASS_OF(0xc2, 0x08, 0x00), INSN_KPROBE_EMULATE_RET);
	EXPECT_EQ(CLASS_OF(0xff, 0xd0), INSN_KPROBE_EMULATE_CALL_INDIRECT);
	EXPECT_EQ(CLASS_OF(0xff, 0x15, 0, 0, 0, 0), INSN_KPROBE_EMULATE_CALL_INDIRECT);
	EXPECT_EQ(CLASS_OF(0x41, 0xff, 0xe3), INSN_KPROBE_EMULATE_JMP_INDIRECT);
	EXPECT_EQ(CLASS_OF(0x3e, 0xff, 0xe0), INSN_KPROBE_EMULATE_JMP_INDIRECT);
	EXPECT_EQ(CLASS_OF(0xff, 0x24, 0xc5, 0, 0, 0, 0), INSN_KPROBE_EMULATE_JMP_INDIRECT);
	EXPECT_EQ(CLASS_OF(0xe2, 0xfe), INSN_KPROBE_EMULATE_LOOP);
	EXPECT_EQ(CLASS_OF(0xe3, 0x02), INSN_KPROBE_EMULATE_LOOP);
	EXPECT_EQ(CLASS_OF(0x66, 0xe8, 0, 0, 0, 0), INSN_KPROBE_REJECT);

	/* stepped out of line, with or without the RIP fix-up */
	EXPECT_EQ(CLASS_OF(0x48, 0x89, 0xe5), INSN_KPROBE_SAFE_TO_STEP);
	EXPECT_EQ(CLASS_OF(0x55), INSN_KPROBE_SAFE_TO_STEP);
	EXPECT_EQ(CLASS_OF(0xf3, 0x0f, 0x1e, 0xfa), INSN_KPROBE_SAFE_TO_STEP);
	EXPECT_EQ(CLASS_OF(0x0f, 0x1f, 0x44, 0, 0), INSN_KPROBE_SAFE_TO_STEP);
	EXPECT_EQ(CLASS_OF(0xf0, 0x0f, 0xc1, 0x07), INSN_KPROBE_SAFE_TO_STEP);	/* lock xadd */
	EXPECT_EQ(CLASS_OF(0x0f, 0x01, 0xcb), INSN_KPROBE_SAFE_TO_STEP);	/* stac */
	EXPECT_EQ(CLASS_OF(0x0f, 0x22, 0xd8), INSN_KPROBE_SAFE_TO_STEP);	/* mov cr3 */
	EXPECT_EQ(CLASS_OF(0x8c, 0xd8), INSN_KPROBE_SAFE_TO_STEP);		/* mov %ds,%eax */
	EXPECT_EQ(CLASS_OF(0xc8, 0x10, 0, 0), INSN_KPROBE_SAFE_TO_STEP);
	EXPECT_EQ(CLASS_OF(0xc5, 0xf8, 0x77), INSN_KPROBE_SAFE_TO_STEP);
	EXPECT_EQ(CLASS_OF(0x48, 0x8b, 0x05, 0, 0, 0, 0), INSN_KPROBE_RIP_RELATIVE);
	EXPECT_EQ(CLASS_OF(0x48, 0x8d, 0x3d, 0, 0, 0, 0), INSN_KPROBE_RIP_RELATIVE);
	EXPECT_EQ(CLASS_OF(0xf0, 0x83, 0x05, 0, 0, 0, 0, 1), INSN_KPROBE_RIP_RELATIVE);
	EXPECT_EQ(CLASS_OF(0xc4, 0xe2, 0x7d, 0x18, 0x05, 0, 0, 0, 0), INSN_KPROBE_RIP_RELATIVE);
	EXPECT_EQ(CLASS_OF(0x8b, 0x04, 0x25, 0, 0x10, 0, 0), INSN_KPROBE_SAFE_TO_STEP);

	/* refused */
	EXPECT_EQ(CLASS_OF(0xcc), INSN_KPROBE_REJECT);
	EXPECT_EQ(CLASS_OF(0xcd, 0x80), INSN_KPROBE_REJECT);
	EXPECT_EQ(CLASS_OF(0xf1), INSN_KPROBE_REJECT);
	EXPECT_EQ(CLASS_OF(0x48, 0xcf), INSN_KPROBE_REJECT);			/* iretq */
	EXPECT_EQ(CLASS_OF(0xf4), INSN_KPROBE_REJECT);
	EXPECT_EQ(CLASS_OF(0xfa), INSN_KPROBE_REJECT);
	EXPECT_EQ(CLASS_OF(0xfb), INSN_KPROBE_REJECT);
	EXPECT_EQ(CLASS_OF(0x9c), INSN_KPROBE_REJECT);
	EXPECT_EQ(CLASS_OF(0x9d), INSN_KPROBE_REJECT);
	EXPECT_EQ(CLASS_OF(0xcb), INSN_KPROBE_REJECT);
	EXPECT_EQ(CLASS_OF(0x48, 0xca, 0x08, 0x00), INSN_KPROBE_REJECT);
	EXPECT_EQ(CLASS_OF(0xff, 0x18), INSN_KPROBE_REJECT);			/* lcall *(%rax) */
	EXPECT_EQ(CLASS_OF(0xff, 0x28), INSN_KPROBE_REJECT);			/* ljmp *(%rax) */
	EXPECT_EQ(CLASS_OF(0x8e, 0xd0), INSN_KPROBE_REJECT);			/* mov %eax,%ss */
	EXPECT_EQ(CLASS_OF(0x0f, 0x05), INSN_KPROBE_REJECT);			/* syscall */
	EXPECT_EQ(CLASS_OF(0x48, 0x0f, 0x07), INSN_KPROBE_REJECT);		/* sysretq */
	EXPECT_EQ(CLASS_OF(0x0f, 0x34), INSN_KPROBE_REJECT);
	EXPECT_EQ(CLASS_OF(0x0f, 0x0b), INSN_KPROBE_REJECT);			/* ud2 */
	EXPECT_EQ(CLASS_OF(0x0f, 0xb9, 0xc0), INSN_KPROBE_REJECT);
	EXPECT_EQ(CLASS_OF(0x0f, 0x0f, 0xc1, 0xb4), INSN_KPROBE_REJECT);	/* 3DNow! */
	EXPECT_EQ(CLASS_OF(0x0f, 0x23, 0xf8), INSN_KPROBE_REJECT);		/* mov to %dr7 */
	EXPECT_EQ(CLASS_OF(0x0f, 0x21, 0xf0), INSN_KPROBE_REJECT);
	EXPECT_EQ(CLASS_OF(0x0f, 0x01, 0xf8), INSN_KPROBE_REJECT);		/* swapgs */
	EXPECT_EQ(CLASS_OF(0x0f, 0x01, 0xc9), INSN_KPROBE_REJECT);		/* mwait */
	EXPECT_EQ(CLASS_OF(0x0f, 0x01, 0x10), INSN_KPROBE_REJECT);		/* lgdt */
	EXPECT_EQ(CLASS_OF(0x0f, 0x00, 0xd8), INSN_KPROBE_REJECT);		/* ltr */
	EXPECT_EQ(CLASS_OF(0x0f, 0xa9), INSN_KPROBE_REJECT);			/* pop %gs */
	EXPECT_EQ(CLASS_OF(0xc7, 0xf8, 0, 0, 0, 0), INSN_KPROBE_REJECT);	/* xbegin */
}

static void test_is_boundary(void)
{
	/* push %rbp; mov %rsp,%rbp; mov $1,%eax; pop %rbp; ret */
	static const u8 fn[] = {
		0x55, 0x48, 0x89, 0xe5, 0xb8, 0x01, 0x00, 0x00, 0x00, 0x5d, 0xc3,
	};
	static const bool starts[] = {
		1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 1,
	};
	static const u8 bad[] = { 0x90, 0x06, 0x90 };
	size_t k;

	for (k = 0; k < sizeof(fn); k++)
		EXPECT_EQ(insn_is_boundary(fn, sizeof(fn), k), starts[k]);
	EXPECT_TRUE(!insn_is_boundary(fn, sizeof(fn), sizeof(fn)));
	EXPECT_TRUE(!insn_is_boundary(fn, 4, 4));
	EXPECT_TRUE(insn_is_boundary(bad, sizeof(bad), 1));
	EXPECT_TRUE(!insn_is_boundary(bad, sizeof(bad), 2));	/* past an invalid byte */
	EXPECT_TRUE(!insn_is_boundary(fn, 3, 2));		/* truncated mov */
}

/* ---- objdump cross-check ------------------------------------------------------------ */

#define RUN_MAX		65536
#define MAX_SHOWN	20

struct od_insn {
	unsigned long	addr;
	u8		len;
	u8		bytes[MAX_INSN_SIZE];
	char		text[64];
	bool		prefix_only;	/* objdump printed a prefix as an instruction */
};

struct od_stats {
	unsigned long	insns, mismatches, functions, skipped;
};

struct od_run {
	char		func[128];
	struct od_insn	insn[RUN_MAX];
	size_t		n;
	bool		bad;
};

static u8 od_buf[RUN_MAX * MAX_INSN_SIZE];

/* Decode the run's bytes as one stream from its start and compare every boundary. */
static void od_check_run(struct od_run *run, struct od_stats *st)
{
	size_t k, total = 0, off = 0;

	if (!run->n)
		return;
	if (run->bad) {
		st->skipped++;
		goto out;
	}
	for (k = 0; k < run->n; k++) {
		memcpy(od_buf + total, run->insn[k].bytes, run->insn[k].len);
		total += run->insn[k].len;
	}
	st->functions++;
	for (k = 0; k < run->n; k++) {
		struct od_insn *oi = &run->insn[k];
		struct insn insn;
		int ret = insn_decode(&insn, od_buf + off, total - off);
		unsigned int len = oi->len;

		/* objdump folds fwait (9B, an instruction of its own) into fstcw and co. */
		if (!ret && oi->bytes[0] == 0x9b && len > 1 && insn.length == 1) {
			ret = insn_decode(&insn, od_buf + off + 1, total - off - 1);
			len--;
		}
		st->insns++;
		if (ret || insn.length != len) {
			if (st->mismatches++ < MAX_SHOWN) {
				fprintf(stderr, "decode_insn: <%s> %lx: ret %d len %d, objdump %d:",
					run->func, oi->addr, ret, insn.length, oi->len);
				for (unsigned int b = 0; b < oi->len; b++)
					fprintf(stderr, " %02x", oi->bytes[b]);
				fprintf(stderr, "\t%s\n", oi->text);
			}
		}
		off += oi->len;		/* resynchronise on objdump's boundary */
	}
out:
	run->n = 0;
	run->bad = false;
}

/* "  4011d6:\t48 83 ec 08          \tsub    $0x8,%rsp" */
static bool od_parse_insn(const char *line, struct od_insn *oi, bool *bad)
{
	const char *p = line, *tab;
	char *end;
	unsigned int n = 0;

	while (*p == ' ')
		p++;
	oi->addr = strtoul(p, &end, 16);
	if (end == p || end[0] != ':' || end[1] != '\t')
		return false;
	p = end + 2;
	tab = strchr(p, '\t');
	for (;;) {
		unsigned long v;

		while (*p == ' ')
			p++;
		if (!*p || *p == '\t' || *p == '\n')
			break;
		v = strtoul(p, &end, 16);
		if (end - p != 2)
			return false;
		if (n == MAX_INSN_SIZE) {
			*bad = true;
			return false;
		}
		oi->bytes[n++] = (u8)v;
		p = end;
	}
	oi->len = n;
	snprintf(oi->text, sizeof(oi->text), "%s", tab ? tab + 1 : "");
	oi->text[strcspn(oi->text, "\n")] = '\0';
	if (strstr(oi->text, "(bad)") || !n || !tab)
		*bad = true;
	return n;
}

/*
 * objdump prints a prefix it finds meaningless (a REX followed by another REX, a lone
 * data16) as an instruction of its own; the CPU, like the decoder, takes it as part of
 * the next instruction. Such lines are merged into the line that follows.
 */
static bool od_lone_prefix(const struct od_insn *oi)
{
	static const char *const names[] = {
		"data16", "addr32", "lock", "rep", "repz", "repnz", "cs", "ds", "es", "ss",
		"fs", "gs",
	};
	size_t k;

	if (oi->len != 1 || strchr(oi->text, ' '))
		return false;
	if (!strncmp(oi->text, "rex", 3))
		return true;
	for (k = 0; k < ARRAY_SIZE(names); k++)
		if (!strcmp(oi->text, names[k]))
			return true;
	return false;
}

/*
 * Run objdump over @path (between @start and @stop when @stop is non-zero) and check every
 * function. Returns the number of instructions compared, or -1 if objdump could not run.
 */
static long od_check_file(const char *path, unsigned long start, unsigned long stop,
			  struct od_stats *st)
{
	static struct od_run run;
	static char line[4096];
	struct od_insn oi;
	char cmd[1024];
	FILE *f;
	unsigned long before = st->insns;

	if (stop)
		snprintf(cmd, sizeof(cmd),
			 "objdump -d -w --start-address=0x%lx --stop-address=0x%lx '%s' 2>/dev/null",
			 start, stop, path);
	else
		snprintf(cmd, sizeof(cmd), "objdump -d -w '%s' 2>/dev/null", path);
	f = popen(cmd, "r");
	if (!f)
		return -1;
	run.n = 0;
	run.bad = false;
	while (fgets(line, sizeof(line), f)) {
		char *lt = strchr(line, '<');

		if (line[0] != ' ' && lt && strstr(line, ">:")) {	/* function header */
			od_check_run(&run, st);
			snprintf(run.func, sizeof(run.func), "%.*s",
				 (int)strcspn(lt + 1, ">"), lt + 1);
			continue;
		}
		if (!strncmp(line, "Disassembly of section", 22) || !strcmp(line, "\t...\n")) {
			od_check_run(&run, st);
			continue;
		}
		if (!od_parse_insn(line, &oi, &run.bad))
			continue;
		oi.prefix_only = od_lone_prefix(&oi);
		if (run.n && run.insn[run.n - 1].prefix_only &&
		    run.insn[run.n - 1].addr + run.insn[run.n - 1].len == oi.addr) {
			struct od_insn *last = &run.insn[run.n - 1];

			if (last->len + oi.len > MAX_INSN_SIZE) {
				run.bad = true;
				continue;
			}
			memcpy(last->bytes + last->len, oi.bytes, oi.len);
			last->len += oi.len;
			last->prefix_only = oi.prefix_only;
			snprintf(last->text, sizeof(last->text), "%s", oi.text);
			continue;
		}
		if (run.n && (run.n == RUN_MAX ||
			      run.insn[run.n - 1].addr + run.insn[run.n - 1].len != oi.addr)) {
			bool bad = run.bad;

			od_check_run(&run, st);	/* not contiguous: a new stream */
			run.bad = bad;
		}
		run.insn[run.n++] = oi;
	}
	/* A bounded dump may end inside the last function: drop it. */
	if (stop)
		run.n = 0;
	od_check_run(&run, st);
	if (pclose(f) != 0)
		return -1;
	return st->insns - before;
}

/* .text bounds from objdump -h, to sample the first @bytes of a large binary. */
static bool od_text_range(const char *path, unsigned long bytes, unsigned long *start,
			  unsigned long *stop)
{
	char cmd[1024], line[512];
	unsigned long size, vma;
	bool found = false;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "objdump -h '%s' 2>/dev/null", path);
	f = popen(cmd, "r");
	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		int idx;
		char name[64];

		if (sscanf(line, "%d %63s %lx %lx", &idx, name, &size, &vma) == 4 &&
		    !strcmp(name, ".text")) {
			*start = vma;
			*stop = vma + (size < bytes ? size : bytes);
			found = true;
		}
	}
	pclose(f);
	return found;
}

static void od_report(const char *path, long n, const struct od_stats *st)
{
	printf("decode_insn: %s: %ld instructions, %lu functions (%lu skipped), "
	       "%lu mismatches\n", path, n, st->functions, st->skipped, st->mismatches);
}

static void check_one(const char *path, unsigned long sample, unsigned long min_insns)
{
	struct od_stats st = { 0 };
	unsigned long start = 0, stop = 0;
	long n;

	if (sample && !od_text_range(path, sample, &start, &stop)) {
		fprintf(stderr, "decode_insn: no .text in %s\n", path);
		unit_failed_asserts++;
		return;
	}
	n = od_check_file(path, start, stop, &st);
	od_report(path, n, &st);
	EXPECT_TRUE(n >= 0);
	EXPECT_TRUE((unsigned long)n >= min_insns);
	EXPECT_EQ(st.mismatches, 0);
}

static void test_objdump_cross_check(void)
{
	const char *env = getenv("DECODE_INSN_OBJDUMP");
	const char *sample_env = getenv("DECODE_INSN_SAMPLE");
	unsigned long sample = sample_env ? strtoul(sample_env, NULL, 0) : 0x100000;
	static const char *const defaults[] = {
		"/usr/lib/x86_64-linux-gnu/libc.so.6",
		"/lib64/libc.so.6",
	};
	char cc1[512] = "";
	FILE *f;
	size_t k;

	if (system("objdump --version >/dev/null 2>&1") != 0) {
		printf("decode_insn: objdump not found, cross-check skipped\n");
		return;
	}
	if (env && *env) {
		char *paths = strdup(env), *save = NULL, *p;

		for (p = strtok_r(paths, ":", &save); p; p = strtok_r(NULL, ":", &save))
			check_one(p, 0, 1);
		free(paths);
		return;
	}
	for (k = 0; k < ARRAY_SIZE(defaults); k++) {
		if (access(defaults[k], R_OK) == 0) {
			check_one(defaults[k], 0, 1000);
			break;
		}
	}
	f = popen("cc -print-prog-name=cc1 2>/dev/null", "r");
	if (f) {
		if (fgets(cc1, sizeof(cc1), f))
			cc1[strcspn(cc1, "\n")] = '\0';
		pclose(f);
	}
	if (cc1[0] == '/' && access(cc1, R_OK) == 0)
		check_one(cc1, sample, 1000);
	if (access("build/x86_64/starling", R_OK) == 0)
		check_one("build/x86_64/starling", 0, 1);
}

UNIT_TEST_MAIN(
	UNIT_CASE(test_plain_one_byte),
	UNIT_CASE(test_operand_size_iz),
	UNIT_CASE(test_imm64_and_moffs),
	UNIT_CASE(test_group3_test_imm),
	UNIT_CASE(test_enter_ret_imm),
	UNIT_CASE(test_two_and_three_byte_maps),
	UNIT_CASE(test_vex_evex_lengths),
	UNIT_CASE(test_modrm_sib_disp),
	UNIT_CASE(test_invalid_and_truncated),
	UNIT_CASE(test_rex_rules),
	UNIT_CASE(test_classify),
	UNIT_CASE(test_is_boundary),
	UNIT_CASE(test_objdump_cross_check),
)
