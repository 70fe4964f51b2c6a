package io.github.ap4j.snapshot;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.Apqn;
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
        return new ApCard(id, of(type), of(hwtype), of(hwtype), of(functions), of(depth), of(true),
                of(false), of(true), of("cex4card"), of(requests), of(requestq), of(pendingq),
                of(12288));
    }

    /** A zcrypt-bound queue: config=1, chkstop=0, online=1, driver cex4queue. */
    static ApQueue queue(int a, int d, int functions, long requests, int requestq, int pendingq) {
        return new ApQueue(Apqn.of(a, d), of(functions), of(true), of(false), of(true), missing(),
                of("cex4queue"), of(requests), of(requestq), of(pendingq), missing(), missing(),
                missing());
    }

    /** A queue bound to vfio_ap: no online attribute, the vfio_ap status text instead. */
    static ApQueue vfioQueue(int a, int d, int functions, String status) {
        return new ApQueue(Apqn.of(a, d), of(functions), of(true), of(false), missing(), of(status),
                of("vfio_ap"), of(0L), of(0), of(0), missing(), missing(), missing());
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
        ApCard deconfig = new ApCard(4, of("CEX7P"), of(13), of(13), of(EP11_7), of(8), of(false),
                of(false), of(false), of("cex4card"), of(9L), of(0), of(0), of(12288));
        ApQueue deconfigQ = new ApQueue(Apqn.of(4, 5), of(EP11_7), of(false), of(false), of(false),
                missing(), of("cex4queue"), of(9L), of(0), of(0), missing(), missing(), missing());
        ApQueue chkstopQ = new ApQueue(Apqn.of(3, 6), of(CCA8), of(true), of(true), of(true),
                missing(), of("cex4queue"), of(0L), of(0), of(0), missing(), missing(), missing());
        ApQueue noDriver = new ApQueue(Apqn.of(6, 7), of(CCA8), of(true), of(false), missing(),
                missing(), missing(), Attr.notSupported(), of(0), of(0), missing(), missing(),
                missing());
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
        ApQueue noFunctions = new ApQueue(Apqn.of(2, 0x14), Attr.notSupported(), of(true), of(false),
                of(true), missing(), of("cex4queue"), of(0L), of(0), of(0), of("unbound"),
                of("unassociated"), missing());
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
