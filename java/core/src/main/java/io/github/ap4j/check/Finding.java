// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import io.github.ap4j.model.Apqn;
import java.util.Objects;

/**
 * One thing the check found. The texts come from {@link FindingTexts}; none ends with a newline.
 *
 * @param code     a stable code scripts match on
 * @param severity how much it matters
 * @param apqn     the queue it is about, or {@code null} when it is about the host or the guest
 * @param problem  a short phrase for a table row ("reserved for the host's drivers")
 * @param message  the whole explanation: what is wrong, what the kernel does about it
 * @param fix      what to do about it: a command or an action, without a leading "Fix:"
 */
public record Finding(FindingCode code, Severity severity, Apqn apqn, String problem,
        String message, String fix) {
    /**
     * Checks that only {@code apqn} may be null.
     *
     * @param code the code
     * @param severity how much it matters
     * @param apqn the queue, or null
     * @param problem a short phrase
     * @param message the explanation
     * @param fix what to do
     * @throws NullPointerException if another argument is null
     */
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** {@return the explanation and its fix as one paragraph, for plain-text reports} */
    public String text() {
        return message + " Fix: " + fix;
    }
}
