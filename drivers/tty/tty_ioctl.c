// SPDX-License-Identifier: GPL-2.0-only
/*
 * Terminal ioctls, Linux's numbers and layouts (include/uapi/asm-generic/{ioctls,termbits}.h):
 *
 *   TCGETS/TCSETS/TCSETSW/TCSETSF      struct termios (36 bytes); speeds from CBAUD/CIBAUD
 *   TCGETS2/TCSETS2/TCSETSW2/TCSETSF2  struct termios2 (44 bytes); BOTHER takes c_?speed
 *   TIOCGWINSZ/TIOCSWINSZ              struct winsize; a change sends SIGWINCH to the
 *                                      foreground process group
 *   FIONREAD (TIOCINQ), TIOCOUTQ, TCFLSH, TCXONC, TCSBRK(P), TIOCSTI, TIOCGSERIAL,
 *   TIOCGETD/TIOCSETD, TIOCMGET, TIOCEXCL/TIOCNXCL
 *   TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP, TIOCGSID  (tty_jobctrl.c)
 *
 * Output is polled and never queued, so the "wait for output to drain" variants have
 * nothing to wait for. Unknown requests fail with -ENOTTY, as on Linux.
 */
#include <starling/tty.h>
#include <starling/fs.h>
#include <starling/signal.h>
#include <starling/cred.h>
#include <starling/uaccess.h>
#include <starling/string.h>
#include <starling/errno.h>
#include <uapi/asm-generic/ioctls.h>
#include <asm/serial.h>
#include "tty_internal.h"

#define N_TTY		0	/* the only line discipline */

/* TIOCM_* modem lines */
#define TIOCM_DTR	0x002
#define TIOCM_RTS	0x004
#define TIOCM_CTS	0x020
#define TIOCM_CAR	0x040
#define TIOCM_DSR	0x100

/* struct serial_struct (uapi linux/serial.h), for TIOCGSERIAL. */
struct serial_struct {
	int		type;
	int		line;
	unsigned int	port;
	int		irq;
	int		flags;
	int		xmit_fifo_size;
	int		custom_divisor;
	int		baud_base;
	unsigned short	close_delay;
	char		io_type;
	char		reserved_char[1];
	int		hub6;
	unsigned short	closing_wait;
	unsigned short	closing_wait2;
	unsigned char	*iomem_base;
	unsigned short	iomem_reg_shift;
	unsigned int	port_high;
	unsigned long	iomap_base;
};

/* Baud rates of the CBAUD codes 0-15 and CBAUDEX|1-15. */
static const unsigned int baud_table[] = {
	0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400,
	57600, 115200, 230400, 460800, 500000, 576000, 921600, 1000000, 1152000, 1500000,
	2000000, 2500000, 3000000, 3500000, 4000000,
};

static unsigned int baud_code_to_speed(tcflag_t code)
{
	unsigned int i = code & ~CBAUDEX;

	if (code & CBAUDEX)
		i += 15;
	return i < ARRAY_SIZE(baud_table) ? baud_table[i] : 0;
}

/* Fill c_ispeed/c_ospeed from the baud codes (or keep them, for BOTHER). */
static void termios_set_speeds(struct ktermios *t)
{
	tcflag_t ocode = t->c_cflag & CBAUD, icode = (t->c_cflag & CIBAUD) >> IBSHIFT;

	if (ocode != BOTHER)
		t->c_ospeed = baud_code_to_speed(ocode);
	if (!icode)
		t->c_ispeed = t->c_ospeed;
	else if (icode != BOTHER)
		t->c_ispeed = baud_code_to_speed(icode);
}

/**
 * tty_set_termios() - install new attributes and wake readers, whose conditions changed.
 * @tty: the terminal
 * @t: the attributes
 */
void tty_set_termios(struct tty_struct *tty, const struct ktermios *t)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	n_tty_set_termios(&tty->ldisc, t);
	tty->rx_gen++;
	tty_check_unthrottle(tty);
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up_interruptible_all(&tty->read_wait);
}

static struct ktermios get_termios(struct tty_struct *tty)
{
	struct ktermios t;
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	t = tty->ldisc.termios;
	spin_unlock_irqrestore(&tty->lock, flags);
	return t;
}

static void flush_input(struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	n_tty_flush_input(&tty->ldisc);
	tty->rx_gen++;
	tty_check_unthrottle(tty);
	spin_unlock_irqrestore(&tty->lock, flags);
}

static long set_termios(struct tty_struct *tty, void __user *p, unsigned int cmd)
{
	struct ktermios t = get_termios(tty);
	bool t2 = cmd == TCSETS2 || cmd == TCSETSW2 || cmd == TCSETSF2;
	long ret;

	ret = tty_check_change(tty, SIGTTOU);
	if (ret)
		return ret;
	if (copy_from_user(&t, p, t2 ? sizeof(struct termios2) : sizeof(struct termios)))
		return -EFAULT;
	t.c_line = N_TTY;
	termios_set_speeds(&t);
	if (cmd == TCSETSF || cmd == TCSETSF2)
		flush_input(tty);
	tty_set_termios(tty, &t);
	return 0;
}

