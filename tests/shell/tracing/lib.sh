# SPDX-License-Identifier: GPL-2.0-only
#
# Helpers for the tracing cases, sourced by them after run.sh's functions.  POSIX sh.

# The per-line context of trace output (section 5.2): comm right-aligned in 16 columns, "-",
# pid left-aligned in 7, " [CPU] ", five flag characters, " ", the timestamp "%5lu.%06lu",
# ": ".  CTX matches it with irq-info on; CTX_NOIRQ without the flag column.
CTX='^.{16}-[0-9][0-9 ]{6} \[[0-9]{3}\] [.dDbNnpZzHhs0-9a-f]{5} [ 0-9]{4}[0-9]+\.[0-9]{6}: '
CTX_NOIRQ='^.{16}-[0-9][0-9 ]{6} \[[0-9]{3}\]  [ 0-9]{4}[0-9]+\.[0-9]{6}: '

# body [FILE]: the trace lines of FILE (default trace), without the "#" header.
body() {
	grep -v '^#' "${1:-trace}" || true
}

# count_lines PATTERN [FILE]: how many trace lines match the extended regular expression.
count_lines() {
	grep -cE -- "$1" "${2:-trace}" || true
}

# header_counts [FILE]: print "ENTRIES WRITTEN NCPUS" from the header's third line.
header_counts() {
	sed -n 3p "${1:-trace}" |
		sed -n 's|^# entries-in-buffer/entries-written: \([0-9]*\)/\([0-9]*\)   #P:\([0-9]*\)$|\1 \2 \3|p'
}

# stat_of CPU NAME: the value of counter NAME ("overrun", "read events") in cpuCPU's stats.
stat_of() {
	sed -n "s/^$2: //p" "per_cpu/cpu$1/stats"
}

# marker_on CPU TEXT...: write one trace_marker line while running on CPU.
marker_on() {
	local cpu=$1
	shift
	taskset -c "$cpu" sh -c 'echo "$1" > trace_marker' sh "$*"
}

# write_err FILE TEXT: write TEXT to FILE (append), expecting failure; print the shell's
# error message, which names the errno ("Invalid argument").
write_err() {
	local out
	if out=$( (echo "$2" >> "$1") 2>&1 ); then
		echo "expected failure writing '$2' to $1, but it succeeded" >&2
		return 1
	fi
	printf '%s\n' "$out"
}

# keep_state: put trace_clock, buffer_size_kb and the options this suite changes back as
# they were when the case ends, however it ends (the runner's reset leaves them alone).
keep_state() {
	local clk kb
	clk=$(sed 's/.*\[\(.*\)\].*/\1/' trace_clock)
	kb=$(cut -d' ' -f1 buffer_size_kb)
	[ "$kb" = X ] && kb=1408
	KEEP="echo $clk > trace_clock; echo $kb > buffer_size_kb"
	for o in overwrite irq-info record-tgid; do
		KEEP="$KEEP; echo $(cat options/$o) > options/$o"
	done
	trap 'cd "$TRACEFS" && eval "$KEEP"; [ -n "${D:-}" ] && rm -rf "$D"; true' EXIT
}
