# SPDX-License-Identifier: GPL-2.0-only
# The flattened device tree reader (lib/fdt.c): lookups on a virt-shaped tree, then every
# truncation and single-byte corruption under ASan.
UNIT_TESTS	+= fdt
fdt_SRCS	:= tests/unit/fdt_test.c lib/fdt.c
