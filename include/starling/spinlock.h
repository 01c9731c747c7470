// SPDX-License-Identifier: GPL-2.0-only
/*
 * Spinlocks that know their owner. Taking a lock this CPU already holds panics with the
 * lock's name and both call sites; releasing a lock this CPU does not hold panics.
 * spin_lock() also disables preemption; the _irqsave forms disable interrupts too.
 * raw_spinlock_t is the same type (there is no PREEMPT_RT split).
 */
#ifndef _STARLING_SPINLOCK_H
#define _STARLING_SPINLOCK_H

#include <starling/compiler.h>

typedef struct spinlock {
	int		locked;		/* 0 free, 1 held; changed by atomic exchange only */
	int		owner_cpu;	/* -1 when free */
	const char	*name;
	void		*owner_ip;	/* call site of the holder's lock() */
} spinlock_t;
typedef spinlock_t raw_spinlock_t;

#define __SPIN_LOCK_UNLOCKED(n)	{ .locked = 0, .owner_cpu = -1, .name = #n, .owner_ip = NULL }
#define DEFINE_SPINLOCK(n)	spinlock_t n = __SPIN_LOCK_UNLOCKED(n)
#define DEFINE_RAW_SPINLOCK(n)	DEFINE_SPINLOCK(n)

void __spin_lock_init(spinlock_t *lock, const char *name);
#define spin_lock_init(l)	__spin_lock_init((l), #l)
#define raw_spin_lock_init(l)	__spin_lock_init((l), #l)

void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
bool spin_trylock(spinlock_t *lock);
unsigned long _spin_lock_irqsave(spinlock_t *lock);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
bool spin_is_locked(const spinlock_t *lock);
bool spin_held_by_me(const spinlock_t *lock);	/* held, and by this CPU */
void __lockdep_assert_failed(const spinlock_t *lock, const char *file, int line);

#define spin_lock_irqsave(l, flags)	((flags) = _spin_lock_irqsave(l))
#define raw_spin_lock			spin_lock
#define raw_spin_unlock			spin_unlock
#define raw_spin_lock_irqsave		spin_lock_irqsave
#define raw_spin_unlock_irqrestore	spin_unlock_irqrestore

/* Cheap owner check, on in every build (Linux's name). */
#define lockdep_assert_held(l) do {					\
	if (unlikely(!spin_held_by_me(l)))				\
		__lockdep_assert_failed((l), __FILE__, __LINE__);	\
} while (0)

#endif /* _STARLING_SPINLOCK_H */
