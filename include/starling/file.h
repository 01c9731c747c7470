// SPDX-License-Identifier: GPL-2.0-only
/* File descriptors of the current process (fs/vfs/file.c), Linux's names. */
#ifndef _STARLING_FILE_H
#define _STARLING_FILE_H

#include <starling/fs.h>

/* The file behind @fd with a reference, or NULL. fput() when done. */
struct file *fget(unsigned int fd);
struct file *fget_raw(unsigned int fd);		/* O_PATH files too */
/* Lowest free descriptor (reserved), O_CLOEXEC honoured; -EMFILE when full. */
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
/* Install @file at reserved @fd; the table takes over the caller's reference. */
void fd_install(unsigned int fd, struct file *file);
int close_fd(unsigned int fd);
int receive_fd(struct file *file, unsigned int o_flags);
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);
void set_close_on_exec(unsigned int fd, int flag);
bool get_close_on_exec(unsigned int fd);
int ksys_dup(unsigned int fildes);
int ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
int ksys_close(unsigned int fd);

#endif /* _STARLING_FILE_H */
