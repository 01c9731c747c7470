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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void test_replay_corpus(void)
{
	DIR *dir = opendir(FILTER_CORPUS_DIR);
	struct dirent *de;
	int files = 0;

	EXPECT_TRUE(dir != NULL);
	if (!dir)
		return;
	while ((de = readdir(dir))) {
		char path[1024], data[65536];
		size_t n;
		FILE *fp;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", FILTER_CORPUS_DIR, de->d_name);
		fp = fopen(path, "rb");
		EXPECT_TRUE(fp != NULL);
		if (!fp)
			continue;
		n = fread(data, 1, sizeof(data), fp);
		fclose(fp);
		LLVMFuzzerTestOneInput((const uint8_t *)data, n);
		files++;
	}
	closedir(dir);
	EXPECT_TRUE(files >= 20);
}

UNIT_TEST_MAIN(UNIT_CASE(test_replay_corpus))
