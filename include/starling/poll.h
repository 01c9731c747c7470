// SPDX-License-Identifier: GPL-2.0-only
/*
 * Polling, as in Linux: a file's ->poll() calls poll_wait() for each wait queue that may
 * signal a change, then returns the events that are ready now. poll(2) and select(2)
 * (fs/vfs/select.c) queue on those wait queues and sleep until one wakes them or time runs
 * out.
 */
#ifndef _STARLING_POLL_H
#define _STARLING_POLL_H

#include <starling/fs.h>
#include <starling/wait.h>
#include <uapi/linux/poll.h>

#define EPOLLIN		((__poll_t)POLLIN)
#define EPOLLPRI	((__poll_t)POLLPRI)
#define EPOLLOUT	((__poll_t)POLLOUT)
#define EPOLLERR	((__poll_t)POLLERR)
#define EPOLLHUP	((__poll_t)POLLHUP)
#define EPOLLNVAL	((__poll_t)POLLNVAL)
#define EPOLLRDNORM	((__poll_t)POLLRDNORM)
#define EPOLLRDBAND	((__poll_t)POLLRDBAND)
#define EPOLLWRNORM	((__poll_t)POLLWRNORM)
#define EPOLLWRBAND	((__poll_t)POLLWRBAND)
#define EPOLLRDHUP	((__poll_t)POLLRDHUP)

#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

struct poll_table_struct;
typedef void (*poll_queue_proc)(struct file *file, wait_queue_head_t *whead,
				struct poll_table_struct *pt);

typedef struct poll_table_struct {
	poll_queue_proc	_qproc;		/* NULL: just report, do not queue */
	__poll_t	_key;
} poll_table;

static inline void poll_wait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p)
{
	if (p && p->_qproc && wait_address)
		p->_qproc(filp, wait_address, p);
}

static inline bool poll_does_not_wait(const poll_table *p)
{
	return p == NULL || p->_qproc == NULL;
}

/**
 * vfs_poll() - the events ready on a file
 * @file: the file
 * @pt: queue on the file's wait queues through this, or NULL
 *
 * Return: EPOLL* bits; DEFAULT_POLLMASK when the file has no ->poll.
 */
static inline __poll_t vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	if (!file->f_op || !file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

#endif /* _STARLING_POLL_H */
