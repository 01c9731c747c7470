#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Run each host unit-test binary; each prints "N passed, N failed" for its own cases.
# Sums them into one closing line and exits non-zero on any failure.
pass=0 fail=0
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
	if [ $rc -ne 0 ] || [ -z "$line" ]; then
		printf '%s\n' "$out"
		echo "FAIL unit $(basename "$t") (exit $rc)"
		fail=$((fail + 1))
		continue
	fi
	p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
	pass=$((pass + p)); fail=$((fail + f))
	[ "$f" -ne 0 ] && printf '%s\n' "$out"
	echo "unit $(basename "$t"): $line"
done
echo "unit: $pass passed, $fail failed"
[ $fail -eq 0 ]
