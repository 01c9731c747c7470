# SPDX-License-Identifier: GPL-2.0-only
# Host test of the pure half of the signal code: sigset operations, default actions,
# signal choice order, wait(2) status words, the siginfo/sigframe layouts and the futex hash.
UNIT_TESTS	+= signal
signal_ARCH	:= x86_64
signal_SRCS	:= tests/unit/signal_test.c
build/host/signal: include/starling/sigset.h kernel/process/futex_hash.h \
		   arch/x86_64/include/asm/sigframe.h
