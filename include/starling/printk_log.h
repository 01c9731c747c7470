// SPDX-License-Identifier: GPL-2.0-only
/* The kernel log's records, as /dev/kmsg and dmesg read them. */
#ifndef _STARLING_PRINTK_LOG_H
#define _STARLING_PRINTK_LOG_H

#include <starling/types.h>

#define LOG_LINE_MAX	240

struct printk_record {
	u64	seq;
	u64	ts_ns;
	u8	level;
	u16	len;
	char	text[LOG_LINE_MAX];
};

extern int console_loglevel;
extern bool oops_in_progress;

int printk_read_record(u64 seq, struct printk_record *out);

#endif /* _STARLING_PRINTK_LOG_H */
