// SPDX-License-Identifier: GPL-2.0-only
/*
 * The pure half of kprobe_events: a command line becomes a struct probe_spec (probe_parse.c),
 * symbols are resolved through caller-supplied lookups (probe_check()), a hit becomes an event
 * record (probe_fetch.c), and records, the format file, the read-back line and the profile row
 * become text (probe_print.c). Nothing here allocates state that outlives a call, takes a lock
 * or registers anything: trace_kprobe.c owns the event list and calls these in order
 *   probe_parse_line -> probe_check_append (existing event) -> probe_check -> commit.
 *
 * Errors follow Linux 6.1 to the byte: each rejected line names one error ID and a caret
 * column in a struct probe_log, which probe_log_format() turns into an error_log entry.
 */
#ifndef _STARLING_TRACE_PROBE_H
#define _STARLING_TRACE_PROBE_H

#include <starling/types.h>
#include <starling/compiler.h>

#define PROBE_WRITE_BUFSIZE	4096	/* one chunk of a kprobe_events write */
#define PROBE_LINE_MAX		(PROBE_WRITE_BUFSIZE - 2)	/* 4094: minus '\n' and NUL */
#define PROBE_MAX_ARGV		(PROBE_WRITE_BUFSIZE / 2)	/* words in one line */
#define PROBE_MAX_ARGS		128	/* fetch args kept; 6.1 ignores the rest */
#define PROBE_MAX_OPS		16	/* fetch instructions per arg, END included */
#define PROBE_ARG_NAME_MAX	32
#define PROBE_ARG_BODY_MAX	63
#define PROBE_GROUP_MAX		63
#define PROBE_EVENT_MAX		64
#define PROBE_DEFAULT_NAME_MAX	63	/* generated names are cut here */
#define PROBE_SYMBOL_MAX	511	/* KSYM_NAME_LEN - 1 */
#define PROBE_MAX_ARRAY		64
#define PROBE_MAX_STRING	4096	/* bytes per string fetch, NUL included */
#define PROBE_MAX_STACK		2048	/* THREAD_SIZE / sizeof(long) */
#define PROBE_MAXACTIVE_MAX	4096
#define PROBE_DEFAULT_GROUP	"kprobes"

