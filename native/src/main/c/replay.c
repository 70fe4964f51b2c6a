// SPDX-License-Identifier: Apache-2.0
/*
 * Replay tables: recorded PQAP answers that ap4j_replay_tapq()/ap4j_replay_qci() return
 * instead of executing PQAP. A table is built once (from arrays or from text), never changed,
 * and named by its handle, so threads replaying different tables never see each other's.
 *
 * This is ap4j's only parser of the replay text: the Java side parses through
 * ap4j_replay_parse() too. Format and rules: docs/native.md ("Replay text").
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define TABLE_MAGIC UINT32_C(0x41503452) /* "AP4R" */

struct entry {
    uint16_t apqn;
    int32_t cc;
    uint64_t gr1;
    uint64_t gr2;
    int32_t line; /* text line (or array entry), 1-based, for the duplicate message */
};

struct table {
    uint32_t magic; /* TABLE_MAGIC while alive, 0 once freed */
    int32_t n;
    int32_t cap; /* allocated entries */
    int has_qci;
    uint8_t qci[AP4J_QCI_SIZE];
    struct entry *entries; /* sorted by apqn, no duplicates */
};

static void table_free(struct table *t)
{
    if (t != NULL) {
        t->magic = 0;
        free(t->entries);
        free(t);
    }
}

static struct table *table_of(uint64_t handle)
{
    struct table *t = (struct table *)(uintptr_t)handle;

    return t != NULL && t->magic == TABLE_MAGIC ? t : NULL;
}

static int32_t bad_handle(void)
{
    return ap4j_fail(AP4J_E_INVALID_ARG, "not a replay table handle");
}

static int entry_cmp(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;

    return (int)x->apqn - (int)y->apqn;
}

/* Sorts the entries and rejects a repeated APQN: records failure code with the later of the
 * two lines or entries ("what") and returns -1. */
static int table_sort_unique(struct table *t, const char *what, int32_t code)
{
    int32_t a, b;

    if (t->n < 2)
        return 0; /* also keeps a NULL array away from qsort's nonnull argument */
    qsort(t->entries, (size_t)t->n, sizeof *t->entries, entry_cmp);
    for (int32_t i = 1; i < t->n; i++) {
        const struct entry *x = &t->entries[i - 1], *y = &t->entries[i];

        if (x->apqn == y->apqn) {
            a = x->line < y->line ? x->line : y->line;
            b = x->line < y->line ? y->line : x->line;
            ap4j_fail_detail(AP4J_FAIL_LINE, b);
            ap4j_fail(code, "%s %d: APQN %02x.%04x appears twice (first on %s %d)", what,
                      (int)b, x->apqn >> 8, x->apqn & 0xff, what, (int)a);
            return -1;
        }
    }
    return 0;
}

static struct table *table_alloc(void)
{
    struct table *t = calloc(1, sizeof *t);

    if (t != NULL)
        t->magic = TABLE_MAGIC;
    return t;
}

static int32_t out_of_memory(void)
{
    ap4j_fail_detail(AP4J_FAIL_ERRNO, ENOMEM);
    return ap4j_fail(AP4J_E_SYSTEM, "out of memory for a replay table");
}

int32_t ap4j_replay_new(const uint16_t *apqns, const int32_t *cc, const uint64_t *gr1,
                        const uint64_t *gr2, int32_t n, const uint8_t *qci, uint64_t *table)
{
    struct table *t;

    ap4j_fail_reset();
    if (table == NULL)
        return ap4j_fail(AP4J_E_INVALID_ARG, "NULL table pointer");
    *table = 0;
    if (n < 0 || n > AP4J_MAX_APQNS)
        return ap4j_fail(AP4J_E_INVALID_ARG, "table size %d outside 0..%d", (int)n,
                         AP4J_MAX_APQNS);
    if (n > 0 && (apqns == NULL || cc == NULL || gr1 == NULL || gr2 == NULL))
        return ap4j_fail(AP4J_E_INVALID_ARG, "NULL array for a table of %d", (int)n);
    for (int32_t i = 0; i < n; i++) {
        if (cc[i] < 0 || cc[i] > 3) {
            ap4j_fail_detail(AP4J_FAIL_LINE, i + 1);
            return ap4j_fail(AP4J_E_INVALID_ARG, "entry %d: condition code %d outside 0..3",
                             (int)i + 1, (int)cc[i]);
        }
    }
    t = table_alloc();
    if (t == NULL || (n > 0 && (t->entries = calloc((size_t)n, sizeof *t->entries)) == NULL)) {
        table_free(t);
        return out_of_memory();
    }
    t->n = t->cap = n;
    for (int32_t i = 0; i < n; i++)
        t->entries[i] = (struct entry){ apqns[i], cc[i], gr1[i], gr2[i], i + 1 };
    if (table_sort_unique(t, "entry", AP4J_E_INVALID_ARG) != 0) {
        table_free(t);
        return AP4J_E_INVALID_ARG;
    }
    if (qci != NULL) {
        t->has_qci = 1;
        memcpy(t->qci, qci, AP4J_QCI_SIZE);
    }
    *table = (uint64_t)(uintptr_t)t;
    return AP4J_OK;
}

