// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.QueueStatus;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import io.github.ap4j.snapshot.VfioApMatrix;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints, without writing anything, what to run on a destination so that the guest of mdev
 * {@code uuid} can migrate there (docs/sysfs-formats.md):
 * <ol>
 *   <li>create the mdev with the same UUID when it is missing (libvirt needs it; its own
 *       assignments do not matter, the source configuration overlays them);</li>
 *   <li>make other mdevs release the guest's APQNs ({@code unassign_adapter} or
 *       {@code unassign_domain}, whichever takes fewer other queues from them);</li>
 *   <li>the smallest relative {@code apmask} or {@code aqmask} edit that hands every guest APQN
 *       to vfio_ap. The reserved guest APQNs form a full product A' x D', so exactly two minimal
 *       edits exist: clear A' from apmask or D' from aqmask; the one moving fewer other existing
 *       queues off their host drivers wins (ties: fewer ids, then apmask);</li>
 *   <li>rebind queues that are free but still bound to another driver.</li>
 * </ol>
 * Whatever no command on the target can fix (missing queues, incompatible hardware, control
 * domains, SE, no migration support) is listed as a blocker with the check's own advice.
 */
public final class Planner {

    /** Findings the planned commands resolve. */
    private static final Set<FindingCode> FIXED = EnumSet.of(FindingCode.MDEV_MISSING,
            FindingCode.APQN_RESERVED_FOR_HOST, FindingCode.APQN_IN_USE_BY_OTHER_MDEV,
            FindingCode.QUEUE_NOT_ON_VFIO_AP);

    private Planner() {
    }

    /**
     * A plan for one target under the default rule set ({@link RuleSet#DOC}), without TAPQ
     * statuses of the source.
     *
     * @param source the source host's snapshot, which must hold the mdev
     * @param uuid the guest's mdev UUID
     * @param target the destination
     * @return the commands to run on the target, and what they cannot fix
     * @throws io.github.ap4j.BadInputException as {@link MigrationCheck#check} does
     */
    public static Plan plan(HostSnapshot source, String uuid, MigrationCheck.Target target) {
        return plan(source, Map.of(), uuid, target, RuleSet.DOC);
    }

