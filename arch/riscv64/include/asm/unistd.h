// SPDX-License-Identifier: GPL-2.0-only
/*
 * System calls that Starling's generic code defines (Linux compiles them on every arch) but
 * that riscv64's asm-generic table does not number: their entries exist (sys_open ...), as
 * on Linux, but carry __NR_NONE (<starling/syscalls.h>) and stay out of sys_call_table[]
 * (kernel/syscall_table.c). Kernel-only: user space sees <uapi/asm/unistd.h>.
 */
#ifndef _ASM_UNISTD_H
#define _ASM_UNISTD_H

#include <uapi/asm/unistd.h>

/* no riscv64 number */
#define __NR_access               __NR_NONE
#define __NR_alarm                __NR_NONE
#define __NR_chmod                __NR_NONE
#define __NR_chown                __NR_NONE
#define __NR_creat                __NR_NONE
#define __NR_dup2                 __NR_NONE
#define __NR_fork                 __NR_NONE
#define __NR_getpgrp              __NR_NONE
#define __NR_lchown               __NR_NONE
#define __NR_link                 __NR_NONE
#define __NR_lstat                __NR_NONE
#define __NR_mkdir                __NR_NONE
#define __NR_mknod                __NR_NONE
#define __NR_open                 __NR_NONE
#define __NR_pause                __NR_NONE
#define __NR_pipe                 __NR_NONE
#define __NR_poll                 __NR_NONE
#define __NR_readlink             __NR_NONE
#define __NR_rename               __NR_NONE
#define __NR_renameat             __NR_NONE
#define __NR_rmdir                __NR_NONE
#define __NR_select               __NR_NONE
#define __NR_stat                 __NR_NONE
#define __NR_symlink              __NR_NONE
#define __NR_time                 __NR_NONE
#define __NR_unlink               __NR_NONE
#define __NR_vfork                __NR_NONE

#endif /* _ASM_UNISTD_H */
