// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kernel-only glue between trace.c and trace_events.c: the generic control-file layer
 * (a file whose read text comes from a show callback, made at open, and whose writes go to
 * a write callback as one NUL-terminated string), and the hooks each side calls.
 */
#ifndef _KERNEL_TRACE_TRACE_INTERNAL_H
#define _KERNEL_TRACE_TRACE_INTERNAL_H

#include <starling/types.h>
#include <starling/trace_events.h>

/* The type of trace_marker records (Linux's TRACE_PRINT); event ids start above it. */
#define TRACE_PRINT_TYPE	5

struct trace_ctl_file;
struct kiocb;
struct iov_iter;

struct trace_ctl {
	/* The whole text, snprintf-style. NULL: not readable. */
	int	(*show)(struct trace_ctl_file *f, char *buf, size_t size);
	/* @kbuf holds the @len written bytes and a NUL. Return @len or a negative errno. */
	ssize_t	(*write)(struct trace_ctl_file *f, char *kbuf, size_t len);
	/* An O_TRUNC open for writing; an error fails the open. */
	int	(*trunc)(struct trace_ctl_file *f);
	/* Optional open/close accounting (event files count their users). */
	int	(*get)(struct trace_ctl_file *f);
	void	(*put)(struct trace_ctl_file *f);
	size_t	write_max;	/* longest accepted write; 0: 4096 */
};

/*
 * Lifetime: the tree holds one reference and each open file one. trace_remove_ctl_file()
 * unhooks the file (new opens fail with ENODEV), sets @removed and drops the tree's
 * reference; the struct goes when the last open file closes. Callbacks are not called once
 * @removed is seen, but one may already be running: a callback whose @data dies with the
 * file checks trace_ctl_removed() under the lock its remover holds (event_mutex for
 * events). get() fails on a removed file the same way; put() follows only a successful get().
 */
struct trace_ctl_file {
	const struct trace_ctl	*ops;
	long			arg;
	void			*data;
	struct tracefs_node	*node;
	unsigned int		refs;		/* ctl_lock */
	bool			removed;	/* set under ctl_lock and the remover's lock */
};

static inline bool trace_ctl_removed(const struct trace_ctl_file *f)
{
	return READ_ONCE(f->removed);
}

struct trace_cpu_file {
	int	cpu;		/* RING_BUFFER_ALL_CPUS or one CPU */
};

struct trace_ctl_file *trace_create_ctl_file(const char *name, unsigned short mode,
					     struct tracefs_node *parent,
					     const struct trace_ctl *ops, long arg, void *data);
void trace_remove_ctl_file(struct trace_ctl_file *f);
/* ->read_iter over @len bytes of @text made at open (kernel_read(), sendfile()). */
ssize_t trace_text_read_iter(struct kiocb *iocb, struct iov_iter *to, const char *text,
			     size_t len);

/* trace.c */
int tracer_alloc_buffers(void);
void trace_create_files(void);		/* tracefs calls it once it is up */

/* trace_events.c */
int trace_events_init(void);

/* trace_sched.c: the sched and raw_syscalls events */
int trace_sched_events_init(void);
void trace_events_create_files(void);
/* Print the text of a record (after the context); takes event_mutex. */
int trace_event_print(const struct trace_entry *ent, unsigned int len, char *buf, size_t size);

#endif /* _KERNEL_TRACE_TRACE_INTERNAL_H */
