// SPDX-License-Identifier: GPL-2.0-only
/*
 * Freestanding memory and string helpers: the bottom layer, used by everything above it and
 * calling nothing but itself. The semantics are the C library's where C has the function and
 * Linux's otherwise (strlcpy, strlcat, strsep, skip_spaces, strim, glob_match).
 *
 * The kernel is built with -ffreestanding, but GCC may still recognise a byte loop as a
 * memset() or memcpy() and emit a call to it; inside memset() itself that call would be
 * infinite recursion. The mem* functions therefore switch that transformation off.
 *
 * Whitespace is Linux's isspace(): space, \t, \n, \v, \f, \r and also 0xa0 (Latin-1 no-break
 * space), which Linux's ctype table marks as a space too.
 *
 * glob_match() follows Linux's lib/glob.c: '?' is any one character, '*' any run (including
 * '/'), '[...]' a class of characters and a-b ranges, complemented by a leading '!'; a ']'
 * right after '[' or '[!' is a member, '-' first or last is literal, and '\' quotes the next
 * pattern character. A '[' whose class never closes is matched as a literal '['.
 */
#include <starling/string.h>

#define __no_libcall	__attribute__((__optimize__("no-tree-loop-distribute-patterns")))

static inline bool lib_isspace(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0;
}

/*
 * The mem* functions move a word at a time once source and destination are equally aligned
 * (bytes before and after): most callers copy structures, records and pages, and a byte loop
 * costs eight times the instructions. The word type may alias anything.
 */
typedef unsigned long __attribute__((__may_alias__)) mem_word_t;

#define WORD_SIZE	sizeof(mem_word_t)
#define WORD_MASK	(WORD_SIZE - 1)

/**
 * memset() - fill memory with a byte
 * @s: destination
 * @c: byte value (converted to unsigned char)
 * @n: number of bytes
 *
 * Return: @s.
 */
__no_libcall void *(memset)(void *s, int c, size_t n)
{
	unsigned char *p = s;
	mem_word_t w = (unsigned char)c * (~0UL / 0xff);

	for (; n && ((unsigned long)p & WORD_MASK); n--)
		*p++ = (unsigned char)c;
	for (; n >= 4 * WORD_SIZE; n -= 4 * WORD_SIZE, p += 4 * WORD_SIZE) {
		mem_word_t *d = (mem_word_t *)p;

		d[0] = w;
		d[1] = w;
		d[2] = w;
		d[3] = w;
	}
	for (; n >= WORD_SIZE; n -= WORD_SIZE, p += WORD_SIZE)
		*(mem_word_t *)p = w;
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

/* Forward copy; also right for overlapping buffers when @d is below @s. */
static __no_libcall void copy_forward(unsigned char *d, const unsigned char *s, size_t n)
{
	if (!(((unsigned long)d ^ (unsigned long)s) & WORD_MASK)) {
		for (; n && ((unsigned long)d & WORD_MASK); n--)
			*d++ = *s++;
		for (; n >= 4 * WORD_SIZE; n -= 4 * WORD_SIZE) {
			const mem_word_t *sw = (const mem_word_t *)s;
			mem_word_t *dw = (mem_word_t *)d;
			mem_word_t a = sw[0], b = sw[1], c = sw[2], e = sw[3];

			dw[0] = a;
			dw[1] = b;
			dw[2] = c;
			dw[3] = e;
			d += 4 * WORD_SIZE;
			s += 4 * WORD_SIZE;
		}
		for (; n >= WORD_SIZE; n -= WORD_SIZE, d += WORD_SIZE, s += WORD_SIZE)
			*(mem_word_t *)d = *(const mem_word_t *)s;
	}
	while (n--)
		*d++ = *s++;
}

/**
 * memcpy() - copy non-overlapping memory
 * @dst: destination
 * @src: source
 * @n: number of bytes
 *
 * Return: @dst.
 */
__no_libcall void *(memcpy)(void *dst, const void *src, size_t n)
{
	copy_forward(dst, src, n);
	return dst;
}

/**
 * memmove() - copy memory that may overlap
 * @dst: destination
 * @src: source
 * @n: number of bytes
 *
 * Return: @dst.
 */
__no_libcall void *(memmove)(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dst;
	if (d < s) {
		copy_forward(d, s, n);
		return dst;
	}
	d += n;
	s += n;
	if (!(((unsigned long)d ^ (unsigned long)s) & WORD_MASK)) {
		for (; n && ((unsigned long)d & WORD_MASK); n--)
			*--d = *--s;
		for (; n >= WORD_SIZE; n -= WORD_SIZE) {
			d -= WORD_SIZE;
			s -= WORD_SIZE;
			*(mem_word_t *)d = *(const mem_word_t *)s;
		}
	}
	while (n--)
		*--d = *--s;
	return dst;
}

/**
 * memcmp() - compare memory areas
 * @a: first area
 * @b: second area
 * @n: number of bytes
 *
 * Return: <0, 0 or >0 as the first differing byte (unsigned) of @a is below, equal to or above
 * that of @b.
 */
__no_libcall int (memcmp)(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++) {
		if (*p != *q)
			return *p - *q;
	}
	return 0;
}

