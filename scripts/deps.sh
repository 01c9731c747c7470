#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Check that every host tool the build and the tests need is present, per architecture.
#
#   sh scripts/deps.sh ARCH [linux]
#
# A command is mapped to the Debian package that provides it.  When everything is there this
# is a fast no-op.  Otherwise, as root, it runs "apt-get update" once and installs what is
# missing; as anyone else it prints the exact apt-get command and exits 1.  The word "linux"
# also requires Debian's kernel image (needed by "make test KERNEL=linux" and "make bench"
# only, so it is never installed unless asked for).
#
# riscv64 also needs apt's deb-src entry (added as root, else printed) and BusyBox built from
# Debian's source package by scripts/build-busybox-riscv64.sh into build/riscv64/busybox
# (cached; skipped when BUSYBOX names a binary to use instead).
set -u

ARCH=${1:-x86_64}
WANT_LINUX=
[ "${2:-}" = linux ] && WANT_LINUX=1

missing=
need() {	# need PACKAGE CHECK...: add PACKAGE unless the check passes
	pkg=$1; shift
	"$@" >/dev/null 2>&1 && return 0
	case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg";; esac
}
have() { command -v "$1"; }
exists() { [ -e "$1" ]; }

# A BusyBox that runs without a dynamic loader: the initramfs has no libc.
static_elf() { [ -x "$1" ] && ! readelf -l "$1" 2>/dev/null | grep -q 'program interpreter'; }

# Tools every architecture needs: host compiler and binutils for the host unit tests and
# the kallsyms passes, cpio for the initramfs, mkfs.ext2 for disk images, timeout for hangs.
need gcc have gcc
need make have make
need binutils have ld
need binutils have objdump
need binutils have nm
need binutils have readelf
need cpio have cpio
need e2fsprogs have mkfs.ext2
need coreutils have timeout
# Static C programs (bench/): gcc only recommends libc6-dev, so a minimal install lacks libc.a.
need libc6-dev exists /usr/lib/x86_64-linux-gnu/libc.a

case $ARCH in
x86_64)
	need qemu-system-x86 have qemu-system-x86_64
	need busybox-static static_elf /bin/busybox
	if [ -n "$WANT_LINUX" ]; then
		# shellcheck disable=SC2012
		need linux-image-amd64 sh -c 'ls /boot/vmlinuz-* >/dev/null 2>&1'
	fi
	;;
riscv64)
	need gcc-riscv64-linux-gnu have riscv64-linux-gnu-gcc
	need binutils-riscv64-linux-gnu have riscv64-linux-gnu-ld
	need libc6-dev-riscv64-cross exists /usr/riscv64-linux-gnu/lib/libc.a
	need qemu-system-misc have qemu-system-riscv64
	need opensbi exists /usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin
	# BusyBox is built from Debian's source package (scripts/build-busybox-riscv64.sh):
	# "apt-get source" needs dpkg-source, and the tarballs are .bz2 and .xz.
	need dpkg-dev have dpkg-source
	need bzip2 have bzip2
	need xz-utils have xz
	need file have file
	DEB_SRC=/etc/apt/sources.list.d/starling-deb-src.sources
	if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
		if [ "$(id -u)" -eq 0 ]; then
			# The deb entry's mirror, suites and key, as deb-src.
			{
				echo "Types: deb-src"
				grep -m1 '^URIs:' /etc/apt/sources.list.d/debian.sources 2>/dev/null ||
					echo "URIs: http://deb.debian.org/debian"
				echo "Suites: bookworm bookworm-updates"
				echo "Components: main"
				echo "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"
			} > "$DEB_SRC"
			echo "deps: added $DEB_SRC for 'apt-get source busybox'"
			apt-get update -q || exit 1
		else
			echo "deps: apt has no deb-src entry; as root, create $DEB_SRC with:" >&2
			echo "	Types: deb-src" >&2
			echo "	URIs: http://deb.debian.org/debian" >&2
			echo "	Suites: bookworm bookworm-updates" >&2
			echo "	Components: main" >&2
			echo "	Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" >&2
			echo "deps: then run: apt-get update" >&2
			exit 1
		fi
	fi
	;;
*)
	echo "deps: unknown ARCH '$ARCH' (known: x86_64 riscv64)" >&2
	exit 1
	;;
esac

if [ -n "$missing" ]; then
	missing=${missing# }
	if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
		echo "deps: missing packages: $missing" >&2
		echo "deps: install them with:" >&2
		echo "	sudo apt-get install -y $missing" >&2
		exit 1
	fi
	echo "deps: installing: $missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q || exit 1
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing || exit 1
fi

# The riscv64 guest's BusyBox: built once from Debian's source package, then cached.
if [ "$ARCH" = riscv64 ] && [ -z "${BUSYBOX:-}" ]; then
	sh "$(dirname "$0")/build-busybox-riscv64.sh" build/riscv64 >/dev/null || exit 1
fi
exit 0
