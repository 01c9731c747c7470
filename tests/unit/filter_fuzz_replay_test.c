// SPDX-License-Identifier: GPL-2.0-only
/*
 * Replays the filter fuzz target's seed corpus (tests/unit/fuzz/corpus/filter/) under GCC,
 * so every input the fuzzer found interesting, and every crash turned seed, runs in
 * make unit.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "unit.h"
#include "fuzz_replay.h"

static void test_replay_corpus(void)
{
	EXPECT_TRUE(replay_corpus(FILTER_CORPUS_DIR) >= 20);
}

UNIT_TEST_MAIN(UNIT_CASE(test_replay_corpus))
