# SPDX-License-Identifier: GPL-2.0-only
# Host test of the riscv64 kprobe instruction classes and the simulation of pc-relative
# instructions: hand-written encodings plus an objdump cross-check of the riscv64 kernel.
UNIT_TESTS		+= decode_rv
decode_rv_ARCH		:= riscv64
decode_rv_SRCS		:= tests/unit/decode_rv_test.c tests/unit/decode_rv_wrap.c
# The wrapper #includes the real source: rebuild when it or the header changes.
build/host/decode_rv: arch/riscv64/kernel/decode-insn.c arch/riscv64/include/asm/insn.h
