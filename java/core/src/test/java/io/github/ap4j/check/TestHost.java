// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.MaskEdit;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import io.github.ap4j.snapshot.Mkvp;
import io.github.ap4j.snapshot.Provenance;
import io.github.ap4j.snapshot.SourceKind;
import io.github.ap4j.snapshot.VfioApMatrix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds host snapshots straight from the records, for the check's tests. */
final class TestHost {
    static final String UUID = "11111111-2222-3333-4444-555555555555";
    static final String OTHER = "99999999-8888-7777-6666-555555555555";
    /** CCA, full native, CEX-like facilities: S M C D N H F. */
    static final int CCA_NATIVE = 0xF3800000;
    static final int CCA_STATELESS = 0xF3400000;
    static final int EP11_NATIVE = 0xE7800000;
    static final String MIGRATABLE = "guest_matrix hotplug ap_config migratable";

    Attr<List<String>> busFeatures = Attr.of(List.of("APSC", "APXA", "QACT", "RC8A"));
    Attr<ApMask> adapters = Attr.of(ApMask.FULL);
    Attr<ApMask> usageDomains = Attr.of(ApMask.FULL);
    Attr<ApMask> controlDomains = Attr.of(ApMask.FULL);
    Attr<ApMask> apmask = Attr.of(ApMask.EMPTY);
    Attr<ApMask> aqmask = Attr.of(ApMask.EMPTY);
    Attr<Integer> maxA = Attr.of(255);
    Attr<Integer> maxD = Attr.of(255);
    final List<ApCard> cards = new ArrayList<>();
    final List<ApQueue> queues = new ArrayList<>();
    final List<Mdev> mdevs = new ArrayList<>();
    Attr<List<String>> vfioFeatures = Attr.of(Arrays.asList(MIGRATABLE.split(" ")));
    boolean vfioMissing;
    boolean vfioUnknown;

    static TestHost host() {
        return new TestHost();
    }

    static ApCard card(int id, Attr<Integer> hwtype, Attr<Integer> raw, Attr<Integer> fn) {
        return ApCard.builder(id).type(Attr.missing()).hwtype(hwtype).rawHwtype(raw).functions(fn)
                .depth(Attr.of(8)).config(Attr.of(true)).chkstop(Attr.of(false))
                .online(Attr.missing()).driver(Attr.of("cex4card")).requestCount(Attr.of(0L))
                .requestqCount(Attr.of(0)).pendingqCount(Attr.of(0)).maxMsgSize(Attr.of(12288))
                .build();
    }

    static ApQueue queue(Apqn q, Attr<Integer> fn, Attr<String> driver, Attr<List<Mkvp>> mkvps) {
        return ApQueue.builder(q).functions(fn).config(Attr.of(true)).chkstop(Attr.of(false))
                .online(Attr.missing()).vfioStatus(Attr.missing()).driver(driver)
                .requestCount(Attr.of(0L)).requestqCount(Attr.of(0)).pendingqCount(Attr.of(0))
                .seBind(Attr.notSupported()).seAssociate(Attr.notSupported()).mkvps(mkvps)
                .build();
    }

    /** A card of raw type {@code type} whose queues {@code domains} carry {@code fn}, on vfio_ap. */
    TestHost card(int id, int type, int fn, int... domains) {
        cards.add(card(id, Attr.of(Math.min(type, 14)), Attr.of(type), Attr.of(fn & 0xFFFF0000)));
        for (int d : domains) {
            queues.add(queue(Apqn.of(id, d), Attr.of(fn), Attr.of("vfio_ap"), Attr.missing()));
        }
        return this;
    }

    TestHost replaceQueue(ApQueue q) {
        queues.removeIf(x -> x.apqn().equals(q.apqn()));
        queues.add(q);
        return this;
    }

    TestHost removeQueue(String apqn) {
        queues.removeIf(x -> x.apqn().equals(Apqn.parse(apqn)));
        return this;
    }

    TestHost queueFn(String apqn, int fn) {
        ApQueue o = find(apqn);
        return replaceQueue(o.toBuilder().functions(Attr.of(fn)).build());
    }

    TestHost driver(String apqn, String driver) {
        ApQueue o = find(apqn);
        return replaceQueue(o.toBuilder()
                .driver(driver == null ? Attr.missing() : Attr.of(driver)).build());
    }

    TestHost mkvps(String apqn, String aesCur) {
        ApQueue o = find(apqn);
        List<Mkvp> m = List.of(new Mkvp("AES", "NEW", Attr.of("empty"), Attr.of("0x0000000000000000")),
                new Mkvp("AES", "CUR", Attr.of("valid"), Attr.of(aesCur)));
        return replaceQueue(o.toBuilder().mkvps(Attr.of(m)).build());
    }

