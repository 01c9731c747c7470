# Replay of the kprobe_events fuzz corpus. To fuzz:
#   clang -g -O1 -fsanitize=fuzzer,address,undefined -Itests/unit/include -Iinclude \
#     -Iarch/x86_64/include -DUNIT_TEST -include tests/unit/include/unit_config.h \
#     tests/unit/fuzz/probe_parse.c kernel/trace/probe_parse.c kernel/trace/probe_fetch.c \
#     kernel/trace/probe_print.c arch/x86_64/kernel/probe_regs.c -o build/host/probe_parse_fuzz
#   build/host/probe_parse_fuzz tests/unit/fuzz/corpus/probe_parse
UNIT_TESTS += probe_fuzz_replay
probe_fuzz_replay_ARCH	:= x86_64
probe_fuzz_replay_SRCS := tests/unit/probe_fuzz_replay.c tests/unit/fuzz/probe_parse.c \
			  kernel/trace/probe_parse.c kernel/trace/probe_fetch.c \
			  kernel/trace/probe_print.c arch/x86_64/kernel/probe_regs.c
