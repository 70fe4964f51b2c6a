// SPDX-License-Identifier: Apache-2.0
/*
 * C tests for the ap4j shim, linked with the shim's sources (not the .so) so the same file
 * runs on the host, under -fsanitize=address,undefined, and as a static s390x binary under
 * qemu-s390x-static. Output is one line per check; exit status 1 if any check failed.
 *
 * The Makefile compiles the shim with AP4J_TEST_SEAM, which lets these tests make the PQAP
 * child hang, stop, die or answer short (internal.h); the library itself never has it.
 *
 * Environment: AP4J_EXPECT_QEMU=1 (set by the Makefile's qemu run) makes the s390x trap test
 * insist on si_code ILL_ILLOPC, which is what qemu-user reports for a privileged operation it
 * does not emulate; on hardware it is ILL_PRVOPC.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "internal.h"

static int failures, checks;

static void check(int ok, const char *fmt, ...)
{
    va_list ap;

    checks++;
    if (!ok)
        failures++;
    printf("%s - ", ok ? "ok" : "FAIL");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

static int32_t info[AP4J_FAIL_SLOTS];
static char text[AP4J_FAIL_TEXT];

static int32_t last(void)
{
    return ap4j_last_failure(info, text, sizeof text);
}

/* Asserts rc == want, that ap4j_last_failure() agrees, and that a text was left. */
static void expect_error(int32_t rc, int32_t want, const char *what)
{
    int32_t code = last();

    check(rc == want && code == want && info[AP4J_FAIL_CODE] == want && text[0] != '\0',
          "%s -> rc %d (want %d), last_failure %d '%s'", what, (int)rc, (int)want, (int)code, text);
}

/* 128-byte QCI block: flag word 0xC0000000 (apsc, apxa), na 0x3f, nd 0xff, apm bit 5,
 * aqm bit 0x33, adm bit 0x33 (struct ap_config_info). Hex form as the replay text holds it. */
static uint8_t qci_ref[AP4J_QCI_SIZE];
static char qci_hex[2 * AP4J_QCI_SIZE + 1];

static void make_qci(void)
{
    memset(qci_ref, 0, sizeof qci_ref);
    qci_ref[0] = 0xc0;
    qci_ref[4] = 0x3f;
    qci_ref[5] = 0xff;
    qci_ref[16 + 5 / 8] |= 0x80 >> (5 % 8);
    qci_ref[48 + 0x33 / 8] |= 0x80 >> (0x33 % 8);
    qci_ref[80 + 0x33 / 8] |= 0x80 >> (0x33 % 8);
    for (int i = 0; i < AP4J_QCI_SIZE; i++)
        sprintf(qci_hex + 2 * i, "%02x", qci_ref[i]);
}

#define T_MS 5000 /* timeout for children that answer; the hang tests use less */

static uint64_t parse(const char *textin, int32_t *rc)
{
    uint64_t t = 0;

    *rc = ap4j_replay_parse((const uint8_t *)textin, (int64_t)strlen(textin), &t);
    return t;
}

static void test_abi(void)
{
    check(ap4j_abi_version() == 3 && AP4J_ABI_VERSION == 3, "abi version is 3");
    check(last() == 0 && text[0] == '\0', "no failure recorded after abi_version");
}

