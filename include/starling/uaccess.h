// SPDX-License-Identifier: GPL-2.0-only
/*
 * Access to user memory from the kernel. Every user pointer goes through these: the range is
 * checked against TASK_SIZE, and a fault inside the copy (an unmapped page that the page-fault
 * handler cannot fill) is caught through the exception table, so a bad pointer gives -EFAULT,
 * never a kernel crash.
 */
#ifndef _STARLING_UACCESS_H
#define _STARLING_UACCESS_H

#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/errno.h>

/* True if [addr, addr+size) lies in user space. */
bool access_ok(const void __user *addr, unsigned long size);

/* Return the number of bytes NOT copied (0 on success), as Linux. */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
/* Length copied (excluding NUL), @count if no NUL within @count, or -EFAULT. */
long strncpy_from_user(char *dst, const char __user *src, long count);
/* Length including the NUL, 0 on fault, > @n if longer than @n. */
long strnlen_user(const char __user *s, long n);

/*
 * Fault-safe reads of any address (kernel or user) for tracing: 0 or -EFAULT; never sleeps,
 * never takes a page fault that would fill a page (a non-present page is a fault).
 */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size);
long copy_from_user_nofault(void *dst, const void __user *src, size_t size);
long strncpy_from_kernel_nofault(char *dst, const void *src, long count);
long strncpy_from_user_nofault(char *dst, const void __user *src, long count);

/*
 * The arch's copies (arch/$(ARCH)/lib/usercopy.S): no range check, a fault ends them at the
 * exception table's fixup. Only mm/uaccess.c calls them, after its TASK_SIZE checks.
 */
unsigned long raw_copy_user(void *to, const void *from, unsigned long n);	/* bytes left */
unsigned long raw_clear_user(void *to, unsigned long n);			/* bytes left */
/* The length copied without the NUL, @count if no NUL within @count, or -EFAULT. */
long raw_strncpy_user(char *dst, const char *src, long count);
/* The length including the NUL, @n + 1 if no NUL within @n, 0 on a fault. */
long raw_strnlen_user(const char *s, long n);

#define get_user(x, ptr) ({							\
	__typeof__(*(ptr)) __gu_val;						\
	int __gu_ret = copy_from_user(&__gu_val, (ptr), sizeof(*(ptr))) ? -EFAULT : 0; \
	(x) = __gu_ret ? (__typeof__(*(ptr)))0 : __gu_val;			\
	__gu_ret;								\
})

#define put_user(x, ptr) ({							\
	__typeof__(*(ptr)) __pu_val = (x);					\
	copy_to_user((ptr), &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0;		\
})

#endif /* _STARLING_UACCESS_H */
