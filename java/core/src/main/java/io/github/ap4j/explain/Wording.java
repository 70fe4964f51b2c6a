// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import io.github.ap4j.check.RuleSet;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.ResponseCode;
import java.util.ArrayList;
import java.util.List;

/** The prose of a diagnosis: what happened in plain words, and what to change. */
final class Wording {

    private Wording() {
    }

    static String explanation(Explainer.Draft d) {
        String mdev = d.mdev == null ? "the guest's mdev" : "mdev " + d.mdev;
        String q = d.apqn == null ? "a queue" : "queue " + d.apqn;
        String text = switch (d.failure) {
            case MDEV_MISSING -> "The destination host has no mediated device named "
                    + (d.mdev == null ? "like the source's" : d.mdev) + ", so libvirt stopped the "
                    + "migration before any vfio_ap code ran; the kernel never compares UUIDs, "
                    + "but QEMU on the destination is started with the same mdev path.";
            case QUEUE_NOT_AVAILABLE -> "The destination's vfio_ap driver checked the guest's "
                    + "queues and " + q + " is not available to it: there is no such queue "
                    + "device on the destination, or it is bound to another driver, or the "
                    + "destination's apmask and aqmask reserve it for the host. The migration "
                    + "failed with ENODEV before any hardware was compared.";
            case HWINFO_UNAVAILABLE -> "TAPQ, the instruction that reads a queue's hardware "
                    + "information, failed for " + q
                    + (d.responseCode == null ? "" : " with response code " + rc(d.responseCode))
                    + ", so vfio_ap could not compare the queue and failed the migration"
                    + (d.responseCode == null ? "" : d.responseCode == 1
                    ? " with ENODEV (the queue is not available to the machine)" : " with EIO")
                    + "." + (d.destinationTapq || d.host == Host.DESTINATION ? ""
                    : " The same text is printed when the source's own TAPQ fails while the "
                    + "device state is read, so the lines alone do not say which host it was.");
            case QUEUE_INCOMPATIBLE -> "The destination's " + q + " does not offer what the "
                    + "guest's source queue offers: " + differences(d) + ". vfio_ap refused the "
                    + "migration because the guest could lose functions it was using.";
            case CONTROL_DOMAIN_MISSING -> "Control domain " + (d.domain == null ? "?"
                    : d.domain + " (" + hex4(d.domain) + ")") + " of " + mdev + " is not among the "
                    + "destination host's control domains (/sys/bus/ap/ap_control_domain_mask), "
                    + "so the destination's vfio_ap failed the migration with ENODEV.";
            case SE_GUEST -> "A host of this migration is itself a Secure Execution guest with AP "
                    + "secure binding: vfio_ap refuses every migration state change there, so "
                    + mdev + " cannot be migrated from or to it.";
            case APQN_IN_USE -> "Queue " + (d.apqn == null ? "?" : d.apqn) + " is already "
                    + "assigned to another mdev" + (d.otherMdev == null ? "" : ", " + d.otherMdev)
                    + ", so setting the migrated configuration on " + mdev + " failed with "
                    + "EADDRINUSE: a queue can belong to one mdev only.";
            case MIGRATION_FAILED_UNSPECIFIED -> "The migration failed"
                    + (d.errno == null ? "" : " with " + d.errno.name()) + ", but no kernel line "
                    + "says why: the lines are libvirt's or QEMU's only.";
        };
        if (d.suppressed > 0) {
            text += " The kernel's rate limit dropped " + d.suppressed
                    + (d.suppressed == 1 ? " line" : " lines") + " ('callbacks "
                    + "suppressed'), so this report may be incomplete.";
        }
        if (!d.variants.isEmpty()) {
            text += " Text variant: " + String.join(", ", d.variants) + ".";
        }
        return text;
    }