/* Linux 6.1's messages, verbatim; the order is Linux's. */
#define PROBE_ERRORS								\
	C(NONE,			""),						\
	C(FILE_NOT_FOUND,	"Failed to find the given file"),		\
	C(NO_REGULAR_FILE,	"Not a regular file"),				\
	C(BAD_REFCNT,		"Invalid reference counter offset"),		\
	C(REFCNT_OPEN_BRACE,	"Reference counter brace is not closed"),	\
	C(BAD_REFCNT_SUFFIX,	"Reference counter has wrong suffix"),		\
	C(BAD_UPROBE_OFFS,	"Invalid uprobe offset"),			\
	C(MAXACT_NO_KPROBE,	"Maxactive is not for kprobe"),			\
	C(BAD_MAXACT,		"Invalid maxactive number"),			\
	C(MAXACT_TOO_BIG,	"Maxactive is too big"),			\
	C(BAD_PROBE_ADDR,	"Invalid probed address or symbol"),		\
	C(BAD_RETPROBE,		"Retprobe address must be an function entry"),	\
	C(BAD_ADDR_SUFFIX,	"Invalid probed address suffix"),		\
	C(NO_GROUP_NAME,	"Group name is not specified"),			\
	C(GROUP_TOO_LONG,	"Group name is too long"),			\
	C(BAD_GROUP_NAME,	"Group name must follow the same rules as C identifiers"), \
	C(NO_EVENT_NAME,	"Event name is not specified"),			\
	C(EVENT_TOO_LONG,	"Event name is too long"),			\
	C(BAD_EVENT_NAME,	"Event name must follow the same rules as C identifiers"), \
	C(EVENT_EXIST,		"Given group/event name is already used by another event"), \
	C(RETVAL_ON_PROBE,	"$retval is not available on probe"),		\
	C(BAD_STACK_NUM,	"Invalid stack number"),			\
	C(BAD_ARG_NUM,		"Invalid argument number"),			\
	C(BAD_VAR,		"Invalid $-variable specified"),		\
	C(BAD_REG_NAME,		"Invalid register name"),			\
	C(BAD_MEM_ADDR,		"Invalid memory address"),			\
	C(BAD_IMM,		"Invalid immediate value"),			\
	C(IMMSTR_NO_CLOSE,	"String is not closed with '\"'"),		\
	C(FILE_ON_KPROBE,	"File offset is not available with kprobe"),	\
	C(BAD_FILE_OFFS,	"Invalid file offset value"),			\
	C(SYM_ON_UPROBE,	"Symbol is not available with uprobe"),		\
	C(TOO_MANY_OPS,		"Dereference is too much nested"),		\
	C(DEREF_NEED_BRACE,	"Dereference needs a brace"),			\
	C(BAD_DEREF_OFFS,	"Invalid dereference offset"),			\
	C(DEREF_OPEN_BRACE,	"Dereference brace is not closed"),		\
	C(COMM_CANT_DEREF,	"$comm can not be dereferenced"),		\
	C(BAD_FETCH_ARG,	"Invalid fetch argument"),			\
	C(ARRAY_NO_CLOSE,	"Array is not closed"),				\
	C(BAD_ARRAY_SUFFIX,	"Array has wrong suffix"),			\
	C(BAD_ARRAY_NUM,	"Invalid array size"),				\
	C(ARRAY_TOO_BIG,	"Array number is too big"),			\
	C(BAD_TYPE,		"Unknown type is specified"),			\
	C(BAD_STRING,		"String accepts only memory argument"),		\
	C(BAD_SYMSTRING,	"Symbol String doesn't accept data/userdata"),	\
	C(BAD_BITFIELD,		"Invalid bitfield"),				\
	C(ARG_NAME_TOO_LONG,	"Argument name is too long"),			\
	C(NO_ARG_NAME,		"Argument name is not specified"),		\
	C(BAD_ARG_NAME,		"Argument name must follow the same rules as C identifiers"), \
	C(USED_ARG_NAME,	"This argument name is already used"),		\
	C(ARG_TOO_LONG,		"Argument expression is too long"),		\
	C(NO_ARG_BODY,		"No argument expression"),			\
	C(BAD_INSN_BNDRY,	"Probe point is not an instruction boundary"),	\
	C(FAIL_REG_PROBE,	"Failed to register probe event"),		\
	C(DIFF_PROBE_TYPE,	"Probe type is different from existing probe"),	\
	C(DIFF_ARG_TYPE,	"Argument type or name is different from existing probe"), \
	C(SAME_PROBE,		"There is already the exact same probe event"),	\
	C(NO_EVENT_INFO,	"This requires both group and event name to attach"), \
	C(BAD_ATTACH_EVENT,	"Attached event does not exist"),		\
	C(BAD_ATTACH_ARG,	"Attached event does not have this field"),	\
	C(NO_EP_FILTER,		"No filter rule after 'if'"),			\
	C(NON_UNIQ_SYMBOL,	"The symbol is not unique"),

#define C(id, msg)	PROBE_ERR_##id
enum probe_error { PROBE_ERRORS PROBE_ERR_MAX };
#undef C

/*
 * One rejected command. err is PROBE_ERR_NONE until the first probe_log_err(); later calls
 * keep the first error, as a parse stops there anyway. silent marks a rejection that Linux
 * reports with EINVAL alone, no error_log entry (bad command letter, "p" alone, a uprobe-looking
 * location, "$comm:u32").
 */
struct probe_log {
	enum probe_error err;
	bool		silent;
	unsigned int	index;		/* argv word; >= argc means "after the last word" */
	unsigned int	offset;		/* byte inside that word */
	unsigned int	pos;		/* caret column in cmd */
	char		cmd[PROBE_WRITE_BUFSIZE];	/* argv joined by single spaces */
};

enum probe_kind {
	PROBE_KIND_NONE,		/* blank or comment-only line: nothing to do */
	PROBE_KIND_KPROBE,
	PROBE_KIND_KRETPROBE,
	PROBE_KIND_DELETE,		/* -:[GRP/]EVENT [LOCATION [ARGS]] */
};

