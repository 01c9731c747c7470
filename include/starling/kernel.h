// SPDX-License-Identifier: GPL-2.0-only
/*
 * printf-family formatting (lib/vsprintf.c) and number parsing (lib/kstrtox.c). Both are
 * pure and built on the host for tests.
 *
 * vsnprintf follows Linux: %d %i %u %x %X %o %c %s %p %%, flags "-+ #0", width and precision
 * (also '*'), length modifiers hh h l ll z t L. Pointer extensions: %pS / %ps (symbol+0xoff/0xsize
 * or bare symbol, through the resolver registered with vsprintf_set_symbolizer), %px (raw hex).
 */
#ifndef _STARLING_KERNEL_H
#define _STARLING_KERNEL_H

#include <starling/compiler.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);

/*
 * Resolve @addr to "sym+0xoff/0xsize" (with_offset) or "sym"; write at most @size bytes
 * (NUL included) and return the length, or -1 when the address is unknown (the caller then
 * prints 0x%lx). Set by kallsyms once the symbol table is available.
 */
typedef int (*symbolizer_fn)(unsigned long addr, bool with_offset, char *buf, size_t size);
void vsprintf_set_symbolizer(symbolizer_fn fn);

/* kstrto*: Linux semantics: base 0 autodetects 0x/0; one trailing '\n' allowed; -EINVAL/-ERANGE. */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtobool(const char *s, bool *res);
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
long long simple_strtoll(const char *cp, char **endp, unsigned int base);

void sort(void *base, size_t num, size_t size, int (*cmp)(const void *, const void *),
	  void (*swap)(void *, void *, int));

#endif /* _STARLING_KERNEL_H */
