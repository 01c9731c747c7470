#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Check the x86-64 instruction decoder against objdump on whole binaries:
#   sh tests/unit/decode_insn_objdump.sh [FILE...]
# Every function of every FILE is decoded from its start and each instruction length is
# compared with objdump -d -w; mismatches are listed (the first 20 per file) and counted.
# Without FILEs: build/x86_64/starling if built, libc.so.6, and all of cc1's .text.
# Run from the top of the tree; exits non-zero on any mismatch.
set -e
make -s build/host/decode_insn >/dev/null
if [ $# -eq 0 ]; then
	[ -r build/x86_64/starling ] && set -- build/x86_64/starling
	for f in /usr/lib/x86_64-linux-gnu/libc.so.6 "$(cc -print-prog-name=cc1)"; do
		[ -r "$f" ] && set -- "$@" "$f"
	done
fi
files=
for f in "$@"; do
	[ -r "$f" ] || { echo "decode_insn_objdump: cannot read $f" >&2; exit 2; }
	files="${files:+$files:}$f"
done
[ -n "$files" ] || { echo "decode_insn_objdump: nothing to check" >&2; exit 2; }
DECODE_INSN_OBJDUMP=$files ./build/host/decode_insn
