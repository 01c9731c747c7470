// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host builds of lib/: the test binary also links the host C library, whose memcpy, strlen,
 * snprintf and friends must stay in place (ASan intercepts them, and the vsprintf test
 * compares against the host's snprintf). The lib_wrap_*.c files include this header before
 * lib/ source file, so every exported lib/ function is compiled as k_<name> instead. The test
 * includes it, then <starling/string.h> and <starling/kernel.h> to get the k_ prototypes,
 * then includes it again with LIB_RENAME_UNDO defined so plain names mean the host's again.
 */
#ifndef LIB_RENAME_UNDO
/*
 * The host's <sys/cdefs.h> (reached through <stdint.h>) defines __always_inline differently
 * from <starling/compiler.h>; drop the host's so the kernel header's definition is the only one.
 */
#include <stdint.h>
#undef __always_inline

#define memset			k_memset
#define memcpy			k_memcpy
#define memmove			k_memmove
#define memcmp			k_memcmp
#define memchr			k_memchr
#define strlen			k_strlen
#define strnlen			k_strnlen
#define strcmp			k_strcmp
#define strncmp			k_strncmp
#define strchr			k_strchr
#define strrchr			k_strrchr
#define strstr			k_strstr
#define strcpy			k_strcpy
#define strncpy			k_strncpy
#define strlcpy			k_strlcpy
#define strlcat			k_strlcat
#define strspn			k_strspn
#define strcspn			k_strcspn
#define strpbrk			k_strpbrk
#define strsep			k_strsep
#define skip_spaces		k_skip_spaces
#define strim			k_strim
#define glob_match		k_glob_match
#define vsnprintf		k_vsnprintf
#define snprintf		k_snprintf
#define vscnprintf		k_vscnprintf
#define scnprintf		k_scnprintf
#define sprintf			k_sprintf
#define vsprintf_set_symbolizer	k_vsprintf_set_symbolizer
#define kstrtoull		k_kstrtoull
#define kstrtoll		k_kstrtoll
#define kstrtoul		k_kstrtoul
#define kstrtol			k_kstrtol
#define kstrtouint		k_kstrtouint
#define kstrtoint		k_kstrtoint
#define kstrtobool		k_kstrtobool
#define simple_strtoull		k_simple_strtoull
#define simple_strtoll		k_simple_strtoll
#define sort			k_sort
#else
#undef memset
#undef memcpy
#undef memmove
#undef memcmp
#undef memchr
#undef strlen
#undef strnlen
#undef strcmp
#undef strncmp
#undef strchr
#undef strrchr
#undef strstr
#undef strcpy
#undef strncpy
#undef strlcpy
#undef strlcat
#undef strspn
#undef strcspn
#undef strpbrk
#undef strsep
#undef skip_spaces
#undef strim
#undef glob_match
#undef vsnprintf
#undef snprintf
#undef vscnprintf
#undef scnprintf
#undef sprintf
#undef vsprintf_set_symbolizer
#undef kstrtoull
#undef kstrtoll
#undef kstrtoul
#undef kstrtol
#undef kstrtouint
#undef kstrtoint
#undef kstrtobool
#undef simple_strtoull
#undef simple_strtoll
#undef sort
#endif
