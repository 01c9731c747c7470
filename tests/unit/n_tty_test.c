// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of the N_TTY line discipline (drivers/tty/n_tty.c): canonical editing, echo,
 * signal characters, input and output mapping, VMIN/VTIME and EOF. The fake device records
 * output and signals; the fake wait() feeds scripted input and advances a fake clock.
 */
#include <starling/n_tty.h>
#include <starling/errno.h>
#include <uapi/asm-generic/signal.h>
#include "unit.h"

int unit_failed_asserts;

struct fake {
	char		out[8192];
	size_t		out_len;
	int		sigs[16];
	int		nsigs;
	unsigned long	now;		/* ms */
	int		waits;
	struct n_tty	*ld;
	/* Scripted wait(): each call consumes one step. */
	const char	*feed[8];	/* bytes to deliver, or NULL */
	long		advance[8];	/* ms that pass; -1: the whole timeout */
	int		nsteps, step;
	bool		signal_at_end;	/* when steps run out: -ERESTARTSYS */
	long		last_timeout;
};

static void fake_write(void *ctx, const unsigned char *buf, size_t len)
{
	struct fake *f = ctx;

	memcpy(f->out + f->out_len, buf, len);
	f->out_len += len;
	f->out[f->out_len] = 0;
}

static void fake_signal(void *ctx, int sig)
{
	struct fake *f = ctx;

	f->sigs[f->nsigs++] = sig;
}

static int fake_wait(void *ctx, long timeout_ms)
{
	struct fake *f = ctx;

	f->waits++;
	f->last_timeout = timeout_ms;
	if (f->step >= f->nsteps) {
		if (f->signal_at_end || timeout_ms < 0)
			return -ERESTARTSYS;
		f->now += timeout_ms;
		return 0;
	}
	if (f->advance[f->step] < 0)
		f->now += timeout_ms;
	else
		f->now += f->advance[f->step];
	if (f->feed[f->step])
		n_tty_receive(f->ld, (const unsigned char *)f->feed[f->step],
			      strlen(f->feed[f->step]));
	f->step++;
	return 0;
}

static unsigned long fake_now(void *ctx)
{
	return ((struct fake *)ctx)->now;
}

static const struct n_tty_ops fake_ops = {
	.write = fake_write, .signal = fake_signal, .wait = fake_wait, .now_ms = fake_now,
};

static struct n_tty ld;
static struct fake f;

static void setup(void)
{
	memset(&f, 0, sizeof(f));
	f.ld = &ld;
	n_tty_init(&ld, &fake_ops, &f);
}

static void feed(const char *s)
{
	n_tty_receive(&ld, (const unsigned char *)s, strlen(s));
}

/* Read nonblocking into a string; returns the count. */
static ssize_t rd(char *buf, size_t n)
{
	ssize_t r = n_tty_read(&ld, (unsigned char *)buf, n, true);

	if (r >= 0)
		buf[r] = 0;
	return r;
}

static void set_lflag(tcflag_t clear, tcflag_t set)
{
	struct ktermios t = ld.termios;

	t.c_lflag = (t.c_lflag & ~clear) | set;
	n_tty_set_termios(&ld, &t);
}

static void canonical_line(void)
{
	char buf[64];

	setup();
	feed("hello");
	EXPECT_EQ(rd(buf, sizeof(buf)), -EAGAIN);	/* no complete line yet */
	EXPECT_TRUE(!n_tty_readable(&ld));
	feed("\r");					/* ICRNL */
	EXPECT_TRUE(n_tty_readable(&ld));
	EXPECT_EQ(n_tty_inq(&ld), 6);
	EXPECT_EQ(rd(buf, sizeof(buf)), 6);
	EXPECT_STREQ(buf, "hello\n");
	EXPECT_STREQ(f.out, "hello\r\n");		/* echo with ONLCR */
	/* Two lines: one read returns one line. */
	feed("ab\ncd\n");
	EXPECT_EQ(rd(buf, sizeof(buf)), 3);
	EXPECT_STREQ(buf, "ab\n");
	EXPECT_EQ(rd(buf, 2), 2);			/* a short buffer splits the line */
	EXPECT_STREQ(buf, "cd");
	EXPECT_EQ(rd(buf, sizeof(buf)), 1);
	EXPECT_STREQ(buf, "\n");
	EXPECT_EQ(rd(buf, sizeof(buf)), -EAGAIN);
}

