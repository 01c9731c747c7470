#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# "make bench": Starling and Linux side by side in the same QEMU, one table.
#
#   sh bench/run.sh [--smoke] [--icount] [--runs N] [--kernels "starling linux"] [--out FILE]
#
#   --smoke     one short run on Starling only (iteration counts cut down in the guest): checks
#               that every workload produces a figure; ends with "bench smoke: N passed,
#               N failed" (", N skipped" when the kprobe workloads are configured off, see
#               below) and exits 1 on any failure.  Writes build/ARCH/bench/SMOKE.md.
#   --icount    QEMU's -icount shift=0: guest time counts instructions (1 ns each), so guest
#               figures repeat on a noisy host; host wall times (boot) stay real time.  This
#               mode boots -smp 1: on x86_64 QEMU 7.2 hangs in SeaBIOS with -smp 2 under
#               -icount; on riscv64 (OpenSBI, no SeaBIOS) the second hart comes up too late
#               for Starling's bring-up (SMP=2 in the environment still asks for two there).
#   --runs N    boots per kernel (default 5; smoke 1); each boot runs every workload once
#   --kernels   which columns to run (default "starling linux"; smoke "starling")
#   --out FILE  where the Markdown table goes (default bench/RESULTS.md on x86_64,
#               bench/RESULTS-ARCH.md on any other ARCH)
#
# Both kernels boot through scripts/qemu.sh's bench mode (TCG, same -cpu, -smp, -m) with the
# same archive from bench/mkinitramfs.sh.  Boots alternate between the kernels so that a slow
# spell of the host hits both.  Each figure is the median of the runs that produced it, with
# min and max; a run that failed is reported in the cell and in the list below the table, never
# silently dropped.  A workload the kernel does not offer (BENCH-NA from the guest: no
# kprobe_events, say) reads "unavailable (Fn)".  Logs: build/ARCH/logs/bench-KERNEL-RUN.log.
# The exit status is 0 once the table is written (a kernel failing a workload is a result, not
# an error), except in --smoke.
#
# The Linux column needs a Linux image for ARCH: on x86_64 Debian's linux-image-amd64 (the
# newest /boot/vmlinuz-*), elsewhere only $LINUX_IMAGE, since Debian bookworm ships no kernel
# package for riscv64.  Without one the column reads "not available" and the reason is given
# below the table; that is not an error.
#
# In --smoke, Starling's kprobe workloads count as skipped rather than failed while it is built
# with CONFIG_KPROBES=n (arch/ARCH/defconfig); once that is y they must produce figures.
#
# Environment: ARCH (x86_64), BENCH_TIMEOUT (seconds per boot; 240, smoke 90), BENCH_BOOT_TIMEOUT
# (seconds from QEMU's start to /init's first line before the boot counts as failed; 60), plus MEM, SMP
# and LINUX_IMAGE as scripts/qemu.sh takes them; CROSS_COMPILE and BUSYBOX as
# bench/mkinitramfs.sh takes them.
set -u

ARCH=${ARCH:-x86_64}
BUILD=build/$ARCH
OUT_DIR=$BUILD/bench
LOGS=$BUILD/logs
smoke=0 icount=0 runs='' kernels='' out=''

while [ $# -gt 0 ]; do
	case $1 in
	--smoke)	smoke=1 ;;
	--icount)	icount=1 ;;
	--runs)		runs=${2:?--runs needs a number}; shift ;;
	--runs=*)	runs=${1#--runs=} ;;
	--kernels)	kernels=${2:?--kernels needs a list}; shift ;;
	--kernels=*)	kernels=${1#--kernels=} ;;
	--out)		out=${2:?--out needs a file}; shift ;;
	--out=*)	out=${1#--out=} ;;
	*)		echo "usage: sh bench/run.sh [--smoke] [--icount] [--runs N]" \
				"[--kernels LIST] [--out FILE]" >&2; exit 2 ;;
	esac
	shift
done
if [ $smoke = 1 ]; then
	runs=${runs:-1} kernels=${kernels:-starling} out=${out:-$OUT_DIR/SMOKE.md}
	timeout=${BENCH_TIMEOUT:-90}
