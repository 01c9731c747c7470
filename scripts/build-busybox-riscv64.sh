#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build a static riscv64 BusyBox from Debian's busybox source package, as Debian builds its
# busybox-static flavour, and cache it.
#
#   sh scripts/build-busybox-riscv64.sh [BUILD_DIR]      (default build/riscv64)
#
# Steps, each skipped when its result is already there:
#   1. "apt-get source busybox" into BUILD_DIR/busybox-src/ (needs a deb-src entry;
#      scripts/deps.sh riscv64 adds one when run as root);
#   2. configure a separate object tree as debian/rules does for the "static" flavour:
#      debian/config/os/linux, then debian/config/pkg/static, then "silentoldconfig";
#   3. build it with riscv64-linux-gnu-gcc and Debian's hardening flags for riscv64 (from
#      dpkg-buildflags, -O2 left out as debian/rules does: BusyBox builds with -Os);
#   4. copy the result to BUILD_DIR/busybox and check it is a static riscv64 executable.
#
# Prints the path of the binary on success.
set -eu

BUILD=${1:-build/riscv64}
mkdir -p "$BUILD"
BUILD=$(cd "$BUILD" && pwd)
OUT=$BUILD/busybox
SRCROOT=$BUILD/busybox-src
OBJ=$BUILD/busybox-obj
CROSS=${CROSS_COMPILE:-riscv64-linux-gnu-}

check() {	# check FILE: a statically linked RISC-V ELF executable
	file -b "$1" | grep -q 'ELF 64-bit LSB executable, UCB RISC-V' &&
		! readelf -l "$1" 2>/dev/null | grep -q 'program interpreter'
}

if [ -x "$OUT" ] && check "$OUT"; then
	echo "$OUT"
	exit 0
fi

command -v "${CROSS}gcc" >/dev/null ||
	{ echo "build-busybox: ${CROSS}gcc missing: run 'sh scripts/deps.sh riscv64'" >&2; exit 1; }

# 1. The source package, unpacked with Debian's patches applied.
SRC=$(find "$SRCROOT" -maxdepth 1 -type d -name 'busybox-*' 2>/dev/null | sort | tail -n 1)
if [ -z "$SRC" ]; then
	rm -rf "$SRCROOT"
	mkdir -p "$SRCROOT"
	(cd "$SRCROOT" && apt-get source busybox) >&2 || {
		echo "build-busybox: 'apt-get source busybox' failed: the apt sources need a" >&2
		echo "build-busybox: deb-src entry (run 'sh scripts/deps.sh riscv64' as root)" >&2
		exit 1
	}
	SRC=$(find "$SRCROOT" -maxdepth 1 -type d -name 'busybox-*' | sort | tail -n 1)
fi
[ -f "$SRC/debian/config/pkg/static" ] ||
	{ echo "build-busybox: $SRC has no debian/config/pkg/static" >&2; exit 1; }

# Debian's compiler flags for a riscv64 build, without -O2 (debian/rules filters it out).
CFLAGS=
LDFLAGS=
CPPFLAGS=
if command -v dpkg-buildflags >/dev/null; then
	CFLAGS=$(DEB_HOST_ARCH=riscv64 dpkg-buildflags --get CFLAGS | sed 's/ *-O2//')
	CPPFLAGS=$(DEB_HOST_ARCH=riscv64 dpkg-buildflags --get CPPFLAGS)
	LDFLAGS=$(DEB_HOST_ARCH=riscv64 dpkg-buildflags --get LDFLAGS)
fi
VERSION=$(dpkg-parsechangelog -l "$SRC/debian/changelog" -S Version 2>/dev/null || echo unknown)

# 2. Configure as the static flavour: the OS overrides first (first assignment wins), then
#    the flavour's config, then let Kconfig settle the rest.
if ! [ -f "$OBJ/.stamp-setup" ]; then
	rm -rf "$OBJ"
	mkdir -p "$OBJ"
	cat "$SRC/debian/config/os/linux" "$SRC/debian/config/pkg/static" > "$OBJ/.config"
	yes "" | make -C "$OBJ" -f "$SRC/Makefile" KBUILD_SRC="$SRC" \
		CROSS_COMPILE="$CROSS" KCONFIG_NOTIMESTAMP=1 silentoldconfig >&2
	grep -q '^CONFIG_STATIC=y' "$OBJ/.config" ||
		{ echo "build-busybox: the static config did not set CONFIG_STATIC" >&2; exit 1; }
	touch "$OBJ/.stamp-setup"
fi

# 3. Build. BusyBox's make takes one target at a time.
make -C "$OBJ" -j"$(nproc)" all CROSS_COMPILE="$CROSS" SKIP_STRIP=y \
	BB_EXTRA_VERSION="Debian $VERSION" \
	CONFIG_EXTRA_CFLAGS="$CFLAGS $CPPFLAGS" CONFIG_EXTRA_LDFLAGS="$CFLAGS $LDFLAGS" >&2

# 4. Install into the cache and check what was built.
cp "$OBJ/busybox" "$OUT.tmp"
check "$OUT.tmp" || { echo "build-busybox: $OBJ/busybox is not a static riscv64 ELF:" >&2;
		      file "$OUT.tmp" >&2; rm -f "$OUT.tmp"; exit 1; }
mv "$OUT.tmp" "$OUT"
echo "$OUT"