static void test_bad_arguments(void)
{
    uint16_t apqn = 0x0533;
    int32_t cc;
    uint64_t g1, g2, t = 1;
    uint8_t block[AP4J_QCI_SIZE];

    expect_error(ap4j_tapq(&apqn, -1, AP4J_TAPQ_T, T_MS, &cc, &g1, &g2), AP4J_E_INVALID_ARG, "tapq count -1");
    expect_error(ap4j_tapq(&apqn, AP4J_MAX_APQNS + 1, AP4J_TAPQ_T, T_MS, &cc, &g1, &g2),
                 AP4J_E_INVALID_ARG, "tapq count 65537");
    expect_error(ap4j_tapq(NULL, 1, AP4J_TAPQ_T, T_MS, &cc, &g1, &g2), AP4J_E_INVALID_ARG, "tapq NULL apqns");
    expect_error(ap4j_tapq(&apqn, 1, AP4J_TAPQ_T, T_MS, &cc, NULL, &g2), AP4J_E_INVALID_ARG, "tapq NULL gr1");
    expect_error(ap4j_tapq(&apqn, 1, 2, T_MS, &cc, &g1, &g2), AP4J_E_INVALID_ARG, "tapq unknown flag 2");
    expect_error(ap4j_tapq(&apqn, 1, 0, 0, &cc, &g1, &g2), AP4J_E_INVALID_ARG, "tapq timeout 0");
    expect_error(ap4j_tapq(&apqn, 1, 0, 600001, &cc, &g1, &g2), AP4J_E_INVALID_ARG, "tapq timeout 600001");
    check(ap4j_tapq(NULL, 0, 0, T_MS, NULL, NULL, NULL) == 0 && last() == 0, "tapq of an empty batch is 0");
    expect_error(ap4j_qci(T_MS, NULL), AP4J_E_INVALID_ARG, "qci NULL block");
    expect_error(ap4j_qci(-5, block), AP4J_E_INVALID_ARG, "qci timeout -5");
    expect_error(ap4j_hw_probe(0), AP4J_E_INVALID_ARG, "hw_probe timeout 0");
    expect_error(ap4j_replay_new(NULL, NULL, NULL, NULL, -1, NULL, &t), AP4J_E_INVALID_ARG, "replay_new n -1");
    check(t == 0, "a failed replay_new leaves handle 0");
    expect_error(ap4j_replay_new(NULL, NULL, NULL, NULL, 2, NULL, &t), AP4J_E_INVALID_ARG, "replay_new NULL arrays");
    expect_error(ap4j_replay_new(NULL, NULL, NULL, NULL, 0, NULL, NULL), AP4J_E_INVALID_ARG, "replay_new NULL handle");
    {
        uint16_t a[2] = { 0x0533, 0x0534 };
        int32_t c[2] = { 0, 4 };
        uint64_t r1[2] = { 0, 0 }, r2[2] = { 0, 0 };

        expect_error(ap4j_replay_new(a, c, r1, r2, 2, NULL, &t), AP4J_E_INVALID_ARG, "replay_new cc 4");
        check(info[AP4J_FAIL_LINE] == 2, "bad cc reported at entry %d (want 2)", (int)info[AP4J_FAIL_LINE]);
        c[1] = 0;
        a[1] = 0x0533;
        expect_error(ap4j_replay_new(a, c, r1, r2, 2, NULL, &t), AP4J_E_INVALID_ARG, "replay_new duplicate APQN");
        check(strcmp(text, "entry 2: APQN 05.0033 appears twice (first on entry 1)") == 0, "duplicate named: '%s'", text);
    }
    expect_error(ap4j_replay_parse(NULL, 1, &t), AP4J_E_INVALID_ARG, "replay_parse NULL text");
    expect_error(ap4j_replay_parse((const uint8_t *)"", -1, &t), AP4J_E_INVALID_ARG, "replay_parse len -1");
    expect_error(ap4j_replay_parse((const uint8_t *)"", AP4J_MAX_REPLAY_BYTES + 1LL, &t),
                 AP4J_E_INVALID_ARG, "replay_parse len above the bound");
    {
        uint64_t junk = 0x1234;   /* not a pointer to a table */
        uint64_t bogus = (uint64_t)(uintptr_t)&junk;

        expect_error(ap4j_replay_tapq(0, &apqn, 1, &cc, &g1, &g2), AP4J_E_INVALID_ARG, "replay_tapq handle 0");
        expect_error(ap4j_replay_qci(bogus, block), AP4J_E_INVALID_ARG, "replay_qci of a non-table");
        expect_error(ap4j_replay_size(0, NULL, NULL), AP4J_E_INVALID_ARG, "replay_size handle 0");
        check(ap4j_replay_free(0) == 0, "replay_free(0) does nothing");
    }
    {
        char small[5];

        ap4j_tapq(&apqn, -1, 0, T_MS, &cc, &g1, &g2);
        ap4j_last_failure(NULL, small, sizeof small);
        check(strlen(small) == 4, "last_failure text truncated to the buffer: '%s'", small);
    }
}

/* Hardware mode: x86 says "unsupported arch"; s390x runs PQAP in a child and it traps. */
static void test_hardware_mode(void)
{
    uint16_t apqns[2] = { 0x0533, 0x0000 };
    int32_t cc[2];
    uint64_t g1[2], g2[2];
    uint8_t block[AP4J_QCI_SIZE];

    ap4j_seam_mode = SEAM_OFF;
#if defined(__s390x__)
    int32_t rc = ap4j_tapq(apqns, 2, AP4J_TAPQ_T, T_MS, cc, g1, g2);
    int32_t pid;
    const char *qemu = getenv("AP4J_EXPECT_QEMU");

    last();
    pid = info[AP4J_FAIL_PID];
    check(rc == AP4J_E_PQAP_TRAPPED, "s390x: PQAP(TAPQ) batch -> rc %d (want %d) '%s'", (int)rc,
          AP4J_E_PQAP_TRAPPED, text);
    check(info[AP4J_FAIL_SIGNO] == SIGILL, "s390x: child caught SIGILL (signo %d)",
          (int)info[AP4J_FAIL_SIGNO]);
    check(pid > 0 && pid != (int32_t)getpid(), "s390x: PQAP ran in child pid %d, not in us (%d)",
          (int)pid, (int)getpid());
    if (qemu != NULL && strcmp(qemu, "1") == 0) {
        check(info[AP4J_FAIL_SICODE] == ILL_ILLOPC &&
                  strcmp(text, "PQAP not usable: SIGILL ILL_ILLOPC") == 0,
              "s390x/qemu: si_code %d, text '%s' (want ILL_ILLOPC)", (int)info[AP4J_FAIL_SICODE], text);
    } else {
        check((info[AP4J_FAIL_SICODE] == ILL_PRVOPC &&
               strcmp(text, "PQAP not usable: SIGILL ILL_PRVOPC") == 0) ||
                  (info[AP4J_FAIL_SICODE] == ILL_ILLOPC &&
                   strcmp(text, "PQAP not usable: SIGILL ILL_ILLOPC") == 0),
              "s390x: si_code %d, text '%s'", (int)info[AP4J_FAIL_SICODE], text);
    }
    /* The verdict is remembered: the same child pid comes back, no new fork. */
    rc = ap4j_qci(T_MS, block);
    last();
    check(rc == AP4J_E_PQAP_TRAPPED && info[AP4J_FAIL_PID] == pid,
          "s390x: QCI answers from the remembered trap (rc %d, pid %d)", (int)rc,
          (int)info[AP4J_FAIL_PID]);
    rc = ap4j_hw_probe(T_MS);
    last();
    check(rc == AP4J_E_PQAP_TRAPPED && info[AP4J_FAIL_PID] == pid,
          "s390x: hw_probe answers from the remembered trap (rc %d, pid %d)", (int)rc,
          (int)info[AP4J_FAIL_PID]);
    check(1, "s390x: process %d still alive after the trap", (int)getpid());
#else
    expect_error(ap4j_tapq(apqns, 2, AP4J_TAPQ_T, T_MS, cc, g1, g2), AP4J_E_UNSUPPORTED_ARCH,
                 "tapq on the hardware");
    check(strstr(text, "s390x") != NULL, "unsupported-arch text names s390x: '%s'", text);
    expect_error(ap4j_qci(T_MS, block), AP4J_E_UNSUPPORTED_ARCH, "qci on the hardware");
    expect_error(ap4j_hw_probe(T_MS), AP4J_E_UNSUPPORTED_ARCH, "hw_probe");
    check(info[AP4J_FAIL_SIGNO] == 0 && info[AP4J_FAIL_PID] == 0, "no child, no signal");
#endif
}