else
	case $ARCH in
	x86_64)	results=bench/RESULTS.md ;;
	*)	results=bench/RESULTS-$ARCH.md ;;
	esac
	runs=${runs:-5} kernels=${kernels:-starling linux} out=${out:-$results}
	timeout=${BENCH_TIMEOUT:-240}
fi
case $runs in ''|*[!0-9]*|0) echo "bench: --runs wants a positive number" >&2; exit 2 ;; esac

# Where the Linux column comes from, or why there is none.
linux_na=
case $ARCH in
x86_64)	linux_src="Debian linux-image-amd64" ;;
riscv64) linux_src="LINUX_IMAGE"
	linux_na="Debian bookworm has no riscv64 kernel package (riscv64 is not one of its release"
	linux_na="$linux_na architectures), so there is no Linux to boot; set LINUX_IMAGE to a riscv64"
	linux_na="$linux_na Linux Image to fill this column"
	[ -z "${LINUX_IMAGE:-}" ] || linux_na= ;;
*)	linux_src="LINUX_IMAGE"
	[ -n "${LINUX_IMAGE:-}" ] || linux_na="no Debian kernel for $ARCH here; set LINUX_IMAGE" ;;
esac
[ -n "${LINUX_IMAGE:-}" ] && linux_src="LINUX_IMAGE"
if [ -n "$linux_na" ]; then
	k_left=
	for k in $kernels; do
		[ "$k" = linux ] && echo "bench: Linux not available on $ARCH: $linux_na" ||
			k_left="$k_left $k"
	done
	kernels=${k_left# }
	[ -n "$kernels" ] || { echo "bench: no kernel left to run" >&2; exit 2; }
fi

# Starling's kprobe workloads are expected to be unavailable while it is configured without
# them: the configuration the image was built with, else the defconfig it will be built from.
kprobes_off=
if [ -r "$BUILD/include/generated/autoconf.h" ]; then
	grep -q '^#define CONFIG_KPROBES 1' "$BUILD/include/generated/autoconf.h" ||
		kprobes_off="CONFIG_KPROBES=n in arch/$ARCH/defconfig"
else
	grep -q '^CONFIG_KPROBES=y' "arch/$ARCH/defconfig" 2>/dev/null ||
		kprobes_off="CONFIG_KPROBES=n in arch/$ARCH/defconfig"
fi

boot_timeout=${BENCH_BOOT_TIMEOUT:-60}
mkdir -p "$OUT_DIR" "$LOGS"

# ---- build: the guest program and archive, and the host line stamper ------------------------
if ! sh bench/mkinitramfs.sh "$ARCH" "$BUILD" > "$LOGS/bench-initramfs.log" 2>&1; then
	cat "$LOGS/bench-initramfs.log" >&2
	echo "bench: building the bench initramfs failed" >&2
	exit 1
fi
${HOSTCC:-cc} -O2 -Wall -Wextra -o "$OUT_DIR/stamp" bench/stamp.c || exit 1

append=
qemu_extra=
if [ $smoke = 1 ]; then
	append="bench.smoke=1"
fi
if [ $icount = 1 ]; then
	qemu_extra="-icount shift=0"
	# x86_64: QEMU 7.2 with -icount and -smp 2 never gets past SeaBIOS, so one CPU.  riscv64
	# boots OpenSBI, not SeaBIOS, but under -icount QEMU runs the harts in turn, each for up to
	# 100 ms of guest time, and the second hart is not online within the one second Starling's
	# boot_cpu() waits for it; so one CPU there too, unless SMP is set explicitly.
	case $ARCH in
	x86_64)	SMP=1 ;;
	*)	SMP=${SMP:-1} ;;
	esac
	export SMP
	mode="deterministic (-icount shift=0 -smp ${SMP:-2}: guest time counts instructions, 1 ns each)"
else
	mode="wall clock (TCG; guest time is real time)"
fi

image_of() {	# the file scripts/qemu.sh passes to -kernel
	case $1 in
	starling) echo "$BUILD/starling" ;;
	linux) if [ -n "${LINUX_IMAGE:-}" ]; then echo "$LINUX_IMAGE";
		elif [ "$ARCH" = x86_64 ]; then
		# shellcheck disable=SC2012
		ls -1 /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1; fi ;;
	esac
}

