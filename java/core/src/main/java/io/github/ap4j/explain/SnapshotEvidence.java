// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import io.github.ap4j.check.CheckReport;
import io.github.ap4j.check.Finding;
import io.github.ap4j.check.FindingCode;
import io.github.ap4j.check.MigrationCheck;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.check.Severity;
import io.github.ap4j.check.TargetReport;
import io.github.ap4j.snapshot.HostSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 5 of {@link Explainer}: runs {@code ap4j check} on snapshots of the two hosts and holds
 * each diagnosis against its findings. The codes become exactly those the check finds for the
 * diagnosis's APQN; a matching finding confirms the logs and gives the exact fix; no matching
 * finding means the hosts changed since the migration (or the snapshots are of other hosts).
 */
final class SnapshotEvidence {

    /** The judgement on one diagnosis: its codes, a sentence for the explanation, the fix or null. */
    record Verdict(List<FindingCode> codes, String note, String fix) {
    }

    private final HostSnapshot source;
    private final HostSnapshot target;
    private final String mdev;
    private final Map<String, TargetReport> checks = new HashMap<>();

    SnapshotEvidence(HostSnapshot source, HostSnapshot target, String mdev) {
        this.source = source;
        this.target = target;
        this.mdev = mdev;
    }

    Diagnosis judge(Explainer.Draft d) {
        String uuid = d.mdev != null ? d.mdev : mdev;
        if (uuid == null) {
            return d.toDiagnosis(new Verdict(d.defaultCodes(), "The snapshots were not used: the "
                    + "lines name no mdev (give --mdev).", null));
        }
        List<RuleSet> rs = d.rules();
        RuleSet r = rs.size() == 1 ? rs.get(0) : RuleSet.DOC;
        TargetReport t = checks.computeIfAbsent(uuid + " " + r.label(), k -> {
            CheckReport rep = MigrationCheck.check(source, uuid,
                    List.of(new MigrationCheck.Target("target", target)), r);
            return rep.targets().get(0);
        });
        Set<FindingCode> family = Set.copyOf(d.failure == Failure.MIGRATION_FAILED_UNSPECIFIED
                && d.errno == null ? List.of(FindingCode.values()) : d.defaultCodes());
        Set<FindingCode> codes = new LinkedHashSet<>();
        List<Finding> matching = new ArrayList<>();
        for (Finding f : t.findings()) {
            boolean about = d.apqn != null ? d.apqn.equals(f.apqn())
                    : family.contains(f.code());
            if (!about) {
                continue;
            }
            if (d.apqn == null && d.failure == Failure.MIGRATION_FAILED_UNSPECIFIED
                    && f.severity() != Severity.ERROR) {
                continue;
            }
            codes.add(f.code());
            if (family.contains(f.code()) && f.severity() == Severity.ERROR) {
                matching.add(f);
            }
        }
        String where = d.apqn != null ? "queue " + d.apqn : "mdev " + uuid;
        if (matching.isEmpty()) {
            return d.toDiagnosis(new Verdict(List.copyOf(codes), Wording.contradicted(d, where, r),
                    null));
        }
        List<String> fixes = new ArrayList<>();
        for (Finding f : matching) {
            String fix = f.fix().strip();
            if (!fix.isEmpty() && !fixes.contains(fix)) {
                fixes.add(fix);
            }
        }
        return d.toDiagnosis(new Verdict(List.copyOf(codes), "The snapshots confirm it (rules "
                + r.label() + "): " + matching.get(0).message(),
                fixes.isEmpty() ? null : String.join(" ", fixes)));
    }
}
