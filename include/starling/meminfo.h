// SPDX-License-Identifier: GPL-2.0-only
/*
 * Memory statistics for /proc/meminfo that the allocators keep (mm/slab.c).
 */
#ifndef _STARLING_MEMINFO_H
#define _STARLING_MEMINFO_H

/* Slab pages holding no object that kmalloc keeps for reuse (at most one per size class). */
unsigned long kmalloc_cached_pages(void);

#endif /* _STARLING_MEMINFO_H */
