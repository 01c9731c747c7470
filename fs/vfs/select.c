// SPDX-License-Identifier: GPL-2.0-only
/* Polling (see <starling/poll.h>): vfs_poll(); the system calls are in sys_poll.c. */
#include <starling/poll.h>
#include "internal.h"

/**
 * vfs_poll() - the events ready on a file
 * @file: the file
 * @pt: queue on the file's wait queues through this, or NULL
 *
 * Return: EPOLL* bits.
 */
__poll_t vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	if (!file->f_op || !file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}
