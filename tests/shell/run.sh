#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run the shell suite (in the style of Linux's tools/testing/selftests/ftrace/ftracetest).
#
#   sh run.sh [PATTERN...]      PATTERN is relative to this directory: "userland/*",
#                               "userland/pipe_*.tc", "userland" (a group); default: all
#
# Each case is tests/shell/<group>/<name>.tc, headed by
#   # description: one line saying what behaviour is checked
#   # requires: WORD...   each WORD must hold, else the case is UNSUPPORTED (not failed):
#         a tracefs path (kprobe_events, events/kprobes), an absolute path (/proc/kallsyms),
#         kernel:starling or kernel:linux, cpus:N (at least N CPUs), prog:NAME (a command),
#         arch:MACHINE (uname -m is MACHINE)
#
# bin/NAME.c are small C programs for what BusyBox has no applet for; the initramfs builder
# compiles each into the static program bin/NAME, and the cases find it on PATH.
#
# The runner resets tracefs before and after each case, runs the case in a shell of its own
# with "set -e" from the tracefs directory under a time limit, compares free pages before
# and after, prints one line per case (PASS, FAIL with the case's output, UNSUPPORTED),
# then "N unsupported" and, last, exactly "N passed, N failed".  Exit status 1 on any failure.
#
# Environment: TIMEOUT (seconds per case, 120), SLACK (free pages a case may lose: 4 on
# Starling, where counts are nearly exact: the long-lived runner shell and kmalloc's partly
# used pages can move by a page or two between cases, while a process left behind holds
# dozens (its kernel stack alone is 4); 16384 on Linux, whose page cache and slabs drift),
# LOGDIR (/tmp/shell-logs), VERBOSE=1 prints every log.

SUITE=$(cd "$(dirname "$0")" && pwd)
PATH=$SUITE/bin:$PATH
export PATH
. "$SUITE/functions"

TIMEOUT=${TIMEOUT:-120}
if [ -z "${SLACK:-}" ]; then
	if is_starling; then SLACK=4; else SLACK=16384; fi
fi
LOGDIR=${LOGDIR:-/tmp/shell-logs}
mkdir -p "$LOGDIR" || exit 2

# requires_ok FILE: check every "# requires:" word; sets MISSING to the first that fails.
requires_ok() {
	local words w
	MISSING=
	words=$(sed -n 's/^#[[:space:]]*requires:[[:space:]]*//p' "$1")
	for w in $words; do
		case $w in
		kernel:starling)	is_starling || { MISSING=$w; return 1; } ;;
		kernel:linux)		! is_starling || { MISSING=$w; return 1; } ;;
		cpus:*)			[ "$(nr_cpus)" -ge "${w#cpus:}" ] || { MISSING=$w; return 1; } ;;
		arch:*)			[ "$(uname -m)" = "${w#arch:}" ] || { MISSING=$w; return 1; } ;;
		prog:*)			command -v "${w#prog:}" >/dev/null 2>&1 || { MISSING=$w; return 1; } ;;
		/*)			[ -e "$w" ] || { MISSING=$w; return 1; } ;;
		*)			[ -n "$TRACEFS" ] && [ -e "$TRACEFS/$w" ] || { MISSING=$w; return 1; } ;;
		esac
	done
	return 0
}

# The cases, relative to $SUITE, in a stable order.
set -f
pats="$*"
[ -n "$pats" ] || pats='*'
cases=
for p in $pats; do
	case $p in
	*.tc)	;;
	*/*)	;;
	*)	p="$p/*.tc" ;;		# a group name, or "*" for everything
	esac
	case $p in *.tc) ;; *) p="$p.tc" ;; esac
	set +f
	for f in $SUITE/$p; do
		[ -f "$f" ] || continue
		cases="$cases ${f#$SUITE/}"
	done
	set -f
done
set +f
cases=$(printf '%s\n' $cases | LC_ALL=C sort -u)

pass=0 fail=0 unsup=0
for t in $cases; do
	if ! requires_ok "$SUITE/$t"; then
		unsup=$((unsup + 1))
		echo "UNSUPPORTED $t (requires $MISSING)"
		continue
	fi
	log=$LOGDIR/$(echo "$t" | tr '/' '_').log
	rm -f "$log"
	: > "$log"
	reset_tracefs
	free_pages; before=$FREE_PAGES
	start=$(uptime_cs)
	# A shell of its own: the case's traps, cd, exit and "set -e" stay inside it, and the
	# time limit kills it whole.  Never under if, && or !, which would disable "set -e".
	timeout -s KILL "$TIMEOUT" sh -c '
		. "$1/functions"
		cd "${TRACEFS:-/tmp}" || exit 2
		set -e
		. "$1/$2"' run.sh "$SUITE" "$t" > "$log" 2>&1 < /dev/null
	rc=$?
	elapsed=$(( $(uptime_cs) - start ))
	reset_tracefs
	free_pages; after=$FREE_PAGES
	# The log lives in memory too: give its pages back before comparing.
	logpages=$(( ($(wc -c < "$log") + 4095) / 4096 ))
	# A process the case leaves behind for a moment still holds its pages: BusyBox
	# timeout's watcher checks its target only once a second.  Give such stragglers up
	# to 3 s to finish before calling a deficit a leak; a real leak does not go away.
	tries=0
	while [ $((after + logpages)) -lt $((before - SLACK)) ] && [ $tries -lt 15 ]; do
		sleep 0.2
		free_pages; after=$FREE_PAGES
		tries=$((tries + 1))
	done
	why=
	if [ $rc -ne 0 ]; then
		why="rc=$rc"
		if [ $rc -eq 137 ] && [ $elapsed -ge $((TIMEOUT * 100)) ]; then
			why="timed out after ${TIMEOUT}s"
		fi
	elif [ $((after + logpages)) -lt $((before - SLACK)) ]; then
		why="free pages $before -> $after, slack $SLACK"
	fi
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		echo "PASS $t"
		[ "${VERBOSE:-0}" = 1 ] && sed 's/^/    /' "$log"
		continue
	fi
	fail=$((fail + 1))
	echo "FAIL $t ($why)"
	sed -n 's/^#[[:space:]]*description:[[:space:]]*/    # /p' "$SUITE/$t"
	sed 's/^/    | /' "$log"
done
echo "$unsup unsupported"
printf '%d passed, %d failed\n' "$pass" "$fail"
[ $fail -eq 0 ]
