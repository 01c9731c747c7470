#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the two initramfs archives without root:
#
#   sh initramfs/mkinitramfs.sh ARCH BUILD
#     BUILD/initramfs.cpio       BusyBox, /etc, and initramfs/init: an interactive shell
#     BUILD/test-initramfs.cpio  the same plus tests/shell as /tests, and initramfs/test-init
#                                as /init: runs the shell suite, then powers off.  Each
#                                tests/shell/bin/NAME.c becomes the static program
#                                /tests/bin/NAME (for what BusyBox cannot do: setitimer,
#                                futex operations); run.sh puts /tests/bin on PATH.
#
# Both are single newc archives.  Ownership is forced to 0:0 by cpio -R and every mode is set
# explicitly here, so the result does not depend on the builder's uid or umask; /home/user is
# handed to uid 1000 by /init at boot.  The device nodes /dev/console and /dev/null cannot be
# made without root, so their entries are written directly at the head of the archive: the
# kernel needs /dev/console to give /init its stdin, stdout and stderr.
#
# BUSYBOX overrides the BusyBox binary (default /bin/busybox from busybox-static on x86_64,
# build/riscv64/busybox on riscv64); CC the compiler of the test programs (default
# $CROSS_COMPILE gcc, linked -static; CROSS_COMPILE defaults to riscv64-linux-gnu- there).
set -eu

ARCH=${1:?usage: mkinitramfs.sh ARCH BUILD}
BUILD=${2:?usage: mkinitramfs.sh ARCH BUILD}
SRC=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$SRC/.." && pwd)

case $ARCH in
x86_64)	BUSYBOX=${BUSYBOX:-/bin/busybox} ;;
riscv64) BUSYBOX=${BUSYBOX:-$TOP/build/riscv64/busybox}	# scripts/build-busybox-riscv64.sh
	CROSS_COMPILE=${CROSS_COMPILE:-riscv64-linux-gnu-} ;;
*)	BUSYBOX=${BUSYBOX:?mkinitramfs: set BUSYBOX to a static $ARCH busybox} ;;
esac
CC=${CC:-${CROSS_COMPILE:-}gcc}
[ -x "$BUSYBOX" ] || { echo "mkinitramfs: $BUSYBOX not found (run scripts/deps.sh $ARCH)" >&2; exit 1; }

# The applet list with install paths ("bin/ls", "usr/bin/awk").  A foreign-arch BusyBox
# cannot run here, so fall back to the host's list; /init runs "busybox --install -s" for
# anything the list missed.
applets=$("$BUSYBOX" --list-full 2>/dev/null) || applets=$(/bin/busybox --list-full 2>/dev/null) ||
	{ echo "mkinitramfs: cannot list BusyBox applets" >&2; exit 1; }

mkdir -p "$BUILD"
STAGE=$BUILD/initramfs.d
rm -rf "$STAGE"
mkdir -p "$STAGE"
ROOT=$STAGE/root

# ---- the common tree --------------------------------------------------------------------
umask 022
for d in bin sbin usr usr/bin usr/sbin etc root home home/user proc sys dev tmp mnt \
	 var var/log run lib; do
	mkdir -p "$ROOT/$d"
done
cp "$BUSYBOX" "$ROOT/bin/busybox"
printf '%s\n' "$applets" | while read -r path; do
	case $path in
	""|bin/busybox) continue ;;
	*/*) ;;
	*) continue ;;		# "linuxrc" and similar top-level entries
	esac
	[ -e "$ROOT/$path" ] || ln -s /bin/busybox "$ROOT/$path"
done
cp "$SRC"/skel/etc/* "$ROOT/etc/"
chmod 0644 "$ROOT"/etc/*

find "$ROOT" -type d -exec chmod 0755 {} +
chmod 0755 "$ROOT/bin/busybox"
chmod 0700 "$ROOT/root"
chmod 1777 "$ROOT/tmp"

# ---- archive writer -----------------------------------------------------------------------
# newc header: magic, then 13 fields of 8 hex digits; name NUL-terminated and padded so that
# header plus name is a multiple of 4 bytes.
newc_entry() {	# ino mode nlink rdevmajor rdevminor name   (no file data)
	ns=$((${#6} + 1))
	printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
		"$1" "$2" 0 0 "$3" 0 0 0 0 "$4" "$5" "$ns" 0
	printf '%s\000' "$6"
	pad=$(( (4 - (110 + ns) % 4) % 4 ))
	while [ $pad -gt 0 ]; do printf '\000'; pad=$((pad - 1)); done
}

mkarchive() {	# tree output
	tmp=$2.tmp
	{
		newc_entry 1000001 $((0040000 | 0755)) 2 0 0 dev
		newc_entry 1000002 $((0020000 | 0600)) 1 5 1 dev/console
		newc_entry 1000003 $((0020000 | 0666)) 1 1 3 dev/null
		# "." first sets the mode of the root directory; the rest without a "./" prefix,
		# sorted so that a directory always precedes its contents.
		(cd "$1" && { echo .; find . ! -name . ! -path ./dev | sed 's|^\./||' | LC_ALL=C sort; } |
			cpio -o -H newc -R 0:0 --quiet)
	} > "$tmp"
	mv "$tmp" "$2"
}

# ---- interactive archive --------------------------------------------------------------------
install -m 0755 "$SRC/init" "$ROOT/init"
mkarchive "$ROOT" "$BUILD/initramfs.cpio"

# ---- test archive ---------------------------------------------------------------------------
install -m 0755 "$SRC/test-init" "$ROOT/init"
mkdir -p "$ROOT/tests"
(cd "$TOP/tests/shell" && find . -type d) | while read -r d; do
	mkdir -p "$ROOT/tests/$d"; chmod 0755 "$ROOT/tests/$d"
done
(cd "$TOP/tests/shell" && find . -type f) | while read -r f; do
	case $f in
	./bin/*.c)
		name=$(basename "$f" .c)
		if ! $CC -static -O2 -Wall -Wextra -Werror -o "$BUILD/$name.tmp" "$TOP/tests/shell/$f"
		then
			# x86_64's programs must build; elsewhere one may use calls the arch
			# lacks (legacy_stat): left out, the cases needing it are UNSUPPORTED
			[ "$ARCH" != x86_64 ] || exit 1
			echo "mkinitramfs: tests/shell/$f does not build for $ARCH: left out" >&2
			continue
		fi
		install -m 0755 "$BUILD/$name.tmp" "$ROOT/tests/bin/$name"
		rm -f "$BUILD/$name.tmp" ;;
	*.sh)	install -m 0755 "$TOP/tests/shell/$f" "$ROOT/tests/$f" ;;
	*)	install -m 0644 "$TOP/tests/shell/$f" "$ROOT/tests/$f" ;;
	esac
done
mkarchive "$ROOT" "$BUILD/test-initramfs.cpio"

echo "mkinitramfs: $BUILD/initramfs.cpio $BUILD/test-initramfs.cpio"
