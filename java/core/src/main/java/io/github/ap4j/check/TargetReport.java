// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import java.util.List;
import java.util.Objects;

/**
 * The verdict for one destination.
 *
 * @param target    the target as the caller named it (for example the path given on the command line)
 * @param verdict   {@link Verdict#of(List)} of the findings, or {@link Verdict#UNVERIFIABLE} when
 *                  the target could not be read ({@code error} says why)
 * @param errno     what the kernel's migration code returns (null: it returns success, or never
 *                  runs because libvirt, a missing {@code migratable} feature or the doc SE gate
 *                  stops the migration first)
 * @param kernelLog the lines the kernel and libvirt log, in order, without newlines
 * @param findings  what is wrong or worth knowing, each with a fix
 * @param error     why the target could not be read (one line naming the file), else null
 */
public record TargetReport(String target, Verdict verdict, Errno errno, List<String> kernelLog,
        List<Finding> findings, String error) {
    /**
     * Checks the report's consistency.
     *
     * @param target the target as the caller named it, never null
     * @param verdict the verdict, never null
     * @param errno what the kernel returns, or null
     * @param kernelLog the log lines
     * @param findings the findings
     * @param error why the target could not be read, or null
     * @throws IllegalArgumentException if {@code error} is set and the verdict is not
     *     {@link Verdict#UNVERIFIABLE}
     */
    public TargetReport {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(verdict, "verdict");
        kernelLog = List.copyOf(kernelLog);
        findings = List.copyOf(findings);
        if (error != null && verdict != Verdict.UNVERIFIABLE) {
            throw new IllegalArgumentException("an unreadable target is unverifiable");
        }
    }

    /**
     * A target that was read and checked: its verdict follows from the findings.
     *
     * @param target the target as the caller named it
     * @param errno what the kernel returns, or null for success
     * @param kernelLog the log lines, in order
     * @param findings the findings
     */
    public TargetReport(String target, Errno errno, List<String> kernelLog, List<Finding> findings) {
        this(target, Verdict.of(findings), errno, kernelLog, findings, null);
    }

    /**
     * A target that could not be read.
     *
     * @param target the target as the caller named it
     * @param error the one-line reason, naming the file; never null
     * @return an {@link Verdict#UNVERIFIABLE} report without log or findings
     */
    public static TargetReport unreadable(String target, String error) {
        return new TargetReport(target, Verdict.UNVERIFIABLE, null, List.of(), List.of(),
                Objects.requireNonNull(error, "error"));
    }

    /** {@return true when the verdict is {@link Verdict#COMPATIBLE}} */
    public boolean compatible() {
        return verdict == Verdict.COMPATIBLE;
    }
}
