// SPDX-License-Identifier: GPL-2.0-only
/*
 * Trace event filters: compile the text written to an event's (or a group's) filter file
 * into a branch program once, then run that program against every record. Pure: the
 * compiler only reads the field table and the expression; installing the result, the
 * error_log and locking belong to the tracefs layer.
 *
 *   expr   := term { ("&&" | "||") term } [ "&&" | "||" ]     (a trailing operator is ignored)
 *   term   := { "!" } ( "(" expr ")" | pred )
 *   pred   := FIELD[".ustring"] OP VALUE
 *   OP     := "~" | "!=" | "==" | "<=" | "<" | ">=" | ">" | "&"      (tried in this order)
 *   VALUE  := ["-"]alnum...  (kstrto{u}ll, base 0)  |  '...'  |  "..."
 *
 * "&&" binds tighter than "||". Errors follow Linux 6.1 exactly, including its columns:
 * a pre-scan reports quotes and parentheses, then a left-to-right scan reports everything
 * else. Inside a predicate Linux counts columns from one past the predicate's first
 * character, so "Field not found" lands on the operator after "name ".
 *
 * The program: '!' is pushed down to the predicates (De Morgan), the &&/|| tree is built
 * with an operator stack, and each predicate i gets two forward jumps, taken when it is
 * true or false. Index nr_preds means "match", nr_preds + 1 "no match". Evaluation is a
 * loop with no recursion and no allocation.
 */
#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/errno.h>
#include <starling/kernel.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/trace_filter.h>

enum filter_op { OP_GLOB, OP_NE, OP_EQ, OP_LE, OP_LT, OP_GE, OP_GT, OP_BAND, OP_MAX };

/* Prefix-matched in this order, so "<=" is tried before "<". */
static const char *const filter_ops[OP_MAX] = {
	[OP_GLOB]	= "~",
	[OP_NE]		= "!=",
	[OP_EQ]		= "==",
	[OP_LE]		= "<=",
	[OP_LT]		= "<",
	[OP_GE]		= ">=",
	[OP_GT]		= ">",
	[OP_BAND]	= "&",
};

#define C(id, msg)	msg
static const char *const filter_err_texts[] = { FILTER_ERRORS };
#undef C

#define DEFAULT_SYS_FILTER_MESSAGE						\
	"### global filter ###\n"						\
	"# Use this to set filters for multiple events.\n"			\
	"# Only events with the given fields will be affected.\n"		\
	"# If no events are modified, an error message will be displayed here\n"

#define FILTER_NUM_BUF	24	/* "0xfeedfacedeadbeef" and sign fit; longer is too long */

enum pred_kind { PRED_NUM, PRED_CPU, PRED_STR };
enum match_type { MATCH_FULL, MATCH_FRONT, MATCH_MIDDLE, MATCH_END, MATCH_GLOB };

struct filter_pred {
	u8		kind;		/* enum pred_kind */
	u8		op;		/* enum filter_op */
	u8		str_type;	/* enum filter_type, for PRED_STR */
	u8		match;		/* enum match_type, for PRED_STR */
	bool		is_signed;
	bool		not;		/* "!=", or a glob starting with '!' */
	bool		invert;		/* odd number of '!' in scope */
	bool		user;		/* FIELD.ustring on a pointer */
	unsigned int	offset;
	unsigned int	size;
	u64		val;
	const char	*pattern;	/* NUL-terminated, in event_filter.pool */
	unsigned int	pattern_len;
	int		on_true;	/* next predicate when this one is true */
	int		on_false;
};

const struct filter_field filter_common_fields[] = {
	{ .name = "common_type", .type = "unsigned short", .offset = 0, .size = 2 },
	{ .name = "common_flags", .type = "unsigned char", .offset = 2, .size = 1 },
	{ .name = "common_preempt_count", .type = "unsigned char", .offset = 3, .size = 1 },
	{ .name = "common_pid", .type = "int", .offset = 4, .size = 4, .is_signed = true },
};
const unsigned int filter_nr_common_fields = ARRAY_SIZE(filter_common_fields);

static const struct {
	struct filter_field	field;
	enum filter_type	type;
} filter_generic_fields[] = {
	{ { .name = "CPU", .type = "int", .size = 4, .is_signed = true }, FILTER_CPU },
	{ { .name = "cpu", .type = "int", .size = 4, .is_signed = true }, FILTER_CPU },
	{ { .name = "common_cpu", .type = "int", .size = 4, .is_signed = true }, FILTER_CPU },
	{ { .name = "COMM", .type = "char *", .size = 8 }, FILTER_COMM },
	{ { .name = "comm", .type = "char *", .size = 8 }, FILTER_COMM },
};

/* Linux's <ctype.h> is Latin-1: 0xa0 is a space, 0xc0-0xff (but 0xd7, 0xf7) are letters. */
static bool filt_isspace(char ch)
{
	unsigned char c = ch;

	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0;
}

static bool filt_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

