// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ap4j.BadInputException;
import io.github.ap4j.check.Finding;
import io.github.ap4j.check.Plan;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The persistent forms of a plan: the destination mdev as an mdevctl definition, and the plan
 * as a shell script with the persistent {@code chzdev} form beside each runtime mask edit; and
 * the warning before a step that takes devices away from a running guest.
 */
final class PlanForms {
    private PlanForms() {
    }

    /**
     * The mdev as mdevctl stores a definition ({@code mdevctl define --jsonfile}, mdevctl's
     * {@code src/mdev.rs}; the format s390-tools' {@code ap-check} callout validates): type
     * {@code vfio_ap-passthrough}, {@code start} {@code auto}, and {@code attrs} as a list of
     * one-key objects with string values, written to sysfs in this order when mdevctl starts
     * the device: adapters, then domains, then control domains. Values are hex ({@code 0x05},
     * {@code 0x0033}), which the kernel's {@code kstrtoul(buf, 0, ...)} and ap-check's
     * {@code strtol(..., 0)} both read.
     */
    static ObjectNode mdevctl(HostSnapshot source, String uuid) {
        Mdev m = source.mdev(uuid).orElseThrow(() -> new BadInputException(
                source.provenance().origin(), "no mdev " + uuid + " on the source"));
        ApMatrix matrix = m.guestMatrix().isPresent() ? m.guestMatrix().get()
                : m.matrix().orElse(ApMatrix.EMPTY);
        ApMask control = m.controlDomains().orElse(ApMask.EMPTY);
        ObjectNode o = Json.object();
        o.put("mdev_type", "vfio_ap-passthrough");
        o.put("start", "auto");
        ArrayNode attrs = o.putArray("attrs");
        matrix.adapters().forEachId(a -> attrs.addObject().put("assign_adapter", String.format("0x%02x", a)));
        matrix.domains().forEachId(d -> attrs.addObject().put("assign_domain", String.format("0x%04x", d)));
        control.forEachId(d -> attrs.addObject().put("assign_control_domain", String.format("0x%04x", d)));
        return o;
    }

    /**
     * A warning for every step that unassigns an adapter or domain from another mdev whose
     * {@code guest_matrix} is not empty: a running guest holds those devices, and the kernel
     * hot-unplugs them from it (vfio_ap_ops.c {@code unassign_adapter_store}).
     */
    static List<String> runningGuestWarnings(Plan p, HostSnapshot target) {
        List<String> out = new ArrayList<>();
        for (Plan.Action a : p.actions()) {
            if (a.kind() != Plan.Kind.UNASSIGN_ADAPTER && a.kind() != Plan.Kind.UNASSIGN_DOMAIN) {
                continue;
            }
            String other = a.path().substring("/sys/devices/vfio_ap/matrix/".length(),
                    a.path().lastIndexOf('/'));
            Optional<Mdev> m = target.mdev(other);
            if (m.isPresent() && m.get().guestMatrix().isPresent()
                    && !m.get().guestMatrix().get().isEmpty()) {
                out.add("WARNING: '" + a.command() + "' takes "
                        + (a.kind() == Plan.Kind.UNASSIGN_ADAPTER ? "adapter " : "domain ")
                        + a.value() + " away from mdev " + other + ", whose guest_matrix is not "
                        + "empty: a running guest loses " + a.affected().size()
                        + (a.affected().size() == 1 ? " APQN (" : " APQNs (")
                        + String.join(" ", a.affected().stream().map(Object::toString).toList())
                        + ")");
            }
        }
        return out;
    }

    /**
     * The plan as a {@code set -e} script: a comment per step, the runtime command, and for
     * {@code apmask}/{@code aqmask} edits the persistent form through s390-tools' {@code chzdev}
     * (zdev's {@code ap} type: attributes {@code apmask} and {@code aqmask} take the same
     * {@code +N,-N-M} edits and are kept in a udev rule, zdev/src/ap.c), commented out.
     */
    static String script(Plan p, HostSnapshot source, List<String> warnings) {
        StringBuilder sb = new StringBuilder("#!/bin/sh\n");
        sb.append("# ap4j plan: mdev ").append(p.mdev()).append(" on target ").append(p.target())
                .append(" (rules ").append(p.rules().label()).append(").\n")
                .append("# Run as root on the target, after reading it; ap4j itself never writes sysfs.\n")
                .append("set -e\n");
        if (p.actions().isEmpty()) {
            sb.append("# nothing to change on the target\n");
        }
        int step = 0;
        for (Plan.Action a : p.actions()) {
            sb.append('\n').append("# ").append(++step).append(". ").append(a.explanation()).append('\n');
            for (String w : warnings) {
                if (w.contains("'" + a.command() + "'")) {
                    sb.append("# ").append(w).append('\n');
                }
            }
            sb.append(a.command()).append('\n');
            if (a.kind() == Plan.Kind.EDIT_APMASK || a.kind() == Plan.Kind.EDIT_AQMASK) {
                sb.append("# persistent form (s390-tools chzdev; keeps the edit across reboots):\n")
                        .append("# chzdev --type ap --persistent ")
                        .append(a.kind() == Plan.Kind.EDIT_APMASK ? "apmask=" : "aqmask=")
                        .append(a.value()).append('\n');
            }
            if (a.kind() == Plan.Kind.CREATE_MDEV) {
                sb.append("# persistent form: mdevctl define --uuid ").append(p.mdev())
                        .append(" --parent matrix --jsonfile FILE (FILE from 'ap4j plan "
                                + "--format mdevctl')\n");
            }
        }
        if (!p.collateral().isEmpty()) {
            sb.append("\n# collateral: these queues leave the host's default drivers:");
            p.collateral().forEach(q -> sb.append(' ').append(q));
            sb.append('\n');
        }
        if (!p.sufficient()) {
            sb.append("\n# NOT ENOUGH: these problems remain after the commands above:\n");
            for (Finding f : p.blockers()) {
                sb.append("#   ").append(f.code().name())
                        .append(f.apqn() == null ? "" : " " + f.apqn()).append(": ")
                        .append(f.problem()).append('\n');
            }
        }
        return sb.toString();
    }
}