static void erase_kill_werase(void)
{
	char buf[64];

	setup();
	feed("abc\177d\n");				/* DEL erases c */
	EXPECT_EQ(rd(buf, sizeof(buf)), 4);
	EXPECT_STREQ(buf, "abd\n");
	EXPECT_STREQ(f.out, "abc\b \bd\r\n");
	f.out_len = 0;
	f.out[0] = 0;
	feed("junk more\025ok\n");			/* ^U kills the line */
	EXPECT_EQ(rd(buf, sizeof(buf)), 3);
	EXPECT_STREQ(buf, "ok\n");
	feed("one two  \027three\n");			/* ^W: "two  " goes */
	EXPECT_EQ(rd(buf, sizeof(buf)), 10);
	EXPECT_STREQ(buf, "one three\n");
	feed("\177\177x\n");				/* erasing an empty line: nothing */
	EXPECT_EQ(rd(buf, sizeof(buf)), 2);
	EXPECT_STREQ(buf, "x\n");
	/* A control character echoed as ^A takes two columns to erase. */
	f.out_len = 0;
	feed("\001\177");
	EXPECT_STREQ(f.out, "^A\b \b\b \b");
	/* Erase stops at the start of the line: complete lines are not editable. */
	feed("\n");
	EXPECT_EQ(rd(buf, sizeof(buf)), 1);
	feed("a\nb\177\177");
	EXPECT_EQ(rd(buf, sizeof(buf)), 2);
	EXPECT_STREQ(buf, "a\n");
	EXPECT_EQ(rd(buf, sizeof(buf)), -EAGAIN);
}

static void erase_tab_and_noechoe(void)
{
	char buf[64];

	setup();
	feed("ab\t\177");
	EXPECT_STREQ(f.out, "ab\t\b\b\b\b\b\b");	/* back from column 8 to 2 */
	feed("\n");
	EXPECT_EQ(rd(buf, sizeof(buf)), 3);
	set_lflag(ECHOE, 0);
	f.out_len = 0;
	feed("x\177");
	EXPECT_STREQ(f.out, "x^?");
}

static void signals_and_ctrl_c_echo(void)
{
	char buf[64];

	setup();
	feed("partial\003");
	EXPECT_EQ(f.nsigs, 1);
	EXPECT_EQ(f.sigs[0], SIGINT);
	EXPECT_STREQ(f.out, "partial^C");
	feed("\n");					/* the flush took "partial" */
	EXPECT_EQ(rd(buf, sizeof(buf)), 1);
	EXPECT_STREQ(buf, "\n");
	feed("\032\034");
	EXPECT_EQ(f.nsigs, 3);
	EXPECT_EQ(f.sigs[1], SIGTSTP);
	EXPECT_EQ(f.sigs[2], SIGQUIT);
	EXPECT_STREQ(f.out, "partial^C\r\n^Z^\\");
	/* NOFLSH keeps the input; without ISIG ^C is data. */
	set_lflag(0, NOFLSH);
	feed("keep\003\n");
	EXPECT_EQ(rd(buf, sizeof(buf)), 5);
	EXPECT_STREQ(buf, "keep\n");
	set_lflag(ISIG, 0);
	feed("\003\n");
	EXPECT_EQ(f.nsigs, 4);
	EXPECT_EQ(rd(buf, sizeof(buf)), 2);
	EXPECT_EQ(buf[0], 3);
	/* A disabled character (0) matches nothing, not even NUL. */
	set_lflag(0, ISIG);
	ld.termios.c_cc[VINTR] = _POSIX_VDISABLE;
	feed("\003");
	ld.termios.c_cc[VINTR] = 3;
	EXPECT_EQ(f.nsigs, 4);
}

static void eof_ctrl_d(void)
{
	char buf[64];

	setup();
	feed("\004");					/* ^D on an empty line */
	EXPECT_EQ(rd(buf, sizeof(buf)), 0);
	EXPECT_EQ(rd(buf, sizeof(buf)), -EAGAIN);
	feed("abc\004");				/* ^D pushes a partial line */
	EXPECT_EQ(n_tty_inq(&ld), 3);
	EXPECT_EQ(rd(buf, sizeof(buf)), 3);
	EXPECT_STREQ(buf, "abc");
	EXPECT_STREQ(f.out, "abc");			/* ^D is not echoed */
}

