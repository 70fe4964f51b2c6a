/*
 * C tests for the ap4j shim, linked with the shim's sources (not the .so) so the same file
 * runs on the host, under -fsanitize=address,undefined, and as a static s390x binary under
 * qemu-s390x-static. Output is one line per check; exit status 1 if any check failed.
 *
 * Environment: AP4J_EXPECT_QEMU=1 (set by the Makefile's qemu run) makes the s390x trap test
 * insist on si_code ILL_ILLOPC, which is what qemu-user reports (docs/s390x-emulation.md); on
 * hardware it would be ILL_PRVOPC (docs/s390x-emulation.md).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ap4j.h"

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
static char text[160];

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

static char tmpdir[] = "/tmp/ap4j-ctest-XXXXXX";

static const char *write_file(const char *name, const char *content)
{
    static char path[256];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    f = fopen(path, "w");
    if (f == NULL || fputs(content, f) < 0 || fclose(f) != 0) {
        perror(path);
        exit(2);
    }
    return path;
}

/* 128-byte QCI block: flag word 0xC0000000 (apsc, apxa), na 0x3f, nd 0xff, apm bit 5,
 * aqm bit 0x33, adm bit 0x33 (docs/bit-layouts.md). Hex form as the replay file holds it. */
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

static void test_abi(void)
{
    check(ap4j_abi_version() == AP4J_ABI_VERSION, "abi version is %d", AP4J_ABI_VERSION);
    check(last() == 0 && text[0] == '\0', "no failure recorded after abi_version");
}

