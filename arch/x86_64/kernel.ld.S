/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86_64 kernel image layout. Virtual addresses start at __START_KERNEL; load (physical)
 * addresses are virtual minus __START_KERNEL_map, which QEMU's ELF loader uses. Text is one
 * read-only executable segment, with .noprobe.text bracketed for kprobes; rodata (with the
 * kallsyms tables and the PVH note) is read-only; data and bss are writable, never executable.
 */
#include <asm/page.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(pvh_start)

PHDRS {
	text PT_LOAD FLAGS(5);
	rodata PT_LOAD FLAGS(4);
	data PT_LOAD FLAGS(6);
	note PT_NOTE FLAGS(4);
}

SECTIONS {
	. = __START_KERNEL;
	_text = .;
	.text : AT(ADDR(.text) - __START_KERNEL_map) {
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
	.rodata : AT(ADDR(.rodata) - __START_KERNEL_map) {
		*(.rodata .rodata.*)
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
		. = ALIGN(8);
		__start_mcount_loc = .;
		KEEP(*(__mcount_loc))
		__stop_mcount_loc = .;
	} :rodata
	.notes : AT(ADDR(.notes) - __START_KERNEL_map) {
		*(.note.Xen)
	} :rodata :note
	.kallsyms : AT(ADDR(.kallsyms) - __START_KERNEL_map) {
		*(.kallsyms)
	} :rodata
	__end_rodata = .;

	. = ALIGN(PAGE_SIZE);
	_sdata = .;
	.data : AT(ADDR(.data) - __START_KERNEL_map) {
		*(.head.data)
		*(.data .data.[!.]*)
		*(.init.data)
	} :data
	. = ALIGN(PAGE_SIZE);
	.data..percpu : AT(ADDR(.data..percpu) - __START_KERNEL_map) {
		__per_cpu_start = .;
		*(.data..percpu)
		. = ALIGN(64);
		__per_cpu_end = .;
	} :data
	_edata = .;

	. = ALIGN(PAGE_SIZE);
	.bss : AT(ADDR(.bss) - __START_KERNEL_map) {
		__bss_start = .;
		*(.bss..page_aligned)
		*(.bss .bss.*)
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
	}
}
