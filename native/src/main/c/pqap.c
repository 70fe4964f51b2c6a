// SPDX-License-Identifier: Apache-2.0
/*
 * Hardware backend: PQAP (opcode 0xB2AF, RRE) for TAPQ and QCI, always in a forked child.
 *
 * PQAP is a supervisor-state instruction: in a Linux process it raises SIGILL, si_code
 * ILL_PRVOPC on hardware and ILL_ILLOPC under qemu-user, and inside the JVM that signal would
 * kill the JVM. So PQAP only ever runs in a child: one fork per batch; the child installs
 * SA_SIGINFO handlers for SIGILL/SIGSEGV/SIGBUS that siglongjmp back, and sends fixed-size
 * records through a pipe, ending with an END record. The child calls only async-signal-safe
 * functions (fork() of a multi-threaded JVM leaves locks held by other threads).
 *
 * The parent trusts the pipe, not the exit status: a batch is good when every record and the
 * END record arrived, whatever waitpid() says, so the answer is right even when the embedding
 * process ignores SIGCHLD (the kernel then reaps the child itself) or another thread reaps it.
 * The whole exchange has a deadline (timeout_ms): a child that hangs or is stopped is killed
 * with SIGKILL and reaped, and the call returns AP4J_E_TIMEOUT. No lock is held while a child
 * runs, so one stuck child never blocks another thread's call.
 *
 * A trap is a property of the machine: the first one is remembered for the life of the
 * process and later calls answer from it without forking.
 */
#define _GNU_SOURCE /* pipe2() */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include "internal.h"

#if !defined(__s390x__)
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

#endif

#if defined(__s390x__) || defined(AP4J_TEST_SEAM)

#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifdef AP4J_TEST_SEAM
volatile int ap4j_seam_mode;
#endif

/* GR0 (asm/ap.h): function code in IBM bits 32-39, T bit IBM bit 40, APQN in bits 48-63. */
#define FC_TAPQ 0UL
#define FC_QCI 4UL
#define GR0_FC(fc) ((fc) << 24)
#define GR0_TAPQ_T (1UL << 23)

/* The remembered trap. */
static pthread_mutex_t verdict_lock = PTHREAD_MUTEX_INITIALIZER;
static int pqap_trapped;
static int32_t trap_signo, trap_code, trap_pid;

enum { REC_RESULT = 1, REC_TRAP = 2, REC_END = 3 };
enum { OP_TAPQ = 0, OP_QCI = 1 };

/* One per queue (or one for QCI, then the block if cc is 0), a TRAP instead on a signal,
 * then END. */
