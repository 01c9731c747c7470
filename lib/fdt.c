// SPDX-License-Identifier: GPL-2.0-only
/*
 * Flattened device tree reader (the format of Devicetree Specification v0.4, chapter 5).
 *
 * The blob is a header, a memory reservation block, a structure block and a strings block.
 * The structure block is a sequence of big-endian 32-bit tokens, each 4-byte aligned:
 *
 *   FDT_BEGIN_NODE name\0 <pad>              opens a node (the root's name is empty)
 *   FDT_PROP len nameoff value[len] <pad>    a property of the innermost open node; its name
 *                                            is the string at nameoff in the strings block
 *   FDT_NOP                                  ignored
 *   FDT_END_NODE                             closes the innermost open node
 *   FDT_END                                  ends the block
 *
 * A node's properties come before its subnodes. Nothing here trusts the blob: every token,
 * name and value is checked against the block it lives in. Pure; also built on the host.
 */
#include <starling/fdt.h>
#include <starling/errno.h>
#include <starling/string.h>

#define FDT_BEGIN_NODE		1
#define FDT_END_NODE		2
#define FDT_PROP		3
#define FDT_NOP			4
#define FDT_END			9

#define FDT_HEADER_SIZE		40	/* ten 32-bit fields, version 17 */

/* Header field @i (0 = magic, 1 = totalsize, ...). */
static uint32_t hdr(const void *blob, int i)
{
	return fdt32_to_cpu((const uint8_t *)blob + 4 * i);
}

/* The token at @off, or -EINVAL when @off is not a token inside the structure block. */
static int fdt_tag(const struct fdt *fdt, int off)
{
	if (off < 0 || (off & 3) || (uint64_t)off + 4 > fdt->struct_size)
		return -EINVAL;
	return (int)fdt32_to_cpu(fdt->structs + off);
}

/*
 * The offset of the token after the one at @off (whose tag is @tag), or -EINVAL when the
 * token's payload runs past the structure block.
 */
static int fdt_skip(const struct fdt *fdt, int off, int tag)
{
	uint64_t next = (uint64_t)off + 4;
	const uint8_t *nul;
	uint32_t len;

	switch (tag) {
	case FDT_BEGIN_NODE:
		nul = memchr(fdt->structs + next, '\0', fdt->struct_size - next);
		if (!nul)
			return -EINVAL;
		next = (uint64_t)(nul - fdt->structs) + 1;
		break;
	case FDT_PROP:
		if (next + 8 > fdt->struct_size)
			return -EINVAL;
		len = fdt32_to_cpu(fdt->structs + next);
		next += 8 + (uint64_t)len;
		break;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		break;
	default:
		return -EINVAL;
	}
	next = ALIGN(next, 4);
	if (next > fdt->struct_size)
		return -EINVAL;
	return (int)next;
}

/* The first token inside node @node (after its name), or a negative errno. */
static int fdt_node_body(const struct fdt *fdt, int node)
{
	int tag = fdt_tag(fdt, node);

	if (tag < 0)
		return tag;
	if (tag != FDT_BEGIN_NODE)
		return -EINVAL;
	return fdt_skip(fdt, node, tag);
}

/**
 * fdt_totalsize() - the size a blob's header claims, for reserving its memory
 * @blob: the start of a device tree blob (at least its header readable)
 *
 * Return: the totalsize field, or 0 when @blob has no FDT magic.
 */
uint32_t fdt_totalsize(const void *blob)
{
	return hdr(blob, 0) == FDT_MAGIC ? hdr(blob, 1) : 0;
}

/**
 * fdt_init() - check a blob's header and describe it in @fdt
 * @fdt: filled on success
 * @blob: the device tree blob
 * @max_size: how many bytes at @blob may be read at most
 *
 * Return: 0, or -EINVAL when the header is not that of a version 16/17 blob that fits.
 */
