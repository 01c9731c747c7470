UNIT_TESTS += probe_fetch
probe_fetch_ARCH	:= x86_64
probe_fetch_SRCS := tests/unit/probe_fetch_test.c kernel/trace/probe_parse.c \
		    kernel/trace/probe_fetch.c kernel/trace/probe_print.c \
		    arch/x86_64/kernel/probe_regs.c