static void expect_tapq(uint64_t t, uint16_t apqn, int32_t want_cc, uint64_t want_gr1,
                        uint64_t want_gr2)
{
    int32_t cc = -1;
    uint64_t g1 = 0xdead, g2 = 0xdead;
    int32_t rc = ap4j_replay_tapq(t, &apqn, 1, &cc, &g1, &g2);

    check(rc == 0 && cc == want_cc && g1 == want_gr1 && g2 == want_gr2,
          "replay %02x.%04x -> rc %d cc %d gr1 0x%016llx gr2 0x%016llx", apqn >> 8, apqn & 0xff,
          (int)rc, (int)cc, (unsigned long long)g1, (unsigned long long)g2);
}

static void test_replay_arrays(void)
{
    const uint16_t a[2] = { 0x0533, 0x0105 };
    const int32_t c[2] = { 0, 0 };
    /* GR1: queue empty (status bit 0) + irq enabled (bit 7), RC 0 (struct ap_queue_status).
     * GR2: cca+apxa, class 0x80, at 13 (CEX7), nd 0x55, ml 3, qd 7 (struct ap_tapq_hwinfo). */
    const uint64_t r1[2] = { 0x0000000081000000ULL, 0x0000000080000000ULL };
    const uint64_t r2[2] = { 0x128000000D550307ULL, 0x044000000C100307ULL };
    uint16_t batch[3] = { 0x0105, 0x0533, 0x0777 }, ea[2];
    int32_t cc[3], ec[2], n = -1, has_qci = -1;
    uint64_t g1[3], g2[3], e1[2], e2[2], t = 0, empty = 0;
    uint8_t block[AP4J_QCI_SIZE];

    check(ap4j_replay_new(a, c, r1, r2, 2, qci_ref, &t) == 0 && t != 0, "replay_new of 2 entries + qci");
    check(ap4j_replay_tapq(t, batch, 3, cc, g1, g2) == 0, "replay_tapq batch of 3");
    check(cc[0] == 0 && g1[0] == r1[1] && g2[0] == r2[1], "batch[0] 01.0005 answered from table");
    check(cc[1] == 0 && g1[1] == r1[0] && g2[1] == r2[0], "batch[1] 05.0033 answered from table");
    check(cc[2] == 3 && g1[2] == 0x10000 && g2[2] == 0,
          "batch[2] 07.0077 absent -> cc 3, RC 0x01 Q_NOT_AVAIL (gr1 0x%llx)",
          (unsigned long long)g1[2]);
    check(((g1[2] >> 16) & 0xff) == 0x01, "absent answer decodes to response code 0x01");
    memset(block, 0xee, sizeof block);
    check(ap4j_replay_qci(t, block) == 0 && memcmp(block, qci_ref, sizeof block) == 0, "qci from table");
    check(ap4j_replay_size(t, &n, &has_qci) == 0 && n == 2 && has_qci == 1, "size 2 with qci");
    memset(block, 0, sizeof block);
    check(ap4j_replay_export(t, 2, ea, ec, e1, e2, block) == 0 && ea[0] == 0x0105 && ea[1] == 0x0533
              && e2[0] == r2[1] && e1[1] == r1[0] && memcmp(block, qci_ref, sizeof block) == 0,
          "export gives the answers sorted by APQN and the block");
    expect_error(ap4j_replay_export(t, 3, ea, ec, e1, e2, NULL), AP4J_E_INVALID_ARG, "export with a wrong n");

    check(ap4j_replay_new(NULL, NULL, NULL, NULL, 0, NULL, &empty) == 0, "empty replay table");
    expect_tapq(empty, 0x0533, 3, 0x10000, 0);
    expect_error(ap4j_replay_qci(empty, block), AP4J_E_NO_QCI, "qci from a table without qci");
    /* the other table is untouched by the second one */
    expect_tapq(t, 0x0533, 0, r1[0], r2[0]);
    check(ap4j_replay_free(empty) == 0 && ap4j_replay_free(t) == 0, "both tables freed");
}