/**
 * memchr() - find a byte in memory
 * @s: area to search
 * @c: byte value (converted to unsigned char)
 * @n: number of bytes
 *
 * Return: pointer to the first occurrence, or NULL.
 */
__no_libcall void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

/**
 * strlen() - length of a string
 * @s: NUL-terminated string
 *
 * Return: the number of bytes before the NUL.
 */
__no_libcall size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

/**
 * strnlen() - length of a string, bounded
 * @s: string
 * @max: at most this many bytes are read
 *
 * Return: the number of bytes before the NUL, or @max if there is none in the first @max.
 */
__no_libcall size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

/**
 * strcmp() - compare two strings
 * @a: first string
 * @b: second string
 *
 * Return: <0, 0 or >0, comparing bytes as unsigned char.
 */
int strcmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;

	while (*p && *p == *q) {
		p++;
		q++;
	}
	return *p - *q;
}

/**
 * strncmp() - compare at most @n bytes of two strings
 * @a: first string
 * @b: second string
 * @n: maximum number of bytes compared
 *
 * Return: <0, 0 or >0, comparing bytes as unsigned char.
 */
int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;

	for (; n; n--, p++, q++) {
		if (*p != *q)
			return *p - *q;
		if (!*p)
			break;
	}
	return 0;
}

/**
 * strchr() - find a character in a string
 * @s: string
 * @c: character (converted to char); NUL finds the terminator
 *
 * Return: pointer to the first occurrence, or NULL.
 */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

/**
 * strrchr() - find the last occurrence of a character in a string
 * @s: string
 * @c: character (converted to char); NUL finds the terminator
 *
 * Return: pointer to the last occurrence, or NULL.
 */
char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

/**
 * strstr() - find a substring
 * @hay: string searched
 * @needle: string sought; the empty string matches at @hay
 *
 * Return: pointer to the first occurrence in @hay, or NULL.
 */
char *strstr(const char *hay, const char *needle)
{
	size_t nlen = strlen(needle), hlen;

	if (!nlen)
		return (char *)hay;
	hlen = strlen(hay);
	while (hlen >= nlen) {
		if (!memcmp(hay, needle, nlen))
			return (char *)hay;
		hay++;
		hlen--;
	}
	return NULL;
}

/**
 * strcpy() - copy a string
 * @dst: destination, large enough for @src and its NUL
 * @src: source
 *
 * Return: @dst.
 */
__no_libcall char *strcpy(char *dst, const char *src)
{
	char *d = dst;

	while ((*d++ = *src++))
		;
	return dst;
}

/**
 * strncpy() - copy a string into a fixed-size field
 * @dst: destination of @n bytes
 * @src: source
 * @n: field size
 *
 * Copies at most @n bytes and pads the rest of the field with NULs; @dst is not terminated
 * when @src is @n bytes or longer.
 *
 * Return: @dst.
 */
__no_libcall char *strncpy(char *dst, const char *src, size_t n)
{
	size_t i = 0;

	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = '\0';
	return dst;
}

/**
 * strlcpy() - copy a string into a sized buffer, always terminating it
 * @dst: destination buffer
 * @src: source
 * @size: size of @dst; nothing is written when 0
 *
 * Return: strlen(@src); a result >= @size means the copy was truncated.
 */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len >= size ? size - 1 : len;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/**
 * strlcat() - append a string to a sized buffer, always terminating it
 * @dst: NUL-terminated destination buffer
 * @src: string appended
 * @size: size of @dst
 *
 * Return: the length the whole string would have (initial length of @dst, bounded by @size,
 * plus strlen(@src)); a result >= @size means the result was truncated.
 */
