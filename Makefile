# SPDX-License-Identifier: GPL-2.0-only
#
# Starling: the only Makefile. ARCH= and CROSS_COMPILE= work as in Linux; objects go to
# build/$(ARCH)/ so switching architecture needs no clean.
#
#   make            build the kernel image build/$(ARCH)/starling
#   make run        build everything and boot to an interactive shell under QEMU
#   make test       the kernel, unit tests, in-guest suite; ends with "N passed, N failed"
#   make unit       host unit tests only (ASan + UBSan)
#   make debug      boot halted with a gdb stub (see scripts/qemu.sh)

ARCH		?= x86_64
ifeq ($(ARCH),riscv64)
CROSS_COMPILE	?= riscv64-linux-gnu-
endif
CROSS_COMPILE	?=
KERNEL		?= starling
BUILD		:= build/$(ARCH)
HOSTCC		?= cc

CC		:= $(CROSS_COMPILE)gcc
LD		:= $(CROSS_COMPILE)ld
NM		:= $(CROSS_COMPILE)nm
OBJCOPY		:= $(CROSS_COMPILE)objcopy
OBJDUMP		:= $(CROSS_COMPILE)objdump

include arch/$(ARCH)/defconfig

# An arch early in its port may narrow DIRS in its Makefile.inc (and list single generic
# objects it already supports in obj-y).
DIRS		:= lib kernel mm fs drivers
obj-y		:=
include arch/$(ARCH)/Makefile.inc
include $(sort $(wildcard $(addsuffix /Makefile.inc,$(DIRS)) \
	$(addsuffix /*/Makefile.inc,$(DIRS)) $(addsuffix /*/*/Makefile.inc,$(DIRS))))

CFLAGS		:= -std=gnu11 -ffreestanding -fno-builtin -nostdinc -fno-strict-aliasing \
		   -fno-common -fno-pie -fno-stack-protector -fno-omit-frame-pointer \
		   -O2 -g -Wall -Wextra -Werror -Wundef -Wno-unused-parameter \
		   -Wno-missing-field-initializers -MMD -MP \
		   -isystem $(shell $(CC) -print-file-name=include) \
		   -Iinclude -Iarch/$(ARCH)/include -I$(BUILD)/include \
		   -include $(BUILD)/include/generated/autoconf.h $(ARCH_CFLAGS)
ASFLAGS		:= $(CFLAGS) -D__ASSEMBLY__
LDFLAGS		:= -nostdlib -z max-page-size=4096 -z noexecstack --no-warn-rwx-segments $(ARCH_LDFLAGS)

OBJS		:= $(addprefix $(BUILD)/,$(obj-y))
IMAGE		:= $(BUILD)/starling
LDS		:= $(BUILD)/kernel.ld

.PHONY: all run test unit debug clean deps initramfs bench bench-smoke fuzz
all: $(IMAGE)

# Every CONFIG_X in the defconfig becomes "#define CONFIG_X 1" or "0": never undefined.
$(BUILD)/include/generated/autoconf.h: arch/$(ARCH)/defconfig scripts/mkconfig.sh
	@mkdir -p $(dir $@)
	@sh scripts/mkconfig.sh $< > $@.tmp && mv $@.tmp $@

$(BUILD)/%.o: %.c $(BUILD)/include/generated/autoconf.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/%.o: %.S $(BUILD)/include/generated/autoconf.h
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(ASFLAGS) -c $< -o $@

$(LDS): arch/$(ARCH)/kernel.ld.S $(BUILD)/include/generated/autoconf.h
	@mkdir -p $(dir $@)
	@$(CC) -E -P -x c $(ASFLAGS) $< -o $@

# Two-pass link as Linux does: link with an empty symbol table, generate the table from that
# image, link again, and regenerate until the addresses no longer move.
KSYMS_LINK = $(LD) $(LDFLAGS) -T $(LDS) -o $(1) $(OBJS) $(2)
$(IMAGE): $(OBJS) $(LDS) scripts/kallsyms.sh
	@mkdir -p $(BUILD)/ksym
	@echo "  LD      $@ (3 passes for kallsyms)"
	@sh scripts/kallsyms.sh /dev/null > $(BUILD)/ksym/ks0.S
	@$(CC) $(ASFLAGS) -c $(BUILD)/ksym/ks0.S -o $(BUILD)/ksym/ks0.o
	@$(call KSYMS_LINK,$(BUILD)/ksym/vmlinux0,$(BUILD)/ksym/ks0.o)
	@$(NM) -n $(BUILD)/ksym/vmlinux0 > $(BUILD)/ksym/nm0
	@sh scripts/kallsyms.sh $(BUILD)/ksym/nm0 > $(BUILD)/ksym/ks1.S
	@$(CC) $(ASFLAGS) -c $(BUILD)/ksym/ks1.S -o $(BUILD)/ksym/ks1.o
	@$(call KSYMS_LINK,$(BUILD)/ksym/vmlinux1,$(BUILD)/ksym/ks1.o)
	@$(NM) -n $(BUILD)/ksym/vmlinux1 > $(BUILD)/ksym/nm1
	@sh scripts/kallsyms.sh $(BUILD)/ksym/nm1 > $(BUILD)/ksym/ks2.S
	@$(CC) $(ASFLAGS) -c $(BUILD)/ksym/ks2.S -o $(BUILD)/ksym/ks2.o
	@$(call KSYMS_LINK,$@.tmp,$(BUILD)/ksym/ks2.o)
	@$(NM) -n $@.tmp > $(BUILD)/ksym/nm2
	@cmp -s $(BUILD)/ksym/nm1 $(BUILD)/ksym/nm2 || { echo "kallsyms: addresses did not settle"; exit 1; }
	@mv $@.tmp $@

