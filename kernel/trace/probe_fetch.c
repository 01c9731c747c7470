// SPDX-License-Identifier: GPL-2.0-only
/*
 * Run a parsed probe's fetch instructions at a hit and build the event record:
 *
 *   0        8                16 (kretprobe: 24)
 *   | common | __probe_ip      | arg fields, packed, in order | string data, in order |
 *            | __probe_func, __probe_ret_ip (kretprobe)
 *
 * Numbers and arrays sit in the fixed part. A string argument is a 32-bit __data_loc there
 * (low 16 bits: offset from the record start, high 16: length with NUL, 0 after a fault) and
 * its bytes follow the fixed part. The common header (bytes 0-7) belongs to the caller.
 *
 * Pure apart from the callbacks in struct probe_fetch_ctx: registers come from a struct
 * pt_regs read at the arch's byte offsets, memory through fault-safe readers, the comm and
 * symbol names through the caller. A faulting number reads as 0, a faulting string as empty
 * with length 0, and nothing here can crash on a bad pointer. Sizing and filling are two
 * passes as in Linux: probe_record_size() first, then probe_record_fill() into that many
 * bytes, never writing past them even if a string grew in between.
 */
#include <starling/types.h>
#include <starling/errno.h>
#include <starling/string.h>
#include <starling/kernel.h>
#include <starling/probe_regs.h>
#include "trace_probe.h"

static unsigned long read_reg(const struct probe_fetch_ctx *ctx, unsigned int offset)
{
	unsigned long v;

	memcpy(&v, (const char *)ctx->regs + offset, sizeof(v));
	return v;
}

static int read_mem(const struct probe_fetch_ctx *ctx, bool user, void *dst, unsigned long src,
		    size_t len)
{
	int (*rd)(void *priv, void *dst, unsigned long src, size_t len);

	rd = user ? ctx->ops->read_user : ctx->ops->read_kernel;
	if (!rd || rd(ctx->priv, dst, src, len)) {
		memset(dst, 0, len);
		return -EFAULT;
	}
	return 0;
}

/* $stackN: like regs_get_kernel_stack_nth(), an unreadable slot is 0 rather than a fault */
static unsigned long read_stack(const struct probe_fetch_ctx *ctx, unsigned long n)
{
	const struct probe_arch_abi *abi = arch_probe_abi();
	unsigned long v;

	read_mem(ctx, false, &v, read_reg(ctx, abi->sp_offset) + n * sizeof(long), sizeof(v));
	return v;
}

static unsigned long fetch_base(const struct probe_fetch_ctx *ctx, const struct fetch_op *o)
{
	const struct probe_arch_abi *abi = arch_probe_abi();

	switch (o->op) {
	case FETCH_OP_REG:
		return read_reg(ctx, o->param);
	case FETCH_OP_STACK:
		return read_stack(ctx, o->param);
	case FETCH_OP_STACKP:
		return read_reg(ctx, abi->sp_offset);
	case FETCH_OP_RETVAL:
		return read_reg(ctx, abi->retval_offset);
	case FETCH_OP_ARG:
		if (o->param < abi->nr_arg_regs)
			return read_reg(ctx, abi->arg_offsets[o->param]);
		if (abi->stack_args)
			return read_stack(ctx, o->param + 1 - abi->nr_arg_regs);
		return 0;
	case FETCH_OP_IMM:
	case FETCH_OP_SYMBOL:
		return o->imm;
	default:		/* COMM, DATA: the store reads them itself */
		return 0;
	}
}

/*
 * Evaluate the base and every dereference but the last @keep instructions; the value is
 * what the remaining instruction (the store's own memory access) starts from.
 */
static int fetch_value(const struct probe_fetch_ctx *ctx, const struct fetch_spec *f,
		       unsigned int keep, unsigned long *val)
{
	unsigned long v = fetch_base(ctx, &f->ops[0]);
	unsigned int i;

	for (i = 1; i + keep < f->nops; i++) {
		const struct fetch_op *o = &f->ops[i];

		if (read_mem(ctx, o->op == FETCH_OP_UDEREF, &v, v + o->offset, sizeof(v)))
			return -EFAULT;
	}
	*val = v;
	return 0;
}

