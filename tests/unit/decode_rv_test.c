// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of the riscv64 kprobe decoder (arch/riscv64/kernel/decode-insn.c): lengths,
 * classes and simulated results of hand-assembled encodings (checked against GNU as), then
 * a cross-check over a whole riscv64 binary: every instruction objdump -d lists must have
 * the length rv_insn_len() gives, and every jal, branch, c.j, c.beqz and c.bnez the target
 * objdump prints, when simulated on register files that take it. The binary is
 * $DECODE_RV_OBJDUMP or build/riscv64/starling; the cross-check is skipped (with a line
 * saying so) when neither it nor riscv64-linux-gnu-objdump is there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#undef __always_inline		/* the host's; <starling/compiler.h> has its own */
#include <asm/insn.h>
#include "unit.h"

#define PC	0xffffffff80200000UL

/* x[1..31]; x[0] is a canary that a simulation must never touch. */
static unsigned long x[32];

static void regs_zero(void)
{
	memset(x, 0, sizeof(x));
	x[0] = 0xdeadbeef;
}

/* x[i] = @sign * i: every pair of registers differs, in both orders over the test. */
static void regs_index(long sign)
{
	for (int i = 0; i < 32; i++)
		x[i] = sign * i;
	x[0] = 0xdeadbeef;
}

static void test_lengths(void)
{
	EXPECT_EQ(rv_insn_len(0x0073), 4);	/* ebreak's low parcel */
	EXPECT_EQ(rv_insn_len(0x9002), 2);	/* c.ebreak */
	EXPECT_EQ(rv_insn_len(0x7159), 2);	/* c.addi16sp */
	EXPECT_EQ(rv_insn_len(0x0001), 2);	/* c.nop */
	EXPECT_EQ(rv_insn_len(0x0113), 4);	/* addi's low parcel */
}

static void test_classes(void)
{
	static const struct { u32 insn; enum rv_insn_class cls; const char *what; } t[] = {
		{ 0x001000ef, RV_INSN_SIMULATE, "jal ra" },
		{ 0x8000006f, RV_INSN_SIMULATE, "j" },
		{ 0x010500e7, RV_INSN_SIMULATE, "jalr 16(a0)" },
		{ 0xffc08067, RV_INSN_SIMULATE, "jr -4(ra)" },
		{ 0x12345297, RV_INSN_SIMULATE, "auipc" },
		{ 0x7eb50f63, RV_INSN_SIMULATE, "beq" },
		{ 0x00b57463, RV_INSN_SIMULATE, "bgeu" },
		{ 0x00b52463, RV_INSN_REJECT, "branch funct3 2 (reserved)" },
		{ 0x00b51067 | 0x1000, RV_INSN_REJECT, "jalr funct3 1 (reserved)" },
		{ 0x00000073, RV_INSN_REJECT, "ecall" },
		{ 0x00100073, RV_INSN_REJECT, "ebreak" },
		{ 0x10002573, RV_INSN_REJECT, "csrr" },
		{ 0x10200073, RV_INSN_REJECT, "sret" },
		{ 0x10500073, RV_INSN_REJECT, "wfi" },
		{ 0x0ff0000f, RV_INSN_REJECT, "fence" },
		{ 0x0000100f, RV_INSN_REJECT, "fence.i" },
		{ 0x1005b52f, RV_INSN_REJECT, "lr.d" },
		{ 0x18c5a52f, RV_INSN_REJECT, "sc.w" },
		{ 0x00c5b52f, RV_INSN_STEP, "amoadd.d" },
		{ 0xff010113, RV_INSN_SIMULATE, "addi sp" },
		{ 0x0005c513, RV_INSN_STEP, "xori" },
		{ 0x00813503, RV_INSN_STEP, "ld" },
		{ 0x0000001f, RV_INSN_REJECT, "48-bit" },
		{ 0xaffd, RV_INSN_SIMULATE, "c.j" },
		{ 0x8082, RV_INSN_SIMULATE, "c.jr ra" },
		{ 0x9782, RV_INSN_SIMULATE, "c.jalr a5" },
		{ 0xcc7d, RV_INSN_SIMULATE, "c.beqz" },
		{ 0xf381, RV_INSN_SIMULATE, "c.bnez" },
		{ 0x9002, RV_INSN_REJECT, "c.ebreak" },
		{ 0x8002, RV_INSN_REJECT, "c.jr x0 (reserved)" },
		{ 0x0000, RV_INSN_REJECT, "all-zero parcel" },
		{ 0x2505, RV_INSN_STEP, "c.addiw (c.jal on RV32)" },
		{ 0x7139, RV_INSN_SIMULATE, "c.addi16sp" },
		{ 0x6505, RV_INSN_STEP, "c.lui" },
		{ 0x852e, RV_INSN_SIMULATE, "c.mv" },
		{ 0x5575, RV_INSN_SIMULATE, "c.li" },
		{ 0x0515, RV_INSN_SIMULATE, "c.addi" },
		{ 0x952e, RV_INSN_STEP, "c.add" },
		{ 0x0001, RV_INSN_SIMULATE, "c.nop" },
		{ 0x0028, RV_INSN_STEP, "c.addi4spn" },
		/* tp is the hart's: never simulated into the saved registers */
		{ 0x822a, RV_INSN_STEP, "c.mv tp" },
		{ 0x4205, RV_INSN_STEP, "c.li tp" },
		{ 0x00850213, RV_INSN_STEP, "addi tp" },
		{ 0x0080026f, RV_INSN_REJECT, "jal tp" },
		{ 0x00001217, RV_INSN_REJECT, "auipc tp" },
		{ 0x00050267, RV_INSN_REJECT, "jalr tp" },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		enum rv_insn_class c = rv_insn_classify(t[i].insn);

		if (c != t[i].cls) {
			fprintf(stderr, "%s: class %d, expected %d\n", t[i].what, c, t[i].cls);
			unit_failed_asserts++;
		}
	}
}

