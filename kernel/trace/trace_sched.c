// SPDX-License-Identifier: GPL-2.0-only
/*
 * The first static trace events, with Linux 6.1's record layouts, format files and text:
 *
 *   sched:sched_switch         prev_comm prev_pid prev_prio prev_state ==> next_*
 *   sched:sched_wakeup         comm pid prio target_cpu
 *   sched:sched_process_fork   comm pid child_comm child_pid
 *   sched:sched_process_exec   filename (__data_loc) pid old_pid
 *   sched:sched_process_exit   comm pid prio
 *   raw_syscalls:sys_enter     NR (args[6])
 *   raw_syscalls:sys_exit      NR = ret
 *
 * The hooks are in <starling/trace_sched.h>; the scheduler, fork, exec, exit and the syscall
 * entry call them. prio is Linux's p->prio: 120 + nice (Starling has no real-time policies
 * and no priority inheritance, so it is always the static priority).
 */
#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/kernel.h>
#include <starling/string.h>
#include <starling/sched.h>
#include <starling/trace_events.h>
#include <starling/trace_sched.h>
#include "trace_internal.h"

#define TASK_REPORT_MAX		0x100	/* prev_state bit: preempted while runnable */
#define EXEC_FILENAME_MAX	256

/* ---- records ------------------------------------------------------------------------ */

struct sched_switch_entry {
	struct trace_entry	ent;
	char			prev_comm[TASK_COMM_LEN];
	pid_t			prev_pid;
	int			prev_prio;
	long			prev_state;
	char			next_comm[TASK_COMM_LEN];
	pid_t			next_pid;
	int			next_prio;
};

struct sched_wakeup_entry {
	struct trace_entry	ent;
	char			comm[TASK_COMM_LEN];
	pid_t			pid;
	int			prio;
	int			target_cpu;
};

struct sched_fork_entry {
	struct trace_entry	ent;
	char			parent_comm[TASK_COMM_LEN];
	pid_t			parent_pid;
	char			child_comm[TASK_COMM_LEN];
	pid_t			child_pid;
};

struct sched_exec_entry {
	struct trace_entry	ent;
	u32			filename;	/* __data_loc: length << 16 | offset */
	pid_t			pid;
	pid_t			old_pid;
	char			data[];
};

struct sched_exit_entry {
	struct trace_entry	ent;
	char			comm[TASK_COMM_LEN];
	pid_t			pid;
	int			prio;
};

struct sys_enter_entry {
	struct trace_entry	ent;
	long			id;
	unsigned long		args[6];
};

struct sys_exit_entry {
	struct trace_entry	ent;
	long			id;
	long			ret;
};

#define FIELD(st, f, t, sgn) {							\
	.name = #f, .type = t, .offset = offsetof(st, f),			\
	.size = sizeof(((st *)0)->f), .is_signed = sgn }

static const struct filter_field switch_fields[] = {
	FIELD(struct sched_switch_entry, prev_comm, "char[16]", true),
	FIELD(struct sched_switch_entry, prev_pid, "pid_t", true),
	FIELD(struct sched_switch_entry, prev_prio, "int", true),
	FIELD(struct sched_switch_entry, prev_state, "long", true),
	FIELD(struct sched_switch_entry, next_comm, "char[16]", true),
	FIELD(struct sched_switch_entry, next_pid, "pid_t", true),
	FIELD(struct sched_switch_entry, next_prio, "int", true),
};

static const struct filter_field wakeup_fields[] = {
	FIELD(struct sched_wakeup_entry, comm, "char[16]", true),
	FIELD(struct sched_wakeup_entry, pid, "pid_t", true),
	FIELD(struct sched_wakeup_entry, prio, "int", true),
	FIELD(struct sched_wakeup_entry, target_cpu, "int", true),
};

static const struct filter_field fork_fields[] = {
	FIELD(struct sched_fork_entry, parent_comm, "char[16]", true),
	FIELD(struct sched_fork_entry, parent_pid, "pid_t", true),
	FIELD(struct sched_fork_entry, child_comm, "char[16]", true),
	FIELD(struct sched_fork_entry, child_pid, "pid_t", true),
};

static const struct filter_field exec_fields[] = {
	FIELD(struct sched_exec_entry, filename, "__data_loc char[]", true),
	FIELD(struct sched_exec_entry, pid, "pid_t", true),
	FIELD(struct sched_exec_entry, old_pid, "pid_t", true),
};