size_t strlcat(char *dst, const char *src, size_t size)
{
	size_t dlen = strnlen(dst, size), slen = strlen(src), n;

	if (dlen == size)
		return size + slen;
	n = slen < size - dlen ? slen : size - dlen - 1;
	memcpy(dst + dlen, src, n);
	dst[dlen + n] = '\0';
	return dlen + slen;
}

/**
 * strspn() - length of the prefix made only of accepted characters
 * @s: string
 * @accept: set of characters
 *
 * Return: the length of the initial run of @s whose characters are all in @accept.
 */
size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

/**
 * strcspn() - length of the prefix free of rejected characters
 * @s: string
 * @reject: set of characters
 *
 * Return: the length of the initial run of @s containing no character of @reject.
 */
size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

/**
 * strpbrk() - find the first of a set of characters
 * @s: string
 * @accept: set of characters
 *
 * Return: pointer to the first character of @s that is in @accept, or NULL.
 */
char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

/**
 * strsep() - split off the next token of a string
 * @stringp: in: the rest of the string (or NULL); out: after the delimiter, or NULL
 * @delim: set of delimiter characters
 *
 * The first delimiter found is overwritten with a NUL. Empty tokens are returned as such.
 *
 * Return: the token, or NULL when *@stringp was NULL.
 */
char *strsep(char **stringp, const char *delim)
{
	char *tok = *stringp, *end;

	if (!tok)
		return NULL;
	end = strpbrk(tok, delim);
	if (end)
		*end++ = '\0';
	*stringp = end;
	return tok;
}

/**
 * skip_spaces() - skip leading whitespace
 * @s: string
 *
 * Return: pointer to the first non-whitespace character of @s (possibly its NUL).
 */
char *skip_spaces(const char *s)
{
	while (lib_isspace(*s))
		s++;
	return (char *)s;
}

/**
 * strim() - trim whitespace at both ends of a string
 * @s: string, modified in place: trailing whitespace is cut off with a NUL
 *
 * Return: pointer to the first non-whitespace character of @s.
 */
char *strim(char *s)
{
	size_t len = strlen(s);

	while (len && lib_isspace(s[len - 1]))
		len--;
	s[len] = '\0';
	return skip_spaces(s);
}

/*
 * Match one bracket expression starting just after its '['. On success *@endp points after
 * the closing ']' and the return value says whether @c is in the class (complement applied).
 * Returns -1 when the class is not closed, so the caller treats '[' as a literal.
 */
static int glob_class(const char *p, unsigned char c, const char **endp)
{
	bool negate = false, in = false;
	bool first = true;

	if (*p == '!') {
		negate = true;
		p++;
	}
	for (;; first = false) {
		unsigned char lo = *p, hi;

		if (!lo)
			return -1;
		if (lo == ']' && !first)
			break;
		hi = lo;
		p++;
		if (p[0] == '-' && p[1] != ']') {
			if (!p[1])
				return -1;
			hi = p[1];
			p += 2;
		}
		if (lo <= c && c <= hi)
			in = true;
	}
	*endp = p + 1;
	return in != negate;
}

/**
 * glob_match() - shell-style wildcard match of a whole string
 * @pat: pattern with '*', '?', '[...]' and '\' (see the top of this file)
 * @str: string; the pattern must match all of it
 *
 * Runs without recursion: on a mismatch it resumes from the most recent '*', one character
 * further into @str. One level is enough because '*' matches every character.
 *
 * Return: true when @str matches @pat.
 */
bool glob_match(const char *pat, const char *str)
{
	const char *star_pat = NULL, *star_str = NULL;

	for (;;) {
		unsigned char c = *str, d = *pat;
		const char *next;
		int r;

		switch (d) {
		case '*':
			pat++;
			if (!*pat)
				return true;
			star_pat = pat;
			star_str = str;
			continue;
		case '?':
			if (!c)
				return false;
			pat++;
			str++;
			continue;
		case '[':
			r = glob_class(pat + 1, c, &next);
			if (r < 0)
				break;		/* unterminated: a literal '[' */
			if (r && c) {
				pat = next;
				str++;
				continue;
			}
			goto mismatch;
		case '\\':
			pat++;
			d = *pat;
			break;
		default:
			break;
		}
		/* literal d */
		if (c == d) {
			if (!c)
				return true;
			pat++;
			str++;
			continue;
		}
mismatch:
		if (!c || !star_pat)
			return false;
		pat = star_pat;
		str = ++star_str;
	}
}
