/*
 * Hardware backend: PQAP (opcode 0xB2AF, RRE) for TAPQ and QCI.
 *
 * PQAP is a supervisor-state instruction (docs/s390x-emulation.md): in a Linux process it raises
 * SIGILL, si_code ILL_PRVOPC on hardware, ILL_ILLOPC under qemu-user (docs/s390x-emulation.md).
 * Executed inside the JVM that signal kills the JVM (docs/s390x-emulation.md), so PQAP only ever
 * runs in a forked child: one fork per batch, the child installs SA_SIGINFO handlers for
 * SIGILL/SIGSEGV/SIGBUS that siglongjmp back, and sends fixed-size records through a pipe. The
 * child calls only async-signal-safe functions (fork() of a multi-threaded JVM leaves locks held by
 * other threads). After the first trap the verdict is kept for the life of the process and no
 * further child is forked.
 */
#define _GNU_SOURCE /* pipe2() */
#include <errno.h>
#include <string.h>

#include "internal.h"

#if defined(__s390x__)

#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

/* GR0 bits (asm/ap.h; docs/bit-layouts.md): function code in IBM bits 32-39, T bit IBM bit 40. */
#define FC_TAPQ 0UL
#define FC_QCI 4UL
#define GR0_FC(fc) ((fc) << 24)
#define GR0_TAPQ_T (1UL << 23)

/* Remembered verdict (guarded by ap4j_lock): 0 unknown/usable, 1 trapped. */
static int pqap_trapped;
static int32_t trap_signo, trap_code, trap_pid;

/* One record per queue, then (only on a trap) one trap record. */
enum { REC_RESULT = 1, REC_TRAP = 2 };
struct record {
    int32_t kind;
    int32_t a; /* REC_RESULT: cc;  REC_TRAP: signo   */
    int32_t b; /* REC_TRAP: si_code                   */
    int32_t c; /* REC_TRAP: pid of the trapping child */
    uint64_t x; /* REC_RESULT: gr1 */
    uint64_t y; /* REC_RESULT: gr2 */
};

/* ---- child side: async-signal-safe only ---- */

static sigjmp_buf child_env;
static volatile sig_atomic_t child_signo, child_code;

static void child_handler(int signo, siginfo_t *si, void *uc)
{
    (void)uc;
    child_signo = signo;
    child_code = si->si_code;
    siglongjmp(child_env, 1);
}

static void child_write(int fd, const void *buf, size_t len)
{
    const char *p = buf;

    while (len > 0) {
        ssize_t w = write(fd, p, len);

        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            _exit(3);
        p += w;
        len -= (size_t)w;
    }
}