static const struct filter_field exit_fields[] = {
	FIELD(struct sched_exit_entry, comm, "char[16]", true),
	FIELD(struct sched_exit_entry, pid, "pid_t", true),
	FIELD(struct sched_exit_entry, prio, "int", true),
};

static const struct filter_field sys_enter_fields[] = {
	FIELD(struct sys_enter_entry, id, "long", true),
	FIELD(struct sys_enter_entry, args, "unsigned long[6]", false),
};

static const struct filter_field sys_exit_fields[] = {
	FIELD(struct sys_exit_entry, id, "long", true),
	FIELD(struct sys_exit_entry, ret, "long", true),
};

#define STATE_MASK	"((((0x00000000 | 0x00000001 | 0x00000002 | 0x00000004 | 0x00000008 | " \
			"0x00000010 | 0x00000020 | 0x00000040) + 1) << 1) - 1)"
#define STATE_MAX	"(((0x00000000 | 0x00000001 | 0x00000002 | 0x00000004 | 0x00000008 | " \
			"0x00000010 | 0x00000020 | 0x00000040) + 1) << 1)"

static const char switch_fmt[] =
	"\"prev_comm=%s prev_pid=%d prev_prio=%d prev_state=%s%s ==> next_comm=%s next_pid=%d "
	"next_prio=%d\", REC->prev_comm, REC->prev_pid, REC->prev_prio, (REC->prev_state & "
	STATE_MASK ") ? __print_flags(REC->prev_state & " STATE_MASK ", \"|\", "
	"{ 0x00000001, \"S\" }, { 0x00000002, \"D\" }, { 0x00000004, \"T\" }, "
	"{ 0x00000008, \"t\" }, { 0x00000010, \"X\" }, { 0x00000020, \"Z\" }, "
	"{ 0x00000040, \"P\" }, { 0x00000080, \"I\" }) : \"R\", REC->prev_state & "
	STATE_MAX " ? \"+\" : \"\", REC->next_comm, REC->next_pid, REC->next_prio";

/* ---- printing --------------------------------------------------------------------------- */

static int print_state(long state, char *buf, size_t size)
{
	static const char letters[] = "SDTtXZPI";
	size_t len = 0;
	unsigned int i;

	if (!(state & (TASK_REPORT_MAX - 1)))
		len = snprintf(buf, size, "R");
	for (i = 0; i < 8; i++) {
		if (!(state & (1L << i)))
			continue;
		len += snprintf(len < size ? buf + len : NULL, len < size ? size - len : 0,
				"%s%c", len ? "|" : "", letters[i]);
	}
	if (state & TASK_REPORT_MAX)
		len += snprintf(len < size ? buf + len : NULL, len < size ? size - len : 0, "+");
	return len;
}

static int print_switch(struct trace_event_call *call, const void *rec, unsigned int len,
			char *buf, size_t size)
{
	const struct sched_switch_entry *e = rec;
	char state[32];

	print_state(e->prev_state, state, sizeof(state));
	return snprintf(buf, size, "sched_switch: prev_comm=%.16s prev_pid=%d prev_prio=%d "
			"prev_state=%s ==> next_comm=%.16s next_pid=%d next_prio=%d\n",
			e->prev_comm, e->prev_pid, e->prev_prio, state, e->next_comm,
			e->next_pid, e->next_prio);
}

static int print_wakeup(struct trace_event_call *call, const void *rec, unsigned int len,
			char *buf, size_t size)
{
	const struct sched_wakeup_entry *e = rec;

	return snprintf(buf, size, "%s: comm=%.16s pid=%d prio=%d target_cpu=%03d\n",
			call->name, e->comm, e->pid, e->prio, e->target_cpu);
}

static int print_fork(struct trace_event_call *call, const void *rec, unsigned int len,
		      char *buf, size_t size)
{
	const struct sched_fork_entry *e = rec;

	return snprintf(buf, size, "sched_process_fork: comm=%.16s pid=%d child_comm=%.16s "
			"child_pid=%d\n", e->parent_comm, e->parent_pid, e->child_comm,
			e->child_pid);
}

