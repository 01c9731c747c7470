#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# riscv64 boot checks, apart from "make ARCH=riscv64 test" (which runs tests/boot/run.sh
# riscv64 and the shell suite; several cases here repeat theirs): build with
# "make ARCH=riscv64", boot under qemu-system-riscv64 through scripts/qemu.sh (test mode)
# with the generic kernel's boot self-tests (starling.selftest=), then with the test
# initramfs (BusyBox from scripts/build-busybox-riscv64.sh) running the userland shell
# suite, and check the console and QEMU's exit status.
#
#   sh scripts/riscv64-boot-check.sh
#
# One result line per case, then "N passed, N failed"; exit status 1 on any failure.
set -u
ARCH=riscv64
BUILD=build/$ARCH
LOGDIR=$BUILD/logs/boot
mkdir -p "$LOGDIR"
pass=0 fail=0

make --no-print-directory ARCH=$ARCH > "$LOGDIR/build.log" 2>&1 ||
	{ tail -n 20 "$LOGDIR/build.log"; echo "0 passed, 1 failed"; exit 1; }

# The self-test boots need no program: a small cpio, unpacked into the root and checked.
CPIO=$BUILD/boot-check.cpio
mkdir -p "$BUILD/boot-check-root"
echo "riscv64 boot check" > "$BUILD/boot-check-root/hello"
(cd "$BUILD/boot-check-root" && echo hello | cpio -o -H newc --quiet) > "$CPIO"
CPIO_SIZE=$(wc -c < "$CPIO")

boot() {	# boot NAME SMP MEM APPEND: the console in $LOGDIR/NAME.log, status in $rc
	log=$LOGDIR/$1.log
	SMP=$2 MEM=$3 APPEND=$4 LOG=$log QEMU_TIMEOUT=${BOOT_TIMEOUT:-60} \
		INITRD_OVERRIDE=${INITRD:-$CPIO} sh scripts/qemu.sh test $ARCH starling > /dev/null 2>&1
	rc=$?
}

result() {	# result NAME OK [WHY]
	if [ "$2" = ok ]; then
		pass=$((pass + 1)); echo "PASS riscv64/$1"
	else
		fail=$((fail + 1)); echo "FAIL riscv64/$1: $3"
		echo "---- console (last 40 lines) ----"; tail -n 40 "$log"; echo "----"
	fi
}

has() { grep -qF -- "$1" "$log"; }

# start_kernel() runs to the end: every hart comes online, symbols resolve, the UART's
# interrupt reaches a hart through the PLIC, text_poke() changes code every hart then runs
# (remote fence.i); the machine powers off (exit 0).
for smp in 1 2 4 8; do
	boot "smp$smp" "$smp" 256M "starling.selftest=cpus,kallsyms,irq,text_poke"
	if [ $rc -ne 0 ]; then result "smp$smp" fail "QEMU exit status $rc, expected 0"
	elif ! has "smp: Brought up 1 node, $smp CPU"; then result "smp$smp" fail "not all harts came up"
	elif ! has "selftest cpus: ok"; then result "smp$smp" fail "selftest cpus"
	elif ! has "selftest kallsyms: ok"; then result "smp$smp" fail "selftest kallsyms"
	elif ! has "selftest irq: ok"; then result "smp$smp" fail "selftest irq (PLIC)"
	elif ! has "selftest text_poke: ok"; then result "smp$smp" fail "selftest text_poke"
	elif ! has "reboot: Power down"; then result "smp$smp" fail "no power-down message"
	else result "smp$smp" ok; fi
done

# Memory sizes, and the device tree's view of RAM, the command line and the initrd.
for mem in 128M 4G; do
	boot "mem$mem" 2 "$mem" "starling.selftest=cpus"
	if [ $rc -eq 0 ] && has "] usable" && has "selftest cpus: ok"; then result "mem$mem" ok
	else result "mem$mem" fail "exit $rc"; fi
done
if has "($CPIO_SIZE bytes)" && has "Command line: console=ttyS0"; then result initrd ok
else result initrd fail "initrd size $CPIO_SIZE or the command line not found"; fi

# The scheduler: kernel threads, sleeping, wake-ups, preemption and migration on 4 harts.
boot sched 4 256M "starling.selftest=sched"
if [ $rc -eq 0 ] && has "selftest sched: ok"; then result sched ok
else result sched fail "exit $rc"; fi

# A NULL dereference: Linux's oops, symbolized; the panic ends QEMU with status 3.
boot fault 2 256M "starling.selftest=fault"
if [ $rc -ne 3 ]; then result fault fail "QEMU exit status $rc, expected 3"
elif ! has "Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000"
then result fault fail "no fault message"
elif ! has "epc : selftest_fault+"; then result fault fail "epc not symbolized"
elif ! has "status: "; then result fault fail "no registers"
elif ! has "Kernel panic - not syncing: Fatal exception"; then result fault fail "no panic"
else result fault ok; fi

# Without boot tests: the initramfs is unpacked into the root; it has no /init, so Linux's
# "No working init found" panic ends QEMU with status 3.
boot noinit 2 256M ""
if [ $rc -ne 3 ]; then result noinit fail "exit $rc, expected 3"
elif ! has "initramfs: unpacked 1 entries ($CPIO_SIZE bytes)"; then result noinit fail "initramfs not unpacked"
elif ! has "No working init found"; then result noinit fail "no init panic"
else result noinit ok; fi

# User space: the test initramfs's /init (BusyBox sh) runs the shell suite and powers off.
if [ ! -x "$BUILD/busybox" ]; then
	result init fail "no $BUILD/busybox: run scripts/build-busybox-riscv64.sh"
elif ! sh initramfs/mkinitramfs.sh $ARCH "$BUILD" > "$LOGDIR/initramfs.log" 2>&1; then
	result init fail "mkinitramfs failed: see $LOGDIR/initramfs.log"
else
	INITRD=$BUILD/test-initramfs.cpio
	boot init 2 256M "tests=userland/uname.tc"
	if [ $rc -eq 0 ] && has "Run /init as init process" && has "1 passed, 0 failed"
	then result init ok
	else result init fail "exit $rc, or /init did not run the case"; fi
	BOOT_TIMEOUT=900 boot userland 2 512M "tests=userland/*"
	if [ $rc -eq 0 ] && has " passed, 0 failed"; then result userland ok
	else result userland fail "exit $rc: $(grep -E 'passed, ' "$log" | tail -n 1)"; fi
	unset INITRD
fi

# panic=0 halts instead of ending QEMU: the time limit ends it.
BOOT_TIMEOUT=10 boot panic0 1 256M "panic=0"
# qemu.sh appends the caller's APPEND after its own panic=-1: the last one counts
if [ $rc -eq 124 ]; then result panic0 ok; else result panic0 fail "exit $rc, expected a hang (124)"; fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
