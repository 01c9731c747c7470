// SPDX-License-Identifier: GPL-2.0-only
/*
 * Trace event filters (kernel/trace/trace_events_filter.c): the expression language written
 * to events/<grp>/<ev>/filter and events/<grp>/filter, compiled once per write into a
 * branch program and run against each record without re-parsing.
 *
 * The compiler is pure: it reads the event's field table and the expression, allocates the
 * program and the text the filter file shows, and touches nothing else. Installing the
 * result (and switching filtering on or off) is the caller's job, under its own lock.
 */
#ifndef _STARLING_TRACE_FILTER_H
#define _STARLING_TRACE_FILTER_H

#include <starling/types.h>

/* Longest quoted string value, as in Linux (the limit is len >= MAX_FILTER_STR_VAL). */
#define MAX_FILTER_STR_VAL	256
/* comm is compared as a zero-padded char[TASK_COMM_LEN], as Linux does. */
#define FILTER_COMM_LEN		16

/* Linux 6.1's filter messages, in Linux's order (the index is the error type). */
#define FILTER_ERRORS								\
	C(NONE,			"No error"),					\
	C(INVALID_OP,		"Invalid operator"),				\
	C(TOO_MANY_OPEN,	"Too many '('"),				\
	C(TOO_MANY_CLOSE,	"Too few '('"),					\
	C(MISSING_QUOTE,	"Missing matching quote"),			\
	C(OPERAND_TOO_LONG,	"Operand too long"),				\
	C(EXPECT_STRING,	"Expecting string field"),			\
	C(EXPECT_DIGIT,		"Expecting numeric field"),			\
	C(ILLEGAL_FIELD_OP,	"Illegal operation for field type"),		\
	C(FIELD_NOT_FOUND,	"Field not found"),				\
	C(ILLEGAL_INTVAL,	"Illegal integer value"),			\
	C(BAD_SUBSYS_FILTER,	"Couldn't find or set field in one of a subsystem's events"), \
	C(TOO_MANY_PREDS,	"Too many terms in predicate expression"),	\
	C(INVALID_FILTER,	"Meaningless filter expression"),		\
	C(IP_FIELD_ONLY,	"Only 'ip' field is supported for function trace"), \
	C(INVALID_VALUE,	"Invalid value (did you forget quotes)?"),	\
	C(ERRNO,		"Error"),					\
	C(NO_FILTER,		"No filter found"),

#define C(id, msg)	FILT_ERR_##id
enum filter_error { FILTER_ERRORS FILT_ERR_MAX };
#undef C

/* How a field is compared; filter_assign_type() derives it from the C type string. */
enum filter_type {
	FILTER_OTHER = 0,	/* numeric, by size and signedness */
	FILTER_STATIC_STRING,	/* char name[N] inside the record */
	FILTER_DYN_STRING,	/* __data_loc char[]: u32, low 16 bits offset, high 16 length */
	FILTER_RDYN_STRING,	/* __rel_loc char[]: offset counted from the end of the u32 */
	FILTER_PTR_STRING,	/* char * / const char *: pointer to a NUL-terminated string */
	FILTER_COMM,		/* generic comm/COMM: the current task's name */
	FILTER_CPU,		/* generic cpu/CPU/common_cpu: the current CPU number */
};

/* One field of an event, as its format file lists it. */
struct filter_field {
	const char	*name;
	const char	*type;		/* "u32", "int", "char[16]", "__data_loc char[]", ... */
	unsigned int	offset;
	unsigned int	size;
	bool		is_signed;
};

/*
 * What a filter can name. Lookup order is Linux's: the event's own fields, then the generic
 * cpu/CPU/common_cpu and comm/COMM, then the common fields (NULL common means
 * filter_common_fields[], the four Linux 6.1 common_* fields).
 */
struct filter_event {
	const struct filter_field *fields;
	unsigned int		nr_fields;
	const struct filter_field *common;
	unsigned int		nr_common;
};

extern const struct filter_field filter_common_fields[];
extern const unsigned int filter_nr_common_fields;

/* The first error of one compile: type (FILT_ERR_*, or a negative errno) and column. */
struct filter_parse_error {
	int	lasterr;
	int	lasterr_pos;
};

struct filter_pred;

/*
 * A compiled filter. filter_string is what the filter file shows (without the final "\n"):
 * the expression, or after a failed compile the expression, the caret line and
 * "parse_error: <message>". prog is NULL when the compile failed: filtering is off.
 */
struct event_filter {
	char			*filter_string;
	struct filter_pred	*prog;		/* nr_preds entries, run in order */
	int			nr_preds;
	char			*pool;		/* string patterns */
};

/*
 * Per-record evaluation context. fetch_str reads the NUL-terminated string at @addr (user
 * memory when @user, for FIELD.ustring) into a buffer the callback owns (per-CPU in the
 * kernel) and returns it with its length (without the NUL) in *len, or NULL on a fault.
 * record_size bounds __data_loc/__rel_loc strings; 0 means unknown (not checked).
 */
struct filter_ctx {
	int		cpu;
	const char	*comm;
	size_t		record_size;
	const char	*(*fetch_str)(const struct filter_ctx *ctx, unsigned long addr,
				      bool user, unsigned int *len);
	void		*priv;
};

/* Per-event slot for filter_apply_group(). */
struct filter_group_member {
	const struct filter_event *event;
	bool			replace;	/* out: install filter (NULL: none) */
	struct event_filter	*filter;	/* out: the filter to install */
	int			ret;		/* out: 0, or the event's compile error */
	struct filter_parse_error pe;		/* out: what to log for this event */
};

enum filter_group_mode {
	/*
	 * Linux 6.1 (process_system_preds): every event of the group gets the new filter;
	 * events that cannot take it get the failed filter (message BAD_SUBSYS_FILTER at
	 * column 0, filtering off) and an error_log entry. The write fails only when the
	 * group has no event at all.
	 */
	FILTER_GROUP_LINUX,
	/*
	 * Documented behaviour (events.rst, tracing-abi.md section 7): events that cannot
	 * take it keep their old filter (member filter NULL); if none can, the write fails
	 * with BAD_SUBSYS_FILTER.
	 */
	FILTER_GROUP_KEEP_OLD,
};

int filter_assign_type(const char *type);
const char *filter_err_text(int err);

int create_event_filter(const struct filter_event *event, const char *expr,
			struct event_filter **filterp, struct filter_parse_error *pe);
int filter_apply_write(const struct filter_event *event, char *buf,
		       struct event_filter **filterp, struct filter_parse_error *pe);
int filter_apply_group(char *buf, struct filter_group_member *members, unsigned int nr,
		       enum filter_group_mode mode, struct event_filter **sys_filterp,
		       struct filter_parse_error *pe);
void free_event_filter(struct event_filter *filter);

bool filter_match(const struct event_filter *filter, const void *record,
		  const struct filter_ctx *ctx);
static inline bool filter_is_active(const struct event_filter *filter)
{
	return filter && filter->prog;
}

int filter_print(const struct event_filter *filter, char *buf, size_t size);
int filter_print_subsystem(const struct event_filter *filter, char *buf, size_t size);
int filter_format_error_log(char *buf, size_t size, u64 ts_ns, const char *expr,
			    const struct filter_parse_error *pe);
void filter_log_info(const struct filter_parse_error *pe, const char **msg, int *pos);

#endif /* _STARLING_TRACE_FILTER_H */