int32_t ap4j_replay_free(uint64_t handle)
{
    struct table *t;

    ap4j_fail_reset();
    if (handle == 0)
        return AP4J_OK;
    t = table_of(handle);
    if (t == NULL)
        return bad_handle();
    table_free(t);
    return AP4J_OK;
}

int32_t ap4j_replay_size(uint64_t handle, int32_t *n, int32_t *has_qci)
{
    const struct table *t;

    ap4j_fail_reset();
    t = table_of(handle);
    if (t == NULL)
        return bad_handle();
    if (n != NULL)
        *n = t->n;
    if (has_qci != NULL)
        *has_qci = t->has_qci;
    return AP4J_OK;
}

int32_t ap4j_replay_export(uint64_t handle, int32_t n, uint16_t *apqns, int32_t *cc,
                           uint64_t *gr1, uint64_t *gr2, uint8_t *qci)
{
    const struct table *t;

    ap4j_fail_reset();
    t = table_of(handle);
    if (t == NULL)
        return bad_handle();
    if (n != t->n)
        return ap4j_fail(AP4J_E_INVALID_ARG, "table has %d answers, not %d", (int)t->n, (int)n);
    if (n > 0 && (apqns == NULL || cc == NULL || gr1 == NULL || gr2 == NULL))
        return ap4j_fail(AP4J_E_INVALID_ARG, "NULL array for %d answers", (int)n);
    for (int32_t i = 0; i < n; i++) {
        apqns[i] = t->entries[i].apqn;
        cc[i] = t->entries[i].cc;
        gr1[i] = t->entries[i].gr1;
        gr2[i] = t->entries[i].gr2;
    }
    if (qci != NULL && t->has_qci)
        memcpy(qci, t->qci, AP4J_QCI_SIZE);
    return AP4J_OK;
}

int32_t ap4j_replay_tapq(uint64_t handle, const uint16_t *apqns, int32_t count, int32_t *cc,
                         uint64_t *gr1, uint64_t *gr2)
{
    const struct table *t;

    ap4j_fail_reset();
    t = table_of(handle);
    if (t == NULL)
        return bad_handle();
    if (count < 0 || count > AP4J_MAX_APQNS)
        return ap4j_fail(AP4J_E_INVALID_ARG, "count %d outside 0..%d", (int)count,
                         AP4J_MAX_APQNS);
    if (count > 0 && (apqns == NULL || cc == NULL || gr1 == NULL || gr2 == NULL))
        return ap4j_fail(AP4J_E_INVALID_ARG, "NULL array for a batch of %d", (int)count);
    for (int32_t i = 0; i < count; i++) {
        struct entry key = { .apqn = apqns[i] };
        const struct entry *e = t->n == 0 ? NULL
            : bsearch(&key, t->entries, (size_t)t->n, sizeof key, entry_cmp);

        if (e != NULL) {
            cc[i] = e->cc;
            gr1[i] = e->gr1;
            gr2[i] = e->gr2;
        } else {
            /* Not recorded: answer like a queue that does not exist (documented in ap4j.h). */
            cc[i] = AP4J_REPLAY_ABSENT_CC;
            gr1[i] = AP4J_REPLAY_ABSENT_GR1;
            gr2[i] = AP4J_REPLAY_ABSENT_GR2;
        }
    }
    return AP4J_OK;
}

int32_t ap4j_replay_qci(uint64_t handle, uint8_t block[AP4J_QCI_SIZE])
{
    const struct table *t;

    ap4j_fail_reset();
    t = table_of(handle);
    if (t == NULL)
        return bad_handle();
    if (block == NULL)
        return ap4j_fail(AP4J_E_INVALID_ARG, "NULL QCI block");
    if (!t->has_qci)
        return ap4j_fail(AP4J_E_NO_QCI, "replay table holds no qci line");
    memcpy(block, t->qci, AP4J_QCI_SIZE);
    return AP4J_OK;
}