/*
 * Copy a NUL-terminated string of at most @max bytes (NUL included) from @src; @dst may be
 * NULL to measure. Like strncpy_from_kernel_nofault(): a string that does not end within
 * @max is cut, any fault fails the whole copy.
 *
 * Return: bytes stored with the NUL, or -EFAULT.
 */
static long copy_string(const struct probe_fetch_ctx *ctx, bool user, char *dst,
			unsigned long src, size_t max)
{
	size_t i;
	char c;

	if (!max)
		return 0;
	for (i = 0; i + 1 < max; i++) {
		if (read_mem(ctx, user, &c, src + i, 1))
			return -EFAULT;
		if (dst)
			dst[i] = c;
		if (!c)
			return i + 1;
	}
	if (dst)
		dst[i] = '\0';
	return max;
}

static long copy_local(const char *s, size_t n, char *dst, size_t max)
{
	if (!max)
		return 0;
	if (n > max - 1)
		n = max - 1;
	if (dst) {
		memcpy(dst, s, n);
		dst[n] = '\0';
	}
	return n + 1;
}

static long symbolize(const struct probe_fetch_ctx *ctx, unsigned long addr, char *dst,
		      size_t max)
{
	char name[PROBE_SYMBOL_MAX + 64];
	int n = -1;

	if (ctx->ops->symbolize)
		n = ctx->ops->symbolize(ctx->priv, addr, true, name, sizeof(name));
	if (n < 0 || (size_t)n >= sizeof(name))
		n = snprintf(name, sizeof(name), "0x%lx", addr);
	return copy_local(name, n, dst, max);
}

/* One string element: bytes stored (or measured) with NUL, or -EFAULT. */
static long fetch_string(const struct probe_fetch_ctx *ctx, const struct fetch_spec *f,
			 unsigned int i, char *dst, size_t max)
{
	const struct fetch_op *first = &f->ops[0], *last = &f->ops[f->nops - 1];
	bool user = f->store == FETCH_ST_USTRING;
	unsigned long val, addr;

	if (first->op == FETCH_OP_COMM) {
		const char *comm = ctx->ops->comm ? ctx->ops->comm(ctx->priv) : "";

		return copy_local(comm, strnlen(comm, PROBE_MAX_STRING - 1), dst, max);
	}
	if (first->op == FETCH_OP_DATA)
		return copy_local(f->text + first->param, first->len, dst, max);

	if (f->absorb) {
		if (fetch_value(ctx, f, 1, &val))
			return -EFAULT;
		addr = val + last->offset;
	} else if (f->count && (last->op == FETCH_OP_DEREF || last->op == FETCH_OP_UDEREF)) {
		/* an array of string pointers: element i is the i-th pointer */
		if (fetch_value(ctx, f, 1, &val))
			return -EFAULT;
		if (read_mem(ctx, last->op == FETCH_OP_UDEREF, &addr,
			     val + last->offset + i * sizeof(long), sizeof(addr)))
			return -EFAULT;
	} else {
		if (fetch_value(ctx, f, 0, &val))
			return -EFAULT;
		addr = val + i * sizeof(long);
	}
	if (f->store == FETCH_ST_SYMSTR)
		return symbolize(ctx, addr, dst, max);
	return copy_string(ctx, user, dst, addr, max);
}

static void store_uint(void *dst, unsigned int size, u64 v)
{
	u8 b8 = v;
	u16 b16 = v;
	u32 b32 = v;

	switch (size) {
	case 1:
		memcpy(dst, &b8, 1);
		break;
	case 2:
		memcpy(dst, &b16, 2);
		break;
	case 4:
		memcpy(dst, &b32, 4);
		break;
	default:
		memcpy(dst, &v, 8);
		break;
	}
}

