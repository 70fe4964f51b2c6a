// SPDX-License-Identifier: Apache-2.0
/*
 * ap4j native shim: PQAP(TAPQ) and PQAP(QCI) for IBM Z Adjunct Processor queues, plus replay
 * tables that answer the same questions from a recorded text.
 *
 * ABI rules (docs/native.md): fixed-width integers and caller-owned arrays only, no structs
 * cross the boundary; a replay table is an opaque 64-bit handle. Every function returns 0 on
 * success or a negative AP4J_E_* code; details of the last failure of the calling thread are
 * available from ap4j_last_failure(). There is no process-wide mode: hardware calls always mean
 * the hardware, a replay call names its table.
 *
 * Register layouts follow the kernel's arch/s390/include/asm/ap.h (ap_tapq(), ap_qci(),
 * struct ap_queue_status, struct ap_config_info).
 */
#ifndef AP4J_H
#define AP4J_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define AP4J_API __attribute__((visibility("default")))
#else
#define AP4J_API
#endif

/* Returned by ap4j_abi_version(); the Java side refuses any other value. 2: replay tables are
 * handles, the T bit and the child timeout are parameters. 3: ap4j_read_dir(). */
#define AP4J_ABI_VERSION 3

/* Error codes (negative return values). Keep in sync with io.github.ap4j.natives.NativeError. */
#define AP4J_OK                  0
#define AP4J_E_INVALID_ARG      (-1) /* NULL pointer, count or size out of range, bad handle  */
#define AP4J_E_UNSUPPORTED_ARCH (-2) /* hardware call in a library that is not built for s390x */
#define AP4J_E_PQAP_TRAPPED     (-3) /* PQAP raised a signal in the child                      */
#define AP4J_E_SYSTEM           (-4) /* pipe/fork/poll/malloc failed; errno is kept            */
#define AP4J_E_IO               (-5) /* reserved (ABI 1: replay file unreadable)               */
#define AP4J_E_PARSE            (-6) /* malformed replay text; the line number is kept         */
#define AP4J_E_NO_QCI           (-7) /* the replay table holds no qci line                     */
#define AP4J_E_CHILD            (-8) /* the PQAP child died or answered short                  */
#define AP4J_E_QCI_CC           (-9) /* PQAP(QCI) ended with a condition code other than 0     */
#define AP4J_E_TIMEOUT         (-10) /* the PQAP child did not answer in time; it was killed    */
#define AP4J_E_SIZE            (-11) /* a directory's listing does not fit the buffer given      */

/* Largest batch and largest replay table: every APQN once (256 adapters x 256 domains). */
#define AP4J_MAX_APQNS 65536

/* Largest replay text ap4j_replay_parse() accepts, in bytes. */
#define AP4J_MAX_REPLAY_BYTES (16 * 1024 * 1024)

/* Longest replay line in bytes, without its '\n' (a "qci" line is 260). */
#define AP4J_MAX_REPLAY_LINE 318

/* Size of the QCI block, struct ap_config_info. */
#define AP4J_QCI_SIZE 128

/* ap4j_tapq() flags. */
#define AP4J_TAPQ_T 1 /* set the T bit (GR0 bit 40): GR2 receives the queue's hardware info */

/* Slots of the info[] array filled by ap4j_last_failure(). */
#define AP4J_FAIL_CODE    0 /* the AP4J_E_* code, 0 if the last call succeeded            */
#define AP4J_FAIL_SIGNO   1 /* signal caught in, or that killed, the PQAP child, else 0   */
#define AP4J_FAIL_SICODE  2 /* si_code of a caught signal: ILL_ILLOPC 1 (qemu), ILL_PRVOPC 5 */
#define AP4J_FAIL_ERRNO   3 /* errno for AP4J_E_SYSTEM, else 0                            */
#define AP4J_FAIL_LINE    4 /* 1-based replay line (or table entry) at fault             */
#define AP4J_FAIL_PID     5 /* pid of the child that executed PQAP, else 0                */
#define AP4J_FAIL_CC      6 /* condition code for AP4J_E_QCI_CC                           */
#define AP4J_FAIL_SLOTS   7

