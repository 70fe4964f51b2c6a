// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import io.github.ap4j.model.Apqn;
import java.util.List;
import java.util.Objects;

/**
 * What an administrator runs on a destination so that the guest can migrate there: nothing is
 * written by ap4j. Every action is one {@code echo VALUE > PATH}.
 *
 * @param target     the target as named by the caller
 * @param mdev       the mdev UUID
 * @param rules      the rule set the plan was checked with
 * @param actions    the commands, in the order to run them
 * @param collateral queues that leave the host's default drivers because of the mask edits
 * @param blockers   errors no sysfs command on the target fixes (each with its own advice)
 */
public record Plan(String target, String mdev, RuleSet rules, List<Action> actions,
        List<Apqn> collateral, List<Finding> blockers) {

    public Plan {
        actions = List.copyOf(actions);
        collateral = List.copyOf(collateral);
        blockers = List.copyOf(blockers);
    }

    /** What an action does. */
    public enum Kind {
        CREATE_MDEV, UNASSIGN_ADAPTER, UNASSIGN_DOMAIN, EDIT_APMASK, EDIT_AQMASK, UNBIND, BIND
    }

    /**
     * One command.
     *
     * @param kind        what it does
     * @param path        the sysfs file written
     * @param value       the text written
     * @param explanation why, in plain English
     * @param affected    the APQNs it affects: freed or bound for the guest; for an unassign, every
     *                    APQN the other mdev loses
     */
    public record Action(Kind kind, String path, String value, String explanation,
            List<Apqn> affected) {
        public Action {
            Objects.requireNonNull(kind, "kind");
            affected = List.copyOf(affected);
        }

        /** The shell command: {@code echo VALUE > PATH}. */
        public String command() {
            return "echo " + value + " > " + path;
        }
    }

    /** The commands alone, in order. */
    public List<String> commands() {
        return actions.stream().map(Action::command).toList();
    }

    /** True when the commands make the target compatible (no blockers). */
    public boolean sufficient() {
        return blockers.isEmpty();
    }

    /**
     * What the target is once the commands have run: compatible (no blockers), incompatible
     * (a blocker no command fixes), or unverifiable (only facts the target snapshot lacks).
     */
    public Verdict verdict() {
        return Verdict.of(blockers);
    }

    /** A shell-script-like text: comments explain, lines without {@code #} are the commands. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("# ap4j plan: mdev ").append(mdev).append(" on target ").append(target)
                .append(" (rules ").append(rules.label()).append(")\n");
        if (actions.isEmpty()) {
            sb.append("# nothing to change on the target\n");
        }
        for (Action a : actions) {
            sb.append("# ").append(a.explanation()).append('\n').append(a.command()).append('\n');
        }
        if (!collateral.isEmpty()) {
            sb.append("# collateral: these queues leave the host's default drivers: ");
            for (int i = 0; i < collateral.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(collateral.get(i));
            }
            sb.append('\n');
        }
        if (!blockers.isEmpty()) {
            sb.append("# NOT ENOUGH: these problems remain after the commands above:\n");
            for (Finding f : blockers) {
                sb.append("#   ").append(f.code().name());
                if (f.apqn() != null) {
                    sb.append(' ').append(f.apqn());
                }
                sb.append(": ").append(f.text()).append('\n');
            }
        }
        return sb.toString();
    }
}
