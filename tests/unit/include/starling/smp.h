/* Host shim of <starling/smp.h>: each test thread says which "CPU" it is. */
#ifndef _STARLING_SMP_H
#define _STARLING_SMP_H
#include <starling/types.h>
#define NR_CPUS		16
extern unsigned int nr_cpu_ids;			/* the test defines it */
extern __thread unsigned int unit_this_cpu;	/* the test defines it */
static inline unsigned int smp_processor_id(void) { return unit_this_cpu; }
static inline unsigned int raw_smp_processor_id(void) { return unit_this_cpu; }
static inline unsigned int num_online_cpus(void) { return nr_cpu_ids; }
static inline bool cpu_online(unsigned int cpu) { return cpu < nr_cpu_ids; }
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)
#define for_each_online_cpu(cpu) for_each_possible_cpu(cpu)
#endif
