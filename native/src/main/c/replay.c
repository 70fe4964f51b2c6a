/*
 * Replay backend: ap4j_tapq()/ap4j_qci() answer from a recorded table instead of PQAP.
 * The table is replaced atomically under ap4j_lock; a failed load leaves the old one.
 * File format: see native/README.md ("Replay file format").
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct entry {
    uint16_t apqn;
    int32_t cc;
    uint64_t gr1;
    uint64_t gr2;
};

struct table {
    int32_t n;
    int32_t cap; /* allocated entries */
    int has_qci;
    uint8_t qci[AP4J_QCI_SIZE];
    struct entry *entries; /* sorted by apqn, no duplicates */
};

static struct table *current; /* NULL: hardware mode */

static void table_free(struct table *t)
{
    if (t != NULL) {
        free(t->entries);
        free(t);
    }
}

static int entry_cmp(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;

    return (int)x->apqn - (int)y->apqn;
}

/* Sorts the entries and rejects a repeated APQN; *dup receives it. */
static int table_sort_unique(struct table *t, uint16_t *dup)
{
    if (t->n < 2)
        return 0; /* also keeps a NULL array away from qsort's nonnull argument */
    qsort(t->entries, (size_t)t->n, sizeof *t->entries, entry_cmp);
    for (int32_t i = 1; i < t->n; i++) {
        if (t->entries[i].apqn == t->entries[i - 1].apqn) {
            *dup = t->entries[i].apqn;
            return -1;
        }
    }
    return 0;
}

static void table_install(struct table *t)
{
    pthread_mutex_lock(&ap4j_lock);
    table_free(current);
    current = t;
    pthread_mutex_unlock(&ap4j_lock);
}

int replay_active_locked(void)
{
    return current != NULL;
}

