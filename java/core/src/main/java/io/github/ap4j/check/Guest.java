// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import io.github.ap4j.BadInputException;
import io.github.ap4j.internal.QueueIndex;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.QueueStatus;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
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
        this.index = QueueIndex.of(source);

        if (mdev.guestMatrix().isPresent()) {
            matrix = mdev.guestMatrix().get();
        } else if (mdev.matrix().isPresent()) {
            matrix = mdev.matrix().get();
            findings.add(FindingTexts.guestMatrixFallback(uuid));
        } else {
            throw new BadInputException(origin, "mdev " + uuid
                    + " has neither guest_matrix nor matrix: cannot tell which APQNs the guest has");
        }
        if (matrix.isEmpty()) {
            findings.add(FindingTexts.emptyGuestMatrix(uuid));
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
                findings.add(FindingTexts.sourceControlDomainsUnknown(uuid));
            }
        }
        if (rules == RuleSet.V3 && controlDomains != null && !controlDomains.isEmpty()) {
            findings.add(FindingTexts.controlDomainsNotMigrated(uuid, controlDomains));
        }
        if (rules == RuleSet.V3) {
            findings.add(FindingTexts.v3UninitialisedMatrix());
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
            findings.add(FindingTexts.sourceTapqFailed(failQ, failRc));
        }
    }

    /** Whether the vfio_ap matrix device says it can migrate; adds a finding when not (or unknown). */
    static boolean migratable(List<Finding> findings, VfioApMatrix vm, String side) {
        if (vm.migratable()) {
            return true;
        }
        if (vm.features().absence() == Absence.UNKNOWN) {
            findings.add(FindingTexts.featuresUnknown(side));
            return true;
        }
        findings.add(FindingTexts.notMigratable(side, vm.features().orNull()));
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
        if (word == QueueIndex.UNKNOWN) {
            findings.add(FindingTexts.hwinfoUnknown(side, q));
            return;
        }
        if ((flags & QueueIndex.CARD_LEVEL) != 0 && !noted[a]) {
            noted[a] = true;
            findings.add(FindingTexts.cardLevelFunctions(side, a));
        }
        if ((flags & QueueIndex.MAPPED_TYPE) != 0 && !noted[256 + a]) {
            noted[256 + a] = true;
            findings.add(FindingTexts.mappedHwtype(side, a, index.card(a).hwtype().get()));
        }
    }

    /** {@code cardXX}, as {@code String.format("card%02x", id)} prints it, without a Formatter. */
    static String cardName(int id) {
        return "card" + (id < 16 ? "0" : "") + Integer.toHexString(id);
    }
}
