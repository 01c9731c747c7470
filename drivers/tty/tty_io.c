// SPDX-License-Identifier: GPL-2.0-only
/*
 * The TTY core: struct tty_struct, its character devices and their file operations. A tty
 * is the N_TTY line discipline (n_tty.c) plus a driver's write hook, one spinlock (IRQs
 * off, since drivers feed input from interrupts) and two wait queues. Device nodes:
 *
 *   /dev/ttyS0   (4, 64)  the serial port itself (serial.c); opening it without O_NOCTTY
 *                         makes it the controlling tty of a session leader that has none
 *   /dev/tty     (5, 0)   the caller's controlling tty, -ENXIO without one
 *   /dev/console (5, 1)   the console tty; never becomes a controlling tty by opening
 *
 * Signal characters are noted in tty->sig_pending under the lock and sent to the
 * foreground process group after it is dropped (kill_pgrp takes tasklist_lock).
 */
#include <starling/tty.h>
#include <starling/fs.h>
#include <starling/file.h>
#include <starling/poll.h>
#include <starling/slab.h>
#include <starling/uaccess.h>
#include <starling/jiffies.h>
#include <starling/signal.h>
#include <starling/kernel.h>
#include <starling/printk.h>
#include <starling/errno.h>
#include "tty_internal.h"

#define TTY_MAJOR	4
#define TTYAUX_MAJOR	5
#define MAX_TTYS	4

static struct tty_struct *ttys[MAX_TTYS];	/* registered at boot, never removed */
static struct tty_struct *the_console;

/* ---- the line discipline's callbacks ------------------------------------------------- */

static void tty_ld_write(void *ctx, const unsigned char *buf, size_t n)
{
	struct tty_struct *tty = ctx;

	tty->tx_bytes += n;
	tty->ops->write(tty, buf, n);
}

static void tty_ld_signal(void *ctx, int sig)
{
	struct tty_struct *tty = ctx;

	tty->sig_pending |= 1UL << sig;
}

/* Called with tty->lock held by spin_lock_irq() (process context, the read path). */
static int tty_ld_wait(void *ctx, long timeout_ms)
{
	struct tty_struct *tty = ctx;
	unsigned long gen = tty->rx_gen;
	long ret;

	spin_unlock_irq(&tty->lock);
	if (timeout_ms < 0) {
		ret = wait_event_interruptible(tty->read_wait, READ_ONCE(tty->rx_gen) != gen);
	} else {
		long j = msecs_to_jiffies(timeout_ms);

		ret = wait_event_interruptible_timeout(tty->read_wait,
						       READ_ONCE(tty->rx_gen) != gen, j ? j : 1);
	}
	spin_lock_irq(&tty->lock);
	return ret < 0 ? -ERESTARTSYS : 0;
}

static unsigned long tty_ld_now_ms(void *ctx)
{
	return (unsigned long)(get_jiffies_64() * (1000 / HZ));
}

static const struct n_tty_ops tty_ldisc_ops = {
	.write	= tty_ld_write,
	.signal	= tty_ld_signal,
	.wait	= tty_ld_wait,
	.now_ms	= tty_ld_now_ms,
};

/* ---- input --------------------------------------------------------------------------- */

/* Send the signals the signal characters asked for; call without tty->lock. */
void tty_send_pending_signals(struct tty_struct *tty)
{
	unsigned long flags, sigs;
	pid_t pgrp;

	spin_lock_irqsave(&tty->lock, flags);
	sigs = tty->sig_pending;
	tty->sig_pending = 0;
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (!pgrp)
		return;
	for (int sig = 1; sigs; sig++) {
		if (sigs & (1UL << sig)) {
			sigs &= ~(1UL << sig);
			kill_pgrp(pgrp, sig, 1);
		}
	}
}

/**
 * tty_check_unthrottle() - let a throttled driver send input again once there is room
 * @tty: the terminal, tty->lock held
 *
 * Called after anything that consumes or drops input: read, flush, a termios change.
 */
void tty_check_unthrottle(struct tty_struct *tty)
{
	lockdep_assert_held(&tty->lock);
	if (!tty->throttled || !n_tty_unthrottle_wanted(&tty->ldisc))
		return;
	tty->throttled = false;
	if (tty->ops->unthrottle)
		tty->ops->unthrottle(tty);
}

