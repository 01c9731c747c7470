# SPDX-License-Identifier: GPL-2.0-only
# Host test of kmalloc (mm/slab.c) on top of the real buddy allocator and a fake RAM.
UNIT_TESTS		+= slab
slab_SRCS		:= tests/unit/slab_test.c mm/page_alloc.c mm/slab.c lib/kstrtox.c
slab_CFLAGS		:= -include include/starling/slab.h -include include/starling/mm.h
$(call unit_bin,slab): include/starling/mm_types.h mm/internal.h
