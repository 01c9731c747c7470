// SPDX-License-Identifier: GPL-2.0-only
/* GDT layout, as Linux's x86_64 (SYSCALL/SYSRET need this order). */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#define GDT_ENTRY_KERNEL32_CS	1
#define GDT_ENTRY_KERNEL_CS	2
#define GDT_ENTRY_KERNEL_DS	3
#define GDT_ENTRY_USER32_CS	4
#define GDT_ENTRY_USER_DS	5
#define GDT_ENTRY_USER_CS	6
#define GDT_ENTRY_TSS		8	/* 16 bytes: entries 8 and 9 */
#define GDT_ENTRIES		10

#define __KERNEL_CS		(GDT_ENTRY_KERNEL_CS * 8)		/* 0x10 */
#define __KERNEL_DS		(GDT_ENTRY_KERNEL_DS * 8)		/* 0x18 */
#define __USER32_CS		(GDT_ENTRY_USER32_CS * 8 + 3)		/* 0x23 */
#define __USER_DS		(GDT_ENTRY_USER_DS * 8 + 3)		/* 0x2b */
#define __USER_CS		(GDT_ENTRY_USER_CS * 8 + 3)		/* 0x33 */
#define GDT_TSS_SEL		(GDT_ENTRY_TSS * 8)			/* 0x40 */

#endif /* _ASM_SEGMENT_H */