    static String fix(Explainer.Draft d) {
        String uuid = d.mdev == null ? "$UUID" : d.mdev;
        Apqn q = d.apqn;
        return switch (d.failure) {
            case MDEV_MISSING -> "On the destination: echo " + uuid + " > /sys/devices/vfio_ap/"
                    + "matrix/mdev_supported_types/vfio_ap-passthrough/create (no adapters or "
                    + "domains need assigning: the source configuration overlays them).";
            case QUEUE_NOT_AVAILABLE -> q == null ? "Make every guest queue available to vfio_ap "
                    + "on the destination." : "On the destination, see lszcrypt -V " + q + ": if "
                    + "the queue is missing, give the LPAR adapter " + q.adapter() + " and usage "
                    + "domain " + q.domain() + "; if it is bound to a zcrypt driver, free it for "
                    + "vfio_ap with echo -" + hex2(q.adapter()) + " > /sys/bus/ap/apmask (or echo -"
                    + "0x" + hex4(q.domain()) + " > /sys/bus/ap/aqmask). ap4j explain --source --target "
                    + "with snapshots of both hosts names the exact change.";
            case HWINFO_UNAVAILABLE -> "Make " + (q == null ? "the queue" : "queue " + q) + " usable "
                    + "on the host that failed: check that its card is configured and not "
                    + "check-stopped (lszcrypt -V), reset it with echo 1 > /sys/bus/ap/devices/"
                    + (q == null ? "XX.YYYY" : q) + "/reset, then migrate again.";
            case QUEUE_INCOMPATIBLE -> "Give the guest a destination queue whose card has the same "
                    + "facilities and mode and the same or a newer AP type (a different adapter on "
                    + "the destination, with the same adapter number on the source guest), or set "
                    + "the destination card's mode on the HMC/SE to match.";
            case CONTROL_DOMAIN_MISSING -> "Add control domain " + (d.domain == null ? "?" : d.domain)
                    + " to the destination LPAR's control domains (HMC image profile), or remove it "
                    + "from the guest on the source: echo " + (d.domain == null ? "0x????"
                    : "0x" + hex4(d.domain)) + " > /sys/devices/vfio_ap/matrix/" + uuid
                    + "/unassign_control_domain";
            case SE_GUEST -> "vfio-ap guests cannot migrate from or to a Secure Execution host; "
                    + "choose hosts that are not SE guests (no APSB in /sys/bus/ap/features).";
            case APQN_IN_USE -> d.otherMdev == null || q == null ? "Remove the queue from the other mdev."
                    : "On the destination, take the queue from the other mdev: echo 0x"
                    + hex2(q.adapter()) + " > /sys/devices/vfio_ap/matrix/" + d.otherMdev
                    + "/unassign_adapter (or echo 0x" + hex4(q.domain()) + " > .../unassign_domain), "
                    + "then migrate again.";
            case MIGRATION_FAILED_UNSPECIFIED -> "Paste the destination host's kernel log from the "
                    + "time of the migration (journalctl -k, or dmesg) to see why; ap4j check "
                    + "--source --target predicts it from snapshots of both hosts.";
        };
    }

    /** The sentence for a diagnosis the snapshots do not bear out. */
    static String contradicted(Explainer.Draft d, String where, RuleSet r) {
        String now = switch (d.failure) {
            case QUEUE_NOT_AVAILABLE -> "the target snapshot shows " + where + " available to "
                    + "vfio_ap now";
            case QUEUE_INCOMPATIBLE -> "the snapshots show " + where + " compatible under rules "
                    + r.label() + " now";
            case MDEV_MISSING -> "the target snapshot has " + where + " now";
            default -> "the snapshots show no such problem for " + where + " now";
        };
        return "But " + now + ": the configuration changed since the migration, or the "
                + "snapshots are not of these hosts.";
    }

    private static String differences(Explainer.Draft d) {
        List<String> out = new ArrayList<>();
        for (Difference x : d.differences.values()) {
            out.add(describe(x));
        }
        return out.isEmpty() ? "the report's feature lines are missing" : String.join("; ", out);
    }

    private static String describe(Difference x) {
        return switch (x.feature()) {
            case AP_TYPE -> "the source card is of AP type " + x.source() + ", newer than the "
                    + "destination's " + x.target();
            case BIND_STATE -> "a queue is bound or associated for Secure Execution (bind state "
                    + "source " + x.source() + ", destination " + x.target() + "; both must be 0)";
            case CLASS -> "the source queue has full native card function, the destination's "
                    + "only stateless functions";
            default -> name(x.feature()) + " " + side(x);
        };
    }

    private static String side(Difference x) {
        if (Boolean.TRUE.equals(x.source()) || Boolean.FALSE.equals(x.target())) {
            return "on the source, not on the destination";
        }
        return "on the destination, not on the source";
    }

    private static String name(Feature f) {
        return switch (f) {
            case APSC -> "the AP special command facility (APSC)";
            case AP4KM -> "4096-bit ME operations (AP4KM)";
            case AP4KC -> "4096-bit CRT operations (AP4KC)";
            case CCA -> "CCA coprocessor mode";
            case ACCEL -> "accelerator mode";
            case EP11 -> "EP11 (XCP) mode";
            case APXA -> "AP extended addressing (APXA)";
            case SLCF -> "stateless command filtering (SLCF)";
            default -> f.name();
        };
    }

    private static String rc(int code) {
        ResponseCode r = ResponseCode.byCodeOrNull(code);
        return code + (r == null ? "" : " (AP_RESPONSE_" + r.name() + ")");
    }

    private static String hex2(int v) {
        return String.format("0x%02x", v);
    }

    private static String hex4(int v) {
        return String.format("%04x", v);
    }
}
