// SPDX-License-Identifier: GPL-2.0-only
/*
 * SBI calls (RISC-V SBI specification v1.0): the base extension to find out what the
 * firmware offers, TIME for the timer, IPI, HSM to start harts and SRST to power off. Only
 * the v0.2+ extensions are used: OpenSBI (QEMU's default firmware) has them all.
 */
#include <starling/errno.h>
#include <starling/printk.h>
#include <asm/sbi.h>
#include <asm/early.h>

#define SBI_BASE_GET_SPEC_VERSION	0
#define SBI_BASE_GET_IMPL_ID		1
#define SBI_BASE_GET_IMPL_VERSION	2
#define SBI_BASE_PROBE_EXT		3

static bool sbi_ext_time, sbi_ext_ipi, sbi_ext_hsm, sbi_ext_srst, sbi_ext_rfence;

struct sbiret sbi_ecall(unsigned long ext, unsigned long fid, unsigned long arg0,
			unsigned long arg1, unsigned long arg2, unsigned long arg3)
{
	register unsigned long a0 __asm__("a0") = arg0;
	register unsigned long a1 __asm__("a1") = arg1;
	register unsigned long a2 __asm__("a2") = arg2;
	register unsigned long a3 __asm__("a3") = arg3;
	register unsigned long a6 __asm__("a6") = fid;
	register unsigned long a7 __asm__("a7") = ext;
	struct sbiret ret;

	__asm__ __volatile__("ecall"
			     : "+r"(a0), "+r"(a1)
			     : "r"(a2), "r"(a3), "r"(a6), "r"(a7)
			     : "memory");
	ret.error = (long)a0;
	ret.value = (long)a1;
	return ret;
}

/**
 * sbi_err_to_errno() - an SBI error code as a negative errno
 * @err: SBI_SUCCESS or SBI_ERR_*
 *
 * Return: 0, -EOPNOTSUPP, -EINVAL, -EPERM, -EFAULT, -EALREADY or -EIO.
 */
int sbi_err_to_errno(long err)
{
	switch (err) {
	case SBI_SUCCESS:		return 0;
	case SBI_ERR_NOT_SUPPORTED:	return -EOPNOTSUPP;
	case SBI_ERR_INVALID_PARAM:	return -EINVAL;
	case SBI_ERR_DENIED:		return -EPERM;
	case SBI_ERR_INVALID_ADDRESS:	return -EFAULT;
	case SBI_ERR_ALREADY_AVAILABLE:	return -EALREADY;
	default:			return -EIO;
	}
}

static bool sbi_probe(unsigned long ext)
{
	struct sbiret r = sbi_ecall(SBI_EXT_BASE, SBI_BASE_PROBE_EXT, ext, 0, 0, 0);

	return !r.error && r.value;
}

/**
 * sbi_has() - whether the firmware implements an extension (as found by sbi_init())
 * @ext: SBI_EXT_*
 *
 * Return: true if it does.
 */
bool sbi_has(unsigned long ext)
{
	switch (ext) {
	case SBI_EXT_TIME:	return sbi_ext_time;
	case SBI_EXT_IPI:	return sbi_ext_ipi;
	case SBI_EXT_HSM:	return sbi_ext_hsm;
	case SBI_EXT_SRST:	return sbi_ext_srst;
	case SBI_EXT_RFENCE:	return sbi_ext_rfence;
	default:		return sbi_probe(ext);
	}
}

/* Probe the extensions and say what was found, with Linux's messages. */
void sbi_init(void)
{
	struct sbiret v = sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0, 0, 0);
	struct sbiret id = sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_IMPL_ID, 0, 0, 0, 0);
	struct sbiret iv = sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_IMPL_VERSION, 0, 0, 0, 0);

	if (v.error)
		panic("SBI: the firmware has no v0.2 base extension");
	printk("SBI specification v%lu.%lu detected\n",
		     ((unsigned long)v.value >> 24) & 0x7f, (unsigned long)v.value & 0xffffff);
	printk("SBI implementation ID=0x%lx Version=0x%lx\n", id.value, iv.value);
	sbi_ext_time = sbi_probe(SBI_EXT_TIME);
	sbi_ext_ipi = sbi_probe(SBI_EXT_IPI);
	sbi_ext_rfence = sbi_probe(SBI_EXT_RFENCE);
	sbi_ext_srst = sbi_probe(SBI_EXT_SRST);
	sbi_ext_hsm = sbi_probe(SBI_EXT_HSM);
	if (sbi_ext_time)
		printk("SBI TIME extension detected\n");
	if (sbi_ext_ipi)
		printk("SBI IPI extension detected\n");
	if (sbi_ext_rfence)
		printk("SBI RFENCE extension detected\n");
	if (sbi_ext_srst)
		printk("SBI SRST extension detected\n");
	if (sbi_ext_hsm)
		printk("SBI HSM extension detected\n");
	if (!sbi_ext_time || !sbi_ext_ipi)
		panic("SBI: the TIME and IPI extensions are required");
}