static void test_bad_arguments(void)
{
    uint16_t apqn = 0x0533;
    int32_t cc;
    uint64_t g1, g2;

    expect_error(ap4j_tapq(&apqn, -1, &cc, &g1, &g2), AP4J_E_INVALID_ARG, "tapq count -1");
    expect_error(ap4j_tapq(&apqn, AP4J_MAX_APQNS + 1, &cc, &g1, &g2), AP4J_E_INVALID_ARG,
                 "tapq count 65537");
    expect_error(ap4j_tapq(NULL, 1, &cc, &g1, &g2), AP4J_E_INVALID_ARG, "tapq NULL apqns");
    expect_error(ap4j_tapq(&apqn, 1, &cc, NULL, &g2), AP4J_E_INVALID_ARG, "tapq NULL gr1");
    check(ap4j_tapq(NULL, 0, NULL, NULL, NULL) == 0 && last() == 0, "tapq of an empty batch is 0");
    expect_error(ap4j_qci(NULL), AP4J_E_INVALID_ARG, "qci NULL block");
    expect_error(ap4j_replay_load(NULL, NULL, NULL, NULL, -1, NULL), AP4J_E_INVALID_ARG,
                 "replay_load n -1");
    expect_error(ap4j_replay_load(NULL, NULL, NULL, NULL, 2, NULL), AP4J_E_INVALID_ARG,
                 "replay_load NULL arrays");
    {
        uint16_t a[2] = { 0x0533, 0x0534 };
        int32_t c[2] = { 0, 4 };
        uint64_t r1[2] = { 0, 0 }, r2[2] = { 0, 0 };

        expect_error(ap4j_replay_load(a, c, r1, r2, 2, NULL), AP4J_E_INVALID_ARG, "replay_load cc 4");
        check(info[AP4J_FAIL_LINE] == 2, "bad cc reported at entry %d (want 2)", (int)info[AP4J_FAIL_LINE]);
        c[1] = 0;
        a[1] = 0x0533;
        expect_error(ap4j_replay_load(a, c, r1, r2, 2, NULL), AP4J_E_INVALID_ARG,
                     "replay_load duplicate APQN");
        check(strstr(text, "05.0033") != NULL, "duplicate named: '%s'", text);
    }
    expect_error(ap4j_replay_load_file(NULL), AP4J_E_INVALID_ARG, "replay_load_file NULL");
    expect_error(ap4j_replay_load_file("/nonexistent/ap4j.replay"), AP4J_E_IO,
                 "replay_load_file missing file");
    check(info[AP4J_FAIL_ERRNO] == ENOENT, "missing file keeps errno ENOENT (%d)",
          (int)info[AP4J_FAIL_ERRNO]);
    check(ap4j_replay_active() == 0, "failed loads leave hardware mode in force");
    {
        char small[5];

        ap4j_tapq(&apqn, -1, &cc, &g1, &g2);
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

    ap4j_replay_clear();
#if defined(__s390x__)
    int32_t rc = ap4j_tapq(apqns, 2, cc, g1, g2);
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
    rc = ap4j_qci(block);
    last();
    check(rc == AP4J_E_PQAP_TRAPPED && info[AP4J_FAIL_PID] == pid,
          "s390x: QCI answers from the remembered trap (rc %d, pid %d)", (int)rc,
          (int)info[AP4J_FAIL_PID]);
    rc = ap4j_hw_probe();
    last();
    check(rc == AP4J_E_PQAP_TRAPPED && info[AP4J_FAIL_PID] == pid,
          "s390x: hw_probe answers from the remembered trap (rc %d, pid %d)", (int)rc,
          (int)info[AP4J_FAIL_PID]);
    check(1, "s390x: process %d still alive after the trap", (int)getpid());
#else
    expect_error(ap4j_tapq(apqns, 2, cc, g1, g2), AP4J_E_UNSUPPORTED_ARCH, "tapq in hardware mode");
    check(strstr(text, "s390x") != NULL, "unsupported-arch text names s390x: '%s'", text);
    expect_error(ap4j_qci(block), AP4J_E_UNSUPPORTED_ARCH, "qci in hardware mode");
    expect_error(ap4j_hw_probe(), AP4J_E_UNSUPPORTED_ARCH, "hw_probe");
    check(info[AP4J_FAIL_SIGNO] == 0 && info[AP4J_FAIL_PID] == 0, "no child, no signal");
#endif
}

static void expect_tapq(uint16_t apqn, int32_t want_cc, uint64_t want_gr1, uint64_t want_gr2)
{
    int32_t cc = -1;
    uint64_t g1 = 0xdead, g2 = 0xdead;
    int32_t rc = ap4j_tapq(&apqn, 1, &cc, &g1, &g2);

    check(rc == 0 && cc == want_cc && g1 == want_gr1 && g2 == want_gr2,
          "replay %02x.%04x -> rc %d cc %d gr1 0x%016llx gr2 0x%016llx", apqn >> 8, apqn & 0xff,
          (int)rc, (int)cc, (unsigned long long)g1, (unsigned long long)g2);
}

static void test_replay_arrays(void)
{
    const uint16_t a[2] = { 0x0533, 0x0105 };
    const int32_t c[2] = { 0, 0 };
    /* GR1: queue empty (status bit 0) + irq enabled (bit 7), RC 0 (docs/bit-layouts.md).
     * GR2: cca+apxa, class 0x80, at 13 (CEX7), nd 0x55, ml 3, qd 7 (docs/bit-layouts.md). */
    const uint64_t r1[2] = { 0x0000000081000000ULL, 0x0000000080000000ULL };
    const uint64_t r2[2] = { 0x128000000D550307ULL, 0x044000000C100307ULL };
    uint16_t batch[3] = { 0x0105, 0x0533, 0x0777 };
    int32_t cc[3];
    uint64_t g1[3], g2[3];
    uint8_t block[AP4J_QCI_SIZE];

    check(ap4j_replay_load(a, c, r1, r2, 2, qci_ref) == 0, "replay_load of 2 entries + qci");
    check(ap4j_replay_active() == 1, "replay mode active");
    check(ap4j_tapq(batch, 3, cc, g1, g2) == 0, "tapq batch of 3 in replay mode");
    check(cc[0] == 0 && g1[0] == r1[1] && g2[0] == r2[1], "batch[0] 01.0005 answered from table");
    check(cc[1] == 0 && g1[1] == r1[0] && g2[1] == r2[0], "batch[1] 05.0033 answered from table");
    check(cc[2] == 3 && g1[2] == 0x10000 && g2[2] == 0,
          "batch[2] 07.0077 absent -> cc 3, RC 0x01 Q_NOT_AVAIL (gr1 0x%llx)",
          (unsigned long long)g1[2]);
    check(((g1[2] >> 16) & 0xff) == 0x01, "absent answer decodes to response code 0x01");
    memset(block, 0xee, sizeof block);
    check(ap4j_qci(block) == 0 && memcmp(block, qci_ref, sizeof block) == 0, "qci from table");

    check(ap4j_replay_load(NULL, NULL, NULL, NULL, 0, NULL) == 0, "empty replay table loads");
    expect_tapq(0x0533, 3, 0x10000, 0);
    expect_error(ap4j_qci(block), AP4J_E_NO_QCI, "qci from a table without qci");
    check(ap4j_replay_clear() == 0 && ap4j_replay_active() == 0, "replay_clear -> hardware mode");
}

static const char *good_file(void)
{
    static char content[2048];

    snprintf(content, sizeof content,
             "# ap4j replay table\n"
             "\n"
             "   # indented comment\n"
             "qci %s\n"
             "tapq 05.0033 0 0x0000000081000000 0x128000000D550307\n"
             "tapq\t01.0005  0\t0x0000000080000000 0x044000000c100307  \r\n"
             "tapq ff.00ff 3 0x0000000000030000 0x0000000000000000",  /* no final newline */
             qci_hex);
    return write_file("good.replay", content);
}

static void test_replay_file(void)
{
    uint8_t block[AP4J_QCI_SIZE];
    uint32_t word;

    check(ap4j_replay_load_file(good_file()) == 0 && last() == 0, "good replay file loads ('%s')", text);
    expect_tapq(0x0533, 0, 0x0000000081000000ULL, 0x128000000D550307ULL);
    expect_tapq(0x0105, 0, 0x0000000080000000ULL, 0x044000000C100307ULL);
    expect_tapq(0xffff, 3, 0x0000000000030000ULL, 0);
    expect_tapq(0x0534, 3, 0x10000, 0);
    check(ap4j_qci(block) == 0 && memcmp(block, qci_ref, sizeof block) == 0,
          "qci bytes equal the file's hex digits in order");
    /* The block keeps the machine's big-endian byte order; read natively, word 0 (flags) is
     * 0xC0000000 on s390x and byte-swapped on little-endian hosts. */
    memcpy(&word, block, sizeof word);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    check(word == 0xC0000000u, "big-endian: native u32 of the flag word is 0x%08x", word);
#else
    check(word == 0x000000C0u, "little-endian: native u32 of the flag word is 0x%08x", word);
#endif
}

struct bad_case {
    const char *name;
    const char *content;
    int32_t line;
};

static void test_malformed_files(void)
{
    char longline[600];
    char qci_short[300], qci_badhex[300];
    memset(longline, 'a', sizeof longline - 1);
    longline[0] = '#';
    longline[sizeof longline - 1] = '\0';
    snprintf(qci_short, sizeof qci_short, "qci %.254s\n", qci_hex);
    snprintf(qci_badhex, sizeof qci_badhex, "qci %.255sg\n", qci_hex);
    char twice[700];
    snprintf(twice, sizeof twice, "qci %s\nqci %s\n", qci_hex, qci_hex);
    char longfile[700];
    snprintf(longfile, sizeof longfile, "# ok\n%s\n", longline);

    const struct bad_case cases[] = {
        { "apqn too short", "tapq 5.0033 0 0x0000000000000000 0x0000000000000000\n", 1 },
        { "domain above 00ff", "# c\ntapq 05.0100 0 0x0000000000000000 0x0000000000000000\n", 2 },
        { "apqn not hex", "tapq 0g.0033 0 0x0000000000000000 0x0000000000000000\n", 1 },
        { "cc 4", "tapq 05.0033 4 0x0000000000000000 0x0000000000000000\n", 1 },
        { "cc -1", "tapq 05.0033 -1 0x0000000000000000 0x0000000000000000\n", 1 },
        { "gr1 without 0x", "tapq 05.0033 0 0000000000000000 0x0000000000000000\n", 1 },
        { "gr1 15 digits", "tapq 05.0033 0 0x000000000000000 0x0000000000000000\n", 1 },
        { "gr2 17 digits", "tapq 05.0033 0 0x0000000000000000 0x00000000000000000\n", 1 },
        { "extra token", "tapq 05.0033 0 0x0000000000000000 0x0000000000000000 x\n", 1 },
        { "missing token", "\n\ntapq 05.0033 0 0x0000000000000000\n", 3 },
        { "unknown keyword", "nqap 05.0033\n", 1 },
        { "qci 254 digits", qci_short, 1 },
        { "qci bad hex digit", qci_badhex, 1 },
        { "second qci line", twice, 2 },
        { "line too long", longfile, 2 },
        { "duplicate apqn",
          "tapq 05.0033 0 0x0000000000000000 0x0000000000000000\n"
          "tapq 05.0033 0 0x0000000000000000 0x0000000000000000\n", 0 },
    };

    /* Load a known table first: every failed load must leave it in force. */
    check(ap4j_replay_load_file(good_file()) == 0, "reference table loaded");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int32_t rc = ap4j_replay_load_file(write_file("bad.replay", cases[i].content));

        expect_error(rc, AP4J_E_PARSE, cases[i].name);
        if (cases[i].line > 0)
            check(info[AP4J_FAIL_LINE] == cases[i].line && strstr(text, "line ") == text,
                  "%s: line %d reported (want %d)", cases[i].name, (int)info[AP4J_FAIL_LINE],
                  (int)cases[i].line);
    }
    expect_tapq(0x0533, 0, 0x0000000081000000ULL, 0x128000000D550307ULL);
    check(ap4j_replay_active() == 1, "reference table still active after 16 bad loads");
}

