/*
 * Exported entry points: argument checks, then dispatch to the replay table (when one is
 * loaded) or to the hardware backend. Also the per-thread failure record.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

pthread_mutex_t ap4j_lock = PTHREAD_MUTEX_INITIALIZER;

/* Thread-local, like errno: a JNA call and the ap4j_last_failure() that follows it run on
 * the same Java thread, and other threads cannot overwrite the record in between. */
static __thread int32_t fail_info[AP4J_FAIL_SLOTS];
static __thread char fail_text[160];

void ap4j_fail_reset(void)
{
    memset(fail_info, 0, sizeof fail_info);
    fail_text[0] = '\0';
}

int32_t ap4j_fail(int32_t code, const char *fmt, ...)
{
    va_list ap;

    fail_info[AP4J_FAIL_CODE] = code;
    va_start(ap, fmt);
    vsnprintf(fail_text, sizeof fail_text, fmt, ap);
    va_end(ap);
    return code;
}

void ap4j_fail_detail(int32_t slot, int32_t value)
{
    if (slot > AP4J_FAIL_CODE && slot < AP4J_FAIL_SLOTS)
        fail_info[slot] = value;
}

int32_t ap4j_last_failure(int32_t *info, char *text, int32_t text_len)
{
    if (info != NULL)
        memcpy(info, fail_info, sizeof fail_info);
    if (text != NULL && text_len > 0)
        snprintf(text, (size_t)text_len, "%s", fail_text);
    return fail_info[AP4J_FAIL_CODE];
}

int32_t ap4j_abi_version(void)
{
    ap4j_fail_reset();
    return AP4J_ABI_VERSION;
}

int32_t ap4j_tapq(const uint16_t *apqns, int32_t count, int32_t *cc, uint64_t *gr1,
                  uint64_t *gr2)
{
    int32_t rc = AP4J_OK;

    ap4j_fail_reset();
    if (count < 0 || count > AP4J_MAX_APQNS)
        return ap4j_fail(AP4J_E_INVALID_ARG, "count %d outside 0..%d", (int)count,
                         AP4J_MAX_APQNS);
    if (count > 0 && (apqns == NULL || cc == NULL || gr1 == NULL || gr2 == NULL))
        return ap4j_fail(AP4J_E_INVALID_ARG, "NULL array for a batch of %d", (int)count);
    if (count == 0)
        return AP4J_OK;

    pthread_mutex_lock(&ap4j_lock);
    if (replay_active_locked())
        replay_tapq_locked(apqns, count, cc, gr1, gr2);
    else
        rc = hw_tapq_locked(apqns, count, cc, gr1, gr2);
    pthread_mutex_unlock(&ap4j_lock);
    return rc;
}

int32_t ap4j_qci(uint8_t block[AP4J_QCI_SIZE])
{
    int32_t rc;

    ap4j_fail_reset();
    if (block == NULL)
        return ap4j_fail(AP4J_E_INVALID_ARG, "NULL QCI block");

    pthread_mutex_lock(&ap4j_lock);
    if (replay_active_locked())
        rc = replay_qci_locked(block);
    else
        rc = hw_qci_locked(block);
    pthread_mutex_unlock(&ap4j_lock);
    return rc;
}

int32_t ap4j_hw_probe(void)
{
    /* TAPQ of 00.0000: any APQN will do, the question is only whether PQAP traps. */
    const uint16_t apqn = 0;
    int32_t cc;
    uint64_t gr1, gr2;
    int32_t rc;

    ap4j_fail_reset();
    pthread_mutex_lock(&ap4j_lock);
    rc = hw_tapq_locked(&apqn, 1, &cc, &gr1, &gr2);
    pthread_mutex_unlock(&ap4j_lock);
    return rc;
}
