/*
 * ap4j native shim: PQAP(TAPQ) and PQAP(QCI) for IBM Z Adjunct Processor queues,
 * plus a replay backend that answers the same calls from a recorded table.
 *
 * ABI rules (see native/README.md): fixed-width integers and caller-owned arrays only,
 * no structs cross the boundary. Every function returns 0 on success or a negative
 * AP4J_E_* code; details of the last failure of the calling thread are available from
 * ap4j_last_failure().
 *
 * Bit layouts cited below are in docs/bit-layouts.md (GR0, GR1, QCI),
 * which follows the kernel's arch/s390/include/asm/ap.h.
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

/* Returned by ap4j_abi_version(); the Java side refuses any other value. */
#define AP4J_ABI_VERSION 1

/* Error codes (negative return values). Keep in sync with io.github.ap4j.natives.NativeError. */
#define AP4J_OK                  0
#define AP4J_E_INVALID_ARG      (-1) /* NULL pointer, negative/too large count, bad value  */
#define AP4J_E_UNSUPPORTED_ARCH (-2) /* hardware mode on a build that is not s390x          */
#define AP4J_E_PQAP_TRAPPED     (-3) /* PQAP raised a signal in the probe child            */
#define AP4J_E_SYSTEM           (-4) /* pipe/fork/waitpid/malloc failed; errno is kept      */
#define AP4J_E_IO               (-5) /* replay file cannot be opened or read; errno is kept */
#define AP4J_E_PARSE            (-6) /* malformed replay line; line number is kept          */
#define AP4J_E_NO_QCI           (-7) /* replay mode but the table holds no qci line         */
#define AP4J_E_CHILD            (-8) /* probe child died or answered short                  */

/* Largest batch and largest replay table: every APQN once (256 adapters x 256 domains). */
#define AP4J_MAX_APQNS 65536

/* Size of the QCI block, struct ap_config_info (docs/bit-layouts.md). */
#define AP4J_QCI_SIZE 128

/* Slots of the info[] array filled by ap4j_last_failure(). */
#define AP4J_FAIL_CODE    0 /* the AP4J_E_* code, 0 if the last call succeeded      */
#define AP4J_FAIL_SIGNO   1 /* signal caught in the PQAP child (SIGILL = 4), else 0 */
#define AP4J_FAIL_SICODE  2 /* its si_code: ILL_ILLOPC = 1 (qemu), ILL_PRVOPC = 5   */
#define AP4J_FAIL_ERRNO   3 /* errno for AP4J_E_SYSTEM / AP4J_E_IO, else 0          */
#define AP4J_FAIL_LINE    4 /* 1-based replay file line (or table entry) at fault   */
#define AP4J_FAIL_PID     5 /* pid of the child that executed PQAP, else 0          */
#define AP4J_FAIL_SLOTS   6

/* Replay answer for an APQN that is not in the table: cc 3 and GR1 status word with
 * response code 0x01 AP_RESPONSE_Q_NOT_AVAIL (bits 8-15 of the low word, docs/bit-layouts.md). */
#define AP4J_REPLAY_ABSENT_CC  3
#define AP4J_REPLAY_ABSENT_GR1 UINT64_C(0x0000000000010000)
#define AP4J_REPLAY_ABSENT_GR2 UINT64_C(0)

/* Returns AP4J_ABI_VERSION. Callers prove the library works with this call. */
AP4J_API int32_t ap4j_abi_version(void);

/*
 * PQAP(TAPQ) with the T bit for each APQN (adapter << 8 | domain) of a batch:
 * GR0 = apqn | 1 << 23, function code 0 (docs/bit-layouts.md). For entry i the condition code
 * goes to cc[i], GR1 (status word in the low 32 bits) to gr1[i] and GR2 (hardware info,
 * docs/bit-layouts.md) to gr2[i]. Replay mode answers from the table; hardware mode needs s390x
 * and runs the whole batch in one forked child.
 */
AP4J_API int32_t ap4j_tapq(const uint16_t *apqns, int32_t count,
                           int32_t *cc, uint64_t *gr1, uint64_t *gr2);

/* PQAP(QCI): GR0 = 4 << 24, GR2 = address of the 128-byte block (docs/bit-layouts.md). The block
 * is copied byte for byte as the machine stored it (big-endian words). */
AP4J_API int32_t ap4j_qci(uint8_t block[AP4J_QCI_SIZE]);

/* Forces a hardware-mode PQAP(TAPQ) of APQN 00.0000 (ignoring any replay table) and returns
 * 0 when PQAP executes without a trap. Remembers a trap for the life of the process. */
AP4J_API int32_t ap4j_hw_probe(void);

/*
 * Details of the calling thread's last failure. Every other ap4j_* call resets them on entry.
 * info (may be NULL) receives AP4J_FAIL_SLOTS values; text (may be NULL) receives a short,
 * NUL-terminated message such as "PQAP not usable: SIGILL ILL_ILLOPC", truncated to text_len.
 * Returns the AP4J_E_* code of the last failure (0 if none).
 */
AP4J_API int32_t ap4j_last_failure(int32_t *info, char *text, int32_t text_len);

/* Replays the table in a text file (format in native/README.md). On error the previous mode
 * and table stay in force. */
AP4J_API int32_t ap4j_replay_load(const uint16_t *apqns, const int32_t *cc,
                                  const uint64_t *gr1, const uint64_t *gr2, int32_t n,
                                  const uint8_t *qci /* AP4J_QCI_SIZE bytes or NULL */);
AP4J_API int32_t ap4j_replay_load_file(const char *path);

/* Drops the replay table: back to hardware mode. */
AP4J_API int32_t ap4j_replay_clear(void);

/* 1 when replay mode is active, 0 in hardware mode. */
AP4J_API int32_t ap4j_replay_active(void);

#ifdef __cplusplus
}
#endif

#endif /* AP4J_H */
