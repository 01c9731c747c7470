// SPDX-License-Identifier: GPL-2.0-only
/* The parsed kernel command line: first program, its arguments and environment. */
#ifndef _STARLING_PARAMS_H
#define _STARLING_PARAMS_H

#include <starling/types.h>

#define MAX_INIT_ARGS	32
#define MAX_INIT_ENVS	32

extern const char *init_argv[];		/* NULL-terminated; [0] becomes the program at exec */
extern const char *init_envp[];		/* NULL-terminated */
extern const char *ramdisk_execute_command;	/* rdinit=, default /init */
extern const char *execute_command;		/* init=, or NULL */

void parse_kernel_cmdline(void);
bool cmdline_find(const char *word, const char **val);

#endif /* _STARLING_PARAMS_H */
