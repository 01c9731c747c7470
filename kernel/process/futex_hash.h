// SPDX-License-Identifier: GPL-2.0-only
/* The futex hash (pure: host-tested): bucket of the key (address space, user address). */
#ifndef _KERNEL_PROCESS_FUTEX_HASH_H
#define _KERNEL_PROCESS_FUTEX_HASH_H

#define FUTEX_HASH_BITS		8
#define FUTEX_HASH_SIZE		(1U << FUTEX_HASH_BITS)

static inline unsigned int futex_hash(unsigned long mm, unsigned long addr)
{
	unsigned long h = (addr >> 2) ^ (mm >> 6);

	h *= 0x9e3779b97f4a7c15UL;		/* Fibonacci hashing: top bits are well mixed */
	return (unsigned int)(h >> (64 - FUTEX_HASH_BITS));
}

#endif /* _KERNEL_PROCESS_FUTEX_HASH_H */
