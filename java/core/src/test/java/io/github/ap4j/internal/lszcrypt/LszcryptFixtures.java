// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.lszcrypt;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Provenance;
import io.github.ap4j.snapshot.SourceKind;
import java.time.Instant;
import java.util.List;

/**
 * Snapshots built as a sysfs reader would build them, and their s390-tools 2.43
 * {@code lszcrypt -V} text. The expected texts were produced with an independent printf
 * emulation of libutil/util_rec.c rec_print_wide() ("%-*s"/"%*s", one blank between fields, the
 * last field padded as well) from the values lszcrypt.c (a5af5bcf) derives; see
 * {@link LszcryptFormatter} for the column-to-attribute table.
 */
final class LszcryptFixtures {

    private LszcryptFixtures() {
    }

    static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

    static <T> Attr<T> of(T v) {
        return Attr.of(v);
    }

    static <T> Attr<T> missing() {
        return Attr.missing();
    }

    /** A zcrypt-bound card: config=1, chkstop=0, online=1, driver cex4card. */
    static ApCard card(int id, String type, int hwtype, int functions, int depth, long requests,
            int requestq, int pendingq) {
        return ApCard.builder(id).type(of(type)).hwtype(of(hwtype)).rawHwtype(of(hwtype))
                .functions(of(functions)).depth(of(depth)).config(of(true)).chkstop(of(false))
                .online(of(true)).driver(of("cex4card")).requestCount(of(requests))
                .requestqCount(of(requestq)).pendingqCount(of(pendingq)).maxMsgSize(of(12288))
                .build();
    }

    /** A zcrypt-bound queue: config=1, chkstop=0, online=1, driver cex4queue. */
    static ApQueue queue(int a, int d, int functions, long requests, int requestq, int pendingq) {
        return zcryptQueue(a, d, functions).requestCount(of(requests)).requestqCount(of(requestq))
                .pendingqCount(of(pendingq)).build();
    }

    /** A queue bound to vfio_ap: no online attribute, the vfio_ap status text instead. */
    static ApQueue vfioQueue(int a, int d, int functions, String status) {
        return zcryptQueue(a, d, functions).online(missing()).vfioStatus(of(status))
                .driver(of("vfio_ap")).build();
    }

    /** Queue {@code a.d} with config=1, chkstop=0, online=1, driver cex4queue, counters 0. */
    static ApQueue.Builder zcryptQueue(int a, int d, int functions) {
        return ApQueue.builder(Apqn.of(a, d)).functions(of(functions)).config(of(true))
                .chkstop(of(false)).online(of(true)).vfioStatus(missing()).driver(of("cex4queue"))
                .requestCount(of(0L)).requestqCount(of(0)).pendingqCount(of(0)).seBind(missing())
                .seAssociate(missing()).mkvps(missing());
    }

    static BusAttributes bus(List<String> features, int apDomain, ApMask usage) {
        return new BusAttributes(of(features), of(ApMask.range(0, 15)), of(usage), of(usage),
                of(ApMask.FULL), of(ApMask.FULL), of(apDomain), of(63), of(15));
    }

    static HostSnapshot snapshot(BusAttributes bus, List<ApCard> cards, List<ApQueue> queues) {
        return new HostSnapshot(new Provenance(SourceKind.FIXTURE, "test", T0), bus, cards, queues,
                missing());
    }

    static final int ACCEL8 = 0x6A800000; // -MC-A-N-F-
    static final int CCA8 = 0x93800000;   // S--D--NHF-
    static final int EP11_7 = 0x86800000; // S----XN-F-