/* Argument types (3.10); a bitfield uses the uN type of its container. */
enum probe_type {
	PROBE_TYPE_U8, PROBE_TYPE_U16, PROBE_TYPE_U32, PROBE_TYPE_U64,
	PROBE_TYPE_S8, PROBE_TYPE_S16, PROBE_TYPE_S32, PROBE_TYPE_S64,
	PROBE_TYPE_X8, PROBE_TYPE_X16, PROBE_TYPE_X32, PROBE_TYPE_X64,
	PROBE_TYPE_STRING, PROBE_TYPE_USTRING, PROBE_TYPE_SYMSTR, PROBE_TYPE_SYMBOL,
	PROBE_TYPE_MAX,
};

enum fetch_op_code {
	FETCH_OP_NONE,
	FETCH_OP_REG,		/* param: pt_regs byte offset */
	FETCH_OP_STACK,		/* param: N of $stackN */
	FETCH_OP_STACKP,	/* $stack */
	FETCH_OP_RETVAL,
	FETCH_OP_COMM,
	FETCH_OP_ARG,		/* param: N - 1 of $argN */
	FETCH_OP_IMM,		/* imm */
	FETCH_OP_DATA,		/* immediate string: text[param .. param + len) of the arg */
	FETCH_OP_SYMBOL,	/* @SYM[+-OFFS]: text as DATA; imm once probe_check() resolved */
	FETCH_OP_DEREF,		/* kernel memory at value + offset */
	FETCH_OP_UDEREF,	/* user memory at value + offset */
};

enum fetch_store {
	FETCH_ST_RAW,		/* the value itself, cut to the type size */
	FETCH_ST_MEM,		/* the last deref reads the type size (array: N of them) */
	FETCH_ST_UMEM,
	FETCH_ST_STRING,	/* NUL-terminated kernel string */
	FETCH_ST_USTRING,	/* user string */
	FETCH_ST_SYMSTR,	/* the value, symbolized into a string */
};

struct fetch_op {
	u8		op;		/* enum fetch_op_code */
	u8		len;		/* DATA, SYMBOL: text length */
	u16		param;
	long		offset;		/* DEREF, UDEREF */
	unsigned long	imm;		/* IMM; SYMBOL after resolution */
};

struct fetch_spec {
	char		name[PROBE_ARG_NAME_MAX + 1];
	char		text[PROBE_ARG_BODY_MAX + 1];	/* body as written, type suffix kept */
	u8		type;		/* enum probe_type */
	u8		store;		/* enum fetch_store */
	u8		nops;		/* ops[0] is the base, the rest derefs */
	bool		absorb;		/* the last deref is the store's own memory access */
	bool		bitfield;
	u8		bf_lshift, bf_rshift;
	u8		count;		/* array elements, 0 = scalar */
	u32		offset;		/* field offset in the record */
	u32		size;		/* field size: elem size * max(count, 1) */
	struct fetch_op	ops[PROBE_MAX_OPS];
};

struct probe_spec {
	u8		kind;		/* enum probe_kind */
	bool		has_symbol;	/* else addr is an absolute address */
	bool		fentry;		/* symbol+0: a function entry */
	bool		deferred;	/* MOD:SYM with the module not loaded */
	bool		sym_too_long;	/* longer than any kallsyms name: cannot resolve */
	bool		group_given, event_given;
	unsigned int	maxactive;	/* 0 = default */
	char		group[PROBE_GROUP_MAX + 1];
	char		event[PROBE_EVENT_MAX + 1];
	char		symbol[PROBE_SYMBOL_MAX + 1];	/* as written, MOD: kept, no +OFFS */
	unsigned long	offset;
	unsigned long	addr;		/* MEMADDR, or symbol + offset after probe_check() */
	unsigned int	nargs;
	/* $argN needs a function entry; where the first one was, for probe_check() */
	int		arg_var_index, arg_var_offset;
	u32		fixed_size;	/* bytes of the record before string data */
	/* argv, each word NUL-terminated at argv_off[i] in words[] */
	unsigned int	argc;
	u16		argv_off[PROBE_MAX_ARGV];
	char		words[PROBE_WRITE_BUFSIZE];
	struct fetch_spec args[PROBE_MAX_ARGS];
};

static inline const char *probe_argv(const struct probe_spec *spec, unsigned int i)
{
	return spec->words + spec->argv_off[i];
}

