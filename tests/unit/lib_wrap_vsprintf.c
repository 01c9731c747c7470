// SPDX-License-Identifier: GPL-2.0-only
/* Host build of lib/vsprintf.c with its exported names prefixed k_ (see lib_rename.h). */
#include "lib_rename.h"
#include "../../lib/vsprintf.c"
