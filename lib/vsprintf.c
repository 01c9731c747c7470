// SPDX-License-Identifier: GPL-2.0-only
/*
 * printf-family formatting with Linux printk semantics. Pure: no locks, no allocation, no
 * floating point; lib/ layer, also built on the host for tests.
 *
 * A conversion is %[flags][width][.precision][length]type:
 *   flags      '-' left-justify, '+' sign, ' ' space for sign, '#' 0/0x prefix, '0' zero pad
 *   width      digits or '*' (a negative '*' width means '-')
 *   precision  digits or '*' (a negative '*' precision is ignored)
 *   length     hh h l ll L(=ll) z Z t
 *   type       d i u x X o c s p %
 *
 * Where Linux differs from C, this follows Linux:
 *   - a number always has at least one digit ("%.0d" of 0 is "0");
 *   - '#' with base 16 always prefixes "0x", also for 0;
 *   - '0' together with a precision still zero-fills the width;
 *   - %s of NULL prints "(null)", of another invalid pointer (first page, error pointers)
 *     "(efault)";
 *   - an unknown conversion (%n, %y, a lone trailing '%') ends the output there;
 *   - after %p every following letter and digit is taken as the pointer extension.
 * Pointers: %pS "sym+0xoff/0xsize" and %ps "sym" through the registered symbolizer, or
 * "0x<hex>" when it does not know the address; %px and plain %p (which Linux hashes) print
 * the raw value as 16 zero-padded hex digits. Width and precision apply to %pS/%ps as to %s.
 */
#include <starling/kernel.h>
#include <starling/string.h>

#define F_LEFT		0x01	/* '-' */
#define F_PLUS		0x02	/* '+' */
#define F_SPACE		0x04	/* ' ' */
#define F_SPECIAL	0x08	/* '#' */
#define F_ZEROPAD	0x10	/* '0' */
#define F_SIGN		0x20	/* signed conversion */
#define F_SMALL		0x40	/* lower-case hex digits */

#define SYM_BUF_LEN	320	/* "name+0xoff/0xsize"; longer names are cut */
#define PAGE_LIMIT	4096UL	/* pointers below this are never valid strings */

struct fmt_spec {
	unsigned int	flags;
	int		width;		/* -1: none */
	int		precision;	/* -1: none */
	unsigned int	base;
};

/* Output cursor: stores only what fits, but keeps counting so the caller learns the length. */
struct out {
	char	*buf;
	size_t	size;
	size_t	len;
};

static symbolizer_fn vsprintf_symbolizer;	/* set once at boot, before other CPUs run */