static inline bool probe_is_return(const struct probe_spec *spec)
{
	return spec->kind == PROBE_KIND_KRETPROBE;
}

/* ---- probe_parse.c ---------------------------------------------------------------- */

const char *probe_err_text(enum probe_error err);
void probe_log_err(struct probe_log *log, const struct probe_spec *spec, unsigned int index,
		   unsigned int offset, enum probe_error err);
int probe_log_format(const struct probe_log *log, u64 ts_ns, char *buf, size_t size);

int probe_parse_line(const char *line, struct probe_spec *spec, struct probe_log *log);
int probe_run_lines(const char *buf, size_t count, int (*fn)(void *ctx, char *line),
		    void *ctx);

struct probe_sym_ops {
	/* @name as written ("sym", "mod:sym"): 0, -ENOENT, or -EADDRNOTAVAIL if not unique */
	int (*lookup)(void *priv, const char *name, unsigned long *addr);
	/* optional: is module @mod loaded? NULL means no modules exist */
	bool (*module_loaded)(void *priv, const char *mod);
	/* optional: can @addr be probed? 0, -EILSEQ (mid-instruction), -EINVAL, ... */
	int (*check_addr)(void *priv, unsigned long addr);
	void *priv;
};
int probe_check(struct probe_spec *spec, const struct probe_sym_ops *ops, struct probe_log *log);
int probe_check_append(const struct probe_spec *spec, const struct probe_spec *const *probes,
		       size_t n, struct probe_log *log);
bool probe_match_delete(const struct probe_spec *del, const struct probe_spec *probe);

/* ---- probe_fetch.c ---------------------------------------------------------------- */

/* Everything a hit needs from the outside; faulting reads return -EFAULT. */
struct probe_fetch_ops {
	int (*read_kernel)(void *priv, void *dst, unsigned long src, size_t len);
	int (*read_user)(void *priv, void *dst, unsigned long src, size_t len);
	const char *(*comm)(void *priv);
	/* "sym+0xoff/0xsize" (with_offset) or "sym"; length, or -1 when unknown */
	int (*symbolize)(void *priv, unsigned long addr, bool with_offset, char *buf,
			 size_t size);
};

struct probe_fetch_ctx {
	const struct probe_fetch_ops *ops;
	void		*priv;
	const void	*regs;		/* struct pt_regs, read at arch byte offsets */
	unsigned long	ip;		/* kprobe: probed address; kretprobe: function */
	unsigned long	ret_ip;		/* kretprobe: return address */
};

#define PROBE_COMMON_SIZE	8	/* common_type, flags, preempt_count, pid */

ssize_t probe_record_size(const struct probe_spec *spec, const struct probe_fetch_ctx *ctx);
ssize_t probe_record_fill(const struct probe_spec *spec, const struct probe_fetch_ctx *ctx,
			  void *rec, size_t size);

/* ---- probe_print.c ---------------------------------------------------------------- */

int probe_print_record(const struct probe_spec *spec, const char *event, const void *rec,
		       size_t len, const struct probe_fetch_ctx *sym, bool sym_addr,
		       char *buf, size_t size);
int probe_format_text(const struct probe_spec *spec, const char *event, int id, char *buf,
		      size_t size);
int probe_print_fmt(const struct probe_spec *spec, char *buf, size_t size);
int probe_readback_line(const struct probe_spec *spec, const char *group, const char *event,
			unsigned int default_maxactive, char *buf, size_t size);
int probe_profile_line(const char *event, unsigned long hits, unsigned long misses, char *buf,
		       size_t size);
unsigned int probe_default_maxactive(unsigned int nr_possible_cpus);

/* An unsigned value of @size bytes (1, 2, 4 or 8) at @src, which may be unaligned. */
static inline u64 probe_load_uint(const void *src, unsigned int size)
{
	u8 b8;
	u16 b16;
	u32 b32;
	u64 b64;

	switch (size) {
	case 1:
		__builtin_memcpy(&b8, src, 1);
		return b8;
	case 2:
		__builtin_memcpy(&b16, src, 2);
		return b16;
	case 4:
		__builtin_memcpy(&b32, src, 4);
		return b32;
	default:
		__builtin_memcpy(&b64, src, 8);
		return b64;
	}
}

#endif /* _STARLING_TRACE_PROBE_H */