static void child_arm(void)
{
    struct sigaction sa;
    sigset_t set;

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = child_handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    /* A synchronous signal that is blocked kills the process, so make sure these are open. */
    sigemptyset(&set);
    sigaddset(&set, SIGILL);
    sigaddset(&set, SIGSEGV);
    sigaddset(&set, SIGBUS);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/* PQAP(TAPQ), as the kernel's ap_tapq()/ap_test_queue() in asm/ap.h, plus IPM for the cc. */
static void pqap_tapq(uint64_t gr0, int32_t *cc, uint64_t *gr1, uint64_t *gr2)
{
    unsigned long r1, r2;
    int ccv;

    asm volatile("	lgr	0,%[gr0]\n"
                 "	lghi	1,0\n"
                 "	lghi	2,0\n"
                 "	.insn	rre,0xb2af0000,0,0\n" /* PQAP */
                 "	ipm	%[cc]\n"
                 "	srl	%[cc],28\n"
                 "	lgr	%[r1],1\n"
                 "	lgr	%[r2],2\n"
                 : [cc] "=&d"(ccv), [r1] "=&d"(r1), [r2] "=&d"(r2)
                 : [gr0] "d"(gr0)
                 : "cc", "0", "1", "2");
    *cc = ccv;
    *gr1 = r1;
    *gr2 = r2;
}

/* PQAP(QCI), as the kernel's ap_qci(): GR0 = 4 << 24, GR2 = block address. */
static int32_t pqap_qci(uint8_t *block)
{
    unsigned long gr0 = GR0_FC(FC_QCI);
    int ccv;

    asm volatile("	lgr	0,%[gr0]\n"
                 "	lgr	2,%[blk]\n"
                 "	.insn	rre,0xb2af0000,0,0\n" /* PQAP */
                 "	ipm	%[cc]\n"
                 "	srl	%[cc],28\n"
                 : [cc] "=&d"(ccv)
                 : [gr0] "d"(gr0), [blk] "a"(block)
                 : "cc", "memory", "0", "1", "2");
    return ccv;
}

/* op 0: TAPQ batch; op 1: QCI (one result record; the block follows it). */
static void child_main(int fd, int op, const uint16_t *apqns, int32_t count)
{
    static uint8_t block[AP4J_QCI_SIZE] __attribute__((aligned(8)));
    struct record r;
    /* volatile: modified between sigsetjmp and a possible siglongjmp */
    volatile int32_t i = 0;

    child_arm();
    if (sigsetjmp(child_env, 1) != 0) {
        memset(&r, 0, sizeof r);
        r.kind = REC_TRAP;
        r.a = child_signo;
        r.b = child_code;
        r.c = (int32_t)getpid();
        child_write(fd, &r, sizeof r);
        _exit(0);
    }
    if (op == 0) {
        for (; i < count; i++) {
            memset(&r, 0, sizeof r);
            r.kind = REC_RESULT;
            pqap_tapq((uint64_t)apqns[i] | GR0_FC(FC_TAPQ) | GR0_TAPQ_T, &r.a, &r.x, &r.y);
            child_write(fd, &r, sizeof r);
        }
    } else {
        memset(&r, 0, sizeof r);
        r.kind = REC_RESULT;
        r.a = pqap_qci(block);
        child_write(fd, &r, sizeof r);
        child_write(fd, block, sizeof block);
    }
    _exit(0);
}

/* ---- parent side ---- */

static const char *sig_name(int signo)
{
    switch (signo) {
    case SIGILL: return "SIGILL";
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    default: return "signal";
    }
}

/* si_code names from <bits/siginfo-consts.h>; ILL_ILLOPC = 1, ILL_PRVOPC = 5. */
static const char *code_name(int signo, int code)
{
    static const char *const ill[] = { "?", "ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR",
                                       "ILL_ILLTRP", "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC",
                                       "ILL_BADSTK" };
    static const char *const segv[] = { "?", "SEGV_MAPERR", "SEGV_ACCERR" };
    static const char *const bus[] = { "?", "BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR" };

    if (signo == SIGILL && code >= 1 && code <= 8)
        return ill[code];
    if (signo == SIGSEGV && code >= 1 && code <= 2)
        return segv[code];
    if (signo == SIGBUS && code >= 1 && code <= 3)
        return bus[code];
    return "si_code?";
}

static int32_t report_trap(void)
{
    ap4j_fail_detail(AP4J_FAIL_SIGNO, trap_signo);
    ap4j_fail_detail(AP4J_FAIL_SICODE, trap_code);
    ap4j_fail_detail(AP4J_FAIL_PID, trap_pid);
    return ap4j_fail(AP4J_E_PQAP_TRAPPED, "PQAP not usable: %s %s", sig_name(trap_signo),
                     code_name(trap_signo, trap_code));
}

/* Reads exactly len bytes; returns the number read (short only at EOF or error). */
static size_t read_full(int fd, void *buf, size_t len)
{
    char *p = buf;
    size_t got = 0;

    while (got < len) {
        ssize_t n = read(fd, p + got, len - got);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    return got;
}

static int32_t run_child(int op, const uint16_t *apqns, int32_t count, int32_t *cc,
                         uint64_t *gr1, uint64_t *gr2, uint8_t *block)
{
    int fds[2], status, err;
    int32_t rc = AP4J_OK, results = 0, expected = op == 0 ? count : 1;
    struct record r;
    pid_t pid;

    if (pqap_trapped)
        return report_trap();
    /* O_CLOEXEC: other JVM threads may exec processes while the pipe is open. */
    if (pipe2(fds, O_CLOEXEC) != 0) {
        err = errno;
        ap4j_fail_detail(AP4J_FAIL_ERRNO, err);
        return ap4j_fail(AP4J_E_SYSTEM, "pipe2: %s", strerror(err));
    }
    pid = fork();
    if (pid < 0) {
        err = errno;
        close(fds[0]);
        close(fds[1]);
        ap4j_fail_detail(AP4J_FAIL_ERRNO, err);
        return ap4j_fail(AP4J_E_SYSTEM, "fork: %s", strerror(err));
    }
    if (pid == 0) {
        close(fds[0]);
        child_main(fds[1], op, apqns, count);
    }
    close(fds[1]);

    while (rc == AP4J_OK && read_full(fds[0], &r, sizeof r) == sizeof r) {
        if (r.kind == REC_TRAP) {
            pqap_trapped = 1;
            trap_signo = r.a;
            trap_code = r.b;
            trap_pid = r.c;
            rc = report_trap();
        } else if (r.kind == REC_RESULT && results < expected) {
            if (op == 0) {
                cc[results] = r.a;
                gr1[results] = r.x;
                gr2[results] = r.y;
            } else if (r.a != 0) {
                rc = ap4j_fail(AP4J_E_CHILD, "QCI ended with condition code %d", (int)r.a);
            } else if (read_full(fds[0], block, AP4J_QCI_SIZE) != AP4J_QCI_SIZE) {
                rc = ap4j_fail(AP4J_E_CHILD, "QCI block short");
            }
            results++;
        } else {
            rc = ap4j_fail(AP4J_E_CHILD, "unexpected record kind %d", (int)r.kind);
        }
    }
    close(fds[0]);

    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            err = errno;
            if (rc == AP4J_OK) {
                ap4j_fail_detail(AP4J_FAIL_ERRNO, err);
                rc = ap4j_fail(AP4J_E_SYSTEM, "waitpid: %s", strerror(err));
            }
            return rc;
        }
    }
    if (rc == AP4J_OK && results != expected) {
        ap4j_fail_detail(AP4J_FAIL_PID, (int32_t)pid);
        if (WIFSIGNALED(status)) {
            ap4j_fail_detail(AP4J_FAIL_SIGNO, WTERMSIG(status));
            rc = ap4j_fail(AP4J_E_CHILD, "probe child killed by signal %d after %d of %d results",
                           WTERMSIG(status), (int)results, (int)expected);
        } else {
            rc = ap4j_fail(AP4J_E_CHILD, "probe child exited %d after %d of %d results",
                           WIFEXITED(status) ? WEXITSTATUS(status) : -1, (int)results,
                           (int)expected);
        }
    }
    return rc;
}

int32_t hw_tapq_locked(const uint16_t *apqns, int32_t count, int32_t *cc, uint64_t *gr1,
                       uint64_t *gr2)
{
    return run_child(0, apqns, count, cc, gr1, gr2, NULL);
}

int32_t hw_qci_locked(uint8_t block[AP4J_QCI_SIZE])
{
    return run_child(1, NULL, 0, NULL, NULL, NULL, block);
}

#else /* not s390x */

static int32_t unsupported(void)
{
#if defined(__x86_64__)
    const char *arch = "x86_64";
#elif defined(__aarch64__)
    const char *arch = "aarch64";
#else
    const char *arch = "this architecture";
#endif
    return ap4j_fail(AP4J_E_UNSUPPORTED_ARCH, "PQAP needs s390x; library built for %s", arch);
}

int32_t hw_tapq_locked(const uint16_t *apqns, int32_t count, int32_t *cc, uint64_t *gr1,
                       uint64_t *gr2)
{
    (void)apqns;
    (void)count;
    (void)cc;
    (void)gr1;
    (void)gr2;
    return unsupported();
}

int32_t hw_qci_locked(uint8_t block[AP4J_QCI_SIZE])
{
    (void)block;
    return unsupported();
}

#endif