int fdt_init(struct fdt *fdt, const void *blob, size_t max_size)
{
	uint32_t total, off_struct, off_strings, size_struct, size_strings;

	if (max_size < FDT_HEADER_SIZE || hdr(blob, 0) != FDT_MAGIC)
		return -EINVAL;
	total = hdr(blob, 1);
	off_struct = hdr(blob, 2);
	off_strings = hdr(blob, 3);
	/* version 16 and later carry the block sizes; 17 is compatible back to 16 */
	if (hdr(blob, 5) < 16 || hdr(blob, 6) > 17)
		return -EINVAL;
	size_strings = hdr(blob, 8);
	size_struct = hdr(blob, 9);
	if (total < FDT_HEADER_SIZE || total > max_size || total > INT32_MAX || (off_struct & 3))
		return -EINVAL;
	if ((uint64_t)off_struct + size_struct > total ||
	    (uint64_t)off_strings + size_strings > total)
		return -EINVAL;
	fdt->blob = blob;
	fdt->totalsize = total;
	fdt->structs = (const uint8_t *)blob + off_struct;
	fdt->struct_size = size_struct & ~3U;
	fdt->strings = (const char *)blob + off_strings;
	fdt->strings_size = size_strings;
	fdt->boot_cpuid = hdr(blob, 7);
	if (fdt_tag(fdt, 0) != FDT_BEGIN_NODE)
		return -EINVAL;
	return 0;
}

/**
 * fdt_next_node() - the next node in document order
 * @fdt: the tree
 * @node: the node to start after
 * @depth: in: the depth of @node; out: the depth of the node returned (a child is one
 *         deeper, a sibling the same)
 *
 * Return: the next node's offset; -ENOENT at the end of the tree or once the walk leaves
 * the node that encloses @node at depth 0 (*@depth would go negative); -EINVAL if corrupt.
 */
int fdt_next_node(const struct fdt *fdt, int node, int *depth)
{
	int off = fdt_node_body(fdt, node);
	int tag;

	while (off >= 0) {
		tag = fdt_tag(fdt, off);
		if (tag < 0)
			return tag;
		switch (tag) {
		case FDT_BEGIN_NODE:
			if (++*depth >= FDT_MAX_DEPTH)
				return -EINVAL;
			return off;
		case FDT_END_NODE:
			if (--*depth < 0)
				return -ENOENT;
			break;
		case FDT_END:
			return -ENOENT;
		}
		off = fdt_skip(fdt, off, tag);
	}
	return off;
}

/**
 * fdt_first_subnode() - the first child of @node
 * @fdt: the tree
 * @node: the parent
 *
 * Return: the child's offset, -ENOENT if it has none, or -EINVAL.
 */
int fdt_first_subnode(const struct fdt *fdt, int node)
{
	int depth = 0;
	int off = fdt_next_node(fdt, node, &depth);

	if (off < 0)
		return off;
	return depth == 1 ? off : -ENOENT;
}

/**
 * fdt_next_subnode() - the next sibling of @node
 * @fdt: the tree
 * @node: a child node
 *
 * Return: the sibling's offset, -ENOENT after the last one, or -EINVAL.
 */
int fdt_next_subnode(const struct fdt *fdt, int node)
{
	int depth = 1;
	int off = node;

	do {
		off = fdt_next_node(fdt, off, &depth);
		if (off < 0)
			return off;
		if (depth < 1)
			return -ENOENT;
	} while (depth > 1);
	return off;
}

/**
 * fdt_parent() - the node that contains @node
 * @fdt: the tree
 * @node: a node other than the root
 *
 * Return: the parent's offset, -ENOENT for the root or an offset that is no node, -EINVAL.
 */
int fdt_parent(const struct fdt *fdt, int node)
{
	int stack[FDT_MAX_DEPTH];
	int depth = 0;
	int off = 0;

	stack[0] = 0;
	while (off != node) {
		off = fdt_next_node(fdt, off, &depth);
		if (off < 0)
			return off;
		stack[depth] = off;
	}
	return depth > 0 ? stack[depth - 1] : -ENOENT;
}

