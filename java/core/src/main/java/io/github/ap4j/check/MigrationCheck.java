package io.github.ap4j.check;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.QueueStatus;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import io.github.ap4j.snapshot.Mkvp;
import io.github.ap4j.snapshot.QueueIndex;
import io.github.ap4j.snapshot.VfioApMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Predicts, before anyone migrates, whether the guest behind a vfio-ap mdev can move from a
 * source host to each target host, with the kernel's own rules and log lines (ap-facts 1).
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
        public Target {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(snapshot, "snapshot");
            tapq = Map.copyOf(tapq);
        }

        public Target(String label, HostSnapshot snapshot) {
            this(label, snapshot, Map.of());
        }
    }

    private MigrationCheck() {
    }

    /** Checks the mdev {@code uuid} of {@code source} against each target. */
    public static CheckReport check(HostSnapshot source, String uuid, List<Target> targets,
            RuleSet rules) {
        return check(source, Map.of(), uuid, targets, rules);
    }

    /**
     * As {@link #check(HostSnapshot, String, List, RuleSet)}, with TAPQ statuses of source queues.
     *
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

    static TargetReport evaluate(Guest g, Target t, RuleSet rules) {
        HostSnapshot ts = t.snapshot();
        QueueIndex ti = ts.queueIndex();
        QueueIndex si = g.index;
        BusAttributes bus = ts.bus();
        String uuid = g.uuid;
        List<Finding> f = new ArrayList<>(g.findings);
        List<String> log = new ArrayList<>();
        Errno errno = null;
        boolean stopped = false;

        // 1. libvirt needs an mdev with the same UUID on the target.
        Attr<VfioApMatrix> vm = ts.matrix();
        if (vm.absence() == Absence.UNKNOWN) {
            f.add(Finding.error(FindingCode.UNVERIFIABLE, null, "The target snapshot ("
                    + ts.provenance().kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " source) does not describe vfio_ap, so it is unknown whether mdev " + uuid
                    + " exists there and whether vfio_ap can migrate. Fix: take a sysfs snapshot "
                    + "of the target host."));
        } else if (!vm.isPresent() || vm.get().mdev(uuid).isEmpty()) {
            f.add(Finding.error(FindingCode.MDEV_MISSING, null, "The target has no mdev " + uuid
                    + ", so libvirt stops the migration before any kernel code runs. Fix: "
                    + Choices.createCommand(uuid) + " (its adapters and domains need not be "
                    + "assigned: the source configuration overlays them)."));
            log.add(KernelLog.libvirtMdevNotFound(uuid));
            stopped = true;
        }

        // 2. Migration support on both ends.
        boolean targetMigratable;
        if (!vm.isPresent()) {
            targetMigratable = vm.absence() == Absence.UNKNOWN;
            if (!targetMigratable) {
                f.add(Finding.error(FindingCode.NOT_MIGRATABLE, null, "vfio_ap is not loaded on "
                        + "the target, so the device cannot be migrated there. Fix: modprobe "
                        + "vfio_ap on a kernel with the vfio-ap live-migration series."));
            }
        } else {
            targetMigratable = Guest.migratable(f, vm.get(), "target");
        }
        if (!stopped && (!targetMigratable || g.notMigratable)) {
            stopped = true;
        }

        // 3. Secure Execution.
        boolean tSe = bus.hasApsb();
        if (tSe || g.se) {
            String hosts = tSe && g.se ? "Both hosts are" : tSe ? "The target host is" : "The source host is";
            String what = rules.seMeansNoMigrationSupport()
                    ? "its vfio_ap registers no migration support at all, so the device is not "
                    + "migratable (nothing is logged)"
                    : "vfio_ap fails every migration state change with EPERM and logs '"
                    + KernelLog.seNotAllowed(uuid) + "'";
            f.add(Finding.error(FindingCode.SE_GUEST, null, hosts + " a Secure Execution guest "
                    + "with AP secure binding (APSB in /sys/bus/ap/features): " + what + ". Fix: "
                    + "vfio-ap guests cannot migrate from or to an SE host; choose a host that is "
                    + "not an SE guest."));
            if (!stopped) {
                stopped = true;
                if (!rules.seMeansNoMigrationSupport()) {
                    log.add(KernelLog.seNotAllowed(uuid));
                    errno = Errno.EPERM;
                }
            }
        }

        // 4. Source STOP_COPY read.
        if (!stopped && g.tapqFailApqn != null) {
            log.add(KernelLog.tapqFailed(rules, uuid, g.tapqFailApqn, g.tapqFailRc));
            errno = RuleSet.tapqErrno(g.tapqFailRc);
            stopped = true;
        }

        ApMask as = g.matrix.adapters();
        ApMask ds = g.matrix.domains();
        int n = g.matrix.size();
        ApMask apmask = bus.apmask().orElse(null);
        ApMask aqmask = bus.aqmask().orElse(null);
        Choices.MaskChoice maskChoice = apmask == null || aqmask == null ? null
                : Choices.reservation(ts.queues(), g.matrix, apmask, aqmask);
        if (apmask == null || aqmask == null) {
            f.add(Finding.error(FindingCode.UNVERIFIABLE, null, "The target snapshot does not "
                    + "show /sys/bus/ap/apmask and aqmask, so it is unknown whether the guest's "
                    + "APQNs are reserved for the host's default drivers. Fix: take a sysfs "
                    + "snapshot of the target host."));
        }

        // 5. Queues bound to vfio_ap. The guest's APQNs are walked APID-major as the kernel lists
        // them; a queue that is present, on vfio_ap (or of unknown driver), not reserved and
        // operational needs no finding, so it costs two array reads.
        List<String> lines5 = new ArrayList<>();
        int unknownDriver = 0;
        for (int a = as.nextSetId(0); a >= 0; a = as.nextSetId(a + 1)) {
        boolean adapterReserved = apmask != null && aqmask != null && apmask.contains(a);
            for (int d = ds.nextSetId(0); d >= 0; d = ds.nextSetId(d + 1)) {
                int qid = a << 8 | d;
                int fl = ti.flags(qid);
                boolean reserved = adapterReserved && aqmask.contains(d);
                if ((fl & QueueIndex.PRESENT) != 0 && !reserved
                        && (fl & (QueueIndex.VFIO_AP | QueueIndex.DRIVER_UNKNOWN)) != 0
                        && (fl & QueueIndex.NOT_OPERATIONAL) == 0) {
                    if ((fl & QueueIndex.DRIVER_UNKNOWN) != 0) {
                        unknownDriver++;
                    }
                    continue;
                }
                Apqn q = Apqn.of(a, d);
                ApQueue tq = ti.queue(qid);
                if (tq == null) {
                    lines5.add(KernelLog.queueNotAvailable(uuid, q));
                    f.add(Finding.error(FindingCode.QUEUE_MISSING, q, queueMissing(ts, ti, q, uuid)));
                    continue;
                }
                Attr<String> drv = tq.driver();
                boolean onVfio;
                if (drv.absence() == Absence.UNKNOWN) {
                    unknownDriver++;
                    onVfio = true; // cannot predict; assume the best, the finding says so
                } else if (drv.isPresent() && drv.get().equals("vfio_ap")) {
                    onVfio = true;
                } else {
                    onVfio = false;
                    lines5.add(KernelLog.queueNotAvailable(uuid, q));
                }
                if (reserved) {
                    f.add(Finding.error(FindingCode.APQN_RESERVED_FOR_HOST, q,
                            reservedMessage(q, drv, onVfio, maskChoice, apmask, aqmask, uuid)));
                } else if (!onVfio) {
                    String dn = drv.isPresent() ? drv.get() : null;
                    f.add(Finding.error(FindingCode.QUEUE_NOT_ON_VFIO_AP, q, "Queue " + q + " is "
                            + (dn == null ? "bound to no driver" : "bound to " + dn) + " on the target "
                            + "although apmask/aqmask do not reserve it, so the kernel logs '"
                            + KernelLog.queueNotAvailable(uuid, q) + "' and fails with ENODEV. Fix: "
                            + (vm.isPresent() ? "" : "modprobe vfio_ap; ")
                            + (dn == null ? "" : "echo " + q + " > /sys/bus/ap/drivers/" + dn + "/unbind; ")
                            + "echo " + q + " > /sys/bus/ap/drivers/vfio_ap/bind"));
                }
                if (tq.config().isPresent() && !tq.config().get()
                        || tq.chkstop().isPresent() && tq.chkstop().get()) {
                    f.add(Finding.warning(FindingCode.QUEUE_NOT_OPERATIONAL, q, "Target queue " + q
                            + " is " + (tq.chkstop().orElse(false) ? "check-stopped" : "deconfigured")
                            + ". The kernel still accepts it (TAPQ response codes 0x03 and 0x04 count "
                            + "as success), but the guest cannot use it after the migration. Fix: "
                            + "echo 1 > /sys/bus/ap/devices/" + Guest.cardName(q.adapter())
                            + "/config, or repair the card."));
                }
            }
        }
        if (unknownDriver > 0) {
            f.add(Finding.error(FindingCode.UNVERIFIABLE, null, "The target snapshot does not say "
                    + "which driver " + unknownDriver + " of the guest's queues are bound to, so "
                    + "the vfio_ap binding check cannot be predicted. Fix: take a sysfs snapshot "
                    + "of the target host."));
        }
        if (!stopped && !lines5.isEmpty()) {
            log.addAll(lines5);
            errno = Errno.ENODEV;
            stopped = true;
        }

        // 6. Control domains (doc only).
        if (rules.checksControlDomains() && g.controlDomains != null && !g.controlDomains.isEmpty()) {
            List<String> lines6 = new ArrayList<>();
            Attr<ApMask> cdm = bus.controlDomains();
            Integer maxDom = bus.maxDomainId().orElse(null);
            if (cdm.absence() == Absence.UNKNOWN) {
                f.add(Finding.error(FindingCode.UNVERIFIABLE, null, "The target snapshot does not "
                        + "show /sys/bus/ap/ap_control_domain_mask, so the control-domain check "
                        + "cannot be predicted. Fix: take a sysfs snapshot of the target host."));
            } else {
                for (int d = g.controlDomains.nextSetId(0); d >= 0; d = g.controlDomains.nextSetId(d + 1)) {
                    boolean ok = cdm.isPresent() && cdm.get().contains(d)
                            && (maxDom == null || d <= maxDom);
                    if (!ok) {
                        lines6.add(KernelLog.controlDomainMissing(uuid, d));
                        String why = !cdm.isPresent() ? "the target has no QCI, so its kernel "
                                + "reports no control domains at all"
                                : !cdm.get().contains(d) ? "it is not in the target's "
                                + "/sys/bus/ap/ap_control_domain_mask"
                                : "it is above the target's ap_max_domain_id " + maxDom;
                        f.add(Finding.error(FindingCode.CONTROL_DOMAIN_MISSING, null, "Control "
                                + "domain " + KernelLog.hex(d, 4) + " (" + d + ") of the guest is not "
                                + "available on the target: " + why + ". The kernel logs '"
                                + KernelLog.controlDomainMissing(uuid, d) + "' and fails with "
                                + "ENODEV. Fix: add control domain " + d + " to the target LPAR's "
                                + "control domains (HMC image profile), or remove it from the guest "
                                + "on the source: echo " + String.format("0x%04x", d)
                                + " > /sys/devices/vfio_ap/matrix/" + uuid
                                + "/unassign_control_domain"));
                    }
                }
            }
            if (!stopped && !lines6.isEmpty()) {
                log.addAll(lines6);
                errno = Errno.ENODEV;
                stopped = true;
            }
        }

        // 7. TAPQ and hwinfo comparison per queue; the last error wins.
        // Per queue, in order: TAPQ, word-source notes, hardware comparison, master keys; the
        // common case (a known status of 0, plain words, compatible, no mkvps) builds nothing.
        List<String> lines7 = new ArrayList<>();
        Errno err7 = null;
        boolean[] noted = null;
        Unverified mkUnverified = new Unverified();
        boolean anyTapq = !t.tapq().isEmpty();
        for (int a = as.nextSetId(0); a >= 0; a = as.nextSetId(a + 1)) {
            for (int d = ds.nextSetId(0); d >= 0; d = ds.nextSetId(d + 1)) {
                int qid = a << 8 | d;
                int tfl = ti.flags(qid);
                if ((tfl & QueueIndex.PRESENT) == 0) {
                    continue;
                }
                QueueStatus st = anyTapq ? t.tapq().get(Apqn.of(a, d)) : null;
                if (st != null && st.responseCode() != 0) {
                    Apqn q = Apqn.of(a, d);
                    int rc = st.responseCode();
                    if (!rules.tapqUsable(rc, st.async())) {
                        lines7.add(KernelLog.tapqFailed(rules, uuid, q, rc));
                        err7 = RuleSet.tapqErrno(rc);
                        f.add(Finding.error(FindingCode.TAPQ_FAILED, q, "TAPQ on target queue " + q
                                + " answers response code " + Guest.rcName(rc)
                                + (st.async() ? " with an asynchronous error pending" : "")
                                + ", which the " + rules.label() + " code treats as a failure: it logs '"
                                + KernelLog.tapqFailed(rules, uuid, q, rc) + "' and fails with "
                                + err7.name() + ". Fix: make the queue usable on the target (check "
                                + "that it is configured and not check-stopped; reset it with echo 1 > "
                                + "/sys/bus/ap/devices/" + q + "/reset) and check again."));
                        continue;
                    }
                    if (!(rc >= 0x02 && rc <= 0x05)) {
                        f.add(Finding.warning(FindingCode.TAPQ_ERROR_IGNORED, q, "TAPQ on target queue "
                                + q + " answers response code " + Guest.rcName(rc)
                                + (st.async() ? " with an asynchronous error pending" : "")
                                + "; the " + rules.label() + " code treats that as success and compares "
                                + "whatever hardware information TAPQ returned. Fix: clear the queue's "
                                + "error (echo 1 > /sys/bus/ap/devices/" + q + "/reset) before migrating."));
                    }
                }
                long tw = ti.word(qid);
                if (Guest.needsNote(tw, tfl)) {
                    noted = noted == null ? new boolean[512] : noted;
                    Guest.noteWordSource(f, "target", ti, Apqn.of(a, d), tw, tfl, noted);
                }
                long sw = si.word(qid);
                if (tw != QueueIndex.UNKNOWN && sw != QueueIndex.UNKNOWN && !rules.compatible(sw, tw)) {
                    Apqn q = Apqn.of(a, d);
                    KernelLog.reportIncompatibilities(rules, uuid, q, sw, tw, lines7);
                    err7 = rules.incompatibleErrno();
                    f.add(Finding.error(FindingCode.HWINFO_INCOMPATIBLE, q,
                            incompatibleMessage(rules, q, sw, tw)));
                }
                // mkvps() calls a queue unverified unless both sides show mkvps (MKVPS implies present).
                if ((si.flags(qid) & tfl & QueueIndex.MKVPS) != 0) {
                    mkvps(f, si.queue(qid), ti.queue(qid), Apqn.of(a, d), mkUnverified);
                } else {
                    mkUnverified.add(a, d);
                }
            }
        }
        if (!stopped) {
            log.addAll(lines7);
            if (err7 != null) {
                errno = err7;
                stopped = true;
            }
        }
        if (mkUnverified.count > 0) {
            f.add(Finding.info(FindingCode.MKVP_UNVERIFIED, null, "Master keys of "
                    + mkUnverified.count + " of " + n + " queues (" + mkUnverified.sample()
                    + ") could not be compared: mkvps is shown only for queues bound to a zcrypt "
                    + "driver, and not for vfio_ap-bound ones. The kernel never compares master "
                    + "keys. Fix: compare the current master-key verification patterns inside the "
                    + "guest (lszcrypt -c) or on the TKE, and load the source's master keys into "
                    + "the target domains before migrating."));
        }

        // 8. Set configuration: reserved (silent), shared with another mdev, above the maxima.
        boolean reservedAny = maskChoice != null;
        List<String> lines8 = new ArrayList<>();
        boolean firstSharer = true;
        if (vm.isPresent()) {
            for (Mdev other : vm.get().mdevs()) {
                if (other.uuid().equalsIgnoreCase(uuid)) {
                    continue;
                }
                if (!other.matrix().isPresent()) {
                    if (other.matrix().absence() == Absence.UNKNOWN) {
                        f.add(Finding.error(FindingCode.UNVERIFIABLE, null, "The target snapshot "
                                + "does not show mdev " + other.uuid() + "'s matrix, so sharing "
                                + "with it cannot be predicted. Fix: take a sysfs snapshot of the "
                                + "target host."));
                    }
                    continue;
                }
                ApMatrix om = other.matrix().get();
                Choices.ReleaseChoice rc = Choices.release(other.uuid(), om, g.matrix);
                if (rc == null) {
                    continue;
                }
                ApMatrix shared = new ApMatrix(g.matrix.adapters().intersect(om.adapters()),
                        g.matrix.domains().intersect(om.domains()));
                for (Apqn q : shared.apqns()) {
                    if (firstSharer) {
                        lines8.add(KernelLog.sharingError(uuid, q, other.uuid()));
                    }
                    int id = rc.adapters() ? q.adapter() : q.domain();
                    f.add(Finding.error(FindingCode.APQN_IN_USE_BY_OTHER_MDEV, q, "Queue " + q
                            + " is assigned to mdev " + other.uuid() + " on the target, so the "
                            + "set-configuration step fails with EADDRINUSE"
                            + (firstSharer ? " and logs '" + KernelLog.sharingError(uuid, q, other.uuid()) + "'"
                            : " (once the mdevs listed before it release theirs)")
                            + ". Fix: " + Choices.unassignCommand(other.uuid(), rc.adapters(), id)
                            + (rc.collateral().isEmpty() ? "" : " (mdev " + other.uuid()
                            + " then also loses " + rc.collateral().size() + " queue(s) the guest "
                            + "does not need; a running guest sees them unplugged)")));
                }
                firstSharer = false;
            }
        }
        boolean overflow = false;
        Integer maxA = bus.maxAdapterId().orElse(null);
        Integer maxD = bus.maxDomainId().orElse(null);
        if (maxA == null || maxD == null) {
            f.add(Finding.error(FindingCode.UNVERIFIABLE, null, "The target snapshot does not show "
                    + "/sys/bus/ap/ap_max_adapter_id and ap_max_domain_id, so the id-range check "
                    + "cannot be predicted. Fix: take a sysfs snapshot of the target host."));
        }
        if (maxA != null && g.matrix.adapters().highestId() > maxA) {
            overflow = true;
            ApMask over = g.matrix.adapters().minus(ApMask.range(0, Math.min(maxA, 255)));
            f.add(Finding.error(FindingCode.ID_ABOVE_MAXIMUM, null, "Adapter(s) "
                    + over.toRangeList() + " lie above the target's ap_max_adapter_id " + maxA
                    + ", so the set-configuration step fails with ENODEV (nothing is logged). Fix: "
                    + "the target cannot address these adapters; move the guest to adapters at or "
                    + "below " + maxA + " on the source, or pick a target with APXA and more adapters."));
        }
        if (maxD != null) {
            ApMask doms = g.matrix.domains();
            if (rules.checksControlDomains() && g.controlDomains != null) {
                doms = doms.union(g.controlDomains);
            }
            if (doms.highestId() > maxD) {
                overflow = true;
                ApMask over = doms.minus(ApMask.range(0, Math.min(maxD, 255)));
                f.add(Finding.error(FindingCode.ID_ABOVE_MAXIMUM, null, "Domain(s) "
                        + over.toRangeList() + " lie above the target's ap_max_domain_id " + maxD
                        + ", so the set-configuration step fails with ENODEV (nothing is logged). "
                        + "Fix: move the guest to domains at or below " + maxD
                        + " on the source, or pick a target whose LPAR has more domains."));
            }
        }
        if (!stopped) {
            if (reservedAny) {
                errno = Errno.EADDRNOTAVAIL;
            } else if (!lines8.isEmpty()) {
                log.addAll(lines8);
                errno = Errno.EADDRINUSE;
            } else if (overflow) {
                errno = Errno.ENODEV;
            }
        }

        return new TargetReport(t.label(), errno, log, f);
    }

    private static String queueMissing(HostSnapshot ts, QueueIndex ti, Apqn q, String uuid) {
        String card = Guest.cardName(q.adapter());
        BusAttributes bus = ts.bus();
        ApCard c = ti.card(q.adapter());
        String why;
        String fix;
        if (bus.adapters().isPresent() && !bus.adapters().get().contains(q.adapter())) {
            why = "adapter " + q.adapter() + " is not configured to the target (not in "
                    + "/sys/bus/ap/ap_adapter_mask)";
            fix = "add adapter " + q.adapter() + " to the target LPAR's crypto configuration (HMC)";
        } else if (bus.usageDomains().isPresent() && !bus.usageDomains().get().contains(q.domain())) {
            why = "domain " + q.domain() + " is not a usage domain of the target (not in "
                    + "/sys/bus/ap/ap_usage_domain_mask)";
            fix = "add usage domain " + q.domain() + " to the target LPAR's crypto configuration (HMC)";
        } else if (c != null && c.config().isPresent() && !c.config().get()) {
            why = card + " is deconfigured";
            fix = "echo 1 > /sys/bus/ap/devices/" + card + "/config";
        } else {
            why = "no such queue device exists";
            fix = "make adapter " + q.adapter() + " and domain " + q.domain() + " available to the "
                    + "target LPAR and bring the card online";
        }
        return "The target has no queue device " + q + ": " + why + ". The kernel logs '"
                + KernelLog.queueNotAvailable(uuid, q) + "' and fails with ENODEV. Fix: " + fix + ".";
    }

    private static String reservedMessage(Apqn q, Attr<String> drv, boolean onVfio,
            Choices.MaskChoice c, ApMask apmask, ApMask aqmask, String uuid) {
        String effect = onVfio
                ? "the set-configuration step fails with EADDRNOTAVAIL (nothing is logged)"
                : "it is bound to " + (drv.isPresent() ? drv.get() : "a default driver")
                + ", not vfio_ap, so the kernel logs '" + KernelLog.queueNotAvailable(uuid, q)
                + "' and fails with ENODEV";
        return "Queue " + q + " is reserved for the host's default crypto drivers: adapter "
                + q.adapter() + " is set in /sys/bus/ap/apmask and domain " + q.domain()
                + " in /sys/bus/ap/aqmask; " + effect + ". Fix: "
                + Choices.maskCommand(c, c.adapters() ? apmask : aqmask)
                + " (the smallest edit that frees every reserved guest queue; " + c.collateral().size()
                + " other queue(s) leave the host's drivers, ap4j plan lists them).";
    }

    /**
     * {@code "0x%08X"} without {@link String#format}: this runs once per incompatible queue, and
     * a Formatter costs about 0.5 us a call (CheckBenchmark, incompatible target).
     */
    static String hex8(int v) {
        String h = Integer.toHexString(v).toUpperCase(java.util.Locale.ROOT);
        return "0x" + "00000000".substring(h.length()) + h;
    }

    private static final String[] FACILITY_NAMES = {"APSC", "AP4KM (mex4k)", "AP4KC (crt4k)",
        "CCA coprocessor mode", "accelerator mode", "EP11 (XCP) mode", "APXA", "SLCF"};

    static String incompatibleMessage(RuleSet rules, Apqn q, long s, long t) {
        List<String> why = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            long m = 1L << (63 - b);
            if (((s ^ t) & m) != 0) {
                why.add(FACILITY_NAMES[b] + " " + ((s & m) != 0 ? "on the source only" : "on the target only"));
            }
        }
        int sat = (int) (s >>> 24) & 0xff;
        int tat = (int) (t >>> 24) & 0xff;
        if (sat > tat) {
            why.add("the source AP type " + sat + " is newer than the target's " + tat);
        }
        int sbs = (int) (s >>> 46) & 3;
        int tbs = (int) (t >>> 46) & 3;
        if (sbs != 0 || tbs != 0) {
            why.add("bind state must be 0 on both sides (source " + sbs + ", target " + tbs
                    + "; unbind the SE queue with echo 0 > /sys/bus/ap/devices/" + q + "/se_bind)");
        }
        if ((s & RuleSet.CLASS_NATIVE) != 0 && (t & RuleSet.CLASS_NATIVE) == 0) {
            why.add("the source queue has full native function, the target only stateless functions");
        }
        long facDiff = (s ^ t) & RuleSet.FAC & ~RuleSet.FACILITY_BITS & ~RuleSet.BS;
        if (rules == RuleSet.V3 && facDiff != 0) {
            why.add("the 32-bit facility words differ outside bits 0-7 (source "
                    + hex8((int) (s >>> 32)) + ", target " + hex8((int) (t >>> 32)) + ": class "
                    + "byte or reserved bits 18-31), and the v3 code requires the whole word to "
                    + "be equal");
        }
        return "Source queue " + q + " (ap_functions " + hex8((int) (s >>> 32))
                + ", type " + sat + ") and target queue (" + hex8((int) (t >>> 32))
                + ", type " + tat + ") are not compatible under rules " + rules.label() + ": "
                + String.join("; ", why) + ". The kernel logs the incompatibility report and fails "
                + "with " + rules.incompatibleErrno().name() + ". Fix: give the guest a target "
                + "queue whose card has the same facilities and mode and the same or a newer type "
                + "(a different adapter on the target, with the same adapter number on the source "
                + "guest), or change the target card's mode on the HMC/SE.";
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
                f.add(Finding.warning(FindingCode.MKVP_MISMATCH, q, "The current " + e.getKey()
                        + " master key of queue " + q + " differs: source pattern " + e.getValue()
                        + ", target " + tp + ". The kernel does not check this, but the guest's "
                        + "secure keys stop working after the migration. Fix: load the source's "
                        + e.getKey() + " master key into domain " + q.domain() + " of the target "
                        + "card (TKE or the CCA/EP11 admin tools) before migrating."));
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
