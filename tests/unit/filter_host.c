// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host stand-ins for the lib/ helpers the event filter uses (glob_match, kstrtoll,
 * kstrtoull), with Linux's semantics, so the filter tests and the fuzz target link without
 * the rest of lib/.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>

bool glob_match(const char *pat, const char *str);
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);

/* One character class at @p (just past '['); *endp is set past the closing ']'. */
static bool class_match(const char *p, unsigned char c, const char **endp)
{
	bool neg = *p == '!', hit = false;

	if (neg)
		p++;
	do {
		unsigned char a = *p, b = a;

		if (!a)
			break;
		if (p[1] == '-' && p[2] && p[2] != ']') {
			b = p[2];
			p += 3;
		} else {
			p++;
		}
		if (a <= c && c <= b)
			hit = true;
	} while (*p != ']');
	*endp = *p == ']' ? p + 1 : p;
	return hit != neg;
}

bool glob_match(const char *pat, const char *str)
{
	const char *back_pat = NULL, *back_str = NULL;

	for (;;) {
		unsigned char c = *str++, d = *pat++;
		const char *end;

		switch (d) {
		case '?':
			if (!c)
				return false;
			break;
		case '*':
			if (!*pat)
				return true;
			back_pat = pat;
			back_str = --str;
			break;
		case '[':
			if (!c)
				return false;
			if (class_match(pat, c, &end)) {
				pat = end;
				break;
			}
			goto backtrack;
		default:
			if (c == d) {
				if (!d)
					return true;
				break;
			}
backtrack:
			if (!c || !back_pat)
				return false;
			pat = back_pat;
			str = ++back_str;
			break;
		}
	}
}

static int digit_val(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v = 0;
	int n = 0;

	if (*s == '+')
		s++;
	if (!base) {
		if (s[0] == '0' && (s[1] | 0x20) == 'x' && digit_val(s[2]) < 16)
			base = 16;
		else
			base = s[0] == '0' ? 8 : 10;
	}
	if (base == 16 && s[0] == '0' && (s[1] | 0x20) == 'x')
		s += 2;
	for (; digit_val(*s) < (int)base; s++, n++) {
		unsigned int d = digit_val(*s);

		if (v > (~0ULL - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	if (!n)
		return -EINVAL;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int ret;

	if (*s == '-') {
		ret = kstrtoull(s + 1, base, &v);
		if (ret)
			return ret;
		if (v > 1ULL << 63)
			return -ERANGE;
		*res = (long long)(0 - v);
		return 0;
	}
	ret = kstrtoull(s, base, &v);
	if (ret)
		return ret;
	if (v > (unsigned long long)__LONG_LONG_MAX__)
		return -ERANGE;
	*res = v;
	return 0;
}