/**
 * fdt_node_name() - a node's name, "name@unit-address" ("" for the root)
 * @fdt: the tree
 * @node: the node
 *
 * Return: the NUL-terminated name inside the blob, or NULL if @node is no node.
 */
const char *fdt_node_name(const struct fdt *fdt, int node)
{
	if (fdt_node_body(fdt, node) < 0)
		return NULL;
	return (const char *)fdt->structs + node + 4;
}

/* Whether path component @comp (@len bytes) names @name; "cpu" matches "cpu@0". */
static bool name_matches(const char *name, const char *comp, size_t len)
{
	if (strncmp(name, comp, len))
		return false;
	return name[len] == '\0' || (name[len] == '@' && !memchr(comp, '@', len));
}

/**
 * fdt_path() - look a node up by its full path
 * @fdt: the tree
 * @path: "/", or "/a/b" where a component without "@unit" matches any unit address
 *
 * Return: the node's offset, -ENOENT, or -EINVAL.
 */
int fdt_path(const struct fdt *fdt, const char *path)
{
	int node = 0, child;
	const char *end;
	size_t len;

	if (*path != '/')
		return -EINVAL;
	while (*path) {
		while (*path == '/')
			path++;
		if (!*path)
			break;
		end = strchr(path, '/');
		len = end ? (size_t)(end - path) : strlen(path);
		fdt_for_each_subnode(child, fdt, node) {
			if (name_matches(fdt_node_name(fdt, child), path, len))
				break;
		}
		if (child < 0)
			return child;
		node = child;
		path += len;
	}
	return node;
}

/**
 * fdt_prop() - a property of a node
 * @fdt: the tree
 * @node: the node
 * @name: the property name
 * @len: if not NULL, set to the value's length, or to the negative errno on failure
 *
 * Return: the value inside the blob (not aligned beyond 4 bytes, big-endian), or NULL.
 */
const void *fdt_prop(const struct fdt *fdt, int node, const char *name, int *len)
{
	int off = fdt_node_body(fdt, node);
	int err = -ENOENT;
	uint32_t vlen, nameoff;
	const char *pname;
	int tag;

	while (off >= 0) {
		tag = fdt_tag(fdt, off);
		if (tag < 0) {
			off = tag;
			break;
		}
		if (tag == FDT_PROP) {
			/* fdt_skip() checks the value fits before we hand it out */
			int next = fdt_skip(fdt, off, tag);

			if (next < 0) {
				off = next;
				break;
			}
			vlen = fdt32_to_cpu(fdt->structs + off + 4);
			nameoff = fdt32_to_cpu(fdt->structs + off + 8);
			if (nameoff >= fdt->strings_size ||
			    !memchr(fdt->strings + nameoff, '\0', fdt->strings_size - nameoff)) {
				off = -EINVAL;
				break;
			}
			pname = fdt->strings + nameoff;
			if (!strcmp(pname, name)) {
				if (len)
					*len = (int)vlen;
				return fdt->structs + off + 12;
			}
			off = next;
			continue;
		}
		if (tag != FDT_NOP)	/* a subnode, the node's end, or the block's end */
			break;
		off = fdt_skip(fdt, off, tag);
	}
	if (off < 0)
		err = off;
	if (len)
		*len = err;
	return NULL;
}

/**
 * fdt_is_compatible() - whether @compat is one of a node's "compatible" strings
 * @fdt: the tree
 * @node: the node
 * @compat: e.g. "ns16550a"
 *
 * Return: true if it is listed.
 */
bool fdt_is_compatible(const struct fdt *fdt, int node, const char *compat)
{
	int len;
	const char *p = fdt_prop(fdt, node, "compatible", &len);
	const char *end, *nul;

	if (!p)
		return false;
	for (end = p + len; p < end; p = nul + 1) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (!nul)
			return false;
		if (!strcmp(p, compat))
			return true;
	}
	return false;
}

