# SPDX-License-Identifier: GPL-2.0-only
# The fair-share arithmetic of the scheduler (kernel/sched/fair.h): weights, virtual time,
# and a simulated CPU on which busy tasks of different nice values compete tick by tick.
UNIT_TESTS		+= sched_fair
sched_fair_SRCS		:= tests/unit/sched_fair_test.c
$(call unit_bin,sched_fair): kernel/sched/fair.h include/starling/sched/prio.h
