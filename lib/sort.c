// SPDX-License-Identifier: GPL-2.0-only
/*
 * sort() - in-place heapsort of an array, as Linux's lib/sort.c: O(n log n) in the worst
 * case, no recursion and no allocation, so it is safe with little stack and in atomic
 * context. Not stable. lib/ layer, also built on the host for tests.
 *
 * The array is viewed as a binary max-heap (children of element i are 2i+1 and 2i+2).
 * Phase 1 turns it into a heap by sifting every parent down, last parent first; phase 2
 * repeatedly swaps the maximum (element 0) to the end, shrinks the heap by one and sifts the
 * new root down.
 */
#include <starling/kernel.h>

typedef void (*swap_fn)(void *a, void *b, int size);

static void swap_bytes(void *a, void *b, int size)
{
	unsigned char *p = a, *q = b;

	while (size-- > 0) {
		unsigned char t = *p;

		*p++ = *q;
		*q++ = t;
	}
}

static void swap_u32(void *a, void *b, int size)
{
	u32 t = *(u32 *)a;

	*(u32 *)a = *(u32 *)b;
	*(u32 *)b = t;
}

static void swap_u64(void *a, void *b, int size)
{
	u64 t = *(u64 *)a;

	*(u64 *)a = *(u64 *)b;
	*(u64 *)b = t;
}

/* Move element @root down the heap of @n elements until both children are not greater. */
static void sift_down(char *base, size_t root, size_t n, size_t size,
		      int (*cmp)(const void *, const void *), swap_fn swap)
{
	for (;;) {
		size_t child = 2 * root + 1;

		if (child >= n)
			return;
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap(base + root * size, base + child * size, (int)size);
		root = child;
	}
}

/**
 * sort() - sort an array of elements
 * @base: first element
 * @num: number of elements
 * @size: size of each element in bytes
 * @cmp: returns <0, 0 or >0 as its first argument sorts before, with or after its second
 * @swap: exchanges two elements (its third argument is @size), or NULL for a built-in one
 *
 * Sorts into ascending order by @cmp; equal elements may end up in any order.
 */
void sort(void *base, size_t num, size_t size, int (*cmp)(const void *, const void *),
	  void (*swap)(void *, void *, int))
{
	char *b = base;
	size_t i;

	if (num < 2 || !size)
		return;
	if (!swap) {
		unsigned long align = (unsigned long)base | size;

		if (size == 8 && !(align & 7))
			swap = swap_u64;
		else if (size == 4 && !(align & 3))
			swap = swap_u32;
		else
			swap = swap_bytes;
	}

	for (i = num / 2; i-- > 0;)
		sift_down(b, i, num, size, cmp, swap);
	for (i = num - 1; i > 0; i--) {
		swap(b, b + i * size, (int)size);
		sift_down(b, 0, i, size, cmp, swap);
	}
}