# How Starling's panic() ends QEMU (scripts/qemu.sh): through x86_64's isa-debug-exit port, an
# odd status of 3 or more; through riscv64 virt's test device, status 3.
case $ARCH in
x86_64)	panic_exit=isa-debug-exit ;;
riscv64) panic_exit=virt-test ;;
*)	panic_exit= ;;
esac

load=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)

# ---- boots ----------------------------------------------------------------------------------
# Each boot's figures go to $REC as "kernel<TAB>run<TAB>metric<TAB>ok|fail<TAB>value or reason".
REC=$OUT_DIR/records.tsv
: > "$REC"

# boot_once KERNEL RUN: boot, then turn the stamped console log into records.
boot_once() {
	k=$1 r=$2
	log=$LOGS/bench-$k-$r.log
	img=$(image_of "$k")
	if [ -z "$img" ] || [ ! -r "$img" ]; then
		printf '%s\t%s\t*\tfail\tno kernel image %s\n' "$k" "$r" "${img:-(none)}" >> "$REC"
		echo "bench: $k run $r: no kernel image ${img:-(none)}"
		return
	fi
	echo "bench: $k run $r/$runs: booting (log $log)"
	# shellcheck disable=SC2086
	APPEND="$append" "$OUT_DIR/stamp" -w "BENCH boot.uptime" "$boot_timeout" \
		timeout -k 10 "$timeout" \
		sh scripts/qemu.sh bench "$ARCH" "$k" $qemu_extra > "$log" 2>&1
	awk -v k="$k" -v r="$r" -v limit="$timeout" -v blimit="$boot_timeout" \
	    -v pexit="$panic_exit" -v kpoff="$kprobes_off" '
	function rec(m, st, v) { printf "%s\t%s\t%s\t%s\t%s\n", k, r, m, st, v }
	{ ms = $1; sub(/^[^ ]* /, "") }
	/^EXIT / { rc = $2; next }
	{ if ($0 != "") last = $0 }
	/Kernel panic|panic\(\)|PANIC/ && !panic { panic = $0 }
	{ i = index($0, "BENCH") }
	i == 0 { next }
	{ line = substr($0, i); n = split(line, f, " ") }
	f[1] == "BENCH" && f[2] == "boot.uptime" && !booted {
		booted = 1; rec("boot.wall", "ok", ms); rec("boot.uptime", "ok", f[3]); next
	}
	f[1] == "BENCH" && n >= 3 { rec(f[2], "ok", f[3]); seen[f[2]] = 1; next }
	f[1] == "BENCH-FAIL" && n >= 2 {
		reason = line; sub(/^BENCH-FAIL [^ ]* ?/, "", reason)
		rec(f[2], "fail", reason); seen[f[2]] = 1; next
	}
	f[1] == "BENCH-NA" && n >= 2 {
		reason = line; sub(/^BENCH-NA [^ ]* ?/, "", reason)
		if (k == "starling" && kpoff != "" && f[2] ~ /^probe\./)
			reason = reason ": " kpoff
		rec(f[2], "na", reason); seen[f[2]] = 1; next
	}
	f[1] == "BENCH-END" { ended = 1 }
	END {
		if (rc == "killed") why = "no init line within " blimit " s: killed"
		else if (rc == 124 || rc == 137) why = "hung: killed after " limit " s"
		else if (panic != "") why = panic
		else if (pexit == "isa-debug-exit" && rc % 2 == 1 && rc >= 3)
			why = "panic (isa-debug-exit code " (rc - 1) / 2 ")"
		else if (pexit == "virt-test" && rc == 3) why = "panic (virt test device code 3)"
		else why = "QEMU exit " rc
		gsub(/\t/, " ", last); gsub(/\033\[[0-9;?]*[A-Za-z]|\033c/, "", last)
		gsub(/\t/, " ", why); sub(/^\[ *[0-9.]*\] /, "", why); sub(/^\[ *[0-9.]*\] /, "", last)
		if (length(last) > 100) last = substr(last, 1, 97) "..."
		if (!booted && panic != "")
			rec("*", "fail", "boot failed: no init (" why ")")
		else if (!booted)
			rec("*", "fail", "boot failed: no init (" why "; last console line: \"" last "\")")
		else if (!ended)
			rec("*", "fail", "run ended early (" why ")")
	}' "$log" >> "$REC"
}

r=1
while [ "$r" -le "$runs" ]; do
	for k in $kernels; do
		boot_once "$k" "$r"
	done
	r=$((r + 1))
done

# ---- the table ------------------------------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
qver=$(qemu-system-"$ARCH" --version 2>/dev/null | head -n 1)
sizes=
for k in starling linux; do
	img=$(image_of "$k")
	if [ -n "$img" ] && [ -r "$img" ]; then
		sizes="$sizes $k=$(($(wc -c < "$img") / 1024))"
	else
		sizes="$sizes $k=-"
	fi
done
linux_img=$(image_of linux)
if [ -n "$linux_na" ]; then
	linux_desc="Linux not available (below the table)"
else
	linux_desc="Linux $(basename "${linux_img:-?}" | sed 's/^vmlinuz-//') ($linux_src)"
fi
case $ARCH in
x86_64)	qmachine="-machine pc -accel tcg -cpu max" ;;
riscv64) qmachine="-machine virt -accel tcg -cpu rv64 -bios default (OpenSBI)" ;;
*)	qmachine="-accel tcg" ;;
esac

