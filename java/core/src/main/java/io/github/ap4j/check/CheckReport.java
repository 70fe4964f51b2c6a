// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import java.util.List;

/**
 * The result of {@code ap4j check}: one report per target, in the order the targets were given.
 *
 * @param mdev    the mdev UUID (as the source host names it)
 * @param rules   the rule set used
 * @param targets the per-target reports
 */
public record CheckReport(String mdev, RuleSet rules, List<TargetReport> targets) {
    /**
     * Copies the target list.
     *
     * @param mdev the mdev UUID
     * @param rules the rule set used
     * @param targets the per-target reports
     */
    public CheckReport {
        targets = List.copyOf(targets);
    }

    /** {@return true when every target is compatible} */
    public boolean allCompatible() {
        return verdict() == Verdict.COMPATIBLE;
    }

    /**
     * The verdict over all targets: incompatible when any target is, else unverifiable when
     * any target is, else compatible.
     *
     * @return the worst target verdict
     */
    public Verdict verdict() {
        return Verdict.worst(targets.stream().map(TargetReport::verdict).toList());
    }

    /** {@return human-readable text: a verdict per target, the kernel lines, then the findings} */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("mdev ").append(mdev).append(", rules ").append(rules.label()).append('\n');
        for (TargetReport t : targets) {
            sb.append('\n').append("target ").append(t.target()).append(": ")
                    .append(t.verdict().name());
            if (t.errno() != null) {
                sb.append(" (kernel returns -").append(t.errno().name()).append(')');
            }
            sb.append('\n');
            if (t.error() != null) {
                sb.append("  cannot read the target: ").append(t.error()).append('\n');
            }
            if (!t.kernelLog().isEmpty()) {
                sb.append("  log:\n");
                for (String l : t.kernelLog()) {
                    sb.append("    ").append(l).append('\n');
                }
            }
            for (Finding f : t.findings()) {
                sb.append("  ").append(f.severity().label()).append(' ').append(f.code().name());
                if (f.apqn() != null) {
                    sb.append(' ').append(f.apqn());
                }
                sb.append(": ").append(f.text()).append('\n');
            }
        }
        return sb.toString();
    }
}
