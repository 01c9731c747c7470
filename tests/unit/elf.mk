# ELF header checks of the exec loader, and a replay of their fuzz corpus. To fuzz:
#   clang -g -O1 -fsanitize=fuzzer,address,undefined -Itests/unit/include -Iinclude \
#     -Iarch/x86_64/include -DUNIT_TEST -include tests/unit/include/unit_config.h \
#     tests/unit/fuzz/elf.c kernel/elf_parse.c -o build/host/elf_fuzz
#   build/host/elf_fuzz tests/unit/fuzz/corpus/elf
UNIT_TESTS += elf
elf_ARCH	:= x86_64
elf_SRCS := tests/unit/elf_test.c tests/unit/fuzz/elf.c kernel/elf_parse.c
