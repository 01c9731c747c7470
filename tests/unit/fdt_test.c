// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of lib/fdt.c. A small writer below builds blobs shaped like the tree QEMU's
 * riscv64 "virt" machine passes (memory, cpus with timebase-frequency, /chosen with bootargs
 * and the initrd range, /soc with a UART, the PLIC and the test device); the reader must find
 * everything in them, and must reject, never over-read, every truncation and a set of
 * corruptions of them (run under ASan).
 */
#include <stdint.h>
#include "unit.h"
#include <starling/errno.h>
#include <starling/fdt.h>

/* ---- a minimal blob writer -------------------------------------------------------------- */

struct w {
	uint8_t st[4096];
	size_t nst;
	char str[1024];
	size_t nstr;
};

static void put32(struct w *w, uint32_t v)
{
	w->st[w->nst++] = v >> 24;
	w->st[w->nst++] = v >> 16;
	w->st[w->nst++] = v >> 8;
	w->st[w->nst++] = v;
}

static void pad(struct w *w)
{
	while (w->nst & 3)
		w->st[w->nst++] = 0;
}

static void begin(struct w *w, const char *name)
{
	put32(w, 1);
	memcpy(w->st + w->nst, name, strlen(name) + 1);
	w->nst += strlen(name) + 1;
	pad(w);
}

static void end(struct w *w)
{
	put32(w, 2);
}

static uint32_t strref(struct w *w, const char *name)
{
	for (size_t i = 0; i < w->nstr; i += strlen(w->str + i) + 1)
		if (!strcmp(w->str + i, name))
			return (uint32_t)i;
	memcpy(w->str + w->nstr, name, strlen(name) + 1);
	w->nstr += strlen(name) + 1;
	return (uint32_t)(w->nstr - strlen(name) - 1);
}

static void prop(struct w *w, const char *name, const void *val, size_t len)
{
	put32(w, 3);
	put32(w, (uint32_t)len);
	put32(w, strref(w, name));
	memcpy(w->st + w->nst, val, len);
	w->nst += len;
	pad(w);
}

static void prop_cells(struct w *w, const char *name, int n, const uint32_t *cells)
{
	uint8_t buf[64];

	for (int i = 0; i < n; i++) {
		buf[4 * i] = cells[i] >> 24;
		buf[4 * i + 1] = cells[i] >> 16;
		buf[4 * i + 2] = cells[i] >> 8;
		buf[4 * i + 3] = cells[i];
	}
	prop(w, name, buf, 4 * (size_t)n);
}

static void prop_u32(struct w *w, const char *name, uint32_t v)
{
	prop_cells(w, name, 1, &v);
}

static void prop_str(struct w *w, const char *name, const char *s)
{
	prop(w, name, s, strlen(s) + 1);
}

/* Header + empty reservation map + structure + strings, into @out; returns the size. */
static size_t finish(struct w *w, uint8_t *out)
{
	size_t off_st, off_str, total;
	uint32_t h[10];

	put32(w, 9);	/* FDT_END */
	off_st = 40 + 16;
	off_str = off_st + w->nst;
	total = off_str + w->nstr;
	h[0] = FDT_MAGIC;
	h[1] = (uint32_t)total;
	h[2] = (uint32_t)off_st;
	h[3] = (uint32_t)off_str;
	h[4] = 40;		/* reservation map: one empty entry */
	h[5] = 17;		/* version */
	h[6] = 16;		/* last compatible version */
	h[7] = 0;		/* boot CPU */
	h[8] = (uint32_t)w->nstr;
	h[9] = (uint32_t)w->nst;
	memset(out, 0, total);
	for (int i = 0; i < 10; i++) {
		out[4 * i] = h[i] >> 24;
		out[4 * i + 1] = h[i] >> 16;
		out[4 * i + 2] = h[i] >> 8;
		out[4 * i + 3] = h[i];
	}
	memcpy(out + off_st, w->st, w->nst);
	memcpy(out + off_str, w->str, w->nstr);
	return total;
}