/**
 * fdt_find_compatible() - the next node in document order compatible with @compat
 * @fdt: the tree
 * @after: the node to search after, or -1 to search from the root
 * @compat: the compatible string
 *
 * Return: the node's offset, -ENOENT, or -EINVAL.
 */
int fdt_find_compatible(const struct fdt *fdt, int after, const char *compat)
{
	int depth = 0, off = 0;

	if (after < 0 && fdt_is_compatible(fdt, 0, compat))
		return 0;
	for (;;) {
		off = fdt_next_node(fdt, off, &depth);
		if (off < 0)
			return off;
		if (off > after && fdt_is_compatible(fdt, off, compat))
			return off;
	}
}

/**
 * fdt_read_cells() - a big-endian number of one or two 32-bit cells
 * @p: the first cell
 * @cells: 1 or 2
 *
 * Return: the value.
 */
uint64_t fdt_read_cells(const void *p, int cells)
{
	const uint8_t *b = p;
	uint64_t v = 0;

	while (cells-- > 0) {
		v = v << 32 | fdt32_to_cpu(b);
		b += 4;
	}
	return v;
}

/**
 * fdt_cells() - a one-cell property such as "#address-cells"
 * @fdt: the tree
 * @node: the node that has it
 * @name: the property
 * @dflt: the value when the node does not have it
 *
 * Return: the value, @dflt if absent, -EINVAL when it is not one cell.
 */
int fdt_cells(const struct fdt *fdt, int node, const char *name, int dflt)
{
	int len;
	const void *p = fdt_prop(fdt, node, name, &len);
	uint32_t v;

	if (!p)
		return len == -ENOENT ? dflt : len;
	if (len != 4)
		return -EINVAL;
	v = fdt32_to_cpu(p);
	return v > 4 ? -EINVAL : (int)v;
}

/**
 * fdt_reg() - one (address, size) pair of a node's "reg"
 * @fdt: the tree
 * @node: the node
 * @index: which pair
 * @addr: set to the address
 * @size: set to the size (0 when the parent's #size-cells is 0); may be NULL
 *
 * The cell counts come from the parent, as the specification says (defaults 2 and 1).
 *
 * Return: 0, -ENOENT if there is no such pair, -EINVAL on cell counts above 2 or corruption.
 */
int fdt_reg(const struct fdt *fdt, int node, int index, uint64_t *addr, uint64_t *size)
{
	int parent = fdt_parent(fdt, node);
	int ac, sc, len;
	const uint8_t *p;

	if (parent < 0)
		return parent == -ENOENT ? -EINVAL : parent;
	ac = fdt_cells(fdt, parent, "#address-cells", 2);
	sc = fdt_cells(fdt, parent, "#size-cells", 1);
	if (ac < 1 || ac > 2 || sc < 0 || sc > 2)
		return -EINVAL;
	p = fdt_prop(fdt, node, "reg", &len);
	if (!p)
		return len;
	if (index < 0 || (uint64_t)(index + 1) * (uint64_t)(ac + sc) * 4 > (uint64_t)len)
		return -ENOENT;
	p += (size_t)index * (size_t)(ac + sc) * 4;
	*addr = fdt_read_cells(p, ac);
	if (size)
		*size = fdt_read_cells(p + ac * 4, sc);
	return 0;
}

/**
 * fdt_prop_u64() - a property holding one or two cells
 * @fdt: the tree
 * @node: the node
 * @name: the property, e.g. "timebase-frequency" or "linux,initrd-start"
 * @val: set to its value
 *
 * Return: 0, -ENOENT, or -EINVAL when it is neither 4 nor 8 bytes long.
 */
int fdt_prop_u64(const struct fdt *fdt, int node, const char *name, uint64_t *val)
{
	int len;
	const void *p = fdt_prop(fdt, node, name, &len);

	if (!p)
		return len;
	if (len != 4 && len != 8)
		return -EINVAL;
	*val = fdt_read_cells(p, len / 4);
	return 0;
}