static void fill_number(const struct probe_fetch_ctx *ctx, const struct fetch_spec *f,
			u8 *dst)
{
	unsigned int n = f->count ? f->count : 1;
	unsigned int esize = f->size / n, i;
	const struct fetch_op *last = &f->ops[f->nops - 1];
	unsigned long val;
	u64 v;

	if (f->store == FETCH_ST_RAW && n == 1 && !f->bitfield) {
		/* the common case: one value, stored whole (0 when the fetch faults) */
		if (fetch_value(ctx, f, 0, &val))
			val = 0;
		store_uint(dst, esize, val);
		return;
	}
	memset(dst, 0, f->size);
	if (f->store == FETCH_ST_RAW) {
		if (!fetch_value(ctx, f, 0, &val))
			store_uint(dst, esize, val);
	} else if (!fetch_value(ctx, f, 1, &val)) {
		for (i = 0; i < n; i++)
			read_mem(ctx, f->store == FETCH_ST_UMEM, dst + i * esize,
				 val + last->offset + i * esize, esize);
	}
	if (!f->bitfield)
		return;
	for (i = 0; i < n; i++) {
		v = probe_load_uint(dst + i * esize, esize);
		v <<= f->bf_lshift;
		v &= esize == 8 ? ~0ULL : (1ULL << (esize * 8)) - 1;
		v >>= f->bf_rshift;
		store_uint(dst + i * esize, esize, v);
	}
}

static bool is_string_store(const struct fetch_spec *f)
{
	return f->store == FETCH_ST_STRING || f->store == FETCH_ST_USTRING ||
	       f->store == FETCH_ST_SYMSTR;
}

/**
 * probe_record_size() - bytes the record of this hit needs
 * @spec: a checked kprobe or kretprobe
 * @ctx: the hit
 *
 * Return: the fixed part plus every string's bytes (faulting strings count 0).
 */
ssize_t probe_record_size(const struct probe_spec *spec, const struct probe_fetch_ctx *ctx)
{
	size_t size = spec->fixed_size;
	unsigned int i, j;
	long len;

	for (i = 0; i < spec->nargs; i++) {
		const struct fetch_spec *f = &spec->args[i];

		if (!is_string_store(f))
			continue;
		for (j = 0; j < (f->count ? f->count : 1u); j++) {
			len = fetch_string(ctx, f, j, NULL, PROBE_MAX_STRING);
			if (len > 0)
				size += len;
		}
	}
	return size;
}

/* memset(p, 0, n) for the few bytes of a record's fixed part, without a call. */
static inline void zero_fixed(u8 *p, size_t n)
{
	static const u64 zero;

	for (; n >= sizeof(zero); n -= sizeof(zero), p += sizeof(zero))
		memcpy(p, &zero, sizeof(zero));
	for (; n; n--)
		*p++ = 0;
}

/**
 * probe_record_fill() - build the record of this hit
 * @spec: a checked kprobe or kretprobe
 * @ctx: the hit
 * @rec: the record; bytes 0-7 (common fields) are left to the caller
 * @size: bytes available, normally probe_record_size()'s answer
 *
 * Return: bytes used, or -ENOSPC if even the fixed part does not fit.
 */
ssize_t probe_record_fill(const struct probe_spec *spec, const struct probe_fetch_ctx *ctx,
			  void *rec, size_t size)
{
	u8 *r = rec;
	size_t dyn = spec->fixed_size;
	unsigned int i, j;
	long len;
	u32 loc;

	if (size < spec->fixed_size)
		return -ENOSPC;
	zero_fixed(r + PROBE_COMMON_SIZE, spec->fixed_size - PROBE_COMMON_SIZE);
	store_uint(r + 8, 8, ctx->ip);
	if (probe_is_return(spec))
		store_uint(r + 16, 8, ctx->ret_ip);
	for (i = 0; i < spec->nargs; i++) {
		const struct fetch_spec *f = &spec->args[i];

		if (!is_string_store(f)) {
			fill_number(ctx, f, r + f->offset);
			continue;
		}
		for (j = 0; j < (f->count ? f->count : 1u); j++) {
			size_t max = min_t(size_t, size - dyn, PROBE_MAX_STRING);

			len = dyn > 0xffff ? -ENOSPC : fetch_string(ctx, f, j, (char *)r + dyn, max);
			if (len < 0)
				len = 0;
			loc = ((u32)len << 16) | (dyn & 0xffff);
			store_uint(r + f->offset + j * 4, 4, loc);
			dyn += len;
		}
	}
	return dyn;
}