static void test_simulate(void)
{
	regs_zero();
	EXPECT_EQ(rv_insn_simulate(0x001000ef, PC, x), PC + 0x800);	/* jal ra, .+0x800 */
	EXPECT_EQ(x[1], PC + 4);
	EXPECT_EQ(rv_insn_simulate(0x8000006f, PC, x), PC - 0x100000);	/* j .-0x100000 */
	EXPECT_EQ(x[0], 0xdeadbeef);					/* rd = x0 */

	regs_zero();
	x[10] = 0x1001;							/* jalr ra, 16(a0) */
	EXPECT_EQ(rv_insn_simulate(0x010500e7, PC, x), 0x1010);		/* bit 0 cleared */
	EXPECT_EQ(x[1], PC + 4);
	x[1] = 0x2000;							/* jr -4(ra) */
	EXPECT_EQ(rv_insn_simulate(0xffc08067, PC, x), 0x1ffc);
	EXPECT_EQ(x[1], 0x2000);
	x[1] = 0x3000;							/* jalr ra, 0(ra): rs1 first */
	EXPECT_EQ(rv_insn_simulate(0x000080e7, PC, x), 0x3000);
	EXPECT_EQ(x[1], PC + 4);

	regs_zero();
	EXPECT_EQ(rv_insn_simulate(0x12345297, PC, x), PC + 4);		/* auipc t0, 0x12345 */
	EXPECT_EQ(x[5], PC + 0x12345000);
	EXPECT_EQ(rv_insn_simulate(0xfffff517, PC, x), PC + 4);		/* auipc a0, 0xfffff */
	EXPECT_EQ(x[10], PC - 0x1000);

	regs_zero();							/* a0 == a1 == 0 */
	EXPECT_EQ(rv_insn_simulate(0x7eb50f63, PC, x), PC + 0x7fe);	/* beq: taken */
	EXPECT_EQ(rv_insn_simulate(0x80051063, PC, x), PC + 4);		/* bnez a0: not */
	x[10] = 1;
	EXPECT_EQ(rv_insn_simulate(0x80051063, PC, x), PC - 0x1000);	/* bnez a0: taken */
	x[10] = -1UL, x[11] = 1;
	EXPECT_EQ(rv_insn_simulate(0x00b54463, PC, x), PC + 8);		/* blt -1 < 1 */
	EXPECT_EQ(rv_insn_simulate(0x00b55463, PC, x), PC + 4);		/* bge */
	EXPECT_EQ(rv_insn_simulate(0x00b56463, PC, x), PC + 4);		/* bltu: ~0 > 1 */
	EXPECT_EQ(rv_insn_simulate(0x00b57463, PC, x), PC + 8);		/* bgeu */

	regs_zero();
	EXPECT_EQ(rv_insn_simulate(0xaffd, PC, x), PC + 0x7fe);		/* c.j .+0x7fe */
	EXPECT_EQ(rv_insn_simulate(0xb001, PC, x), PC - 0x800);		/* c.j .-0x800 */
	x[1] = 0x4003;
	EXPECT_EQ(rv_insn_simulate(0x8082, PC, x), 0x4002);		/* c.jr ra */
	x[15] = 0x5000;
	EXPECT_EQ(rv_insn_simulate(0x9782, PC, x), 0x5000);		/* c.jalr a5 */
	EXPECT_EQ(x[1], PC + 2);
	x[8] = 1;
	EXPECT_EQ(rv_insn_simulate(0xcc7d, PC, x), PC + 2);		/* c.beqz s0, s0 = 1 */
	regs_zero();
	EXPECT_EQ(rv_insn_simulate(0xcc7d, PC, x), PC + 0xfe);		/* s0 = 0: taken */
	EXPECT_EQ(rv_insn_simulate(0xf381, PC, x), PC + 2);		/* c.bnez a5, a5 = 0 */
	x[15] = 7;
	EXPECT_EQ(rv_insn_simulate(0xf381, PC, x), PC - 0x100);
	EXPECT_EQ(x[0], 0xdeadbeef);

	/* addi and its compressed forms */
	regs_index(1);
	EXPECT_EQ(rv_insn_simulate(0xff010113, PC, x), PC + 4);		/* addi sp, sp, -16 */
	EXPECT_EQ(x[2], 2 - 16);
	EXPECT_EQ(rv_insn_simulate(0x80058513, PC, x), PC + 4);		/* addi a0, a1, -2048 */
	EXPECT_EQ(x[10], 11 - 2048);
	EXPECT_EQ(rv_insn_simulate(0x5575, PC, x), PC + 2);		/* c.li a0, -3 */
	EXPECT_EQ(x[10], -3);
	EXPECT_EQ(rv_insn_simulate(0x0515, PC, x), PC + 2);		/* c.addi a0, 5 */
	EXPECT_EQ(x[10], 2);
	x[2] = 0x1000;
	EXPECT_EQ(rv_insn_simulate(0x617d, PC, x), PC + 2);		/* c.addi16sp sp, 496 */
	EXPECT_EQ(x[2], 0x1000 + 496);
	EXPECT_EQ(rv_insn_simulate(0x7101, PC, x), PC + 2);		/* c.addi16sp sp, -512 */
	EXPECT_EQ(x[2], 0x1000 + 496 - 512);
	EXPECT_EQ(rv_insn_simulate(0x7159, PC, x), PC + 2);		/* c.addi16sp sp, -112 */
	EXPECT_EQ(x[2], 0x1000 + 496 - 512 - 112);
	EXPECT_EQ(rv_insn_simulate(0x852e, PC, x), PC + 2);		/* c.mv a0, a1 */
	EXPECT_EQ(x[10], 11);
	EXPECT_EQ(rv_insn_simulate(0x0001, PC, x), PC + 2);		/* c.nop */
	EXPECT_EQ(x[0], 0xdeadbeef);
}

