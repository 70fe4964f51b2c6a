// SPDX-License-Identifier: Apache-2.0
/*
 * Fuzz harness for the replay text parser (native/src/main/c/replay.c), the only replay parser
 * ap4j has. Built two ways by the Makefile:
 *
 *   clang -fsanitize=fuzzer,address,undefined    libFuzzer drives LLVMFuzzerTestOneInput(),
 *                                                 starting from native/src/test/replay-corpus;
 *   gcc -fsanitize=address,undefined -DAP4J_FUZZ_MAIN
 *                                                 where clang's fuzzer runtime is missing: the
 *                                                 main() below mutates the same corpus with a
 *                                                 fixed-seed generator for a bounded number of runs.
 *
 * Besides "no crash, no sanitizer report", every input is checked against the parser's
 * contract: a refused text leaves no table, reports AP4J_E_PARSE with a line that exists and a
 * printable-ASCII message (everything else escaped); an accepted text formats back to text
 * that parses to the same table.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ap4j.h"

#define REQUIRE(cond, what)                                                                  \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            fprintf(stderr, "fuzz_replay: contract broken: %s\n", what);                     \
            abort();                                                                         \
        }                                                                                    \
    } while (0)

struct dump {
    int32_t n, has_qci;
    uint16_t *apqns;
    int32_t *cc;
    uint64_t *gr1, *gr2;
    uint8_t qci[AP4J_QCI_SIZE];
};

static void dump_of(uint64_t t, struct dump *d)
{
    memset(d, 0, sizeof *d);
    REQUIRE(ap4j_replay_size(t, &d->n, &d->has_qci) == 0, "size of a parsed table");
    REQUIRE(d->n >= 0 && d->n <= AP4J_MAX_APQNS, "table size in range");
    d->apqns = calloc((size_t)d->n + 1, sizeof *d->apqns);
    d->cc = calloc((size_t)d->n + 1, sizeof *d->cc);
    d->gr1 = calloc((size_t)d->n + 1, sizeof *d->gr1);
    d->gr2 = calloc((size_t)d->n + 1, sizeof *d->gr2);
    REQUIRE(d->apqns && d->cc && d->gr1 && d->gr2, "memory");
    REQUIRE(ap4j_replay_export(t, d->n, d->apqns, d->cc, d->gr1, d->gr2, d->qci) == 0, "export");
}

static void dump_free(struct dump *d)
{
    free(d->apqns);
    free(d->cc);
    free(d->gr1);
    free(d->gr2);
}

/* The table as replay text, the way ReplayTable.format() writes it. */
static char *format(const struct dump *d, size_t *len)
{
    size_t cap = 300 + (size_t)d->n * 64, o = 0;
    char *s = malloc(cap);

    REQUIRE(s != NULL, "memory");
    if (d->has_qci) {
        o += (size_t)snprintf(s + o, cap - o, "qci ");
        for (int i = 0; i < AP4J_QCI_SIZE; i++)
            o += (size_t)snprintf(s + o, cap - o, "%02x", d->qci[i]);
        o += (size_t)snprintf(s + o, cap - o, "\n");
    }
    for (int32_t i = 0; i < d->n; i++)
        o += (size_t)snprintf(s + o, cap - o, "tapq %02x.%04x %d 0x%016llx 0x%016llx\n",
                              d->apqns[i] >> 8, d->apqns[i] & 0xff, (int)d->cc[i],
                              (unsigned long long)d->gr1[i], (unsigned long long)d->gr2[i]);
    *len = o;
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint64_t t = 0;
    int32_t info[AP4J_FAIL_SLOTS];
    char text[AP4J_FAIL_TEXT];
    int32_t rc;

    if (size > AP4J_MAX_REPLAY_BYTES)
        return 0;
    rc = ap4j_replay_parse(data, (int64_t)size, &t);
    if (rc != 0) {
        long lines = 1;

        for (size_t i = 0; i < size; i++)
            lines += data[i] == '\n';
        ap4j_last_failure(info, text, sizeof text);
        REQUIRE(t == 0, "a refused text leaves no table");
        REQUIRE(rc == AP4J_E_PARSE, "a refusal is AP4J_E_PARSE");
        REQUIRE(info[AP4J_FAIL_CODE] == rc, "last_failure agrees with the return code");
        REQUIRE(info[AP4J_FAIL_LINE] >= 1 && info[AP4J_FAIL_LINE] <= lines, "the line exists");
        REQUIRE(text[0] != '\0', "a refusal says why");
        for (const char *p = text; *p != '\0'; p++)
            REQUIRE(*p >= 0x20 && *p < 0x7f, "the message is printable ASCII");
        return 0;
    }
    {
        struct dump a, b;
        size_t len;
        char *again;
        uint64_t t2 = 0;

        dump_of(t, &a);
        for (int32_t i = 1; i < a.n; i++)
            REQUIRE(a.apqns[i - 1] < a.apqns[i], "answers sorted, each APQN once");
        for (int32_t i = 0; i < a.n; i++) {
            int32_t cc;
            uint64_t g1, g2;

            REQUIRE(a.cc[i] >= 0 && a.cc[i] <= 3, "cc in 0..3");
            REQUIRE((a.apqns[i] & 0xff) <= 0xff, "domain fits APQI");
            REQUIRE(ap4j_replay_tapq(t, &a.apqns[i], 1, &cc, &g1, &g2) == 0 && cc == a.cc[i]
                        && g1 == a.gr1[i] && g2 == a.gr2[i], "each answer replays itself");
        }
        again = format(&a, &len);
        REQUIRE(ap4j_replay_parse((const uint8_t *)again, (int64_t)len, &t2) == 0,
                "formatted text parses");
        dump_of(t2, &b);
        REQUIRE(a.n == b.n && a.has_qci == b.has_qci, "round trip keeps the size");
        REQUIRE(a.n == 0 || (memcmp(a.apqns, b.apqns, (size_t)a.n * sizeof *a.apqns) == 0
                             && memcmp(a.cc, b.cc, (size_t)a.n * sizeof *a.cc) == 0
                             && memcmp(a.gr1, b.gr1, (size_t)a.n * sizeof *a.gr1) == 0
                             && memcmp(a.gr2, b.gr2, (size_t)a.n * sizeof *a.gr2) == 0),
                "round trip keeps the answers");
        REQUIRE(!a.has_qci || memcmp(a.qci, b.qci, AP4J_QCI_SIZE) == 0, "round trip keeps qci");
        free(again);
        dump_free(&a);
        dump_free(&b);
        ap4j_replay_free(t2);
    }
    ap4j_replay_free(t);
    return 0;
}