static bool filt_isalnum(char ch)
{
	unsigned char c = ch;

	if (filt_isdigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return true;
	return c >= 0xc0 && c != 0xd7 && c != 0xf7;
}

/* ---- compile ------------------------------------------------------------------------ */

enum { NODE_LEAF, NODE_AND, NODE_OR };
enum { STACK_AND, STACK_OR, STACK_FRAME };

struct filter_node {
	int	kind;
	int	left, right;	/* children (AND/OR) */
	int	parent;		/* -1 for the root */
	bool	is_left;	/* left child of its parent */
	int	pred;		/* LEAF: predicate index */
};

struct filter_stack_ent {
	u8	what;		/* STACK_AND, STACK_OR (as written) or STACK_FRAME for '(' */
	u8	parity;		/* '!' parity of the frame the entry belongs to */
};

/* Everything one compile needs: no file-static state. */
struct filter_parser {
	const struct filter_event *event;
	struct filter_parse_error *pe;
	struct filter_pred	*preds;
	int			nr_preds;
	int			max_preds;	/* from the pre-scan */
	char			*pool;
	size_t			pool_used;
	struct filter_node	*nodes;
	int			nr_nodes;
	int			*vals;		/* operand stack: node indexes */
	int			nr_vals;
	struct filter_stack_ent	*ops;		/* operator and '(' stack */
	int			nr_ops;
};

static void parse_error(struct filter_parse_error *pe, int err, int pos)
{
	pe->lasterr = err;
	pe->lasterr_pos = pos;
}

/**
 * filter_assign_type() - classify a field by its C type, as Linux does
 * @type: the type string of the field's format line
 *
 * Return: FILTER_DYN_STRING, FILTER_RDYN_STRING, FILTER_STATIC_STRING, FILTER_PTR_STRING or
 * FILTER_OTHER.
 */
int filter_assign_type(const char *type)
{
	if (strstr(type, "__data_loc") && strstr(type, "char"))
		return FILTER_DYN_STRING;
	if (strstr(type, "__rel_loc") && strstr(type, "char"))
		return FILTER_RDYN_STRING;
	if (strchr(type, '[') && strstr(type, "char"))
		return FILTER_STATIC_STRING;
	if (!strcmp(type, "char *") || !strcmp(type, "const char *"))
		return FILTER_PTR_STRING;
	return FILTER_OTHER;
}

static bool is_string_type(int type)
{
	return type == FILTER_STATIC_STRING || type == FILTER_DYN_STRING ||
	       type == FILTER_RDYN_STRING || type == FILTER_PTR_STRING || type == FILTER_COMM;
}

static bool name_is(const char *name, const char *s, int len)
{
	return !strncmp(name, s, len) && name[len] == '\0';
}

static const struct filter_field *find_field(const struct filter_event *ev, const char *s,
					     int len, int *type)
{
	const struct filter_field *common = ev->common ? ev->common : filter_common_fields;
	unsigned int nr_common = ev->common ? ev->nr_common : filter_nr_common_fields;
	unsigned int i;

	for (i = 0; i < ev->nr_fields; i++) {
		if (name_is(ev->fields[i].name, s, len)) {
			*type = filter_assign_type(ev->fields[i].type);
			return &ev->fields[i];
		}
	}
	for (i = 0; i < ARRAY_SIZE(filter_generic_fields); i++) {
		if (name_is(filter_generic_fields[i].field.name, s, len)) {
			*type = filter_generic_fields[i].type;
			return &filter_generic_fields[i].field;
		}
	}
	for (i = 0; i < nr_common; i++) {
		if (name_is(common[i].name, s, len)) {
			*type = filter_assign_type(common[i].type);
			return &common[i];
		}
	}
	return NULL;
}

/*
 * Pattern of a string predicate: "==" and "!=" compare whole strings; "~" takes a leading
 * '!' as negation, then picks a cheap matcher for "x", "x*", "*x", "*x*" and falls back to
 * glob_match() for anything else ('*' inside, '?', '[' or '\').
 */
static void build_match(struct filter_pred *pred, char *pat)
{
	unsigned int len = pred->pattern_len, i;
	int type = MATCH_FULL;
	char *search;

	pred->match = MATCH_FULL;
	pred->pattern = pat;
	if (pred->op != OP_GLOB)
		return;

	pred->not = pat[0] == '!';
	if (pred->not) {
		pat++;
		len--;
	}
	search = pat;
	if (!filt_isdigit(pat[0])) {	/* Linux reads a leading digit as a function index */
		for (i = 0; i < len; i++) {
			if (pat[i] == '*') {
				if (i == 0) {
					type = MATCH_END;
				} else if (i == len - 1) {
					type = type == MATCH_END ? MATCH_MIDDLE : MATCH_FRONT;
					pat[i] = '\0';
					break;
				} else {
					type = MATCH_GLOB;
					break;
				}
			} else if (pat[i] == '[' || pat[i] == '?' || pat[i] == '\\') {
				type = MATCH_GLOB;
				break;
			}
		}
		if (type != MATCH_GLOB && pat[0] == '*')
			search = pat + 1;
	}
	pred->match = type;
	pred->pattern = search;
	pred->pattern_len = strlen(search);
}

static int parse_number(const char *buf, bool is_signed, u64 *val)
{
	long long sval;
	unsigned long long uval;
	int ret;

	if (is_signed) {
		ret = kstrtoll(buf, 0, &sval);
		*val = (u64)sval;
	} else {
		ret = kstrtoull(buf, 0, &uval);
		*val = uval;
	}
	return ret;
}

/*
 * One predicate starting at @str. @pos is the column Linux reports for str[0] (one past the
 * real column). Return: the number of characters consumed, -EINVAL with a parse error, or -1
 * (no error recorded) when there is no field name at all, as Linux does.
 */
static int parse_pred(struct filter_parser *p, const char *str, int pos, struct filter_pred *pred)
{
	struct filter_parse_error *pe = p->pe;
	const struct filter_field *field;
	char num_buf[FILTER_NUM_BUF];
	int i = 0, s, len, op, ftype;
	bool ustring = false;

	while (filt_isspace(str[i]))
		i++;
	s = i;
	while (filt_isalnum(str[i]) || str[i] == '_')
		i++;
	len = i - s;
	if (!len)
		return -1;

	field = find_field(p->event, str + s, len, &ftype);
	if (!field) {
		parse_error(pe, FILT_ERR_FIELD_NOT_FOUND, pos + i);
		return -EINVAL;
	}
	if (!strncmp(str + i, ".ustring", 8)) {
		ustring = true;
		i += 8;
	}
	while (filt_isspace(str[i]))
		i++;

	for (op = 0; op < OP_MAX; op++) {
		if (!strncmp(str + i, filter_ops[op], strlen(filter_ops[op])))
			break;
	}
	if (op == OP_MAX) {
		parse_error(pe, FILT_ERR_INVALID_OP, pos + i);
		return -EINVAL;
	}
	i += strlen(filter_ops[op]);
	while (filt_isspace(str[i]))
		i++;
	s = i;

	memset(pred, 0, sizeof(*pred));
	pred->op = op;
	pred->offset = field->offset;
	pred->size = field->size;
	pred->is_signed = field->is_signed;

	if (str[i] == '\'' || str[i] == '"') {
		char q = str[i];
		char *pat;

		if (op != OP_NE && op != OP_GLOB && op != OP_EQ) {
			parse_error(pe, FILT_ERR_ILLEGAL_FIELD_OP, pos + i);
			return -EINVAL;
		}
		if (!is_string_type(ftype)) {
			parse_error(pe, FILT_ERR_EXPECT_DIGIT, pos + i);
			return -EINVAL;
		}
		for (i++; str[i] && str[i] != q; i++)
			;
		if (!str[i]) {
			parse_error(pe, FILT_ERR_MISSING_QUOTE, pos + i);
			return -EINVAL;
		}
		s++;
		len = i - s;
		if (len >= MAX_FILTER_STR_VAL) {
			parse_error(pe, FILT_ERR_OPERAND_TOO_LONG, pos + i);
			return -EINVAL;
		}
		pat = p->pool + p->pool_used;
		memcpy(pat, str + s, len);
		pat[len] = '\0';
		p->pool_used += len + 1;

		pred->kind = PRED_STR;
		pred->str_type = ftype;
		pred->user = ustring;
		pred->pattern_len = len;
		build_match(pred, pat);
		if (op == OP_NE)
			pred->not = true;
		i++;			/* past the closing quote */
	} else if (filt_isdigit(str[i]) || str[i] == '-') {
		if (is_string_type(ftype)) {
			parse_error(pe, FILT_ERR_EXPECT_STRING, pos + i);
			return -EINVAL;
		}
		if (op == OP_GLOB) {
			parse_error(pe, FILT_ERR_ILLEGAL_FIELD_OP, pos + i);
			return -EINVAL;
		}
		if (str[i] == '-')
			i++;
		while (filt_isalnum(str[i]))
			i++;
		len = i - s;
		if (len >= (int)sizeof(num_buf)) {
			parse_error(pe, FILT_ERR_OPERAND_TOO_LONG, pos + i);
			return -EINVAL;
		}
		memcpy(num_buf, str + s, len);
		num_buf[len] = '\0';
		if (parse_number(num_buf, field->is_signed, &pred->val)) {
			parse_error(pe, FILT_ERR_ILLEGAL_INTVAL, pos + s);
			return -EINVAL;
		}
		pred->kind = ftype == FILTER_CPU ? PRED_CPU : PRED_NUM;
		pred->not = op == OP_NE && ftype != FILTER_CPU;
	} else {
		parse_error(pe, FILT_ERR_INVALID_VALUE, pos + i);
		return -EINVAL;
	}
	return i;
}

/*
 * Pre-scan, as Linux's: count predicate starts (an upper bound for the scan) and the
 * deepest nesting, and report an unmatched quote, a ')' too many, or the '(' that is never
 * closed. Return: 0, or the Linux return value (-1, -2, -3) with @pe set.
 */
static int filter_prescan(const char *str, int *nr_preds, int *max_depth,
			  struct filter_parse_error *pe)
{
	int depth = 0, deepest = 0, preds = 0, quote_at = 0, level, i;
	bool in_pred = false;
	char quote = 0;

	for (i = 0; str[i]; i++) {
		char c = str[i];

		if (filt_isspace(c))
			continue;
		if (quote) {
			if (c == quote)
				quote = 0;
			continue;
		}
		if (c == '\'' || c == '"') {
			quote = c;
			quote_at = i;
		} else if (c == '&' || c == '|') {
			if (str[i + 1] == c) {	/* the second character counts on its own */
				in_pred = false;
				continue;
			}
		} else if (c == '(') {
			in_pred = false;
			if (++depth > deepest)
				deepest = depth;
			continue;
		} else if (c == ')') {
			in_pred = false;
			if (!depth) {
				parse_error(pe, FILT_ERR_TOO_MANY_CLOSE, i);
				return -1;
			}
			depth--;
			continue;
		}
		if (!in_pred) {
			preds++;
			in_pred = true;
		}
	}
	if (quote) {
		parse_error(pe, FILT_ERR_MISSING_QUOTE, quote_at);
		return -3;
	}
	if (depth) {
		/* Walk back to the innermost '(' left open; Linux never looks at column 0. */
		level = depth;
		for (i--; i > 0; i--) {
			char c = str[i];

			if (quote) {
				if (c == quote)
					quote = 0;
				continue;
			}
			if (c == '(') {
				if (level == depth)
					break;
				level--;
			} else if (c == ')') {
				level++;
			} else if (c == '\'' || c == '"') {
				quote = c;
			}
		}
		parse_error(pe, FILT_ERR_TOO_MANY_OPEN, i > 0 ? i : 0);
		return -2;
	}
	*nr_preds = preds;
	*max_depth = deepest;
	return 0;
}

static int new_node(struct filter_parser *p, int kind, int left, int right, int pred)
{
	struct filter_node *n = &p->nodes[p->nr_nodes];

	n->kind = kind;
	n->left = left;
	n->right = right;
	n->parent = -1;
	n->pred = pred;
	if (kind != NODE_LEAF) {
		p->nodes[left].parent = p->nr_nodes;
		p->nodes[left].is_left = true;
		p->nodes[right].parent = p->nr_nodes;
		p->nodes[right].is_left = false;
	}
	return p->nr_nodes++;
}

/* Pop one operator and its two operands; '!' parity turns && into || and back. */
static void reduce_one(struct filter_parser *p)
{
	struct filter_stack_ent e = p->ops[--p->nr_ops];
	int right = p->vals[--p->nr_vals];
	int left = p->vals[--p->nr_vals];
	bool is_and = (e.what == STACK_AND) != (e.parity != 0);

	p->vals[p->nr_vals++] = new_node(p, is_and ? NODE_AND : NODE_OR, left, right, -1);
}

/* Reduce the current frame's operators binding at least as tightly as @what. */
static void reduce_for(struct filter_parser *p, int what)
{
	while (p->nr_ops) {
		int top = p->ops[p->nr_ops - 1].what;

		if (top == STACK_FRAME || (what == STACK_AND && top == STACK_OR))
			break;
		reduce_one(p);
	}
}

static int leftmost_pred(const struct filter_parser *p, int node)
{
	while (p->nodes[node].kind != NODE_LEAF)
		node = p->nodes[node].left;
	return p->nodes[node].pred;
}

/* Where to go after the leaf @node evaluates to @value. */
static int next_pred(const struct filter_parser *p, int node, bool value)
{
	const struct filter_node *n = &p->nodes[node];

	while (n->parent >= 0) {
		const struct filter_node *up = &p->nodes[n->parent];

		if (n->is_left && (up->kind == NODE_AND) == value)
			return leftmost_pred(p, up->right);
		n = up;
	}
	return value ? p->nr_preds : p->nr_preds + 1;
}

/*
 * Scan the expression (after a clean pre-scan) into predicates and the &&/|| tree.
 * Return: 0, or Linux's value for the error (-EINVAL, -1, or -ENOMEM for an unclosed '('
 * before any predicate, which the pre-scan makes unreachable).
 */
static int filter_scan(struct filter_parser *p, const char *str)
{
	int ret = -ENOMEM;	/* Linux's value until a predicate has been read */
	int invert = 0, i = 0, depth = 0, node;

	for (;;) {
		char c = str[i];
		int start, len;

		if (!c)
			break;
		i++;
		if (filt_isspace(c))
			continue;
		if (c == '(') {
			p->ops[p->nr_ops++] = (struct filter_stack_ent){ STACK_FRAME, invert };
			depth++;
			continue;
		}
		if (c == '!' && str[i] != '=' && str[i] != '~') {
			invert = !invert;
			continue;
		}

		start = i - 1;
		if (p->nr_preds >= p->max_preds) {
			parse_error(p->pe, FILT_ERR_TOO_MANY_PREDS, start);
			return ret;
		}
		len = parse_pred(p, str + start, start + 1, &p->preds[p->nr_preds]);
		if (len < 0)
			return len;
		p->preds[p->nr_preds].invert = invert;
		node = new_node(p, NODE_LEAF, -1, -1, p->nr_preds++);
		p->vals[p->nr_vals++] = node;
		i = start + len;
		ret = -1;

		/* After a predicate: ')'s, then "&&", "||" or the end. */
		for (;;) {
			c = str[i++];
			if (filt_isspace(c))
				continue;
			if ((c == '&' || c == '|') && str[i] == c) {
				i++;
			} else if (c != ')' && c != '\0') {
				parse_error(p->pe, FILT_ERR_TOO_MANY_PREDS, i - 1);
				return ret;
			}
			/* Back to the parity of the enclosing '(' (every stack entry has it). */
			invert = p->nr_ops ? p->ops[p->nr_ops - 1].parity : 0;
			if (c == '&' || c == '|') {
				int what = c == '&' ? STACK_AND : STACK_OR;

				reduce_for(p, what);
				p->ops[p->nr_ops++] = (struct filter_stack_ent){ what, invert };
				break;
			}
			if (!c)
				goto out;
			if (!depth) {
				parse_error(p->pe, FILT_ERR_TOO_MANY_CLOSE, i);
				return ret;
			}
			reduce_for(p, STACK_OR);
			p->nr_ops--;		/* the '(' */
			depth--;
		}
	}
	/* Ended where a term was expected: drop a trailing "&&" or "||". */
	if (!depth && p->nr_preds && p->nr_ops)
		p->nr_ops--;
out:
	if (depth) {
		parse_error(p->pe, FILT_ERR_TOO_MANY_OPEN, i);
		return ret;
	}
	if (!p->nr_preds) {
		parse_error(p->pe, FILT_ERR_NO_FILTER, i);
		return -EINVAL;
	}
	reduce_for(p, STACK_OR);
	return 0;
}

static void render_error(struct event_filter *filter, const struct filter_parse_error *pe)
{
	const char *expr = filter->filter_string;
	size_t len = strlen(expr), size;
	int pos = pe->lasterr_pos;
	char *buf;

	if (pos > (int)len)
		pos = len;
	if (pos < 0)
		pos = 0;
	size = len * 2 + 128;
	buf = kmalloc(size, GFP_KERNEL);
	if (!buf)
		return;
	if (pe->lasterr > 0 && pe->lasterr < FILT_ERR_MAX)
		snprintf(buf, size, "%s\n%*s\nparse_error: %s\n", expr, pos ? pos + 1 : 0, "^",
			 filter_err_texts[pe->lasterr]);
	else
		snprintf(buf, size, "%s\nError: (%d)\n", expr, pe->lasterr);
	kfree(filter->filter_string);
	filter->filter_string = buf;
}

static void free_prog(struct event_filter *filter)
{
	kfree(filter->prog);
	kfree(filter->pool);
	filter->prog = NULL;
	filter->pool = NULL;
	filter->nr_preds = 0;
}

static int process_preds(const struct filter_event *event, const char *str,
			 struct event_filter *filter, struct filter_parse_error *pe)
{
	struct filter_parser p = { .event = event, .pe = pe };
	int depth, ret, i;

	ret = filter_prescan(str, &p.max_preds, &depth, pe);
	if (ret)
		return ret;
	if (!p.max_preds)
		return -EINVAL;

	ret = -ENOMEM;
	p.preds = kcalloc(p.max_preds, sizeof(*p.preds), GFP_KERNEL);
	p.pool = kmalloc(strlen(str) + 1, GFP_KERNEL);
	p.nodes = kcalloc(2 * p.max_preds, sizeof(*p.nodes), GFP_KERNEL);
	p.vals = kcalloc(p.max_preds, sizeof(*p.vals), GFP_KERNEL);
	p.ops = kcalloc(p.max_preds + depth + 1, sizeof(*p.ops), GFP_KERNEL);
	if (!p.preds || !p.pool || !p.nodes || !p.vals || !p.ops) {
		parse_error(pe, -ENOMEM, 0);
		goto out_free;
	}

	ret = filter_scan(&p, str);
	if (ret)
		goto out_free;

	for (i = 0; i < p.nr_nodes; i++) {
		if (p.nodes[i].kind != NODE_LEAF)
			continue;
		p.preds[p.nodes[i].pred].on_true = next_pred(&p, i, true);
		p.preds[p.nodes[i].pred].on_false = next_pred(&p, i, false);
	}
	filter->prog = p.preds;
	filter->nr_preds = p.nr_preds;
	filter->pool = p.pool;
	p.preds = NULL;
	p.pool = NULL;
out_free:
	kfree(p.ops);
	kfree(p.vals);
	kfree(p.nodes);
	kfree(p.pool);
	kfree(p.preds);
	return ret;
}

/* ---- evaluate ----------------------------------------------------------------------- */

static u64 load_field(const u8 *p, unsigned int size)
{
	u8 v8;
	u16 v16;
	u32 v32;
	u64 v64;

	switch (size) {
	case 1:
		memcpy(&v8, p, 1);
		return v8;
	case 2:
		memcpy(&v16, p, 2);
		return v16;
	case 4:
		memcpy(&v32, p, 4);
		return v32;
	default:
		memcpy(&v64, p, 8);
		return v64;
	}
}

static s64 sign_extend(u64 v, unsigned int size)
{
	unsigned int shift = 64 - size * 8;

	return (s64)(v << shift) >> shift;
}

static bool match_num(const struct filter_pred *pred, const u8 *rec)
{
	unsigned int size = pred->size;
	u64 mask, field, val;
	s64 sf, sv;

	if (size != 1 && size != 2 && size != 4 && size != 8)
		return false;
	mask = size == 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
	field = load_field(rec + pred->offset, size);
	val = pred->val & mask;

	switch (pred->op) {
	case OP_EQ:
	case OP_NE:
		return (field == val) != pred->not;
	case OP_BAND:
		return (field & val) != 0;
	default:
		break;
	}
	if (pred->is_signed) {
		sf = sign_extend(field, size);
		sv = sign_extend(val, size);
		switch (pred->op) {
		case OP_LT:	return sf < sv;
		case OP_LE:	return sf <= sv;
		case OP_GT:	return sf > sv;
		case OP_GE:	return sf >= sv;
		}
	} else {
		switch (pred->op) {
		case OP_LT:	return field < val;
		case OP_LE:	return field <= val;
		case OP_GT:	return field > val;
		case OP_GE:	return field >= val;
		}
	}
	return false;
}

static bool match_cpu(const struct filter_pred *pred, int cpu)
{
	int cmp = (int)pred->val;

	switch (pred->op) {
	case OP_EQ:	return cpu == cmp;
	case OP_NE:	return cpu != cmp;
	case OP_LT:	return cpu < cmp;
	case OP_LE:	return cpu <= cmp;
	case OP_GT:	return cpu > cmp;
	case OP_GE:	return cpu >= cmp;
	case OP_BAND:	return (cpu & cmp) != 0;
	}
	return false;
}

/* Linux's strnstr(): @needle within the first @len bytes of @hay. */
static bool bounded_contains(const char *hay, const char *needle, size_t nlen, size_t len)
{
	if (!nlen)
		return true;
	while (len >= nlen) {
		len--;
		if (!memcmp(hay, needle, nlen))
			return true;
		hay++;
	}
	return false;
}

/*
 * Compare @len bytes at @str (the field's length, NUL included where it has one) the way
 * Linux's regex_match_* do; the glob matcher gets a NUL-terminated copy when the field
 * has no NUL of its own.
 */
static bool match_string(const struct filter_pred *pred, const char *str, int len)
{
	const char *pat = pred->pattern;
	unsigned int plen = pred->pattern_len;
	char tmp[MAX_FILTER_STR_VAL + 1];
	int n;

	if (len < 0)
		len = 0;
	switch (pred->match) {
	case MATCH_FULL:
		return !strncmp(str, pat, len);
	case MATCH_FRONT:
		return len >= (int)plen && !strncmp(str, pat, plen);
	case MATCH_MIDDLE:
		return bounded_contains(str, pat, plen, len);
	case MATCH_END:
		return len - 1 >= (int)plen && !memcmp(str + len - 1 - plen, pat, plen);
	default:
		break;
	}
	if (len && memchr(str, '\0', len))
		return glob_match(pat, str);
	n = min(len, MAX_FILTER_STR_VAL);
	memcpy(tmp, str, n);
	tmp[n] = '\0';
	return glob_match(pat, tmp);
}

static bool eval_string(const struct filter_pred *pred, const u8 *rec,
			const struct filter_ctx *ctx)
{
	char comm[FILTER_COMM_LEN];
	const char *str;
	unsigned int slen;
	unsigned long addr;
	u32 loc;
	int len;

	switch (pred->str_type) {
	case FILTER_STATIC_STRING:
		str = (const char *)rec + pred->offset;
		len = pred->size;
		break;
	case FILTER_DYN_STRING:
	case FILTER_RDYN_STRING:
		memcpy(&loc, rec + pred->offset, sizeof(loc));
		len = loc >> 16;
		addr = loc & 0xffff;
		if (pred->str_type == FILTER_RDYN_STRING)
			addr += pred->offset + sizeof(loc);
		if (ctx && ctx->record_size && addr + len > ctx->record_size)
			return false;
		str = (const char *)rec + addr;
		break;
	case FILTER_COMM:
		memset(comm, 0, sizeof(comm));
		if (ctx && ctx->comm)
			strncpy(comm, ctx->comm, sizeof(comm) - 1);
		str = comm;
		len = sizeof(comm);
		break;
	default:		/* FILTER_PTR_STRING */
		if (!ctx || !ctx->fetch_str)
			return false;
		addr = pred->size >= sizeof(addr) ? load_field(rec + pred->offset, 8) :
			load_field(rec + pred->offset, pred->size);
		str = ctx->fetch_str(ctx, addr, pred->user, &slen);
		if (!str)
			return false;
		len = slen + 1;
		break;
	}
	return match_string(pred, str, len) != pred->not;
}

/**
 * filter_match() - run a compiled filter against one record
 * @filter: the event's filter; NULL or a failed one lets everything through
 * @record: the record, starting with the common fields
 * @ctx: the current CPU and task, and the string fetcher for pointer fields
 *
 * Return: true when the record passes.
 */
bool filter_match(const struct event_filter *filter, const void *record,
		  const struct filter_ctx *ctx)
{
	const struct filter_pred *prog;
	int i = 0, n;

	if (!filter || !filter->prog)
		return true;
	prog = filter->prog;
	n = filter->nr_preds;
	while (i < n) {
		const struct filter_pred *pred = &prog[i];
		bool r;

		switch (pred->kind) {
		case PRED_NUM:
			r = match_num(pred, record);
			break;
		case PRED_CPU:
			r = match_cpu(pred, ctx ? ctx->cpu : 0);
			break;
		default:
			r = eval_string(pred, record, ctx);
			break;
		}
		i = (r != pred->invert) ? pred->on_true : pred->on_false;
	}
	return i == n;
}

/* ---- the write side ----------------------------------------------------------------- */

/**
 * filter_err_text() - the message of a filter error type
 * @err: FILT_ERR_*
 *
 * Return: Linux's message, or "Error" for anything out of range.
 */
const char *filter_err_text(int err)
{
	if (err <= 0 || err >= FILT_ERR_MAX)
		return filter_err_texts[FILT_ERR_ERRNO];
	return filter_err_texts[err];
}

/**
 * filter_log_info() - what error_log shows for a failed compile
 * @pe: the compile's error
 * @msg: out: the message
 * @pos: out: the caret column within the command
 *
 * Errors without a position (lasterr <= 0) are logged as "Error" at column 0, as in Linux.
 */
void filter_log_info(const struct filter_parse_error *pe, const char **msg, int *pos)
{
	if (pe->lasterr > 0 && pe->lasterr < FILT_ERR_MAX) {
		*msg = filter_err_texts[pe->lasterr];
		*pos = pe->lasterr_pos;
	} else {
		*msg = filter_err_texts[FILT_ERR_ERRNO];
		*pos = 0;
	}
}

/**
 * create_event_filter() - compile @expr for one event
 * @event: the fields the expression may name
 * @expr: the expression, as stored and shown
 * @filterp: out: the new filter; on failure it holds the error text and no program
 * @pe: out: the first error and its column (zeroed here)
 *
 * Return: 0; -ENOMEM with *@filterp NULL; otherwise Linux's value for the failure, which is
 * -EINVAL for most errors but -1, -2, -3 for a ')' too many, a '(' too many and an open
 * quote, and -1 for a missing field name or trailing junk ("Too many terms").
 */
int create_event_filter(const struct filter_event *event, const char *expr,
			struct event_filter **filterp, struct filter_parse_error *pe)
{
	struct event_filter *filter;
	int ret;

	*filterp = NULL;
	pe->lasterr = 0;
	pe->lasterr_pos = 0;
	filter = kzalloc(sizeof(*filter), GFP_KERNEL);
	if (!filter)
		return -ENOMEM;
	filter->filter_string = kstrdup(expr, GFP_KERNEL);
	if (!filter->filter_string) {
		kfree(filter);
		return -ENOMEM;
	}
	ret = process_preds(event, expr, filter, pe);
	if (ret) {
		free_prog(filter);
		render_error(filter, pe);
	}
	*filterp = filter;
	return ret;
}

/**
 * free_event_filter() - free a filter from create_event_filter()
 * @filter: may be NULL
 */
void free_event_filter(struct event_filter *filter)
{
	if (!filter)
		return;
	free_prog(filter);
	kfree(filter->filter_string);
	kfree(filter);
}

/* Strip trailing whitespace in place; true when the rest, leading blanks aside, is "0". */
static bool strip_and_check_clear(char *buf)
{
	size_t len = strlen(buf);
	char *s = buf;

	while (len && filt_isspace(buf[len - 1]))
		buf[--len] = '\0';
	while (filt_isspace(*s))
		s++;
	return !strcmp(s, "0");
}

/**
 * filter_apply_write() - handle a write to events/<grp>/<ev>/filter
 * @event: the event's fields
 * @buf: the written text, NUL-terminated; trailing whitespace is stripped in place, and
 *	 the result is the expression (leading blanks kept) to quote in error_log
 * @filterp: out: what to install as the event's filter
 * @pe: out: the error to log when the return value is negative and *@filterp is set
 *
 * "0" clears: *@filterp is NULL and 0 is returned. Otherwise *@filterp is the new filter,
 * installed even when the compile failed (Linux shows the error in the filter file and turns
 * filtering off; filter_is_active() is false then). Only -ENOMEM leaves *@filterp NULL with
 * an error: keep the old filter then.
 *
 * Return: 0 or the value create_event_filter() returned.
 */
int filter_apply_write(const struct filter_event *event, char *buf,
		       struct event_filter **filterp, struct filter_parse_error *pe)
{
	pe->lasterr = 0;
	pe->lasterr_pos = 0;
	*filterp = NULL;
	if (strip_and_check_clear(buf))
		return 0;
	return create_event_filter(event, buf, filterp, pe);
}

/**
 * filter_apply_group() - handle a write to events/<grp>/filter
 * @buf: the written text; trailing whitespace is stripped in place
 * @members: one slot per event of the group, with .event set
 * @nr: number of events in the group
 * @mode: FILTER_GROUP_LINUX (what Linux 6.1 does) or FILTER_GROUP_KEEP_OLD
 * @sys_filterp: out: the group's own filter: NULL (the file shows the default message)
 *	or one holding the error text
 * @pe: out: the group-level error to log when the return value is negative
 *
 * For each member with .replace set, install .filter (NULL: no filter), switching filtering
 * on when .ret is 0. A member whose .ret is non-zero in FILTER_GROUP_LINUX mode also gets an
 * error_log entry from its .pe. "0" clears every member and the group filter.
 *
 * Return: 0, -ENODEV for a group without events, -ENOMEM (nothing to install), or -EINVAL
 * with BAD_SUBSYS_FILTER when, in FILTER_GROUP_KEEP_OLD mode, no event accepted it.
 */
int filter_apply_group(char *buf, struct filter_group_member *members, unsigned int nr,
		       enum filter_group_mode mode, struct event_filter **sys_filterp,
		       struct filter_parse_error *pe)
{
	struct filter_parse_error local;
	unsigned int i, accepted = 0;
	int ret;

	*sys_filterp = NULL;
	pe->lasterr = 0;
	pe->lasterr_pos = 0;
	for (i = 0; i < nr; i++) {
		members[i].replace = false;
		members[i].filter = NULL;
		members[i].ret = 0;
		members[i].pe = (struct filter_parse_error){ 0, 0 };
	}
	if (!nr)
		return -ENODEV;
	if (strip_and_check_clear(buf)) {
		for (i = 0; i < nr; i++)
			members[i].replace = true;
		return 0;
	}

	for (i = 0; i < nr; i++) {
		struct filter_group_member *m = &members[i];

		ret = create_event_filter(m->event, buf, &m->filter, &local);
		if (ret == -ENOMEM && !m->filter)
			goto out_nomem;
		m->ret = ret;
		if (!ret) {
			accepted++;
			m->replace = true;
			continue;
		}
		if (mode == FILTER_GROUP_KEEP_OLD) {
			m->pe = local;
			free_event_filter(m->filter);
			m->filter = NULL;
			continue;
		}
		/* Linux: the event takes the failed filter, with the group's message. */
		parse_error(&m->pe, FILT_ERR_BAD_SUBSYS_FILTER, 0);
		kfree(m->filter->filter_string);
		m->filter->filter_string = kstrdup(buf, GFP_KERNEL);
		if (!m->filter->filter_string)
			goto out_nomem;
		render_error(m->filter, &m->pe);
		m->replace = true;
	}
	if (mode == FILTER_GROUP_LINUX || accepted)
		return 0;

	parse_error(pe, FILT_ERR_BAD_SUBSYS_FILTER, 0);
	*sys_filterp = kzalloc(sizeof(**sys_filterp), GFP_KERNEL);
	if (*sys_filterp) {
		(*sys_filterp)->filter_string = kstrdup(buf, GFP_KERNEL);
		if ((*sys_filterp)->filter_string) {
			render_error(*sys_filterp, pe);
		} else {
			kfree(*sys_filterp);
			*sys_filterp = NULL;
		}
	}
	return -EINVAL;

out_nomem:
	for (i = 0; i < nr; i++) {
		free_event_filter(members[i].filter);
		members[i].filter = NULL;
		members[i].replace = false;
	}
	return -ENOMEM;
}

/**
 * filter_print() - the text of events/<grp>/<ev>/filter
 * @filter: the installed filter, or NULL
 * @buf: output buffer
 * @size: its size
 *
 * Return: the length the full text has (as snprintf).
 */
int filter_print(const struct event_filter *filter, char *buf, size_t size)
{
	if (filter && filter->filter_string)
		return snprintf(buf, size, "%s\n", filter->filter_string);
	return snprintf(buf, size, "none\n");
}

/**
 * filter_print_subsystem() - the text of events/<grp>/filter
 * @filter: the group's filter, or NULL
 * @buf: output buffer
 * @size: its size
 *
 * Return: the length the full text has (as snprintf).
 */
int filter_print_subsystem(const struct event_filter *filter, char *buf, size_t size)
{
	if (filter && filter->filter_string)
		return snprintf(buf, size, "%s\n", filter->filter_string);
	return snprintf(buf, size, "%s", DEFAULT_SYS_FILTER_MESSAGE);
}

/**
 * filter_format_error_log() - one error_log entry for a failed filter
 * @buf: output buffer
 * @size: its size
 * @ts_ns: local clock at the failure
 * @expr: the expression as written (what filter_apply_write() left in its buffer)
 * @pe: the error
 *
 * Return: the length the full entry has (as snprintf).
 */
int filter_format_error_log(char *buf, size_t size, u64 ts_ns, const char *expr,
			    const struct filter_parse_error *pe)
{
	unsigned long long sec = ts_ns / 1000000000ULL;
	unsigned int usec = (ts_ns % 1000000000ULL) / 1000;
	const char *msg;
	int pos;

	filter_log_info(pe, &msg, &pos);
	return snprintf(buf, size,
			"[%5llu.%06u] event filter parse error: error: %s\n  Command: %s\n%*s^\n",
			sec, usec, msg, expr, 11 + pos, "");
}
