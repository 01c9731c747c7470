// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel command line, split as Linux does: words separated by blanks, double quotes
 * group blanks into a word ("a b" or key="a b"). Words matching a registered parameter
 * (__setup) go to its handler; rdinit= and init= pick the first program; "--" ends kernel
 * parsing. Other key=value words become the first program's environment, other words its
 * arguments.
 */
#include <starling/init.h>
#include <starling/string.h>
#include <starling/printk.h>
#include <starling/params.h>

char boot_command_line[COMMAND_LINE_SIZE];

extern const struct kernel_param __start_setup_params[], __stop_setup_params[];

static char cmdline_copy[COMMAND_LINE_SIZE];	/* words point into this; boot CPU only */

const char *init_argv[MAX_INIT_ARGS + 2] = { "init", NULL };	/* [0] becomes the program */
const char *init_envp[MAX_INIT_ENVS + 2] = { "HOME=/", "TERM=linux" };
const char *ramdisk_execute_command = "/init";
const char *execute_command;

static unsigned int nr_args = 1, nr_envs = 2;

/* Next word of *@s, unquoted in place; NULL at the end. */
static char *next_word(char **s)
{
	char *p = skip_spaces(*s), *start = p, *out = p;
	bool quoted = false;

	if (!*p)
		return NULL;
	for (; *p && (quoted || (*p != ' ' && *p != '\t' && *p != '\n')); p++) {
		if (*p == '"')
			quoted = !quoted;
		else
			*out++ = *p;
	}
	if (*p)
		p++;
	*out = '\0';
	*s = p;
	return start;
}

static bool run_setup(const char *key, const char *val)
{
	for (const struct kernel_param *p = __start_setup_params; p < __stop_setup_params; p++) {
		if (!strcmp(p->name, key)) {
			if (p->setup(val ? val : ""))
				pr_warn("Malformed early option '%s'\n", key);
			return true;
		}
	}
	return false;
}

/**
 * parse_kernel_cmdline() - split boot_command_line into parameters, init's args and env.
 */
void __init parse_kernel_cmdline(void)
{
	char *s = cmdline_copy, *word;
	bool after_dashes = false;

	strlcpy(cmdline_copy, boot_command_line, sizeof(cmdline_copy));
	while ((word = next_word(&s))) {
		char *eq = strchr(word, '=');
		char key[64];

		if (after_dashes) {
			if (nr_args < MAX_INIT_ARGS)
				init_argv[nr_args++] = word;
			continue;
		}
		if (!strcmp(word, "--")) {
			after_dashes = true;
			continue;
		}
		strlcpy(key, word, eq && (size_t)(eq - word) < sizeof(key) ?
			(size_t)(eq - word) + 1 : sizeof(key));
		if (eq && !strcmp(key, "rdinit")) {
			ramdisk_execute_command = eq + 1;
			continue;
		}
		if (eq && !strcmp(key, "init")) {
			execute_command = eq + 1;
			continue;
		}
		if (run_setup(key, eq ? eq + 1 : NULL))
			continue;
		/* Linux hands init unknown words; dotted ones are module parameters it drops. */
		if (strchr(key, '.'))
			continue;
		if (eq) {
			if (nr_envs < MAX_INIT_ENVS)
				init_envp[nr_envs++] = word;
		} else if (nr_args < MAX_INIT_ARGS) {
			init_argv[nr_args++] = word;
		}
	}
	init_argv[nr_args] = NULL;
	init_envp[nr_envs] = NULL;
}

/* True if the command line has the word @word or a @word=... parameter; sets *@val. */
bool cmdline_find(const char *word, const char **val)
{
	size_t n = strlen(word);
	const char *p = boot_command_line;

	while ((p = strstr(p, word))) {
		bool start = p == boot_command_line || p[-1] == ' ';

		if (start && (p[n] == '\0' || p[n] == ' ' || p[n] == '=')) {
			if (val)
				*val = p[n] == '=' ? p + n + 1 : "";
			return true;
		}
		p += n;
	}
	return false;
}
