/* Host shim of <starling/printk.h>: messages go to stderr; panic aborts. */
#ifndef _STARLING_PRINTK_H
#define _STARLING_PRINTK_H
#include <stdio.h>
#include <stdlib.h>
#include <starling/compiler.h>
#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_CONT	KERN_SOH "c"
#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#define printk(fmt, ...)	fprintf(stderr, fmt, ##__VA_ARGS__)
#define panic(fmt, ...)		do { fprintf(stderr, "panic: " fmt "\n", ##__VA_ARGS__); abort(); } while (0)
#define pr_emerg(fmt, ...)	fprintf(stderr, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert		pr_emerg
#define pr_crit			pr_emerg
#define pr_err			pr_emerg
#define pr_warn			pr_emerg
#define pr_notice		pr_emerg
#define pr_info(fmt, ...)	do { if (0) fprintf(stderr, fmt, ##__VA_ARGS__); } while (0)
#define pr_debug		pr_info
#define pr_cont			pr_info
#define WARN_ON(c)		({ bool __c = !!(c); if (__c) fprintf(stderr, "WARN %s:%d %s\n", __FILE__, __LINE__, #c); __c; })
#define WARN_ON_ONCE(c)		WARN_ON(c)
#define BUG_ON(c)		do { if (c) panic("BUG %s:%d %s", __FILE__, __LINE__, #c); } while (0)
#define BUG()			panic("BUG %s:%d", __FILE__, __LINE__)
#endif
