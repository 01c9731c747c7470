# SPDX-License-Identifier: GPL-2.0-only
# Host test of lib/. Each lib/*.c is compiled through a tests/unit/lib_wrap_*.c that renames
# its exported functions to k_<name> (see lib_rename.h), so the test links both them and the
# host C library and can compare the two.
UNIT_TESTS	+= lib
lib_SRCS	:= tests/unit/lib_test.c tests/unit/lib_wrap_string.c \
		   tests/unit/lib_wrap_vsprintf.c tests/unit/lib_wrap_kstrtox.c \
		   tests/unit/lib_wrap_sort.c
lib_CFLAGS	:= -fno-builtin
# The wrappers #include the real sources: rebuild when those change too.
$(call unit_bin,lib): lib/string.c lib/vsprintf.c lib/kstrtox.c lib/sort.c tests/unit/lib_rename.h