static void lnext_and_reprint(void)
{
	char buf[64];

	setup();
	feed("a\026\003b\n");				/* ^V quotes ^C */
	EXPECT_EQ(f.nsigs, 0);
	EXPECT_EQ(rd(buf, sizeof(buf)), 4);
	EXPECT_EQ(buf[1], 3);
	f.out_len = 0;
	feed("xy\022");
	EXPECT_STREQ(f.out, "xy^R\r\nxy");
}

static void input_output_mapping(void)
{
	char buf[64];
	struct ktermios t;

	setup();
	t = ld.termios;
	t.c_iflag &= ~ICRNL;
	t.c_iflag |= IGNCR;
	n_tty_set_termios(&ld, &t);
	feed("a\rb\n");
	EXPECT_EQ(rd(buf, sizeof(buf)), 3);
	EXPECT_STREQ(buf, "ab\n");
	/* Output: ONLCR, then raw without OPOST, then XTABS. */
	f.out_len = 0;
	n_tty_write(&ld, (const unsigned char *)"x\ny\n", 4);
	EXPECT_STREQ(f.out, "x\r\ny\r\n");
	t.c_oflag &= ~OPOST;
	n_tty_set_termios(&ld, &t);
	f.out_len = 0;
	n_tty_write(&ld, (const unsigned char *)"x\n", 2);
	EXPECT_STREQ(f.out, "x\n");
	t.c_oflag = OPOST | XTABS | OCRNL;
	n_tty_set_termios(&ld, &t);
	f.out_len = 0;
	n_tty_write(&ld, (const unsigned char *)"ab\tc\r", 5);
	EXPECT_STREQ(f.out, "ab      c\n");
	/* ISTRIP, and no echo without ECHO. */
	t.c_iflag |= ISTRIP;
	t.c_lflag &= ~ECHO;
	n_tty_set_termios(&ld, &t);
	f.out_len = 0;
	f.out[0] = 0;
	feed("\xc1\n");
	EXPECT_EQ(rd(buf, sizeof(buf)), 2);
	EXPECT_EQ((unsigned char)buf[0], 0x41);
	EXPECT_STREQ(f.out, "");
}

static void raw_vmin_vtime(void)
{
	char buf[64];
	ssize_t r;

	setup();
	set_lflag(ICANON | ECHO, 0);
	/* VMIN=1 VTIME=0 (the default): any byte, no line needed. */
	feed("a");
	EXPECT_EQ(rd(buf, sizeof(buf)), 1);
	EXPECT_EQ(rd(buf, sizeof(buf)), -EAGAIN);
	/* VMIN=0 VTIME=0: never blocks, 0 when empty. */
	ld.termios.c_cc[VMIN] = 0;
	EXPECT_EQ(n_tty_read(&ld, (unsigned char *)buf, 8, false), 0);
	EXPECT_EQ(f.waits, 0);
	/* VMIN=0 VTIME=5: 0 after half a second with no input... */
	ld.termios.c_cc[VTIME] = 5;
	EXPECT_EQ(n_tty_read(&ld, (unsigned char *)buf, 8, false), 0);
	EXPECT_EQ(f.last_timeout, 500);
	EXPECT_EQ(f.now, 500);
	/* ... or the first byte when it comes in time. */
	f.nsteps = 1; f.step = 0; f.feed[0] = "zq"; f.advance[0] = 100;
	r = n_tty_read(&ld, (unsigned char *)buf, 8, false);
	EXPECT_EQ(r, 2);
	/* VMIN=3 VTIME=0: wait until three bytes. */
	ld.termios.c_cc[VMIN] = 3;
	ld.termios.c_cc[VTIME] = 0;
	f.nsteps = 2; f.step = 0; f.feed[0] = "a"; f.feed[1] = "bcd";
	f.advance[0] = f.advance[1] = 1000;
	r = n_tty_read(&ld, (unsigned char *)buf, 8, false);
	EXPECT_EQ(r, 4);
	EXPECT_EQ(f.step, 2);
	EXPECT_EQ(f.last_timeout, -1);
	/* poll: readable only once VMIN bytes are there. */
	feed("xy");
	EXPECT_TRUE(!n_tty_readable(&ld));
	feed("z");
	EXPECT_TRUE(n_tty_readable(&ld));
	EXPECT_EQ(n_tty_inq(&ld), 3);
	EXPECT_EQ(rd(buf, 2), 2);			/* VMIN capped by the request */
	n_tty_flush_input(&ld);
	/* VMIN=3 VTIME=2: the inter-byte timer ends the read after one byte. */
	ld.termios.c_cc[VTIME] = 2;
	f.nsteps = 2; f.step = 0; f.feed[0] = "a"; f.advance[0] = 5000;
	f.feed[1] = NULL; f.advance[1] = -1;
	r = n_tty_read(&ld, (unsigned char *)buf, 8, false);
	EXPECT_EQ(r, 1);
	EXPECT_EQ(f.last_timeout, 200);
	/* A signal while waiting: -ERESTARTSYS if nothing was read. */
	f.nsteps = 0; f.step = 0; f.signal_at_end = true;
	EXPECT_EQ(n_tty_read(&ld, (unsigned char *)buf, 8, false), -ERESTARTSYS);
	/* Raw echo with ECHOCTL shows control bytes as ^X. */
	set_lflag(0, ECHO);
	f.out_len = 0;
	feed("a\001");
	EXPECT_STREQ(f.out, "a^A");
}

