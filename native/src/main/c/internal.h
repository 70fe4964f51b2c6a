// SPDX-License-Identifier: Apache-2.0
/*
 * Internal declarations shared by the shim's translation units. Nothing here is exported:
 * the library is built with -fvisibility=hidden and a version script (ap4j.map).
 */
#ifndef AP4J_INTERNAL_H
#define AP4J_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "ap4j.h"

/* Per-thread failure record (like errno), reset at the start of every exported call. */
void ap4j_fail_reset(void);
/* Records a failure and returns code, so callers can write "return ap4j_fail(...)". */
int32_t ap4j_fail(int32_t code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ap4j_fail_detail(int32_t slot, int32_t value);

/* Writes at most max input bytes of s[0..len) to out (size outlen, NUL-terminated) with every
 * byte outside printable ASCII, and the backslash and quote, escaped as \xNN / \\ / \';
 * "..." marks a cut. For quoting untrusted text in failure messages. */
void ap4j_escape(char *out, size_t outlen, const char *s, size_t len, size_t max);

/* Hardware backend (pqap.c); arguments are checked by the caller. */
int32_t hw_tapq(const uint16_t *apqns, int32_t count, int tbit, int32_t timeout_ms,
                int32_t *cc, uint64_t *gr1, uint64_t *gr2);
int32_t hw_qci(int32_t timeout_ms, uint8_t block[AP4J_QCI_SIZE]);

#ifdef AP4J_TEST_SEAM
/*
 * Test seam, compiled only into the C test program (src/test/c/Makefile defines
 * AP4J_TEST_SEAM; the library never does). It makes the PQAP child misbehave on purpose, and
 * on a build that is not s390x lets the child run at all, with a fake PQAP that answers
 * cc 0, GR1 = apqn, GR2 = ~apqn (T) or 0 (no T).
 */
enum ap4j_seam {
    SEAM_OFF = 0,    /* production behaviour                                      */
    SEAM_FAKE,       /* fake PQAP answers everything                              */
    SEAM_HANG,       /* the child sleeps forever after the first record            */
    SEAM_STOP,       /* the child stops itself (SIGSTOP) before answering          */
    SEAM_DIE,        /* the child is killed by SIGSEGV's default action, no answer */
    SEAM_SHORT,      /* the child exits 0 after half a record                     */
    SEAM_QCI_CC,     /* fake QCI ends with condition code 3                        */
};
extern volatile int ap4j_seam_mode;
#endif

#endif /* AP4J_INTERNAL_H */
