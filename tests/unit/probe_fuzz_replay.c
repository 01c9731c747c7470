// SPDX-License-Identifier: GPL-2.0-only
/*
 * Replays the probe_parse fuzz corpus (tests/unit/fuzz/corpus/probe_parse/) through the
 * fuzz target in a plain build, so every seed and every crash found so far runs in make test.
 */
#include <dirent.h>
#include <stdint.h>
#include "unit.h"
#include "fuzz_replay.h"

#define CORPUS	"tests/unit/fuzz/corpus/probe_parse"

static void test_replay_corpus(void)
{
	EXPECT_TRUE(replay_corpus(CORPUS) >= 20);
}

UNIT_TEST_MAIN(UNIT_CASE(test_replay_corpus))
