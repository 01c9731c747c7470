// SPDX-License-Identifier: GPL-2.0-only
/*
 * seq_file (fs/vfs/seq_file.c): files whose contents are generated record by record, as in
 * Linux. ->start(m, pos) returns the record at *pos, ->next advances, ->show prints one
 * record with seq_printf(), ->stop undoes start. A record that does not fit doubles the
 * buffer and is generated again. single_open() is the one-record form.
 */
#ifndef _STARLING_SEQ_FILE_H
#define _STARLING_SEQ_FILE_H

#include <starling/fs.h>
#include <starling/mutex.h>

struct seq_file;

struct seq_operations {
	void	*(*start)(struct seq_file *m, loff_t *pos);
	void	(*stop)(struct seq_file *m, void *v);
	void	*(*next)(struct seq_file *m, void *v, loff_t *pos);
	int	(*show)(struct seq_file *m, void *v);
};

struct seq_file {
	char		*buf;
	size_t		size;
	size_t		from;
	size_t		count;
	size_t		pad_until;
	loff_t		index;
	loff_t		read_pos;
	struct mutex	lock;
	const struct seq_operations *op;
	int		poll_event;
	struct file	*file;
	void		*private;
};

#define SEQ_SKIP	1
#define SEQ_START_TOKEN	((void *)1)

int seq_open(struct file *file, const struct seq_operations *op);
int seq_open_private(struct file *file, const struct seq_operations *op, int psize);
void *__seq_open_private(struct file *file, const struct seq_operations *op, int psize);
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos);
ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int seq_release(struct inode *inode, struct file *file);
int seq_release_private(struct inode *inode, struct file *file);
int single_open(struct file *file, int (*show)(struct seq_file *m, void *v), void *data);
int single_open_size(struct file *file, int (*show)(struct seq_file *m, void *v), void *data,
		     size_t size);
int single_release(struct inode *inode, struct file *file);

void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
void seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num);
void seq_put_decimal_ll(struct seq_file *m, const char *delimiter, long long num);
void seq_escape(struct seq_file *m, const char *s, const char *esc);
int seq_path(struct seq_file *m, const struct path *path, const char *esc);
void seq_pad(struct seq_file *m, char c);

static inline bool seq_has_overflowed(struct seq_file *m)
{
	return m->count == m->size;
}

/* Iterate a list_head-linked list: start/next helpers as in Linux. */
struct list_head *seq_list_start(struct list_head *head, loff_t pos);
struct list_head *seq_list_start_head(struct list_head *head, loff_t pos);
struct list_head *seq_list_next(void *v, struct list_head *head, loff_t *ppos);

#define DEFINE_SHOW_ATTRIBUTE(__name)						\
static int __name ## _open(struct inode *inode, struct file *file)		\
{										\
	return single_open(file, __name ## _show, inode->i_private);		\
}										\
static const struct file_operations __name ## _fops = {			\
	.open		= __name ## _open,					\
	.read		= seq_read,						\
	.read_iter	= seq_read_iter,					\
	.llseek		= seq_lseek,						\
	.release	= single_release,					\
}

#endif /* _STARLING_SEQ_FILE_H */
