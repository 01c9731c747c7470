// SPDX-License-Identifier: GPL-2.0-only
/*
 * Task credentials (kernel/cred.c), Linux's model cut down to what a single-namespace system
 * needs: real, effective, saved and filesystem user and group ids, the supplementary groups
 * and an effective capability mask. A cred is shared by reference and never changed once
 * published: to change ids, prepare_creds() a copy, edit it, commit_creds() it.
 *
 * Capabilities follow the ids as Linux does without file capabilities: euid 0 means every
 * capability, a non-zero euid none; moving fsuid away from 0 drops the filesystem ones
 * (CAP_CHOWN, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER, CAP_FSETID, CAP_MKNOD...)
 * and moving it back to 0 restores them. capable(CAP_X) tests current's mask.
 *
 * Kernel threads have no process state of their own and run with init_cred (root).
 */
#ifndef _STARLING_CRED_H
#define _STARLING_CRED_H

#include <starling/types.h>
#include <starling/atomic.h>

struct task_struct;

/* Capability numbers (Linux's). */
#define CAP_CHOWN		0
#define CAP_DAC_OVERRIDE	1
#define CAP_DAC_READ_SEARCH	2
#define CAP_FOWNER		3
#define CAP_FSETID		4
#define CAP_KILL		5
#define CAP_SETGID		6
#define CAP_SETUID		7
#define CAP_SETPCAP		8
#define CAP_LINUX_IMMUTABLE	9
#define CAP_NET_BIND_SERVICE	10
#define CAP_NET_ADMIN		12
#define CAP_NET_RAW		13
#define CAP_IPC_LOCK		14
#define CAP_SYS_MODULE		16
#define CAP_SYS_RAWIO		17
#define CAP_SYS_CHROOT		18
#define CAP_SYS_PTRACE		19
#define CAP_SYS_ADMIN		21
#define CAP_SYS_BOOT		22
#define CAP_SYS_NICE		23
#define CAP_SYS_RESOURCE	24
#define CAP_SYS_TIME		25
#define CAP_SYS_TTY_CONFIG	26
#define CAP_MKNOD		27
#define CAP_SYSLOG		34
#define CAP_LAST_CAP		40

#define CAP_FULL_SET		((1ULL << (CAP_LAST_CAP + 1)) - 1)
#define CAP_FS_MASK		((1ULL << CAP_CHOWN) | (1ULL << CAP_DAC_OVERRIDE) |	\
				 (1ULL << CAP_DAC_READ_SEARCH) | (1ULL << CAP_FOWNER) |	\
				 (1ULL << CAP_FSETID) | (1ULL << CAP_LINUX_IMMUTABLE) |	\
				 (1ULL << CAP_MKNOD))

#define NGROUPS_MAX		65536

struct group_info {
	atomic_t	usage;
	int		ngroups;
	gid_t		gid[];		/* sorted ascending */
};

struct cred {
	atomic_t		usage;
	uid_t			uid, euid, suid, fsuid;
	gid_t			gid, egid, sgid, fsgid;
	u64			cap_effective;	/* bit n: capability n */
	struct group_info	*group_info;	/* never NULL */
};

extern struct cred init_cred;
extern struct group_info init_groups;

/* The credentials of @p (init_cred for kernel threads). No reference is taken. */
const struct cred *task_cred(const struct task_struct *p);
/* current's credentials; valid until current changes them. */
const struct cred *current_cred(void);

#define current_uid()		(current_cred()->uid)
#define current_gid()		(current_cred()->gid)
#define current_euid()		(current_cred()->euid)
#define current_egid()		(current_cred()->egid)
#define current_fsuid()		(current_cred()->fsuid)
#define current_fsgid()		(current_cred()->fsgid)

static inline const struct cred *get_cred(const struct cred *cred)
{
	atomic_inc(&((struct cred *)cred)->usage);
	return cred;
}

void __put_cred(struct cred *cred);

static inline void put_cred(const struct cred *cred)
{
	if (cred && atomic_dec_and_test(&((struct cred *)cred)->usage))
		__put_cred((struct cred *)cred);
}

/* A private copy of current's credentials to edit, or NULL. */
struct cred *prepare_creds(void);
/* Install @new as current's credentials (consumes the reference). Return: 0. */
int commit_creds(struct cred *new);
/* Drop a prepared copy that is not going to be committed. */
void abort_creds(struct cred *new);

/* Does current have capability @cap? (Linux's capable(), without auditing.) */
bool capable(int cap);
/* Is @grp current's fsgid or one of its supplementary groups? */
bool in_group_p(gid_t grp);
/* Is @grp current's egid or one of its supplementary groups? */
bool in_egroup_p(gid_t grp);
bool groups_search(const struct group_info *gi, gid_t grp);

struct group_info *groups_alloc(int ngroups);
void groups_sort(struct group_info *gi);
static inline void get_group_info(struct group_info *gi)
{
	atomic_inc(&gi->usage);
}
void put_group_info(struct group_info *gi);

/* fork: the child shares the parent's credentials (one more reference). */
int copy_creds(struct task_struct *p);
void exit_creds(struct task_struct *p);

#endif /* _STARLING_CRED_H */