static int print_exec(struct trace_event_call *call, const void *rec, unsigned int len,
		      char *buf, size_t size)
{
	const struct sched_exec_entry *e = rec;
	unsigned int off = e->filename & 0xffff, n = e->filename >> 16;
	const char *name = "";

	if (n && off + n <= len)
		name = (const char *)rec + off;
	return snprintf(buf, size, "sched_process_exec: filename=%.*s pid=%d old_pid=%d\n",
			n ? (int)n - 1 : 0, name, e->pid, e->old_pid);
}

static int print_exit(struct trace_event_call *call, const void *rec, unsigned int len,
		      char *buf, size_t size)
{
	const struct sched_exit_entry *e = rec;

	return snprintf(buf, size, "sched_process_exit: comm=%.16s pid=%d prio=%d\n", e->comm,
			e->pid, e->prio);
}

static int print_sys_enter(struct trace_event_call *call, const void *rec, unsigned int len,
			   char *buf, size_t size)
{
	const struct sys_enter_entry *e = rec;

	return snprintf(buf, size, "sys_enter: NR %ld (%lx, %lx, %lx, %lx, %lx, %lx)\n", e->id,
			e->args[0], e->args[1], e->args[2], e->args[3], e->args[4], e->args[5]);
}

static int print_sys_exit(struct trace_event_call *call, const void *rec, unsigned int len,
			  char *buf, size_t size)
{
	const struct sys_exit_entry *e = rec;

	return snprintf(buf, size, "sys_exit: NR %ld = %ld\n", e->id, e->ret);
}

/* ---- the events --------------------------------------------------------------------------- */

#define EVENT(var, sys, nm, flds, fmt, fn)					\
struct trace_event_call var = {							\
	.system = sys, .name = nm, .fields = flds, .nr_fields = ARRAY_SIZE(flds),	\
	.print_fmt = fmt, .print = fn,						\
}

EVENT(event_sched_switch, "sched", "sched_switch", switch_fields, switch_fmt, print_switch);
EVENT(event_sched_wakeup, "sched", "sched_wakeup", wakeup_fields,
      "\"comm=%s pid=%d prio=%d target_cpu=%03d\", REC->comm, REC->pid, REC->prio, "
      "REC->target_cpu", print_wakeup);
EVENT(event_sched_process_fork, "sched", "sched_process_fork", fork_fields,
      "\"comm=%s pid=%d child_comm=%s child_pid=%d\", REC->parent_comm, REC->parent_pid, "
      "REC->child_comm, REC->child_pid", print_fork);
EVENT(event_sched_process_exec, "sched", "sched_process_exec", exec_fields,
      "\"filename=%s pid=%d old_pid=%d\", __get_str(filename), REC->pid, REC->old_pid",
      print_exec);
EVENT(event_sched_process_exit, "sched", "sched_process_exit", exit_fields,
      "\"comm=%s pid=%d prio=%d\", REC->comm, REC->pid, REC->prio", print_exit);
EVENT(event_sys_enter, "raw_syscalls", "sys_enter", sys_enter_fields,
      "\"NR %ld (%lx, %lx, %lx, %lx, %lx, %lx)\", REC->id, REC->args[0], REC->args[1], "
      "REC->args[2], REC->args[3], REC->args[4], REC->args[5]", print_sys_enter);
EVENT(event_sys_exit, "raw_syscalls", "sys_exit", sys_exit_fields,
      "\"NR %ld = %ld\", REC->id, REC->ret", print_sys_exit);

static struct trace_event_call *const static_events[] = {
	&event_sched_switch, &event_sched_wakeup, &event_sched_process_fork,
	&event_sched_process_exec, &event_sched_process_exit, &event_sys_enter, &event_sys_exit,
};

/* ---- writers ---------------------------------------------------------------------------- */

static long switch_state(bool preempt, const struct task_struct *p)
{
	unsigned int s = READ_ONCE(p->state);

	if (preempt || s == TASK_RUNNING)
		return preempt ? TASK_REPORT_MAX : 0;
	if (s & TASK_NOLOAD)
		return 0x80;			/* I */
	if (s & TASK_INTERRUPTIBLE)
		return 0x01;
	if (s & TASK_UNINTERRUPTIBLE)
		return 0x02;
	if (s & __TASK_STOPPED)
		return 0x04;
	if (s & __TASK_TRACED)
		return 0x08;
	if (s & EXIT_DEAD)
		return 0x10;
	if (s & (EXIT_ZOMBIE | TASK_DEAD))
		return 0x20;
	if (s & TASK_PARKED)
		return 0x40;
	return 0;
}

