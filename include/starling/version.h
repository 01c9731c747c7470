// SPDX-License-Identifier: GPL-2.0-only
/* The kernel's name and release as uname(2), /proc/version and the boot banner show them. */
#ifndef _STARLING_VERSION_H
#define _STARLING_VERSION_H

#define UTS_SYSNAME	"Linux"
#define UTS_RELEASE	"6.1.0-starling"
#define UTS_VERSION	"#1 SMP PREEMPT Starling"

extern const char linux_banner[];

#endif /* _STARLING_VERSION_H */
