// SPDX-License-Identifier: GPL-2.0-only
/*
 * The N_TTY line discipline: what a terminal does between the wire and read()/write(). Pure
 * logic; the TTY layer (tty_io.c) serialises every call with its lock and supplies the
 * callbacks of struct n_tty_ops (device output, signalling, sleeping, a clock).
 *
 * Input path, one byte at a time (n_tty_receive):
 *
 *   ISTRIP, IUCLC -> VLNEXT quoting -> IXON VSTOP/VSTART -> ISIG VINTR/VQUIT/VSUSP
 *     -> IGNCR/ICRNL/INLCR -> ICANON editing (VERASE, VKILL, VWERASE, VREPRINT, VLNEXT,
 *        '\n', VEOF, VEOL, VEOL2) -> echo -> read_buf
 *
 * read_buf is a ring of N_TTY_BUF_SIZE bytes with three ever-growing indices:
 *
 *   read_tail <= canon_head <= read_head
 *   |-- complete lines --|-- line being edited --|
 *
 * In canonical mode read() returns one line at most, up to and including its terminator,
 * and only from complete lines; a bit in line_end marks each terminator. VEOF ends a line
 * with a N_TTY_DISABLED_CHAR that read() swallows, so ^D on an empty line reads as 0 bytes.
 * In non-canonical mode everything up to read_head is readable and VMIN/VTIME decide when
 * read() returns (see n_tty_read_raw()).
 *
 * Output (write() and echo) goes through OPOST processing: ONLCR, OCRNL, ONOCR, ONLRET,
 * OLCUC, XTABS, with the cursor column tracked for tabs and for erasing. With ECHOCTL a
 * control character echoes as '^' and the character + 0x40 ("^C"), except tab and newline.
 */
#include <starling/n_tty.h>
#include <starling/errno.h>
#include <starling/string.h>
#include <uapi/asm-generic/signal.h>

#define MASK(i)		((i) & (N_TTY_BUF_SIZE - 1))

#define I_FLAG(ld, f)	((ld)->termios.c_iflag & (f))
#define O_FLAG(ld, f)	((ld)->termios.c_oflag & (f))
#define L_FLAG(ld, f)	((ld)->termios.c_lflag & (f))

/* Bytes of output collected before one ops->write() call. */
struct emitter {
	struct n_tty	*ld;
	size_t		n;
	unsigned char	buf[64];
};

static bool is_cntrl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

static bool is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_utf8_cont(const struct n_tty *ld, unsigned char c)
{
	return I_FLAG(ld, IUTF8) && (c & 0xc0) == 0x80;
}

/* Is @c the control character @idx? A disabled (zero) entry matches nothing. */
static bool is_cc(const struct n_tty *ld, unsigned char c, int idx)
{
	cc_t v = ld->termios.c_cc[idx];

	return v != _POSIX_VDISABLE && c == v;
}

static void emit_flush(struct emitter *em)
{
	if (em->n)
		em->ld->ops->write(em->ld->ctx, em->buf, em->n);
	em->n = 0;
}

static void emit_raw(struct emitter *em, unsigned char c)
{
	if (em->n == sizeof(em->buf))
		emit_flush(em);
	em->buf[em->n++] = c;
}

