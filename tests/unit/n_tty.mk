UNIT_TESTS	+= n_tty
n_tty_SRCS	:= drivers/tty/n_tty.c tests/unit/n_tty_test.c