/**
 * tty_receive() - hand bytes received by the driver to the line discipline.
 * @tty: the terminal
 * @buf: the bytes
 * @n: how many
 *
 * Echoes, edits, wakes readers and signals the foreground process group for ^C ^Z ^\.
 * When little room is left the driver's throttle() is called, as Linux's n_tty does, so
 * that a paste larger than the buffer waits in the device instead of being lost.
 * Any context, interrupts included.
 * Return: the bytes taken; the driver keeps the others for after its unthrottle().
 */
size_t tty_receive(struct tty_struct *tty, const unsigned char *buf, size_t n)
{
	unsigned long flags;
	size_t taken;
	bool sigs;

	spin_lock_irqsave(&tty->lock, flags);
	taken = n_tty_receive(&tty->ldisc, buf, n);
	tty->rx_bytes += taken;
	tty->rx_gen++;
	if (!tty->throttled && n_tty_throttle_wanted(&tty->ldisc)) {
		tty->throttled = true;
		if (tty->ops->throttle)
			tty->ops->throttle(tty);
	}
	sigs = tty->sig_pending != 0;
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up_interruptible_all(&tty->read_wait);
	if (sigs)
		tty_send_pending_signals(tty);
	return taken;
}

/* ---- kernel-side access -------------------------------------------------------------- */

/**
 * tty_kernel_read() - read from the line discipline into kernel memory.
 * @tty: the terminal
 * @buf: destination
 * @n: its size (at most N_TTY_BUF_SIZE is read)
 * @nonblock: return -EAGAIN instead of sleeping
 *
 * Process context unless @nonblock. Return: as read(2) on the terminal.
 */
ssize_t tty_kernel_read(struct tty_struct *tty, void *buf, size_t n, bool nonblock)
{
	unsigned long flags;
	ssize_t ret;

	n = min_t(size_t, n, N_TTY_BUF_SIZE);
	if (nonblock) {
		/* No sleeping: any context, whatever the interrupt state. */
		spin_lock_irqsave(&tty->lock, flags);
		ret = n_tty_read(&tty->ldisc, buf, n, true);
		tty_check_unthrottle(tty);
		spin_unlock_irqrestore(&tty->lock, flags);
		return ret;
	}
	spin_lock_irq(&tty->lock);
	ret = n_tty_read(&tty->ldisc, buf, n, false);
	tty_check_unthrottle(tty);
	spin_unlock_irq(&tty->lock);
	return ret;
}

/**
 * tty_kernel_write() - write kernel bytes through OPOST processing to the device.
 * @tty: the terminal
 * @buf: the bytes
 * @n: how many
 *
 * Return: @n.
 */
ssize_t tty_kernel_write(struct tty_struct *tty, const void *buf, size_t n)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	n_tty_write(&tty->ldisc, buf, n);
	spin_unlock_irqrestore(&tty->lock, flags);
	return n;
}

/* ---- file operations ----------------------------------------------------------------- */

static ssize_t tty_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct tty_struct *tty = file->private_data;
	size_t n = min_t(size_t, count, N_TTY_BUF_SIZE);
	unsigned char *kbuf;
	ssize_t ret;

	if (!count)
		return 0;
	ret = tty_check_change(tty, SIGTTIN);
	if (ret)
		return ret;
	kbuf = kmalloc(n, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	spin_lock_irq(&tty->lock);
	ret = n_tty_read(&tty->ldisc, kbuf, n, file->f_flags & O_NONBLOCK);
	tty_check_unthrottle(tty);
	spin_unlock_irq(&tty->lock);
	if (ret > 0 && copy_to_user(buf, kbuf, ret))
		ret = -EFAULT;
	kfree(kbuf);
	return ret;
}

static ssize_t tty_write(struct file *file, const char __user *buf, size_t count,
			 loff_t *pos)
{
	struct tty_struct *tty = file->private_data;
	unsigned char kbuf[256];
	unsigned long flags;
	size_t done = 0;
	ssize_t ret;

	if (tty->ldisc.termios.c_lflag & TOSTOP) {
		ret = tty_check_change(tty, SIGTTOU);
		if (ret)
			return ret;
	}
	while (done < count) {
		size_t chunk = min_t(size_t, count - done, sizeof(kbuf));

		if (copy_from_user(kbuf, buf + done, chunk))
			return done ? (ssize_t)done : -EFAULT;
		spin_lock_irqsave(&tty->lock, flags);
		n_tty_write(&tty->ldisc, kbuf, chunk);
		spin_unlock_irqrestore(&tty->lock, flags);
		done += chunk;
	}
	return done;
}

