#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Guest instructions of one probe hit on Starling, function by function.
#
#   sh bench/hitpath.sh [DEFINITION [START [STOP]]]
#
# Boots build/ARCH/starling (-smp 1, TCG) with the run initramfs and QEMU's gdb stub, defines
# DEFINITION in kprobe_events (default 'p:hp vfs_read'), enables it and loops dd's 1-byte
# reads; gdb (bench/hitpath.py) then single-steps one hit from START (default
# kprobe_ftrace_caller, the entry-probe trampoline) to STOP (default vfs_read+5, the
# instruction after vfs_read's entry site; a plain symbol means "the first instruction in
# that function", e.g. START=kretprobe_trampoline STOP=ksys_read for a return probe) and
# prints the count per function and the calls in order.  Needs gdb.  Not part of make test.
# x86_64 only: the QEMU command line, the trampoline and the entry site's offset are x86_64's,
# and riscv64 has no kprobes yet.
set -u
ARCH=${ARCH:-x86_64}
BUILD=build/$ARCH
if [ "$ARCH" != x86_64 ]; then
	echo "hitpath: skipped on $ARCH: x86_64 only (its trampoline kprobe_ftrace_caller, the" \
		"entry site vfs_read+5 and qemu-system-x86_64); riscv64 has no kprobes yet" >&2
	exit 2
fi
def=${1:-p:hp vfs_read}
start=${2:-kprobe_ftrace_caller}
stop=${3:-vfs_read+5}
port=${GDB_PORT:-1234}
log=$BUILD/logs/hitpath.log
command -v gdb > /dev/null || { echo "hitpath: gdb is missing (apt-get install gdb)" >&2; exit 2; }
[ -r "$BUILD/starling" ] && [ -r "$BUILD/initramfs.cpio" ] ||
	{ echo "hitpath: build first (make; make initramfs)" >&2; exit 2; }
mkdir -p "$BUILD/logs"
cmds="cd /sys/kernel/tracing; echo '$def' >> kprobe_events; echo 1 > events/kprobes/enable;"
cmds="$cmds while :; do dd if=/dev/zero of=/dev/null bs=1 count=100 2>/dev/null; done"
{ sleep 4; printf '%s\n' "$cmds"; sleep 300; } |
	qemu-system-x86_64 -machine pc -accel tcg -cpu max -m 512M -smp 1 -nographic \
		-no-reboot -nic none -kernel "$BUILD/starling" -initrd "$BUILD/initramfs.cpio" \
		-append "console=ttyS0 rdinit=/init panic=-1 quiet" -gdb "tcp::$port" > "$log" 2>&1 &
qemu=$!
sleep 8
START=$start STOP=$stop GDB_PORT=$port timeout 600 gdb -q -batch -x bench/hitpath.py \
	"$BUILD/starling" 2>&1 | sed -n 's/^HITPATH //p'
kill $qemu 2>/dev/null
wait 2>/dev/null