/* A tree shaped like QEMU virt's, 2 harts. */
static size_t build_virt(uint8_t *out)
{
	static struct w w;
	static const char compat_uart[] = "ns16550a";
	static const char compat_test[] = "sifive,test1\0sifive,test0\0syscon";

	memset(&w, 0, sizeof(w));
	begin(&w, "");
	prop_u32(&w, "#address-cells", 2);
	prop_u32(&w, "#size-cells", 2);
	prop_str(&w, "compatible", "riscv-virtio");
	begin(&w, "chosen");
	prop_str(&w, "bootargs", "console=ttyS0 rdinit=/init");
	prop_cells(&w, "linux,initrd-start", 2, (uint32_t[]){ 0, 0x88200000 });
	prop_u32(&w, "linux,initrd-end", 0x88400000);	/* one cell is allowed too */
	prop_str(&w, "stdout-path", "/soc/serial@10000000");
	end(&w);
	begin(&w, "memory@80000000");
	prop_str(&w, "device_type", "memory");
	prop_cells(&w, "reg", 4, (uint32_t[]){ 0, 0x80000000, 0, 0x20000000 });
	end(&w);
	begin(&w, "cpus");
	prop_u32(&w, "#address-cells", 1);
	prop_u32(&w, "#size-cells", 0);
	prop_u32(&w, "timebase-frequency", 10000000);
	for (int i = 0; i < 2; i++) {
		begin(&w, i ? "cpu@1" : "cpu@0");
		prop_str(&w, "device_type", "cpu");
		prop_u32(&w, "reg", (uint32_t)i);
		prop_str(&w, "status", "okay");
		prop_str(&w, "riscv,isa", "rv64imafdch_zicsr_zifencei");
		begin(&w, "interrupt-controller");
		prop_str(&w, "compatible", "riscv,cpu-intc");
		end(&w);
		end(&w);
	}
	end(&w);
	begin(&w, "soc");
	prop_u32(&w, "#address-cells", 2);
	prop_u32(&w, "#size-cells", 2);
	begin(&w, "test@100000");
	prop(&w, "compatible", compat_test, sizeof(compat_test));
	prop_cells(&w, "reg", 4, (uint32_t[]){ 0, 0x100000, 0, 0x1000 });
	end(&w);
	begin(&w, "serial@10000000");
	put32(&w, 4);	/* FDT_NOP between properties */
	prop_u32(&w, "interrupts", 10);
	prop(&w, "compatible", compat_uart, sizeof(compat_uart));
	prop_cells(&w, "reg", 4, (uint32_t[]){ 0, 0x10000000, 0, 0x100 });
	prop_u32(&w, "clock-frequency", 3686400);
	end(&w);
	begin(&w, "plic@c000000");
	prop_str(&w, "compatible", "sifive,plic-1.0.0");
	prop_u32(&w, "riscv,ndev", 95);
	prop_cells(&w, "reg", 4, (uint32_t[]){ 0, 0x0c000000, 0, 0x600000 });
	end(&w);
	end(&w);
	end(&w);
	return finish(&w, out);
}

static uint8_t blob[8192];

static void test_header(void)
{
	struct fdt f;
	size_t n = build_virt(blob);

	EXPECT_EQ(fdt_init(&f, blob, n), 0);
	EXPECT_EQ(fdt_totalsize(blob), n);
	EXPECT_EQ(fdt_init(&f, blob, n - 1), -EINVAL);	/* claims more than may be read */
	EXPECT_EQ(fdt_init(&f, blob, 39), -EINVAL);
	blob[0] ^= 1;
	EXPECT_EQ(fdt_init(&f, blob, n), -EINVAL);
	EXPECT_EQ(fdt_totalsize(blob), 0);
	blob[0] ^= 1;
	blob[23] = 15;	/* version 15: no block sizes */
	EXPECT_EQ(fdt_init(&f, blob, n), -EINVAL);
}

static void test_lookup(void)
{
	struct fdt f;
	size_t n = build_virt(blob);
	uint64_t a = 0, s = 0;
	int node, len;
	const char *p;

	EXPECT_EQ(fdt_init(&f, blob, n), 0);
	EXPECT_EQ(fdt_path(&f, "/"), 0);
	EXPECT_STREQ(fdt_node_name(&f, 0), "");

	node = fdt_path(&f, "/chosen");
	EXPECT_TRUE(node > 0);
	p = fdt_prop(&f, node, "bootargs", &len);
	EXPECT_STREQ(p, "console=ttyS0 rdinit=/init");
	EXPECT_EQ(len, 27);
	EXPECT_EQ(fdt_prop_u64(&f, node, "linux,initrd-start", &a), 0);
	EXPECT_EQ(a, 0x88200000);
	EXPECT_EQ(fdt_prop_u64(&f, node, "linux,initrd-end", &a), 0);
	EXPECT_EQ(a, 0x88400000);
	EXPECT_EQ(fdt_prop_u64(&f, node, "bootargs", &a), -EINVAL);
	EXPECT_TRUE(fdt_prop(&f, node, "nonexistent", &len) == NULL);
	EXPECT_EQ(len, -ENOENT);

	node = fdt_path(&f, "/memory");		/* no unit address: any */
	EXPECT_EQ(node, fdt_path(&f, "/memory@80000000"));
	EXPECT_EQ(fdt_reg(&f, node, 0, &a, &s), 0);
	EXPECT_EQ(a, 0x80000000);
	EXPECT_EQ(s, 0x20000000);
	EXPECT_EQ(fdt_reg(&f, node, 1, &a, &s), -ENOENT);
	EXPECT_EQ(fdt_path(&f, "/memory@90000000"), -ENOENT);
	EXPECT_EQ(fdt_path(&f, "/mem"), -ENOENT);
	EXPECT_EQ(fdt_path(&f, "chosen"), -EINVAL);

	node = fdt_path(&f, "/cpus");
	EXPECT_EQ(fdt_prop_u64(&f, node, "timebase-frequency", &a), 0);
	EXPECT_EQ(a, 10000000);
	EXPECT_EQ(fdt_path(&f, "/cpus/cpu@1/interrupt-controller") > 0, 1);
	EXPECT_EQ(fdt_parent(&f, fdt_path(&f, "/cpus/cpu@1")), node);
	EXPECT_EQ(fdt_parent(&f, node), 0);
	EXPECT_EQ(fdt_parent(&f, 0), -ENOENT);
	/* /cpus has #address-cells 1, #size-cells 0 */
	EXPECT_EQ(fdt_reg(&f, fdt_path(&f, "/cpus/cpu@1"), 0, &a, &s), 0);
	EXPECT_EQ(a, 1);
	EXPECT_EQ(s, 0);
}