static void canon_wait_then_signal(void)
{
	char buf[64];

	setup();
	f.nsteps = 2; f.step = 0; f.feed[0] = "ab"; f.feed[1] = "c\n";
	EXPECT_EQ(n_tty_read(&ld, (unsigned char *)buf, 64, false), 4);
	f.nsteps = 0; f.step = 0;
	EXPECT_EQ(n_tty_read(&ld, (unsigned char *)buf, 64, false), -ERESTARTSYS);
}

static void mode_switches(void)
{
	char buf[64];

	setup();
	feed("abc");					/* an unfinished line */
	set_lflag(ICANON, 0);				/* raw: readable at once */
	EXPECT_EQ(rd(buf, sizeof(buf)), 3);
	feed("xy");
	set_lflag(0, ICANON);				/* canonical: pending input is a line */
	EXPECT_EQ(rd(buf, sizeof(buf)), 2);
	EXPECT_STREQ(buf, "xy");
}

static void full_buffer(void)
{
	static char big[N_TTY_BUF_SIZE + 10];
	static char buf[N_TTY_BUF_SIZE + 10];

	setup();
	set_lflag(ECHO, 0);
	memset(big, 'x', N_TTY_BUF_SIZE + 5);
	big[N_TTY_BUF_SIZE + 5] = 0;
	feed(big);
	feed("\n");					/* the terminator still fits */
	EXPECT_EQ(rd(buf, sizeof(buf)), N_TTY_BUF_SIZE);
	EXPECT_EQ(buf[N_TTY_BUF_SIZE - 1], '\n');
	EXPECT_EQ(buf[N_TTY_BUF_SIZE - 2], 'x');
}

/* Raw mode: input beyond the buffer is refused, not lost, and throttling brackets it. */
static void raw_throttle(void)
{
	static unsigned char in[N_TTY_BUF_SIZE + 1000];
	static unsigned char buf[N_TTY_BUF_SIZE + 1000];
	size_t taken, got = 0;

	setup();
	set_lflag(ICANON | ECHO, 0);
	for (size_t i = 0; i < sizeof(in); i++)
		in[i] = (unsigned char)('a' + i * 7 % 26);
	taken = n_tty_receive(&ld, in, N_TTY_BUF_SIZE - N_TTY_THRESHOLD_THROTTLE - 1);
	EXPECT_EQ(taken, N_TTY_BUF_SIZE - N_TTY_THRESHOLD_THROTTLE - 1);
	EXPECT_TRUE(!n_tty_throttle_wanted(&ld));	/* exactly the threshold left */
	taken += n_tty_receive(&ld, in + taken, 1);
	EXPECT_TRUE(n_tty_throttle_wanted(&ld));
	taken += n_tty_receive(&ld, in + taken, sizeof(in) - taken);
	EXPECT_EQ(taken, N_TTY_BUF_SIZE - 1);		/* one byte kept spare, as Linux */
	EXPECT_EQ(n_tty_receive(&ld, in + taken, 1), 0);
	/* A reader drains it; unthrottle only at the threshold. */
	EXPECT_EQ(n_tty_read(&ld, buf, N_TTY_BUF_SIZE - 1 - N_TTY_THRESHOLD_UNTHROTTLE - 1, true),
		  N_TTY_BUF_SIZE - 1 - N_TTY_THRESHOLD_UNTHROTTLE - 1);
	got = N_TTY_BUF_SIZE - 1 - N_TTY_THRESHOLD_UNTHROTTLE - 1;
	EXPECT_TRUE(!n_tty_unthrottle_wanted(&ld));
	EXPECT_EQ(n_tty_read(&ld, buf + got, 1, true), 1);
	got++;
	EXPECT_TRUE(n_tty_unthrottle_wanted(&ld));
	/* The device offers the rest again: every byte arrives once, in order. */
	taken += n_tty_receive(&ld, in + taken, sizeof(in) - taken);
	EXPECT_EQ(taken, sizeof(in));
	while (got < sizeof(in)) {
		ssize_t r = n_tty_read(&ld, buf + got, sizeof(in) - got, true);

		if (r <= 0)
			break;
		got += (size_t)r;
	}
	EXPECT_EQ(got, sizeof(in));
	EXPECT_TRUE(!memcmp(buf, in, sizeof(in)));
}

