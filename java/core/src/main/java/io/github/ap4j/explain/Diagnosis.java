// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import io.github.ap4j.check.FindingCode;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.ResponseCode;
import java.util.List;
import java.util.Objects;

/**
 * One failure explained: the lines of one kernel report (for an incompatible queue, the header
 * and its feature lines) or of one console/QEMU failure.
 *
 * @param failure      what went wrong
 * @param codes        the {@code ap4j check} finding codes that can cause it; with snapshots,
 *                     exactly the codes the check finds for this APQN
 * @param mdev         the mdev UUID the lines name, or null
 * @param apqn         the queue the lines name, or null
 * @param host         the host the lines can only have come from, or null when either could
 * @param rules        the rule sets whose kernel texts match the lines, in {@link RuleSet} order
 * @param differences  for {@link Failure#QUEUE_INCOMPATIBLE}: one per feature the report names
 * @param responseCode for {@link Failure#HWINFO_UNAVAILABLE}: the TAPQ response code, or null
 * @param lines        the input lines used, as given
 * @param explanation  what happened, in plain words
 * @param fix          what to change
 */
public record Diagnosis(Failure failure, List<FindingCode> codes, String mdev, Apqn apqn,
        Host host, List<RuleSet> rules, List<Difference> differences, Integer responseCode,
        List<String> lines, String explanation, String fix) {
    /**
     * Copies the lists; failure, explanation and fix must not be null.
     *
     * @param failure which kernel failure
     * @param codes the finding codes
     * @param mdev the mdev UUID, or null
     * @param apqn the queue, or null
     * @param host the host the lines come from, or null
     * @param rules the matching rule sets
     * @param differences the features the report names
     * @param responseCode the TAPQ response code, or null
     * @param lines the input lines used
     * @param explanation what happened
     * @param fix what to change
     */
    public Diagnosis {
        Objects.requireNonNull(failure, "failure");
        codes = List.copyOf(codes);
        rules = List.copyOf(rules);
        differences = List.copyOf(differences);
        lines = List.copyOf(lines);
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(fix, "fix");
    }

    /**
     * {@return the {@code AP_RESPONSE_*} name of {@link #responseCode}, or null (none, or unnamed)}
     */
    public String responseCodeName() {
        ResponseCode r = responseCode == null ? null : ResponseCode.byCodeOrNull(responseCode);
        return r == null ? null : "AP_RESPONSE_" + r.name();
    }
}