static inline void put_char(struct out *o, char c)
{
	if (o->len < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		put_char(o, c);
}

static inline bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int parse_uint(const char **fmt)
{
	int n = 0;

	while (is_digit(**fmt)) {
		if (n < 100000000)
			n = n * 10 + (**fmt - '0');
		(*fmt)++;
	}
	return n;
}

static void put_number(struct out *o, unsigned long long num, bool negative,
		       struct fmt_spec spec)
{
	static const char digits[] = "0123456789ABCDEF";
	char tmp[24];
	char sign = 0, lower = (spec.flags & F_SMALL) ? 0x20 : 0;
	bool prefix = (spec.flags & F_SPECIAL) && spec.base != 10;
	bool is_zero = num == 0;
	int i = 0, width = spec.width, precision = spec.precision;

	if (spec.flags & F_LEFT)
		spec.flags &= ~F_ZEROPAD;
	if (spec.flags & F_SIGN) {
		if (negative) {
			sign = '-';
		} else if (spec.flags & F_PLUS) {
			sign = '+';
		} else if (spec.flags & F_SPACE) {
			sign = ' ';
		}
		if (sign)
			width--;
	}
	if (prefix) {
		if (spec.base == 16)
			width -= 2;
		else if (!is_zero)
			width--;
	}

	do {
		tmp[i++] = digits[num % spec.base] | (num % spec.base >= 10 ? lower : 0);
		num /= spec.base;
	} while (num);

	if (precision < i)
		precision = i;
	width -= precision;

	if (!(spec.flags & (F_ZEROPAD | F_LEFT)))
		put_repeat(o, ' ', width);
	if (sign)
		put_char(o, sign);
	if (prefix) {
		if (spec.base == 16 || !is_zero)
			put_char(o, '0');
		if (spec.base == 16)
			put_char(o, 'X' | lower);
	}
	if (spec.flags & F_ZEROPAD)
		put_repeat(o, '0', width);
	put_repeat(o, '0', precision - i);
	while (i)
		put_char(o, tmp[--i]);
	if (spec.flags & F_LEFT)
		put_repeat(o, ' ', width);
}

/* Emit a string of at most @spec.precision bytes, padded with spaces to the width. */
static void put_string(struct out *o, const char *s, struct fmt_spec spec)
{
	size_t len = strnlen(s, spec.precision < 0 ? (size_t)-1 : (size_t)spec.precision);
	int pad = spec.width - (int)len;

	if (!(spec.flags & F_LEFT))
		put_repeat(o, ' ', pad);
	while (len--)
		put_char(o, *s++);
	if (spec.flags & F_LEFT)
		put_repeat(o, ' ', pad);
}

static void put_checked_string(struct out *o, const char *s, struct fmt_spec spec)
{
	unsigned long v = (unsigned long)s;

	if (!s || v < PAGE_LIMIT || v >= (unsigned long)-4095L) {
		/* Linux bounds error strings to the pointer size when no precision is given */
		if (spec.precision < 0)
			spec.precision = 2 * sizeof(void *);
		s = s ? "(efault)" : "(null)";
	}
	put_string(o, s, spec);
}

static void put_symbol(struct out *o, unsigned long addr, bool with_offset,
		       struct fmt_spec spec)
{
	char sym[SYM_BUF_LEN];
	symbolizer_fn fn = READ_ONCE(vsprintf_symbolizer);

	if (!fn || fn(addr, with_offset, sym, sizeof(sym)) < 0)
		snprintf(sym, sizeof(sym), "0x%lx", addr);
	sym[sizeof(sym) - 1] = '\0';
	put_string(o, sym, spec);
}

/* @fmt points just after the 'p'; returns the position after the extension letters. */
static const char *put_pointer(struct out *o, const char *fmt, void *ptr, struct fmt_spec spec)
{
	switch (*fmt) {
	case 'S':
	case 'B':
		put_symbol(o, (unsigned long)ptr, true, spec);
		break;
	case 's':
		put_symbol(o, (unsigned long)ptr, false, spec);
		break;
	default:	/* 'x', and plain %p which Linux would hash */
		if (spec.width < 0) {
			spec.width = 2 * sizeof(void *);
			spec.flags |= F_ZEROPAD;
		}
		spec.flags |= F_SMALL;	/* '#' still adds "0x", as in Linux */
		spec.base = 16;
		put_number(o, (unsigned long)ptr, false, spec);
		break;
	}
	while (is_alnum(*fmt))
		fmt++;
	return fmt;
}

/**
 * vsnprintf() - format a string into a buffer
 * @buf: destination; may be NULL when @size is 0
 * @size: size of @buf, the NUL included
 * @fmt: format (see the top of this file)
 * @args: arguments
 *
 * The output is always NUL-terminated when @size is not 0.
 *
 * Return: the length the formatted string would have with unlimited space, without the NUL
 * (as C's vsnprintf); compare it with @size to detect truncation.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o;

	if (size > 0x7fffffff)
		return 0;
	o.buf = buf;
	o.size = size;
	o.len = 0;

	while (*fmt) {
		struct fmt_spec spec = { .width = -1, .precision = -1, .base = 10 };
		unsigned long long num;
		bool negative = false;
		char len = 0;

		if (*fmt != '%') {
			put_char(&o, *fmt++);
			continue;
		}
		fmt++;

		for (;; fmt++) {
			if (*fmt == '-')
				spec.flags |= F_LEFT;
			else if (*fmt == '+')
				spec.flags |= F_PLUS;
			else if (*fmt == ' ')
				spec.flags |= F_SPACE;
			else if (*fmt == '#')
				spec.flags |= F_SPECIAL;
			else if (*fmt == '0')
				spec.flags |= F_ZEROPAD;
			else
				break;
		}

		if (is_digit(*fmt)) {
			spec.width = parse_uint(&fmt);
		} else if (*fmt == '*') {
			fmt++;
			spec.width = va_arg(args, int);
			if (spec.width < 0) {
				spec.flags |= F_LEFT;
				spec.width = spec.width == -0x7fffffff - 1 ? 0x7fffffff : -spec.width;
			}
		}

		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				fmt++;
				spec.precision = va_arg(args, int);
				if (spec.precision < 0)
					spec.precision = -1;
			} else {
				spec.precision = parse_uint(&fmt);
			}
		}

		if (*fmt == 'h' || *fmt == 'l') {
			len = *fmt++;
			if (*fmt == len) {
				len = len == 'h' ? 'H' : 'L';
				fmt++;
			}
		} else if (*fmt == 'L' || *fmt == 'z' || *fmt == 'Z' || *fmt == 't') {
			len = *fmt++;
		}

		switch (*fmt++) {
		case '%':
			put_char(&o, '%');
			continue;
		case 'c':
			spec.precision = -1;
			if (!(spec.flags & F_LEFT))
				put_repeat(&o, ' ', spec.width - 1);
			put_char(&o, (char)(unsigned char)va_arg(args, int));
			if (spec.flags & F_LEFT)
				put_repeat(&o, ' ', spec.width - 1);
			continue;
		case 's':
			put_checked_string(&o, va_arg(args, const char *), spec);
			continue;
		case 'p':
			fmt = put_pointer(&o, fmt, va_arg(args, void *), spec);
			continue;
		case 'd':
		case 'i':
			spec.flags |= F_SIGN;
			break;
		case 'u':
			break;
		case 'x':
			spec.flags |= F_SMALL;
			spec.base = 16;
			break;
		case 'X':
			spec.base = 16;
			break;
		case 'o':
			spec.base = 8;
			break;
		default:
			goto out;	/* unsupported conversion: Linux stops here */
		}

		if (spec.flags & F_SIGN) {
			long long v;

			switch (len) {
			case 'H':
				v = (signed char)va_arg(args, int);
				break;
			case 'h':
				v = (short)va_arg(args, int);
				break;
			case 'l':
				v = va_arg(args, long);
				break;
			case 'L':
				v = va_arg(args, long long);
				break;
			case 'z':
			case 'Z':
				v = va_arg(args, ssize_t);
				break;
			case 't':
				v = va_arg(args, ptrdiff_t);
				break;
			default:
				v = va_arg(args, int);
				break;
			}
			negative = v < 0;
			num = negative ? 0ULL - (unsigned long long)v : (unsigned long long)v;
		} else {
			switch (len) {
			case 'H':
				num = (unsigned char)va_arg(args, unsigned int);
				break;
			case 'h':
				num = (unsigned short)va_arg(args, unsigned int);
				break;
			case 'l':
				num = va_arg(args, unsigned long);
				break;
			case 'L':
				num = va_arg(args, unsigned long long);
				break;
			case 'z':
			case 'Z':
				num = va_arg(args, size_t);
				break;
			case 't':
				num = (unsigned long)va_arg(args, ptrdiff_t);
				break;
			default:
				num = va_arg(args, unsigned int);
				break;
			}
		}
		put_number(&o, num, negative, spec);
	}
