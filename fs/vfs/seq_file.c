// SPDX-License-Identifier: GPL-2.0-only
/*
 * seq_file: generated files read record by record (see <starling/seq_file.h>). The buffer
 * starts at a page and doubles when one record does not fit; m->index is the record
 * position, m->read_pos the byte position, so a read continuing where the last stopped
 * costs nothing and a seek elsewhere regenerates from the start.
 */
#include <starling/seq_file.h>
#include <starling/slab.h>
#include <starling/mm.h>
#include <starling/string.h>
#include <starling/kernel.h>
#include <starling/uaccess.h>

int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	mutex_init(&p->lock);
	p->op = op;
	p->file = file;
	file->private_data = p;
	return 0;
}

void *__seq_open_private(struct file *file, const struct seq_operations *op, int psize)
{
	void *priv = kzalloc((size_t)psize, GFP_KERNEL);

	if (!priv)
		return NULL;
	if (seq_open(file, op)) {
		kfree(priv);
		return NULL;
	}
	((struct seq_file *)file->private_data)->private = priv;
	return priv;
}

int seq_open_private(struct file *file, const struct seq_operations *op, int psize)
{
	return __seq_open_private(file, op, psize) ? 0 : -ENOMEM;
}

/* Regenerate from record 0 up to byte position @offset. */
static int traverse(struct seq_file *m, loff_t offset)
{
	loff_t pos = 0;
	void *p;
	int error = 0;

	m->index = 0;
	m->count = m->from = 0;
	if (!offset)
		return 0;
	if (!m->buf) {
		m->size = PAGE_SIZE;
		m->buf = kmalloc(m->size, GFP_KERNEL);
		if (!m->buf)
			return -ENOMEM;
	}
	p = m->op->start(m, &m->index);
	while (p) {
		error = IS_ERR(p) ? (int)PTR_ERR(p) : 0;
		if (error)
			break;
		error = m->op->show(m, p);
		if (error < 0)
			break;
		if (error) {
			error = 0;
			m->count = 0;
		}
		if (seq_has_overflowed(m))
			goto eoverflow;
		p = m->op->next(m, p, &m->index);
		if (pos + (loff_t)m->count > offset) {
			m->from = (size_t)(offset - pos);
			m->count -= m->from;
			break;
		}
		pos += (loff_t)m->count;
		m->count = 0;
		if (pos == offset)
			break;
	}
	m->op->stop(m, p);
	return error;
eoverflow:
	m->op->stop(m, p);
	kfree(m->buf);
	m->count = 0;
	m->size <<= 1;
	m->buf = kmalloc(m->size, GFP_KERNEL);
	return m->buf ? -EAGAIN : -ENOMEM;
}

ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	struct seq_file *m = iocb->ki_filp->private_data;
	size_t copied = 0, n;
	void *p;
	int err = 0;

	if (!iov_iter_count(iter))
		return 0;
	mutex_lock(&m->lock);
	if (iocb->ki_pos == 0) {
		m->index = 0;
		m->count = 0;
		m->read_pos = 0;
	}
	if (iocb->ki_pos != m->read_pos) {
		while ((err = traverse(m, iocb->ki_pos)) == -EAGAIN)
			;
		if (err) {
			m->read_pos = 0;
			m->index = 0;
			m->count = 0;
			goto done;
		}
		m->read_pos = iocb->ki_pos;
	}
	if (!m->buf) {
		m->size = PAGE_SIZE;
		m->buf = kmalloc(m->size, GFP_KERNEL);
		if (!m->buf) {
			err = -ENOMEM;
			goto done;
		}
	}
	if (m->count) {
		n = copy_to_iter(m->buf + m->from, m->count, iter);
		m->count -= n;
		m->from += n;
		copied += n;
		if (m->count)
			goto done;
	}
	m->from = 0;
	p = m->op->start(m, &m->index);
	for (;;) {
		err = PTR_ERR(p);
		if (!p || IS_ERR(p))
			break;
		err = m->op->show(m, p);
		if (err < 0)
			break;
		if (err)
			m->count = 0;
		if (!m->count) {
			p = m->op->next(m, p, &m->index);
			continue;
		}
		if (!seq_has_overflowed(m))
			goto fill;
		m->op->stop(m, p);
		kfree(m->buf);
		m->count = 0;
		m->size <<= 1;
		m->buf = kmalloc(m->size, GFP_KERNEL);
		if (!m->buf) {
			err = -ENOMEM;
			goto done;
		}
		p = m->op->start(m, &m->index);
	}
	m->op->stop(m, p);
	m->count = 0;
	goto done;
fill:
	/*
	 * One record is in the buffer: step past it (always, or a reader taking less than a
	 * record would be handed the same record forever), then add records while they fit
	 * and the reader wants more.
	 */
	for (;;) {
		size_t offs = m->count;
		loff_t pos = m->index;

		p = m->op->next(m, p, &m->index);
		if (pos == m->index)
			m->index++;
		if (!p || IS_ERR(p))
			break;
		if (m->count >= iov_iter_count(iter))
			break;
		err = m->op->show(m, p);
		if (err > 0) {
			m->count = offs;
		} else if (err < 0 || seq_has_overflowed(m)) {
			m->count = offs;
			break;
		}
	}
	err = 0;
	m->op->stop(m, p);
	n = copy_to_iter(m->buf, m->count, iter);
	copied += n;
	m->count -= n;
	m->from = n;