#ifdef AP4J_FUZZ_MAIN
/*
 * Bounded random-input driver for machines without libFuzzer: each corpus file given on the
 * command line, then RUNS mutants (byte flips, inserted tokens, truncation, duplication),
 * from a fixed seed so a failure reproduces.
 */
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static const char *const tokens[] = { "tapq ", "qci ", "0x", "0X", ".", "#", "\r", "\n", "\t",
                                      " ", "\0", "\xff", "05.0033", "ff.00ff", "3", "0x0000000000000000" };

int main(int argc, char **argv)
{
    enum { MAXLEN = 8192 };
    static uint8_t seeds[64][MAXLEN];
    static size_t seedlen[64];
    int nseeds = 0;
    long runs = strtol(getenv("FUZZ_RUNS") ? getenv("FUZZ_RUNS") : "200000", NULL, 10);
    uint8_t *buf = malloc(2 * MAXLEN);

    for (int i = 1; i < argc && nseeds < 64; i++) {
        FILE *f = fopen(argv[i], "rb");

        if (f == NULL)
            continue;
        seedlen[nseeds] = fread(seeds[nseeds], 1, MAXLEN, f);
        fclose(f);
        LLVMFuzzerTestOneInput(seeds[nseeds], seedlen[nseeds]);
        nseeds++;
    }
    REQUIRE(nseeds > 0 && buf != NULL, "seed files");
    for (long r = 0; r < runs; r++) {
        int s = (int)(next() % (uint64_t)nseeds);
        size_t len = seedlen[s];

        memcpy(buf, seeds[s], len);
        for (int m = 0, nm = 1 + (int)(next() % 4); m < nm; m++) {
            switch (next() % 4) {
            case 0: /* flip a byte */
                if (len > 0)
                    buf[next() % len] ^= (uint8_t)(1u << (next() % 8));
                break;
            case 1: { /* insert a token */
                const char *t = tokens[next() % (sizeof tokens / sizeof tokens[0])];
                size_t tl = t[0] == '\0' ? 1 : strlen(t), at = len ? next() % (len + 1) : 0;

                if (len + tl < 2 * MAXLEN) {
                    memmove(buf + at + tl, buf + at, len - at);
                    memcpy(buf + at, t, tl);
                    len += tl;
                }
                break;
            }
            case 2: /* truncate */
                len = len ? next() % (len + 1) : 0;
                break;
            default: /* duplicate the first half */
                if (2 * len < 2 * MAXLEN) {
                    memcpy(buf + len, buf, len / 2);
                    len += len / 2;
                }
                break;
            }
        }
        LLVMFuzzerTestOneInput(buf, len);
    }
    printf("fuzz_replay: %d seeds, %ld random inputs, contract held\n", nseeds, runs);
    free(buf);
    return 0;
}
#endif
