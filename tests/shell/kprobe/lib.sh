# SPDX-License-Identifier: GPL-2.0-only
#
# Helpers for the kprobe cases, sourced by them after run.sh's functions.  POSIX sh.
# BusyBox cat uses sendfile(), which never reaches vfs_read(): reads go through dd.

# reads N [BS]: N read() calls of BS bytes (default 1) on /proc/version, from a dd process.
reads() {
	dd if=/proc/version of=/dev/null bs="${2:-1}" count="$1" 2>/dev/null
}

# kp_write LINE: append LINE to kprobe_events.
kp_write() {
	echo "$1" >> kprobe_events
}

# kp_fail LINE: append LINE to kprobe_events, which must fail; print the shell's message.
kp_fail() {
	local out
	if out=$( (echo "$1" >> kprobe_events) 2>&1 ); then
		echo "accepted, but should have failed: $1" >&2
		return 1
	fi
	printf '%s\n' "$out"
}

# spaces N: N blanks.
spaces() {
	awk -v n="$1" 'BEGIN { s = ""; for (i = 0; i < n; i++) s = s " "; printf "%s", s }'
}

# check_error MESSAGE 'CMD' [ERRNO-TEXT]: CMD, in which one "^" marks the caret position and
# is removed before writing, must fail with ERRNO-TEXT (default "Invalid argument") and leave
# exactly one error_log entry: "[%5llu.%06u] trace_kprobe: error: MESSAGE", the command, and
# the caret line of 13 + pos bytes (section 4.2).
check_error() {
	local msg=$1 marked=$2 errtext=${3:-Invalid argument} cmd pre pos out before
	pre=${marked%%^*}
	pos=${#pre}
	cmd=$pre${marked#*^}
	before=$(cat kprobe_events)
	echo > error_log
	out=$(kp_fail "$cmd") || return 1
	expect_match "$out" "$errtext" "errno for '$cmd'" || return 1
	expect_eq "$(wc -l < error_log)" 3 "error_log lines for '$cmd'" || return 1
	expect_match "$(sed -n 1p error_log)" '^\[ *[0-9]+\.[0-9]{6}\] trace_kprobe: error: ' \
		"error_log first line for '$cmd'" || return 1
	expect_eq "$(sed -n '1s/^[^]]*] //p' error_log)" "trace_kprobe: error: $msg" \
		"message for '$cmd'" || return 1
	# argv re-joined with single spaces.
	expect_eq "$(sed -n 2p error_log)" "  Command: $(echo "$cmd" | tr -s ' ' | sed 's/^ //; s/ $//')" \
		"command line" || return 1
	expect_eq "$(sed -n 3p error_log)" "$(spaces $((11 + pos)))^" "caret for '$marked'" || return 1
	# No half-made event is left behind.
	expect_eq "$(cat kprobe_events)" "$before" "kprobe_events after '$cmd'" || return 1
}

# profile_hits EVENT: the hit count of EVENT in kprobe_profile.
profile_hits() {
	awk -v e="$1" '$1 == e { print $2 }' kprobe_profile
}

# maxactive_default: max(10, 2 x possible CPUs), what "r" without digits reads back.
maxactive_default() {
	local n
	n=$(awk -F- '{ print $NF + 1 }' /sys/devices/system/cpu/possible 2>/dev/null || nr_cpus)
	[ $((2 * n)) -gt 10 ] && echo $((2 * n)) || echo 10
}

# vfs_read_offset: the smallest non-zero offset into vfs_read that a kprobe accepts (an
# instruction boundary); prints it, or fails.
vfs_read_offset() {
	local o=1
	while [ $o -lt 32 ]; do
		if printf 'p:kp_offset_probe vfs_read+%d\n' $o >> kprobe_events 2>/dev/null; then
			echo '-:kp_offset_probe' >> kprobe_events
			echo > error_log
			echo $o
			return 0
		fi
		o=$((o + 1))
	done
	return 1
}

# retaddr: the fetch argument that holds the return address at a function's entry: the word
# at the stack pointer on x86_64, the ra register on riscv64.
retaddr() {
	case $(uname -m) in
	riscv64)	echo '%ra' ;;
	*)		echo '$stack0' ;;
	esac
}

# mid_insn_offset FUNC [STEP]: the first offset into FUNC's first 64 bytes, among STEP, 2 *
# STEP, ... (default 1, 2, ...), that is not an instruction boundary (the registration fails
# with EILSEQ); prints it, or fails.
mid_insn_offset() {
	local step=${2:-1} o out
	o=$step
	while [ $o -lt 64 ]; do
		if ! out=$( (echo "p:kp_mid_probe $1+$o" >> kprobe_events) 2>&1 ); then
			case $out in
			*'Invalid or incomplete multibyte'*) echo > error_log; echo $o; return 0 ;;
			esac
		else
			echo '-:kp_mid_probe' >> kprobe_events
		fi
		o=$((o + step))
	done
	echo > error_log
	return 1
}

# repeat CHAR N: CHAR N times.
repeat() {
	awk -v c="$1" -v n="$2" 'BEGIN { s = ""; for (i = 0; i < n; i++) s = s c; printf "%s", s }'
}