static const char *good_text(void)
{
    static char content[2048];

    snprintf(content, sizeof content,
             "# ap4j replay table\n"
             "\n"
             "   # indented comment with bytes that are not UTF-8: \xff\xfe\xc3(\n"
             "qci %s\n"
             "tapq 05.0033 0 0x0000000081000000 0x128000000D550307\n"
             "tapq\t01.0005  0\t0x0000000080000000 0x044000000c100307  \r\n"
             "tapq ff.00ff 3 0x0000000000030000 0x0000000000000000",  /* no final newline */
             qci_hex);
    return content;
}

static void test_replay_text(void)
{
    uint8_t block[AP4J_QCI_SIZE];
    uint32_t word;
    int32_t rc, n;
    uint64_t t = parse(good_text(), &rc);

    check(rc == 0 && t != 0 && last() == 0, "good replay text parses ('%s')", text);
    expect_tapq(t, 0x0533, 0, 0x0000000081000000ULL, 0x128000000D550307ULL);
    expect_tapq(t, 0x0105, 0, 0x0000000080000000ULL, 0x044000000C100307ULL);
    expect_tapq(t, 0xffff, 3, 0x0000000000030000ULL, 0);
    expect_tapq(t, 0x0534, 3, 0x10000, 0);
    check(ap4j_replay_size(t, &n, NULL) == 0 && n == 3, "three tapq lines");
    check(ap4j_replay_qci(t, block) == 0 && memcmp(block, qci_ref, sizeof block) == 0,
          "qci bytes equal the text's hex digits in order");
    /* The block keeps the machine's big-endian byte order; read natively, word 0 (flags) is
     * 0xC0000000 on s390x and byte-swapped on little-endian hosts. */
    memcpy(&word, block, sizeof word);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    check(word == 0xC0000000u, "big-endian: native u32 of the flag word is 0x%08x", word);
#else
    check(word == 0x000000C0u, "little-endian: native u32 of the flag word is 0x%08x", word);
#endif
    ap4j_replay_free(t);

    /* an empty text is an empty table; NUL is refused even inside a comment */
    t = parse("", &rc);
    check(rc == 0 && ap4j_replay_size(t, &n, NULL) == 0 && n == 0, "empty text, empty table");
    ap4j_replay_free(t);
    {
        static const char nul[] = "# one\n# two \0 hidden\ntapq 05.0033 0 0x0000000000000000 0x0000000000000000\n";

        rc = ap4j_replay_parse((const uint8_t *)nul, (int64_t)sizeof nul - 1, &t);
        expect_error(rc, AP4J_E_PARSE, "NUL in a comment");
        check(info[AP4J_FAIL_LINE] == 2 && strcmp(text, "line 2: NUL byte") == 0, "NUL: '%s'", text);
    }
}

struct bad_case {
    const char *name;
    const char *content;
    int32_t line;
    const char *message; /* NULL: only the line is checked */
};

