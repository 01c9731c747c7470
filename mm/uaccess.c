// SPDX-License-Identifier: GPL-2.0-only
/*
 * User memory access (see <starling/uaccess.h>), the generic half: every user range is
 * checked against TASK_SIZE here, then handed to the arch's raw_* copies
 * (arch/$(ARCH)/lib/usercopy.S), which run under the exception table. A fault on a user
 * page that is mapped but not yet present is filled by the page-fault handler and the copy
 * goes on; a fault it cannot fill ends the copy at the fixup.
 *
 * The *_nofault variants (tracing) run the same copies with preemption disabled: the page
 * fault handler then refuses to fill anything, so they never sleep and never change the
 * address space. They reach any address, kernel ones included; a fault of any kind (on
 * x86_64 also the #GP of a non-canonical address) ends at the fixup.
 */
#include <starling/uaccess.h>
#include <starling/preempt.h>
#include <starling/string.h>
#include <asm/page.h>

/*
 * The bytes a string copy from @src may look at: @count, cut at TASK_SIZE; 0 when @count
 * is not positive, -EFAULT when @src is not a user address.
 */
static long user_str_count(const void __user *src, long count)
{
	unsigned long a = (unsigned long)src;

	if (count <= 0)
		return 0;
	if (a >= TASK_SIZE)
		return -EFAULT;
	if ((unsigned long)count > TASK_SIZE - a)
		count = TASK_SIZE - a;
	return count;
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
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/**
 * copy_from_user() - copy @n bytes from user space
 * @to: kernel buffer
 * @from: user pointer
 * @n: bytes
 *
 * Return: the number of bytes NOT copied; the uncopied tail of @to is zeroed, as Linux.
 */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = raw_copy_user(to, (const void *)from, n);
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
	if (!access_ok(to, n))
		return n;
	return raw_copy_user((void *)to, from, n);
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
	if (!access_ok(to, n))
		return n;
	return raw_clear_user((void *)to, n);
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
	count = user_str_count(src, count);
	if (count <= 0)
		return count;
	return raw_strncpy_user(dst, (const char *)src, count);
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
	unsigned long a = (unsigned long)s;

	if (n <= 0 || a >= TASK_SIZE)
		return 0;
	if ((unsigned long)n > TASK_SIZE - a) {
		long len = raw_strnlen_user((const char *)s, TASK_SIZE - a);

		return len > (long)(TASK_SIZE - a) ? 0 : len;
	}
	return raw_strnlen_user((const char *)s, n);
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
	long ret;

	if (count <= 0)
		return 0;
	preempt_disable();
	ret = raw_strncpy_user(dst, src, count);
	preempt_enable();
	if (ret < 0) {
		dst[0] = '\0';
		return -EFAULT;
	}
	if (ret >= count) {
		dst[count - 1] = '\0';
		return count;
	}
	return ret + 1;
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
	count = user_str_count(src, count);
	if (count <= 0)
		return count;
	return strncpy_from_kernel_nofault(dst, (const void *)src, count);
}
