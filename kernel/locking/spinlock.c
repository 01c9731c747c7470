// SPDX-License-Identifier: GPL-2.0-only
/*
 * Spinlocks with owner tracking. The lock word is taken by atomic exchange; the owner CPU and
 * call site are recorded so that taking a lock twice on one CPU, or releasing a lock this CPU
 * does not hold, panics with the lock's name and both call sites instead of hanging.
 */
#include <starling/spinlock.h>
#include <starling/preempt.h>
#include <starling/sched.h>
#include <starling/printk.h>
#include <starling/smp.h>
#include <asm/processor.h>

void __spin_lock_init(spinlock_t *lock, const char *name)
{
	lock->locked = 0;
	lock->owner_cpu = -1;
	lock->name = name;
	lock->owner_ip = NULL;
}

static __always_inline bool held_by_me(const spinlock_t *lock)
{
	return READ_ONCE(lock->locked) &&
	       READ_ONCE(lock->owner_cpu) == (int)raw_smp_processor_id();
}

bool __noprobe spin_held_by_me(const spinlock_t *lock)
{
	return held_by_me(lock);
}

bool __noprobe spin_is_locked(const spinlock_t *lock)
{
	return READ_ONCE(lock->locked);
}

static __always_inline void __lock(spinlock_t *lock, void *ip)
{
	if (unlikely(held_by_me(lock)))
		panic("spinlock %s: recursive lock at %pS, held since %pS", lock->name, ip,
		      lock->owner_ip);
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&lock->locked, __ATOMIC_RELAXED))
			cpu_relax();
	lock->owner_cpu = raw_smp_processor_id();
	lock->owner_ip = ip;
}

static __always_inline void __unlock(spinlock_t *lock, void *ip)
{
	if (unlikely(!held_by_me(lock)))
		panic("spinlock %s: unlock at %pS by CPU %u, owner CPU %d (locked at %pS)",
		      lock->name, ip, raw_smp_processor_id(), lock->owner_cpu, lock->owner_ip);
	lock->owner_cpu = -1;
	lock->owner_ip = NULL;
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

void __noprobe spin_lock(spinlock_t *lock)
{
	preempt_disable();
	__lock(lock, __builtin_return_address(0));
}

bool __noprobe spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE)) {
		preempt_enable_no_resched();
		return false;
	}
	lock->owner_cpu = raw_smp_processor_id();
	lock->owner_ip = __builtin_return_address(0);
	return true;
}

void __noprobe spin_unlock(spinlock_t *lock)
{
	__unlock(lock, __builtin_return_address(0));
	preempt_enable();
}

unsigned long __noprobe _spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags = arch_local_irq_save();

	preempt_disable();
	__lock(lock, __builtin_return_address(0));
	return flags;
}

void __noprobe spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	__unlock(lock, __builtin_return_address(0));
	arch_local_irq_restore(flags);
	preempt_enable();
}

void __noprobe spin_lock_irq(spinlock_t *lock)
{
	arch_local_irq_disable();
	preempt_disable();
	__lock(lock, __builtin_return_address(0));
}

void __noprobe spin_unlock_irq(spinlock_t *lock)
{
	__unlock(lock, __builtin_return_address(0));
	arch_local_irq_enable();
	preempt_enable();
}

void __lockdep_assert_failed(const spinlock_t *lock, const char *file, int line)
{
	panic("%s:%d: lock %s not held by this CPU (owner CPU %d)", file, line, lock->name,
	      lock->owner_cpu);
}