static void test_malformed_text(void)
{
    char longline[400], longtext[500], okline[400];
    char qci_short[300], qci_badhex[300], twice[700];

    memset(longline, 'a', sizeof longline);
    longline[0] = '#';
    longline[AP4J_MAX_REPLAY_LINE + 1] = '\0';  /* 319 bytes */
    snprintf(longtext, sizeof longtext, "# ok\n%s\n", longline);
    snprintf(qci_short, sizeof qci_short, "qci %.254s\n", qci_hex);
    snprintf(qci_badhex, sizeof qci_badhex, "qci %.255sg\n", qci_hex);
    snprintf(twice, sizeof twice, "qci %s\nqci %s\n", qci_hex, qci_hex);

    const struct bad_case cases[] = {
        { "apqn too short", "tapq 5.0033 0 0x0000000000000000 0x0000000000000000\n", 1,
          "line 1: bad APQN '5.0033' (want AA.DDDD, domain <= 00ff)" },
        { "domain above 00ff", "# c\ntapq 05.0100 0 0x0000000000000000 0x0000000000000000\n", 2, NULL },
        { "apqn not hex", "tapq 0g.0033 0 0x0000000000000000 0x0000000000000000\n", 1, NULL },
        { "cc 4", "tapq 05.0033 4 0x0000000000000000 0x0000000000000000\n", 1,
          "line 1: bad condition code '4' (want 0..3)" },
        { "cc -1", "tapq 05.0033 -1 0x0000000000000000 0x0000000000000000\n", 1, NULL },
        { "gr1 without 0x", "tapq 05.0033 0 0000000000000000 0x0000000000000000\n", 1, NULL },
        { "gr1 15 digits", "tapq 05.0033 0 0x000000000000000 0x0000000000000000\n", 1, NULL },
        { "gr2 17 digits", "tapq 05.0033 0 0x0000000000000000 0x00000000000000000\n", 1, NULL },
        { "non-ASCII digit, escaped", "tapq 05.0033 0 0x0000000000000000 0x000000000000000\xef\xbc\x91\n", 1,
          "line 1: bad gr2 '0x000000000000000\\xef\\xbc\\x91' (want 0x + 16 hex digits)" },
        { "terminal escape, escaped", "\x1b]0;x\a 05.0033\n", 1,
          "line 1: unknown keyword '\\x1b]0;x\\x07'" },
        { "extra token", "tapq 05.0033 0 0x0000000000000000 0x0000000000000000 x\n", 1, NULL },
        { "missing token", "\n\ntapq 05.0033 0 0x0000000000000000\n", 3,
          "line 3: expected 'tapq AA.DDDD <cc> 0x<gr1> 0x<gr2>'" },
        { "unknown keyword", "nqap 05.0033\n", 1, "line 1: unknown keyword 'nqap'" },
        { "qci 254 digits", qci_short, 1, "line 1: qci block has 254 hex digits, not 256" },
        { "qci bad hex digit", qci_badhex, 1, "line 1: qci block: bad hex digit at 256" },
        { "second qci line", twice, 2, "line 2: second qci line" },
        { "line too long", longtext, 2, "line 2: longer than 318 bytes" },
        { "duplicate apqn",
          "tapq 05.0033 0 0x0000000000000000 0x0000000000000000\n# c\n"
          "tapq 05.0033 1 0x0000000000000000 0x0000000000000000\n", 3,
          "line 3: APQN 05.0033 appears twice (first on line 1)" },
    };

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int32_t rc;
        uint64_t t = parse(cases[i].content, &rc);

        expect_error(rc, AP4J_E_PARSE, cases[i].name);
        check(t == 0, "%s: no table", cases[i].name);
        check(info[AP4J_FAIL_LINE] == cases[i].line, "%s: line %d reported (want %d)",
              cases[i].name, (int)info[AP4J_FAIL_LINE], (int)cases[i].line);
        if (cases[i].message != NULL)
            check(strcmp(text, cases[i].message) == 0, "%s: '%s'", cases[i].name, text);
    }
    /* one byte less than too long is fine */
    memset(okline, 'a', sizeof okline);
    okline[0] = '#';
    okline[AP4J_MAX_REPLAY_LINE] = '\0';
    {
        int32_t rc;
        uint64_t t = parse(okline, &rc);

        check(rc == 0, "a 318-byte comment line parses");
        ap4j_replay_free(t);
    }
}

/* At most 65536 tapq lines: every APQN once is fine, one more is not. */
static void test_table_bound(void)
{
    size_t cap = (AP4J_MAX_APQNS + 1) * 56 + 1, len = 0;
    char *buf = malloc(cap);
    int32_t rc, n;
    uint64_t t;

    for (int i = 0; i < AP4J_MAX_APQNS; i++)
        len += (size_t)snprintf(buf + len, cap - len, "tapq %02x.%04x 0 0x%016x 0x%016x\n",
                                i >> 8, i & 0xff, i, 0);
    check(len < (size_t)AP4J_MAX_REPLAY_BYTES, "65536 lines are %zu bytes", len);
    t = parse(buf, &rc);
    check(rc == 0 && ap4j_replay_size(t, &n, NULL) == 0 && n == AP4J_MAX_APQNS,
          "65536 tapq lines parse (rc %d)", (int)rc);
    expect_tapq(t, 0xfe12, 0, 0xfe12, 0);
    ap4j_replay_free(t);
    snprintf(buf + len, cap - len, "tapq 00.0000 0 0x0000000000000000 0x0000000000000000\n");
    t = parse(buf, &rc);
    expect_error(rc, AP4J_E_PARSE, "65537 tapq lines");
    check(strcmp(text, "line 65537: more than 65536 tapq lines") == 0, "'%s'", text);
    free(buf);
}

/* Replay is per table: threads querying two different tables at once each get their own
 * answers, every time (ABI 1 had one process-wide table). */
struct reader_arg {
    uint64_t table;
    uint64_t want_gr2;
    long bad;
};

static void *reader(void *p)
{
    struct reader_arg *a = p;

    for (int i = 0; i < 20000; i++) {
        uint16_t q = 0x0533;
        int32_t cc;
        uint64_t g1, g2;

        if (ap4j_replay_tapq(a->table, &q, 1, &cc, &g1, &g2) != 0 || cc != 0 || g2 != a->want_gr2)
            a->bad++;
    }
    return NULL;
}

