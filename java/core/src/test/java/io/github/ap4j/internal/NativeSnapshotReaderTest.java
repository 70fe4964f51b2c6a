// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.natives.ApShim;
import io.github.ap4j.natives.NativeAp;
import io.github.ap4j.natives.NativeReplay;
import io.github.ap4j.natives.ReplayTable;
import io.github.ap4j.natives.TapqRecord;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Provenance;
import io.github.ap4j.snapshot.SourceKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshot -> replay table -> libap4j (C, through JNA) -> native snapshot, on any architecture. */
class NativeSnapshotReaderTest {

    private final ApShim shim = NativeAp.shim();

    static ApCard card(int id, int rawType, int functions) {
        return ApCard.builder(id).type(Attr.of("CEX8C")).hwtype(Attr.of(rawType))
                .rawHwtype(Attr.of(rawType)).functions(Attr.of(functions)).depth(Attr.of(8))
                .config(Attr.of(true)).chkstop(Attr.of(false)).online(Attr.of(true))
                .driver(Attr.of("cex4card")).requestCount(Attr.of(0L)).requestqCount(Attr.of(0))
                .pendingqCount(Attr.of(0)).maxMsgSize(Attr.missing()).build();
    }

    static ApQueue queue(String apqn, int functions, boolean config, boolean chkstop) {
        return ApQueue.builder(Apqn.parse(apqn)).functions(Attr.of(functions))
                .config(Attr.of(config)).chkstop(Attr.of(chkstop)).online(Attr.missing())
                .vfioStatus(Attr.of("assigned")).driver(Attr.of("vfio_ap"))
                .requestCount(Attr.of(0L)).requestqCount(Attr.of(0)).pendingqCount(Attr.of(0))
                .seBind(Attr.missing()).seAssociate(Attr.missing()).mkvps(Attr.missing()).build();
    }

    static HostSnapshot host() {
        BusAttributes bus = new BusAttributes(Attr.of(List.of("APSC", "APXA", "QACT")),
                Attr.of(ApMask.of(5, 6)), Attr.of(ApMask.of(0x33, 0x34)),
                Attr.of(ApMask.of(0x33)), Attr.of(ApMask.EMPTY), Attr.of(ApMask.EMPTY),
                Attr.of(0x33), Attr.of(255), Attr.of(84));
        return new HostSnapshot(new Provenance(SourceKind.FIXTURE, "test", Instant.EPOCH), bus,
                List.of(card(5, 14, 0x92800000), card(6, 13, 0x94800000)),
                List.of(queue("05.0033", 0x92800000, true, false),
                        queue("05.0034", 0x9280C000, true, false),
                        queue("06.0033", 0x94800000, false, false),
                        queue("06.0034", 0x94800000, true, true)),
                Attr.missing());
    }

    @Test
    void replayTableCarriesTheKernelWords() {
        ReplayTable t = NativeSnapshotReader.replayTableOf(host());
        assertEquals(4, t.records().size());
        TapqRecord first = t.find(Apqn.parse("05.0033")).orElseThrow();
        assertEquals(0, first.conditionCode());
        assertEquals(0x928000000E000000L, first.gr2());
        assertEquals(0x80000000L, first.gr1());
        TapqRecord deconfigured = t.find(Apqn.parse("06.0033")).orElseThrow();
        assertEquals(3, deconfigured.conditionCode());
        assertEquals(0x03, deconfigured.status().responseCode());
        assertEquals(0x04, t.find(Apqn.parse("06.0034")).orElseThrow().status().responseCode());
        assertEquals(ApMask.of(5, 6), t.qci().orElseThrow().adapters());
        assertEquals(255, t.qci().orElseThrow().maxAdapterId());
        assertEquals(84, t.qci().orElseThrow().maxDomainId());
        assertEquals(List.of("APSC", "APXA", "QACT"), t.qci().orElseThrow().featureNames());
    }

    @Test
    void nativeSnapshotFromReplayMatchesTheSource() {
        HostSnapshot source = host();
        HostSnapshot n;
        try (NativeReplay replay = shim.replay(NativeSnapshotReader.replayTableOf(source))) {
            n = NativeSnapshotReader.read(replay, "replay");
        }

        assertEquals(SourceKind.NATIVE, n.provenance().kind());
        assertEquals(source.bus().adapters(), n.bus().adapters());
        assertEquals(source.bus().usageDomains(), n.bus().usageDomains());
        assertEquals(source.bus().controlDomains(), n.bus().controlDomains());
        assertEquals(Absence.UNKNOWN, n.bus().apmask().absence());
        assertEquals(Absence.UNKNOWN, n.matrix().absence());
        assertEquals(4, n.queues().size());
        for (ApQueue q : source.queues()) {
            ApQueue back = n.queue(q.apqn()).orElseThrow();
            assertEquals(q.functions(), back.functions(), q.apqn().toString());
            assertEquals(q.config(), back.config(), q.apqn().toString());
            assertEquals(q.chkstop(), back.chkstop(), q.apqn().toString());
            assertEquals(Absence.UNKNOWN, back.driver().absence());
        }
        assertEquals(14, n.card(5).orElseThrow().rawHwtype().get());
        assertEquals(13, n.card(6).orElseThrow().rawHwtype().get());
        // card level: TAPQ_CARD_HWINFO_MASK clears BS (bits 16-31)
        assertEquals(0x92800000, n.card(5).orElseThrow().functions().get());
        assertEquals(Absence.UNKNOWN, n.card(5).orElseThrow().hwtype().absence());
    }

    @Test
    void queuesThatDoNotAnswerAreNotDevices() {
        HostSnapshot source = host();
        ReplayTable t = NativeSnapshotReader.replayTableOf(source);
        // drop 05.0034: replay answers it Q_NOT_AVAIL, like a queue that is not there
        HostSnapshot n;
        try (NativeReplay replay = shim.replay(ReplayTable.of(t.records().stream()
                .filter(r -> !r.apqn().equals(Apqn.parse("05.0034"))).toList(), t.qci()))) {
            n = NativeSnapshotReader.read(replay, "replay");
        }
        assertFalse(n.queue(Apqn.parse("05.0034")).isPresent());
        assertTrue(n.queue(Apqn.parse("05.0033")).isPresent());
    }

    @Test
    void noMasksNoReplayTable() {
        HostSnapshot h = host();
        HostSnapshot noQci = new HostSnapshot(h.provenance(), BusAttributes.unknown(), h.cards(),
                h.queues(), h.matrix());
        BadInputException e = assertThrows(BadInputException.class,
                () -> NativeSnapshotReader.replayTableOf(noQci));
        assertTrue(e.getMessage().startsWith("test: no adapter/usage domain masks"), e.getMessage());
    }
}
