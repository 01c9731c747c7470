// SPDX-License-Identifier: GPL-2.0-only
/*
 * Supervisor Binary Interface calls (RISC-V SBI specification v1.0): ecall with the
 * extension id in a7, the function id in a6, arguments in a0-a5; the firmware returns an
 * error code in a0 and a value in a1.
 */
#ifndef _ASM_SBI_H
#define _ASM_SBI_H

#include <starling/types.h>

#define SBI_EXT_BASE		0x10
#define SBI_EXT_TIME		0x54494d45	/* "TIME" */
#define SBI_EXT_IPI		0x735049	/* "sPI" */
#define SBI_EXT_RFENCE		0x52464e43	/* "RFNC" */
#define SBI_EXT_HSM		0x48534d	/* "HSM" */
#define SBI_EXT_SRST		0x53525354	/* "SRST" */

#define SBI_SUCCESS		0
#define SBI_ERR_FAILURE		-1
#define SBI_ERR_NOT_SUPPORTED	-2
#define SBI_ERR_INVALID_PARAM	-3
#define SBI_ERR_DENIED		-4
#define SBI_ERR_INVALID_ADDRESS	-5
#define SBI_ERR_ALREADY_AVAILABLE -6

/* HSM hart states */
#define SBI_HSM_STARTED		0
#define SBI_HSM_STOPPED		1

/* SRST */
#define SBI_SRST_SHUTDOWN	0
#define SBI_SRST_COLD_REBOOT	1
#define SBI_SRST_NO_REASON	0
#define SBI_SRST_SYSTEM_FAILURE	1

struct sbiret {
	long error;
	long value;
};

struct sbiret sbi_ecall(unsigned long ext, unsigned long fid, unsigned long a0,
			unsigned long a1, unsigned long a2, unsigned long a3);
int sbi_err_to_errno(long err);
void sbi_init(void);
bool sbi_has(unsigned long ext);
void sbi_set_timer(u64 when);
int sbi_send_ipi(unsigned long hart_mask, unsigned long hart_base);
int sbi_remote_fence_i(unsigned long hart_mask, unsigned long hart_base);
int sbi_remote_sfence_vma(unsigned long hart_mask, unsigned long hart_base, unsigned long start,
			  unsigned long size);
int sbi_hart_start(unsigned long hartid, unsigned long start_pa, unsigned long opaque);
int sbi_hart_status(unsigned long hartid);
int sbi_system_reset(unsigned long type, unsigned long reason);

#endif /* _ASM_SBI_H */
