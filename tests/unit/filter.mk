# SPDX-License-Identifier: GPL-2.0-only
# Event filter compiler and evaluator (kernel/trace/trace_events_filter.c).
UNIT_TESTS	+= filter filter_fuzz_replay
filter_SRCS	:= kernel/trace/trace_events_filter.c tests/unit/filter_host.c \
		   tests/unit/filter_test.c
# The fuzz target, replaying its seed corpus under GCC.
filter_fuzz_replay_SRCS	:= kernel/trace/trace_events_filter.c tests/unit/filter_host.c \
			   tests/unit/fuzz/filter.c tests/unit/filter_fuzz_replay_test.c
filter_fuzz_replay_CFLAGS := -DFILTER_CORPUS_DIR='"tests/unit/fuzz/corpus/filter"'
