# SPDX-License-Identifier: GPL-2.0-only
# Host test of the buddy allocator (mm/page_alloc.c) over a malloc'ed "physical memory" that
# the <asm/page.h> shim maps with unit_page_offset. The real mm.h and slab.h are forced in
# ahead of the malloc-backed shims, since this test links the real allocator.
UNIT_TESTS		+= page_alloc
page_alloc_SRCS		:= tests/unit/page_alloc_test.c mm/page_alloc.c mm/slab.c lib/kstrtox.c
page_alloc_CFLAGS	:= -include include/starling/slab.h -include include/starling/mm.h
$(call unit_bin,page_alloc): include/starling/mm_types.h mm/internal.h