/* A paste of many lines larger than the buffer, then a command: nothing is lost. */
static void canon_paste_then_command(void)
{
	static char paste[6000 + 32];
	static char buf[256];
	size_t len, taken = 0, lines = 0;
	ssize_t r;

	setup();
	set_lflag(ECHO, 0);
	for (len = 0; len < 6000; len += 60) {
		memset(paste + len, 'p', 59);
		paste[len + 59] = '\n';
	}
	strcpy(paste + len, "echo done\n");
	len = strlen(paste);
	while (taken < len) {
		taken += n_tty_receive(&ld, (const unsigned char *)paste + taken, len - taken);
		if (taken < len) {
			EXPECT_TRUE(n_tty_throttle_wanted(&ld));
			EXPECT_TRUE(!n_tty_unthrottle_wanted(&ld));
		}
		/* The reader takes lines until the tty would unthrottle. */
		do {
			r = rd(buf, sizeof(buf));
			if (r == 60)
				lines++;
		} while (r == 60 && !n_tty_unthrottle_wanted(&ld));
		if (r != 60)
			break;
	}
	while ((r = rd(buf, sizeof(buf))) == 60)
		lines++;
	EXPECT_EQ(lines, 100);
	EXPECT_STREQ(buf, "echo done\n");
}

/* A canonical line longer than the buffer: echo goes on, the terminator still fits. */
static void canon_overflow_echoes(void)
{
	static char big[N_TTY_BUF_SIZE + 100];
	static char buf[N_TTY_BUF_SIZE + 10];

	setup();
	set_lflag(ECHOCTL, 0);
	memset(big, 'y', N_TTY_BUF_SIZE + 50);
	big[N_TTY_BUF_SIZE + 50] = 0;
	EXPECT_EQ(n_tty_receive(&ld, (const unsigned char *)big, strlen(big)), strlen(big));
	EXPECT_TRUE(!n_tty_throttle_wanted(&ld));	/* input must flow to end the line */
	EXPECT_EQ(f.out_len, strlen(big));		/* every byte echoed, as Linux */
	feed("\n");
	EXPECT_EQ(rd(buf, sizeof(buf)), N_TTY_BUF_SIZE);
	EXPECT_EQ(buf[N_TTY_BUF_SIZE - 1], '\n');
}

UNIT_TEST_MAIN(UNIT_CASE(canonical_line), UNIT_CASE(erase_kill_werase),
	       UNIT_CASE(erase_tab_and_noechoe), UNIT_CASE(signals_and_ctrl_c_echo),
	       UNIT_CASE(eof_ctrl_d), UNIT_CASE(lnext_and_reprint),
	       UNIT_CASE(input_output_mapping), UNIT_CASE(raw_vmin_vtime),
	       UNIT_CASE(canon_wait_then_signal), UNIT_CASE(mode_switches),
	       UNIT_CASE(full_buffer), UNIT_CASE(raw_throttle),
	       UNIT_CASE(canon_paste_then_command), UNIT_CASE(canon_overflow_echoes))
