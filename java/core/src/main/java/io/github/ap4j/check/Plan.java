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

    /**
     * Copies the lists.
     *
     * @param target the target as named by the caller
     * @param mdev the mdev UUID
     * @param rules the rule set
     * @param actions the commands
     * @param collateral queues that leave the host's default drivers
     * @param blockers errors no command fixes
     */
    public Plan {
        actions = List.copyOf(actions);
        collateral = List.copyOf(collateral);
        blockers = List.copyOf(blockers);
    }

    /** What an action does. */
    public enum Kind {
        /** Write the guest's UUID to {@code mdev_supported_types/vfio_ap-passthrough/create}. */
        CREATE_MDEV,
        /** Write an adapter id to another mdev's {@code unassign_adapter}, freeing its queues. */
        UNASSIGN_ADAPTER,
        /** Write a domain id to another mdev's {@code unassign_domain}, freeing its queues. */
        UNASSIGN_DOMAIN,
        /** A relative edit of {@code /sys/bus/ap/apmask} that gives adapters to vfio_ap. */
        EDIT_APMASK,
        /** A relative edit of {@code /sys/bus/ap/aqmask} that gives domains to vfio_ap. */
        EDIT_AQMASK,
        /** Write an APQN to its current driver's {@code unbind}. */
        UNBIND,
        /** Write an APQN to {@code drivers/vfio_ap/bind}. */
        BIND
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
        /**
         * Copies the affected list.
         *
         * @param kind what it does, never null
         * @param path the sysfs file written
         * @param value the text written
         * @param explanation why
         * @param affected the APQNs it affects
         * @throws NullPointerException if {@code kind} is null
         */
        public Action {
            Objects.requireNonNull(kind, "kind");
            affected = List.copyOf(affected);
        }

        /** {@return the shell command: {@code echo VALUE > PATH}} */
        public String command() {
            return "echo " + value + " > " + path;
        }
    }

    /** {@return the commands alone, in the order to run them} */
    public List<String> commands() {
        return actions.stream().map(Action::command).toList();
    }

    /** {@return true when the commands make the target compatible (no blockers)} */
    public boolean sufficient() {
        return blockers.isEmpty();
    }

    /**
     * What the target is once the commands have run: compatible (no blockers), incompatible
     * (a blocker no command fixes), or unverifiable (only facts the target snapshot lacks).
     *
     * @return {@link Verdict#of(List)} of the blockers
     */
    public Verdict verdict() {
        return Verdict.of(blockers);
    }

    /**
     * {@return a shell-script-like text: comments explain, lines without {@code #} are the
     * commands}
     */
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
