// SPDX-License-Identifier: GPL-2.0-only
/* Shared between the files of drivers/tty/: the file operations and job control. */
#ifndef _DRIVERS_TTY_INTERNAL_H
#define _DRIVERS_TTY_INTERNAL_H

#include <starling/tty.h>
#include <starling/fs.h>

/* tty_jobctrl.c */
int tty_check_change(struct tty_struct *tty, int sig);
struct tty_struct *get_current_tty(void);
void tty_open_proc_set_tty(struct file *file, struct tty_struct *tty);
long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd,
		       unsigned long arg);

/* tty_ioctl.c */
long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
void tty_set_termios(struct tty_struct *tty, const struct ktermios *t);

/* tty_io.c */
void tty_send_pending_signals(struct tty_struct *tty);
void tty_check_unthrottle(struct tty_struct *tty);

#endif /* _DRIVERS_TTY_INTERNAL_H */
