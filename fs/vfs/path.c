// SPDX-License-Identifier: GPL-2.0-only
/*
 * Pure path-name helpers used by the walk in namei.c: splitting a name into components and
 * classifying "." and "..". No allocation, no locks; built on the host for tests.
 */
#include <starling/namei.h>
#include "internal.h"

/**
 * path_next_component() - split the next component off a path name
 * @p: in/out cursor into a NUL-terminated name
 * @len: the component's length (0 when only slashes or nothing is left)
 * @trailing_slash: set when the component is followed only by one or more slashes
 *
 * Return: the start of the component (at the terminating NUL when none is left).
 */
const char *path_next_component(const char **p, unsigned int *len, bool *trailing_slash)
{
	const char *s = *p, *start;

	while (*s == '/')
		s++;
	start = s;
	while (*s && *s != '/')
		s++;
	*len = (unsigned int)(s - start);
	*p = s;
	while (*s == '/')
		s++;
	*trailing_slash = *len && !*s && s != *p;
	return start;
}

/**
 * path_component_type() - classify a component
 * @name: the component (not NUL-terminated)
 * @len: its length
 *
 * Return: LAST_DOT for ".", LAST_DOTDOT for "..", LAST_NORM otherwise.
 */
int path_component_type(const char *name, unsigned int len)
{
	if (len == 1 && name[0] == '.')
		return LAST_DOT;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return LAST_DOTDOT;
	return LAST_NORM;
}
