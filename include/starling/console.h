// SPDX-License-Identifier: GPL-2.0-only
/* The system console: the arch's serial port, polled for output. */
#ifndef _STARLING_CONSOLE_H
#define _STARLING_CONSOLE_H

#include <starling/compiler.h>

void arch_console_init(void);
void arch_console_putc(char c);		/* polled; any context */
int arch_console_getc(void);		/* a received byte, or -1 */
void arch_console_enable_rx_irq(void);
void arch_console_disable_rx_irq(void);	/* input flow control: bytes wait in the UART */
unsigned int arch_console_irq(void);		/* its interrupt line (request_irq numbering) */
void arch_console_tx_irq(bool on);		/* transmitter-empty interrupt on/off */

void console_write(const char *s, size_t len);	/* serialised; CRLF for \n */

#endif /* _STARLING_CONSOLE_H */
