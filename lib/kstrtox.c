// SPDX-License-Identifier: GPL-2.0-only
/*
 * String to integer conversion with Linux's kstrto*() and simple_strto*() semantics. Pure;
 * lib/ layer, also built on the host for tests.
 *
 *   kstrto*(s, base, &res)   [+]digits[\n]  ('-' too for the signed ones)
 *
 * Base 0 picks the radix from the prefix: "0x" followed by a hex digit is 16, any other
 * leading '0' is 8, else 10. Base 16 also skips a "0x"/"0X" prefix. Nothing else is allowed:
 * no leading space and no trailing junk beyond one '\n', and no digits at all is -EINVAL.
 * A value that does not fit the result type is -ERANGE. On error *res is left untouched.
 *
 * simple_strto*() are the old lenient parsers: they stop at the first non-digit, report where
 * through @endp, never fail, and wrap silently on overflow.
 */
#include <starling/errno.h>
#include <starling/kernel.h>

#define KSTRTOX_LLONG_MAX	__LONG_LONG_MAX__

static inline char lower_ascii(char c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static inline bool is_xdigit(char c)
{
	c = lower_ascii(c);
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* Resolve base 0 and skip a "0x" prefix for base 16; returns the first digit. */
static const char *fixup_radix(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0') {
			if (lower_ascii(s[1]) == 'x' && is_xdigit(s[2]))
				*base = 16;
			else
				*base = 8;
		} else {
			*base = 10;
		}
	}
	if (*base == 16 && s[0] == '0' && lower_ascii(s[1]) == 'x')
		s += 2;
	return s;
}

/*
 * Consume the digits valid in @base. Returns how many were consumed; *@overflow says whether
 * the value exceeded 64 bits (then *@res holds the wrapped value).
 */
static size_t parse_digits(const char *s, unsigned int base, unsigned long long *res,
			   bool *overflow)
{
	unsigned long long v = 0;
	size_t n = 0;

	*overflow = false;
	for (;; n++) {
		char c = lower_ascii(s[n]);
		unsigned int d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else
			break;
		if (d >= base)
			break;
		if (v > (~0ULL - d) / base)
			*overflow = true;
		v = v * base + d;
	}
	*res = v;
	return n;
}

/* Unsigned conversion without the leading '+'. */
static int parse_ull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v;
	bool overflow;
	size_t n;

	s = fixup_radix(s, &base);
	n = parse_digits(s, base, &v, &overflow);
	if (!n)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = v;
	return 0;
}

/**
 * kstrtoull() - convert a string to an unsigned long long
 * @s: the string: optional '+', digits, optional single '\n'
 * @base: 2..16, or 0 to detect "0x" (hex) and "0" (octal) prefixes
 * @res: where the result goes; untouched on error
 *
 * Return: 0, -EINVAL for a malformed string, -ERANGE if the value does not fit.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return parse_ull(s, base, res);
}

/**
 * kstrtoll() - convert a string to a long long
 * @s: the string: optional '+' or '-', digits, optional single '\n'
 * @base: 2..16, or 0 to detect the radix from the prefix
 * @res: where the result goes; untouched on error
 *
 * Return: 0, -EINVAL for a malformed string, -ERANGE if the value does not fit.
 */
int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int ret;

	if (s[0] == '-') {
		ret = parse_ull(s + 1, base, &v);
		if (ret)
			return ret;
		if (v > (unsigned long long)KSTRTOX_LLONG_MAX + 1)
			return -ERANGE;
		*res = (long long)(0ULL - v);	/* two's complement: -2^63 is fine too */
		return 0;
	}
	ret = kstrtoull(s, base, &v);
	if (ret)
		return ret;
	if (v > (unsigned long long)KSTRTOX_LLONG_MAX)
		return -ERANGE;
	*res = (long long)v;
	return 0;
}

/**
 * kstrtoul() - convert a string to an unsigned long
 * @s: the string (see kstrtoull())
 * @base: radix, 0 to detect
 * @res: where the result goes; untouched on error
 *
 * Return: 0, -EINVAL or -ERANGE.
 */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int ret = kstrtoull(s, base, &v);

	if (ret)
		return ret;
	if (v != (unsigned long)v)
		return -ERANGE;
	*res = v;
	return 0;
}

/**
 * kstrtol() - convert a string to a long
 * @s: the string (see kstrtoll())
 * @base: radix, 0 to detect
 * @res: where the result goes; untouched on error
 *
 * Return: 0, -EINVAL or -ERANGE.
 */
int kstrtol(const char *s, unsigned int base, long *res)
{
	long long v;
	int ret = kstrtoll(s, base, &v);

	if (ret)
		return ret;
	if (v != (long)v)
		return -ERANGE;
	*res = v;
	return 0;
}

/**
 * kstrtouint() - convert a string to an unsigned int
 * @s: the string (see kstrtoull())
 * @base: radix, 0 to detect
 * @res: where the result goes; untouched on error
 *
 * Return: 0, -EINVAL or -ERANGE.
 */
int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int ret = kstrtoull(s, base, &v);

	if (ret)
		return ret;
	if (v != (unsigned int)v)
		return -ERANGE;
	*res = v;
	return 0;
}

/**
 * kstrtoint() - convert a string to an int
 * @s: the string (see kstrtoll())
 * @base: radix, 0 to detect
 * @res: where the result goes; untouched on error
 *
 * Return: 0, -EINVAL or -ERANGE.
 */
int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long v;
	int ret = kstrtoll(s, base, &v);

	if (ret)
		return ret;
	if (v != (int)v)
		return -ERANGE;
	*res = v;
	return 0;
}

/**
 * kstrtobool() - convert a user's yes/no answer to a bool
 * @s: the string; only its first one or two characters are looked at
 * @res: where the result goes; untouched on error
 *
 * 'y', 'Y', '1' and "on" (any case) are true; 'n', 'N', '0' and "of[f]" (any case) are false.
 *
 * Return: 0, or -EINVAL for anything else (and for NULL).
 */
int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y':
	case 'Y':
	case '1':
		*res = true;
		return 0;
	case 'n':
	case 'N':
	case '0':
		*res = false;
		return 0;
	case 'o':
	case 'O':
		if (lower_ascii(s[1]) == 'n') {
			*res = true;
			return 0;
		}
		if (lower_ascii(s[1]) == 'f') {
			*res = false;
			return 0;
		}
		break;
	default:
		break;
	}
	return -EINVAL;
}

/**
 * simple_strtoull() - lenient string to unsigned long long conversion
 * @cp: start of the number; no sign and no leading space are accepted
 * @endp: if not NULL, set to the first character not consumed
 * @base: radix, 0 to detect
 *
 * Return: the value parsed (0 when there are no digits), wrapped modulo 2^64 on overflow.
 */
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long v;
	bool overflow;

	cp = fixup_radix(cp, &base);
	cp += parse_digits(cp, base, &v, &overflow);
	if (endp)
		*endp = (char *)cp;
	return v;
}

/**
 * simple_strtoll() - lenient string to long long conversion
 * @cp: start of the number, with an optional '-'
 * @endp: if not NULL, set to the first character not consumed
 * @base: radix, 0 to detect
 *
 * Return: the value parsed (0 when there are no digits).
 */
long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return (long long)(0ULL - simple_strtoull(cp + 1, endp, base));
	return (long long)simple_strtoull(cp, endp, base);
}
