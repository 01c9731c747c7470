// SPDX-License-Identifier: GPL-2.0-only
/*
 * Minimal ACPI table reader for x86_64: RSDP -> XSDT/RSDT -> FADT (power-management ports,
 * reset register, DSDT), DSDT (the \_S5 sleep type, found by scanning its AML for the _S5_
 * package), MADT (local APIC ids of the CPUs, IOAPIC, interrupt source overrides).
 * Tables are read through the direct map. Nothing here interprets AML beyond _S5.
 */
#include <starling/string.h>
#include <starling/printk.h>
#include <asm/acpi.h>
#include <asm/page.h>
#include <asm/x86.h>

struct rsdp {
	char	signature[8];
	u8	checksum;
	char	oem_id[6];
	u8	revision;
	u32	rsdt_address;
	u32	length;
	u64	xsdt_address;
	u8	ext_checksum;
	u8	reserved[3];
} __packed;

struct sdt_header {
	char	signature[4];
	u32	length;
	u8	revision;
	u8	checksum;
	char	oem_id[6];
	char	oem_table_id[8];
	u32	oem_revision;
	u32	creator_id;
	u32	creator_revision;
} __packed;

struct generic_address {
	u8	space_id;
	u8	bit_width;
	u8	bit_offset;
	u8	access_size;
	u64	address;
} __packed;

struct fadt {
	struct sdt_header h;
	u32	firmware_ctrl;
	u32	dsdt;
	u8	reserved0;
	u8	preferred_pm_profile;
	u16	sci_int;
	u32	smi_cmd;
	u8	acpi_enable;
	u8	acpi_disable;
	u8	s4bios_req;
	u8	pstate_cnt;
	u32	pm1a_evt_blk;
	u32	pm1b_evt_blk;
	u32	pm1a_cnt_blk;
	u32	pm1b_cnt_blk;
	u32	pm2_cnt_blk;
	u32	pm_tmr_blk;
	u32	gpe0_blk;
	u32	gpe1_blk;
	u8	pm1_evt_len, pm1_cnt_len, pm2_cnt_len, pm_tmr_len;
	u8	gpe0_blk_len, gpe1_blk_len, gpe1_base, cst_cnt;
	u16	p_lvl2_lat, p_lvl3_lat, flush_size, flush_stride;
	u8	duty_offset, duty_width, day_alrm, mon_alrm, century;
	u16	iapc_boot_arch;
	u8	reserved1;
	u32	flags;
	struct generic_address reset_reg;
	u8	reset_value;
} __packed;

#define FADT_RESET_REG_SUP	(1u << 10)

struct madt {
	struct sdt_header h;
	u32	lapic_addr;
	u32	flags;
	u8	entries[];
} __packed;

struct acpi_info acpi;

static bool checksum_ok(const void *p, size_t len)
{
	u8 sum = 0;

	for (size_t i = 0; i < len; i++)
		sum += ((const u8 *)p)[i];
	return sum == 0;
}

static const struct rsdp *find_rsdp(void)
{
	unsigned long ranges[2][2] = {
		{ (unsigned long)(*(const u16 *)__va(0x40e)) << 4, 1024 },	/* EBDA */
		{ 0xe0000, 0x20000 },
	};

	if (acpi_rsdp_pa)
		return __va(acpi_rsdp_pa);
	for (int r = 0; r < 2; r++) {
		for (unsigned long pa = ranges[r][0]; pa < ranges[r][0] + ranges[r][1]; pa += 16) {
			const struct rsdp *p = __va(pa);

			if (!memcmp(p->signature, "RSD PTR ", 8) && checksum_ok(p, 20))
				return p;
		}
	}
	return NULL;
}

/* AML: PackageOp (0x12) PkgLength NumElements, then elements; small integers may be a
 * ZeroOp/OneOp or a BytePrefix (0x0a) constant. */
static int aml_small_int(const u8 **pp)
{
	const u8 *p = *pp;

	if (*p == 0x0a) {
		*pp = p + 2;
		return p[1];
	}
	if (*p == 0x00 || *p == 0x01) {
		*pp = p + 1;
		return *p;
	}
	return -1;
}

