// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ap4j.BadInputException;
import io.github.ap4j.check.CheckReport;
import io.github.ap4j.check.Finding;
import io.github.ap4j.check.MigrationCheck;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.check.TargetReport;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check --all-mdevs}: before a host is emptied, every guest on it (every mdev whose
 * {@code guest_matrix} is not empty: a running guest holds its queues through it) checked
 * against every target, as a guest x target table.
 *
 * @param rules   the rule set
 * @param targets the target labels, in the order given
 * @param guests  one check report per guest, in the source's mdev order
 */
record Evacuation(RuleSet rules, List<String> targets, List<CheckReport> guests) {

    static Evacuation check(HostSnapshot source, List<MigrationCheck.Target> targets, RuleSet rules) {
        if (!source.matrix().isPresent()) {
            throw new BadInputException(source.provenance().origin(), "the source shows no vfio_ap "
                    + "matrix device, so it has no mdevs to evacuate");
        }
        List<CheckReport> reports = new ArrayList<>();
        for (Mdev m : source.matrix().get().mdevs()) {
            Attr<ApMatrix> gm = m.guestMatrix().isPresent() ? m.guestMatrix() : m.matrix();
            if (gm.isPresent() && !gm.get().isEmpty()) {
                reports.add(MigrationCheck.check(source, m.uuid(), targets, rules));
            }
        }
        return new Evacuation(rules, targets.stream().map(MigrationCheck.Target::label).toList(),
                reports);
    }

    /** Whether each guest has at least one compatible target. */
    boolean everyGuestPlaced() {
        return guests.stream().allMatch(Evacuation::placed);
    }

    private static boolean placed(CheckReport r) {
        return r.targets().stream().anyMatch(TargetReport::compatible);
    }

    /** One cell: {@code compatible}, or {@code INCOMPATIBLE} with the kernel's errno. */
    static String cell(TargetReport t) {
        if (t.compatible()) {
            return "compatible";
        }
        return "INCOMPATIBLE" + (t.errno() == null ? "" : " -" + t.errno().name());
    }

    String toText() {
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[targets.size() + 1];
        head[0] = "guest (mdev)";
        for (int i = 0; i < targets.size(); i++) {
            head[i + 1] = targets.get(i);
        }
        rows.add(head);
        for (CheckReport g : guests) {
            String[] row = new String[targets.size() + 1];
            row[0] = g.mdev();
            for (int i = 0; i < targets.size(); i++) {
                row[i + 1] = cell(g.targets().get(i));
            }
            rows.add(row);
        }
        int[] width = new int[head.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("evacuation, rules ").append(rules.label()).append(": ").append(guests.size())
                .append(guests.size() == 1 ? " guest" : " guests").append(" x ")
                .append(targets.size()).append(targets.size() == 1 ? " target" : " targets")
                .append("\n\n");
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) {
                    line.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        sb.append('\n');
        List<String> stuck = guests.stream().filter(g -> !placed(g)).map(CheckReport::mdev).toList();
        if (guests.isEmpty()) {
            sb.append("no mdev on the source has a guest: nothing to evacuate\n");
        } else if (stuck.isEmpty()) {
            sb.append("every guest has a compatible target\n");
        } else {
            for (String m : stuck) {
                sb.append("guest ").append(m).append(" has no compatible target (run 'ap4j check "
                        + "--mdev ").append(m).append("' for the reasons)\n");
            }
        }
        return sb.toString();
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("rules", rules.label());
        o.put("everyGuestPlaced", everyGuestPlaced());
        ArrayNode gs = o.putArray("guests");
        for (CheckReport g : guests) {
            ObjectNode j = gs.addObject();
            j.put("mdev", g.mdev());
            j.put("placed", placed(g));
            ArrayNode ts = j.putArray("targets");
            for (TargetReport t : g.targets()) {
                ObjectNode tj = ts.addObject();
                tj.put("target", t.target());
                tj.put("compatible", t.compatible());
                tj.put("errno", t.errno() == null ? null : t.errno().name());
                ArrayNode codes = tj.putArray("findings");
                for (Finding f : t.findings()) {
                    codes.add(f.code().name());
                }
            }
        }
        return o;
    }
}
