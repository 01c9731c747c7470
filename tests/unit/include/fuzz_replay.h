// SPDX-License-Identifier: GPL-2.0-only
/*
 * Replay a fuzz target's corpus in a plain GCC build: every seed, and every crash the fuzzer
 * found (kept as a seed), runs through LLVMFuzzerTestOneInput() in make unit. The target
 * aborts on a broken invariant; unreadable files and a missing directory are test failures.
 */
#ifndef _FUZZ_REPLAY_H
#define _FUZZ_REPLAY_H

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include "unit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Return: the number of files replayed from @corpus. */
static inline int replay_corpus(const char *corpus)
{
	static uint8_t buf[1 << 16];
	char path[1024];
	struct dirent *d;
	int files = 0;
	DIR *dir = opendir(corpus);

	EXPECT_TRUE(dir != NULL);
	if (!dir)
		return 0;
	while ((d = readdir(dir))) {
		FILE *f;
		size_t n;

		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", corpus, d->d_name);
		f = fopen(path, "rb");
		EXPECT_TRUE(f != NULL);
		if (!f)
			continue;
		n = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		LLVMFuzzerTestOneInput(buf, n);
		files++;
	}
	closedir(dir);
	return files;
}

#endif /* _FUZZ_REPLAY_H */
