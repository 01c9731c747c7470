# SPDX-License-Identifier: GPL-2.0-only
# The tracefs text formatting (kernel/trace/trace_output.c): header, line context, clocks,
# options, format files, set_event words, buffer sizes, stats and README.
UNIT_TESTS		+= trace_output
trace_output_ARCH	:= x86_64
trace_output_SRCS	:= kernel/trace/trace_output.c kernel/trace/trace_events_filter.c \
			   tests/unit/filter_host.c tests/unit/trace_output_test.c