/* The next timer interrupt at time value @when (also clears the pending one). */
void sbi_set_timer(u64 when)
{
	sbi_ecall(SBI_EXT_TIME, 0, when, 0, 0, 0);
}

/**
 * sbi_send_ipi() - raise a supervisor software interrupt on a set of harts
 * @hart_mask: bit n selects hart @hart_base + n
 * @hart_base: the first hart of the mask
 *
 * Return: 0 or a negative errno.
 */
int sbi_send_ipi(unsigned long hart_mask, unsigned long hart_base)
{
	return sbi_err_to_errno(sbi_ecall(SBI_EXT_IPI, 0, hart_mask, hart_base, 0, 0).error);
}

/**
 * sbi_remote_fence_i() - have a set of harts run fence.i
 * @hart_mask: bit n selects hart @hart_base + n
 * @hart_base: the first hart of the mask
 *
 * Returns once the firmware has done it on every selected hart (RFENCE function 0).
 * Return: 0 or a negative errno.
 */
int sbi_remote_fence_i(unsigned long hart_mask, unsigned long hart_base)
{
	return sbi_err_to_errno(sbi_ecall(SBI_EXT_RFENCE, 0, hart_mask, hart_base, 0, 0).error);
}

/**
 * sbi_remote_sfence_vma() - have a set of harts run sfence.vma over an address range
 * @hart_mask: bit n selects hart @hart_base + n
 * @hart_base: the first hart of the mask
 * @start: first virtual address
 * @size: bytes; (unsigned long)-1 flushes everything
 *
 * Returns once the firmware has done it on every selected hart (RFENCE function 1).
 * Return: 0 or a negative errno.
 */
int sbi_remote_sfence_vma(unsigned long hart_mask, unsigned long hart_base, unsigned long start,
			  unsigned long size)
{
	return sbi_err_to_errno(sbi_ecall(SBI_EXT_RFENCE, 1, hart_mask, hart_base, start,
					  size).error);
}

/**
 * sbi_hart_start() - start a stopped hart in S-mode, paging off
 * @hartid: the hart
 * @start_pa: physical address it starts at, a0 = @hartid, a1 = @opaque
 * @opaque: passed in a1
 *
 * Return: 0 or a negative errno (-EALREADY if it runs).
 */
int sbi_hart_start(unsigned long hartid, unsigned long start_pa, unsigned long opaque)
{
	if (!sbi_ext_hsm)
		return -EOPNOTSUPP;
	return sbi_err_to_errno(sbi_ecall(SBI_EXT_HSM, 0, hartid, start_pa, opaque, 0).error);
}

/**
 * sbi_hart_status() - a hart's HSM state
 * @hartid: the hart
 *
 * Return: SBI_HSM_STARTED, SBI_HSM_STOPPED, another state, or a negative errno.
 */
int sbi_hart_status(unsigned long hartid)
{
	struct sbiret r;

	if (!sbi_ext_hsm)
		return -EOPNOTSUPP;
	r = sbi_ecall(SBI_EXT_HSM, 2, hartid, 0, 0, 0);
	return r.error ? sbi_err_to_errno(r.error) : (int)r.value;
}

/**
 * sbi_system_reset() - shut down or reboot through the firmware
 * @type: SBI_SRST_SHUTDOWN or SBI_SRST_COLD_REBOOT
 * @reason: SBI_SRST_NO_REASON or SBI_SRST_SYSTEM_FAILURE
 *
 * Return: only on failure: a negative errno.
 */
int sbi_system_reset(unsigned long type, unsigned long reason)
{
	if (!sbi_ext_srst)
		return -EOPNOTSUPP;
	return sbi_err_to_errno(sbi_ecall(SBI_EXT_SRST, 0, type, reason, 0, 0).error);
}
