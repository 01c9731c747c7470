// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of kernel/sched/fair.h: the weight table against Linux's values, virtual time
 * scaling and wrap-safe comparison, and a simulated CPU that runs busy tasks with the rules
 * of kernel/sched/core.c (run the smallest vruntime, charge each 4 ms tick, preempt when
 * tick_should_preempt()) to check the shares and that nobody starves.
 */
#include "unit.h"
#include "../../kernel/sched/fair.h"

#define TICK_NS		4000000ULL	/* HZ=250 */

static void test_weights(void)
{
	EXPECT_EQ(nice_weight(0), 1024u);
	EXPECT_EQ(nice_weight(-20), 88761u);
	EXPECT_EQ(nice_weight(19), 15u);
	EXPECT_EQ(nice_weight(10), 110u);
	EXPECT_EQ(nice_weight(-30), 88761u);	/* clamped */
	EXPECT_EQ(nice_weight(42), 15u);
	/* Each step is about 1.25x the next. */
	for (int n = MIN_NICE; n < MAX_NICE; n++) {
		u32 a = nice_weight(n), b = nice_weight(n + 1);

		EXPECT_TRUE(a * 100 >= b * 118 && a * 100 <= b * 132);
	}
	EXPECT_EQ(nice_to_rlimit(0), 20);
	EXPECT_EQ(nice_to_rlimit(-20), 40);
	EXPECT_EQ(nice_to_rlimit(19), 1);
	EXPECT_EQ(NICE_TO_PRIO(5), 125);
	EXPECT_EQ(DEFAULT_PRIO, 120);
}

static void test_virtual_time(void)
{
	EXPECT_EQ(calc_delta_fair(TICK_NS, 0), TICK_NS);
	EXPECT_EQ(calc_delta_fair(1100, 10), 10240u);
	EXPECT_EQ(calc_delta_fair(88761, -20), 1024u);
	/* A clock jump is charged as at most SCHED_MAX_CHARGE_NS. */
	EXPECT_EQ(calc_delta_fair(~0ULL / 2, 0), SCHED_MAX_CHARGE_NS);
	/* Comparisons survive the wrap of the u64 clock. */
	EXPECT_TRUE(vruntime_before(~0ULL - 5, 3));
	EXPECT_TRUE(!vruntime_before(3, ~0ULL - 5));
	EXPECT_TRUE(tick_should_preempt(5 + SCHED_GRANULARITY_NS + 1, 5));
	EXPECT_TRUE(!tick_should_preempt(5 + SCHED_GRANULARITY_NS, 5));
	/* A long sleeper gets at most the credit; a short one keeps its vruntime. */
	EXPECT_EQ(place_waking(0, 100000000ULL), 100000000ULL - SCHED_WAKEUP_CREDIT_NS);
	EXPECT_EQ(place_waking(99000000ULL, 100000000ULL), 99000000ULL);
	EXPECT_EQ(place_waking(1, 2), 1u);	/* across the wrap below 0 */
}

/* Run @n busy tasks of the given nice values for @ticks ticks; count each one's ticks. */
static void simulate(const int *nice, unsigned long *ran, int n, unsigned long ticks)
{
	u64 v[8] = { 0 };
	int curr = 0;

	for (int i = 0; i < n; i++)
		ran[i] = 0;
	for (unsigned long t = 0; t < ticks; t++) {
		int first = -1;

		ran[curr]++;
		v[curr] += calc_delta_fair(TICK_NS, nice[curr]);
		for (int i = 0; i < n; i++)	/* the queue's head: smallest, earliest */
			if (i != curr && (first < 0 || vruntime_before(v[i], v[first])))
				first = i;
		if (first >= 0 && tick_should_preempt(v[curr], v[first]))
			curr = first;
	}
}

static void test_shares(void)
{
	static const int pair[][2] = { { 0, 0 }, { 0, 10 }, { 0, 1 }, { -20, 19 }, { 5, -5 } };
	unsigned long ran[8];

	for (unsigned int k = 0; k < sizeof(pair) / sizeof(pair[0]); k++) {
		double want = (double)nice_weight(pair[k][0]) / nice_weight(pair[k][1]);
		double got;

		simulate(pair[k], ran, 2, 2000000);
		EXPECT_TRUE(ran[0] > 0 && ran[1] > 0);		/* no starvation */
		got = (double)ran[0] / ran[1];
		EXPECT_TRUE(got > want * 0.9 && got < want * 1.1);
	}
	/* Three tasks: shares follow the weights. */
	{
		static const int three[] = { 0, 5, 10 };
		unsigned long total;

		simulate(three, ran, 3, 300000);
		total = ran[0] + ran[1] + ran[2];
		EXPECT_TRUE(ran[2] > 0);
		EXPECT_TRUE((double)ran[0] / total > 0.69 && (double)ran[0] / total < 0.77);
	}
}

UNIT_TEST_MAIN(UNIT_CASE(test_weights), UNIT_CASE(test_virtual_time), UNIT_CASE(test_shares))
