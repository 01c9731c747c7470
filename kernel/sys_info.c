// SPDX-License-Identifier: GPL-2.0-only
/*
 * System-wide information and control calls: uname, sethostname, setdomainname, sysinfo,
 * getrandom and reboot, with Linux's structure layouts, checks and errno values.
 *
 * uts_lock guards the host and domain names (readers copy them out under it).
 */
#include <starling/cred.h>
#include <starling/errno.h>
#include <starling/kernel.h>
#include <starling/mm.h>
#include <starling/reboot.h>
#include <starling/sched.h>
#include <starling/spinlock.h>
#include <starling/string.h>
#include <starling/syscalls.h>
#include <starling/time.h>
#include <starling/uaccess.h>
#include <starling/utsname.h>
#include <starling/version.h>
#include <asm/processor.h>
#include <asm/elf.h>

#define __NR_newuname		__NR_uname	/* Linux names the entry __x64_sys_newuname */
#define GRND_NONBLOCK		0x0001
#define GRND_RANDOM		0x0002
#define GRND_INSECURE		0x0004
#define LINUX_REBOOT_MAGIC1	0xfee1dead
#define LINUX_REBOOT_MAGIC2	672274793
#define LINUX_REBOOT_MAGIC2A	85072278
#define LINUX_REBOOT_MAGIC2B	369367448
#define LINUX_REBOOT_MAGIC2C	537993216
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xcdef0123
#define LINUX_REBOOT_CMD_CAD_ON		0x89abcdef
#define LINUX_REBOOT_CMD_CAD_OFF	0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321fedc

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

struct sysinfo {
	long		uptime;
	unsigned long	loads[3];
	unsigned long	totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	unsigned short	procs, pad;
	unsigned long	totalhigh, freehigh;
	unsigned int	mem_unit;
	char		_f[20 - 2 * sizeof(long) - sizeof(int)];
};

static DEFINE_SPINLOCK(uts_lock);
static char uts_nodename[__NEW_UTS_LEN + 1] = "(none)";	/* uts_lock */
static char uts_domainname[__NEW_UTS_LEN + 1] = "(none)";	/* uts_lock */

SYSCALL_DEFINE1(newuname, struct new_utsname __user *, name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, UTS_SYSNAME, sizeof(u.sysname));
	strlcpy(u.release, UTS_RELEASE, sizeof(u.release));
	strlcpy(u.version, UTS_VERSION, sizeof(u.version));
	strlcpy(u.machine, UTS_MACHINE, sizeof(u.machine));
	spin_lock(&uts_lock);
	memcpy(u.nodename, uts_nodename, sizeof(u.nodename));
	memcpy(u.domainname, uts_domainname, sizeof(u.domainname));
	spin_unlock(&uts_lock);
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

static void uts_get(const char *src, char *buf, size_t size)
{
	if (!size)
		return;
	spin_lock(&uts_lock);
	strlcpy(buf, src, size);
	spin_unlock(&uts_lock);
}

static int uts_set(char *dst, const char *name, size_t len)
{
	if (len > __NEW_UTS_LEN)
		return -EINVAL;
	spin_lock(&uts_lock);
	memcpy(dst, name, len);
	memset(dst + len, 0, __NEW_UTS_LEN + 1 - len);
	spin_unlock(&uts_lock);
	return 0;
}

/* sethostname(2), setdomainname(2): Linux checks the capability, then the length. */
static int set_uts_name(char *dst, const char __user *name, int len)
{
	char tmp[__NEW_UTS_LEN];

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	return uts_set(dst, tmp, len);
}

void uts_get_nodename(char *buf, size_t size)
{
	uts_get(uts_nodename, buf, size);
}

void uts_get_domainname(char *buf, size_t size)
{
	uts_get(uts_domainname, buf, size);
}

int uts_set_nodename(const char *name, size_t len)
{
	return uts_set(uts_nodename, name, len);
}

int uts_set_domainname(const char *name, size_t len)
{
	return uts_set(uts_domainname, name, len);
}

SYSCALL_DEFINE2(sethostname, char __user *, name, int, len)
{
	return set_uts_name(uts_nodename, name, len);
}

SYSCALL_DEFINE2(setdomainname, char __user *, name, int, len)
{
	return set_uts_name(uts_domainname, name, len);
}

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo si;
	struct task_struct *p;
	unsigned int procs = 0;
	unsigned long flags;

	memset(&si, 0, sizeof(si));
	si.uptime = (long)((ktime_get_boot_ns() + NSEC_PER_SEC - 1) / NSEC_PER_SEC);
	si.totalram = totalram_pages();
	si.freeram = nr_free_pages();
	si.mem_unit = PAGE_SIZE;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_tasks, tasks)
		procs++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	si.procs = procs;
	return copy_to_user(info, &si, sizeof(si)) ? -EFAULT : 0;
}

/* ---- getrandom: xoshiro256** seeded from RDRAND when the CPU has it, and the TSC -------- */

static DEFINE_SPINLOCK(rng_lock);
static u64 rng_state[4];	/* rng_lock */
static bool rng_seeded;		/* rng_lock */

static u64 rotl(u64 x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static u64 rng_next(void)
{
	u64 *s = rng_state, r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return r;
}

static u64 hw_seed(void)
{
	unsigned long v = 0;

	arch_get_random_seed_longs(&v, 1);
	return v ^ random_get_entropy() * 0x9e3779b97f4a7c15ULL;
}

static void rng_fill(void *buf, size_t n)
{
	unsigned long flags;

	spin_lock_irqsave(&rng_lock, flags);
	if (!rng_seeded) {
		for (int i = 0; i < 4; i++)
			rng_state[i] = hw_seed() | 1;
		rng_seeded = true;
	}
	rng_state[0] ^= hw_seed();	/* fold in fresh entropy every call */
	for (size_t i = 0; i < n; i += 8) {
		u64 r = rng_next();

		memcpy((u8 *)buf + i, &r, min_t(size_t, 8, n - i));
	}
	spin_unlock_irqrestore(&rng_lock, flags);
}

/**
 * get_random_bytes() - fill @buf with @n random bytes (not for cryptographic keys)
 * @buf: kernel buffer
 * @n: bytes
 */
void get_random_bytes(void *buf, size_t n)
{
	rng_fill(buf, n);
}

SYSCALL_DEFINE3(getrandom, char __user *, ubuf, size_t, count, unsigned int, flags)
{
	u8 chunk[256];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	count = min_t(size_t, count, 0x7ffff000);
	while (done < count) {
		size_t n = min_t(size_t, sizeof(chunk), count - done);

		rng_fill(chunk, n);
		if (copy_to_user(ubuf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return done;
}

SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	if (!capable(CAP_SYS_BOOT))
		return -EPERM;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		kernel_restart();
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_POWER_OFF:
		kernel_power_off();
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}
