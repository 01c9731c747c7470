// SPDX-License-Identifier: GPL-2.0-only
/*
 * Read-only flattened device tree (DTB, Devicetree Specification v0.4 chapter 5) access, for
 * architectures whose firmware hands the kernel a device tree (riscv64). Pure: no allocation,
 * every read bounds-checked against the header, so a corrupt blob yields an error, never a
 * wild read. Built on the host for tests.
 *
 * A node is named by its byte offset in the structure block (the offset of its
 * FDT_BEGIN_NODE token); the root is at offset 0. Functions returning an offset return a
 * negative errno when there is none: -ENOENT (no such node or property), -EINVAL (corrupt).
 */
#ifndef _STARLING_FDT_H
#define _STARLING_FDT_H

#include <starling/types.h>

#define FDT_MAGIC		0xd00dfeedU
#define FDT_MAX_DEPTH		32	/* deeper trees are rejected as corrupt */

struct fdt {
	const uint8_t	*blob;
	uint32_t	totalsize;
	const uint8_t	*structs;	/* structure block */
	uint32_t	struct_size;
	const char	*strings;	/* strings block */
	uint32_t	strings_size;
	uint32_t	boot_cpuid;
};

static inline uint32_t fdt32_to_cpu(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

int fdt_init(struct fdt *fdt, const void *blob, size_t max_size);
uint32_t fdt_totalsize(const void *blob);
int fdt_next_node(const struct fdt *fdt, int node, int *depth);
int fdt_first_subnode(const struct fdt *fdt, int node);
int fdt_next_subnode(const struct fdt *fdt, int node);
int fdt_parent(const struct fdt *fdt, int node);
const char *fdt_node_name(const struct fdt *fdt, int node);
int fdt_path(const struct fdt *fdt, const char *path);
const void *fdt_prop(const struct fdt *fdt, int node, const char *name, int *len);
bool fdt_is_compatible(const struct fdt *fdt, int node, const char *compat);
int fdt_find_compatible(const struct fdt *fdt, int after, const char *compat);
uint64_t fdt_read_cells(const void *p, int cells);
int fdt_cells(const struct fdt *fdt, int node, const char *name, int dflt);
int fdt_reg(const struct fdt *fdt, int node, int index, uint64_t *addr, uint64_t *size);
int fdt_prop_u64(const struct fdt *fdt, int node, const char *name, uint64_t *val);

#define fdt_for_each_subnode(child, fdt, parent)				\
	for ((child) = fdt_first_subnode(fdt, parent); (child) >= 0;		\
	     (child) = fdt_next_subnode(fdt, child))

#endif /* _STARLING_FDT_H */