done:
	if (!copied) {
		copied = m->count ? (size_t)-EFAULT : (size_t)(err > 0 ? 0 : err);
		if (err == 0 || err > 0)
			copied = 0;
	} else {
		iocb->ki_pos += (loff_t)copied;
		m->read_pos += (loff_t)copied;
	}
	mutex_unlock(&m->lock);
	return (ssize_t)copied;
}

ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos)
{
	struct iovec iov = { .iov_base = buf, .iov_len = size };
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *ppos };
	struct iov_iter iter;
	ssize_t ret;

	iov_iter_init(&iter, ITER_DEST, &iov, 1, size);
	ret = seq_read_iter(&kiocb, &iter);
	*ppos = kiocb.ki_pos;
	return ret;
}

loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	struct seq_file *m = file->private_data;
	loff_t ret = -EINVAL;

	mutex_lock(&m->lock);
	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		/* fall through */
	case SEEK_SET:
		if (offset < 0)
			break;
		ret = offset;
		if (offset != m->read_pos) {
			while ((ret = traverse(m, offset)) == -EAGAIN)
				;
			if (ret) {
				file->f_pos = 0;
				m->read_pos = 0;
				m->index = 0;
				m->count = 0;
			} else {
				m->read_pos = offset;
				ret = file->f_pos = offset;
			}
		} else {
			file->f_pos = offset;
		}
	}
	mutex_unlock(&m->lock);
	return ret;
}

int seq_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->buf);
	kfree(m);
	return 0;
}

int seq_release_private(struct inode *inode, struct file *file)
{
	struct seq_file *seq = file->private_data;

	kfree(seq->private);
	seq->private = NULL;
	return seq_release(inode, file);
}

static void *single_start(struct seq_file *p, loff_t *pos)
{
	return *pos ? NULL : SEQ_START_TOKEN;
}

static void *single_next(struct seq_file *p, void *v, loff_t *pos)
{
	++*pos;
	return NULL;
}

static void single_stop(struct seq_file *p, void *v)
{
}

int single_open(struct file *file, int (*show)(struct seq_file *m, void *v), void *data)
{
	struct seq_operations *op = kmalloc(sizeof(*op), GFP_KERNEL);
	int res = -ENOMEM;

	if (op) {
		op->start = single_start;
		op->next = single_next;
		op->stop = single_stop;
		op->show = show;
		res = seq_open(file, op);
		if (!res)
			((struct seq_file *)file->private_data)->private = data;
		else
			kfree(op);
	}
	return res;
}

int single_open_size(struct file *file, int (*show)(struct seq_file *m, void *v), void *data,
		     size_t size)
{
	int ret = single_open(file, show, data);
	struct seq_file *m;

	if (ret)
		return ret;
	m = file->private_data;
	m->buf = kmalloc(size, GFP_KERNEL);
	if (!m->buf) {
		single_release(file_inode(file), file);
		return -ENOMEM;
	}
	m->size = size;
	return 0;
}

int single_release(struct inode *inode, struct file *file)
{
	const struct seq_operations *op = ((struct seq_file *)file->private_data)->op;
	int res = seq_release(inode, file);

	kfree(op);
	return res;
}

void seq_vprintf(struct seq_file *m, const char *f, va_list args)
{
	int len;

	if (m->count < m->size) {
		len = vsnprintf(m->buf + m->count, m->size - m->count, f, args);
		if (m->count + (size_t)len < m->size) {
			m->count += (size_t)len;
			return;
		}
	}
	m->count = m->size;	/* overflow: the record is retried with a larger buffer */
}

void seq_printf(struct seq_file *m, const char *f, ...)
{
	va_list args;

	va_start(args, f);
	seq_vprintf(m, f, args);
	va_end(args);
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len < m->size) {
		memcpy(m->buf + m->count, data, len);
		m->count += len;
		return;
	}
	m->count = m->size;
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	if (m->count >= m->size)
		return;
	m->buf[m->count++] = c;
}

void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num)
{
	seq_printf(m, "%s%llu", delimiter, num);
}

void seq_put_decimal_ll(struct seq_file *m, const char *delimiter, long long num)
{
	seq_printf(m, "%s%lld", delimiter, num);
}

/* Octal-escape any byte of @s that is in @esc, as /proc/mounts needs. */
void seq_escape(struct seq_file *m, const char *s, const char *esc)
{
	for (; *s; s++) {
		if (strchr(esc, *s))
			seq_printf(m, "\\%03o", (unsigned char)*s);
		else
			seq_putc(m, *s);
	}
}

int seq_path(struct seq_file *m, const struct path *path, const char *esc)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL), *p;

	if (!buf)
		return -ENOMEM;
	p = d_path(path, buf, PATH_MAX);
	if (!IS_ERR(p))
		seq_escape(m, p, esc);
	kfree(buf);
	return IS_ERR(p) ? (int)PTR_ERR(p) : 0;
}

void seq_pad(struct seq_file *m, char c)
{
	while (m->count < m->pad_until)
		seq_putc(m, ' ');
	if (c)
		seq_putc(m, c);
}

struct list_head *seq_list_start(struct list_head *head, loff_t pos)
{
	struct list_head *lh;

	list_for_each(lh, head)
		if (pos-- == 0)
			return lh;
	return NULL;
}

struct list_head *seq_list_start_head(struct list_head *head, loff_t pos)
{
	if (!pos)
		return head;
	return seq_list_start(head, pos - 1);
}

struct list_head *seq_list_next(void *v, struct list_head *head, loff_t *ppos)
{
	struct list_head *lh = ((struct list_head *)v)->next;

	++*ppos;
	return lh == head ? NULL : lh;
}
