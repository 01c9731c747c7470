#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# "make test": every test phase for one architecture and kernel, one total at the end.
#
#   sh scripts/test.sh ARCH [starling|linux]
#
# KERNEL=starling: the kernel build, host unit tests (make unit; the instruction-decoder tests
#   cross-check the built kernel), tests/boot/run.sh when it exists, then the shell suite in
#   QEMU with the test initramfs, unless arch/ARCH/defconfig lacks CONFIG_USERSPACE=y
#   (Starling cannot run BusyBox there yet: the suite is skipped and says so).
# KERNEL=linux: the shell suite only, on Debian's kernel (the reference behaviour).
#
# Each phase ends with its own "N passed, N failed" line; a phase that fails without one
# (a build error, a hang, a panic) counts as one failure.  Full logs go to build/ARCH/logs/.
# The last line is the total, "N passed, N failed"; the exit status is 1 on any failure.
#
# Environment: TESTS (shell cases to run, e.g. "userland/*"), QEMU_TIMEOUT (seconds for the
# whole guest run, default 900), plus MEM, SMP, APPEND as scripts/qemu.sh takes them.
set -u

ARCH=${1:-x86_64}
KERNEL=${2:-starling}
BUILD=build/$ARCH
LOGS=$BUILD/logs
MAKE=${MAKE:-make}
mkdir -p "$LOGS"

total_pass=0 total_fail=0

# tally NAME LOG RC: add the last "N passed, N failed" of LOG to the totals.  No such line,
# or a non-zero RC with no failures counted, is one failure of its own.
tally() {
	line=$(tr -d '\r' < "$2" | grep -E '(^|: )[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
	if [ -z "$line" ]; then
		echo "$1: FAIL (exit $3, no result line; full log: $2)"
		tr -d '\r' < "$2" | tail -n 30 | sed 's/^/    /'
		total_fail=$((total_fail + 1))
		return
	fi
	counts=${line##*: }
	p=${counts%% passed*}
	f=${counts#*passed, }; f=${f%% failed*}
	total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
	echo "$1: $p passed, $f failed"
	if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$1: FAIL (exit $3 although no case failed; full log: $2)"
		tr -d '\r' < "$2" | tail -n 30 | sed 's/^/    /'
		total_fail=$((total_fail + 1))
	fi
}

# shell_suite: build the test initramfs and boot KERNEL with it under QEMU.
shell_suite() {
	log=$LOGS/shell-$KERNEL.log
	if ! sh initramfs/mkinitramfs.sh "$ARCH" "$BUILD" > "$LOGS/initramfs.log" 2>&1; then
		cat "$LOGS/initramfs.log"
		echo "shell suite: FAIL (initramfs build failed)"
		total_fail=$((total_fail + 1))
		return
	fi
	echo "shell suite: booting $KERNEL under QEMU (TCG), log in $log"
	APPEND="${APPEND:-}${TESTS:+ tests=$TESTS}" LOG=$log \
		sh scripts/qemu.sh test "$ARCH" "$KERNEL" > /dev/null 2>&1
	rc=$?
	# Only the suite's own lines: the console also carries firmware and kernel messages.
	tr -d '\r' < "$log" | grep -E '^(PASS|FAIL|UNSUPPORTED|    |[0-9]+ (unsupported|passed))' || true
	case $rc in
	0)	;;
	124)	echo "shell suite: guest hung: killed after ${QEMU_TIMEOUT:-900}s" ;;
	*)	if [ $((rc % 2)) -eq 1 ] && [ $rc -ge 3 ]; then
			echo "shell suite: kernel panic (isa-debug-exit code $(( (rc - 1) / 2 )))"
		else
			echo "shell suite: QEMU exited with $rc"
		fi ;;
	esac
	# A hang or a panic after the last result still fails the run: tally counts a non-zero
	# exit as a failure of its own.
	tally "shell suite" "$log" "$rc"
}

case $KERNEL in
starling)
	# 1. the kernel
	if $MAKE --no-print-directory ARCH="$ARCH" > "$LOGS/build.log" 2>&1; then
		echo "build: $BUILD/starling"
		total_pass=$((total_pass + 1))
		built=1
	else
		echo "build: FAIL (full log: $LOGS/build.log)"
		tail -n 30 "$LOGS/build.log" | sed 's/^/    /'
		total_fail=$((total_fail + 1))
		built=
	fi

	# 2. host unit tests (after the kernel: the decoder tests cross-check its binary)
	if ls tests/unit/*.mk > /dev/null 2>&1; then
		$MAKE --no-print-directory ARCH="$ARCH" unit > "$LOGS/unit.log" 2>&1
		rc=$?
		grep -E '^(FAIL|unit [^ :]+:)' "$LOGS/unit.log" || true
		tally "unit" "$LOGS/unit.log" $rc
	else
		echo "unit: skipped: no tests/unit/*.mk"
	fi

	# 3. boot tests, owned by the kernel's own tests/boot/run.sh
	if [ -n "$built" ] && [ -f tests/boot/run.sh ]; then
		sh tests/boot/run.sh "$ARCH" > "$LOGS/boot.log" 2>&1
		rc=$?
		grep -E '^(PASS|FAIL|UNSUPPORTED)' "$LOGS/boot.log" || true
		tally "boot" "$LOGS/boot.log" $rc
	fi

	# 4. the shell suite, where Starling can run user programs
	if ! grep -q '^CONFIG_USERSPACE=y' "arch/$ARCH/defconfig" 2>/dev/null; then
		echo "shell suite: skipped: Starling does not run user programs on $ARCH yet"
	elif [ -n "$built" ]; then
		# The groups Starling passes in full are listed in tests/shell/starling-groups;
		# the others run with TESTS=... (and all of them on Linux with KERNEL=linux).
		if [ -z "${TESTS:-}" ] && [ -f tests/shell/starling-groups ]; then
			TESTS=$(grep -v '^#' tests/shell/starling-groups | paste -sd, -)
			echo "shell suite: groups for Starling: $TESTS"
		fi
		shell_suite
	fi
	;;
linux)
	sh scripts/deps.sh "$ARCH" linux || exit 1
	shell_suite
	;;
*)
	echo "test.sh: unknown kernel '$KERNEL' (starling, linux)" >&2
	exit 2
	;;
esac

echo "$total_pass passed, $total_fail failed"
[ $total_fail -eq 0 ]
