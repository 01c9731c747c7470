UNIT_TESTS += probe_parse
probe_parse_ARCH	:= x86_64
probe_parse_SRCS := tests/unit/probe_parse_test.c kernel/trace/probe_parse.c \
		    arch/x86_64/kernel/probe_regs.c