struct record {
    int32_t kind;
    int32_t a; /* RESULT: cc;  TRAP: signo;  END: number of RESULT records */
    int32_t b; /* TRAP: si_code */
    int32_t c; /* TRAP: pid of the trapping child */
    uint64_t x; /* RESULT: gr1 */
    uint64_t y; /* RESULT: gr2 */
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

#if defined(__s390x__)
/* PQAP(TAPQ) as the kernel's ap_tapq() in asm/ap.h, with IPM for the condition code. */
static void real_tapq(uint64_t gr0, int32_t *cc, uint64_t *gr1, uint64_t *gr2)
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

/* PQAP(QCI) as the kernel's ap_qci(): GR0 = 4 << 24, GR2 = block address. */
static int32_t real_qci(uint8_t *block)
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
#endif

#ifdef AP4J_TEST_SEAM
static void fake_tapq(uint64_t gr0, int32_t *cc, uint64_t *gr1, uint64_t *gr2)
{
    uint64_t apqn = gr0 & 0xffff;

    *cc = 0;
    *gr1 = apqn;
    *gr2 = (gr0 & GR0_TAPQ_T) != 0 ? ~apqn : 0;
}

static int32_t fake_qci(uint8_t *block)
{
    if (ap4j_seam_mode == SEAM_QCI_CC)
        return 3;
    for (int i = 0; i < AP4J_QCI_SIZE; i++)
        block[i] = (uint8_t)(0xa5 ^ i);
    return 0;
}
#endif

static void do_tapq(uint64_t gr0, int32_t *cc, uint64_t *gr1, uint64_t *gr2)
{
#ifdef AP4J_TEST_SEAM
    if (ap4j_seam_mode != SEAM_OFF) {
        fake_tapq(gr0, cc, gr1, gr2);
        return;
    }
#endif
#if defined(__s390x__)
    real_tapq(gr0, cc, gr1, gr2);
#endif
}

static int32_t do_qci(uint8_t *block)
{
#ifdef AP4J_TEST_SEAM
    if (ap4j_seam_mode != SEAM_OFF)
        return fake_qci(block);
#endif
#if defined(__s390x__)
    return real_qci(block);
#else
    return 3;
#endif
}

/* Misbehaviour for the tests, after `sent` records. */
static void child_seam(int fd, int32_t sent)
{
#ifdef AP4J_TEST_SEAM
    switch (ap4j_seam_mode) {
    case SEAM_HANG:
        if (sent == 1)
            for (;;)
                pause();
        break;
    case SEAM_STOP:
        if (sent == 0)
            raise(SIGSTOP);
        break;
    case SEAM_DIE:
        if (sent == 0)
            raise(SIGKILL);
        break;
    case SEAM_SHORT:
        if (sent == 0) {
            struct record r;

            memset(&r, 0, sizeof r);
            r.kind = REC_RESULT;
            child_write(fd, &r, sizeof r / 2);
            _exit(0);
        }
        break;
    default:
        break;
    }
#else
    (void)fd;
    (void)sent;
#endif
}

static void child_main(int fd, int op, const uint16_t *apqns, int32_t count, int tbit)
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
    if (op == OP_TAPQ) {
        for (; i < count; i++) {
            child_seam(fd, i);
            memset(&r, 0, sizeof r);
            r.kind = REC_RESULT;
            do_tapq((uint64_t)apqns[i] | GR0_FC(FC_TAPQ) | (tbit ? GR0_TAPQ_T : 0), &r.a, &r.x,
                    &r.y);
            child_write(fd, &r, sizeof r);
        }
    } else {
        child_seam(fd, 0);
        memset(&r, 0, sizeof r);
        r.kind = REC_RESULT;
        r.a = do_qci(block);
        child_write(fd, &r, sizeof r);
        if (r.a == 0)
            child_write(fd, block, sizeof block);
        i = 1;
    }
    child_seam(fd, i);
    memset(&r, 0, sizeof r);
    r.kind = REC_END;
    r.a = i;
    child_write(fd, &r, sizeof r);
    _exit(0);
}

/* ---- parent side ---- */

