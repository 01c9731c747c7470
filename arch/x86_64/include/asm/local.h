// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 local_t: counters that only their own CPU writes (from any context on it). A single
 * read-modify-write instruction cannot be split by an interrupt, so they need no lock prefix,
 * which would make each one a full barrier; callers order them with barrier() where needed.
 */
#ifndef _ASM_LOCAL_H
#define _ASM_LOCAL_H

#include <starling/compiler.h>

static __always_inline long local_read(const local_t *l)
{
	return READ_ONCE(l->counter);
}

static __always_inline void local_set(local_t *l, long i)
{
	WRITE_ONCE(l->counter, i);
}

static __always_inline void local_add(long i, local_t *l)
{
	__asm__ __volatile__("addq %1, %0" : "+m"(l->counter) : "er"(i) : "memory");
}

static __always_inline void local_sub(long i, local_t *l)
{
	__asm__ __volatile__("subq %1, %0" : "+m"(l->counter) : "er"(i) : "memory");
}

static __always_inline void local_inc(local_t *l)
{
	__asm__ __volatile__("incq %0" : "+m"(l->counter) :: "memory");
}

static __always_inline void local_dec(local_t *l)
{
	__asm__ __volatile__("decq %0" : "+m"(l->counter) :: "memory");
}

static __always_inline long local_add_return(long i, local_t *l)
{
	long old = i;

	__asm__ __volatile__("xaddq %0, %1" : "+r"(old), "+m"(l->counter) :: "memory");
	return old + i;
}

static __always_inline long local_inc_return(local_t *l)
{
	return local_add_return(1, l);
}

static __always_inline long local_dec_return(local_t *l)
{
	return local_add_return(-1, l);
}

static __always_inline long local_cmpxchg(local_t *l, long old, long new)
{
	__asm__ __volatile__("cmpxchgq %2, %1" : "+a"(old), "+m"(l->counter) : "r"(new)
			     : "memory");
	return old;
}

#endif /* _ASM_LOCAL_H */
