// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of lib/: string helpers and glob_match(), vsnprintf() and friends, kstrto*()
 * and sort(). The lib/ functions are built renamed to k_<name> (lib_rename.h) so they can
 * be compared with the host C library: vsnprintf against the host's snprintf over a grid of
 * flags, widths, precisions, lengths and values (skipping only the cases where Linux and C
 * are documented to differ, which are checked against Linux's output instead), glob_match
 * against fnmatch(), sort against qsort on random arrays.
 */
#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include "unit.h"

#include "lib_rename.h"
#include <starling/errno.h>
#include <starling/string.h>
#include <starling/kernel.h>
#define LIB_RENAME_UNDO
#include "lib_rename.h"

/* Deterministic generator so a failure reproduces. */
static unsigned long long rng_state = 0x9e3779b97f4a7c15ULL;

static unsigned long long rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* The kernel's formatter without the printf attribute: for Linux-only formats. */
static int kfmt(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = k_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

#define EXPECT_FMT(expect, fmt, ...) do {					\
	char __buf[512];							\
	int __n = kfmt(__buf, sizeof(__buf), fmt, ##__VA_ARGS__);		\
	EXPECT_STREQ(__buf, expect);						\
	EXPECT_EQ(__n, (int)strlen(expect));					\
} while (0)

/* ---- string.h --------------------------------------------------------------------------- */

static void test_mem(void)
{
	unsigned char a[64], b[64];

	for (int i = 0; i < 64; i++)
		a[i] = (unsigned char)i;
	EXPECT_TRUE(k_memset(b, 0xab, sizeof(b)) == b);
	for (int i = 0; i < 64; i++)
		EXPECT_EQ(b[i], 0xab);
	EXPECT_TRUE(k_memcpy(b, a, 64) == b);
	EXPECT_EQ(memcmp(a, b, 64), 0);
	EXPECT_EQ(k_memcmp(a, b, 64), 0);
	b[10] = 200;
	EXPECT_TRUE(k_memcmp(a, b, 64) < 0);
	EXPECT_TRUE(k_memcmp(b, a, 64) > 0);
	EXPECT_EQ(k_memcmp(a, b, 10), 0);
	EXPECT_TRUE(k_memchr(a, 33, 64) == a + 33);
	EXPECT_TRUE(k_memchr(a, 33, 33) == NULL);
	EXPECT_TRUE(k_memchr(a, 33 + 256, 64) == a + 33);

	/* memmove both ways against the host */
	for (int off = -5; off <= 5; off++) {
		unsigned char x[32], y[32];

		for (int i = 0; i < 32; i++)
			x[i] = y[i] = (unsigned char)(i * 7);
		k_memmove(x + 8 + off, x + 8, 12);
		memmove(y + 8 + off, y + 8, 12);
		EXPECT_EQ(memcmp(x, y, 32), 0);
	}
}

/*
 * The word-at-a-time paths: every source and destination alignment, lengths around the word
 * and block sizes, overlaps both ways; bytes outside the range must stay untouched.
 */
static void test_mem_words(void)
{
	unsigned char src[160], a[160], b[160];
	int bad = 0;

	for (size_t i = 0; i < sizeof(src); i++)
		src[i] = (unsigned char)(i * 7 + 3);
	for (size_t so = 0; so < 16; so++) {
		for (size_t d = 0; d < 16; d++) {
			for (size_t n = 0; n < 80; n++) {
				memset(a, 0x5a, sizeof(a));
				memset(b, 0x5a, sizeof(b));
				k_memcpy(a + d, src + so, n);
				memcpy(b + d, src + so, n);
				bad += memcmp(a, b, sizeof(a)) != 0;
				k_memset(a + d, (int)(n + so), n);
				memset(b + d, (int)(n + so), n);
				bad += memcmp(a, b, sizeof(a)) != 0;
				/* overlapping moves up and down by so - d */
				memcpy(a, src, sizeof(a));
				memcpy(b, src, sizeof(b));
				k_memmove(a + 40 + d, a + 40 + so, n);
				memmove(b + 40 + d, b + 40 + so, n);
				bad += memcmp(a, b, sizeof(a)) != 0;
			}
		}
	}
	EXPECT_EQ(bad, 0);
}

static void test_str_basic(void)
{
	char buf[32];
	const char *s = "hello, world";

	EXPECT_EQ(k_strlen(""), 0);
	EXPECT_EQ(k_strlen(s), 12);
	EXPECT_EQ(k_strnlen(s, 5), 5);
	EXPECT_EQ(k_strnlen(s, 100), 12);
	EXPECT_EQ(k_strcmp("abc", "abc"), 0);
	EXPECT_TRUE(k_strcmp("abc", "abd") < 0);
	EXPECT_TRUE(k_strcmp("abc", "ab") > 0);
	EXPECT_TRUE(k_strcmp("a\xff", "a\x01") > 0);	/* unsigned comparison */
	EXPECT_EQ(k_strncmp("abcX", "abcY", 3), 0);
	EXPECT_TRUE(k_strncmp("abcX", "abcY", 4) < 0);
	EXPECT_EQ(k_strncmp("ab", "ab", 10), 0);
	EXPECT_EQ(k_strncmp("x", "y", 0), 0);
	EXPECT_TRUE(k_strchr(s, 'o') == s + 4);
	EXPECT_TRUE(k_strchr(s, '\0') == s + 12);
	EXPECT_TRUE(k_strchr(s, 'z') == NULL);
	EXPECT_TRUE(k_strrchr(s, 'o') == s + 8);
	EXPECT_TRUE(k_strrchr(s, '\0') == s + 12);
	EXPECT_TRUE(k_strrchr(s, 'z') == NULL);
	EXPECT_TRUE(k_strstr(s, "world") == s + 7);
	EXPECT_TRUE(k_strstr(s, "") == s);
	EXPECT_TRUE(k_strstr(s, "worlds") == NULL);
	EXPECT_TRUE(k_strstr("aab", "ab") != NULL);
	EXPECT_TRUE(k_strcpy(buf, s) == buf);
	EXPECT_STREQ(buf, s);

	memset(buf, 'x', sizeof(buf));
	k_strncpy(buf, "abc", 6);
	EXPECT_EQ(memcmp(buf, "abc\0\0\0x", 7), 0);
	k_strncpy(buf, "abcdef", 3);
	EXPECT_EQ(memcmp(buf, "abc\0", 4), 0);

	EXPECT_EQ(k_strspn("abcde", "cba"), 3);
	EXPECT_EQ(k_strspn("abcde", ""), 0);
	EXPECT_EQ(k_strcspn("abcde", "dc"), 2);
	EXPECT_EQ(k_strcspn("abcde", "xyz"), 5);
	EXPECT_TRUE(k_strpbrk(s, " ,") == s + 5);
	EXPECT_TRUE(k_strpbrk(s, "XYZ") == NULL);
}

static void test_strlcpy_strlcat(void)
{
	char buf[8];

	EXPECT_EQ(k_strlcpy(buf, "abc", sizeof(buf)), 3);
	EXPECT_STREQ(buf, "abc");
	EXPECT_EQ(k_strlcpy(buf, "abcdefghijk", sizeof(buf)), 11);
	EXPECT_STREQ(buf, "abcdefg");
	buf[0] = 'Q';
	EXPECT_EQ(k_strlcpy(buf, "abc", 0), 3);
	EXPECT_EQ(buf[0], 'Q');

	k_strlcpy(buf, "ab", sizeof(buf));
	EXPECT_EQ(k_strlcat(buf, "cd", sizeof(buf)), 4);
	EXPECT_STREQ(buf, "abcd");
	EXPECT_EQ(k_strlcat(buf, "efghij", sizeof(buf)), 10);
	EXPECT_STREQ(buf, "abcdefg");
	EXPECT_EQ(k_strlcat(buf, "x", 3), 3 + 1);	/* dst longer than size: untouched */
	EXPECT_STREQ(buf, "abcdefg");
}

static void test_strsep(void)
{
	char line[] = "a,b;;c";
	char *p = line, *tok;

	tok = k_strsep(&p, ",;");
	EXPECT_STREQ(tok, "a");
	tok = k_strsep(&p, ",;");
	EXPECT_STREQ(tok, "b");
	tok = k_strsep(&p, ",;");
	EXPECT_STREQ(tok, "");
	tok = k_strsep(&p, ",;");
	EXPECT_STREQ(tok, "c");
	EXPECT_TRUE(p == NULL);
	EXPECT_TRUE(k_strsep(&p, ",;") == NULL);
}

static void test_spaces(void)
{
	char a[] = "  \t\n hello world \r\n\v\f ";
	char b[] = "   ";
	char c[] = "x";

	EXPECT_STREQ(k_skip_spaces(" \t x "), "x ");
	EXPECT_STREQ(k_skip_spaces(""), "");
	EXPECT_STREQ(k_strim(a), "hello world");
	EXPECT_STREQ(k_strim(b), "");
	EXPECT_STREQ(k_strim(c), "x");
}

/* ---- glob_match ---------------------------------------------------------------------------- */

static const struct {
	const char *pat, *str;
	bool match;
} glob_cases[] = {
	{ "", "", true },
	{ "", "a", false },
	{ "a", "a", true },
	{ "a", "b", false },
	{ "a", "aa", false },
	{ "*", "", true },
	{ "*", "anything/at/all", true },
	{ "?", "", false },
	{ "?", "x", true },
	{ "??", "x", false },
	{ "vfs_*", "vfs_read", true },
	{ "vfs_*", "do_vfs_read", false },
	{ "*read", "vfs_read", true },
	{ "*read", "vfs_readv", false },
	{ "*_re*d", "vfs_read", true },
	{ "*aaaaa", "aaaaaaaaaa", true },
	{ "*aaaaa", "aaaa", false },
	{ "a*b*c", "aXbYc", true },
	{ "a*b*c", "aXbYcZ", false },
	{ "[abc]", "b", true },
	{ "[abc]", "d", false },
	{ "[a-c]x", "cx", true },
	{ "[a-c]x", "dx", false },
	{ "[!a-c]", "d", true },
	{ "[!a-c]", "b", false },
	{ "[!a-c]", "", false },
	{ "[]]", "]", true },
	{ "[!]]", "]", false },
	{ "[!]]", "x", true },
	{ "[a-]", "-", true },
	{ "[-a]", "-", true },
	{ "[^a]", "^", true },		/* Linux: only '!' complements */
	{ "[^a]", "b", false },
	{ "[z-a]", "m", false },
	{ "[ab", "[ab", true },		/* unterminated class: literal '[' */
	{ "[ab", "a", false },
	{ "[a-", "[a-", true },
	{ "\\*", "*", true },
	{ "\\*", "a", false },
	{ "a\\?c", "a?c", true },
	{ "a\\?c", "abc", false },
	{ "sys_*[0-9]", "sys_enter42", true },
	{ "sys_*[0-9]", "sys_enter4x", false },
};

static void test_glob_table(void)
{
	for (size_t i = 0; i < sizeof(glob_cases) / sizeof(glob_cases[0]); i++) {
		bool got = k_glob_match(glob_cases[i].pat, glob_cases[i].str);

		if (got != glob_cases[i].match) {
			fprintf(stderr, "glob_match(\"%s\", \"%s\") = %d\n", glob_cases[i].pat,
				glob_cases[i].str, got);
			EXPECT_EQ(got, glob_cases[i].match);
		}
	}
}

/* Random well-formed patterns against fnmatch(pat, str, 0), which Linux's glob mirrors. */
static void test_glob_vs_fnmatch(void)
{
	static const char *const atoms[] = {
		"a", "b", "c", "?", "*", "[ab]", "[!a]", "[a-c]", "[!b-c]", "\\*", "**",
	};
	static const char alpha[] = "abc*";

	for (int iter = 0; iter < 20000; iter++) {
		char pat[64] = "", str[16];
		int natoms = rnd() % 6, slen = rnd() % 8;

		for (int i = 0; i < natoms; i++)
			strcat(pat, atoms[rnd() % (sizeof(atoms) / sizeof(atoms[0]))]);
		for (int i = 0; i < slen; i++)
			str[i] = alpha[rnd() % 4];
		str[slen] = '\0';
		if (k_glob_match(pat, str) != !fnmatch(pat, str, 0)) {
			fprintf(stderr, "glob_match(\"%s\", \"%s\") != fnmatch\n", pat, str);
			EXPECT_TRUE(0);
			return;
		}
	}
}

/* ---- vsnprintf --------------------------------------------------------------------------- */

static int cmp_failures;

static void compare_one(const char *fmt, const char *kbuf, int kn, const char *hbuf, int hn)
{
	if (strcmp(kbuf, hbuf) || kn != hn) {
		if (cmp_failures++ < 20)
			fprintf(stderr, "fmt \"%s\": kernel \"%s\" (%d), host \"%s\" (%d)\n",
				fmt, kbuf, kn, hbuf, hn);
		unit_failed_asserts++;
	}
}

#define COMPARE(fmt, ...) do {							\
	char __k[256], __h[256];						\
	int __kn = k_snprintf(__k, sizeof(__k), fmt, __VA_ARGS__);		\
	int __hn = snprintf(__h, sizeof(__h), fmt, __VA_ARGS__);		\
	compare_one(fmt, __k, __kn, __h, __hn);					\
} while (0)

static const long long int_values[] = {
	0, 1, -1, 7, 8, 9, 10, 15, 16, 42, -42, 255, 256, -128, 1000, 32767, -32768, 65535,
	123456789, -123456789, 2147483647, -2147483647 - 1, 4294967295LL, 1LL << 40,
	-(1LL << 40), LLONG_MAX, LLONG_MIN,
};

/* Call both formatters with @v converted to the type that @len stands for. */
static void compare_len(const char *fmt, const char *len, bool is_signed, long long v)
{
	if (!strcmp(len, "hh")) {
		if (is_signed)
			COMPARE(fmt, (signed char)v);
		else
			COMPARE(fmt, (unsigned char)v);
	} else if (!strcmp(len, "h")) {
		if (is_signed)
			COMPARE(fmt, (short)v);
		else
			COMPARE(fmt, (unsigned short)v);
	} else if (!strcmp(len, "")) {
		if (is_signed)
			COMPARE(fmt, (int)v);
		else
			COMPARE(fmt, (unsigned int)v);
	} else if (!strcmp(len, "l")) {
		if (is_signed)
			COMPARE(fmt, (long)v);
		else
			COMPARE(fmt, (unsigned long)v);
	} else if (!strcmp(len, "ll")) {
		if (is_signed)
			COMPARE(fmt, v);
		else
			COMPARE(fmt, (unsigned long long)v);
	} else if (!strcmp(len, "z")) {
		if (is_signed)
			COMPARE(fmt, (ssize_t)v);
		else
			COMPARE(fmt, (size_t)v);
	} else if (!strcmp(len, "t")) {
		COMPARE(fmt, (ptrdiff_t)v);
	}
}

static void test_vsnprintf_integers_vs_host(void)
{
	static const char *const flagsets[] = {
		"", "-", "+", " ", "#", "0", "-+", "+0", " 0", "#0", "-#", "- ", "+ ", "-0",
	};
	static const char *const widths[] = { "", "1", "5", "12", "25" };
	static const char *const precs[] = { "", ".0", ".1", ".3", ".15", "." };
	static const char *const lens[] = { "hh", "h", "", "l", "ll", "z", "t" };
	static const char convs[] = "diuxXo";
	int n = 0;

	for (size_t f = 0; f < sizeof(flagsets) / sizeof(flagsets[0]); f++)
	for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
	for (size_t p = 0; p < sizeof(precs) / sizeof(precs[0]); p++)
	for (size_t l = 0; l < sizeof(lens) / sizeof(lens[0]); l++)
	for (size_t c = 0; c < sizeof(convs) - 1; c++) {
		const char *flags = flagsets[f], *prec = precs[p];
		char conv = convs[c], fmt[32];
		bool is_signed = conv == 'd' || conv == 'i';
		bool has_prec = *prec != '\0';

		if (!strcmp(lens[l], "t") && !is_signed)
			continue;
		/* Linux zero-fills the width even with a precision; C does not */
		if (has_prec && strchr(flags, '0'))
			continue;
		/* Linux's "%#o" with a precision puts the '0' before the precision zeros */
		if (has_prec && conv == 'o' && strchr(flags, '#'))
			continue;
		snprintf(fmt, sizeof(fmt), "[%%%s%s%s%s%c]", flags, widths[w], prec, lens[l], conv);
		for (size_t v = 0; v < sizeof(int_values) / sizeof(int_values[0]); v++) {
			long long val = int_values[v];
			long long trunc;

			/* value as the conversion will see it, to skip Linux-only zero cases */
			if (!strcmp(lens[l], "hh"))
				trunc = is_signed ? (long long)(signed char)val : (long long)(unsigned char)val;
			else if (!strcmp(lens[l], "h"))
				trunc = is_signed ? (long long)(short)val : (long long)(unsigned short)val;
			else if (!strcmp(lens[l], ""))
				trunc = is_signed ? (long long)(int)val : (long long)(unsigned int)val;
			else
				trunc = val;
			if (trunc == 0 && has_prec && (!strcmp(prec, ".0") || !strcmp(prec, ".")))
				continue;	/* Linux prints "0", C prints nothing */
			if (trunc == 0 && (conv == 'x' || conv == 'X') && strchr(flags, '#'))
				continue;	/* Linux prints "0x0", C "0" */
			compare_len(fmt, lens[l], is_signed, val);
			n++;
		}
	}
	EXPECT_TRUE(n > 10000);
}

static void test_vsnprintf_strings_vs_host(void)
{
	static const char *const strs[] = { "", "a", "hello", "a longer string of text" };
	static const char *const flagsets[] = { "", "-" };
	static const char *const widths[] = { "", "1", "6", "30" };
	static const char *const precs[] = { "", ".0", ".2", ".5", ".40" };

	for (size_t f = 0; f < 2; f++)
	for (size_t w = 0; w < 4; w++)
	for (size_t p = 0; p < 5; p++) {
		char fmt[32];

		snprintf(fmt, sizeof(fmt), "<%%%s%s%ss>", flagsets[f], widths[w], precs[p]);
		for (size_t s = 0; s < 4; s++)
			COMPARE(fmt, strs[s]);
		snprintf(fmt, sizeof(fmt), "<%%%s%sc>", flagsets[f], widths[w]);
		COMPARE(fmt, 'x');
		COMPARE(fmt, 0x141);	/* converted to unsigned char */
	}
	COMPARE("%s=%d %s", "a", 5, "b");
	COMPARE("%*d|%-*d|%*d", 6, 42, 6, 42, -6, 42);
	COMPARE("%.*s|%.*s|%.*d", 3, "abcdef", -1, "abcdef", 5, 42);
	COMPARE("%*.*s|", 8, 2, "abcdef");
	COMPARE("100%% %c%c", 'o', 'k');
	COMPARE("%ld %lu %lx %lld %llu %llx", -1L, ~0UL, ~0UL, LLONG_MIN, ~0ULL, ~0ULL);
	COMPARE("%zu %zd %zx", (size_t)-1, (ssize_t)-5, (size_t)4096);
	COMPARE("%d%s", 1, "");
}

static void test_vsnprintf_random_vs_host(void)
{
	static const char convs[] = "diuxXo";

	for (int iter = 0; iter < 20000; iter++) {
		char fmt[32];
		char conv = convs[rnd() % 6];
		unsigned long long v = rnd() >> (rnd() % 64);
		int width = rnd() % 24;
		const char *flag = (rnd() & 1) ? "-" : "";

		snprintf(fmt, sizeof(fmt), "%%%s%dll%c", flag, width, conv);
		COMPARE(fmt, v);
	}
}

static void test_vsnprintf_linux_rules(void)
{
	EXPECT_FMT("0", "%.0d", 0);
	EXPECT_FMT("0x0", "%#x", 0);
	EXPECT_FMT("0X0", "%#X", 0);
	EXPECT_FMT("0", "%#o", 0);
	EXPECT_FMT("010", "%#o", 8);
	EXPECT_FMT("00000005", "%08.3d", 5);
	EXPECT_FMT("-0000042", "%08.3d", -42);
	EXPECT_FMT("0x0000ff", "%#08x", 255);
	EXPECT_FMT("0xff    ", "%-#8x", 255);
	EXPECT_FMT("-42     ", "%-08d", -42);
	EXPECT_FMT("+42", "%+d", 42);
	EXPECT_FMT("42", "%+u", 42);
	EXPECT_FMT(" 42", "% d", 42);
	EXPECT_FMT("+42", "%+ d", 42);
	EXPECT_FMT("%", "%5%");
	EXPECT_FMT("    x", "%05c", 'x');
	EXPECT_FMT("   ab", "%05s", "ab");
	EXPECT_FMT("-1", "%Ld", -1LL);
	EXPECT_FMT("18446744073709551615", "%Lu", ~0ULL);
	EXPECT_FMT("ff ffff", "%hhx %hx", 0x1ff, 0x1ffff);
	EXPECT_FMT("-1 -1", "%hhd %hd", 0xff, 0xffff);
	EXPECT_FMT("-5 fffffffffffffffb", "%Zd %Zx", (ssize_t)-5, (size_t)-5);
}

static void test_vsnprintf_strings_linux(void)
{
	EXPECT_FMT("(null)", "%s", (char *)NULL);
	EXPECT_FMT("(nu", "%.3s", (char *)NULL);
	EXPECT_FMT("    (null)|", "%10s|", (char *)NULL);
	EXPECT_FMT("(efault)", "%s", (char *)16);
	EXPECT_FMT("(efault)", "%s", (char *)(uintptr_t)-EFAULT);
	EXPECT_FMT("ab", "ab%yc", 1);		/* unknown conversion ends the output */
	EXPECT_FMT("ab", "ab%n", (int *)NULL);
	EXPECT_FMT("ab", "ab%");
	EXPECT_FMT("x", "x%");
}

static int test_symbolizer(unsigned long addr, bool with_offset, char *buf, size_t size)
{
	if (addr < 0xffffffff81000000UL || addr >= 0xffffffff81000200UL)
		return -1;
	if (with_offset)
		return snprintf(buf, size, "vfs_read+0x%lx/0x200", addr - 0xffffffff81000000UL);
	return snprintf(buf, size, "vfs_read");
}

static void test_vsnprintf_pointers(void)
{
	void *p = (void *)0xffffffff81000010UL;

	EXPECT_FMT("ffffffff81000010", "%px", p);
	EXPECT_FMT("ffffffff81000010", "%p", p);
	EXPECT_FMT("0000000000000000", "%p", NULL);
	EXPECT_FMT("00000000deadbeef|", "%px|", (void *)0xdeadbeefUL);
	EXPECT_FMT("    beef", "%8px", (void *)0xbeefUL);
	EXPECT_FMT("0x000000000000ff", "%#px", (void *)0xffUL);

	k_vsprintf_set_symbolizer(NULL);
	EXPECT_FMT("0xffffffff81000010", "%pS", p);
	EXPECT_FMT("0x0", "%pS", NULL);

	k_vsprintf_set_symbolizer(test_symbolizer);
	EXPECT_FMT("(vfs_read+0x10/0x200)", "(%pS)", p);
	EXPECT_FMT("vfs_read+0x10/0x200", "%pB", p);
	EXPECT_FMT("vfs_read", "%ps", p);
	EXPECT_FMT("vfs_read  |", "%-10ps|", p);
	EXPECT_FMT("  vfs_read|", "%10ps|", p);
	EXPECT_FMT("vfs|", "%.3ps|", p);
	EXPECT_FMT("0xffffffff82000000", "%pS", (void *)0xffffffff82000000UL);
	EXPECT_FMT("vfs_read+0x10/0x200 <-", "%pSR3 <-", p);	/* letters and digits after %p are eaten */
	EXPECT_FMT("vfs_read.x", "%ps.x", p);
	k_vsprintf_set_symbolizer(NULL);
}

static void test_vsnprintf_truncation(void)
{
	char buf[8];
	int n;

	memset(buf, 'Z', sizeof(buf));
	n = k_snprintf(buf, 5, "hello %s", "world");
	EXPECT_EQ(n, 11);
	EXPECT_STREQ(buf, "hell");
	EXPECT_EQ(buf[5], 'Z');

	n = k_snprintf(NULL, 0, "%d", 12345);
	EXPECT_EQ(n, 5);
	buf[0] = 'Q';
	n = k_snprintf(buf, 0, "%d", 12345);
	EXPECT_EQ(n, 5);
	EXPECT_EQ(buf[0], 'Q');

	n = k_snprintf(buf, 1, "abc");
	EXPECT_EQ(n, 3);
	EXPECT_EQ(buf[0], '\0');

	EXPECT_EQ(k_scnprintf(buf, sizeof(buf), "hello %s", "world"), 7);
	EXPECT_STREQ(buf, "hello w");
	EXPECT_EQ(k_scnprintf(buf, sizeof(buf), "abc"), 3);
	EXPECT_EQ(k_scnprintf(buf, 0, "abc"), 0);
	EXPECT_EQ(k_scnprintf(buf, 1, "abc"), 0);

	/* padding past the end is counted but not stored */
	n = k_snprintf(buf, sizeof(buf), "%20d", 1);
	EXPECT_EQ(n, 20);
	EXPECT_STREQ(buf, "       ");

	{
		char big[64];

		EXPECT_EQ(k_sprintf(big, "%s-%04x", "id", 0xab), 7);
		EXPECT_STREQ(big, "id-00ab");
	}
}

/* ---- kstrtox ------------------------------------------------------------------------------ */

static void test_kstrtoull(void)
{
	static const struct {
		const char *s;
		unsigned int base;
		int ret;
		unsigned long long v;
	} cases[] = {
		{ "0", 0, 0, 0 },
		{ "42", 10, 0, 42 },
		{ "+42", 10, 0, 42 },
		{ "42\n", 10, 0, 42 },
		{ "42\n\n", 10, -EINVAL, 0 },
		{ "42 ", 10, -EINVAL, 0 },
		{ " 42", 10, -EINVAL, 0 },
		{ "", 10, -EINVAL, 0 },
		{ "\n", 10, -EINVAL, 0 },
		{ "+", 10, -EINVAL, 0 },
		{ "-1", 10, -EINVAL, 0 },
		{ "4x", 10, -EINVAL, 0 },
		{ "0x1f", 0, 0, 31 },
		{ "0X1F", 0, 0, 31 },
		{ "0x1f", 16, 0, 31 },
		{ "1f", 16, 0, 31 },
		{ "0x", 16, -EINVAL, 0 },
		{ "0x", 0, -EINVAL, 0 },	/* octal 0, then junk 'x' */
		{ "0xg", 0, -EINVAL, 0 },
		{ "017", 0, 0, 15 },
		{ "018", 0, -EINVAL, 0 },
		{ "017", 10, 0, 17 },
		{ "0x10", 10, -EINVAL, 0 },
		{ "101", 2, 0, 5 },
		{ "102", 2, -EINVAL, 0 },
		{ "18446744073709551615", 10, 0, 18446744073709551615ULL },
		{ "18446744073709551616", 10, -ERANGE, 0 },
		{ "99999999999999999999999", 10, -ERANGE, 0 },
		{ "0xffffffffffffffff", 0, 0, ~0ULL },
		{ "0x10000000000000000", 0, -ERANGE, 0 },
		{ "1777777777777777777777", 8, 0, ~0ULL },
		{ "2000000000000000000000", 8, -ERANGE, 0 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		unsigned long long v = 0xdeadULL;
		int ret = k_kstrtoull(cases[i].s, cases[i].base, &v);

		if (ret != cases[i].ret || (ret == 0 && v != cases[i].v) ||
		    (ret != 0 && v != 0xdeadULL)) {
			fprintf(stderr, "kstrtoull(\"%s\", %u) = %d, %llu\n", cases[i].s,
				cases[i].base, ret, v);
			unit_failed_asserts++;
		}
	}
}

static void test_kstrto_signed_and_narrow(void)
{
	long long ll = 7;
	long l = 7;
	int i = 7;
	unsigned int u = 7;
	unsigned long ul = 7;

	EXPECT_EQ(k_kstrtoll("-42", 10, &ll), 0);
	EXPECT_EQ(ll, -42);
	EXPECT_EQ(k_kstrtoll("+42\n", 10, &ll), 0);
	EXPECT_EQ(ll, 42);
	EXPECT_EQ(k_kstrtoll("-0x10", 0, &ll), 0);
	EXPECT_EQ(ll, -16);
	EXPECT_EQ(k_kstrtoll("-0", 10, &ll), 0);
	EXPECT_EQ(ll, 0);
	EXPECT_EQ(k_kstrtoll("9223372036854775807", 10, &ll), 0);
	EXPECT_EQ(ll, LLONG_MAX);
	EXPECT_EQ(k_kstrtoll("-9223372036854775808", 10, &ll), 0);
	EXPECT_EQ(ll, LLONG_MIN);
	ll = 7;
	EXPECT_EQ(k_kstrtoll("9223372036854775808", 10, &ll), -ERANGE);
	EXPECT_EQ(k_kstrtoll("-9223372036854775809", 10, &ll), -ERANGE);
	EXPECT_EQ(k_kstrtoll("-18446744073709551615", 10, &ll), -ERANGE);
	EXPECT_EQ(k_kstrtoll("--1", 10, &ll), -EINVAL);
	EXPECT_EQ(k_kstrtoll("-+1", 10, &ll), -EINVAL);
	EXPECT_EQ(k_kstrtoll("-", 10, &ll), -EINVAL);
	EXPECT_EQ(ll, 7);

	EXPECT_EQ(k_kstrtol("-123", 0, &l), 0);
	EXPECT_EQ(l, -123);
	EXPECT_EQ(k_kstrtoul("0x7b", 0, &ul), 0);
	EXPECT_EQ(ul, 123);

	EXPECT_EQ(k_kstrtoint("2147483647", 10, &i), 0);
	EXPECT_EQ(i, INT_MAX);
	EXPECT_EQ(k_kstrtoint("-2147483648", 10, &i), 0);
	EXPECT_EQ(i, INT_MIN);
	EXPECT_EQ(k_kstrtoint("2147483648", 10, &i), -ERANGE);
	EXPECT_EQ(k_kstrtoint("-2147483649", 10, &i), -ERANGE);
	EXPECT_EQ(i, INT_MIN);
	EXPECT_EQ(k_kstrtouint("4294967295", 10, &u), 0);
	EXPECT_EQ(u, UINT_MAX);
	EXPECT_EQ(k_kstrtouint("4294967296", 10, &u), -ERANGE);
	EXPECT_EQ(k_kstrtouint("-1", 10, &u), -EINVAL);
	EXPECT_EQ(k_kstrtouint("12ab", 10, &u), -EINVAL);
	EXPECT_EQ(u, UINT_MAX);
}

static void test_kstrtobool(void)
{
	static const char *const yes[] = { "y", "Y", "1", "yes", "on", "ON", "oN\n", "1\n" };
	static const char *const no[] = { "n", "N", "0", "no", "off", "OFF", "of", "0\n" };
	static const char *const bad[] = { "", "o", "ox", "2", "t", "true", " y", "-1" };
	bool b;

	for (size_t i = 0; i < 8; i++) {
		b = false;
		EXPECT_EQ(k_kstrtobool(yes[i], &b), 0);
		EXPECT_TRUE(b);
		b = true;
		EXPECT_EQ(k_kstrtobool(no[i], &b), 0);
		EXPECT_TRUE(!b);
		b = true;
		EXPECT_EQ(k_kstrtobool(bad[i], &b), -EINVAL);
		EXPECT_TRUE(b);
	}
	EXPECT_EQ(k_kstrtobool(NULL, &b), -EINVAL);
}

static void test_simple_strto(void)
{
	char *end;

	EXPECT_EQ(k_simple_strtoull("123abc", &end, 10), 123);
	EXPECT_STREQ(end, "abc");
	EXPECT_EQ(k_simple_strtoull("0x1fz", &end, 0), 31);
	EXPECT_STREQ(end, "z");
	EXPECT_EQ(k_simple_strtoull("0777", &end, 0), 511);
	EXPECT_STREQ(end, "");
	EXPECT_EQ(k_simple_strtoull("xyz", &end, 0), 0);
	EXPECT_STREQ(end, "xyz");
	EXPECT_EQ(k_simple_strtoull("ff", NULL, 16), 255);
	EXPECT_EQ(k_simple_strtoll("-42,", &end, 10), -42);
	EXPECT_STREQ(end, ",");
	EXPECT_EQ(k_simple_strtoll("42", &end, 0), 42);
}

/* ---- sort ------------------------------------------------------------------------------- */

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int cmp_u64(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;

	return (x > y) - (x < y);
}

struct rec {
	unsigned char key[3];
	unsigned char tag[4];
};

static int cmp_rec(const void *a, const void *b)
{
	return memcmp(((const struct rec *)a)->key, ((const struct rec *)b)->key, 3);
}

static int custom_swaps;

static void swap_int(void *a, void *b, int size)
{
	int t = *(int *)a;

	EXPECT_EQ(size, (int)sizeof(int));
	*(int *)a = *(int *)b;
	*(int *)b = t;
	custom_swaps++;
}

static void test_sort_random(void)
{
	for (int iter = 0; iter < 300; iter++) {
		size_t n = rnd() % 200;
		int a[200], b[200];
		unsigned long long c[200], d[200];
		struct rec r[200], s[200];

		for (size_t i = 0; i < n; i++) {
			a[i] = b[i] = (int)(rnd() % 50) - 25;	/* many duplicates */
			c[i] = d[i] = rnd();
			for (int k = 0; k < 3; k++)
				r[i].key[k] = (unsigned char)rnd();
			memcpy(r[i].tag, &i, sizeof(r[i].tag));
			s[i] = r[i];
		}
		k_sort(a, n, sizeof(int), cmp_int, NULL);
		qsort(b, n, sizeof(int), cmp_int);
		EXPECT_EQ(memcmp(a, b, n * sizeof(int)), 0);
		k_sort(c, n, sizeof(c[0]), cmp_u64, NULL);
		qsort(d, n, sizeof(d[0]), cmp_u64);
		EXPECT_EQ(memcmp(c, d, n * sizeof(c[0])), 0);
		k_sort(r, n, sizeof(r[0]), cmp_rec, NULL);
		for (size_t i = 1; i < n; i++)
			EXPECT_TRUE(cmp_rec(&r[i - 1], &r[i]) <= 0);
		/* a permutation: every original record is still there exactly once */
		qsort(r, n, sizeof(r[0]), cmp_rec);
		qsort(s, n, sizeof(s[0]), cmp_rec);
		for (size_t i = 0; i < n; i++)
			EXPECT_EQ(cmp_rec(&r[i], &s[i]), 0);
	}
}

static void test_sort_custom_swap(void)
{
	int a[] = { 5, 3, 9, 1, 7, 2, 8, 6, 4, 0 };

	custom_swaps = 0;
	k_sort(a, 10, sizeof(int), cmp_int, swap_int);
	for (int i = 0; i < 10; i++)
		EXPECT_EQ(a[i], i);
	EXPECT_TRUE(custom_swaps > 0);
	k_sort(a, 0, sizeof(int), cmp_int, NULL);
	k_sort(a, 1, sizeof(int), cmp_int, NULL);
	EXPECT_EQ(a[0], 0);
}

UNIT_TEST_MAIN(
	UNIT_CASE(test_mem),
	UNIT_CASE(test_mem_words),
	UNIT_CASE(test_str_basic),
	UNIT_CASE(test_strlcpy_strlcat),
	UNIT_CASE(test_strsep),
	UNIT_CASE(test_spaces),
	UNIT_CASE(test_glob_table),
	UNIT_CASE(test_glob_vs_fnmatch),
	UNIT_CASE(test_vsnprintf_integers_vs_host),
	UNIT_CASE(test_vsnprintf_strings_vs_host),
	UNIT_CASE(test_vsnprintf_random_vs_host),
	UNIT_CASE(test_vsnprintf_linux_rules),
	UNIT_CASE(test_vsnprintf_strings_linux),
	UNIT_CASE(test_vsnprintf_pointers),
	UNIT_CASE(test_vsnprintf_truncation),
	UNIT_CASE(test_kstrtoull),
	UNIT_CASE(test_kstrto_signed_and_narrow),
	UNIT_CASE(test_kstrtobool),
	UNIT_CASE(test_simple_strto),
	UNIT_CASE(test_sort_random),
	UNIT_CASE(test_sort_custom_swap)
)