static const char *sig_name(int signo)
{
    switch (signo) {
    case SIGILL: return "SIGILL";
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGKILL: return "SIGKILL";
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

/* Reports the remembered trap; the caller holds verdict_lock or has copied it. */
static int32_t report_trap(int32_t signo, int32_t code, int32_t pid)
{
    ap4j_fail_detail(AP4J_FAIL_SIGNO, signo);
    ap4j_fail_detail(AP4J_FAIL_SICODE, code);
    ap4j_fail_detail(AP4J_FAIL_PID, pid);
    return ap4j_fail(AP4J_E_PQAP_TRAPPED, "PQAP not usable: %s %s", sig_name(signo),
                     code_name(signo, code));
}

static int32_t remembered_trap(void)
{
    int32_t trapped, signo, code, pid;

    pthread_mutex_lock(&verdict_lock);
    trapped = pqap_trapped;
    signo = trap_signo;
    code = trap_code;
    pid = trap_pid;
    pthread_mutex_unlock(&verdict_lock);
    return trapped ? report_trap(signo, code, pid) : AP4J_OK;
}

static int32_t remember_trap(int32_t signo, int32_t code, int32_t pid)
{
    pthread_mutex_lock(&verdict_lock);
    if (!pqap_trapped) {
        pqap_trapped = 1;
        trap_signo = signo;
        trap_code = code;
        trap_pid = pid;
    }
    pthread_mutex_unlock(&verdict_lock);
    return report_trap(signo, code, pid);
}

static int64_t now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

enum { READ_OK = 0, READ_EOF = -1, READ_TIMEOUT = -2, READ_ERROR = -3 };

/* Reads exactly len bytes before the deadline. */
static int read_full(int fd, void *buf, size_t len, int64_t deadline)
{
    char *p = buf;
    size_t got = 0;

    while (got < len) {
        int64_t left = deadline - now_ms();
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        int pr;
        ssize_t n;

        if (left <= 0)
            return READ_TIMEOUT;
        pr = poll(&pfd, 1, left > 1000000 ? 1000000 : (int)left);
        if (pr < 0 && errno == EINTR)
            continue;
        if (pr < 0)
            return READ_ERROR;
        if (pr == 0)
            return READ_TIMEOUT;
        n = read(fd, p + got, len - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return READ_ERROR;
        if (n == 0)
            return READ_EOF;
        got += (size_t)n;
    }
    return READ_OK;
}

/*
 * Reaps the child. *status is valid when it returns 1; 0 means the status is not ours to see
 * (SIGCHLD ignored: the kernel reaped it; or another thread did). A child still running at
 * the deadline, or at once when kill_now, is killed with SIGKILL first; waitpid(WNOHANG)
 * returning 0 proves the pid is still our unreaped child, so the kill cannot hit a stranger.
 */
static int reap(pid_t pid, int kill_now, int64_t deadline, int *status)
{
    for (;;) {
        pid_t r = waitpid(pid, status, WNOHANG);

        if (r == pid)
            return 1;
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return 0; /* ECHILD */
        if (kill_now || now_ms() >= deadline) {
            kill(pid, SIGKILL);
            while ((r = waitpid(pid, status, 0)) < 0 && errno == EINTR)
                ;
            return r == pid;
        }
        {
            struct timespec ms = { 0, 1000000 };

            nanosleep(&ms, NULL);
        }
    }
}

static int32_t child_failed(pid_t pid, int reaped, int status, int32_t results,
                            int32_t expected)
{
    ap4j_fail_detail(AP4J_FAIL_PID, (int32_t)pid);
    if (reaped && WIFSIGNALED(status)) {
        ap4j_fail_detail(AP4J_FAIL_SIGNO, WTERMSIG(status));
        return ap4j_fail(AP4J_E_CHILD, "PQAP child killed by %s (%d) after %d of %d answers",
                         sig_name(WTERMSIG(status)), WTERMSIG(status), (int)results,
                         (int)expected);
    }
    if (reaped && WIFEXITED(status))
        return ap4j_fail(AP4J_E_CHILD, "PQAP child exited %d after %d of %d answers",
                         WEXITSTATUS(status), (int)results, (int)expected);
    return ap4j_fail(AP4J_E_CHILD,
                     "PQAP child ended after %d of %d answers (exit status not available: "
                     "SIGCHLD ignored or reaped elsewhere)", (int)results, (int)expected);
}

static int32_t run_child(int op, const uint16_t *apqns, int32_t count, int tbit,
                         int32_t timeout_ms, int32_t *cc, uint64_t *gr1, uint64_t *gr2,
                         uint8_t *block)
{
    int fds[2], status = 0, err, rd = READ_OK, reaped;
    int32_t rc, results = 0, expected = op == OP_TAPQ ? count : 1;
    int64_t deadline = now_ms() + timeout_ms;
    struct record r;
    pid_t pid;

#ifdef AP4J_TEST_SEAM
    /* the seam's fake PQAP does not trap, even after a real trap earlier in the test */
    rc = ap4j_seam_mode == SEAM_OFF ? remembered_trap() : AP4J_OK;
#else
    rc = remembered_trap();
#endif
    if (rc != AP4J_OK)
        return rc;
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
        child_main(fds[1], op, apqns, count, tbit);
    }
    close(fds[1]);

    /* RESULT records (QCI: then the block), or a TRAP, then END. */
    for (;;) {
        rd = read_full(fds[0], &r, sizeof r, deadline);
        if (rd != READ_OK)
            break;
        if (r.kind == REC_TRAP) {
            rc = remember_trap(r.a, r.b, r.c);
            break;
        }
        if (r.kind == REC_END) {
            if (r.a != expected || results != expected)
                rc = ap4j_fail(AP4J_E_CHILD, "PQAP child sent %d of %d answers", (int)results,
                               (int)expected);
            break;
        }
        if (r.kind != REC_RESULT || results == expected) {
            rc = ap4j_fail(AP4J_E_CHILD, "PQAP child sent an unexpected record (kind %d)",
                           (int)r.kind);
            break;
        }
        if (op == OP_TAPQ) {
            cc[results] = r.a;
            gr1[results] = r.x;
            gr2[results] = r.y;
        } else if (r.a != 0) {
            ap4j_fail_detail(AP4J_FAIL_CC, r.a);
            rc = ap4j_fail(AP4J_E_QCI_CC, "PQAP(QCI) ended with condition code %d", (int)r.a);
        } else {
            rd = read_full(fds[0], block, AP4J_QCI_SIZE, deadline);
            if (rd != READ_OK)
                break;
        }
        results++;
    }
    if (rd == READ_ERROR) {
        err = errno;
        ap4j_fail_detail(AP4J_FAIL_ERRNO, err);
        rc = ap4j_fail(AP4J_E_SYSTEM, "reading from the PQAP child: %s", strerror(err));
    }
    close(fds[0]);

    reaped = reap(pid, rd == READ_TIMEOUT || rd == READ_ERROR, deadline, &status);
    if (rd == READ_TIMEOUT) {
        ap4j_fail_detail(AP4J_FAIL_PID, (int32_t)pid);
        ap4j_fail_detail(AP4J_FAIL_SIGNO, SIGKILL);
        return ap4j_fail(AP4J_E_TIMEOUT,
                         "PQAP child %d gave %d of %d answers in %d ms; killed with SIGKILL",
                         (int)pid, (int)results, (int)expected, (int)timeout_ms);
    }
    if (rd == READ_EOF)
        return child_failed(pid, reaped, status, results, expected);
    return rc;
}

int32_t hw_tapq(const uint16_t *apqns, int32_t count, int tbit, int32_t timeout_ms,
                int32_t *cc, uint64_t *gr1, uint64_t *gr2)
{
#if !defined(__s390x__)
    if (ap4j_seam_mode == SEAM_OFF)
        return unsupported();
#endif
    return run_child(OP_TAPQ, apqns, count, tbit, timeout_ms, cc, gr1, gr2, NULL);
}

int32_t hw_qci(int32_t timeout_ms, uint8_t block[AP4J_QCI_SIZE])
{
#if !defined(__s390x__)
    if (ap4j_seam_mode == SEAM_OFF)
        return unsupported();
#endif
    return run_child(OP_QCI, NULL, 0, 0, timeout_ms, NULL, NULL, NULL, block);
}

#else /* neither s390x nor the test seam */

int32_t hw_tapq(const uint16_t *apqns, int32_t count, int tbit, int32_t timeout_ms,
                int32_t *cc, uint64_t *gr1, uint64_t *gr2)
{
    (void)apqns;
    (void)count;
    (void)tbit;
    (void)timeout_ms;
    (void)cc;
    (void)gr1;
    (void)gr2;
    return unsupported();
}

int32_t hw_qci(int32_t timeout_ms, uint8_t block[AP4J_QCI_SIZE])
{
    (void)timeout_ms;
    (void)block;
    return unsupported();
}

#endif
