// SPDX-License-Identifier: GPL-2.0-only
/*
 * Circular doubly linked lists with a sentinel head, in Linux's shape: a struct list_head is
 * embedded in each element and list_entry() (container_of) gets back to the element. An
 * element that is on no list points at itself (INIT_LIST_HEAD, list_del_init), so
 * list_empty() on the element's own node says "not queued". No locking: every user says
 * which lock guards its list.
 */
#ifndef _STARLING_LIST_H
#define _STARLING_LIST_H

#include <starling/compiler.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name)	{ &(name), &(name) }
#define LIST_HEAD(name)		struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	WRITE_ONCE(list->next, list);
	list->prev = list;
}

static inline void __list_add(struct list_head *new, struct list_head *prev,
			      struct list_head *next)
{
	next->prev = new;
	new->next = next;
	new->prev = prev;
	WRITE_ONCE(prev->next, new);
}

/* Insert @new right after @head (stack order). */
static inline void list_add(struct list_head *new, struct list_head *head)
{
	__list_add(new, head, head->next);
}

/* Insert @new right before @head, that is at the tail (queue order). */
static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
	__list_add(new, head->prev, head);
}

static inline void __list_del(struct list_head *prev, struct list_head *next)
{
	next->prev = prev;
	WRITE_ONCE(prev->next, next);
}

/* Unlink @entry; it must not be used as a list afterwards (poisoned with NULL). */
static inline void list_del(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
	entry->next = NULL;
	entry->prev = NULL;
}

/* Unlink @entry and make it an empty list of its own, so list_empty(entry) is true. */
static inline void list_del_init(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
	INIT_LIST_HEAD(entry);
}

static inline void list_move_tail(struct list_head *list, struct list_head *head)
{
	__list_del(list->prev, list->next);
	list_add_tail(list, head);
}

static inline bool list_empty(const struct list_head *head)
{
	return READ_ONCE(head->next) == head;
}

static inline bool list_is_singular(const struct list_head *head)
{
	return !list_empty(head) && head->next == head->prev;
}

#define list_entry(ptr, type, member)	container_of(ptr, type, member)
#define list_first_entry(head, type, member)	list_entry((head)->next, type, member)
#define list_last_entry(head, type, member)	list_entry((head)->prev, type, member)
#define list_first_entry_or_null(head, type, member) \
	(list_empty(head) ? NULL : list_first_entry(head, type, member))
#define list_next_entry(pos, member) \
	list_entry((pos)->member.next, __typeof__(*(pos)), member)

#define list_for_each(pos, head) \
	for ((pos) = (head)->next; (pos) != (head); (pos) = (pos)->next)

#define list_for_each_entry(pos, head, member)					\
	for ((pos) = list_first_entry(head, __typeof__(*(pos)), member);	\
	     &(pos)->member != (head);						\
	     (pos) = list_next_entry(pos, member))

/* Safe against removal of the current entry: @n holds the next one. */
#define list_for_each_entry_safe(pos, n, head, member)				\
	for ((pos) = list_first_entry(head, __typeof__(*(pos)), member),	\
	     (n) = list_next_entry(pos, member);				\
	     &(pos)->member != (head);						\
	     (pos) = (n), (n) = list_next_entry(n, member))

#endif /* _STARLING_LIST_H */