-include $(OBJS:.o=.d) $(BUILD)/kernel.d

# ---- host unit tests -------------------------------------------------------------------
# Each tests/unit/<name>.mk adds <name> to UNIT_TESTS and sets <name>_SRCS (root-relative).
# A test of one arch's code (the x86-64 decoder, register names, signal frame) sets
# <name>_ARCH and always builds against that arch's headers, into build/host/<name>; the
# rest use ARCH's and go to build/host/$(ARCH)/<name>, so a switch of ARCH rebuilds them.
# A .mk file names its binary as $(call unit_bin,<name>) to add prerequisites.
UNIT_TESTS	:=
UNIT_BUILD	:= build/host
unit_bin	= $(UNIT_BUILD)/$(if $($(1)_ARCH),,$(ARCH)/)$(1)
include $(wildcard tests/unit/*.mk)
UNIT_CFLAGS	:= -std=gnu11 -g -O1 -Wall -Wextra -Werror -Wno-unused-parameter \
		   -Wno-missing-field-initializers -fno-omit-frame-pointer \
		   -fsanitize=address,undefined -fno-sanitize-recover=all -pthread \
		   -Itests/unit/include -Iinclude
UNIT_DEFS	:= -DUNIT_TEST -include tests/unit/include/unit_config.h
UNIT_BINS	:= $(foreach t,$(UNIT_TESTS),$(call unit_bin,$(t)))
define unit_rule
$(call unit_bin,$(1)): $$($(1)_SRCS) $$(wildcard tests/unit/include/*.h tests/unit/include/*/*.h)
	@mkdir -p $$(dir $$@)
	$$(HOSTCC) $$(UNIT_CFLAGS) -Iarch/$$(or $$($(1)_ARCH),$$(ARCH))/include $$(UNIT_DEFS) \
		$$($(1)_CFLAGS) $$($(1)_SRCS) -o $$@ $$($(1)_LDLIBS)
endef
$(foreach t,$(UNIT_TESTS),$(eval $(call unit_rule,$(t))))

unit: $(UNIT_BINS)
	@sh tests/unit/run.sh $(UNIT_BINS)

# ---- running ---------------------------------------------------------------------------
deps:
	@sh scripts/deps.sh $(ARCH)

initramfs: $(BUILD)/initramfs.cpio $(BUILD)/test-initramfs.cpio

$(BUILD)/initramfs.cpio $(BUILD)/test-initramfs.cpio: $(shell find initramfs tests/shell -type f 2>/dev/null) scripts/deps.sh
	@sh scripts/deps.sh $(ARCH)
	sh initramfs/mkinitramfs.sh $(ARCH) $(BUILD)

run: deps $(if $(filter starling,$(KERNEL)),$(IMAGE)) initramfs
	sh scripts/qemu.sh run $(ARCH) $(KERNEL)

debug: deps $(if $(filter starling,$(KERNEL)),$(IMAGE)) initramfs
	sh scripts/qemu.sh debug $(ARCH) $(KERNEL)

test: deps
	@sh scripts/test.sh $(ARCH) $(KERNEL)

# Benchmarks: Starling and Debian's Linux in the same QEMU, one table (bench/README.md); on
# riscv64 Starling alone unless LINUX_IMAGE names a riscv64 Linux.
# BENCH_ARGS="--icount" for the deterministic mode; never part of make test.
bench:
	@sh scripts/deps.sh $(ARCH) linux
	@$(MAKE) --no-print-directory $(IMAGE) || echo "bench: the Starling image did not build: its column will say so"
	@ARCH=$(ARCH) CROSS_COMPILE=$(CROSS_COMPILE) sh bench/run.sh $(BENCH_ARGS)

bench-smoke: deps
	@$(MAKE) --no-print-directory $(IMAGE) || echo "bench: the Starling image did not build: its column will say so"
	@ARCH=$(ARCH) CROSS_COMPILE=$(CROSS_COMPILE) sh bench/run.sh --smoke

clean:
	rm -rf build