/* Size ap4j_last_failure() needs for the whole text, NUL included. */
#define AP4J_FAIL_TEXT 256

/* Replay answer for an APQN that is not in the table: cc 3 and a GR1 status word with
 * response code 0x01 AP_RESPONSE_Q_NOT_AVAIL (struct ap_queue_status, bits 8-15 of the word). */
#define AP4J_REPLAY_ABSENT_CC  3
#define AP4J_REPLAY_ABSENT_GR1 UINT64_C(0x0000000000010000)
#define AP4J_REPLAY_ABSENT_GR2 UINT64_C(0)

/* Returns AP4J_ABI_VERSION. Callers prove the library works with this call. */
AP4J_API int32_t ap4j_abi_version(void);

/*
 * PQAP(TAPQ) for each APQN (adapter << 8 | domain) of a batch: GR0 = apqn | T << 23, function
 * code 0, as the kernel's ap_test_queue() (flags AP4J_TAPQ_T sets T). The kernel sets T where
 * it wants the facility word (drivers/s390/crypto/ap_queue.c ap_functions_show()) but not in
 * the vfio-ap migration check, which calls plain ap_tapq(). For entry i the condition code goes
 * to cc[i], GR1 (status word in the low 32 bits) to gr1[i] and GR2 (hardware info with T) to
 * gr2[i]. Needs s390x; the batch runs in one forked child that is killed after timeout_ms
 * (1..600000) without an answer.
 */
AP4J_API int32_t ap4j_tapq(const uint16_t *apqns, int32_t count, int32_t flags,
                           int32_t timeout_ms, int32_t *cc, uint64_t *gr1, uint64_t *gr2);

/* PQAP(QCI): GR0 = 4 << 24, GR2 = address of the 128-byte block, as the kernel's ap_qci(). The
 * block is copied byte for byte as the machine stored it (big-endian words). A condition code
 * other than 0 is AP4J_E_QCI_CC with the code in info[AP4J_FAIL_CC]. */
AP4J_API int32_t ap4j_qci(int32_t timeout_ms, uint8_t block[AP4J_QCI_SIZE]);

/* A PQAP(TAPQ) of APQN 00.0000 in a child: 0 when PQAP executes without a trap. A trap is
 * remembered for the life of the process (it is a property of the machine). */
AP4J_API int32_t ap4j_hw_probe(int32_t timeout_ms);

/*
 * Details of the calling thread's last failure. Every other ap4j_* call resets them on entry.
 * info (may be NULL) receives AP4J_FAIL_SLOTS values; text (may be NULL) receives a short,
 * NUL-terminated message such as "PQAP not usable: SIGILL ILL_ILLOPC", truncated to text_len.
 * Returns the AP4J_E_* code of the last failure (0 if none).
 */
AP4J_API int32_t ap4j_last_failure(int32_t *info, char *text, int32_t text_len);

/*
 * Replay tables. A table is immutable once made, so any number of threads may query the same
 * table at once; *table receives a handle (never 0) that ap4j_replay_free() releases. No call
 * changes anything that another table's user can see.
 */

/* A table of n answers (each APQN once, cc 0..3) and an optional QCI block (NULL: none). */
AP4J_API int32_t ap4j_replay_new(const uint16_t *apqns, const int32_t *cc, const uint64_t *gr1,
                                 const uint64_t *gr2, int32_t n,
                                 const uint8_t *qci /* AP4J_QCI_SIZE bytes or NULL */,
                                 uint64_t *table);

/* A table from replay text (format in docs/native.md), len bytes (0..AP4J_MAX_REPLAY_BYTES,
 * any byte values: NUL is an error, bytes >= 0x80 are allowed in comments only). */
AP4J_API int32_t ap4j_replay_parse(const uint8_t *text, int64_t len, uint64_t *table);

