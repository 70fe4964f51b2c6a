package io.github.ap4j.check;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.QueueStatus;
import io.github.ap4j.model.ResponseCode;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import io.github.ap4j.snapshot.QueueIndex;
import io.github.ap4j.snapshot.VfioApMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The source side of a migration as the kernel sees it: the guest's APQNs (the blob's queue
 * records, APID-major), their source GR2 words, the control domains, and what is wrong on the
 * source host itself. Built once and checked against every target.
 */
final class Guest {
    final String uuid;
    final ApMatrix matrix;
    /** The source snapshot's queue index: GR2 words and queues by qid. */
    final QueueIndex index;
    /** Control domains ({@code adm}), or null when the source does not say. */
    final ApMask controlDomains;
    final boolean se;
    /** Source-side gate: no migration code on the source (findings hold the reason). */
    final boolean notMigratable;
    /** Source TAPQ failure (first failing queue), or null. */
    final Apqn tapqFailApqn;
    final int tapqFailRc;
    final List<Finding> findings = new ArrayList<>();

    Guest(HostSnapshot source, String requestedUuid, Map<Apqn, QueueStatus> tapq, RuleSet rules) {
        if (!Mdev.isUuid(requestedUuid)) {
            // The argument names no file: the quoted value is the source. The CLI checks its
            // --mdev option with Mdev.isUuid itself, so this is for library callers.
            throw new BadInputException(BadInputException.quote(requestedUuid),
                    "not an mdev UUID (expected " + Mdev.UUID_FORMAT + ")");
        }
        String origin = source.provenance().origin();
        Attr<VfioApMatrix> vm = source.matrix();
        if (!vm.isPresent()) {
            throw new BadInputException(origin, vm.absence() == Absence.UNKNOWN
                    ? "the source snapshot (" + source.provenance().kind().name().toLowerCase(Locale.ROOT)
                    + " source) does not describe vfio_ap; "
                    + "take a sysfs snapshot of the source host instead"
                    : "vfio_ap is not loaded on the source host, so it has no mdev "
                    + requestedUuid.toLowerCase(Locale.ROOT));
        }
        Mdev mdev = vm.get().mdev(requestedUuid).orElseThrow(() -> new BadInputException(origin,
                "no mdev " + requestedUuid.toLowerCase(Locale.ROOT) + " on the source host (mdevs there: "
                        + (vm.get().mdevs().isEmpty() ? "none"
                        : String.join(", ", vm.get().mdevs().stream().map(Mdev::uuid).toList()))
                        + ")"));
        this.uuid = mdev.uuid();
        this.index = source.queueIndex();

        if (mdev.guestMatrix().isPresent()) {
            matrix = mdev.guestMatrix().get();
        } else if (mdev.matrix().isPresent()) {
            matrix = mdev.matrix().get();
            findings.add(Finding.warning(FindingCode.GUEST_MATRIX_FALLBACK, null,
                    "The source mdev has no guest_matrix attribute, so its assigned matrix was used "
                    + "as the guest's APQNs. The kernel migrates guest_matrix (what the guest really "
                    + "has after filtering), which can be smaller. Fix: take the source snapshot on "
                    + "a kernel that shows /sys/devices/vfio_ap/matrix/" + uuid + "/guest_matrix."));
        } else {
            throw new BadInputException(origin, "mdev " + uuid
                    + " has neither guest_matrix nor matrix: cannot tell which APQNs the guest has");
        }
        if (matrix.isEmpty()) {
            findings.add(Finding.info(FindingCode.EMPTY_GUEST_MATRIX, null,
                    "The guest has no APQNs, so the kernel checks no queues. Fix: none needed, "
                    + "unless the guest was meant to have crypto devices: assign adapters and "
                    + "domains to mdev " + uuid + " on the source."));
        }

        // Source GR2 words and the hwinfo-source pitfalls.
        // Only flagged words need a finding, so the loop reads the index and builds nothing else.
        boolean[] noted = null;
        ApMask as = matrix.adapters();
        ApMask ds = matrix.domains();
        for (int a = as.nextSetId(0); a >= 0; a = as.nextSetId(a + 1)) {
            for (int d = ds.nextSetId(0); d >= 0; d = ds.nextSetId(d + 1)) {
                int qid = a << 8 | d;
                long w = index.word(qid);
                int fl = index.flags(qid);
                if (needsNote(w, fl)) {
                    noted = noted == null ? new boolean[512] : noted;
                    noteWordSource(findings, "source", index, Apqn.of(a, d), w, fl, noted);
                }
            }
        }

        if (mdev.controlDomains().isPresent()) {
            controlDomains = mdev.controlDomains().get();
        } else {
            controlDomains = null;
            if (rules.checksControlDomains()) {
                findings.add(Finding.error(FindingCode.UNVERIFIABLE, null,
                        "The source snapshot does not show mdev " + uuid + "'s control_domains, "
                        + "so the control-domain check cannot be predicted. Fix: take a full sysfs "
                        + "snapshot of the source host."));
            }
        }
        if (rules == RuleSet.V3 && controlDomains != null && !controlDomains.isEmpty()) {
            findings.add(Finding.warning(FindingCode.CONTROL_DOMAINS_NOT_MIGRATED, null,
                    "The posted v3/v4 code neither migrates nor checks control domains, so the guest "
                    + "loses its control domains " + controlDomains.toRangeList() + " on the target. "
                    + "Fix: after the migration, assign them again on the target with echo <id> > "
                    + "/sys/devices/vfio_ap/matrix/" + uuid + "/assign_control_domain, or use a "
                    + "kernel with the later migration code."));
        }
        if (rules == RuleSet.V3) {
            findings.add(Finding.info(FindingCode.V3_UNINITIALISED_MATRIX, null,
                    "The posted v3/v4 code builds the new guest matrix in an uninitialised stack "
                    + "variable, so the set-configuration step on the target may see stray adapter, "
                    + "domain or control-domain bits; this check assumes it does not. Fix: use a "
                    + "kernel with the later migration code (rules doc)."));
        }

        // Source gates: migration support and SE.
        notMigratable = !migratable(findings, vm.get(), "source");
        se = source.bus().hasApsb();

        // Source TAPQ: vfio_ap_store_queue_info() stops at the first failing queue.
        Apqn failQ = null;
        int failRc = 0;
        for (Apqn q : tapq.isEmpty() ? List.<Apqn>of() : matrix.apqns()) {
            QueueStatus st = tapq.get(q);
            if (st != null && !rules.tapqUsable(st.responseCode(), st.async())) {
                failQ = q;
                failRc = st.responseCode();
                break;
            }
        }
        tapqFailApqn = failQ;
        tapqFailRc = failRc;
        if (failQ != null) {
            findings.add(Finding.error(FindingCode.SOURCE_TAPQ_FAILED, failQ,
                    "TAPQ on source queue " + failQ + " fails with response code " + rcName(failRc)
                    + ", so the source's STOP_COPY read fails with "
                    + RuleSet.tapqErrno(failRc).name() + " before any data reaches the target. "
                    + "Fix: bring the queue back to a usable state on the source (check "
                    + "/sys/bus/ap/devices/" + failQ + "/config and chkstop, or reset it with "
                    + "echo 1 > /sys/bus/ap/devices/" + failQ + "/reset) and retry."));
        }
    }

