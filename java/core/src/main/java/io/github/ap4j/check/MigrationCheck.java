// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import io.github.ap4j.internal.QueueIndex;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.QueueStatus;
import io.github.ap4j.model.ResponseCode;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import io.github.ap4j.snapshot.Mkvp;
import io.github.ap4j.snapshot.VfioApMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Predicts, before anyone migrates, whether the guest behind a vfio-ap mdev can move from a
 * source host to each target host, with the kernel's own rules and log lines
 * (docs/kernel-rules.md).
 *
 * <p>For each target the kernel outcome is simulated in the order things happen:
 * <ol>
 *   <li>libvirt: no mdev with the UUID on the target: {@code error: device not found: ...};</li>
 *   <li>no {@code migratable} feature on source or target: no migration code at all;</li>
 *   <li>Secure Execution (bus {@code features} has {@code APSB}) on target or source: doc, no
 *       migration support registered; v3, {@code -EPERM} and its {@code dev_err} line;</li>
 *   <li>source TAPQ failure (when statuses are given): the STOP_COPY read fails;</li>
 *   <li>step 5, every APQN a queue on the target bound to vfio_ap, else {@code -ENODEV};</li>
 *   <li>step 6 (doc), every control domain in the target's control-domain mask, else
 *       {@code -ENODEV};</li>
 *   <li>step 7, per-queue TAPQ and hwinfo comparison, the last error wins;</li>
 *   <li>step 8, set configuration: reserved by apmask/aqmask ({@code -EADDRNOTAVAIL}, silent),
 *       then assigned to another mdev ({@code -EADDRINUSE}, one {@code dev_warn} per shared APQN
 *       of the first such mdev in the snapshot's mdev order), then ids above the maxima
 *       ({@code -ENODEV}, silent).</li>
 * </ol>
 * The first failing stage fixes {@code errno} and ends {@code kernelLog}. The findings, however,
 * cover every stage, so one run lists every change the target needs.
 */
public final class MigrationCheck {

    /**
     * A destination.
     *
     * @param label    the name to report it under (as given)
     * @param snapshot the host snapshot
     * @param tapq     TAPQ statuses of target queues, when known (for example from the native
     *                 layer); queues not in the map are taken to answer with response code 0
     */
    public record Target(String label, HostSnapshot snapshot, Map<Apqn, QueueStatus> tapq) {
        /**
         * Copies the statuses.
         *
         * @param label the name to report it under
         * @param snapshot the host snapshot
         * @param tapq TAPQ statuses of target queues; empty when not known
         * @throws NullPointerException if {@code label} or {@code snapshot} is null
         */
        public Target {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(snapshot, "snapshot");
            tapq = Map.copyOf(tapq);
        }

        /**
         * A destination without TAPQ statuses: every queue taken to answer with response code 0.
         *
         * @param label the name to report it under
         * @param snapshot the host snapshot
         */
        public Target(String label, HostSnapshot snapshot) {
            this(label, snapshot, Map.of());
        }
    }

    private MigrationCheck() {
    }

    /**
     * Checks the mdev {@code uuid} of {@code source} against each target.
     *
     * @param source the source host's snapshot, which must hold the mdev
     * @param uuid the guest's mdev UUID
     * @param targets the destinations, in report order
     * @param rules which version of the kernel's migration code to predict
     * @return one report per target
     * @throws io.github.ap4j.BadInputException when the UUID is malformed or not an mdev on the
     *         source, or the source snapshot cannot say which APQNs the guest has
     */
    public static CheckReport check(HostSnapshot source, String uuid, List<Target> targets,
            RuleSet rules) {
        return check(source, Map.of(), uuid, targets, rules);
    }

    /**
     * As {@link #check(HostSnapshot, String, List, RuleSet)}, with TAPQ statuses of source queues.
     *
     * @param source the source host's snapshot, which must hold the mdev
     * @param sourceTapq TAPQ statuses of source queues (stage 4); queues not in the map answer 0
     * @param uuid the guest's mdev UUID
     * @param targets the destinations, in report order
     * @param rules which version of the kernel's migration code to predict
     * @return one report per target
     * @throws io.github.ap4j.BadInputException when the UUID is malformed or not an mdev on the
     *         source, or the source snapshot cannot say which APQNs the guest has
     */
    public static CheckReport check(HostSnapshot source, Map<Apqn, QueueStatus> sourceTapq,
            String uuid, List<Target> targets, RuleSet rules) {
        Guest g = new Guest(source, uuid, sourceTapq, rules);
        List<TargetReport> out = new ArrayList<>(targets.size());
        for (Target t : targets) {
            out.add(evaluate(g, t, rules));
        }
        return new CheckReport(g.uuid, rules, out);
    }

    /**
     * One target, stage by stage in the kernel's order (docs/kernel-rules.md). Every stage
     * reports its findings; only the first stage that fails sets the errno and the log.
     */
    static TargetReport evaluate(Guest g, Target t, RuleSet rules) {
        Run run = new Run(g, t, rules);
        run.apply(libvirtMdevLookup(run));
        run.apply(migratableFeature(run));
        run.apply(secureExecutionGate(run));
        run.apply(sourceTapq(run));
        run.apply(queueAvailability(run));
        run.apply(controlDomains(run));
        run.apply(queueHardwareInfo(run));
        run.apply(setConfiguration(run));
        return new TargetReport(t.label(), run.errno, run.log, run.findings);
    }

    /**
     * What one stage found, and what the kernel does there: when {@code fails}, the migration
     * ends at this stage with {@code errno} (null when libvirt or a missing feature stops it
     * without one) after logging {@code log}.
     */
    record Outcome(List<Finding> findings, boolean fails, Errno errno, List<String> log) {
        static final Outcome PASS = new Outcome(List.of(), false, null, List.of());

        static Outcome of(List<Finding> findings) {
            return findings.isEmpty() ? PASS : new Outcome(findings, false, null, List.of());
        }

        /** Fails with {@code errno} and {@code log} when {@code log} is not empty, else passes. */
        static Outcome failsIfLogged(List<Finding> findings, List<String> log, Errno errno) {
            return log.isEmpty() ? of(findings) : new Outcome(findings, true, errno, log);
        }
    }

    /** The inputs every stage reads, and the report the stages build. */
    private static final class Run {
        final Guest g;
        final Target t;
        final RuleSet rules;
        final String uuid;
        final HostSnapshot ts;
        final QueueIndex ti;
        final BusAttributes bus;
        final Attr<VfioApMatrix> vm;
        /** The target's apmask and aqmask, or null when the snapshot does not show them. */
        final ApMask apmask;
        final ApMask aqmask;
        /** The smallest mask edit that frees the guest's reserved APQNs; null when none is. */
        final Choices.MaskChoice reservation;

        final List<Finding> findings;
        final List<String> log = new ArrayList<>();
        Errno errno;
        boolean stopped;

        Run(Guest g, Target t, RuleSet rules) {
            this.g = g;
            this.t = t;
            this.rules = rules;
            this.uuid = g.uuid;
            this.ts = t.snapshot();
            this.ti = QueueIndex.of(ts);
            this.bus = ts.bus();
            this.vm = ts.matrix();
            this.apmask = bus.apmask().orElse(null);
            this.aqmask = bus.aqmask().orElse(null);
            this.reservation = apmask == null || aqmask == null ? null
                    : Choices.reservation(ts.queues(), g.matrix, apmask, aqmask);
            this.findings = new ArrayList<>(g.findings);
        }

        void apply(Outcome o) {
            // add one by one: addAll copies its argument into a new array first (toArray),
            // one allocation per stage for lists that are mostly empty or of one element
            List<Finding> fs = o.findings();
            for (int i = 0; i < fs.size(); i++) {
                findings.add(fs.get(i));
            }
            if (o.fails() && !stopped) {
                stopped = true;
                errno = o.errno();
                List<String> lines = o.log();
                for (int i = 0; i < lines.size(); i++) {
                    log.add(lines.get(i));
                }
            }
        }
    }

    /** 1. libvirt looks up an mdev with the guest's UUID on the target before any kernel code. */
    private static Outcome libvirtMdevLookup(Run r) {
        if (r.vm.absence() == Absence.UNKNOWN) {
            String kind = r.ts.provenance().kind().name().toLowerCase(java.util.Locale.ROOT);
            return Outcome.of(List.of(FindingTexts.targetVfioUnknown(kind, r.uuid)));
        }
        if (!r.vm.isPresent() || r.vm.get().mdev(r.uuid).isEmpty()) {
            return new Outcome(List.of(FindingTexts.mdevMissing(r.uuid)), true, null,
                    List.of(KernelLog.libvirtMdevNotFound(r.uuid)));
        }
        return Outcome.PASS;
    }

    /** 2. Both vfio_ap drivers must offer the {@code migratable} feature; nothing is logged. */
    private static Outcome migratableFeature(Run r) {
        List<Finding> f = new ArrayList<>(1);
        boolean targetMigratable;
        if (!r.vm.isPresent()) {
            targetMigratable = r.vm.absence() == Absence.UNKNOWN;
            if (!targetMigratable) {
                f.add(FindingTexts.vfioApNotLoaded());
            }
        } else {
            targetMigratable = Guest.migratable(f, r.vm.get(), "target");
        }
        boolean fails = !targetMigratable || r.g.notMigratable;
        return fails ? new Outcome(f, true, null, List.of()) : Outcome.of(f);
    }

    /**
     * 3. Secure Execution with AP secure binding on either host: doc registers no migration
     * support (silent), v3 fails the state change with EPERM and a {@code dev_err}.
     */
    private static Outcome secureExecutionGate(Run r) {
        boolean targetSe = r.bus.hasApsb();
        if (!targetSe && !r.g.se) {
            return Outcome.PASS;
        }
        List<Finding> f = List.of(FindingTexts.seGuest(r.rules, r.uuid, targetSe, r.g.se));
        return r.rules.seMeansNoMigrationSupport() ? new Outcome(f, true, null, List.of())
                : new Outcome(f, true, Errno.EPERM, List.of(KernelLog.seNotAllowed(r.uuid)));
    }

    /** 4. The source's STOP_COPY read: TAPQ on each source queue (the finding is the Guest's). */
    private static Outcome sourceTapq(Run r) {
        if (r.g.tapqFailApqn == null) {
            return Outcome.PASS;
        }
        return new Outcome(List.of(), true, RuleSet.tapqErrno(r.g.tapqFailRc),
                List.of(KernelLog.tapqFailed(r.rules, r.uuid, r.g.tapqFailApqn, r.g.tapqFailRc)));
    }

    /**
     * 5. Every guest APQN a queue on the target bound to vfio_ap, else ENODEV with one line per
     * APQN. Walked APID-major as the kernel lists them; a queue that is present, on vfio_ap (or
     * of unknown driver), not reserved and operational needs no finding: two array reads.
     */
    private static Outcome queueAvailability(Run r) {
        List<Finding> f = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        if (r.apmask == null || r.aqmask == null) {
            f.add(FindingTexts.masksUnknown());
        }
        ApMask as = r.g.matrix.adapters();
        ApMask ds = r.g.matrix.domains();
        int unknownDriver = 0;
        for (int a = as.nextSetId(0); a >= 0; a = as.nextSetId(a + 1)) {
            boolean adapterReserved = r.apmask != null && r.aqmask != null && r.apmask.contains(a);
            for (int d = ds.nextSetId(0); d >= 0; d = ds.nextSetId(d + 1)) {
                int qid = a << 8 | d;
                int fl = r.ti.flags(qid);
                boolean reserved = adapterReserved && r.aqmask.contains(d);
                if ((fl & QueueIndex.PRESENT) != 0 && !reserved
                        && (fl & (QueueIndex.VFIO_AP | QueueIndex.DRIVER_UNKNOWN)) != 0
                        && (fl & QueueIndex.NOT_OPERATIONAL) == 0) {
                    if ((fl & QueueIndex.DRIVER_UNKNOWN) != 0) {
                        unknownDriver++;
                    }
                    continue;
                }
                unknownDriver += queueAvailability(r, Apqn.of(a, d), reserved, f, lines);
            }
        }
        if (unknownDriver > 0) {
            f.add(FindingTexts.driversUnknown(unknownDriver));
        }
        return Outcome.failsIfLogged(f, lines, Errno.ENODEV);
    }

    /** One guest queue that needs a look; returns 1 when its driver is unknown. */
    private static int queueAvailability(Run r, Apqn q, boolean reserved, List<Finding> f,
            List<String> lines) {
        ApQueue tq = r.ti.queue(q.qid());
        if (tq == null) {
            lines.add(KernelLog.queueNotAvailable(r.uuid, q));
            f.add(queueMissing(r, q));
            return 0;
        }
        Attr<String> drv = tq.driver();
        boolean driverUnknown = drv.absence() == Absence.UNKNOWN;
        // An unknown driver cannot be predicted: assume vfio_ap, the UNVERIFIABLE finding says so.
        boolean onVfio = driverUnknown || drv.isPresent() && drv.get().equals("vfio_ap");
        if (!onVfio) {
            lines.add(KernelLog.queueNotAvailable(r.uuid, q));
        }
        String driver = drv.isPresent() ? drv.get() : null;
        if (reserved) {
            Choices.MaskChoice c = r.reservation;
            f.add(FindingTexts.reservedForHost(r.uuid, q, onVfio, driver, c,
                    c.adapters() ? r.apmask : r.aqmask));
        } else if (!onVfio) {
            f.add(FindingTexts.notOnVfioAp(r.uuid, q, driver, r.vm.isPresent()));
        }
        if (tq.config().isPresent() && !tq.config().get()
                || tq.chkstop().isPresent() && tq.chkstop().get()) {
            f.add(FindingTexts.notOperational(q, tq.chkstop().orElse(false)));
        }
        return driverUnknown ? 1 : 0;
    }

    /** Why the target has no queue device for {@code q}, most specific reason first. */
    private static Finding queueMissing(Run r, Apqn q) {
        ApCard c = r.ti.card(q.adapter());
        return FindingTexts.queueMissing(r.uuid, q,
                r.bus.adapters().isPresent() && !r.bus.adapters().get().contains(q.adapter()),
                r.bus.usageDomains().isPresent() && !r.bus.usageDomains().get().contains(q.domain()),
                c != null && c.config().isPresent() && !c.config().get());
    }

    /** 6 (doc only). Every control domain of the guest in the target's control-domain mask. */
    private static Outcome controlDomains(Run r) {
        ApMask guestCd = r.g.controlDomains;
        if (!r.rules.checksControlDomains() || guestCd == null || guestCd.isEmpty()) {
            return Outcome.PASS;
        }
        Attr<ApMask> cdm = r.bus.controlDomains();
        if (cdm.absence() == Absence.UNKNOWN) {
            return Outcome.of(List.of(FindingTexts.controlDomainMaskUnknown()));
        }
        Integer maxDom = r.bus.maxDomainId().orElse(null);
        List<Finding> f = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int d = guestCd.nextSetId(0); d >= 0; d = guestCd.nextSetId(d + 1)) {
            boolean inMask = cdm.isPresent() && cdm.get().contains(d);
            if (inMask && (maxDom == null || d <= maxDom)) {
                continue;
            }
            lines.add(KernelLog.controlDomainMissing(r.uuid, d));
            f.add(FindingTexts.controlDomainMissing(r.uuid, d, !cdm.isPresent(),
                    inMask ? maxDom : null));
        }
        return Outcome.failsIfLogged(f, lines, Errno.ENODEV);
    }

    /**
     * 7. Per guest queue: TAPQ on the target, then the hardware comparison; the last error
     * wins. The master keys, which the kernel never compares, are compared here too. The
     * common case (a known status of 0, plain words, compatible, no mkvps) builds nothing.
     */
    private static Outcome queueHardwareInfo(Run r) {
        List<Finding> f = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Errno errno = null;
        boolean[] noted = null;
        Unverified mkUnverified = new Unverified();
        QueueIndex si = r.g.index;
        QueueIndex ti = r.ti;
        Map<Apqn, QueueStatus> tapq = r.t.tapq();
        ApMask as = r.g.matrix.adapters();
        ApMask ds = r.g.matrix.domains();
        for (int a = as.nextSetId(0); a >= 0; a = as.nextSetId(a + 1)) {
            for (int d = ds.nextSetId(0); d >= 0; d = ds.nextSetId(d + 1)) {
                int qid = a << 8 | d;
                int targetFlags = ti.flags(qid);
                if ((targetFlags & QueueIndex.PRESENT) == 0) {
                    continue;
                }
                QueueStatus st = tapq.isEmpty() ? null : tapq.get(Apqn.of(a, d));
                if (st != null && st.responseCode() != 0) {
                    Apqn q = Apqn.of(a, d);
                    int rc = st.responseCode();
                    if (!r.rules.tapqUsable(rc, st.async())) {
                        lines.add(KernelLog.tapqFailed(r.rules, r.uuid, q, rc));
                        errno = RuleSet.tapqErrno(rc);
                        f.add(FindingTexts.tapqFailed(r.rules, r.uuid, q, rc, st.async()));
                        continue;
                    }
                    if (!ResponseCode.tapqInfoValid(rc)) {
                        f.add(FindingTexts.tapqErrorIgnored(r.rules, q, rc, st.async()));
                    }
                }
                long targetWord = ti.word(qid);
                if (Guest.needsNote(targetWord, targetFlags)) {
                    noted = noted == null ? new boolean[512] : noted;
                    Guest.noteWordSource(f, "target", ti, Apqn.of(a, d), targetWord, targetFlags, noted);
                }
                long sourceWord = si.word(qid);
                if (targetWord != QueueIndex.UNKNOWN && sourceWord != QueueIndex.UNKNOWN
                        && !r.rules.compatible(sourceWord, targetWord)) {
                    Apqn q = Apqn.of(a, d);
                    KernelLog.reportIncompatibilities(r.rules, r.uuid, q, sourceWord, targetWord, lines);
                    errno = r.rules.incompatibleErrno();
                    f.add(FindingTexts.hwinfoIncompatible(r.rules, q, sourceWord, targetWord));
                }
                // MKVPS on both sides implies both queues are present.
                if ((si.flags(qid) & targetFlags & QueueIndex.MKVPS) != 0) {
                    mkvps(f, si.queue(qid), ti.queue(qid), Apqn.of(a, d), mkUnverified);
                } else {
                    mkUnverified.add(a, d);
                }
            }
        }
        if (mkUnverified.count > 0) {
            f.add(FindingTexts.mkvpsUnverified(mkUnverified.count, r.g.matrix.size(),
                    mkUnverified.sample()));
        }
        return errno == null ? Outcome.of(f) : new Outcome(f, true, errno, lines);
    }

    /**
     * 8. Set configuration: APQNs reserved by apmask/aqmask (EADDRNOTAVAIL, silent), then
     * APQNs assigned to another mdev (EADDRINUSE, one {@code dev_warn} per APQN of the first
     * such mdev in the snapshot's order), then ids above the maxima (ENODEV, silent).
     */
    private static Outcome setConfiguration(Run r) {
        List<Finding> f = new ArrayList<>();
        List<String> sharing = new ArrayList<>();
        if (r.vm.isPresent()) {
            boolean firstSharer = true;
            for (Mdev other : r.vm.get().mdevs()) {
                if (!other.uuid().equalsIgnoreCase(r.uuid)
                        && sharedWith(r, other, firstSharer, f, sharing)) {
                    firstSharer = false;
                }
            }
        }
        boolean overflow = idsAboveMaxima(r, f);
        if (r.reservation != null) {
            return new Outcome(f, true, Errno.EADDRNOTAVAIL, List.of());
        }
        if (!sharing.isEmpty()) {
            return new Outcome(f, true, Errno.EADDRINUSE, sharing);
        }
        return overflow ? new Outcome(f, true, Errno.ENODEV, List.of()) : Outcome.of(f);
    }

    /** Findings for the APQNs {@code other} holds; returns whether it shares any. */
    private static boolean sharedWith(Run r, Mdev other, boolean logged, List<Finding> f,
            List<String> lines) {
        if (!other.matrix().isPresent()) {
            if (other.matrix().absence() == Absence.UNKNOWN) {
                f.add(FindingTexts.otherMatrixUnknown(other.uuid()));
            }
            return false;
        }
        ApMatrix om = other.matrix().get();
        Choices.ReleaseChoice rc = Choices.release(other.uuid(), om, r.g.matrix);
        if (rc == null) {
            return false;
        }
        ApMatrix shared = new ApMatrix(r.g.matrix.adapters().intersect(om.adapters()),
                r.g.matrix.domains().intersect(om.domains()));
        for (Apqn q : shared.apqns()) {
            if (logged) {
                lines.add(KernelLog.sharingError(r.uuid, q, other.uuid()));
            }
            f.add(FindingTexts.inUseByOtherMdev(r.uuid, q, other.uuid(), logged, rc));
        }
        return true;
    }

    /** Findings for guest ids above the target's maxima; returns whether there are any. */
    private static boolean idsAboveMaxima(Run r, List<Finding> f) {
        Integer maxA = r.bus.maxAdapterId().orElse(null);
        Integer maxD = r.bus.maxDomainId().orElse(null);
        if (maxA == null || maxD == null) {
            f.add(FindingTexts.maximaUnknown());
        }
        boolean overflow = false;
        if (maxA != null && r.g.matrix.adapters().highestId() > maxA) {
            overflow = true;
            f.add(FindingTexts.adaptersAboveMaximum(
                    r.g.matrix.adapters().minus(ApMask.range(0, Math.min(maxA, 255))), maxA));
        }
        if (maxD != null) {
            ApMask doms = r.g.matrix.domains();
            if (r.rules.checksControlDomains() && r.g.controlDomains != null) {
                doms = doms.union(r.g.controlDomains);
            }
            if (doms.highestId() > maxD) {
                overflow = true;
                f.add(FindingTexts.domainsAboveMaximum(
                        doms.minus(ApMask.range(0, Math.min(maxD, 255))), maxD));
            }
        }
        return overflow;
    }

    /** Compares CUR master-key patterns of one APQN; unknown ones go to {@code unverified}. */
    private static void mkvps(List<Finding> f, ApQueue sq, ApQueue tq, Apqn q, Unverified unverified) {
        if (sq == null || tq == null || !sq.mkvps().isPresent() || !tq.mkvps().isPresent()) {
            unverified.add(q.adapter(), q.domain());
            return;
        }
        Map<String, String> s = curPatterns(sq);
        Map<String, String> t = curPatterns(tq);
        if (s.isEmpty() || t.isEmpty()) {
            unverified.add(q.adapter(), q.domain());
            return;
        }
        boolean compared = false;
        for (Map.Entry<String, String> e : s.entrySet()) {
            String tp = t.get(e.getKey());
            if (tp == null) {
                continue;
            }
            compared = true;
            if (!tp.equalsIgnoreCase(e.getValue())) {
                f.add(FindingTexts.mkvpMismatch(q, e.getKey(), e.getValue(), tp));
            }
        }
        if (!compared) {
            unverified.add(q.adapter(), q.domain());
        }
    }

    private static Map<String, String> curPatterns(ApQueue q) {
        Map<String, String> m = new LinkedHashMap<>();
        if (q == null || !q.mkvps().isPresent()) {
            return m;
        }
        for (Mkvp k : q.mkvps().get()) {
            if ("CUR".equals(k.register()) && k.pattern().isPresent()
                    && "valid".equals(k.state().orElse("valid"))) {
                m.put(k.keyType(), k.pattern().get());
            }
        }
        return m;
    }

    /**
     * The queues whose master keys could not be compared: only the count and the first few
     * (for the finding's sample) are kept, so a 65,536-APQN guest builds no list of them.
     */
    private static final class Unverified {
        int count;
        private final int[] first = new int[4];

        void add(int adapter, int domain) {
            if (count < first.length) {
                first[count] = adapter << 8 | domain;
            }
            count++;
        }

        /** Up to four, then {@code , ...} when there are more. */
        String sample() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(4, count); i++) {
                sb.append(i == 0 ? "" : ", ").append(Apqn.ofQid(first[i]));
            }
            if (count > 4) {
                sb.append(", ...");
            }
            return sb.toString();
        }
    }
}
