#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# /bench/init.sh: the workloads of one bench boot, run by /init (the bench program) right after
# it printed the boot line.  Every figure is one "BENCH metric value unit" line on the console;
# a workload that cannot run prints "BENCH-FAIL metric reason" instead, or "BENCH-NA metric
# reason" when the kernel does not offer what it measures (no kprobe_events, no trace_marker),
# and the rest go on.  Ends with "BENCH-END" and powers off.  Only the probe definitions
# differ by architecture (fetch-argument register names; uname -m says which).
#
# Kernel command-line words understood here:
#   bench.smoke=1   short runs (a few thousand iterations each): checks the harness, not speed
. /etc/rc.mounts >/dev/null 2>&1

T=/sys/kernel/tracing
smoke=0
for w in $(cat /proc/cmdline 2>/dev/null); do
	case $w in
	bench.smoke=1)	smoke=1 ;;
	esac
done

# Iteration counts: each workload takes roughly 0.2-2 s of guest time under TCG.
if [ $smoke = 1 ]; then
	N_GETPPID=2000 N_READ=2000 N_FORK=10 N_EXEC=5 N_PIPE=2 N_MARKER=2000 MS_DRAIN=200
else
	N_GETPPID=200000 N_READ=200000 N_FORK=100 N_EXEC=50 N_PIPE=8 N_MARKER=200000 MS_DRAIN=1000
fi

echo "BENCH-INFO kernel $(uname -sr) cpus $(nproc 2>/dev/null || echo ?) smoke $smoke"

# ---- footprint: memory in use right after boot ----------------------------------------------
bench meminfo

# ---- system calls -----------------------------------------------------------------------------
bench getppid $N_GETPPID sys.getppid
bench read $N_READ sys.read
bench fork $N_FORK
bench exec $N_EXEC
bench pipe $N_PIPE

# ---- probes -----------------------------------------------------------------------------------
# probe_na METRIC...: one "not offered by this kernel" line per metric, the reason in $reason.
probe_na() {
	for m in "$@"; do
		echo "BENCH-NA $m $reason"
	done
}

# probe_run METRIC DEFINITION...: define the kprobe events, enable them, time the read loop,
# remove them again.  A kernel that rejects a step gets a failure line for METRIC.
probe_run() {
	m=$1; shift
	echo 0 > $T/events/enable 2>/dev/null
	if ! echo > $T/kprobe_events 2>/dev/null; then
		echo "BENCH-FAIL $m cannot clear $T/kprobe_events"; return
	fi
	for def in "$@"; do
		if ! bench write $T/kprobe_events "$def" 2>/tmp/err; then
			echo "BENCH-FAIL $m kprobe_events rejected '$def': $(cat /tmp/err)"
			echo > $T/kprobe_events 2>/dev/null
			return
		fi
	done
	if ! echo 1 > $T/events/bench/enable 2>/dev/null; then
		echo "BENCH-FAIL $m cannot enable $T/events/bench"
		echo > $T/kprobe_events 2>/dev/null
		return
	fi
	bench read $N_READ $m
	# The hit count shows that the loop really went through the probe.
	hits=$(awk '{ s += $2 } END { print s + 0 }' $T/kprobe_profile 2>/dev/null)
	echo "BENCH-INFO $m hits ${hits:-?}"
	echo 0 > $T/events/bench/enable 2>/dev/null
	echo > $T/kprobe_events 2>/dev/null
	echo > $T/trace 2>/dev/null
}

# vfs_read's first three arguments by register, as each architecture names them.
case $(uname -m) in
x86_64)		ARGS3='file=%di buf=%si count=%dx' ;;
riscv64)	ARGS3='file=%a0 buf=%a1 count=%a2' ;;
*)		ARGS3='file=$arg1 buf=$arg2 count=$arg3' ;;
esac

# The unprobed loop is the reference of the probed ones, and needs no kprobes of its own.
echo 1 > $T/tracing_on 2>/dev/null
bench read $N_READ probe.none
if [ ! -e $T/kprobe_events ]; then
	reason="no kprobe events in this kernel ($T/kprobe_events is missing)"
	probe_na probe.p probe.p3 probe.r probe.pr
else
	probe_run probe.p 'p:bench/p vfs_read'
	probe_run probe.p3 "p:bench/p3 vfs_read $ARGS3"
	probe_run probe.r 'r:bench/r vfs_read ret=$retval'
	probe_run probe.pr 'p:bench/p vfs_read' 'r:bench/r vfs_read ret=$retval'
fi

# ---- ring buffer ------------------------------------------------------------------------------
if [ ! -e $T/trace_marker ]; then
	reason="no $T/trace_marker"
	probe_na ring.marker.on ring.marker.off ring.drain ring.drain.lost
else
	echo 1024 > $T/buffer_size_kb 2>/dev/null
	echo > $T/trace 2>/dev/null
	echo 1 > $T/tracing_on 2>/dev/null
	bench marker $N_MARKER ring.marker.on
	echo 0 > $T/tracing_on 2>/dev/null
	bench marker $N_MARKER ring.marker.off off
	echo 1 > $T/tracing_on 2>/dev/null
	echo > $T/trace 2>/dev/null
	bench drain $MS_DRAIN || echo "BENCH-FAIL ring.drain.lost no drain figure"
	echo > $T/trace 2>/dev/null
fi

# ---- static events: raw_syscalls ------------------------------------------------------------
# The getppid loop with sys_enter and sys_exit recording: two events per call (run.sh turns
# ns/call into events/s).  The entry count shows that the events really went in.
if [ ! -e $T/events/raw_syscalls/enable ]; then
	reason="no $T/events/raw_syscalls"
	probe_na ring.rawsys.call
else
	echo > $T/trace 2>/dev/null
	echo 1 > $T/tracing_on 2>/dev/null
	if echo 1 > $T/events/raw_syscalls/enable 2>/dev/null; then
		bench getppid $N_GETPPID ring.rawsys.call
		echo 0 > $T/events/raw_syscalls/enable 2>/dev/null
		echo "BENCH-INFO ring.rawsys.call $(sed -n 3p $T/trace 2>/dev/null)"
	else
		echo "BENCH-FAIL ring.rawsys.call cannot enable $T/events/raw_syscalls"
	fi
	echo > $T/trace 2>/dev/null
fi

echo "BENCH-END"
sync
poweroff -f
