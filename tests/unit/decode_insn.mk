# SPDX-License-Identifier: GPL-2.0-only
# Host test of the x86-64 instruction decoder: hand-written encodings plus an objdump
# cross-check of whole binaries (tests/unit/decode_insn_objdump.sh runs it on any file).
UNIT_TESTS		+= decode_insn
decode_insn_ARCH	:= x86_64
decode_insn_SRCS	:= tests/unit/decode_insn_test.c tests/unit/decode_insn_wrap.c
# The wrapper #includes the real source: rebuild when it or the header changes.
build/host/decode_insn: arch/x86_64/kernel/decode-insn.c arch/x86_64/include/asm/insn.h