static void test_threads(void)
{
    int32_t rc;
    uint64_t t1 = parse("tapq 05.0033 0 0x0000000000000000 0x1111111111111111\n", &rc);
    uint64_t t2 = parse("tapq 05.0033 0 0x0000000000000000 0x2222222222222222\n", &rc);
    pthread_t th[4];
    struct reader_arg args[4];
    long bad = 0;

    for (int i = 0; i < 4; i++) {
        args[i] = (struct reader_arg){ i % 2 ? t2 : t1,
                                       i % 2 ? 0x2222222222222222ULL : 0x1111111111111111ULL, 0 };
        pthread_create(&th[i], NULL, reader, &args[i]);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        bad += args[i].bad;
    }
    check(bad == 0, "4 threads on 2 tables, 80000 answers: %ld from the wrong table", bad);
    ap4j_replay_free(t1);
    ap4j_replay_free(t2);
}

/* No child of ours is left behind, neither running nor as a zombie. */
static void expect_no_children(const char *what)
{
    errno = 0;
    check(waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD, "%s: no child left", what);
}

/* The PQAP child, driven through the test seam (fake PQAP, misbehaving children). */
static void test_child(void)
{
    uint16_t apqns[3] = { 0x0533, 0x0534, 0xff00 };
    int32_t cc[3];
    uint64_t g1[3], g2[3];
    uint8_t block[AP4J_QCI_SIZE];
    int32_t rc;

    ap4j_seam_mode = SEAM_FAKE;
    rc = ap4j_tapq(apqns, 3, AP4J_TAPQ_T, T_MS, cc, g1, g2);
    check(rc == 0 && cc[0] == 0 && g1[2] == 0xff00 && g2[0] == ~(uint64_t)0x0533 && g2[2] == ~(uint64_t)0xff00,
          "child answers a batch of 3 with the T bit (rc %d, gr2 0x%llx)", (int)rc, (unsigned long long)g2[0]);
    rc = ap4j_tapq(apqns, 3, 0, T_MS, cc, g1, g2);
    check(rc == 0 && g1[1] == 0x0534 && g2[0] == 0 && g2[1] == 0,
          "without the T bit GR0 bit 40 is 0 (fake GR2 0x%llx)", (unsigned long long)g2[0]);
    rc = ap4j_qci(T_MS, block);
    check(rc == 0 && block[0] == 0xa5 && block[127] == (uint8_t)(0xa5 ^ 127), "QCI block from the child");
    expect_no_children("good calls");

    ap4j_seam_mode = SEAM_QCI_CC;
    expect_error(ap4j_qci(T_MS, block), AP4J_E_QCI_CC, "QCI condition code 3");
    check(info[AP4J_FAIL_CC] == 3 && strcmp(text, "PQAP(QCI) ended with condition code 3") == 0,
          "QCI cc kept: %d '%s'", (int)info[AP4J_FAIL_CC], text);

    ap4j_seam_mode = SEAM_HANG;
    expect_error(ap4j_tapq(apqns, 3, AP4J_TAPQ_T, 300, cc, g1, g2), AP4J_E_TIMEOUT, "child hangs");
    check(info[AP4J_FAIL_SIGNO] == SIGKILL && info[AP4J_FAIL_PID] > 0 &&
              strstr(text, "gave 1 of 3 answers in 300 ms; killed with SIGKILL") != NULL,
          "hang: '%s'", text);
    expect_no_children("after the hang");

    ap4j_seam_mode = SEAM_STOP;
    expect_error(ap4j_qci(300, block), AP4J_E_TIMEOUT, "child stopped by SIGSTOP");
    expect_no_children("after the stop");

    ap4j_seam_mode = SEAM_DIE;
    expect_error(ap4j_tapq(apqns, 2, AP4J_TAPQ_T, T_MS, cc, g1, g2), AP4J_E_CHILD, "child killed");
    check(info[AP4J_FAIL_SIGNO] == SIGKILL &&
              strcmp(text, "PQAP child killed by SIGKILL (9) after 0 of 2 answers") == 0, "killed: '%s'", text);

    ap4j_seam_mode = SEAM_SHORT;
    expect_error(ap4j_tapq(apqns, 2, AP4J_TAPQ_T, T_MS, cc, g1, g2), AP4J_E_CHILD, "child answers short");
    check(strcmp(text, "PQAP child exited 0 after 0 of 2 answers") == 0, "short: '%s'", text);
    expect_no_children("after the failures");

    /* An embedding process that ignores SIGCHLD: the kernel reaps the child, waitpid() says
     * ECHILD. A good batch is still good; a failure still says what is known. */
    signal(SIGCHLD, SIG_IGN);
    ap4j_seam_mode = SEAM_FAKE;
    rc = ap4j_tapq(apqns, 3, AP4J_TAPQ_T, T_MS, cc, g1, g2);
    check(rc == 0 && g1[0] == 0x0533, "SIGCHLD ignored: a good batch is good (rc %d '%s')", (int)rc,
          (last(), text));
    check(ap4j_qci(T_MS, block) == 0, "SIGCHLD ignored: QCI is good");
    ap4j_seam_mode = SEAM_SHORT;
    rc = ap4j_tapq(apqns, 2, AP4J_TAPQ_T, T_MS, cc, g1, g2);
    expect_error(rc, AP4J_E_CHILD, "SIGCHLD ignored: short answer");
    check(strstr(text, "after 0 of 2 answers") != NULL, "SIGCHLD ignored, short: '%s'", text);
    ap4j_seam_mode = SEAM_HANG;
    expect_error(ap4j_tapq(apqns, 3, 0, 300, cc, g1, g2), AP4J_E_TIMEOUT, "SIGCHLD ignored: hang");
    signal(SIGCHLD, SIG_DFL);
    expect_no_children("SIGCHLD ignored");
    ap4j_seam_mode = SEAM_OFF;
}


