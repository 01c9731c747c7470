// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hook points of the static trace events (kernel/trace/trace_sched.c): sched_switch,
 * sched_wakeup, sched_process_{fork,exec,exit} and raw_syscalls sys_enter/sys_exit, with
 * Linux 6.1's fields and print formats. Each hook is an inline test of one flag; the record
 * is built out of line only when the event is enabled.
 */
#ifndef _STARLING_TRACE_SCHED_H
#define _STARLING_TRACE_SCHED_H

#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/trace_events.h>

struct task_struct;

extern struct trace_event_call event_sched_switch, event_sched_wakeup;
extern struct trace_event_call event_sched_process_fork, event_sched_process_exec;
extern struct trace_event_call event_sched_process_exit;
extern struct trace_event_call event_sys_enter, event_sys_exit;

void __trace_sched_switch(bool preempt, struct task_struct *prev, struct task_struct *next);
void __trace_sched_wakeup(struct task_struct *p, int target_cpu);
void __trace_sched_process_fork(struct task_struct *parent, struct task_struct *child);
void __trace_sched_process_exec(struct task_struct *p, pid_t old_pid, const char *filename);
void __trace_sched_process_exit(struct task_struct *p);
void __trace_sys_enter(long id, const unsigned long args[6]);
void __trace_sys_exit(long id, long ret);

/* @preempt: the task was preempted (prev_state prints "R+"), not sleeping. */
static __always_inline void trace_sched_switch(bool preempt, struct task_struct *prev,
					       struct task_struct *next)
{
	if (unlikely(trace_event_enabled(&event_sched_switch)))
		__trace_sched_switch(preempt, prev, next);
}

static __always_inline void trace_sched_wakeup(struct task_struct *p, int target_cpu)
{
	if (unlikely(trace_event_enabled(&event_sched_wakeup)))
		__trace_sched_wakeup(p, target_cpu);
}

static __always_inline void trace_sched_process_fork(struct task_struct *parent,
						     struct task_struct *child)
{
	if (unlikely(trace_event_enabled(&event_sched_process_fork)))
		__trace_sched_process_fork(parent, child);
}

static __always_inline void trace_sched_process_exec(struct task_struct *p, pid_t old_pid,
						     const char *filename)
{
	if (unlikely(trace_event_enabled(&event_sched_process_exec)))
		__trace_sched_process_exec(p, old_pid, filename);
}

static __always_inline void trace_sched_process_exit(struct task_struct *p)
{
	if (unlikely(trace_event_enabled(&event_sched_process_exit)))
		__trace_sched_process_exit(p);
}

/* @args: the six argument registers, in the arch's syscall order. */
static __always_inline void trace_sys_enter(long id, const unsigned long args[6])
{
	if (unlikely(trace_event_enabled(&event_sys_enter)))
		__trace_sys_enter(id, args);
}

static __always_inline void trace_sys_exit(long id, long ret)
{
	if (unlikely(trace_event_enabled(&event_sys_exit)))
		__trace_sys_exit(id, ret);
}

#endif /* _STARLING_TRACE_SCHED_H */
