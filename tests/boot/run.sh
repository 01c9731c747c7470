#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Boot tests: boot Starling under QEMU (through scripts/qemu.sh, test mode) with
# starling.selftest=... and check what the console shows and how QEMU exits.
#
#   sh tests/boot/run.sh ARCH
#
# One result line per case, then "N passed, N failed"; exit status 1 on any failure.
set -u
ARCH=${1:-x86_64}
BUILD=build/$ARCH
LOGDIR=$BUILD/logs/boot
mkdir -p "$LOGDIR"
pass=0 fail=0

# scripts/qemu.sh's test mode always passes the test initramfs: pack it afresh (two seconds),
# so that cases run by the boots below are the ones in tests/shell now.
sh initramfs/mkinitramfs.sh "$ARCH" "$BUILD" > "$LOGDIR/initramfs.log" 2>&1 ||
	{ cat "$LOGDIR/initramfs.log"; echo "0 passed, 1 failed"; exit 1; }

# boot NAME SMP MEM APPEND: boots, leaves the console in $LOGDIR/NAME.log, sets $rc.
boot() {
	log=$LOGDIR/$1.log
	SMP=$2 MEM=$3 APPEND=$4 LOG=$log QEMU_TIMEOUT=${BOOT_TIMEOUT:-120} \
		sh scripts/qemu.sh test "$ARCH" starling > /dev/null 2>&1
	rc=$?
}

result() {	# result NAME OK [WHY]
	if [ "$2" = ok ]; then
		pass=$((pass + 1)); echo "PASS boot/$1"
	else
		fail=$((fail + 1)); echo "FAIL boot/$1: $3"
		echo "---- console (last 40 lines) ----"; tail -n 40 "$log"; echo "----"
	fi
}

has() { grep -qF -- "$1" "$log"; }

# Every CPU comes online and the machine powers off cleanly (exit 0) - for each CPU count.
for smp in 1 2 4 8; do
	boot "smp$smp" "$smp" 256M "starling.selftest=cpus,kallsyms,irq"
	if [ $rc -ne 0 ]; then result "smp$smp" fail "QEMU exit status $rc, expected 0"
	elif ! has "smp: Brought up 1 node, $smp CPU"; then result "smp$smp" fail "not all CPUs came up"
	elif ! has "selftest cpus: ok"; then result "smp$smp" fail "selftest cpus"
	elif ! has "selftest irq: ok"; then result "smp$smp" fail "serial interrupt not delivered"
	elif ! has "reboot: Power down"; then result "smp$smp" fail "no power-down message"
	else result "smp$smp" ok; fi
done

# Memory sizes from 128 MiB to 4 GiB (above 3.5 GiB QEMU puts RAM beyond 4 GiB).
for mem in 128M 4G; do
	boot "mem$mem" 2 "$mem" "starling.selftest=cpus"
	if [ $rc -eq 0 ] && has "Memory: " && has "selftest cpus: ok"; then result "mem$mem" ok
	else result "mem$mem" fail "exit $rc"; fi
done

# The embedded symbol table resolves names to addresses and back (%pS format).
boot kallsyms 1 256M "starling.selftest=kallsyms"
if has "selftest kallsyms: ok" && has "selftest kallsyms_pS: ok"; then result kallsyms ok
else result kallsyms fail "symbol lookups"; fi

# Linux-style timestamps on every console line.
if grep -q '^\[ *[0-9]*\.[0-9]\{6\}\] Linux version 6.1.0-starling' "$log"; then
	result printk_timestamp ok
else result printk_timestamp fail "no '[    0.000000] Linux version' line"; fi

# A deliberate NULL dereference: symbolized oops and backtrace, then panic ends QEMU non-zero.
# The oops lines are the arch's, as Linux prints them there.
case $ARCH in
riscv64) oops_line="Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000"
	 pc_line="epc : selftest_fault+0x" ;;
*)	 oops_line="BUG: unable to handle page fault for address: 0000000000000000"
	 pc_line="RIP: 0010:selftest_fault+0x" ;;
esac
boot fault 2 256M "starling.selftest=fault"
if [ $rc -eq 0 ] || [ $rc -eq 124 ]; then result fault fail "QEMU exit status $rc, expected non-zero"
elif ! has "$oops_line"; then
	result fault fail "no page-fault oops line"
elif ! has "$pc_line"; then result fault fail "the faulting pc is not symbolized"
elif ! has "Call Trace:" || ! grep -q " run_boot_selftests+0x" "$log"; then
	result fault fail "call trace does not reach run_boot_selftests"