/* Readers on 4 threads while the main thread swaps tables: answers stay exact (and ASan
 * would flag a table freed under a reader). */
static volatile int stop_readers;

static void *reader(void *arg)
{
    long bad = 0;

    (void)arg;
    while (!stop_readers) {
        uint16_t q = 0x0533;
        int32_t cc;
        uint64_t g1, g2;

        if (ap4j_tapq(&q, 1, &cc, &g1, &g2) != 0 || cc != 0 || g2 != 0x128000000D550307ULL)
            bad++;
    }
    return (void *)bad;
}

static void test_threads(void)
{
    pthread_t t[4];
    long bad = 0;

    ap4j_replay_load_file(good_file());
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, reader, NULL);
    for (int i = 0; i < 200; i++)
        ap4j_replay_load_file(good_file());
    stop_readers = 1;
    for (int i = 0; i < 4; i++) {
        void *r;

        pthread_join(t[i], &r);
        bad += (long)r;
    }
    check(bad == 0, "4 reader threads during 200 table swaps: %ld wrong answers", bad);
    ap4j_replay_clear();
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (mkdtemp(tmpdir) == NULL) {
        perror("mkdtemp");
        return 2;
    }
    make_qci();
    test_abi();
    test_bad_arguments();
    test_hardware_mode();
    test_replay_arrays();
    test_replay_file();
    test_malformed_files();
    test_threads();
    /* After a trap on s390x replay must still work: run the hardware test again last. */
    test_hardware_mode();

    unlink(write_file("good.replay", ""));
    unlink(write_file("bad.replay", ""));
    rmdir(tmpdir);
    printf("%s: %d checks, %d failed\n", failures ? "FAILED" : "PASSED", checks, failures);
    return failures ? 1 : 0;
}