/* Writes len bytes of c to dir/name. */
static void put_file(const char *dir, const char *name, const char *text, size_t len)
{
    char path[512];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "wb");
    if (f == NULL || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
        perror(path);
        exit(2);
    }
}

/* A directory with a file of every kind the reader meets, in a fresh temporary directory. */
static char dir_root[256];
static char dir_dev[300];

static void make_device_dir(void)
{
    char path[512];
    static char big[64 * 1024 + 10];

    snprintf(dir_root, sizeof dir_root, "%s/ap4j-ctest-XXXXXX",
             getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
    if (mkdtemp(dir_root) == NULL) {
        perror("mkdtemp");
        exit(2);
    }
    snprintf(dir_dev, sizeof dir_dev, "%s/05.0033", dir_root);
    mkdir(dir_dev, 0755);
    put_file(dir_dev, "online", "1\n", 2);
    put_file(dir_dev, "empty", "", 0);
    memset(big, 'x', sizeof big);
    put_file(dir_dev, "big", big, sizeof big);
    snprintf(path, sizeof path, "%s/driver", dir_dev);
    if (symlink("../../../bus/ap/drivers/cex4queue", path) != 0)
        perror("symlink");
    snprintf(path, sizeof path, "%s/fifo", dir_dev);
    if (mkfifo(path, 0644) != 0)
        perror("mkfifo");
    snprintf(path, sizeof path, "%s/power", dir_dev);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/link-dir", dir_root);
    if (symlink("05.0033", path) != 0)
        perror("symlink");
}

static void remove_device_dir(void)
{
    const char *names[] = {"online", "empty", "big", "driver", "fifo"};
    char path[512];

    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir_dev, names[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/power", dir_dev);
    rmdir(path);
    rmdir(dir_dev);
    snprintf(path, sizeof path, "%s/link-dir", dir_root);
    unlink(path);
    rmdir(dir_root);
}

/* The names back to back, NUL-terminated each, as ap4j_read_dir() takes them. */
static const char read_names[] = "online\0empty\0big\0driver\0fifo\0power\0absent";
#define READ_COUNT 7

static void test_read_dir(void)
{
    static char out[2 * 64 * 1024 + 1];
    int32_t kinds[READ_COUNT], offsets[READ_COUNT], lengths[READ_COUNT];
    int32_t rc;

    make_device_dir();
    /* The FIFO has no writer: an open without O_NONBLOCK would wait here for ever. */
    rc = ap4j_read_dir(dir_dev, read_names, sizeof read_names, READ_COUNT, 64 * 1024, out,
                       sizeof out, kinds, offsets, lengths);
    check(rc == 0, "read_dir of a device directory -> %d", (int)rc);
    check(kinds[0] == AP4J_ENTRY_FILE && lengths[0] == 2 && memcmp(out + offsets[0], "1\n", 2) == 0,
          "read_dir: a file's contents (kind %d, %d bytes)", (int)kinds[0], (int)lengths[0]);
    check(kinds[1] == AP4J_ENTRY_FILE && lengths[1] == 0,
          "read_dir: an empty file is a file of 0 bytes");
    check(kinds[2] == AP4J_ENTRY_FILE && lengths[2] == 64 * 1024 + 1,
          "read_dir: a file over max_file reads as max_file + 1 bytes (%d)", (int)lengths[2]);
    check(kinds[3] == AP4J_ENTRY_LINK && lengths[3] == 33
          && memcmp(out + offsets[3], "../../../bus/ap/drivers/cex4queue", 33) == 0,
          "read_dir: a link's target text, not followed");
    check(kinds[4] == AP4J_ENTRY_ASK, "read_dir: a FIFO is left to the caller, without waiting");
    check(kinds[5] == AP4J_ENTRY_ASK, "read_dir: a directory is left to the caller");
    check(kinds[6] == AP4J_ENTRY_ABSENT, "read_dir: a name not in the listing is absent");

    /* After the largest file the others still fit; "big" and "online" in 64 KiB + 3 bytes. */
    rc = ap4j_read_dir(dir_dev, "online\0big", 11, 2, 64 * 1024, out, 64 * 1024 + 3, kinds,
                       offsets, lengths);
    check(rc == 0 && kinds[0] == AP4J_ENTRY_FILE && lengths[0] == 2 && kinds[1] == AP4J_ENTRY_FILE
          && lengths[1] == 64 * 1024 + 1, "read_dir: small files fit beside the largest");
    /* Room for 2 bytes only: a file that fills it may be cut, and is asked. */
    rc = ap4j_read_dir(dir_dev, "online\0big", 11, 2, 64 * 1024, out, 2, kinds, offsets, lengths);
    check(rc == 0 && kinds[0] == AP4J_ENTRY_ASK && kinds[1] == AP4J_ENTRY_ASK,
          "read_dir: an entry without room is asked (kinds %d %d)", (int)kinds[0], (int)kinds[1]);

    {
        char path[512];

        snprintf(path, sizeof path, "%s/link-dir", dir_root);
        rc = ap4j_read_dir(path, "online", 7, 1, 16, out, sizeof out, kinds, offsets, lengths);
        expect_error(rc, AP4J_E_SYSTEM, "read_dir of a link to a directory (O_NOFOLLOW)");
        check(info[AP4J_FAIL_ERRNO] == ELOOP || info[AP4J_FAIL_ERRNO] == ENOTDIR,
              "read_dir of a link keeps errno (%d)", (int)info[AP4J_FAIL_ERRNO]);
        snprintf(path, sizeof path, "%s/online", dir_dev);
        rc = ap4j_read_dir(path, "x", 2, 1, 16, out, sizeof out, kinds, offsets, lengths);
        expect_error(rc, AP4J_E_SYSTEM, "read_dir of a regular file");
        snprintf(path, sizeof path, "%s/none", dir_root);
        rc = ap4j_read_dir(path, "x", 2, 1, 16, out, sizeof out, kinds, offsets, lengths);
        expect_error(rc, AP4J_E_SYSTEM, "read_dir of a missing directory");
    }
    rc = ap4j_read_dir(dir_dev, "online", 6, 1, 16, out, sizeof out, kinds, offsets, lengths);
    expect_error(rc, AP4J_E_INVALID_ARG, "read_dir: names without their final NUL");
    rc = ap4j_read_dir(dir_dev, "online", 7, 2, 16, out, sizeof out, kinds, offsets, lengths);
    expect_error(rc, AP4J_E_INVALID_ARG, "read_dir: fewer names than count");
    rc = ap4j_read_dir(dir_dev, "online", 7, AP4J_READ_DIR_MAX_NAMES + 1, 16, out, sizeof out,
                       kinds, offsets, lengths);
    expect_error(rc, AP4J_E_INVALID_ARG, "read_dir: more names than AP4J_READ_DIR_MAX_NAMES");
    rc = ap4j_read_dir(NULL, "online", 7, 1, 16, out, sizeof out, kinds, offsets, lengths);
    expect_error(rc, AP4J_E_INVALID_ARG, "read_dir: NULL directory");
}

static void test_list_dir(void)
{
    static char out[4096];
    int32_t count = -1, rc;
    int seen_link = 0, seen_file = 0, seen_dir = 0, seen_fifo = 0, entries = 0;

    rc = ap4j_list_dir(dir_dev, out, sizeof out, &count);
    check(rc == 0 && count == 6, "list_dir of a device directory -> %d, %d entries", (int)rc,
          (int)count);
    for (int32_t i = 0, at = 0; rc == 0 && i < count; i++) {
        int kind = out[at];
        const char *name = out + at + 1;

        at += 1 + (int32_t)strlen(name) + 1;
        entries++;
        if (kind == AP4J_ENTRY_LINK) {
            seen_link += strcmp(name, "driver") == 0
                         && strcmp(out + at, "../../../bus/ap/drivers/cex4queue") == 0;
            at += (int32_t)strlen(out + at) + 1;
        } else if (kind == AP4J_ENTRY_FILE) {
            seen_file += strcmp(name, "online") == 0 || strcmp(name, "empty") == 0
                         || strcmp(name, "big") == 0;
        } else if (kind == AP4J_ENTRY_ASK) {
            seen_dir += strcmp(name, "power") == 0;
            seen_fifo += strcmp(name, "fifo") == 0;
        }
    }
    check(entries == 6 && seen_link == 1 && seen_file == 3 && seen_dir == 1 && seen_fifo == 1,
          "list_dir: the link with its target, 3 files, the directory and the FIFO asked");
    rc = ap4j_list_dir(dir_dev, out, 20, &count);
    expect_error(rc, AP4J_E_SIZE, "list_dir into a buffer too small");
    {
        char path[512];

        snprintf(path, sizeof path, "%s/link-dir", dir_root);
        rc = ap4j_list_dir(path, out, sizeof out, &count);
        expect_error(rc, AP4J_E_SYSTEM, "list_dir of a link to a directory (O_NOFOLLOW)");
    }
    rc = ap4j_list_dir(dir_dev, NULL, sizeof out, &count);
    expect_error(rc, AP4J_E_INVALID_ARG, "list_dir: NULL buffer");
    remove_device_dir();
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    make_qci();
    test_abi();
    test_bad_arguments();
    test_child();
    test_hardware_mode();
    test_replay_arrays();
    test_replay_text();
    test_malformed_text();
    test_table_bound();
    test_threads();
    test_read_dir();
    test_list_dir();
    /* After a trap on s390x replay and the seam still work: run them again last. */
    test_child();
    test_hardware_mode();

    printf("%s: %d checks, %d failed\n", failures ? "FAILED" : "PASSED", checks, failures);
    return failures ? 1 : 0;
}
