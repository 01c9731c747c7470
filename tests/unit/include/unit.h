// SPDX-License-Identifier: GPL-2.0-only
/*
 * Minimal host test harness. A test file defines test functions, lists them with
 * UNIT_TEST_MAIN(test_a, test_b, ...) and gets a main() that runs each and prints
 * "N passed, N failed" (cases, not assertions).
 */
#ifndef _UNIT_H
#define _UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int unit_failed_asserts;

#define EXPECT_TRUE(c) do {							\
	if (!(c)) {								\
		fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #c);	\
		unit_failed_asserts++;						\
	}									\
} while (0)

#define EXPECT_EQ(a, b) do {							\
	long long __a = (long long)(a), __b = (long long)(b);			\
	if (__a != __b) {							\
		fprintf(stderr, "%s:%d: %s == %lld, expected %s == %lld\n",	\
			__FILE__, __LINE__, #a, __a, #b, __b);			\
		unit_failed_asserts++;						\
	}									\
} while (0)

#define EXPECT_STREQ(a, b) do {							\
	const char *__a = (a), *__b = (b);					\
	if (!__a || !__b || strcmp(__a, __b)) {					\
		fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n",	\
			__FILE__, __LINE__, #a, __a ? __a : "(null)",		\
			__b ? __b : "(null)");					\
		unit_failed_asserts++;						\
	}									\
} while (0)

typedef void (*unit_fn)(void);
struct unit_case { const char *name; unit_fn fn; };

static inline int unit_run(const struct unit_case *cases, int n)
{
	int pass = 0, fail = 0;

	for (int i = 0; i < n; i++) {
		int before = unit_failed_asserts;

		cases[i].fn();
		if (unit_failed_asserts == before) {
			pass++;
		} else {
			fail++;
			printf("FAIL %s\n", cases[i].name);
		}
	}
	printf("%d passed, %d failed\n", pass, fail);
	return fail ? 1 : 0;
}

#define UNIT_CASE(fn) { #fn, fn }
#define UNIT_TEST_MAIN(...)							\
int unit_failed_asserts;							\
int main(void)									\
{										\
	static const struct unit_case cases[] = { __VA_ARGS__ };		\
	return unit_run(cases, (int)(sizeof(cases) / sizeof(cases[0])));	\
}

#endif /* _UNIT_H */
