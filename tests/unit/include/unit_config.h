/* Host unit-test build: the config symbols the pure files test, all on. */
#define CONFIG_KPROBES 1
#define CONFIG_TRACING 1