{
	echo "# Starling vs Linux: bench results ($ARCH)"
	echo
	echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- Mode: $mode$([ $smoke = 1 ] && echo '; SMOKE run: short iteration counts, not figures to quote')"
	echo "- Machine: ${cpu:-unknown CPU}, $(nproc) host CPUs, $(uname -sr); load average ${load:-?} at the start (other work on the host widens min-max)"
	echo "- QEMU: ${qver:-?}; $qmachine -smp ${SMP:-2} -m ${MEM:-512M}; same bench initramfs for both"
	echo "- Kernels: Starling ($(git rev-parse --short HEAD 2>/dev/null || echo '?'): $BUILD/starling), $linux_desc"
	echo "- Runs: $runs boot(s) per kernel; each cell is median [min-max] over the runs that produced the figure"
	echo
	awk -F '\t' -v kernels="$kernels" -v runs="$runs" -v sizes="$sizes" -v linux_na="$linux_na" '
	function fmt(v) {
		if (v < 0) return sprintf("%.3g", v)
		if (v >= 100) return sprintf("%.0f", v)
		if (v >= 10) return sprintf("%.1f", v)
		return sprintf("%.2f", v)
	}
	function isort(a, n,    i, j, t) {
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
	}
	# stat(K, M): sets cell[K] and med[K] for metric M from the per-run values.
	function stat(k, m,    r, n, nf, nna, v, a, why, c) {
		n = 0; nf = 0; nna = 0; why = ""
		for (r = 1; r <= runs; r++) {
			if ((k, r, m) in val) a[++n] = val[k, r, m]
			else {
				nf++
				if ((k, r, m) in na) nna++
				c = ((k, r, m) in err) ? err[k, r, m] : ((k, r, "*") in err ? err[k, r, "*"] : "no figure printed")
				if (why == "") why = c
			}
		}
		if (why != "") why = note(why)
		if (n == 0 && nna == runs) { has[k] = 0; cell[k] = "unavailable (" why ")"; return }
		if (n == 0) { has[k] = 0; cell[k] = "n/a (failed: " why ")"; return }
		isort(a, n)
		med[k] = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
		has[k] = 1
		cell[k] = fmt(med[k])
		if (n > 1 && a[1] != a[n]) cell[k] = cell[k] " [" fmt(a[1]) "-" fmt(a[n]) "]"
		if (nf) cell[k] = cell[k] " (" nf "/" runs " failed: " why ")"
	}
	# note(REASON): a short reference "F<n>" for a failure reason, listed under the table.
	function note(why) {
		if (!(why in fid)) { fid[why] = ++nfid; ftext[nfid] = why }
		return "F" fid[why]
	}
	BEGIN {
		nm = split("boot.wall|boot.uptime|image.size|mem.used|sys.getppid|sys.read|sys.fork|sys.exec|sys.pipe|probe.none|probe.p|probe.p3|probe.r|probe.pr|probe.p.hit|probe.p3.hit|probe.r.hit|probe.pr.hit|ring.marker.on|ring.marker.off|ring.drain|ring.drain.lost|ring.rawsys", order, "|")
		L["boot.wall"] = "boot: host wall time, QEMU start to /init first line|ms"
		L["boot.uptime"] = "boot: guest uptime at that line|ms"
		L["image.size"] = "footprint: kernel image (the -kernel file)|KiB"
		L["mem.used"] = "footprint: MemTotal - MemAvailable after boot|MiB"
		L["sys.getppid"] = "syscall: getppid|ns/call"
		L["sys.read"] = "syscall: read 1 byte from /dev/zero|ns/call"
		L["sys.fork"] = "syscall: fork + exit + wait|us"
		L["sys.exec"] = "syscall: fork + execve + wait|us"
		L["sys.pipe"] = "syscall: pipe throughput, 64 KiB writes|MB/s"
		L["probe.none"] = "probe: read loop, no probe|ns/call"
		L["probe.p"] = "probe: read loop, p: vfs_read|ns/call"
		L["probe.p3"] = "probe: read loop, p: vfs_read + 3 fetch args|ns/call"
		L["probe.r"] = "probe: read loop, r: vfs_read $retval|ns/call"
		L["probe.pr"] = "probe: read loop, p: and r: together|ns/call"
		L["probe.p.hit"] = "probe: overhead per hit, p:|ns"
		L["probe.p3.hit"] = "probe: overhead per hit, p: + 3 args|ns"
		L["probe.r.hit"] = "probe: overhead per hit, r: $retval|ns"
		L["probe.pr.hit"] = "probe: overhead per hit, p: + r:|ns"
		L["ring.marker.on"] = "ring: trace_marker writes, tracing on|writes/s"
		L["ring.marker.off"] = "ring: trace_marker writes, tracing off|writes/s"
		L["ring.drain"] = "ring: trace_pipe drain, a producer per CPU|events/s"
		L["ring.drain.lost"] = "ring: events lost during the drain|events"
		L["ring.rawsys"] = "ring: raw_syscalls events recorded, getppid loop|events/s"
		nk = split(sizes, sz, " ")
		for (i = 1; i <= nk; i++) { split(sz[i], kv, "="); size[kv[1]] = kv[2] }
	}
	$4 == "ok" { val[$1, $2, $3] = $5 + 0; next }
	$4 == "fail" || $4 == "na" {
		if (!(($1, $2, $3) in err)) err[$1, $2, $3] = $5
		if ($4 == "na") na[$1, $2, $3] = 1
		if (!(($5, $1, $2) in where)) { where[$5, $1, $2] = 1; wk[$5, $1] = wk[$5, $1] (wk[$5, $1] == "" ? "" : ",") $2 }
		note($5)
		next
	}
	END {
		# Per-run differences: overhead per hit = probed loop - unprobed loop of the same boot.
		split("starling linux", ks, " ")
		for (ki = 1; ki <= 2; ki++) for (r = 1; r <= runs; r++) {
			k = ks[ki]
			for (i = 0; i < 4; i++) {
				p = (i == 0 ? "probe.p" : i == 1 ? "probe.p3" : i == 2 ? "probe.r" : "probe.pr")
				if ((k, r, p) in val && (k, r, "probe.none") in val)
					val[k, r, p ".hit"] = val[k, r, p] - val[k, r, "probe.none"]
				else if ((k, r, p) in err) {
					err[k, r, p ".hit"] = err[k, r, p]
					if ((k, r, p) in na) na[k, r, p ".hit"] = 1
				}
				else if ((k, r, "probe.none") in err)
					err[k, r, p ".hit"] = "unprobed loop: " err[k, r, "probe.none"]
			}
			# raw_syscalls: sys_enter and sys_exit per getppid call
			if ((k, r, "ring.rawsys.call") in val && val[k, r, "ring.rawsys.call"] > 0)
				val[k, r, "ring.rawsys"] = 2e9 / val[k, r, "ring.rawsys.call"]
			else if ((k, r, "ring.rawsys.call") in err) {
				err[k, r, "ring.rawsys"] = err[k, r, "ring.rawsys.call"]
				if ((k, r, "ring.rawsys.call") in na) na[k, r, "ring.rawsys"] = 1
			}
			if (size[k] != "" && size[k] != "-") val[k, r, "image.size"] = size[k] + 0
			else err[k, r, "image.size"] = "no kernel image"
		}
		print "| metric | unit | Starling | Linux | ratio S/L |"
		print "| --- | --- | --- | --- | --- |"
		for (i = 1; i <= nm; i++) {
			m = order[i]; split(L[m], lu, "|")
			for (ki = 1; ki <= 2; ki++) {
				k = ks[ki]
				if (index(" " kernels " ", " " k " ")) stat(k, m)
				else { has[k] = 0; cell[k] = (k == "linux" && linux_na != "") ? "not available" : "not run" }
			}
			ratio = "-"
			if (has["starling"] && has["linux"] && med["linux"] != 0)
				ratio = sprintf("%.2f", med["starling"] / med["linux"])
			printf "| %s | %s | %s | %s | %s |\n", lu[1], lu[2], cell["starling"], cell["linux"], ratio
		}
		if (linux_na != "") {
			print ""
			print "Linux: not available: " linux_na "."
		}
		if (nfid) {
			print ""
			print "Failures and unavailable workloads (every run without a figure, with the reason it gave):"
			print ""
			for (i = 1; i <= nfid; i++) {
				w = ""
				for (ki = 1; ki <= 2; ki++)
					if ((ftext[i], ks[ki]) in wk)
						w = w (w == "" ? "" : "; ") ks[ki] " run" (index(wk[ftext[i], ks[ki]], ",") ? "s " : " ") wk[ftext[i], ks[ki]]
				printf "- F%d%s: %s\n", i, (w == "" ? "" : " (" w ")"), ftext[i]
			}
		}
	}' "$REC"
	echo
	echo "Lower is better for times, sizes and lost events; higher for MB/s, writes/s and events/s."
	echo "Overhead per hit is the probed read loop minus the unprobed one in the same boot (one"
	echo "vfs_read hit per call).  Under TCG every figure is far slower than on hardware: compare"
	echo "the two columns, not absolute values."
} > "$out.tmp"
mv "$out.tmp" "$out"
echo
cat "$out"
echo
echo "bench: table written to $out; logs in $LOGS/bench-*.log"