/* The table's number of tapq answers and whether it holds a qci line (each may be NULL). */
AP4J_API int32_t ap4j_replay_size(uint64_t table, int32_t *n, int32_t *has_qci);

/* Copies the n answers, sorted by APQN (n must be ap4j_replay_size()'s), and the QCI block if
 * there is one and qci is not NULL. */
AP4J_API int32_t ap4j_replay_export(uint64_t table, int32_t n, uint16_t *apqns, int32_t *cc,
                                    uint64_t *gr1, uint64_t *gr2, uint8_t *qci);

/* ap4j_tapq() answered from the table: an APQN not in it answers AP4J_REPLAY_ABSENT_*. */
AP4J_API int32_t ap4j_replay_tapq(uint64_t table, const uint16_t *apqns, int32_t count,
                                  int32_t *cc, uint64_t *gr1, uint64_t *gr2);

/* ap4j_qci() answered from the table; AP4J_E_NO_QCI without a qci line. */
AP4J_API int32_t ap4j_replay_qci(uint64_t table, uint8_t block[AP4J_QCI_SIZE]);

/* Releases the table; 0 is accepted and does nothing. */
AP4J_API int32_t ap4j_replay_free(uint64_t table);

/* Most names one ap4j_read_dir() call looks for. */
#define AP4J_READ_DIR_MAX_NAMES 32

/* What ap4j_read_dir() found for each name (kinds[]). */
#define AP4J_ENTRY_ABSENT 0 /* not in the directory's listing                              */
#define AP4J_ENTRY_FILE   1 /* a regular file: its contents, read with one read()           */
#define AP4J_ENTRY_LINK   2 /* a symbolic link: its target text (not followed)              */
#define AP4J_ENTRY_ASK    3 /* anything else, or a failed call: the caller looks for itself */

/*
 * Reads the entries called names of the directory dir (opened with O_NOFOLLOW: a link there
 * is refused) in one call: one listing, whose entry types need no stat, then one
 * openat(O_NOFOLLOW | O_NONBLOCK) + read() + close() per regular file and one readlinkat() per
 * link, relative to the directory. names holds count (1..AP4J_READ_DIR_MAX_NAMES) non-empty
 * NUL-terminated names back to back, names_len bytes in all. Each file is read with one read()
 * of max_file + 1 bytes, so that a file over max_file bytes shows as such; a link target is
 * stored as read (no NUL). Entry i is stored at out[offsets[i]], lengths[i] bytes, when
 * kinds[i] is FILE or LINK. An entry that may not fit in the rest of out is answered ASK.
 * Returns 0; AP4J_E_INVALID_ARG; AP4J_E_SYSTEM (errno kept) when dir cannot be opened or
 * listed, for example when it does not exist or is a link.
 */
AP4J_API int32_t ap4j_read_dir(const char *dir, const char *names, int32_t names_len,
                               int32_t count, int32_t max_file, char *out, int32_t out_len,
                               int32_t *kinds, int32_t *offsets, int32_t *lengths);

/*
 * Lists the directory dir (opened with O_NOFOLLOW) with the target of every link in it, for
 * a directory of links such as bus/ap/devices: one listing and one readlinkat() per link,
 * instead of a stat and a readlink by path each. For each entry but . and .., in the order
 * the listing gives them, out receives one byte of kind (AP4J_ENTRY_FILE, AP4J_ENTRY_LINK or,
 * for anything else, AP4J_ENTRY_ASK), the name and a NUL, and for a LINK its target and a NUL;
 * *count is the number of entries. Returns 0; AP4J_E_INVALID_ARG; AP4J_E_SIZE when out_len
 * bytes are not enough; AP4J_E_SYSTEM (errno kept) when dir cannot be opened or listed.
 */
AP4J_API int32_t ap4j_list_dir(const char *dir, char *out, int32_t out_len, int32_t *count);

#ifdef __cplusplus
}
#endif

#endif /* AP4J_H */
