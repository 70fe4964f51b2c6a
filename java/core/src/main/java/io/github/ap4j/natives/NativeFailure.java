// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

/**
 * What {@code ap4j_last_failure()} reports about a failed call: the code, the signal caught in
 * or that killed the PQAP child and its {@code si_code} (SIGILL 4; {@code ILL_ILLOPC} 1 under
 * qemu-user, {@code ILL_PRVOPC} 5 on hardware, where PQAP is a privileged operation), errno, the
 * replay text line, the pid of the child that ran PQAP, the condition code of a failed QCI, and
 * the shim's one-line text (e.g. {@code PQAP not usable: SIGILL ILL_ILLOPC}). Fields that do
 * not apply are 0.
 */
public record NativeFailure(NativeError error, int code, int signal, int siCode, int errno,
                            int line, int childPid, int conditionCode, String message) {

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
