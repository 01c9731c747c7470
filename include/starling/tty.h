// SPDX-License-Identifier: GPL-2.0-only
/*
 * Terminals (drivers/tty/): a struct tty_struct joins a device driver (which sends bytes out
 * and feeds received bytes in) to the N_TTY line discipline and to job control: the
 * session that has the terminal as its controlling tty and that session's foreground
 * process group, which the signal characters (^C ^Z ^\) signal.
 *
 *   driver IRQ --tty_receive()--> n_tty (echo -> driver->write) --> read_wait --> read()
 *   write() --> n_tty OPOST --> driver->write (polled serial output)
 *
 * The controlling tty of a process is signal_struct->tty (include/starling/signal.h). The
 * process code calls disassociate_ctty() when a session leader exits and clears ->tty in
 * setsid(); fork copies it.
 */
#ifndef _STARLING_TTY_H
#define _STARLING_TTY_H

#include <starling/types.h>
#include <starling/spinlock.h>
#include <starling/wait.h>
#include <starling/n_tty.h>

struct tty_struct;
struct file;

struct tty_driver_ops {
	/* Send bytes to the hardware. Any context, with tty->lock held: must not sleep. */
	void	(*write)(struct tty_struct *tty, const unsigned char *buf, size_t n);
	/*
	 * Input flow control, both optional, with tty->lock held: throttle() when the line
	 * discipline is nearly full (stop taking bytes from the hardware and leave them there),
	 * unthrottle() once a reader made room (offer them again).
	 */
	void	(*throttle)(struct tty_struct *tty);
	void	(*unthrottle)(struct tty_struct *tty);
};

struct tty_struct {
	const char		*name;		/* "ttyS0" */
	dev_t			dev;
	int			index;		/* line number (TIOCGSERIAL) */
	const struct tty_driver_ops *ops;
	void			*driver_data;

	spinlock_t		lock;		/* IRQs off: everything below */
	struct n_tty		ldisc;
	struct winsize		winsize;
	pid_t			pgrp;		/* foreground process group, 0 if none */
	pid_t			session;	/* session it controls, 0 if none */
	unsigned long		rx_gen;		/* bumped on input, flush, termios change */
	unsigned long		sig_pending;	/* ISIG signals to send once unlocked */
	bool			throttled;	/* the driver was told to hold input */
	int			count;		/* open files */
	u64			rx_bytes, tx_bytes;

	struct wait_queue_head	read_wait;
	struct wait_queue_head	write_wait;
};

/* Set up @tty with default termios; the driver fills name, dev, index, ops first. */
void tty_init_dev(struct tty_struct *tty);
/*
 * Feed received bytes to the line discipline; any context, IRQ included. Return: the bytes
 * taken; fewer than @n only when the tty is full, and then it is throttled: the driver
 * keeps the rest until its unthrottle().
 */
size_t tty_receive(struct tty_struct *tty, const unsigned char *buf, size_t n);
/* Create /dev/NAME for @tty, plus /dev/console and /dev/tty when @console. */
int tty_register_device(struct tty_struct *tty, bool console);

/* The tty /dev/console reaches (the serial console), or NULL before it is registered. */
struct tty_struct *console_tty(void);

/* Kernel-side read and write through the line discipline (self-tests, kernel consoles). */
ssize_t tty_kernel_read(struct tty_struct *tty, void *buf, size_t n, bool nonblock);
ssize_t tty_kernel_write(struct tty_struct *tty, const void *buf, size_t n);

/*
 * Job control (drivers/tty/tty_jobctrl.c). disassociate_ctty(1): the session leader current
 * is exiting: SIGHUP and SIGCONT to the foreground group, and the session loses the tty.
 */
void disassociate_ctty(int on_exit);
/* The session id and foreground group of current's controlling tty; 0 if none. */
pid_t tty_get_pgrp(struct tty_struct *tty);

/* Open fds 0, 1 and 2 of the first process on /dev/console, as Linux's init does. */
void console_on_rootfs(void);

/* In-kernel self-test "starling.selftest=tty". Return: the number of failures. */
int tty_selftest(void);

#endif /* _STARLING_TTY_H */
