// SPDX-License-Identifier: GPL-2.0-only
/*
 * Atomics and memory barriers on GCC's __atomic builtins, so that the same code runs in the
 * kernel on every arch and in host unit tests. local_t is a counter written only by its own
 * CPU (and interrupts on it): callers promise CPU locality, and <asm/local.h> gives the
 * operations in the arch's cheapest interrupt-safe form.
 */
#ifndef _STARLING_ATOMIC_H
#define _STARLING_ATOMIC_H

#include <starling/compiler.h>

typedef struct { int counter; } atomic_t;
typedef struct { long counter; } atomic_long_t;
typedef struct { long counter; } local_t;

#define ATOMIC_INIT(i)		{ (i) }

#define smp_mb()		__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb()		__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define smp_wmb()		__atomic_thread_fence(__ATOMIC_RELEASE)
#define smp_load_acquire(p)	__atomic_load_n((p), __ATOMIC_ACQUIRE)
#define smp_store_release(p, v)	__atomic_store_n((p), (v), __ATOMIC_RELEASE)

/* cmpxchg returns the old value; xchg returns the previous value. */
#define cmpxchg(ptr, old, new) ({					\
	__typeof__(*(ptr)) __old = (old);				\
	__atomic_compare_exchange_n((ptr), &__old, (new), false,	\
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);\
	__old;								\
})
#define xchg(ptr, v)		__atomic_exchange_n((ptr), (v), __ATOMIC_SEQ_CST)

#define __ATOMIC_OPS(pfx, type, ctype)						\
static inline ctype pfx##_read(const type *v) { return __atomic_load_n(&v->counter, __ATOMIC_RELAXED); } \
static inline void pfx##_set(type *v, ctype i) { __atomic_store_n(&v->counter, i, __ATOMIC_RELAXED); } \
static inline void pfx##_add(ctype i, type *v) { __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline void pfx##_sub(ctype i, type *v) { __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline void pfx##_inc(type *v) { pfx##_add(1, v); }					\
static inline void pfx##_dec(type *v) { pfx##_sub(1, v); }					\
static inline ctype pfx##_add_return(ctype i, type *v)						\
{ return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST); }				\
static inline ctype pfx##_sub_return(ctype i, type *v)						\
{ return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST); }				\
static inline ctype pfx##_inc_return(type *v) { return pfx##_add_return(1, v); }		\
static inline ctype pfx##_dec_return(type *v) { return pfx##_sub_return(1, v); }		\
static inline bool pfx##_dec_and_test(type *v) { return pfx##_sub_return(1, v) == 0; }		\
static inline ctype pfx##_cmpxchg(type *v, ctype old, ctype new)				\
{ return cmpxchg(&v->counter, old, new); }							\
static inline ctype pfx##_xchg(type *v, ctype new) { return xchg(&v->counter, new); }

__ATOMIC_OPS(atomic, atomic_t, int)
__ATOMIC_OPS(atomic_long, atomic_long_t, long)
#undef __ATOMIC_OPS

#include <asm/local.h>

#endif /* _STARLING_ATOMIC_H */
