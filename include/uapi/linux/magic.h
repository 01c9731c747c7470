// SPDX-License-Identifier: GPL-2.0-only
/* File system magic numbers (statfs f_type), Linux's values. */
#ifndef _UAPI_LINUX_MAGIC_H
#define _UAPI_LINUX_MAGIC_H

#define RAMFS_MAGIC		0x858458f6
#define TMPFS_MAGIC		0x01021994
#define PROC_SUPER_MAGIC	0x9fa0
#define SYSFS_MAGIC		0x62656572
#define DEBUGFS_MAGIC		0x64626720
#define TRACEFS_MAGIC		0x74726163
#define DEVPTS_SUPER_MAGIC	0x1cd1
#define PIPEFS_MAGIC		0x50495045

#endif /* _UAPI_LINUX_MAGIC_H */