    /** Whether the vfio_ap matrix device says it can migrate; adds a finding when not (or unknown). */
    static boolean migratable(List<Finding> findings, VfioApMatrix vm, String side) {
        if (vm.migratable()) {
            return true;
        }
        if (vm.features().absence() == Absence.UNKNOWN) {
            findings.add(Finding.error(FindingCode.UNVERIFIABLE, null, "The " + side
                    + " snapshot does not show /sys/devices/vfio_ap/matrix/features, so it is "
                    + "unknown whether its vfio_ap can migrate devices. Fix: take a sysfs snapshot "
                    + "of the " + side + " host."));
            return true;
        }
        String has = vm.features().isPresent() ? "'" + String.join(" ", vm.features().get()) + "'"
                : "no features attribute";
        findings.add(Finding.error(FindingCode.NOT_MIGRATABLE, null, "The " + side
                + " host's vfio_ap has no 'migratable' feature (" + has + "), so its kernel has no "
                + "vfio-ap migration support and the device cannot be migrated. Fix: run a kernel "
                + "with the vfio-ap live-migration series on the " + side + " host."));
        return false;
    }

    /** Whether {@link #noteWordSource} has something to say about a word with these flags. */
    static boolean needsNote(long word, int flags) {
        return word == QueueIndex.UNKNOWN
                || (flags & (QueueIndex.CARD_LEVEL | QueueIndex.MAPPED_TYPE)) != 0;
    }

