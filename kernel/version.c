// SPDX-License-Identifier: GPL-2.0-only
/* The boot banner and /proc/version text. */
#include <starling/version.h>

const char linux_banner[] = "Linux version " UTS_RELEASE " (starling@starling) (gcc) " UTS_VERSION;
