// SPDX-License-Identifier: GPL-2.0-only
/* Freestanding string and memory helpers (lib/string.c); also built on the host for tests. */
#ifndef _STARLING_STRING_H
#define _STARLING_STRING_H

#include <starling/types.h>

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *hay, const char *needle);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
size_t strlcpy(char *dst, const char *src, size_t size);
size_t strlcat(char *dst, const char *src, size_t size);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strsep(char **stringp, const char *delim);
char *skip_spaces(const char *s);
char *strim(char *s);
bool glob_match(const char *pat, const char *str);

/*
 * -ffreestanding turns every mem* call into a real call; through the builtins the compiler
 * expands those with a small constant size inline (an 8-byte memcpy() is one load and one
 * store) and still calls lib/string.c for the rest. A name already defined as a macro (host
 * test builds rename lib/ functions) is left alone.
 */
#ifndef memcpy
#define memcpy(dst, src, n)	__builtin_memcpy(dst, src, n)
#endif
#ifndef memset
#define memset(s, c, n)		__builtin_memset(s, c, n)
#endif
#ifndef memmove
#define memmove(dst, src, n)	__builtin_memmove(dst, src, n)
#endif
#ifndef memcmp
#define memcmp(a, b, n)		__builtin_memcmp(a, b, n)
#endif

#endif /* _STARLING_STRING_H */
