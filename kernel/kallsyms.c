// SPDX-License-Identifier: GPL-2.0-only
/*
 * Symbol lookups over the table that scripts/kallsyms.sh generates at link time: addresses in
 * ascending order with parallel arrays of type letters and name offsets. Address lookups
 * binary-search; name lookups scan (they happen when probes are defined, not when they hit).
 * The first symbol listed at an address wins, as in Linux's %pS.
 */
#include <starling/kallsyms.h>
#include <starling/kernel.h>
#include <starling/string.h>
#include <starling/init.h>

extern const unsigned long kallsyms_num;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_name_offsets[];
extern const char kallsyms_types[];
extern const char kallsyms_names[];
extern const char _stext[], _etext[], _text[], _end[];

static bool is_text_type(char t)
{
	return t == 'T' || t == 't' || t == 'W' || t == 'w';
}

bool __noprobe is_kernel_text(unsigned long addr)
{
	return addr >= (unsigned long)_text && addr < (unsigned long)_etext;
}

unsigned long kallsyms_nr(void)
{
	return kallsyms_num;
}

bool kallsyms_get(unsigned long i, unsigned long *addr, char *type, const char **name)
{
	if (i >= kallsyms_num)
		return false;
	*addr = kallsyms_addresses[i];
	*type = kallsyms_types[i];
	*name = kallsyms_names + kallsyms_name_offsets[i];
	return true;
}

/* Index of the last symbol at or below @addr, or -1. */
static long find_index(unsigned long addr)
{
	long lo = 0, hi = (long)kallsyms_num - 1, best = -1;

	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			best = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	/* First name listed at that address. */
	while (best > 0 && kallsyms_addresses[best - 1] == kallsyms_addresses[best])
		best--;
	return best;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset)
{
	long i = find_index(addr);
	unsigned long next = 0;

	if (i < 0 || addr >= (unsigned long)_end)
		return NULL;
	for (unsigned long j = i + 1; j < kallsyms_num; j++) {
		if (kallsyms_addresses[j] > kallsyms_addresses[i]) {
			next = kallsyms_addresses[j];
			break;
		}
	}
	if (!next)
		return NULL;
	if (size)
		*size = next - kallsyms_addresses[i];
	if (offset)
		*offset = addr - kallsyms_addresses[i];
	return kallsyms_names + kallsyms_name_offsets[i];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	unsigned long found = 0;

	for (unsigned long i = 0; i < kallsyms_num; i++) {
		if (strcmp(kallsyms_names + kallsyms_name_offsets[i], name))
			continue;
		if (is_text_type(kallsyms_types[i]))
			return kallsyms_addresses[i];
		if (!found)
			found = kallsyms_addresses[i];
	}
	return found;
}

unsigned int kallsyms_count_name(const char *name)
{
	unsigned int n = 0;

	for (unsigned long i = 0; i < kallsyms_num; i++)
		n += !strcmp(kallsyms_names + kallsyms_name_offsets[i], name);
	return n;
}

static int kallsyms_symbolize(unsigned long addr, bool with_offset, char *buf, size_t size)
{
	unsigned long symsize, off;
	const char *name = kallsyms_lookup(addr, &symsize, &off);

	if (!name)
		return -1;
	if (with_offset)
		return scnprintf(buf, size, "%s+0x%lx/0x%lx", name, off, symsize);
	return scnprintf(buf, size, "%s", name);
}

/* Called first thing at boot so that every later backtrace is symbolized. */
void __init kallsyms_init(void)
{
	vsprintf_set_symbolizer(kallsyms_symbolize);
}