void replay_tapq_locked(const uint16_t *apqns, int32_t count, int32_t *cc, uint64_t *gr1,
                        uint64_t *gr2)
{
    for (int32_t i = 0; i < count; i++) {
        struct entry key = { .apqn = apqns[i] };
        const struct entry *e = current->n == 0 ? NULL
            : bsearch(&key, current->entries, (size_t)current->n, sizeof key, entry_cmp);

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
}

int32_t replay_qci_locked(uint8_t block[AP4J_QCI_SIZE])
{
    if (!current->has_qci)
        return ap4j_fail(AP4J_E_NO_QCI, "replay table holds no qci line");
    memcpy(block, current->qci, AP4J_QCI_SIZE);
    return AP4J_OK;
}

int32_t ap4j_replay_active(void)
{
    int32_t active;

    ap4j_fail_reset();
    pthread_mutex_lock(&ap4j_lock);
    active = replay_active_locked();
    pthread_mutex_unlock(&ap4j_lock);
    return active;
}

int32_t ap4j_replay_clear(void)
{
    ap4j_fail_reset();
    table_install(NULL);
    return AP4J_OK;
}

int32_t ap4j_replay_load(const uint16_t *apqns, const int32_t *cc, const uint64_t *gr1,
                         const uint64_t *gr2, int32_t n, const uint8_t *qci)
{
    struct table *t;
    uint16_t dup;

    ap4j_fail_reset();
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

    t = calloc(1, sizeof *t);
    if (t == NULL || (n > 0 && (t->entries = calloc((size_t)n, sizeof *t->entries)) == NULL)) {
        table_free(t);
        ap4j_fail_detail(AP4J_FAIL_ERRNO, ENOMEM);
        return ap4j_fail(AP4J_E_SYSTEM, "out of memory for a table of %d", (int)n);
    }
    t->n = t->cap = n;
    for (int32_t i = 0; i < n; i++)
        t->entries[i] = (struct entry){ apqns[i], cc[i], gr1[i], gr2[i] };
    if (table_sort_unique(t, &dup) != 0) {
        table_free(t);
        return ap4j_fail(AP4J_E_INVALID_ARG, "APQN %02x.%04x appears twice", dup >> 8,
                         dup & 0xff);
    }
    if (qci != NULL) {
        t->has_qci = 1;
        memcpy(t->qci, qci, AP4J_QCI_SIZE);
    }
    table_install(t);
    return AP4J_OK;
}

/* ---- replay text file ------------------------------------------------------------------ */

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

/* Exactly ndigits hex digits and nothing else; returns -1 otherwise. */
static int parse_hex(const char *s, size_t ndigits, uint64_t *out)
{
    uint64_t v = 0;

    if (strlen(s) != ndigits)
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

/* Kernel APQN form "%02x.%04x" (docs/bit-layouts.md); the domain must fit GR0's 8-bit
 * APQI field (IBM bits 56-63, docs/bit-layouts.md), so 00.0100 and above are rejected. */
static int parse_apqn(const char *s, uint16_t *apqn)
{
    char card[3], dom[5];
    uint64_t c, d;

    if (strlen(s) != 7 || s[2] != '.')
        return -1;
    memcpy(card, s, 2);
    card[2] = '\0';
    memcpy(dom, s + 3, 4);
    dom[4] = '\0';
    if (parse_hex(card, 2, &c) != 0 || parse_hex(dom, 4, &d) != 0 || d > 0xff)
        return -1;
    *apqn = (uint16_t)(c << 8 | d);
    return 0;
}

static int parse_word(const char *s, uint64_t *out)
{
    if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
        return -1;
    return parse_hex(s + 2, 16, out);
}

#define MAX_TOKENS 6

/* Splits line in place at blanks; returns the number of tokens (MAX_TOKENS means "too many"). */
static int tokenize(char *line, char **tok)
{
    int n = 0;
    char *p = line;

    while (n < MAX_TOKENS) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\0')
            break;
        tok[n++] = p;
        while (*p != '\0' && *p != ' ' && *p != '\t')
            p++;
        if (*p != '\0')
            *p++ = '\0';
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
    if (t->cap >= AP4J_MAX_APQNS)
        return -1;
    cap = t->cap == 0 ? 64 : t->cap * 2;
    grown = realloc(t->entries, (size_t)cap * sizeof *grown);
    if (grown == NULL)
        return -1;
    t->entries = grown;
    t->cap = cap;
    return 0;
}

/* Parses one line into t. */
static int32_t parse_line(char *line, long lineno, struct table *t)
{
    char *tok[MAX_TOKENS];
    int n = tokenize(line, tok);
    uint64_t v;

    if (n == 0 || tok[0][0] == '#')
        return AP4J_OK;
    if (strcmp(tok[0], "qci") == 0) {
        if (n != 2)
            return ap4j_fail(AP4J_E_PARSE, "line %ld: qci needs exactly one hex block", lineno);
        if (t->has_qci)
            return ap4j_fail(AP4J_E_PARSE, "line %ld: second qci line", lineno);
        if (strlen(tok[1]) != 2 * AP4J_QCI_SIZE)
            return ap4j_fail(AP4J_E_PARSE, "line %ld: qci block has %zu hex digits, not %d",
                             lineno, strlen(tok[1]), 2 * AP4J_QCI_SIZE);
        for (int i = 0; i < AP4J_QCI_SIZE; i++) {
            int hi = hexval(tok[1][2 * i]), lo = hexval(tok[1][2 * i + 1]);

            if (hi < 0 || lo < 0)
                return ap4j_fail(AP4J_E_PARSE, "line %ld: qci block: bad hex digit at %d",
                                 lineno, 2 * i + (hi < 0 ? 1 : 2));
            t->qci[i] = (uint8_t)(hi << 4 | lo);
        }
        t->has_qci = 1;
        return AP4J_OK;
    }
    if (strcmp(tok[0], "tapq") == 0) {
        struct entry e;

        if (n != 5)
            return ap4j_fail(AP4J_E_PARSE,
                             "line %ld: expected 'tapq AA.DDDD <cc> 0x<gr1> 0x<gr2>'", lineno);
        if (parse_apqn(tok[1], &e.apqn) != 0)
            return ap4j_fail(AP4J_E_PARSE, "line %ld: bad APQN '%.20s' (want AA.DDDD, domain <= 00ff)",
                             lineno, tok[1]);
        if (strlen(tok[2]) != 1 || tok[2][0] < '0' || tok[2][0] > '3')
            return ap4j_fail(AP4J_E_PARSE, "line %ld: bad condition code '%.20s' (want 0..3)",
                             lineno, tok[2]);
        e.cc = tok[2][0] - '0';
        if (parse_word(tok[3], &v) != 0)
            return ap4j_fail(AP4J_E_PARSE, "line %ld: bad gr1 '%.24s' (want 0x + 16 hex digits)",
                             lineno, tok[3]);
        e.gr1 = v;
        if (parse_word(tok[4], &v) != 0)
            return ap4j_fail(AP4J_E_PARSE, "line %ld: bad gr2 '%.24s' (want 0x + 16 hex digits)",
                             lineno, tok[4]);
        e.gr2 = v;
        if (table_reserve(t) != 0)
            return ap4j_fail(AP4J_E_PARSE, "line %ld: more than %d tapq lines or out of memory",
                             lineno, AP4J_MAX_APQNS);
        t->entries[t->n++] = e;
        return AP4J_OK;
    }
    return ap4j_fail(AP4J_E_PARSE, "line %ld: unknown keyword '%.20s'", lineno, tok[0]);
}

static int32_t parse_stream(FILE *f, struct table *t)
{
    /* Longest valid line: "qci " + 256 hex digits; anything longer is malformed. */
    char line[320];
    long lineno = 0;

    while (fgets(line, sizeof line, f) != NULL) {
        size_t len = strlen(line);
        int32_t rc;

        lineno++;
        if (len == sizeof line - 1 && line[len - 1] != '\n' && !feof(f)) {
            ap4j_fail_detail(AP4J_FAIL_LINE, (int32_t)lineno);
            return ap4j_fail(AP4J_E_PARSE, "line %ld: longer than %zu characters", lineno,
                             sizeof line - 2);
        }
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        rc = parse_line(line, lineno, t);
        if (rc != AP4J_OK) {
            ap4j_fail_detail(AP4J_FAIL_LINE, (int32_t)lineno);
            return rc;
        }
    }
    if (ferror(f)) {
        ap4j_fail_detail(AP4J_FAIL_ERRNO, errno);
        return ap4j_fail(AP4J_E_IO, "read error after line %ld: %s", lineno, strerror(errno));
    }
    return AP4J_OK;
}

int32_t ap4j_replay_load_file(const char *path)
{
    struct table *t;
    FILE *f;
    int32_t rc;
    uint16_t dup;

    ap4j_fail_reset();
    if (path == NULL)
        return ap4j_fail(AP4J_E_INVALID_ARG, "NULL path");
    f = fopen(path, "re");
    if (f == NULL) {
        int err = errno;

        ap4j_fail_detail(AP4J_FAIL_ERRNO, err);
        return ap4j_fail(AP4J_E_IO, "cannot open %.100s: %s", path, strerror(err));
    }
    t = calloc(1, sizeof *t);
    if (t == NULL) {
        fclose(f);
        ap4j_fail_detail(AP4J_FAIL_ERRNO, ENOMEM);
        return ap4j_fail(AP4J_E_SYSTEM, "out of memory");
    }
    rc = parse_stream(f, t);
    fclose(f);
    if (rc == AP4J_OK && table_sort_unique(t, &dup) != 0)
        rc = ap4j_fail(AP4J_E_PARSE, "APQN %02x.%04x appears twice", dup >> 8, dup & 0xff);
    if (rc != AP4J_OK) {
        table_free(t);
        return rc;
    }
    table_install(t);
    return AP4J_OK;
}