/* ---- objdump cross-check ------------------------------------------------------------ */

static bool has_target(const char *mn)
{
	static const char *const m[] = { "jal", "j", "beq", "bne", "blt", "bge", "bltu", "bgeu",
					 "beqz", "bnez", "blez", "bgez", "bltz", "bgtz", "bgt",
					 "ble", "bgtu", "bleu", NULL };

	for (int i = 0; m[i]; i++)
		if (!strcmp(mn, m[i]))
			return true;
	return false;
}

/* Whether @insn at @pc goes to @target on one of three register files: 0, i, -i. */
static bool reaches(u32 insn, unsigned long pc, unsigned long target)
{
	regs_zero();
	if (rv_insn_simulate(insn, pc, x) == target)
		return true;
	regs_index(1);
	if (rv_insn_simulate(insn, pc, x) == target)
		return true;
	regs_index(-1);
	return rv_insn_simulate(insn, pc, x) == target;
}

static void test_objdump(void)
{
	const char *bin = getenv("DECODE_RV_OBJDUMP");
	unsigned long lines = 0, targets = 0;
	char cmd[512], line[512];
	FILE *f;

	if (!bin)
		bin = "build/riscv64/starling";
	if (access(bin, R_OK)) {
		printf("decode_rv: %s not built: objdump cross-check skipped\n", bin);
		return;
	}
	snprintf(cmd, sizeof(cmd), "riscv64-linux-gnu-objdump -d %s 2>/dev/null", bin);
	f = popen(cmd, "r");
	if (!f) {
		printf("decode_rv: riscv64-linux-gnu-objdump missing: cross-check skipped\n");
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		unsigned long pc, target;
		char hex[16], mn[16], ops[256];
		unsigned int insn;
		int n = sscanf(line, " %lx:\t%15[0-9a-f] \t%15s %255[^\n]", &pc, hex, mn, ops);
		size_t len;

		if (n < 3 || mn[0] == '.')
			continue;	/* not an instruction line, or data (.word) in text */
		len = strlen(hex);
		if (len != 4 && len != 8)
			continue;
		insn = strtoul(hex, NULL, 16);
		lines++;
		if (rv_insn_len(insn & 0xffff) != len / 2) {
			fprintf(stderr, "decode_rv: %lx %s: length %u, objdump %zu\n", pc, hex,
				rv_insn_len(insn & 0xffff), len / 2);
			unit_failed_asserts++;
			continue;
		}
		if (n < 4 || !has_target(mn) || rv_insn_classify(insn) != RV_INSN_SIMULATE)
			continue;
		/* "jal 800 <sym>", "beqz a5,ffffffff80200010 <sym+0x10>": the last hex word */
		{
			char *sp = strrchr(ops, ' '), *start;

			if (!sp || !strchr(ops, '<'))
				continue;
			*sp = '\0';
			start = strrchr(ops, ',');
			start = start ? start + 1 : ops;
			target = strtoul(start, NULL, 16);
		}
		if (!reaches(insn, pc, target)) {
			fprintf(stderr, "decode_rv: %lx %s %s: target not %lx\n", pc, hex, mn,
				target);
			unit_failed_asserts++;
			continue;
		}
		targets++;
	}
	pclose(f);
	if (!lines) {
		printf("decode_rv: objdump listed nothing for %s: cross-check skipped\n", bin);
		return;
	}
	printf("decode_rv: %lu instructions of %s checked, %lu jump targets\n", lines, bin,
	       targets);
	EXPECT_TRUE(targets > 1000);
}

UNIT_TEST_MAIN(
	UNIT_CASE(test_lengths),
	UNIT_CASE(test_classes),
	UNIT_CASE(test_simulate),
	UNIT_CASE(test_objdump),
)