static void test_iterate(void)
{
	struct fdt f;
	size_t n = build_virt(blob);
	int node, child, count = 0, depth = 0, total = 0;
	uint64_t a = 0;

	EXPECT_EQ(fdt_init(&f, blob, n), 0);
	fdt_for_each_subnode(child, &f, fdt_path(&f, "/cpus")) {
		EXPECT_EQ(fdt_reg(&f, child, 0, &a, NULL), 0);
		EXPECT_EQ(a, (uint64_t)count);
		count++;
	}
	EXPECT_EQ(count, 2);
	EXPECT_EQ(child, -ENOENT);
	count = 0;
	fdt_for_each_subnode(child, &f, 0)
		count++;
	EXPECT_EQ(count, 4);	/* chosen, memory, cpus, soc */
	EXPECT_EQ(fdt_first_subnode(&f, fdt_path(&f, "/chosen")), -ENOENT);

	for (node = 0; node >= 0; node = fdt_next_node(&f, node, &depth))
		total++;
	EXPECT_EQ(total, 12);
	EXPECT_EQ(node, -ENOENT);

	node = fdt_find_compatible(&f, -1, "ns16550a");
	EXPECT_EQ(node, fdt_path(&f, "/soc/serial@10000000"));
	EXPECT_EQ(fdt_find_compatible(&f, node, "ns16550a"), -ENOENT);
	EXPECT_EQ(fdt_reg(&f, node, 0, &a, NULL), 0);
	EXPECT_EQ(a, 0x10000000);
	node = fdt_find_compatible(&f, -1, "sifive,test0");	/* second of three strings */
	EXPECT_STREQ(fdt_node_name(&f, node), "test@100000");
	EXPECT_TRUE(fdt_is_compatible(&f, node, "syscon"));
	EXPECT_TRUE(!fdt_is_compatible(&f, node, "sifive"));
	EXPECT_EQ(fdt_find_compatible(&f, -1, "riscv-virtio"), 0);
	node = fdt_find_compatible(&f, -1, "riscv,cpu-intc");
	EXPECT_EQ(fdt_find_compatible(&f, node, "riscv,cpu-intc"),
		  fdt_path(&f, "/cpus/cpu@1/interrupt-controller"));
	EXPECT_EQ(fdt_cells(&f, fdt_path(&f, "/soc/plic"), "riscv,ndev", 0), -EINVAL);
}

/* Exercise every lookup on a (possibly corrupt) blob: must not crash or over-read. */
static void poke_all(const uint8_t *b, size_t n)
{
	struct fdt f;
	uint64_t a, s;
	int node, depth = 0, len, steps = 0;

	if (fdt_init(&f, b, n))
		return;
	for (node = 0; node >= 0 && steps < 1000; node = fdt_next_node(&f, node, &depth), steps++) {
		(void)fdt_node_name(&f, node);
		(void)fdt_prop(&f, node, "reg", &len);
		(void)fdt_reg(&f, node, 0, &a, &s);
		(void)fdt_is_compatible(&f, node, "ns16550a");
		(void)fdt_parent(&f, node);
	}
	(void)fdt_path(&f, "/cpus/cpu@1/interrupt-controller");
	(void)fdt_find_compatible(&f, -1, "sifive,plic-1.0.0");
	fdt_for_each_subnode(node, &f, 0)
		(void)fdt_first_subnode(&f, node);
}

static void test_truncated_and_corrupt(void)
{
	size_t n = build_virt(blob);
	struct fdt f;
	uint8_t *copy;

	/* Every truncation, copied into an exact-size heap buffer so ASan sees over-reads. */
	for (size_t len = 0; len <= n; len++) {
		copy = malloc(len ? len : 1);
		memcpy(copy, blob, len);
		if (len < n)
			EXPECT_EQ(fdt_init(&f, copy, len), -EINVAL);
		poke_all(copy, len);
		free(copy);
	}
	/* Flip each byte of the structure and strings blocks, one at a time. */
	for (size_t i = 40; i < n; i++) {
		for (int v = 0; v < 3; v++) {
			static const uint8_t vals[] = { 0x00, 0xff, 0x03 };

			copy = malloc(n);
			memcpy(copy, blob, n);
			copy[i] = vals[v];
			poke_all(copy, n);
			free(copy);
		}
	}
}

UNIT_TEST_MAIN(UNIT_CASE(test_header), UNIT_CASE(test_lookup), UNIT_CASE(test_iterate),
	       UNIT_CASE(test_truncated_and_corrupt))
