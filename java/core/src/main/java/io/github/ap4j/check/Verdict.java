// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The answer for one destination. "Unknown" is its own answer and never "no": a snapshot that
 * does not carry a fact the kernel compares (an lszcrypt listing has no apmask, no vfio_ap
 * matrix, no control-domain mask), or a target that could not be read at all, is
 * {@link #UNVERIFIABLE}, not {@link #INCOMPATIBLE}.
 */
public enum Verdict {
    /** Every stage the kernel runs was predicted and none fails. */
    COMPATIBLE,
    /** At least one stage is known to fail: an error finding that is not about an unknown fact. */
    INCOMPATIBLE,
    /** Nothing known fails, but at least one stage could not be predicted. */
    UNVERIFIABLE;

    /** The error findings that say a fact is unknown, not that a stage fails. */
    private static final Set<FindingCode> UNKNOWN_FACTS =
            EnumSet.of(FindingCode.UNVERIFIABLE, FindingCode.HWINFO_UNKNOWN);

    /**
     * {@return {@code compatible}, {@code incompatible} or {@code unverifiable}, as JSON spells it}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The verdict a list of findings gives: a known failure outweighs an unknown, an unknown
     * outweighs success. Warnings and infos never change it.
     *
     * @param findings a target's findings
     * @return the verdict
     */
    public static Verdict of(List<Finding> findings) {
        boolean unknown = false;
        for (Finding f : findings) {
            if (f.severity() != Severity.ERROR) {
                continue;
            }
            if (!UNKNOWN_FACTS.contains(f.code())) {
                return INCOMPATIBLE;
            }
            unknown = true;
        }
        return unknown ? UNVERIFIABLE : COMPATIBLE;
    }

    /**
     * The verdict over several targets, by the same order: incompatible, unverifiable, compatible.
     *
     * @param verdicts the targets' verdicts
     * @return the worst of them; {@link #COMPATIBLE} for none
     */
    public static Verdict worst(Iterable<Verdict> verdicts) {
        Verdict w = COMPATIBLE;
        for (Verdict v : verdicts) {
            if (v == INCOMPATIBLE) {
                return INCOMPATIBLE;
            }
            if (v == UNVERIFIABLE) {
                w = UNVERIFIABLE;
            }
        }
        return w;
    }
}
