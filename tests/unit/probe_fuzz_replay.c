// SPDX-License-Identifier: GPL-2.0-only
/*
 * Replays the probe_parse fuzz corpus (tests/unit/fuzz/corpus/probe_parse/) through the
 * fuzz target in a plain build, so every seed and every crash found so far runs in make test.
 */
#include <dirent.h>
#include <stdint.h>
#include "unit.h"

#define CORPUS	"tests/unit/fuzz/corpus/probe_parse"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void test_replay_corpus(void)
{
	static uint8_t buf[1 << 16];
	char path[512];
	struct dirent *d;
	int files = 0;
	DIR *dir = opendir(CORPUS);

	EXPECT_TRUE(dir != NULL);
	if (!dir)
		return;
	while ((d = readdir(dir))) {
		FILE *f;
		size_t n;

		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", CORPUS, d->d_name);
		f = fopen(path, "rb");
		EXPECT_TRUE(f != NULL);
		if (!f)
			continue;
		n = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		LLVMFuzzerTestOneInput(buf, n);	/* aborts on a broken invariant */
		files++;
	}
	closedir(dir);
	EXPECT_TRUE(files >= 20);
}

UNIT_TEST_MAIN(UNIT_CASE(test_replay_corpus))
