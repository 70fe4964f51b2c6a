// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.ApQueue;
import java.util.ArrayList;
import java.util.List;

/**
 * The choices both the check's fixes and the planner make. The guest's APQNs are a full product
 * A x D, so the APQNs to free form a complete bipartite set A' x D'; a set of adapters and domains
 * that frees every pair must contain all of A' or all of D' (a minimum vertex cover of a complete
 * bipartite graph is one whole side). So there are exactly two candidates, and the cheaper wins.
 */
final class Choices {
    private Choices() {
    }

    /**
     * Freeing host-reserved APQNs: clear {@code ids} from {@code apmask} ({@code adapters}) or
     * from {@code aqmask}; {@code collateral} are the other existing queues that then leave the
     * host's default drivers.
     */
    record MaskChoice(boolean adapters, ApMask ids, List<Apqn> collateral) {
        String attribute() {
            return adapters ? "apmask" : "aqmask";
        }
    }

    /** Null when no guest APQN is reserved. */
    static MaskChoice reservation(List<ApQueue> targetQueues, ApMatrix need, ApMask apmask,
            ApMask aqmask) {
        ApMask a1 = need.adapters().intersect(apmask);
        ApMask d1 = need.domains().intersect(aqmask);
        if (a1.isEmpty() || d1.isEmpty()) {
            return null;
        }
        ApMask otherDomains = aqmask.minus(need.domains());
        ApMask otherAdapters = apmask.minus(need.adapters());
        List<Apqn> colA = new ArrayList<>();
        List<Apqn> colD = new ArrayList<>();
        for (ApQueue q : targetQueues) {
            int a = q.apqn().adapter();
            int d = q.apqn().domain();
            if (a1.contains(a) && otherDomains.contains(d)) {
                colA.add(q.apqn());
            }
            if (otherAdapters.contains(a) && d1.contains(d)) {
                colD.add(q.apqn());
            }
        }
        boolean adapters = colA.size() != colD.size() ? colA.size() < colD.size()
                : a1.cardinality() <= d1.cardinality();
        return adapters ? new MaskChoice(true, a1, colA) : new MaskChoice(false, d1, colD);
    }

    /**
     * Releasing APQNs another mdev holds: unassign {@code ids} (adapters or domains) from it;
     * {@code released} are all the APQNs that mdev loses, {@code collateral} those the guest does
     * not need.
     */
    record ReleaseChoice(String otherUuid, boolean adapters, ApMask ids, List<Apqn> released,
            List<Apqn> collateral) {
    }

    /** Null when {@code other} shares no APQN with {@code need}. */
    static ReleaseChoice release(String otherUuid, ApMatrix other, ApMatrix need) {
        ApMask sa = need.adapters().intersect(other.adapters());
        ApMask sd = need.domains().intersect(other.domains());
        if (sa.isEmpty() || sd.isEmpty()) {
            return null;
        }
        int lossA = sa.cardinality() * other.domains().minus(need.domains()).cardinality();
        int lossD = other.adapters().minus(need.adapters()).cardinality() * sd.cardinality();
        boolean adapters = lossA != lossD ? lossA < lossD : sa.cardinality() <= sd.cardinality();
        ApMatrix lost = adapters ? new ApMatrix(sa, other.domains()) : new ApMatrix(other.adapters(), sd);
        List<Apqn> released = lost.apqns();
        List<Apqn> collateral = new ArrayList<>();
        for (Apqn q : released) {
            if (!need.contains(q)) {
                collateral.add(q);
            }
        }
        return new ReleaseChoice(otherUuid, adapters, adapters ? sa : sd, released, collateral);
    }

    /** {@code echo -5 > /sys/bus/ap/apmask}: the smallest relative edit clearing {@code ids}. */
    static String maskCommand(MaskChoice c, ApMask current) {
        String edit = io.github.ap4j.model.MaskEdit.between(current, current.minus(c.ids())).toString();
        return "echo " + edit + " > /sys/bus/ap/" + c.attribute();
    }

    static String unassignCommand(String otherUuid, boolean adapter, int id) {
        return "echo 0x" + (adapter ? FindingTexts.adapter(id) : FindingTexts.domain(id))
                + " > /sys/devices/vfio_ap/matrix/" + otherUuid + "/unassign_"
                + (adapter ? "adapter" : "domain");
    }

    static String createCommand(String uuid) {
        return "echo " + uuid
                + " > /sys/devices/vfio_ap/matrix/mdev_supported_types/vfio_ap-passthrough/create";
    }
}