/* ---- replay text ----------------------------------------------------------------------- */

/* A token: a run of bytes without blanks inside a line (not NUL-terminated). */
struct tok {
    const char *p;
    size_t len;
};

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int tok_is(struct tok t, const char *word)
{
    return t.len == strlen(word) && memcmp(t.p, word, t.len) == 0;
}

/* Exactly ndigits ASCII hex digits; returns -1 otherwise. */
static int parse_hex(const char *s, size_t len, size_t ndigits, uint64_t *out)
{
    uint64_t v = 0;

    if (len != ndigits)
        return -1;
    for (size_t i = 0; i < ndigits; i++) {
        int d = hexval(s[i]);

        if (d < 0)
            return -1;
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return 0;
}

/* The kernel's APQN form "%02x.%04x"; the domain must fit GR0's 8-bit APQI field (IBM bits
 * 56-63, asm/ap.h AP_MKQID), so 00.0100 and above are rejected. */
static int parse_apqn(struct tok t, uint16_t *apqn)
{
    uint64_t c, d;

    if (t.len != 7 || t.p[2] != '.')
        return -1;
    if (parse_hex(t.p, 2, 2, &c) != 0 || parse_hex(t.p + 3, 4, 4, &d) != 0 || d > 0xff)
        return -1;
    *apqn = (uint16_t)(c << 8 | d);
    return 0;
}

/* "0x" or "0X" and exactly 16 hex digits. */
static int parse_word(struct tok t, uint64_t *out)
{
    if (t.len < 2 || t.p[0] != '0' || (t.p[1] != 'x' && t.p[1] != 'X'))
        return -1;
    return parse_hex(t.p + 2, t.len - 2, 16, out);
}

#define MAX_TOKENS 6

/* Splits [p, end) at blanks (space, tab); returns the token count, MAX_TOKENS meaning "more". */
static int tokenize(const char *p, const char *end, struct tok *tok)
{
    int n = 0;

    while (n < MAX_TOKENS) {
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (p == end)
            break;
        tok[n].p = p;
        while (p < end && *p != ' ' && *p != '\t')
            p++;
        tok[n].len = (size_t)(p - tok[n].p);
        n++;
    }
    return n;
}

/* Makes room for one more entry; the array grows by doubling up to AP4J_MAX_APQNS. */
static int table_reserve(struct table *t)
{
    struct entry *grown;
    int32_t cap;

    if (t->n < t->cap)
        return 0;
    cap = t->cap == 0 ? 64 : t->cap * 2;
    grown = realloc(t->entries, (size_t)cap * sizeof *grown);
    if (grown == NULL)
        return -1;
    t->entries = grown;
    t->cap = cap;
    return 0;
}

/* A token quoted for a message: escaped, at most 24 input bytes. */
#define QUOTED(buf, t) (ap4j_escape(buf, sizeof buf, (t).p, (t).len, 24), buf)

/* Parses one line [p, end) (no '\n', trailing '\r's already removed) into t. */
static int32_t parse_line(const char *p, const char *end, long lineno, struct table *t)
{
    struct tok tok[MAX_TOKENS];
    int n = tokenize(p, end, tok);
    char q[128];
    uint64_t v;

    if (n == 0 || tok[0].p[0] == '#')
        return AP4J_OK;
    if (tok_is(tok[0], "qci")) {
        if (n != 2)
            return ap4j_fail(AP4J_E_PARSE, "line %ld: qci needs exactly one hex block", lineno);
        if (t->has_qci)
            return ap4j_fail(AP4J_E_PARSE, "line %ld: second qci line", lineno);
        if (tok[1].len != 2 * AP4J_QCI_SIZE)
            return ap4j_fail(AP4J_E_PARSE, "line %ld: qci block has %zu hex digits, not %d",
                             lineno, tok[1].len, 2 * AP4J_QCI_SIZE);
        for (int i = 0; i < AP4J_QCI_SIZE; i++) {
            int hi = hexval(tok[1].p[2 * i]), lo = hexval(tok[1].p[2 * i + 1]);

            if (hi < 0 || lo < 0)
                return ap4j_fail(AP4J_E_PARSE, "line %ld: qci block: bad hex digit at %d",
                                 lineno, 2 * i + (hi < 0 ? 1 : 2));
            t->qci[i] = (uint8_t)(hi << 4 | lo);
        }
        t->has_qci = 1;
        return AP4J_OK;
    }
    if (tok_is(tok[0], "tapq")) {
        struct entry e;

        if (n != 5)
            return ap4j_fail(AP4J_E_PARSE,
                             "line %ld: expected 'tapq AA.DDDD <cc> 0x<gr1> 0x<gr2>'", lineno);
        if (parse_apqn(tok[1], &e.apqn) != 0)
            return ap4j_fail(AP4J_E_PARSE,
                             "line %ld: bad APQN '%s' (want AA.DDDD, domain <= 00ff)", lineno,
                             QUOTED(q, tok[1]));
        if (tok[2].len != 1 || tok[2].p[0] < '0' || tok[2].p[0] > '3')
            return ap4j_fail(AP4J_E_PARSE, "line %ld: bad condition code '%s' (want 0..3)",
                             lineno, QUOTED(q, tok[2]));
        e.cc = tok[2].p[0] - '0';
        if (parse_word(tok[3], &v) != 0)
            return ap4j_fail(AP4J_E_PARSE, "line %ld: bad gr1 '%s' (want 0x + 16 hex digits)",
                             lineno, QUOTED(q, tok[3]));
        e.gr1 = v;
        if (parse_word(tok[4], &v) != 0)
            return ap4j_fail(AP4J_E_PARSE, "line %ld: bad gr2 '%s' (want 0x + 16 hex digits)",
                             lineno, QUOTED(q, tok[4]));
        e.gr2 = v;
        e.line = (int32_t)lineno;
        if (t->n == AP4J_MAX_APQNS)
            return ap4j_fail(AP4J_E_PARSE, "line %ld: more than %d tapq lines", lineno,
                             AP4J_MAX_APQNS);
        if (table_reserve(t) != 0)
            return out_of_memory();
        t->entries[t->n++] = e;
        return AP4J_OK;
    }
    return ap4j_fail(AP4J_E_PARSE, "line %ld: unknown keyword '%s'", lineno, QUOTED(q, tok[0]));
}

static int32_t parse_text(const char *text, size_t len, struct table *t)
{
    const char *p = text, *end = text + len;
    long lineno = 0;

    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl != NULL ? nl : end;
        int32_t rc;

        lineno++;
        if ((size_t)(eol - p) > AP4J_MAX_REPLAY_LINE) {
            ap4j_fail_detail(AP4J_FAIL_LINE, (int32_t)lineno);
            return ap4j_fail(AP4J_E_PARSE, "line %ld: longer than %d bytes", lineno,
                             AP4J_MAX_REPLAY_LINE);
        }
        /* NUL is refused everywhere, comments included: C tools cut lines there, so a table
         * with NUL would mean different things to different readers. */
        if (memchr(p, '\0', (size_t)(eol - p)) != NULL) {
            ap4j_fail_detail(AP4J_FAIL_LINE, (int32_t)lineno);
            return ap4j_fail(AP4J_E_PARSE, "line %ld: NUL byte", lineno);
        }
        const char *stop = eol;
        while (stop > p && stop[-1] == '\r')
            stop--;
        rc = parse_line(p, stop, lineno, t);
        if (rc != AP4J_OK) {
            ap4j_fail_detail(AP4J_FAIL_LINE, (int32_t)lineno);
            return rc;
        }
        p = nl != NULL ? nl + 1 : end;
    }
    return AP4J_OK;
}

int32_t ap4j_replay_parse(const uint8_t *text, int64_t len, uint64_t *table)
{
    struct table *t;
    int32_t rc;

    ap4j_fail_reset();
    if (table == NULL)
        return ap4j_fail(AP4J_E_INVALID_ARG, "NULL table pointer");
    *table = 0;
    if (len < 0 || len > AP4J_MAX_REPLAY_BYTES)
        return ap4j_fail(AP4J_E_INVALID_ARG, "replay text of %lld bytes outside 0..%d",
                         (long long)len, AP4J_MAX_REPLAY_BYTES);
    if (len > 0 && text == NULL)
        return ap4j_fail(AP4J_E_INVALID_ARG, "NULL replay text");
    t = table_alloc();
    if (t == NULL)
        return out_of_memory();
    rc = len == 0 ? AP4J_OK : parse_text((const char *)text, (size_t)len, t);
    if (rc == AP4J_OK && table_sort_unique(t, "line", AP4J_E_PARSE) != 0)
        rc = AP4J_E_PARSE;
    if (rc != AP4J_OK) {
        table_free(t);
        return rc;
    }
    *table = (uint64_t)(uintptr_t)t;
    return AP4J_OK;
}