    /**
     * Adds the pitfall warnings (once per card: {@code noted[a]} for card-level functions,
     * {@code noted[256 + a]} for the mapped type) and HWINFO_UNKNOWN for one word.
     */
    static void noteWordSource(List<Finding> findings, String side, QueueIndex index, Apqn q,
            long word, int flags, boolean[] noted) {
        int a = q.adapter();
        if (!needsNote(word, flags)) {
            return;
        }
        String card = cardName(a);
        if (word == QueueIndex.UNKNOWN) {
            findings.add(Finding.error(FindingCode.HWINFO_UNKNOWN, q, "The " + side
                    + " snapshot has no ap_functions for queue " + q + " or card " + card
                    + ", or no raw_hwtype/hwtype for " + card + ", so the hardware comparison "
                    + "cannot be made. Fix: take a sysfs snapshot of the " + side + " host that "
                    + "includes /sys/bus/ap/devices/" + card + "/" + q + "/ap_functions and "
                    + card + "/raw_hwtype."));
            return;
        }
        if ((flags & QueueIndex.CARD_LEVEL) != 0 && !noted[a]) {
            noted[a] = true;
            findings.add(Finding.warning(FindingCode.CARD_LEVEL_FUNCTIONS, null, "The " + side
                    + " snapshot has no queue-level ap_functions for " + card + "'s queues, so the "
                    + "card-level value was used. The card value is masked: it always shows bind "
                    + "state 00 and, on kernels without commit 123b7c7c2ba7, SLCF as 0, while the "
                    + "kernel compares the per-queue TAPQ word. Fix: snapshot "
                    + "/sys/bus/ap/devices/" + card + "/XX.YYYY/ap_functions."));
        }
        if ((flags & QueueIndex.MAPPED_TYPE) != 0 && !noted[256 + a]) {
            noted[256 + a] = true;
            ApCard c = index.card(a);
            findings.add(Finding.warning(FindingCode.MAPPED_HWTYPE, null, "The " + side
                    + " snapshot has no raw_hwtype for " + card + ", so its hwtype ("
                    + c.hwtype().get() + ") was used. hwtype is the compatibility-mapped type; "
                    + "the kernel compares the raw TAPQ type, which differs for cards newer than "
                    + "CEX8. Fix: snapshot /sys/bus/ap/devices/" + card + "/raw_hwtype."));
        }
    }

    /** {@code cardXX}, as {@code String.format("card%02x", id)} prints it, without a Formatter. */
    static String cardName(int id) {
        return "card" + (id < 16 ? "0" : "") + Integer.toHexString(id);
    }

    static String rcName(int rc) {
        ResponseCode r = ResponseCode.byCodeOrNull(rc);
        return String.format("0x%02x", rc) + (r == null ? "" : " (" + r.name() + ")");
    }
}