static long get_serial(struct tty_struct *tty, void __user *p)
{
	struct serial_struct ss;

	memset(&ss, 0, sizeof(ss));
	ss.type = SERIAL_CONSOLE_TYPE;
	ss.line = tty->index;
	ss.port = SERIAL_CONSOLE_PORT;
	ss.irq = SERIAL_CONSOLE_IRQ;
	ss.xmit_fifo_size = SERIAL_CONSOLE_FIFO;
	ss.baud_base = SERIAL_CONSOLE_BAUD;
	ss.close_delay = 50;
	ss.closing_wait = 3000;
	return copy_to_user(p, &ss, sizeof(ss)) ? -EFAULT : 0;
}

static long set_winsize(struct tty_struct *tty, void __user *p)
{
	struct winsize ws;
	unsigned long flags;
	bool changed;
	pid_t pgrp;

	if (copy_from_user(&ws, p, sizeof(ws)))
		return -EFAULT;
	spin_lock_irqsave(&tty->lock, flags);
	changed = memcmp(&ws, &tty->winsize, sizeof(ws)) != 0;
	tty->winsize = ws;
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (changed && pgrp)
		kill_pgrp(pgrp, SIGWINCH, 1);
	return 0;
}

/* TIOCSTI: push one byte of input, as if typed. */
static long simulate_input(struct tty_struct *tty, struct file *file, char __user *p)
{
	unsigned char c;

	if (!capable(CAP_SYS_ADMIN) &&
	    (get_current_tty() != tty || !(file->f_mode & FMODE_READ)))
		return -EPERM;
	if (get_user(c, p))
		return -EFAULT;
	tty_receive(tty, &c, 1);
	return 0;
}

static long tty_flow(struct tty_struct *tty, unsigned long arg)
{
	unsigned long flags;
	unsigned char c;

	switch (arg) {
	case TCOOFF:
	case TCOON:
		spin_lock_irqsave(&tty->lock, flags);
		tty->ldisc.stopped = arg == TCOOFF;
		spin_unlock_irqrestore(&tty->lock, flags);
		return 0;
	case TCIOFF:
	case TCION:
		c = tty->ldisc.termios.c_cc[arg == TCIOFF ? VSTOP : VSTART];
		if (c != _POSIX_VDISABLE)
			tty_kernel_write(tty, &c, 1);
		return 0;
	}
	return -EINVAL;
}

/**
 * tty_ioctl() - the unlocked_ioctl of every terminal device.
 * @file: the open terminal
 * @cmd: the request
 * @arg: its argument, usually a user pointer
 *
 * Return: 0 or a value for the request, or a negative errno (-ENOTTY if unknown).
 */
long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	void __user *p = (void __user *)arg;
	struct ktermios t;
	struct winsize ws;
	unsigned long flags;
	long ret;
	int n;

	switch (cmd) {
	case TCGETS:
		t = get_termios(tty);
		return copy_to_user(p, &t, sizeof(struct termios)) ? -EFAULT : 0;
	case TCGETS2:
		t = get_termios(tty);
		return copy_to_user(p, &t, sizeof(struct termios2)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
	case TCSETS2:
	case TCSETSW2:
	case TCSETSF2:
		return set_termios(tty, p, cmd);
	case TIOCGWINSZ:
		spin_lock_irqsave(&tty->lock, flags);
		ws = tty->winsize;
		spin_unlock_irqrestore(&tty->lock, flags);
		return copy_to_user(p, &ws, sizeof(ws)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return set_winsize(tty, p);
	case FIONREAD:
		spin_lock_irqsave(&tty->lock, flags);
		n = (int)n_tty_inq(&tty->ldisc);
		spin_unlock_irqrestore(&tty->lock, flags);
		return put_user(n, (int __user *)p);
	case TIOCOUTQ:
		return put_user(0, (int __user *)p);
	case TCFLSH:
		ret = tty_check_change(tty, SIGTTOU);
		if (ret)
			return ret;
		if (arg == TCIFLUSH || arg == TCIOFLUSH)
			flush_input(tty);
		else if (arg != TCOFLUSH)
			return -EINVAL;
		return 0;
	case TCXONC:
		ret = tty_check_change(tty, SIGTTOU);
		if (ret)
			return ret;
		return tty_flow(tty, arg);
	case TCSBRK:
	case TCSBRKP:
	case TIOCSBRK:
	case TIOCCBRK:
		return 0;	/* output is synchronous; breaks are not sent */
	case TIOCSTI:
		return simulate_input(tty, file, p);
	case TIOCGSERIAL:
		return get_serial(tty, p);
	case TIOCGETD:
		return put_user(N_TTY, (int __user *)p);
	case TIOCSETD:
		if (get_user(n, (int __user *)p))
			return -EFAULT;
		return n == N_TTY ? 0 : -EINVAL;
	case TIOCMGET:
		return put_user(TIOCM_DTR | TIOCM_RTS | TIOCM_CTS | TIOCM_CAR | TIOCM_DSR,
				(int __user *)p);
	case TIOCMSET:
	case TIOCMBIS:
	case TIOCMBIC:
	case TIOCEXCL:
	case TIOCNXCL:
		return 0;
	case TIOCGEXCL:
		return put_user(0, (int __user *)p);
	}
	ret = tty_jobctrl_ioctl(tty, file, cmd, arg);
	return ret == -ENOIOCTLCMD ? -ENOTTY : ret;
}
