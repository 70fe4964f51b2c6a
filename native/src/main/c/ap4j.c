// SPDX-License-Identifier: Apache-2.0
/*
 * Exported hardware entry points (argument checks, then pqap.c), the ABI version and the
 * per-thread failure record. Replay tables are in replay.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Thread-local, like errno: a JNA call and the ap4j_last_failure() that follows it run on
 * the same Java thread, and other threads cannot overwrite the record in between. */
static __thread int32_t fail_info[AP4J_FAIL_SLOTS];
static __thread char fail_text[AP4J_FAIL_TEXT];

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

void ap4j_escape(char *out, size_t outlen, const char *s, size_t len, size_t max)
{
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;

    if (outlen == 0)
        return;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char buf[5];
        size_t n = 0;

        if (i == max) {
            memcpy(buf, "...", 3);
            n = 3;
        } else if (c == '\\' || c == '\'') {
            buf[n++] = '\\';
            buf[n++] = (char)c;
        } else if (c < 0x20 || c >= 0x7f) {
            buf[n++] = '\\';
            buf[n++] = 'x';
            buf[n++] = hex[c >> 4];
            buf[n++] = hex[c & 0xf];
        } else {
            buf[n++] = (char)c;
        }
        if (o + n >= outlen)
            break;
        memcpy(out + o, buf, n);
        o += n;
        if (i == max)
            break;
    }
    out[o] = '\0';
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

/* The child gets at most ten minutes: a caller's mistake in units must not hang it for days. */
#define MAX_TIMEOUT_MS 600000

static int32_t check_timeout(int32_t timeout_ms)
{
    if (timeout_ms < 1 || timeout_ms > MAX_TIMEOUT_MS)
        return ap4j_fail(AP4J_E_INVALID_ARG, "timeout %d ms outside 1..%d", (int)timeout_ms,
                         MAX_TIMEOUT_MS);
    return AP4J_OK;
}

int32_t ap4j_tapq(const uint16_t *apqns, int32_t count, int32_t flags, int32_t timeout_ms,
                  int32_t *cc, uint64_t *gr1, uint64_t *gr2)
{
    ap4j_fail_reset();
    if (count < 0 || count > AP4J_MAX_APQNS)
        return ap4j_fail(AP4J_E_INVALID_ARG, "count %d outside 0..%d", (int)count,
                         AP4J_MAX_APQNS);
    if (count > 0 && (apqns == NULL || cc == NULL || gr1 == NULL || gr2 == NULL))
        return ap4j_fail(AP4J_E_INVALID_ARG, "NULL array for a batch of %d", (int)count);
    if ((flags & ~AP4J_TAPQ_T) != 0)
        return ap4j_fail(AP4J_E_INVALID_ARG, "unknown flags 0x%x", (unsigned)flags);
    if (check_timeout(timeout_ms) != AP4J_OK)
        return AP4J_E_INVALID_ARG;
    if (count == 0)
        return AP4J_OK;
    return hw_tapq(apqns, count, (flags & AP4J_TAPQ_T) != 0, timeout_ms, cc, gr1, gr2);
}

int32_t ap4j_qci(int32_t timeout_ms, uint8_t block[AP4J_QCI_SIZE])
{
    ap4j_fail_reset();
    if (block == NULL)
        return ap4j_fail(AP4J_E_INVALID_ARG, "NULL QCI block");
    if (check_timeout(timeout_ms) != AP4J_OK)
        return AP4J_E_INVALID_ARG;
    return hw_qci(timeout_ms, block);
}

int32_t ap4j_hw_probe(int32_t timeout_ms)
{
    /* TAPQ of 00.0000: any APQN will do, the question is only whether PQAP traps. */
    const uint16_t apqn = 0;
    int32_t cc;
    uint64_t gr1, gr2;

    ap4j_fail_reset();
    if (check_timeout(timeout_ms) != AP4J_OK)
        return AP4J_E_INVALID_ARG;
    return hw_tapq(&apqn, 1, 1, timeout_ms, &cc, &gr1, &gr2);
}
