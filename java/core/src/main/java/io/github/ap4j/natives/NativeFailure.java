// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

/**
 * What {@code ap4j_last_failure()} reports about a failed call: the code, the signal caught in
 * or that killed the PQAP child and its {@code si_code} (SIGILL 4; {@code ILL_ILLOPC} 1 under
 * qemu-user, {@code ILL_PRVOPC} 5 on hardware, where PQAP is a privileged operation), errno, the
 * replay text line, the pid of the child that ran PQAP, the condition code of a failed QCI, and
 * the shim's one-line text (e.g. {@code PQAP not usable: SIGILL ILL_ILLOPC}). Fields that do
 * not apply are 0.
 *
 * @param error the code by name
 * @param code the negative {@code AP4J_E_*} value as returned
 * @param signal the signal number (4 for SIGILL), or 0
 * @param siCode the signal's {@code si_code}, or 0
 * @param errno the C {@code errno} of a failed system call ({@link NativeError#SYSTEM}), or 0
 * @param line the 1-based replay text line of a {@link NativeError#PARSE} error, or 0
 * @param childPid the pid of the forked PQAP child, or 0
 * @param conditionCode the condition code of a failed PQAP(QCI), 1..3, or 0
 * @param message the shim's one-line description
 */
public record NativeFailure(NativeError error, int code, int signal, int siCode, int errno,
                            int line, int childPid, int conditionCode, String message) {

    /** {@code SIGILL} on Linux (all architectures). */
    public static final int SIGILL = 4;
    /** {@code si_code} of SIGILL for an illegal opcode: PQAP under qemu-user. */
    public static final int ILL_ILLOPC = 1;
    /** {@code si_code} of SIGILL for a privileged opcode: PQAP in a user process on hardware. */
    public static final int ILL_PRVOPC = 5;

    @Override
    public String toString() {
        return error + " (" + code + "): " + message;
    }
}
