// SPDX-License-Identifier: GPL-2.0-only
/*
 * local_t operations on GCC's __atomic builtins (relaxed): for an arch whose plain
 * read-modify-write an interrupt could split (riscv64's AMOs are single instructions either
 * way), and for host unit tests. <asm/local.h> includes this or defines its own.
 */
#ifndef _STARLING_LOCAL_ATOMIC_H
#define _STARLING_LOCAL_ATOMIC_H

static inline long local_read(const local_t *l)
{
	return __atomic_load_n(&l->counter, __ATOMIC_RELAXED);
}

static inline void local_set(local_t *l, long i)
{
	__atomic_store_n(&l->counter, i, __ATOMIC_RELAXED);
}

static inline long local_add_return(long i, local_t *l)
{
	return __atomic_add_fetch(&l->counter, i, __ATOMIC_SEQ_CST);
}

static inline long local_cmpxchg(local_t *l, long old, long new)
{
	__atomic_compare_exchange_n(&l->counter, &old, new, false, __ATOMIC_SEQ_CST,
				    __ATOMIC_SEQ_CST);
	return old;
}

static inline void local_add(long i, local_t *l)	{ local_add_return(i, l); }
static inline void local_sub(long i, local_t *l)	{ local_add_return(-i, l); }
static inline void local_inc(local_t *l)		{ local_add_return(1, l); }
static inline void local_dec(local_t *l)		{ local_add_return(-1, l); }
static inline long local_inc_return(local_t *l)		{ return local_add_return(1, l); }
static inline long local_dec_return(local_t *l)		{ return local_add_return(-1, l); }

#endif /* _STARLING_LOCAL_ATOMIC_H */
