#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The one place that builds QEMU command lines.
#
#   sh scripts/qemu.sh MODE ARCH KERNEL [extra QEMU args...]
#
#   MODE    run    interactive shell: initramfs.cpio, console on this terminal
#                  (Ctrl-A x quits QEMU, Ctrl-A c toggles the monitor)
#           test   test-initramfs.cpio, stdin from /dev/null, console copied to $LOG, killed
#                  after $QEMU_TIMEOUT seconds
#           debug  as run, but halted at the first instruction with a gdb stub on :1234;
#                  writes build/ARCH/gdbinit that loads the kernel's symbols
#           bench  build/ARCH/bench/bench-initramfs.cpio (bench/mkinitramfs.sh), stdin from
#                  /dev/null, console on stdout; bench/run.sh adds the time limit and options
#                  such as -icount as extra QEMU args
#   ARCH    x86_64, or riscv64 (QEMU virt with its default OpenSBI; see docs/ARCHITECTURE.md)
#   KERNEL  starling  build/ARCH/starling
#           linux     Debian's kernel, the newest /boot/vmlinuz-* (or $LINUX_IMAGE); on
#                     riscv64 only $LINUX_IMAGE, as Debian bookworm ships no riscv64 kernel
#
# Environment: MEM (512M), SMP (2), APPEND (extra kernel command line, e.g. "tests=userland/*"),
# QEMU_TIMEOUT (test mode, seconds; 900), LOG (test mode log, build/ARCH/logs/qemu-test-KERNEL.log),
# INITRD_OVERRIDE (another initramfs than the mode's).
#
# Always TCG, never KVM: results must not depend on the host's virtualisation.
#
# Exit status (what "test" returns, and "run" too):
#   0        the guest powered off through ACPI (poweroff -f; both kernels do this), or Linux
#            panicked: with panic=-1 and -no-reboot a Linux panic also ends QEMU with 0, so
#            callers must judge a run by its output, never by a 0 alone
#   2N+1     the guest wrote N to the isa-debug-exit port 0xf4 (QEMU exits (N << 1) | 1);
#            Starling's panic() writes a non-zero N there, so a panic gives 3 or more
#   N        riscv64: the guest wrote (N << 16) | 0x3333 to virt's test device (0x100000);
#            Starling's panic writes N = 3, so a panic gives 3 there too; power off through
#            SBI SRST makes OpenSBI write the device's "pass" value, and QEMU exits with 0
#   124      test mode only: the time limit expired (the guest hung)
#   other    QEMU itself failed (bad arguments, missing files)
set -eu

MODE=${1:?usage: qemu.sh run|test|debug|bench ARCH KERNEL [qemu args...]}
ARCH=${2:?usage: qemu.sh run|test|debug ARCH KERNEL [qemu args...]}
KERNEL=${3:?usage: qemu.sh run|test|debug ARCH KERNEL [qemu args...]}
shift 3
BUILD=build/$ARCH

case $MODE in
run|debug)	INITRD=$BUILD/initramfs.cpio ;;
test)		INITRD=$BUILD/test-initramfs.cpio ;;
bench)		INITRD=$BUILD/bench/bench-initramfs.cpio ;;
*)		echo "qemu.sh: unknown mode '$MODE' (run, test, debug, bench)" >&2; exit 2 ;;
esac
INITRD=${INITRD_OVERRIDE:-$INITRD}

case $KERNEL in
starling)
	IMAGE=$BUILD/starling
	CMDLINE="console=ttyS0 rdinit=/init panic=-1"
	;;
linux)
	if [ -n "${LINUX_IMAGE:-}" ]; then
		IMAGE=$LINUX_IMAGE
	elif [ "$ARCH" = x86_64 ]; then
		# shellcheck disable=SC2012
		IMAGE=$(ls -1 /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
	else
		# /boot holds the host's (x86_64) kernel; Debian bookworm has none for riscv64.
		echo "qemu.sh: no Debian Linux for $ARCH: set LINUX_IMAGE to a Linux image for $ARCH" >&2
		exit 2
	fi
	[ -n "$IMAGE" ] || { echo "qemu.sh: no /boot/vmlinuz-*: run 'sh scripts/deps.sh $ARCH linux'" >&2; exit 2; }
	# quiet: a serial console under TCG is slow, and the test log stays readable.
	CMDLINE="console=ttyS0 rdinit=/init panic=-1 quiet"
	;;
*)
	echo "qemu.sh: unknown kernel '$KERNEL' (starling, linux)" >&2; exit 2 ;;
esac
CMDLINE="$CMDLINE ${APPEND:-}"

for f in "$IMAGE" "$INITRD"; do
	[ -r "$f" ] || { echo "qemu.sh: $f is missing or unreadable" >&2; exit 2; }
done

case $ARCH in
x86_64)
	set -- qemu-system-x86_64 -machine pc -accel tcg -cpu max \
		-m "${MEM:-512M}" -smp "${SMP:-2}" -nographic -no-reboot -nic none \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-kernel "$IMAGE" -initrd "$INITRD" -append "$CMDLINE" "$@"
	;;
riscv64)
	set -- qemu-system-riscv64 -machine virt -accel tcg -cpu rv64 -bios default \
		-m "${MEM:-512M}" -smp "${SMP:-2}" -nographic -no-reboot -nic none \
		-kernel "$IMAGE" -initrd "$INITRD" -append "$CMDLINE" "$@"
	;;
*)
	echo "qemu.sh: unknown ARCH '$ARCH'" >&2; exit 2 ;;
esac

case $MODE in
run)
	exec "$@"
	;;
bench)
	exec "$@" </dev/null
	;;
debug)
	GDBINIT=$BUILD/gdbinit
	{
		echo "# written by scripts/qemu.sh debug"
		[ "$KERNEL" = starling ] && echo "file $IMAGE"
		[ "$ARCH" = x86_64 ] && echo "set architecture i386:x86-64"
		[ "$ARCH" = riscv64 ] && echo "set architecture riscv:rv64"
		echo "target remote localhost:1234"
	} > "$GDBINIT"
	cat >&2 <<-MSG
	qemu.sh: QEMU is halted before the first instruction, gdb stub on localhost:1234.
	qemu.sh: in another terminal, from $(pwd):
	qemu.sh:     gdb -x $GDBINIT
	qemu.sh: then e.g. "hbreak start_kernel" and "continue" (hardware breakpoints work before
	qemu.sh: paging is set up).  Ctrl-A x quits QEMU.
	MSG
	exec "$@" -s -S
	;;
test)
	LOG=${LOG:-$BUILD/logs/qemu-test-$KERNEL.log}
	mkdir -p "$(dirname "$LOG")"
	RC=$LOG.rc
	rm -f "$RC"
	echo "qemu.sh: $*" > "$LOG"
	# The console goes both to the terminal (progress) and to the log; the pipeline's
	# status is tee's, so QEMU's own status travels through a file.
	{ set +e; timeout -k 10 "${QEMU_TIMEOUT:-900}" "$@" </dev/null 2>&1; echo $? > "$RC"; } |
		tr -d '\r' | tee -a "$LOG"
	rc=$(cat "$RC" 2>/dev/null || echo 125)
	rm -f "$RC"
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		echo "qemu.sh: timed out after ${QEMU_TIMEOUT:-900}s" | tee -a "$LOG"
		rc=124
	fi
	exit "$rc"
	;;
esac