static __poll_t tty_poll(struct file *file, poll_table *wait)
{
	struct tty_struct *tty = file->private_data;
	__poll_t mask = EPOLLOUT | EPOLLWRNORM;
	unsigned long flags;

	poll_wait(file, &tty->read_wait, wait);
	poll_wait(file, &tty->write_wait, wait);
	spin_lock_irqsave(&tty->lock, flags);
	if (n_tty_readable(&tty->ldisc))
		mask |= EPOLLIN | EPOLLRDNORM;
	spin_unlock_irqrestore(&tty->lock, flags);
	return mask;
}

static void tty_attach(struct tty_struct *tty, struct file *file)
{
	unsigned long flags;

	file->private_data = tty;
	spin_lock_irqsave(&tty->lock, flags);
	tty->count++;
	spin_unlock_irqrestore(&tty->lock, flags);
}

static struct tty_struct *tty_by_dev(dev_t dev)
{
	for (int i = 0; i < MAX_TTYS; i++)
		if (ttys[i] && ttys[i]->dev == dev)
			return ttys[i];
	return NULL;
}

static int tty_open(struct inode *inode, struct file *file)
{
	struct tty_struct *tty = tty_by_dev(inode->i_rdev);

	if (!tty)
		return -ENXIO;
	tty_attach(tty, file);
	if (!(file->f_flags & O_NOCTTY))
		tty_open_proc_set_tty(file, tty);
	return 0;
}

static int tty_open_current(struct inode *inode, struct file *file)
{
	struct tty_struct *tty = get_current_tty();

	if (!tty)
		return -ENXIO;
	tty_attach(tty, file);
	return 0;
}

static int tty_open_console(struct inode *inode, struct file *file)
{
	if (!the_console)
		return -ENODEV;
	tty_attach(the_console, file);
	return 0;
}

static int tty_release(struct inode *inode, struct file *file)
{
	struct tty_struct *tty = file->private_data;
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	tty->count--;
	spin_unlock_irqrestore(&tty->lock, flags);
	return 0;
}

#define TTY_FOPS(open_fn) {				\
	.llseek		= no_llseek,			\
	.read		= tty_read,			\
	.write		= tty_write,			\
	.poll		= tty_poll,			\
	.unlocked_ioctl	= tty_ioctl,			\
	.open		= open_fn,			\
	.release	= tty_release,			\
}

static const struct file_operations tty_fops = TTY_FOPS(tty_open);
static const struct file_operations tty_current_fops = TTY_FOPS(tty_open_current);
static const struct file_operations console_fops = TTY_FOPS(tty_open_console);

/* ---- setup --------------------------------------------------------------------------- */

/**
 * tty_init_dev() - initialise a terminal: default termios, empty input, no session.
 * @tty: the terminal; the driver has set name, dev, index and ops
 */
void tty_init_dev(struct tty_struct *tty)
{
	spin_lock_init(&tty->lock);
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	n_tty_init(&tty->ldisc, &tty_ldisc_ops, tty);
	tty->pgrp = tty->session = 0;
	tty->count = 0;
}

/**
 * tty_register_device() - make a terminal reachable through /dev.
 * @tty: an initialised terminal
 * @console: also the system console: /dev/console and /dev/tty are created with it
 *
 * Return: 0 or a negative errno.
 */
int tty_register_device(struct tty_struct *tty, bool console)
{
	int i, ret;

	for (i = 0; i < MAX_TTYS && ttys[i]; i++)
		;
	if (i == MAX_TTYS)
		return -ENOSPC;
	ttys[i] = tty;
	ret = register_chrdev_node(tty->name, 0660, tty->dev, &tty_fops);
	if (ret || !console)
		return ret;
	the_console = tty;
	ret = register_chrdev_node("console", 0600, MKDEV(TTYAUX_MAJOR, 1), &console_fops);
	if (!ret)
		ret = register_chrdev_node("tty", 0666, MKDEV(TTYAUX_MAJOR, 0),
					   &tty_current_fops);
	return ret;
}

/**
 * console_tty() - the terminal behind /dev/console.
 *
 * Return: the tty, or NULL when no console tty is registered.
 */
struct tty_struct *console_tty(void)
{
	return the_console;
}

/**
 * console_on_rootfs() - open /dev/console as fds 0, 1 and 2 of the current task.
 *
 * Called by pid 1 before it execs the first program, as Linux's kernel_init does.
 */
void console_on_rootfs(void)
{
	struct file *file = filp_open("/dev/console", O_RDWR, 0);

	if (IS_ERR(file)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	for (int i = 0; i < 3; i++) {
		int fd = get_unused_fd_flags(0);

		if (fd < 0)
			break;
		fd_install(fd, get_file(file));
	}
	fput(file);
}
