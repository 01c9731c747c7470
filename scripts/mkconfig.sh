#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Turn a defconfig of CONFIG_X=y|n lines into a header defining every symbol as 1 or 0.
set -e
echo "/* generated from $1: do not edit */"
echo "#ifndef _STARLING_AUTOCONF_H"
echo "#define _STARLING_AUTOCONF_H"
sed -n 's/^\(CONFIG_[A-Za-z0-9_]*\)[ 	]*:*=[ 	]*\([yn]\)[ 	]*$/\1 \2/p' "$1" |
while read -r name val; do
	if [ "$val" = y ]; then echo "#define $name 1"; else echo "#define $name 0"; fi
done
sed -n 's/^\(CONFIG_[A-Za-z0-9_]*\)[ 	]*:*=[ 	]*\([0-9][0-9a-fA-Fx]*\)[ 	]*$/#define \1 \2/p' "$1"
echo "#endif"
