UNIT_TESTS		+= ring_buffer
ring_buffer_SRCS	:= kernel/trace/ring_buffer.c tests/unit/ring_buffer_test.c
ring_buffer_LDLIBS	:= -pthread
