// SPDX-License-Identifier: GPL-2.0-only
/*
 * The exec loader's ELF checks (kernel/elf_parse.c) on hand-built headers, then a replay of
 * the fuzz corpus (tests/unit/fuzz/corpus/elf/, seeded with real static executables).
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <starling/binfmts.h>
#include <starling/errno.h>
#include "unit.h"
#include "fuzz_replay.h"

#define TSIZE	0x00007ffffffff000UL
#define CORPUS	"tests/unit/fuzz/corpus/elf"

struct image {
	struct elf64_hdr eh;
	struct elf64_phdr ph[3];
};

static void make_exec(struct image *im)
{
	memset(im, 0, sizeof(*im));
	memcpy(im->eh.e_ident, ELFMAG, 4);
	im->eh.e_ident[4] = ELFCLASS64;
	im->eh.e_ident[5] = ELFDATA2LSB;
	im->eh.e_ident[6] = EV_CURRENT;
	im->eh.e_type = ET_EXEC;
	im->eh.e_machine = EM_X86_64;
	im->eh.e_version = EV_CURRENT;
	im->eh.e_entry = 0x401000;
	im->eh.e_phoff = sizeof(im->eh);
	im->eh.e_phentsize = sizeof(struct elf64_phdr);
	im->eh.e_phnum = 3;
	im->ph[0] = (struct elf64_phdr){ .p_type = PT_LOAD, .p_flags = PF_R, .p_offset = 0,
		.p_vaddr = 0x400000, .p_filesz = 0x1000, .p_memsz = 0x1000 };
	im->ph[1] = (struct elf64_phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X,
		.p_offset = 0x1000, .p_vaddr = 0x401000, .p_filesz = 0x800, .p_memsz = 0x800 };
	im->ph[2] = (struct elf64_phdr){ .p_type = PT_GNU_STACK, .p_flags = PF_R | PF_W };
}

static int parse(struct image *im, struct elf_info *info)
{
	int ret = elf_check_header(im, sizeof(*im));

	return ret ? ret : elf_parse_phdrs(&im->eh, im->ph, TSIZE, info);
}

static void test_valid_exec(void)
{
	struct image im;
	struct elf_info info;

	make_exec(&im);
	EXPECT_EQ(parse(&im, &info), 0);
	EXPECT_EQ(info.nr_load, 2);
	EXPECT_EQ(info.min_vaddr, 0x400000);
	EXPECT_EQ(info.max_vaddr, 0x401800);
	EXPECT_EQ(info.phdr_vaddr, 0x400040);	/* inside the first segment */
	EXPECT_TRUE(!info.exec_stack);
	EXPECT_TRUE(!info.has_interp);
}

static void test_static_pie(void)
{
	struct image im;
	struct elf_info info;

	make_exec(&im);
	im.eh.e_type = ET_DYN;
	im.eh.e_entry = 0x1000;
	im.ph[0].p_vaddr = 0;
	im.ph[1].p_vaddr = 0x1000;
	EXPECT_EQ(parse(&im, &info), 0);
	EXPECT_EQ(info.type, ET_DYN);
	EXPECT_EQ(info.min_vaddr, 0);
}

static void test_bad_headers(void)
{
	struct image im;
	struct elf_info info;

	make_exec(&im);
	im.eh.e_ident[0] = 0;
	EXPECT_EQ(parse(&im, &info), -ENOEXEC);
	make_exec(&im);
	im.eh.e_machine = 3;			/* EM_386 */
	EXPECT_EQ(parse(&im, &info), -ENOEXEC);
	make_exec(&im);
	im.eh.e_ident[4] = 1;			/* ELFCLASS32 */
	EXPECT_EQ(parse(&im, &info), -ENOEXEC);
	make_exec(&im);
	im.eh.e_type = 1;			/* ET_REL */
	EXPECT_EQ(parse(&im, &info), -ENOEXEC);
	make_exec(&im);
	im.eh.e_phentsize = 32;
	EXPECT_EQ(parse(&im, &info), -ENOEXEC);
	make_exec(&im);
	im.eh.e_phnum = 0;
	EXPECT_EQ(parse(&im, &info), -ENOEXEC);
	make_exec(&im);
	im.eh.e_phoff = ~0UL - 8;
	EXPECT_EQ(parse(&im, &info), -ENOEXEC);
	EXPECT_EQ(elf_check_header(&im, 10), -ENOEXEC);
}

static void test_bad_segments(void)
{
	struct image im;
	struct elf_info info;

	make_exec(&im);
	im.ph[1].p_filesz = 0x900;
	im.ph[1].p_memsz = 0x800;		/* file bigger than memory */
	EXPECT_EQ(parse(&im, &info), -ENOEXEC);
	make_exec(&im);
	im.ph[1].p_offset = 0x1010;		/* not congruent with the address */
	EXPECT_EQ(parse(&im, &info), -ENOEXEC);
	make_exec(&im);
	im.ph[1].p_vaddr = TSIZE - 0x1000;
	im.ph[1].p_memsz = 0x1800;		/* runs past the end of user space */
	EXPECT_EQ(parse(&im, &info), -EINVAL);
	make_exec(&im);
	im.ph[1].p_memsz = ~0UL;		/* wraps */
	EXPECT_EQ(parse(&im, &info), -EINVAL);
	make_exec(&im);
	im.ph[0].p_type = PT_NULL;
	im.ph[1].p_type = PT_NULL;
	EXPECT_EQ(parse(&im, &info), -ENOEXEC);	/* nothing to load */
	make_exec(&im);
	im.eh.e_entry = 0x10;			/* entry outside every segment */
	EXPECT_EQ(parse(&im, &info), -ENOEXEC);
	make_exec(&im);
	im.ph[2].p_type = PT_INTERP;
	EXPECT_EQ(parse(&im, &info), 0);
	EXPECT_TRUE(info.has_interp);
	EXPECT_TRUE(info.exec_stack);		/* no PT_GNU_STACK: executable, as Linux */
}

static void test_replay_corpus(void)
{
	EXPECT_TRUE(replay_corpus(CORPUS) >= 3);
}

UNIT_TEST_MAIN(UNIT_CASE(test_valid_exec), UNIT_CASE(test_static_pie),
	       UNIT_CASE(test_bad_headers), UNIT_CASE(test_bad_segments),
	       UNIT_CASE(test_replay_corpus))
