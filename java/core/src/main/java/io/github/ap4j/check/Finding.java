// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import io.github.ap4j.model.Apqn;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One thing the check found: a code, a severity, the queue it is about, and three texts for
 * the administrator. The texts come from {@link FindingTexts}; none ends with a newline.
 *
 * <p>The check builds the texts only when one of them is first read: a check that is asked
 * only for its verdict, its errno or its codes (a libvirt hook deciding, a script matching
 * codes, a planner trying candidates) then builds no prose at all. Texts are built once and
 * kept; instances are immutable and safe to share between threads. Two findings are equal when
 * their code, severity, queue and texts are.
 */
public final class Finding {
    /** The three texts of a finding, built together because they share their parts. */
    record Texts(String problem, String message, String fix) {
        Texts {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(fix, "fix");
        }
    }

    private final FindingCode code;
    private final Severity severity;
    private final Apqn apqn;
    /** Builds {@link #texts} from values captured when the finding was made; pure. */
    private final Supplier<Texts> make;
    /** Null until first read; a race builds equal texts twice, and Texts is immutable. */
    private volatile Texts texts;

    /**
     * A finding with its texts given.
     *
     * @param code     a stable code scripts match on
     * @param severity how much it matters
     * @param apqn     the queue it is about, or {@code null} when it is about the host or the
     *                 guest
     * @param problem  a short phrase for a table row ("reserved for the host's drivers")
     * @param message  the whole explanation: what is wrong, what the kernel does about it
     * @param fix      what to do about it: a command or an action, without a leading "Fix:"
     * @throws NullPointerException if an argument other than {@code apqn} is null
     */
    public Finding(FindingCode code, Severity severity, Apqn apqn, String problem,
            String message, String fix) {
        this(code, severity, apqn, null, new Texts(problem, message, fix));
    }

    private Finding(FindingCode code, Severity severity, Apqn apqn, Supplier<Texts> make,
            Texts texts) {
        this.code = Objects.requireNonNull(code, "code");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.apqn = apqn;
        this.make = make;
        this.texts = texts;
    }

    /** A finding whose texts {@code make} builds when one is first read. */
    static Finding lazy(FindingCode code, Severity severity, Apqn apqn, Supplier<Texts> make) {
        return new Finding(code, severity, apqn, Objects.requireNonNull(make, "make"), null);
    }

    /** {@return a stable code scripts match on} */
    public FindingCode code() {
        return code;
    }

    /** {@return how much it matters} */
    public Severity severity() {
        return severity;
    }

    /** {@return the queue it is about, or {@code null} when it is about the host or the guest} */
    public Apqn apqn() {
        return apqn;
    }

    /** {@return a short phrase for a table row ("reserved for the host's drivers")} */
    public String problem() {
        return texts().problem();
    }

    /** {@return the whole explanation: what is wrong, what the kernel does about it} */
    public String message() {
        return texts().message();
    }

    /** {@return what to do about it: a command or an action, without a leading "Fix:"} */
    public String fix() {
        return texts().fix();
    }

    /** {@return the explanation and its fix as one paragraph, for plain-text reports} */
    public String text() {
        Texts t = texts();
        return t.message() + " Fix: " + t.fix();
    }

    private Texts texts() {
        Texts t = texts;
        if (t == null) {
            t = Objects.requireNonNull(make.get(), "texts");
            texts = t;
        }
        return t;
    }

    /**
     * {@return whether {@code o} is a finding with the same code, severity, queue and texts}
     *
     * @param o the object to compare with
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && code == f.code && severity == f.severity
                && Objects.equals(apqn, f.apqn) && texts().equals(f.texts());
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, severity, apqn, texts());
    }

    /** {@return the finding in the form a record of its six parts would print} */
    @Override
    public String toString() {
        Texts t = texts();
        return "Finding[code=" + code + ", severity=" + severity + ", apqn=" + apqn
                + ", problem=" + t.problem() + ", message=" + t.message() + ", fix=" + t.fix()
                + "]";
    }
}