    /** CCA, accelerator and EP11 cards, a deconfigured card, a checkstopped queue, vfio_ap. */
    static HostSnapshot plainHost() {
        ApCard deconfig = card(4, "CEX7P", 13, EP11_7, 8, 9, 0, 0).toBuilder().config(of(false))
                .online(of(false)).build();
        ApQueue deconfigQ = zcryptQueue(4, 5, EP11_7).config(of(false)).online(of(false))
                .requestCount(of(9L)).build();
        ApQueue chkstopQ = zcryptQueue(3, 6, CCA8).chkstop(of(true)).build();
        ApQueue noDriver = zcryptQueue(6, 7, CCA8).online(missing()).driver(missing())
                .requestCount(Attr.notSupported()).build();
        return snapshot(bus(List.of("APSC", "APXA", "QACT"), 5, ApMask.of(5, 6, 7)),
                List.of(card(1, "CEX8A", 14, ACCEL8, 8, 12, 0, 0),
                        card(3, "CEX8C", 14, CCA8, 8, 4711, 1, 2),
                        deconfig,
                        card(6, "CEX8C", 14, CCA8, 8, 0, 0, 0)),
                List.of(queue(1, 5, ACCEL8, 12, 0, 0),
                        queue(3, 5, CCA8, 4711, 1, 2),
                        chkstopQ,
                        deconfigQ,
                        vfioQueue(6, 5, CCA8, "in use"),
                        vfioQueue(6, 6, CCA8, "unassigned"),
                        noDriver));
    }

    static final String PLAIN = String.join("\n",
            "CARD.DOM TYPE  MODE        STATUS     REQUESTS  PENDING HWTYPE QDEPTH FUNCTIONS  DRIVER     ",
            "--------------------------------------------------------------------------------------------",
            "01       CEX8A Accelerator online           12        0     14     08 -MC-A-N-F- cex4card   ",
            "01.0005  CEX8A Accelerator online           12        0     14     08 -MC-A-N-F- cex4queue  ",
            "03       CEX8C CCA-Coproc  online         4711        3     14     08 S--D--NHF- cex4card   ",
            "03.0005  CEX8C CCA-Coproc  online         4711        3     14     08 S--D--NHF- cex4queue  ",
            "03.0006  CEX8C CCA-Coproc  chkstop           0        0     14     08 S--D--NHF- cex4queue  ",
            "04       CEX7P EP11-Coproc deconfig          -        -     13     08 S----XN-F- cex4card   ",
            "04.0005  CEX7P EP11-Coproc deconfig          -        -     13     08 S----XN-F- cex4queue  ",
            "06       CEX8C CCA-Coproc  online            0        0     14     08 S--D--NHF- cex4card   ",
            "06.0005  CEX8C CCA-Coproc  in use            0        -     14     08 S--D--NHF- vfio_ap    ",
            "06.0006  CEX8C CCA-Coproc  unassigned        0        -     14     08 S--D--NHF- vfio_ap    ",
            "06.0007  CEX8C CCA-Coproc  -                 -        -     14     08 S--D--NHF- -no-driver-",
            "");

    /** An SE guest with AP secure binding: SESTAT from each queue's own ap_functions. */
    static HostSnapshot seHost() {
        ApQueue noFunctions = zcryptQueue(2, 0x14, 0).functions(Attr.notSupported())
                .seBind(of("unbound")).seAssociate(of("unassociated")).build();
        return snapshot(bus(List.of("APSC", "APXA", "QACT", "APSB"), 0x12, ApMask.of(0x12, 0x13,
                0x14, 0x15)),
                List.of(card(2, "CEX8C", 14, CCA8, 8, 7, 0, 0)),
                List.of(queue(2, 0x12, CCA8 | 0x4000, 7, 0, 0),
                        queue(2, 0x13, 0, 0, 0, 0),
                        noFunctions,
                        queue(2, 0x15, CCA8, 0, 0, 0)));
    }

    static final String SE = String.join("\n",
            "CARD.DOM TYPE  MODE        STATUS     REQUESTS  PENDING HWTYPE QDEPTH FUNCTIONS  DRIVER      SESTAT     ",
            "--------------------------------------------------------------------------------------------------------",
            "02       CEX8C CCA-Coproc  online            7        0     14     08 S--D--NHF- cex4card    -          ",
            "02.0012  CEX8C CCA-Coproc  online            7        0     14     08 S--D--NHF- cex4queue   bound      ",
            "02.0013  CEX8C CCA-Coproc  online            0        0     14     08 S--D--NHF- cex4queue   invalid    ",
            "02.0014  CEX8C CCA-Coproc  online            0        0     14     08 S--D--NHF- cex4queue   error      ",
            "02.0015  CEX8C CCA-Coproc  online            0        0     14     08 S--D--NHF- cex4queue   usable     ",
            "");
}