    ApQueue find(String apqn) {
        Apqn q = Apqn.parse(apqn);
        return queues.stream().filter(x -> x.apqn().equals(q)).findFirst().orElseThrow();
    }

    TestHost mdev(String uuid, ApMatrix matrix, ApMask cds) {
        mdevs.add(new Mdev(uuid, Attr.of(matrix), Attr.of(matrix), Attr.of(cds), Attr.missing()));
        return this;
    }

    TestHost mdev(Mdev m) {
        mdevs.add(m);
        return this;
    }

    TestHost apsb() {
        busFeatures = Attr.of(List.of("APSC", "APXA", "QACT", "RC8A", "APSB"));
        return this;
    }

    /**
     * Reserves by masks and rebinds: queues whose adapter and domain are both set go to
     * cex4queue, the others to vfio_ap (what the AP bus does after a mask write).
     */
    TestHost masks(ApMask ap, ApMask aq) {
        apmask = Attr.of(ap);
        aqmask = Attr.of(aq);
        rebind();
        return this;
    }

    void rebind() {
        List<ApQueue> copy = new ArrayList<>(queues);
        for (ApQueue o : copy) {
            boolean reserved = apmask.get().contains(o.apqn().adapter())
                    && aqmask.get().contains(o.apqn().domain());
            String d = o.driver().orElse(null);
            String nd = reserved ? "cex4queue" : "cex4queue".equals(d) ? "vfio_ap" : d;
            if (nd != null && !nd.equals(d)) {
                driver(o.apqn().toString(), nd);
            }
        }
    }

    static ApMatrix matrix(int[] adapters, int[] domains) {
        return new ApMatrix(ApMask.of(adapters), ApMask.of(domains));
    }

    HostSnapshot build() {
        BusAttributes bus = new BusAttributes(busFeatures, adapters, usageDomains, controlDomains,
                apmask, aqmask, Attr.of(0), maxA, maxD);
        Attr<VfioApMatrix> vm = vfioUnknown ? Attr.unknown() : vfioMissing ? Attr.missing()
                : Attr.of(new VfioApMatrix(vfioFeatures, mdevs));
        return new HostSnapshot(new Provenance(SourceKind.FIXTURE, "test", Instant.EPOCH), bus,
                cards, queues, vm);
    }

    /**
     * Applies a plan's actions the way the kernel would, returning a new snapshot: mask edits via
     * {@link MaskEdit#applyWrite} plus the AP bus rebinding, mdev creation, unassignments, binds.
     */
    static HostSnapshot apply(HostSnapshot s, List<Plan.Action> actions) {
        TestHost h = new TestHost();
        h.busFeatures = s.bus().features();
        h.adapters = s.bus().adapters();
        h.usageDomains = s.bus().usageDomains();
        h.controlDomains = s.bus().controlDomains();
        h.apmask = s.bus().apmask();
        h.aqmask = s.bus().aqmask();
        h.maxA = s.bus().maxAdapterId();
        h.maxD = s.bus().maxDomainId();
        h.cards.addAll(s.cards());
        h.queues.addAll(s.queues());
        h.vfioFeatures = s.matrix().get().features();
        h.mdevs.addAll(s.matrix().get().mdevs());
        for (Plan.Action a : actions) {
            switch (a.kind()) {
                case CREATE_MDEV -> h.mdevs.add(new Mdev(a.value(), Attr.of(ApMatrix.EMPTY),
                        Attr.of(ApMatrix.EMPTY), Attr.of(ApMask.EMPTY), Attr.missing()));
                case UNASSIGN_ADAPTER, UNASSIGN_DOMAIN -> {
                    String uuid = a.path().split("/")[5];
                    int id = Integer.decode(a.value());
                    Mdev m = h.mdevs.stream().filter(x -> x.uuid().equals(uuid)).findFirst().orElseThrow();
                    ApMatrix mm = m.matrix().get();
                    ApMatrix nm = a.kind() == Plan.Kind.UNASSIGN_ADAPTER
                            ? new ApMatrix(mm.adapters().without(id), mm.domains())
                            : new ApMatrix(mm.adapters(), mm.domains().without(id));
                    h.mdevs.set(h.mdevs.indexOf(m), new Mdev(uuid, Attr.of(nm), Attr.of(nm),
                            m.controlDomains(), m.apConfig()));
                }
                case EDIT_APMASK -> {
                    h.apmask = Attr.of(MaskEdit.applyWrite(a.value(), h.apmask.get()));
                    h.rebind();
                }
                case EDIT_AQMASK -> {
                    h.aqmask = Attr.of(MaskEdit.applyWrite(a.value(), h.aqmask.get()));
                    h.rebind();
                }
                case UNBIND -> h.driver(a.value(), null);
                case BIND -> h.driver(a.value(), "vfio_ap");
                default -> throw new AssertionError(a.kind());
            }
        }
        return h.build();
    }
}
