// SPDX-License-Identifier: GPL-2.0-only
/*
 * The few helpers GCC calls out of line on rv64imac instead of inlining: count trailing
 * zeros (no Zbb) and one- and two-byte atomics (RV64A has only 32- and 64-bit AMOs and
 * LR/SC, and GCC 12 leaves sub-word atomics to libatomic). The kernel links neither libgcc
 * nor libatomic, so they are here. Sub-word atomics work on the aligned 32-bit word that
 * holds the value, with a compare-and-swap loop that GCC inlines as LR/SC.
 */
#include <starling/types.h>
#include <starling/compiler.h>

int __ctzdi2(unsigned long x);
int __ctzdi2(unsigned long x)
{
	int n = 0;

	if (!x)
		return 64;
	while (!(x & 1)) {
		x >>= 1;
		n++;
	}
	return n;
}

/* Replace the @size-byte value at @p with new(old) atomically; return old. */
static u32 subword_update(volatile void *p, unsigned int size, u32 (*update)(u32 old, u32 arg),
			  u32 arg, bool *done, u32 expected, bool cmp)
{
	unsigned long addr = (unsigned long)p;
	volatile u32 *word = (volatile u32 *)(addr & ~3UL);
	unsigned int shift = (addr & 3) * 8;
	u32 mask = (size == 1 ? 0xffU : 0xffffU) << shift;
	u32 cur = __atomic_load_n(word, __ATOMIC_RELAXED), next, old;

	for (;;) {
		old = (cur & mask) >> shift;
		if (cmp && old != expected) {
			*done = false;
			return old;
		}
		next = (cur & ~mask) | ((update(old, arg) << shift) & mask);
		if (__atomic_compare_exchange_n(word, &cur, next, false, __ATOMIC_SEQ_CST,
						__ATOMIC_RELAXED))
			break;
	}
	*done = true;
	return old;
}

static u32 take_arg(u32 old, u32 arg)
{
	return arg;
}

u8 __atomic_exchange_1(volatile void *p, u8 val, int order);
u8 __atomic_exchange_1(volatile void *p, u8 val, int order)
{
	bool done;

	return subword_update(p, 1, take_arg, val, &done, 0, false);
}

u16 __atomic_exchange_2(volatile void *p, u16 val, int order);
u16 __atomic_exchange_2(volatile void *p, u16 val, int order)
{
	bool done;

	return subword_update(p, 2, take_arg, val, &done, 0, false);
}

bool __atomic_compare_exchange_1(volatile void *p, void *expected, u8 desired, bool weak,
				 int success, int failure);
bool __atomic_compare_exchange_1(volatile void *p, void *expected, u8 desired, bool weak,
				 int success, int failure)
{
	bool done;
	u8 old = subword_update(p, 1, take_arg, desired, &done, *(u8 *)expected, true);

	*(u8 *)expected = old;
	return done;
}

bool __atomic_compare_exchange_2(volatile void *p, void *expected, u16 desired, bool weak,
				 int success, int failure);
bool __atomic_compare_exchange_2(volatile void *p, void *expected, u16 desired, bool weak,
				 int success, int failure)
{
	bool done;
	u16 old = subword_update(p, 2, take_arg, desired, &done, *(u16 *)expected, true);

	*(u16 *)expected = old;
	return done;
}
