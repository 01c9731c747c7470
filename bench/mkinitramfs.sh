#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the bench initramfs, the one archive both kernels boot in "make bench":
#
#   sh bench/mkinitramfs.sh ARCH BUILD
#     BUILD/bench/bench                  bench/bench.c, gcc -static
#     BUILD/bench/bench-initramfs.cpio   BusyBox and /etc as initramfs/ has them, the bench
#                                        program as /bin/bench and as /init, bench/init.sh as
#                                        /bench/init.sh
#
# It does not touch initramfs/'s archives or staging tree.  Like initramfs/mkinitramfs.sh it
# needs no root: ownership is forced to 0:0, modes are set here, and /dev/console and /dev/null
# are written as raw newc entries at the head of the single archive.
#
# BUSYBOX overrides the BusyBox binary (default, as in initramfs/mkinitramfs.sh: /bin/busybox
# from busybox-static on x86_64, build/riscv64/busybox from scripts/build-busybox-riscv64.sh on
# riscv64); CC the compiler of the static guest program (default $CROSS_COMPILE gcc;
# CROSS_COMPILE defaults to riscv64-linux-gnu- there).
set -eu

ARCH=${1:?usage: mkinitramfs.sh ARCH BUILD}
BUILD=${2:?usage: mkinitramfs.sh ARCH BUILD}
SRC=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$SRC/.." && pwd)
OUT=$BUILD/bench

case $ARCH in
x86_64)	BUSYBOX=${BUSYBOX:-/bin/busybox} ;;
riscv64) BUSYBOX=${BUSYBOX:-$TOP/build/riscv64/busybox}
	CROSS_COMPILE=${CROSS_COMPILE:-riscv64-linux-gnu-} ;;
*)	BUSYBOX=${BUSYBOX:?bench/mkinitramfs: set BUSYBOX to a static $ARCH busybox} ;;
esac
CC=${CC:-${CROSS_COMPILE:-}gcc}
[ -x "$BUSYBOX" ] || { echo "bench/mkinitramfs: $BUSYBOX not found (run scripts/deps.sh $ARCH)" >&2; exit 1; }

mkdir -p "$OUT"
$CC -static -O2 -Wall -Wextra -Werror -o "$OUT/bench.tmp" "$SRC/bench.c"
mv "$OUT/bench.tmp" "$OUT/bench"

# A foreign-arch BusyBox cannot run here: fall back to the host's applet list.
applets=$("$BUSYBOX" --list-full 2>/dev/null) || applets=$(/bin/busybox --list-full 2>/dev/null) ||
	{ echo "bench/mkinitramfs: cannot list BusyBox applets" >&2; exit 1; }

ROOT=$OUT/root
rm -rf "$ROOT"
umask 022
for d in bin sbin usr usr/bin usr/sbin etc root proc sys tmp mnt var run bench; do
	mkdir -p "$ROOT/$d"
done
cp "$BUSYBOX" "$ROOT/bin/busybox"
printf '%s\n' "$applets" | while read -r path; do
	case $path in
	""|bin/busybox) continue ;;
	*/*) ;;
	*) continue ;;
	esac
	[ -e "$ROOT/$path" ] || ln -s /bin/busybox "$ROOT/$path"
done
cp "$TOP"/initramfs/skel/etc/* "$ROOT/etc/"
chmod 0644 "$ROOT"/etc/*
install -m 0755 "$OUT/bench" "$ROOT/bin/bench"
install -m 0755 "$OUT/bench" "$ROOT/init"	# a copy: no symlink needed at boot
install -m 0755 "$SRC/init.sh" "$ROOT/bench/init.sh"
find "$ROOT" -type d -exec chmod 0755 {} +
chmod 0755 "$ROOT/bin/busybox"
chmod 0700 "$ROOT/root"
chmod 1777 "$ROOT/tmp"

# newc header: magic, 13 fields of 8 hex digits, the NUL-terminated name padded to 4 bytes.
newc_entry() {	# ino mode nlink rdevmajor rdevminor name
	ns=$((${#6} + 1))
	printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
		"$1" "$2" 0 0 "$3" 0 0 0 0 "$4" "$5" "$ns" 0
	printf '%s\000' "$6"
	pad=$(( (4 - (110 + ns) % 4) % 4 ))
	while [ $pad -gt 0 ]; do printf '\000'; pad=$((pad - 1)); done
}

tmp=$OUT/bench-initramfs.cpio.tmp
{
	newc_entry 2000001 $((0040000 | 0755)) 2 0 0 dev
	newc_entry 2000002 $((0020000 | 0600)) 1 5 1 dev/console
	newc_entry 2000003 $((0020000 | 0666)) 1 1 3 dev/null
	(cd "$ROOT" && { echo .; find . ! -name . | sed 's|^\./||' | LC_ALL=C sort; } |
		cpio -o -H newc -R 0:0 --quiet)
} > "$tmp"
mv "$tmp" "$OUT/bench-initramfs.cpio"
echo "bench/mkinitramfs: $OUT/bench-initramfs.cpio"