elif ! has "Kernel panic - not syncing: Fatal exception"; then result fault fail "no panic line"
else result fault ok; fi

# Without user-space support there is no init to run: Linux's panic message and a non-zero exit.
if grep -q '^CONFIG_USERSPACE=n' "arch/$ARCH/defconfig"; then
	boot noinit 1 256M ""
	if [ $rc -ne 0 ] && [ $rc -ne 124 ] && has "Kernel panic - not syncing: No working init found."; then
		result noinit ok
	else result noinit fail "exit $rc"; fi
fi

# Command-line parsing as Linux: known parameters are consumed, dotted (module) ones dropped,
# key=value words go to init's environment and other words to its arguments; after "--"
# everything is init's; quotes group blanks.
boot cmdline 1 256M 'loglevel=7 foo=bar mod.opt=1 single "quoted=a b" -- x=1 y starling.selftest=cmdline'
want='selftest cmdline: argv=[single,x=1,y,starling.selftest=cmdline] envp=[HOME=/,TERM=linux,foo=bar,quoted=a b] rdinit=/init'
if has "$want"; then result cmdline ok
else result cmdline fail "expected: $want"; fi

# Command-line parsing: quiet lowers the console log level (info lines disappear).
boot quiet 1 256M "quiet starling.selftest=kallsyms"
if [ $rc -eq 0 ] && ! has "selftest kallsyms: ok" && has "Linux version"; then result quiet ok
else result quiet fail "info messages still shown with quiet (exit $rc)"; fi

# The scheduler's own tests on 4 CPUs: preemption, migration, wait queues, stop_machine.
if grep -q 'sched_selftest' kernel/sched/*.c 2>/dev/null; then
	boot sched 4 256M "starling.selftest=sched"
	if [ $rc -eq 0 ] && has "selftest sched: ok"; then result sched ok
	else result sched fail "exit $rc"; fi
fi

# The subsystems' own self-tests, with the test initramfs unpacked: VFS, process layer,
# exec, TTY line discipline.
if grep -q '^CONFIG_USERSPACE=y' "arch/$ARCH/defconfig"; then
	boot subsystems 2 256M "starling.selftest=vfs,proc,exec,tty"
	if [ $rc -eq 0 ] && has "selftests: 0 failed" && has "selftest vfs: ok" &&
	   has "selftest proc: ok" && has "selftest exec: ok" && has "selftest tty: ok"; then
		result subsystems ok
	else result subsystems fail "exit $rc"; fi
fi

# The kernel profiler: /proc/profile's layout with profile=2 (the suite's own case checks the
# file is absent without profile=).
if grep -q '^CONFIG_USERSPACE=y' "arch/$ARCH/defconfig"; then
	boot profile 2 256M "profile=2 tests=userland/proc_profile.tc"
	if has "1 passed, 0 failed"; then result profile ok
	else result profile fail "userland/proc_profile.tc with profile=2 (exit $rc)"; fi
fi

# The kprobes engine on 4 CPUs: every instruction of a function probed in turn, return
# probes, re-entry, refusals, and registration while every CPU hits the probes.
if grep -q '^CONFIG_KPROBES=y' "arch/$ARCH/defconfig"; then
	boot kprobes 4 256M "starling.selftest=kprobes"
	if [ $rc -eq 0 ] && has "selftest kprobes: ok"; then result kprobes ok
	else result kprobes fail "exit $rc"; fi
	# kprobe events end to end inside the kernel: definitions, records, list, profile.
	boot kprobe_events 2 256M "starling.selftest=kprobe_events"
	if [ $rc -eq 0 ] && has "selftest kprobe_events: ok"; then
		result kprobe_events ok
	else result kprobe_events fail "exit $rc"; fi
fi

# Pages unmapped while a thread on the other CPU writes to them: every CPU's TLB is flushed
# before the pages are freed (page_poison=1 reports a store into a free page).
if grep -q '^CONFIG_USERSPACE=y' "arch/$ARCH/defconfig"; then
	boot tlb_unmap 2 256M "page_poison=1 tests=userland/tlb_unmap.tc"
	if has "pagealloc: memory corruption"; then result tlb_unmap fail "a store reached a freed page"
	elif ! has "1 passed, 0 failed"; then result tlb_unmap fail "userland/tlb_unmap.tc (exit $rc)"
	else result tlb_unmap ok; fi
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