/* One byte of output through OPOST processing, keeping the column. */
static void output_char(struct emitter *em, unsigned char c)
{
	struct n_tty *ld = em->ld;
	unsigned int spaces;

	if (!O_FLAG(ld, OPOST)) {
		emit_raw(em, c);
		return;
	}
	switch (c) {
	case '\n':
		if (O_FLAG(ld, ONLRET))
			ld->column = 0;
		if (O_FLAG(ld, ONLCR)) {
			ld->canon_column = ld->column = 0;
			emit_raw(em, '\r');
		}
		break;
	case '\r':
		if (O_FLAG(ld, ONOCR) && ld->column == 0)
			return;
		if (O_FLAG(ld, OCRNL)) {
			c = '\n';
			if (O_FLAG(ld, ONLRET))
				ld->canon_column = ld->column = 0;
			break;
		}
		ld->canon_column = ld->column = 0;
		break;
	case '\t':
		spaces = 8 - (ld->column & 7);
		ld->column += spaces;
		if ((ld->termios.c_oflag & TABDLY) == XTABS) {
			while (spaces--)
				emit_raw(em, ' ');
			return;
		}
		break;
	case '\b':
		if (ld->column > 0)
			ld->column--;
		break;
	default:
		if (is_cntrl(c))
			break;
		if (O_FLAG(ld, OLCUC) && c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (!is_utf8_cont(ld, c))
			ld->column++;
		break;
	}
	emit_raw(em, c);
}

/* Echo one received byte: control characters as "^X" under ECHOCTL. */
static void echo_char(struct emitter *em, unsigned char c)
{
	struct n_tty *ld = em->ld;

	if (L_FLAG(ld, ECHOCTL) && is_cntrl(c) && c != '\t') {
		emit_raw(em, '^');
		emit_raw(em, c ^ 0100);
		ld->column += 2;
	} else {
		output_char(em, c);
	}
}

/* Move the cursor back over one column and blank it. */
static void echo_rubout(struct emitter *em, unsigned int cols)
{
	while (cols--) {
		emit_raw(em, '\b');
		emit_raw(em, ' ');
		emit_raw(em, '\b');
		if (em->ld->column)
			em->ld->column--;
	}
}

static void set_line_end(struct n_tty *ld, size_t i, bool on)
{
	unsigned char bit = 1U << (MASK(i) & 7);

	if (on)
		ld->line_end[MASK(i) / 8] |= bit;
	else
		ld->line_end[MASK(i) / 8] &= ~bit;
}

static bool is_line_end(const struct n_tty *ld, size_t i)
{
	return ld->line_end[MASK(i) / 8] & (1U << (MASK(i) & 7));
}

static size_t read_cnt(const struct n_tty *ld)
{
	return ld->read_head - ld->read_tail;
}

/* Room for one more byte? In canonical mode the last byte is kept for a line terminator. */
static bool has_room(const struct n_tty *ld, bool line_end)
{
	size_t room = N_TTY_BUF_SIZE;

	if (L_FLAG(ld, ICANON) && !line_end)
		room--;
	return read_cnt(ld) < room;
}

/* Store one byte. Return: false if it was dropped for want of room. */
static bool put_char(struct n_tty *ld, unsigned char c, bool line_end)
{
	if (!has_room(ld, line_end))
		return false;
	ld->read_buf[MASK(ld->read_head)] = c;
	set_line_end(ld, ld->read_head, line_end);
	ld->read_head++;
	return true;
}

/* Columns the echo of read_buf[canon_head, end) took, starting at canon_column. */
static unsigned int line_column(const struct n_tty *ld, size_t end)
{
	unsigned int col = ld->canon_column;

	for (size_t i = ld->canon_head; i != end; i++) {
		unsigned char c = ld->read_buf[MASK(i)];

		if (c == '\t')
			col = (col | 7) + 1;
		else if (is_cntrl(c))
			col += L_FLAG(ld, ECHOCTL) ? 2 : 0;
		else if (!is_utf8_cont(ld, c))
			col++;
	}
	return col;
}

enum kill_type { ERASE, WERASE, KILL };

/* VERASE, VWERASE, VKILL: take characters off the line being edited, visibly. */
static void eraser(struct emitter *em, unsigned char c)
{
	struct n_tty *ld = em->ld;
	enum kill_type type;
	int seen_alnums = 0;

	if (ld->read_head == ld->canon_head)
		return;		/* nothing to erase: no echo either */
	if (is_cc(ld, c, VERASE)) {
		type = ERASE;
	} else if (is_cc(ld, c, VWERASE)) {
		type = WERASE;
	} else {
		type = KILL;
		if (!L_FLAG(ld, ECHO)) {
			ld->read_head = ld->canon_head;
			return;
		}
		if (!L_FLAG(ld, ECHOK) || !L_FLAG(ld, ECHOKE) || !L_FLAG(ld, ECHOE)) {
			ld->read_head = ld->canon_head;
			echo_char(em, c);
			if (L_FLAG(ld, ECHOK))
				output_char(em, '\n');
			return;
		}
	}

	while (ld->read_head != ld->canon_head) {
		size_t head = ld->read_head;
		unsigned char ch;

		/* One character: with IUTF8 a lead byte and its continuation bytes. */
		do {
			head--;
			ch = ld->read_buf[MASK(head)];
		} while (head != ld->canon_head && is_utf8_cont(ld, ch));
		if (type == WERASE) {
			if (is_alnum(ch) || ch == '_')
				seen_alnums++;
			else if (seen_alnums)
				break;
		}
		ld->read_head = head;
		if (L_FLAG(ld, ECHO)) {
			if (type == ERASE && !L_FLAG(ld, ECHOE)) {
				echo_char(em, c);
			} else if (ch == '\t') {
				unsigned int col = line_column(ld, head);

				while (ld->column > col) {
					emit_raw(em, '\b');
					ld->column--;
				}
			} else if (is_cntrl(ch)) {
				if (L_FLAG(ld, ECHOCTL))
					echo_rubout(em, 2);
			} else {
				echo_rubout(em, 1);
			}
		}
		if (type == ERASE)
			break;
	}
}

static void flush_input(struct n_tty *ld)
{
	ld->read_head = ld->canon_head = ld->read_tail = 0;
	ld->lnext = false;
	memset(ld->line_end, 0, sizeof(ld->line_end));
}

/* A signal character: flush unless NOFLSH, signal, then echo it ("^C"). */
static void isig(struct emitter *em, int sig, unsigned char c)
{
	struct n_tty *ld = em->ld;

	if (!L_FLAG(ld, NOFLSH))
		flush_input(ld);
	ld->stopped = false;
	ld->ops->signal(ld->ctx, sig);
	if (L_FLAG(ld, ECHO))
		echo_char(em, c);
}

static void end_line(struct n_tty *ld, unsigned char c)
{
	if (put_char(ld, c, true))
		ld->canon_head = ld->read_head;
}

/* VREPRINT: echo the character, a newline, and the line so far. */
static void reprint(struct emitter *em, unsigned char c)
{
	struct n_tty *ld = em->ld;

	echo_char(em, c);
	output_char(em, '\n');
	ld->canon_column = ld->column;
	for (size_t i = ld->canon_head; i != ld->read_head; i++)
		echo_char(em, ld->read_buf[MASK(i)]);
}

/* An ordinary byte: echo and store. */
static void receive_plain(struct emitter *em, unsigned char c)
{
	struct n_tty *ld = em->ld;

	/*
	 * n_tty_receive() only lets a byte through without room while a canonical line fills
	 * the whole buffer: it is echoed, as Linux does, but not stored, so that a line
	 * terminator still fits in the byte kept for it.
	 */
	if (L_FLAG(ld, ECHO)) {
		if (ld->canon_head == ld->read_head)
			ld->canon_column = ld->column;
		echo_char(em, c);
	}
	put_char(ld, c, false);
	if (!L_FLAG(ld, ICANON))
		ld->canon_head = ld->read_head;
}

static void receive_char(struct emitter *em, unsigned char c)
{
	struct n_tty *ld = em->ld;

	if (I_FLAG(ld, ISTRIP))
		c &= 0x7f;
	if (I_FLAG(ld, IUCLC) && L_FLAG(ld, IEXTEN) && c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (ld->lnext) {
		ld->lnext = false;
		if (L_FLAG(ld, ECHO) && L_FLAG(ld, ECHOCTL)) {
			emit_raw(em, '\b');	/* over the '^' VLNEXT showed */
			if (ld->column)
				ld->column--;
		}
		receive_plain(em, c);
		return;
	}
	if (I_FLAG(ld, IXON)) {
		if (is_cc(ld, c, VSTOP)) {
			ld->stopped = true;
			return;
		}
		if (is_cc(ld, c, VSTART)) {
			ld->stopped = false;
			return;
		}
		if (I_FLAG(ld, IXANY))
			ld->stopped = false;
	}
	if (L_FLAG(ld, ISIG)) {
		if (is_cc(ld, c, VINTR)) {
			isig(em, SIGINT, c);
			return;
		}
		if (is_cc(ld, c, VQUIT)) {
			isig(em, SIGQUIT, c);
			return;
		}
		if (is_cc(ld, c, VSUSP)) {
			isig(em, SIGTSTP, c);
			return;
		}
	}
	if (c == '\r') {
		if (I_FLAG(ld, IGNCR))
			return;
		if (I_FLAG(ld, ICRNL))
			c = '\n';
	} else if (c == '\n' && I_FLAG(ld, INLCR)) {
		c = '\r';
	}

	if (L_FLAG(ld, ICANON)) {
		if (is_cc(ld, c, VERASE) || is_cc(ld, c, VKILL) ||
		    (is_cc(ld, c, VWERASE) && L_FLAG(ld, IEXTEN))) {
			eraser(em, c);
			return;
		}
		if (is_cc(ld, c, VLNEXT) && L_FLAG(ld, IEXTEN)) {
			ld->lnext = true;
			if (L_FLAG(ld, ECHO) && L_FLAG(ld, ECHOCTL)) {
				emit_raw(em, '^');
				ld->column++;
			}
			return;
		}
		if (is_cc(ld, c, VREPRINT) && L_FLAG(ld, ECHO) && L_FLAG(ld, IEXTEN)) {
			reprint(em, c);
			return;
		}
		if (c == '\n') {
			if (L_FLAG(ld, ECHO) || L_FLAG(ld, ECHONL))
				output_char(em, '\n');
			end_line(ld, c);
			return;
		}
		if (is_cc(ld, c, VEOF)) {
			end_line(ld, N_TTY_DISABLED_CHAR);
			return;
		}
		if (is_cc(ld, c, VEOL) || (is_cc(ld, c, VEOL2) && L_FLAG(ld, IEXTEN))) {
			if (L_FLAG(ld, ECHO)) {
				if (ld->canon_head == ld->read_head)
					ld->canon_column = ld->column;
				echo_char(em, c);
			}
			end_line(ld, c);
			return;
		}
	}
	receive_plain(em, c);
}

/**
 * n_tty_default_termios() - the attributes a terminal starts with, as on Linux.
 * @t: filled in: ICRNL IXON, OPOST ONLCR, 115200 8N1 CREAD HUPCL CLOCAL,
 *     ISIG ICANON ECHO ECHOE ECHOK ECHOCTL ECHOKE IEXTEN, ^C ^\ ^? ^U ^D ... in c_cc.
 */
void n_tty_default_termios(struct ktermios *t)
{
	static const cc_t init_cc[NCCS] = {
		[VINTR] = 003, [VQUIT] = 034, [VERASE] = 0177, [VKILL] = 025,
		[VEOF] = 004, [VTIME] = 0, [VMIN] = 1, [VSTART] = 021, [VSTOP] = 023,
		[VSUSP] = 032, [VREPRINT] = 022, [VDISCARD] = 017, [VWERASE] = 027,
		[VLNEXT] = 026,
	};

	memset(t, 0, sizeof(*t));
	t->c_iflag = ICRNL | IXON;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL;
	t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
	memcpy(t->c_cc, init_cc, sizeof(init_cc));
	t->c_ispeed = t->c_ospeed = 115200;
}

/**
 * n_tty_init() - set up a line discipline with the default attributes and no input.
 * @ld: the state to initialise
 * @ops: the device's callbacks
 * @ctx: passed to every callback
 */
void n_tty_init(struct n_tty *ld, const struct n_tty_ops *ops, void *ctx)
{
	memset(ld, 0, sizeof(*ld));
	ld->ops = ops;
	ld->ctx = ctx;
	n_tty_default_termios(&ld->termios);
}

/**
 * n_tty_set_termios() - change the attributes (TCSETS*).
 * @ld: the line discipline
 * @t: the new attributes
 *
 * Leaving canonical mode makes the line being edited readable at once; entering it turns
 * pending raw input into one line, as Linux does.
 */
void n_tty_set_termios(struct n_tty *ld, const struct ktermios *t)
{
	bool was_canon = L_FLAG(ld, ICANON);

	ld->termios = *t;
	if (was_canon && !L_FLAG(ld, ICANON)) {
		ld->canon_head = ld->read_head;
		ld->lnext = false;
	} else if (!was_canon && L_FLAG(ld, ICANON)) {
		if (read_cnt(ld))
			set_line_end(ld, ld->read_head - 1, true);
		ld->canon_head = ld->read_head;
	}
	if (!I_FLAG(ld, IXON))
		ld->stopped = false;
}

/*
 * A canonical line without its terminator fills the buffer: no read() can make room until
 * the line ends, so input keeps flowing (echoed, and dropped unless it ends or edits the
 * line) instead of stopping for good. Linux's "overflow" case in n_tty_receive_buf_common().
 */
static bool canon_overflow(const struct n_tty *ld)
{
	return L_FLAG(ld, ICANON) && ld->canon_head == ld->read_tail;
}

/* Bytes the buffer still takes before the device must hold the rest (one kept spare). */
static size_t receive_room(const struct n_tty *ld)
{
	return N_TTY_BUF_SIZE - 1 - read_cnt(ld);
}

/**
 * n_tty_receive() - process bytes that arrived from the device.
 * @ld: the line discipline
 * @buf: the bytes
 * @n: how many
 *
 * May call ops->write (echo) and ops->signal (ISIG characters). Stops at the first byte
 * that does not fit: the device keeps it and the rest, and offers them again once a read
 * made room (see n_tty_throttle_wanted()).
 * Return: the bytes taken, all @n unless the buffer is full; all of them without CREAD.
 */
size_t n_tty_receive(struct n_tty *ld, const unsigned char *buf, size_t n)
{
	struct emitter em = { .ld = ld };
	size_t i;

	if (!(ld->termios.c_cflag & CREAD))
		return n;
	for (i = 0; i < n; i++) {
		if (!receive_room(ld) && !canon_overflow(ld))
			break;
		receive_char(&em, buf[i]);
	}
	emit_flush(&em);
	return i;
}

/**
 * n_tty_throttle_wanted() - should the device stop sending input?
 * @ld: the line discipline
 *
 * True once fewer than N_TTY_THRESHOLD_THROTTLE bytes of room are left, unless a canonical
 * line without its terminator fills the buffer (input must flow to end it).
 */
bool n_tty_throttle_wanted(const struct n_tty *ld)
{
	return !canon_overflow(ld) && receive_room(ld) < N_TTY_THRESHOLD_THROTTLE;
}

/**
 * n_tty_unthrottle_wanted() - may a throttled device send input again?
 * @ld: the line discipline
 *
 * True once readable input is down to N_TTY_THRESHOLD_UNTHROTTLE bytes (complete lines in
 * canonical mode), as Linux's n_tty_check_unthrottle() decides.
 */
bool n_tty_unthrottle_wanted(const struct n_tty *ld)
{
	size_t readable = L_FLAG(ld, ICANON) ? ld->canon_head - ld->read_tail : read_cnt(ld);

	return readable <= N_TTY_THRESHOLD_UNTHROTTLE;
}

/* Move up to @nr bytes from the ring to @buf, clearing their line-end marks. */
static void copy_out(struct n_tty *ld, unsigned char *buf, size_t nr)
{
	for (size_t i = 0; i < nr; i++) {
		buf[i] = ld->read_buf[MASK(ld->read_tail)];
		set_line_end(ld, ld->read_tail, false);
		ld->read_tail++;
	}
}

/* One line, or what fits of it. Return: bytes stored in @buf (0 for an EOF line end). */
static size_t read_canon(struct n_tty *ld, unsigned char *buf, size_t nr)
{
	size_t eol = ld->read_tail, n;
	bool eof;

	while (eol != ld->canon_head && !is_line_end(ld, eol))
		eol++;
	n = eol - ld->read_tail + 1;
	if (eol == ld->canon_head)
		n--;		/* no terminator (cannot happen): take what is there */
	eof = eol != ld->canon_head && n <= nr &&
	      ld->read_buf[MASK(eol)] == N_TTY_DISABLED_CHAR;
	if (n > nr)
		n = nr;
	if (eof) {
		copy_out(ld, buf, n - 1);
		set_line_end(ld, ld->read_tail, false);
		ld->read_tail++;	/* swallow the EOF mark */
		return n - 1;
	}
	copy_out(ld, buf, n);
	return n;
}

/*
 * Non-canonical read, POSIX's four cases:
 *   VMIN=0 VTIME=0  return what is there, possibly nothing
 *   VMIN=0 VTIME>0  wait up to VTIME tenths of a second for the first byte
 *   VMIN>0 VTIME=0  wait for VMIN bytes (or @nr, if smaller)
 *   VMIN>0 VTIME>0  wait for the first byte, then return after VMIN bytes or when VTIME
 *                   passes with no further byte (an inter-byte timer)
 */
static ssize_t n_tty_read_raw(struct n_tty *ld, unsigned char *buf, size_t nr, bool nonblock)
{
	size_t minimum = ld->termios.c_cc[VMIN], copied = 0;
	long timeout = -1, time = 0;
	ssize_t ret = 0;

	if (minimum) {
		time = ld->termios.c_cc[VTIME] * 100L;
	} else {
		timeout = ld->termios.c_cc[VTIME] * 100L;
		minimum = 1;
	}
	while (nr) {
		size_t n = read_cnt(ld);

		if (!n) {
			unsigned long start;
			int err;

			if (!timeout)
				break;
			if (nonblock) {
				ret = -EAGAIN;
				break;
			}
			start = ld->ops->now_ms(ld->ctx);
			err = ld->ops->wait(ld->ctx, timeout);
			if (err) {
				ret = err;
				break;
			}
			if (timeout > 0) {
				unsigned long spent = ld->ops->now_ms(ld->ctx) - start;

				timeout = spent >= (unsigned long)timeout ? 0 : timeout - (long)spent;
			}
			continue;
		}
		if (n > nr)
			n = nr;
		copy_out(ld, buf + copied, n);
		ld->canon_head = ld->read_head;
		copied += n;
		nr -= n;
		if (copied >= minimum)
			break;
		if (time)
			timeout = time;
	}
	return copied ? (ssize_t)copied : ret;
}

/**
 * n_tty_read() - read() on the terminal.
 * @ld: the line discipline; the caller holds the TTY lock
 * @buf: kernel buffer for the bytes
 * @nr: its size
 * @nonblock: O_NONBLOCK: never sleep
 *
 * Canonical mode returns at most one line and sleeps until one is complete; non-canonical
 * mode follows VMIN/VTIME. Sleeping goes through ops->wait, which drops the lock.
 *
 * Return: the number of bytes read (0 at end of file: VEOF on an empty line, or VMIN=0
 * timeouts), -EAGAIN when @nonblock and nothing is ready, or -ERESTARTSYS on a signal.
 */
ssize_t n_tty_read(struct n_tty *ld, unsigned char *buf, size_t nr, bool nonblock)
{
	int err;

	if (!nr)
		return 0;
	if (!L_FLAG(ld, ICANON))
		return n_tty_read_raw(ld, buf, nr, nonblock);
	while (ld->canon_head == ld->read_tail) {
		if (nonblock)
			return -EAGAIN;
		err = ld->ops->wait(ld->ctx, -1);
		if (err)
			return err;
		if (!L_FLAG(ld, ICANON))	/* changed while we slept */
			return n_tty_read_raw(ld, buf, nr, nonblock);
	}
	return read_canon(ld, buf, nr);
}

/**
 * n_tty_write() - write() on the terminal: OPOST processing, then ops->write.
 * @ld: the line discipline; the caller holds the TTY lock
 * @buf: the bytes
 * @n: how many
 *
 * Return: @n (the device takes everything).
 */
size_t n_tty_write(struct n_tty *ld, const unsigned char *buf, size_t n)
{
	struct emitter em = { .ld = ld };

	for (size_t i = 0; i < n; i++)
		output_char(&em, buf[i]);
	emit_flush(&em);
	return n;
}

/**
 * n_tty_readable() - would read() return without sleeping? (poll's POLLIN)
 * @ld: the line discipline
 *
 * Return: a complete line in canonical mode; otherwise any byte, or VMIN bytes when VMIN
 * is set and VTIME is not, as Linux's poll does.
 */
bool n_tty_readable(const struct n_tty *ld)
{
	size_t amt = 1;

	if (L_FLAG(ld, ICANON))
		return ld->canon_head != ld->read_tail;
	if (!ld->termios.c_cc[VTIME] && ld->termios.c_cc[VMIN])
		amt = ld->termios.c_cc[VMIN];
	return read_cnt(ld) >= amt;
}

/**
 * n_tty_inq() - bytes read() could return now (FIONREAD).
 * @ld: the line discipline
 *
 * Return: in canonical mode the bytes of complete lines without EOF marks, else all input.
 */
size_t n_tty_inq(const struct n_tty *ld)
{
	size_t n = 0;

	if (!L_FLAG(ld, ICANON))
		return read_cnt(ld);
	for (size_t i = ld->read_tail; i != ld->canon_head; i++)
		if (!is_line_end(ld, i) || ld->read_buf[MASK(i)] != N_TTY_DISABLED_CHAR)
			n++;
	return n;
}

/**
 * n_tty_flush_input() - discard all input (TCFLSH TCIFLUSH, TCSETSF).
 * @ld: the line discipline
 */
void n_tty_flush_input(struct n_tty *ld)
{
	flush_input(ld);
}
