/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * riscv64 kernel image layout. Virtual addresses start at __START_KERNEL; load (physical)
 * addresses are virtual minus __START_KERNEL_map plus KERNEL_PHYS_BASE. QEMU's ELF loader
 * uses the load addresses and enters at the lowest one (0x80200000, where OpenSBI jumps), so
 * .head.text (_start) comes first. Text is read-only and executable, with .noprobe.text
 * bracketed for kprobes; rodata (with the kallsyms tables) read-only; data and bss writable.
 */
#include <asm/page.h>

OUTPUT_FORMAT("elf64-littleriscv")
OUTPUT_ARCH(riscv)
ENTRY(_start)

#define LOAD(sec)	AT(ADDR(sec) - __START_KERNEL_map + KERNEL_PHYS_BASE)

PHDRS {
	text PT_LOAD FLAGS(5);
	rodata PT_LOAD FLAGS(4);
	data PT_LOAD FLAGS(6);
}

SECTIONS {
	. = __START_KERNEL;
	_text = .;
	.text : LOAD(.text) {
		*(.head.text)
		_stext = .;
		*(.text.hot .text.hot.*)
		*(.text .text.*)
		. = ALIGN(16);
		__noprobe_text_start = .;
		*(.noprobe.text)
		__noprobe_text_end = .;
		. = ALIGN(16);
		__init_text_start = .;
		*(.init.text)
		__init_text_end = .;
	} :text
	_etext = .;

	. = ALIGN(PAGE_SIZE);
	__start_rodata = .;
	.rodata : LOAD(.rodata) {
		*(.rodata .rodata.* .srodata .srodata.*)
		. = ALIGN(8);
		__start_initcalls = .;
		KEEP(*(SORT(.initcall.*)))
		__stop_initcalls = .;
		. = ALIGN(8);
		__start_setup_params = .;
		KEEP(*(.setup_param))
		__stop_setup_params = .;
		. = ALIGN(8);
		__start___ex_table = .;
		KEEP(*(__ex_table))
		__stop___ex_table = .;
		. = ALIGN(8);
		__start_syscall_entries = .;
		KEEP(*(.syscall_entries))
		__stop_syscall_entries = .;
		. = ALIGN(8);
		__start_kprobe_blacklist = .;
		KEEP(*(_kprobe_blacklist))
		__stop_kprobe_blacklist = .;
	} :rodata
	.kallsyms : LOAD(.kallsyms) {
		*(.kallsyms)
	} :rodata
	__end_rodata = .;

	. = ALIGN(PAGE_SIZE);
	_sdata = .;
	.data : LOAD(.data) {
		*(.head.data)
		*(.data .data.[!.]* .sdata .sdata.*)
		*(.init.data)
	} :data
	. = ALIGN(PAGE_SIZE);
	.data..percpu : LOAD(.data..percpu) {
		__per_cpu_start = .;
		*(.data..percpu)
		. = ALIGN(64);
		__per_cpu_end = .;
	} :data
	_edata = .;

	. = ALIGN(PAGE_SIZE);
	.bss : LOAD(.bss) {
		__bss_start = .;
		*(.bss..page_aligned)
		*(.bss .bss.* .sbss .sbss.*)
		*(COMMON)
		. = ALIGN(64);
		__per_cpu_areas = .;
		. += (__per_cpu_end - __per_cpu_start) * 16;	/* NR_CPUS copies */
		. = ALIGN(PAGE_SIZE);
		__bss_stop = .;
	} :data
	_end = .;

	/DISCARD/ : {
		*(.eh_frame) *(.note.GNU-stack) *(.comment) *(.note.gnu.property)
		*(.riscv.attributes)
	}
}