out:
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len > 0x7fffffff ? 0x7fffffff : (int)o.len;
}

/**
 * vscnprintf() - format a string into a buffer, reporting what was stored
 * @buf: destination
 * @size: size of @buf, the NUL included
 * @fmt: format
 * @args: arguments
 *
 * Return: the number of characters stored in @buf, without the NUL (0 when @size is 0).
 */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if ((size_t)n < size)
		return n;
	return size ? (int)size - 1 : 0;
}

/**
 * snprintf() - format a string into a buffer
 * @buf: destination; may be NULL when @size is 0
 * @size: size of @buf, the NUL included
 * @fmt: format
 *
 * Return: the length the formatted string would have with unlimited space.
 */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/**
 * scnprintf() - format a string into a buffer, reporting what was stored
 * @buf: destination
 * @size: size of @buf, the NUL included
 * @fmt: format
 *
 * Return: the number of characters stored in @buf, without the NUL.
 */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/**
 * sprintf() - format a string into a buffer assumed large enough
 * @buf: destination
 * @fmt: format
 *
 * Return: the number of characters stored, without the NUL.
 */
int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, 0x7fffffff, fmt, args);
	va_end(args);
	return n;
}

/**
 * vsprintf_set_symbolizer() - install the resolver behind %pS and %ps
 * @fn: resolver (see symbolizer_fn in <starling/kernel.h>), or NULL to print raw addresses
 */
void vsprintf_set_symbolizer(symbolizer_fn fn)
{
	WRITE_ONCE(vsprintf_symbolizer, fn);
}