static void copy_comm(char *dst, const struct task_struct *p)
{
	memcpy(dst, p->comm, TASK_COMM_LEN);
	dst[TASK_COMM_LEN - 1] = '\0';
}

/* sched_switch is written with the run-queue lock held: one preemption level is ours. */
void __trace_sched_switch(bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct trace_event_buffer fbuf;
	struct sched_switch_entry *e;

	e = trace_event_buffer_reserve_ctx(&fbuf, &event_sched_switch, sizeof(*e),
					   tracing_gen_ctx_dec());
	if (!e)
		return;
	copy_comm(e->prev_comm, prev);
	e->prev_pid = prev->pid;
	e->prev_prio = task_trace_prio(prev);
	e->prev_state = switch_state(preempt, prev);
	copy_comm(e->next_comm, next);
	e->next_pid = next->pid;
	e->next_prio = task_trace_prio(next);
	trace_event_buffer_commit(&fbuf);
	tracing_record_cmdline(next->pid, next->comm);
}

void __trace_sched_wakeup(struct task_struct *p, int target_cpu)
{
	struct trace_event_buffer fbuf;
	struct sched_wakeup_entry *e;

	e = trace_event_buffer_reserve(&fbuf, &event_sched_wakeup, sizeof(*e));
	if (!e)
		return;
	copy_comm(e->comm, p);
	e->pid = p->pid;
	e->prio = task_trace_prio(p);
	e->target_cpu = target_cpu;
	trace_event_buffer_commit(&fbuf);
}

void __trace_sched_process_fork(struct task_struct *parent, struct task_struct *child)
{
	struct trace_event_buffer fbuf;
	struct sched_fork_entry *e;

	e = trace_event_buffer_reserve(&fbuf, &event_sched_process_fork, sizeof(*e));
	if (!e)
		return;
	copy_comm(e->parent_comm, parent);
	e->parent_pid = parent->pid;
	copy_comm(e->child_comm, child);
	e->child_pid = child->pid;
	trace_event_buffer_commit(&fbuf);
	tracing_record_cmdline(child->pid, child->comm);
}

void __trace_sched_process_exec(struct task_struct *p, pid_t old_pid, const char *filename)
{
	struct trace_event_buffer fbuf;
	struct sched_exec_entry *e;
	size_t n = strnlen(filename, EXEC_FILENAME_MAX - 1) + 1;

	e = trace_event_buffer_reserve(&fbuf, &event_sched_process_exec, sizeof(*e) + n);
	if (!e)
		return;
	e->filename = (u32)n << 16 | (u32)sizeof(*e);
	e->pid = p->pid;
	e->old_pid = old_pid;
	memcpy(e->data, filename, n - 1);
	e->data[n - 1] = '\0';
	trace_event_buffer_commit(&fbuf);
}

void __trace_sched_process_exit(struct task_struct *p)
{
	struct trace_event_buffer fbuf;
	struct sched_exit_entry *e;

	e = trace_event_buffer_reserve(&fbuf, &event_sched_process_exit, sizeof(*e));
	if (!e)
		return;
	copy_comm(e->comm, p);
	e->pid = p->pid;
	e->prio = task_trace_prio(p);
	trace_event_buffer_commit(&fbuf);
}

void __trace_sys_enter(long id, const unsigned long args[6])
{
	struct trace_event_buffer fbuf;
	struct sys_enter_entry *e;

	e = trace_event_buffer_reserve(&fbuf, &event_sys_enter, sizeof(*e));
	if (!e)
		return;
	e->id = id;
	memcpy(e->args, args, sizeof(e->args));
	trace_event_buffer_commit(&fbuf);
}

void __trace_sys_exit(long id, long ret)
{
	struct trace_event_buffer fbuf;
	struct sys_exit_entry *e;

	e = trace_event_buffer_reserve(&fbuf, &event_sys_exit, sizeof(*e));
	if (!e)
		return;
	e->id = id;
	e->ret = ret;
	trace_event_buffer_commit(&fbuf);
}

int trace_sched_events_init(void)
{
	unsigned int i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(static_events); i++) {
		ret = trace_add_event_call(static_events[i]);
		if (ret)
			return ret;
	}
	return 0;
}
