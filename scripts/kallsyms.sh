#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Turn `nm -n` output into the kernel's embedded symbol table (kernel/kallsyms.c reads it):
#   kallsyms_num                 number of symbols
#   kallsyms_addresses[n]        ascending addresses
#   kallsyms_types[n]            nm type letters
#   kallsyms_name_offsets[n]     offsets into kallsyms_names
#   kallsyms_names               NUL-terminated names
# Absolute and debugger-only symbols are left out. With /dev/null the table is empty (first
# link pass).
set -e
awk 'BEGIN { n = 0 }

$2 ~ /^[TtDdBbRrWwVv]$/ && $3 !~ /^\.L/ && $3 !~ /^__crc_/ && NF == 3 {
	addr[n] = $1; type[n] = $2; name[n] = $3; n++
}
END {
	print "\t.section .kallsyms, \"a\""
	print "\t.balign 8"
	print "\t.globl kallsyms_num"
	printf "kallsyms_num:\t.quad %d\n", n
	print "\t.globl kallsyms_addresses"
	print "kallsyms_addresses:"
	for (i = 0; i < n; i++) print "\t.quad 0x" addr[i]
	print "\t.globl kallsyms_name_offsets"
	print "kallsyms_name_offsets:"
	off = 0
	for (i = 0; i < n; i++) { print "\t.long " off; off += length(name[i]) + 1 }
	print "\t.globl kallsyms_types"
	print "kallsyms_types:"
	for (i = 0; i < n; i++) printf "\t.ascii \"%s\"\n", type[i]
	print "\t.globl kallsyms_names"
	print "kallsyms_names:"
	for (i = 0; i < n; i++) printf "\t.asciz \"%s\"\n", name[i]
	print "\t.byte 0"
}' "$1"
