/*
 * Internal declarations shared by the shim's translation units. Nothing here is exported:
 * the library is built with -fvisibility=hidden and a version script (ap4j.map).
 */
#ifndef AP4J_INTERNAL_H
#define AP4J_INTERNAL_H

#include <pthread.h>
#include <stdint.h>

#include "ap4j.h"

/* One lock for all process-wide state: the replay table and the remembered PQAP verdict.
 * Every exported call that touches either holds it for its whole duration. */
extern pthread_mutex_t ap4j_lock;

/* Per-thread failure record (like errno), reset at the start of every exported call. */
void ap4j_fail_reset(void);
/* Records a failure and returns code, so callers can write "return ap4j_fail(...)". */
int32_t ap4j_fail(int32_t code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ap4j_fail_detail(int32_t slot, int32_t value);

/* Replay backend (replay.c); callers hold ap4j_lock. */
int replay_active_locked(void);
void replay_tapq_locked(const uint16_t *apqns, int32_t count, int32_t *cc, uint64_t *gr1,
                        uint64_t *gr2);
int32_t replay_qci_locked(uint8_t block[AP4J_QCI_SIZE]);

/* Hardware backend (pqap.c); callers hold ap4j_lock and have checked the arguments. */
int32_t hw_tapq_locked(const uint16_t *apqns, int32_t count, int32_t *cc, uint64_t *gr1,
                       uint64_t *gr2);
int32_t hw_qci_locked(uint8_t block[AP4J_QCI_SIZE]);

#endif /* AP4J_INTERNAL_H */
