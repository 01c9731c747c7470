// SPDX-License-Identifier: GPL-2.0-only
/*
 * User memory access on riscv64 (see <starling/uaccess.h>): every user range is checked
 * against TASK_SIZE here before usercopy.S touches it with sstatus.SUM set; a fault inside
 * the copy ends it at the exception table's fixup. The *_nofault variants (tracing) run
 * the same copies with preemption disabled, so the page-fault handler never fills a page
 * for them, and reach any address, kernel ones included.
 */
#include <starling/uaccess.h>
#include <starling/preempt.h>
#include <starling/string.h>
#include <asm/page.h>

unsigned long raw_copy_user(void *to, const void *from, unsigned long n);
unsigned long raw_clear_user(void *to, unsigned long n);
long raw_strncpy_user(char *dst, const char *src, long count);
long raw_strnlen_user(const char *s, long n);

/* The bytes of [@addr, @addr + @n) that lie below TASK_SIZE, from @addr on. */
static unsigned long user_span(unsigned long addr, unsigned long n)
{
	if (addr >= TASK_SIZE)
		return 0;
	return min(n, TASK_SIZE - addr);
}

/**
 * access_ok() - is [@addr, @addr + @size) entirely below TASK_SIZE?
 * @addr: user pointer
 * @size: length in bytes
 *
 * Return: true when it is.
 */
bool access_ok(const void __user *addr, unsigned long size)
{
	return user_span((unsigned long)addr, size) == size;
}

/**
 * copy_from_user() - copy @n bytes from user space
 * @to: kernel buffer
 * @from: user pointer
 * @n: bytes
 *
 * Return: the number of bytes NOT copied; that tail of @to is zeroed, as Linux does.
 */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = access_ok(from, n) ? raw_copy_user(to, (const void *)from, n) : n;

	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

/**
 * copy_to_user() - copy @n bytes to user space
 * @to: user pointer
 * @from: kernel buffer
 * @n: bytes
 *
 * Return: the number of bytes NOT copied.
 */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	return access_ok(to, n) ? raw_copy_user((void *)to, from, n) : n;
}

/**
 * clear_user() - zero @n bytes of user space
 * @to: user pointer
 * @n: bytes
 *
 * Return: the number of bytes NOT cleared.
 */
unsigned long clear_user(void __user *to, unsigned long n)
{
	return access_ok(to, n) ? raw_clear_user((void *)to, n) : n;
}

/**
 * strncpy_from_user() - copy a NUL-terminated string from user space
 * @dst: kernel buffer of @count bytes
 * @src: user pointer
 * @count: maximum bytes, NUL included
 *
 * Return: the length without the NUL, @count when the string did not end within @count
 * bytes (then @dst is not terminated), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long span;

	if (count <= 0)
		return 0;
	span = user_span((unsigned long)src, count);
	if (!span)
		return -EFAULT;
	return raw_strncpy_user(dst, (const char *)src, span);
}

/**
 * strnlen_user() - length of a user string
 * @s: user pointer
 * @n: the most bytes to look at
 *
 * Return: the length including the NUL, 0 on a fault, a value > @n when it is longer.
 */
long strnlen_user(const char __user *s, long n)
{
	unsigned long span;
	long len;

	if (n <= 0)
		return 0;
	span = user_span((unsigned long)s, n);
	if (!span)
		return 0;
	len = raw_strnlen_user((const char *)s, span);
	/* running into TASK_SIZE before the NUL is a fault, not a long string */
	return span < (unsigned long)n && len > (long)span ? 0 : len;
}

/**
 * copy_from_kernel_nofault() - read any address without sleeping or filling pages
 * @dst: kernel buffer
 * @src: any address
 * @size: bytes
 *
 * Return: 0, or -EFAULT when part of the range could not be read.
 */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	unsigned long left;

	preempt_disable();
	left = raw_copy_user(dst, src, size);
	preempt_enable();
	return left ? -EFAULT : 0;
}

/**
 * copy_from_user_nofault() - read user memory without sleeping or filling pages
 * @dst: kernel buffer
 * @src: user pointer
 * @size: bytes
 *
 * Return: 0, or -EFAULT.
 */
long copy_from_user_nofault(void *dst, const void __user *src, size_t size)
{
	if (!access_ok(src, size))
		return -EFAULT;
	return copy_from_kernel_nofault(dst, (const void *)src, size);
}

/**
 * strncpy_from_kernel_nofault() - copy a string from any address without faulting it in
 * @dst: kernel buffer of @count bytes, always NUL-terminated when @count > 0
 * @src: any address
 * @count: buffer size
 *
 * Return: the length including the NUL (@count when truncated), or -EFAULT.
 */
long strncpy_from_kernel_nofault(char *dst, const void *src, long count)
{
	long len;

	if (count <= 0)
		return 0;
	preempt_disable();
	len = raw_strncpy_user(dst, src, count);
	preempt_enable();
	if (len < 0) {
		dst[0] = '\0';
		return -EFAULT;
	}
	if (len >= count) {
		dst[count - 1] = '\0';
		return count;
	}
	return len + 1;
}

/**
 * strncpy_from_user_nofault() - copy a user string without faulting it in
 * @dst: kernel buffer of @count bytes, always NUL-terminated when @count > 0
 * @src: user pointer
 * @count: buffer size
 *
 * Return: the length including the NUL (@count when truncated), or -EFAULT.
 */
long strncpy_from_user_nofault(char *dst, const void __user *src, long count)
{
	unsigned long span;

	if (count <= 0)
		return 0;
	span = user_span((unsigned long)src, count);
	if (!span)
		return -EFAULT;
	return strncpy_from_kernel_nofault(dst, (const void *)src, span);
}