static void parse_s5(const struct sdt_header *dsdt)
{
	const u8 *p = (const u8 *)dsdt + sizeof(*dsdt);
	const u8 *end = (const u8 *)dsdt + dsdt->length;

	for (; p + 8 < end; p++) {
		int a, b;

		if (memcmp(p, "_S5_", 4) || p[4] != 0x12)
			continue;
		p += 5;
		p += ((*p >> 6) & 3) + 1;	/* PkgLength */
		p++;				/* NumElements */
		a = aml_small_int(&p);
		b = aml_small_int(&p);
		if (a >= 0) {
			acpi.slp_typ_s5a = a;
			acpi.slp_typ_s5b = b >= 0 ? b : 0;
		}
		return;
	}
}

static void parse_fadt(const struct fadt *f)
{
	acpi.pm1a_cnt = f->pm1a_cnt_blk;
	acpi.pm1b_cnt = f->pm1b_cnt_blk;
	acpi.pm_tmr = f->pm_tmr_len == 4 ? f->pm_tmr_blk : 0;
	if (f->h.length >= offsetof(struct fadt, reset_value) + 1 && (f->flags & FADT_RESET_REG_SUP)) {
		acpi.reset_space = f->reset_reg.space_id;
		acpi.reset_addr = f->reset_reg.address;
		acpi.reset_value = f->reset_value;
	}
	if (f->dsdt)
		parse_s5(__va(f->dsdt));
}

static void parse_madt(const struct madt *m)
{
	const u8 *p = m->entries, *end = (const u8 *)m + m->h.length;

	acpi.lapic_addr = m->lapic_addr;
	for (; p + 2 <= end && p[1] >= 2; p += p[1]) {
		switch (p[0]) {
		case 0:		/* processor local APIC: uid, apic id, flags */
			if ((*(const u32 *)(p + 4) & 1) && acpi.nr_cpus < ARRAY_SIZE(acpi.lapic_ids))
				acpi.lapic_ids[acpi.nr_cpus++] = p[3];
			break;
		case 1:		/* IOAPIC: id, reserved, address, GSI base */
			if (!acpi.ioapic_addr) {
				acpi.ioapic_addr = *(const u32 *)(p + 4);
				acpi.ioapic_gsi_base = *(const u32 *)(p + 8);
			}
			break;
		case 2:		/* interrupt source override: bus, source, GSI, flags */
			if (acpi.nr_iso < MAX_IOAPIC_ISO) {
				acpi.iso[acpi.nr_iso].source = p[3];
				acpi.iso[acpi.nr_iso].gsi = *(const u32 *)(p + 4);
				acpi.iso[acpi.nr_iso].flags = *(const u16 *)(p + 8);
				acpi.nr_iso++;
			}
			break;
		case 5:		/* 64-bit local APIC address override */
			acpi.lapic_addr = *(const u64 *)(p + 4);
			break;
		}
	}
}

void acpi_init(void)
{
	const struct rsdp *rsdp = find_rsdp();
	const struct sdt_header *root;
	bool xsdt;
	unsigned int n;

	if (!rsdp) {
		pr_warn("ACPI: no RSDP found\n");
		return;
	}
	xsdt = rsdp->revision >= 2 && rsdp->xsdt_address;
	root = __va(xsdt ? rsdp->xsdt_address : rsdp->rsdt_address);
	n = (root->length - sizeof(*root)) / (xsdt ? 8 : 4);
	for (unsigned int i = 0; i < n; i++) {
		const u8 *ent = (const u8 *)root + sizeof(*root) + i * (xsdt ? 8 : 4);
		u64 pa = xsdt ? *(const u64 *)ent : *(const u32 *)ent;
		const struct sdt_header *h = __va(pa);

		if (!memcmp(h->signature, "FACP", 4))
			parse_fadt((const struct fadt *)h);
		else if (!memcmp(h->signature, "APIC", 4))
			parse_madt((const struct madt *)h);
	}
	acpi.found = true;
	printk(KERN_INFO "ACPI: %u CPUs, IOAPIC at %#llx, PM timer port %#x, S5 type %u\n",
	       acpi.nr_cpus, (unsigned long long)acpi.ioapic_addr, acpi.pm_tmr, acpi.slp_typ_s5a);
}

u32 acpi_isa_irq_to_gsi(unsigned int irq, u16 *flags)
{
	for (unsigned int i = 0; i < acpi.nr_iso; i++) {
		if (acpi.iso[i].source == irq) {
			*flags = acpi.iso[i].flags;
			return acpi.iso[i].gsi;
		}
	}
	*flags = 0;
	return irq;
}
