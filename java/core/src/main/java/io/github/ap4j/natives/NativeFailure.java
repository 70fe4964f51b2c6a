package io.github.ap4j.natives;

/**
 * What {@code ap4j_last_failure()} reports about a failed call: the code, the signal and
 * {@code si_code} caught in the PQAP child (SIGILL 4; {@code ILL_ILLOPC} 1 under qemu-user,
 * {@code ILL_PRVOPC} 5 on hardware, docs/s390x-emulation.md), errno, the replay file line, the pid
 * of the child that ran PQAP, and the shim's one-line text (e.g.
 * {@code PQAP not usable: SIGILL ILL_ILLOPC}). Fields that do not apply are 0.
 */
public record NativeFailure(NativeError error, int code, int signal, int siCode, int errno,
                            int line, int childPid, String message) {

    /** {@code SIGILL} on Linux (all architectures). */
    public static final int SIGILL = 4;
    /** {@code si_code} values of SIGILL ({@code <bits/siginfo-consts.h>}). */
    public static final int ILL_ILLOPC = 1;
    public static final int ILL_PRVOPC = 5;

    @Override
    public String toString() {
        return error + " (" + code + "): " + message;
    }
}
