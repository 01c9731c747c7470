// SPDX-License-Identifier: GPL-2.0-only
/*
 * Credentials: reference-counted, copy-on-write struct cred (see <starling/cred.h>). A task
 * with process state points at its cred from task_proc->cred; kernel threads use init_cred.
 * Published creds are never modified: setuid() and friends prepare_creds() a copy, change
 * it and commit_creds() it, so readers need no lock beyond holding a reference or being
 * the task itself.
 */
#include <starling/cred.h>
#include <starling/signal.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/kernel.h>
#include <starling/printk.h>

struct group_info init_groups = {
	.usage = ATOMIC_INIT(2),
	.ngroups = 0,
};

struct cred init_cred = {
	.usage = ATOMIC_INIT(4),
	.cap_effective = CAP_FULL_SET,
	.group_info = &init_groups,
};

/**
 * task_cred() - the credentials of a task
 * @p: the task
 *
 * Return: @p's cred, or &init_cred for a kernel thread. No reference is taken.
 */
const struct cred *task_cred(const struct task_struct *p)
{
	struct task_proc *tp = task_proc(p);

	return tp && tp->cred ? tp->cred : &init_cred;
}

/**
 * current_cred() - current's credentials
 *
 * Return: the cred; valid until current commits new ones.
 */
const struct cred *current_cred(void)
{
	return task_cred(current);
}

void __put_cred(struct cred *cred)
{
	if (WARN_ON_ONCE(cred == &init_cred))
		return;
	put_group_info(cred->group_info);
	kfree(cred);
}

/**
 * groups_alloc() - a group list with room for @ngroups ids
 * @ngroups: the count
 *
 * Return: the list (one reference), or NULL.
 */
struct group_info *groups_alloc(int ngroups)
{
	struct group_info *gi = kzalloc(sizeof(*gi) + ngroups * sizeof(gid_t), GFP_KERNEL);

	if (!gi)
		return NULL;
	atomic_set(&gi->usage, 1);
	gi->ngroups = ngroups;
	return gi;
}

void put_group_info(struct group_info *gi)
{
	if (gi != &init_groups && atomic_dec_and_test(&gi->usage))
		kfree(gi);
	else if (gi == &init_groups)
		atomic_dec(&gi->usage);
}

/* Insertion sort: group lists are short. */
void groups_sort(struct group_info *gi)
{
	for (int i = 1; i < gi->ngroups; i++) {
		gid_t g = gi->gid[i];
		int j = i;

		for (; j > 0 && gi->gid[j - 1] > g; j--)
			gi->gid[j] = gi->gid[j - 1];
		gi->gid[j] = g;
	}
}

bool groups_search(const struct group_info *gi, gid_t grp)
{
	int lo = 0, hi = gi ? gi->ngroups : 0;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (gi->gid[mid] == grp)
			return true;
		if (gi->gid[mid] < grp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/**
 * prepare_creds() - a private copy of current's credentials to modify
 *
 * Return: the copy (usage 1), or NULL when memory is short.
 */
struct cred *prepare_creds(void)
{
	const struct cred *old = current_cred();
	struct cred *new = kmalloc(sizeof(*new), GFP_KERNEL);

	if (!new)
		return NULL;
	*new = *old;
	atomic_set(&new->usage, 1);
	get_group_info(new->group_info);
	return new;
}

/*
 * Linux's capability rules without file capabilities: a non-zero euid has none; euid 0
 * has all; fsuid away from 0 drops the filesystem set.
 */
static void cred_fix_caps(struct cred *new)
{
	if (new->euid == 0)
		new->cap_effective = CAP_FULL_SET;
	else
		new->cap_effective = 0;
	if (new->fsuid != 0)
		new->cap_effective &= ~(u64)CAP_FS_MASK;
	else if (new->euid == 0 || new->uid == 0)
		new->cap_effective |= CAP_FS_MASK;
}

/**
 * commit_creds() - install @new as current's credentials
 * @new: from prepare_creds(); the reference passes to current
 *
 * Return: 0.
 */
int commit_creds(struct cred *new)
{
	struct task_proc *tp = task_proc(current);
	const struct cred *old;

	cred_fix_caps(new);
	if (!tp) {
		put_cred(new);
		return 0;
	}
	old = tp->cred;
	WRITE_ONCE(tp->cred, new);
	put_cred(old);
	return 0;
}

void abort_creds(struct cred *new)
{
	put_cred(new);
}

/**
 * capable() - does current hold capability @cap?
 * @cap: CAP_*
 *
 * Return: true if it does.
 */
bool capable(int cap)
{
	if (cap < 0 || cap > CAP_LAST_CAP)
		return false;
	return current_cred()->cap_effective & (1ULL << cap);
}

bool in_group_p(gid_t grp)
{
	const struct cred *c = current_cred();

	return grp == c->fsgid || groups_search(c->group_info, grp);
}

bool in_egroup_p(gid_t grp)
{
	const struct cred *c = current_cred();

	return grp == c->egid || groups_search(c->group_info, grp);
}

/* fork: the child starts with the parent's credentials. */
int copy_creds(struct task_struct *p)
{
	task_proc(p)->cred = get_cred(current_cred());
	return 0;
}

void exit_creds(struct task_struct *p)
{
	struct task_proc *tp = task_proc(p);

	if (tp && tp->cred) {
		put_cred(tp->cred);
		tp->cred = NULL;
	}
}
