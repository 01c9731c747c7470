# SPDX-License-Identifier: GPL-2.0-only
# gdb script for bench/hitpath.sh: attach to QEMU's gdb stub, wait for the START symbol to be
# reached a few times, then single-step one pass from START until STOP (SYMBOL+OFFSET, or
# the first instruction in function STOP), counting guest instructions per function.
import collections
import os

import gdb

gdb.execute("set pagination off")
gdb.execute("target remote :" + os.environ.get("GDB_PORT", "1234"))
start = os.environ["START"]
stop = os.environ["STOP"]
gdb.execute("hbreak " + start)
for _ in range(4):			# warm: the first hits may fault pages in
	gdb.execute("continue", to_string=True)
gdb.execute("delete")
target = None
if "+" in stop:
	sym, off = stop.split("+")
	target = int(gdb.parse_and_eval("(unsigned long)&" + sym)) + int(off, 0)
per_fn = collections.Counter()
runs = []
n = 0
while n < 50000:
	pc = int(gdb.parse_and_eval("$pc"))
	if pc == target:
		break
	fn = gdb.execute("info symbol 0x%x" % pc, to_string=True).split(" in section")[0]
	fn = fn.split(" + ")[0].strip()
	if target is None and n and fn == stop:
		break
	per_fn[fn] += 1
	if not runs or runs[-1][0] != fn:
		runs.append([fn, 0])
	runs[-1][1] += 1
	gdb.execute("stepi", to_string=True)
	n += 1
print("HITPATH total %d instructions from %s to %s" % (n, start, stop))
for fn, c in per_fn.most_common():
	print("HITPATH %6d  %s" % (c, fn))
print("HITPATH calls in order:")
for fn, c in runs:
	print("HITPATH   %-40s %d" % (fn, c))
gdb.execute("kill")
