// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import io.github.ap4j.snapshot.Provenance;
import io.github.ap4j.snapshot.SourceKind;
import io.github.ap4j.snapshot.VfioApMatrix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Named in-memory snapshots for the check/plan CLI tests (the spec resolver is elsewhere). */
final class CheckHosts {
    static final String UUID = "11111111-2222-3333-4444-555555555555";
    static final String OTHER = "99999999-8888-7777-6666-555555555555";
    static final int CCA = 0xF3800000;

    static ApQueue q(int a, int d, int fn, String driver) {
        return ApQueue.builder(Apqn.of(a, d)).functions(Attr.of(fn)).config(Attr.of(true))
                .chkstop(Attr.of(false)).online(Attr.missing()).vfioStatus(Attr.missing())
                .driver(driver == null ? Attr.missing() : Attr.of(driver))
                .requestCount(Attr.of(0L)).requestqCount(Attr.of(0)).pendingqCount(Attr.of(0))
                .seBind(Attr.notSupported()).seAssociate(Attr.notSupported())
                .mkvps(Attr.missing()).build();
    }

    static ApCard card(int id, int type) {
        return ApCard.builder(id).type(Attr.missing()).hwtype(Attr.of(type)).rawHwtype(Attr.of(type))
                .functions(Attr.of(CCA)).depth(Attr.of(8)).config(Attr.of(true))
                .chkstop(Attr.of(false)).online(Attr.missing()).driver(Attr.of("cex4card"))
                .requestCount(Attr.of(0L)).requestqCount(Attr.of(0)).pendingqCount(Attr.of(0))
                .maxMsgSize(Attr.of(12288)).build();
    }

    static HostSnapshot host(String name, List<ApCard> cards, List<ApQueue> queues, List<Mdev> mdevs,
            ApMask apmask, ApMask aqmask, boolean migratable) {
        BusAttributes bus = new BusAttributes(Attr.of(List.of("APSC", "APXA", "QACT", "RC8A")),
                Attr.of(ApMask.FULL), Attr.of(ApMask.FULL), Attr.of(ApMask.FULL), Attr.of(apmask),
                Attr.of(aqmask), Attr.of(0), Attr.of(255), Attr.of(255));
        List<String> feats = new ArrayList<>(List.of("guest_matrix", "hotplug", "ap_config"));
        if (migratable) {
            feats.add("migratable");
        }
        return new HostSnapshot(new Provenance(SourceKind.FIXTURE, name, Instant.EPOCH), bus, cards,
                queues, Attr.of(new VfioApMatrix(Attr.of(feats), mdevs)));
    }

    static Mdev mdev(String uuid, ApMatrix m) {
        return new Mdev(uuid, Attr.of(m), Attr.of(m), Attr.of(ApMask.EMPTY), Attr.missing());
    }

    static final ApMatrix GUEST = new ApMatrix(ApMask.of(5), ApMask.of(0x33, 0x34));

    static final Map<String, HostSnapshot> HOSTS = Map.of(
            "src", host("src", List.of(card(5, 13)), List.of(q(5, 0x33, CCA, "vfio_ap"),
                    q(5, 0x34, CCA, "vfio_ap")), List.of(mdev(UUID, GUEST)), ApMask.EMPTY,
                    ApMask.EMPTY, true),
            "ok", host("ok", List.of(card(5, 14)), List.of(q(5, 0x33, CCA, "vfio_ap"),
                    q(5, 0x34, CCA, "vfio_ap")), List.of(mdev(UUID, ApMatrix.EMPTY)), ApMask.EMPTY,
                    ApMask.EMPTY, true),
            // 05.0034 reserved for the host (bound to cex4queue), 05.0033 held by another mdev
            "bad", host("bad", List.of(card(5, 14)), List.of(q(5, 0x33, CCA, "vfio_ap"),
                    q(5, 0x34, CCA, "cex4queue")), List.of(mdev(UUID, ApMatrix.EMPTY),
                    mdev(OTHER, new ApMatrix(ApMask.of(5), ApMask.of(0x33)))),
                    ApMask.of(5), ApMask.of(0x34), true),
            "old", host("old", List.of(card(5, 14)), List.of(q(5, 0x33, CCA, "vfio_ap"),
                    q(5, 0x34, CCA, "vfio_ap")), List.of(mdev(UUID, ApMatrix.EMPTY)), ApMask.EMPTY,
                    ApMask.EMPTY, false));

    static void install() {
        Snapshots.useOpener(spec -> {
            HostSnapshot h = HOSTS.get(spec);
            if (h == null) {
                throw new BadInputException(spec, "no such snapshot");
            }
            return h;
        });
    }
}