    /**
     * A plan for one target: the sysfs writes that make it accept the guest, checked with the
     * same stages as {@link MigrationCheck}.
     *
     * @param source the source host's snapshot, which must hold the mdev
     * @param sourceTapq TAPQ statuses of source queues; queues not in the map answer 0
     * @param uuid the guest's mdev UUID
     * @param target the destination
     * @param rules which version of the kernel's migration code to predict
     * @return the commands to run on the target, and what they cannot fix
     * @throws io.github.ap4j.BadInputException as {@link MigrationCheck#check} does
     */
    public static Plan plan(HostSnapshot source, Map<Apqn, QueueStatus> sourceTapq, String uuid,
            MigrationCheck.Target target, RuleSet rules) {
        Guest g = new Guest(source, uuid, sourceTapq, rules);
        TargetReport report = MigrationCheck.evaluate(g, target, rules);
        HostSnapshot ts = target.snapshot();
        ApMatrix need = g.matrix;
        List<Plan.Action> actions = new ArrayList<>();
        List<Apqn> collateral = new ArrayList<>();

        Attr<VfioApMatrix> vm = ts.matrix();
        if (vm.isPresent() && vm.get().mdev(g.uuid).isEmpty()) {
            actions.add(new Plan.Action(Plan.Kind.CREATE_MDEV,
                    "/sys/devices/vfio_ap/matrix/mdev_supported_types/vfio_ap-passthrough/create",
                    g.uuid, "create mdev " + g.uuid + " (libvirt needs the same UUID; its "
                    + "assignments are overlaid by the source's)", List.of()));
        }

        if (vm.isPresent()) {
            for (Mdev other : vm.get().mdevs()) {
                if (other.uuid().equalsIgnoreCase(g.uuid) || !other.matrix().isPresent()) {
                    continue;
                }
                Choices.ReleaseChoice rc = Choices.release(other.uuid(), other.matrix().get(), need);
                if (rc == null) {
                    continue;
                }
                for (int id = rc.ids().nextSetId(0); id >= 0; id = rc.ids().nextSetId(id + 1)) {
                    final int fid = id;
                    List<Apqn> lost = rc.released().stream()
                            .filter(q -> (rc.adapters() ? q.adapter() : q.domain()) == fid).toList();
                    long extra = lost.stream().filter(q -> !need.contains(q)).count();
                    actions.add(new Plan.Action(
                            rc.adapters() ? Plan.Kind.UNASSIGN_ADAPTER : Plan.Kind.UNASSIGN_DOMAIN,
                            "/sys/devices/vfio_ap/matrix/" + other.uuid() + "/unassign_"
                                    + (rc.adapters() ? "adapter" : "domain"),
                            "0x" + (rc.adapters() ? FindingTexts.adapter(id)
                                    : FindingTexts.domain(id)),
                            "mdev " + other.uuid() + " holds guest APQNs: unassign "
                                    + (rc.adapters() ? "adapter " + FindingTexts.adapter(id)
                                    : "domain " + FindingTexts.domain(id)) + " from it ("
                                    + FindingTexts.plural(lost.size(), "APQN leaves", "APQNs leave")
                                    + " it" + (extra == 0 ? "" : ", " + extra + " of them not "
                                    + "needed by this guest") + ")",
                            lost));
                }
            }
        }

        BusAttributes bus = ts.bus();
        ApMask apmask = bus.apmask().orElse(null);
        ApMask aqmask = bus.aqmask().orElse(null);
        if (apmask != null && aqmask != null) {
            Choices.MaskChoice c = Choices.reservation(ts.queues(), need, apmask, aqmask);
            if (c != null) {
                ApMask current = c.adapters() ? apmask : aqmask;
                String edit = io.github.ap4j.model.MaskEdit.between(current, current.minus(c.ids()))
                        .toString();
                List<Apqn> freed = new ArrayList<>();
                for (Apqn q : need.apqns()) {
                    if (apmask.contains(q.adapter()) && aqmask.contains(q.domain())) {
                        freed.add(q);
                    }
                }
                actions.add(new Plan.Action(c.adapters() ? Plan.Kind.EDIT_APMASK : Plan.Kind.EDIT_AQMASK,
                        "/sys/bus/ap/" + c.attribute(), edit,
                        "hand " + FindingTexts.plural(freed.size(), "reserved guest APQN",
                                "reserved guest APQNs") + " to vfio_ap by clearing "
                                + (c.adapters() ? (c.ids().cardinality() == 1 ? "adapter "
                                : "adapters ") + FindingTexts.adapters(c.ids())
                                : (c.ids().cardinality() == 1 ? "domain " : "domains ")
                                + FindingTexts.domains(c.ids()))
                                + " in " + c.attribute() + " (" + (c.collateral().isEmpty()
                                ? "no other queue leaves"
                                : FindingTexts.plural(c.collateral().size(), "other queue leaves",
                                "other queues leave"))
                                + " the host's default drivers)",
                        freed));
                collateral.addAll(c.collateral());
            }
            // Free queues still bound elsewhere: rebind them. A reserved guest queue needs
            // nothing here: the mask edit above frees every one of them (Choices.reservation),
            // and the AP bus then binds it to vfio_ap itself.
            for (Apqn q : need.apqns()) {
                ApQueue tq = ts.queue(q).orElse(null);
                if (tq == null) {
                    continue;
                }
                Attr<String> drv = tq.driver();
                boolean reserved = apmask.contains(q.adapter()) && aqmask.contains(q.domain());
                if (reserved || drv.isPresent() && drv.get().equals("vfio_ap")
                        || drv.absence() == Absence.UNKNOWN) {
                    continue;
                }
                if (drv.isPresent()) {
                    actions.add(new Plan.Action(Plan.Kind.UNBIND, "/sys/bus/ap/drivers/" + drv.get()
                            + "/unbind", q.toString(), "queue " + q + " is free but bound to "
                            + drv.get() + ": unbind it", List.of(q)));
                }
                actions.add(new Plan.Action(Plan.Kind.BIND, "/sys/bus/ap/drivers/vfio_ap/bind",
                        q.toString(), "bind queue " + q + " to vfio_ap", List.of(q)));
            }
        }

        List<Finding> blockers = report.findings().stream()
                .filter(x -> x.severity() == Severity.ERROR && !FIXED.contains(x.code()))
                .toList();
        return new Plan(target.label(), g.uuid, rules, actions, collateral, blockers);
    }
}