if [ $smoke = 1 ]; then
	# A workload passes when the kernel produced its figure (a smoke run is one boot).  Starling's
	# kprobe workloads are skipped, not failed, while its defconfig has kprobe events off.
	awk -F '\t' -v kernels="$kernels" -v kpoff="$kprobes_off" '
	BEGIN { n = split("boot.wall boot.uptime mem.used sys.getppid sys.read sys.fork sys.exec sys.pipe probe.none probe.p probe.p3 probe.r probe.pr ring.marker.on ring.marker.off ring.drain ring.drain.lost ring.rawsys.call", m, " ") }
	$4 == "ok" { ok[$1, $3] = 1 }
	END {
		nk = split(kernels, ks, " ")
		for (i = 1; i <= n; i++) for (j = 1; j <= nk; j++) {
			if ((ks[j], m[i]) in ok) pass++
			else if (ks[j] == "starling" && kpoff != "" && m[i] ~ /^probe\./ && m[i] != "probe.none") {
				skip++; printf "SKIP bench smoke: %s %s (%s)\n", ks[j], m[i], kpoff
			} else { fail++; printf "FAIL bench smoke: %s %s\n", ks[j], m[i] }
		}
		printf "bench smoke: %d passed, %d failed%s\n", pass, fail, skip ? ", " skip " skipped" : ""
		exit fail ? 1 : 0
	}' "$REC"
	exit $?
fi
exit 0
