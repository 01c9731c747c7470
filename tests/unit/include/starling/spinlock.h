/* Host shim of <starling/spinlock.h>: a real spinning lock on host atomics. */
#ifndef _STARLING_SPINLOCK_H
#define _STARLING_SPINLOCK_H
#include <starling/compiler.h>
typedef struct spinlock { int locked; const char *name; } spinlock_t;
typedef spinlock_t raw_spinlock_t;
#define __SPIN_LOCK_UNLOCKED(n)	{ .locked = 0, .name = #n }
#define DEFINE_SPINLOCK(n)	spinlock_t n = __SPIN_LOCK_UNLOCKED(n)
#define DEFINE_RAW_SPINLOCK(n)	DEFINE_SPINLOCK(n)
static inline void __spin_lock_init(spinlock_t *l, const char *name) { l->locked = 0; l->name = name; }
#define spin_lock_init(l)	__spin_lock_init((l), #l)
#define raw_spin_lock_init(l)	__spin_lock_init((l), #l)
static inline void spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
			;
}
static inline void spin_unlock(spinlock_t *l) { __atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE); }
static inline bool spin_trylock(spinlock_t *l) { return !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE); }
#define spin_lock_irqsave(l, f)		((f) = 0, spin_lock(l))
#define spin_unlock_irqrestore(l, f)	((void)(f), spin_unlock(l))
#define spin_lock_irq(l)		spin_lock(l)
#define spin_unlock_irq(l)		spin_unlock(l)
#define raw_spin_lock			spin_lock
#define raw_spin_unlock			spin_unlock
#define raw_spin_lock_irqsave		spin_lock_irqsave
#define raw_spin_unlock_irqrestore	spin_unlock_irqrestore
static inline bool spin_is_locked(const spinlock_t *l) { return __atomic_load_n(&l->locked, __ATOMIC_RELAXED); }
#define lockdep_assert_held(l)	((void)(l))
#endif
