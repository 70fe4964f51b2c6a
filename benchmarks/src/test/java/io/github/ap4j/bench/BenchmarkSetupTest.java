// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMode;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.check.TargetReport;
import io.github.ap4j.natives.TapqRecord;
import io.github.ap4j.snapshot.HostSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark's setup works and its method returns the expected value, called once outside
 * JMH. No timing is asserted here, ever: the figures come from {@code benchmarks/run}.
 */
class BenchmarkSetupTest {

    @Test
    void decode() {
        DecodeBenchmark b = new DecodeBenchmark();
        assertEquals(ApMode.CCA.ordinal() * 4, b.gr2ModeAndBindState());
        assertEquals("S----XN-F-", b.letters());
        assertEquals("0xF28000000E550007", b.gr2Format());
        // functions 0xF2800000 (sign-extended) + S M C D N F + class 0x80 + at 14 + nd 85
        // + ml 0 + max msg 12288 + qd 8
        long expected = 0xF2800000 + 1 + 2 + 4 + 8 + 64 + 256 + 0x80 + 14 + 85 + 0 + 12288 + 8;
        assertEquals(expected, b.gr2Decode());
        assertEquals(0x86800000 + ApMode.EP11.ordinal() + 1 /* apxa */ + 0x80 + 14, b.functionsAndTypeDecode());
        assertEquals(1 + 16, b.gr1StatusDecode());
    }

    @Test
    void apMask() {
        ApMaskBenchmark b = new ApMaskBenchmark();
        b.setup();
        ApMask a = ApMask.range(0, 84);
        assertEquals(a, b.parse());
        assertEquals(a, b.parseSysfsLine());
        assertEquals(a, b.parseSysfsAttribute().orElseThrow());
        assertEquals(a, b.parseHex2Bitmap());
        assertEquals(b.plainText, b.format());
        assertEquals("0-84", b.formatRangeList());
        // union 89 + intersection {3,17,64} 3 + complement of the difference 170, +1 +2
        assertEquals(89 + 3 + 170 + 1 + 2, b.setAlgebra());
        assertEquals(84 * 85 / 2, b.iterateIds());
        assertEquals(a.without(20), b.editParseApply());
    }

    @Test
    void apqn() {
        ApqnBenchmark b = new ApqnBenchmark();
        assertEquals(0x0533, b.parseToQid());
        assertEquals(Apqn.of(5, 0x33), b.parse());
        assertEquals("05.0033", b.format());
        assertEquals(0, b.ofQidCompare());
    }

    @Test
    void nativeReplay() {
        NativeReplayBenchmark b = new NativeReplayBenchmark();
        b.setup();
        try {
            SyntheticHost h = SyntheticHost.target(64, 256, 16, 85);
            List<TapqRecord> one = b.tapqOne();
            assertEquals(List.of(new TapqRecord(Apqn.of(5, 0x33), 0, SyntheticHost.GR1, h.gr2(5, 0x33))), one);
            List<TapqRecord> batch = b.tapqBatch();
            assertEquals(NativeReplayBenchmark.BATCH, batch.size());
            assertEquals(h.gr2(60, 252), batch.get(batch.size() - 1).gr2());
            assertEquals(ApMask.range(0, 63), b.qci().adapters());
        } finally {
            b.tearDown();
        }
    }

    @Test
    void snapshotSources() throws java.io.IOException {
        SnapshotBenchmark b = new SnapshotBenchmark();
        SnapshotBenchmark.Host h = new SnapshotBenchmark.Host();
        h.shape = "16x85";
        h.setup();
        SnapshotBenchmark.Tree t = new SnapshotBenchmark.Tree();
        SnapshotBenchmark.Archive a = new SnapshotBenchmark.Archive();
        SnapshotBenchmark.Replay r = new SnapshotBenchmark.Replay();
        t.setup(h);
        try {
            a.setup(t);
            r.setup(h);
            HostSnapshot expected = SyntheticHost.target(16, 85, 16, 85).snapshot();
            HostSnapshot dir = b.sysfsDirectory(t);
            // The reader sees exactly the generated host (guest_matrix is cut at a page in
            // sysfs, so the reader rightly calls it unknown: compare the rest).
            assertEquals(expected.bus(), dir.bus());
            assertEquals(expected.cards(), dir.cards());
            assertEquals(expected.queues(), dir.queues());
            assertEquals(expected.mdev(SyntheticHost.UUID).orElseThrow().matrix(),
                    dir.mdev(SyntheticHost.UUID).orElseThrow().matrix());
            HostSnapshot tar = b.fixtureTarGz(a);
            assertEquals(dir.queues(), tar.queues());
            assertEquals(dir.cards(), tar.cards());
            HostSnapshot nat = b.nativeReplay(r);
            assertEquals(16, nat.cards().size());
            assertEquals(1360, nat.queues().size());
            assertTrue(b.readEveryFileOnce(t) > 13845 * 2, "every file has at least 2 bytes");
            long size = 0;
            for (java.nio.file.Path f : t.files) {
                size += java.nio.file.Files.size(f);
            }
            assertEquals(size, b.readEveryFileOnce(t), "each file read once, whole, by the threads");
        } finally {
            r.tearDown();
            a.tearDown();
            t.tearDown();
        }
    }

    @Test
    void endToEndVerdictsPerSource() {
        EndToEndBenchmark b = new EndToEndBenchmark();
        b.setup(); // throws unless sysfs gives "compatible" and native "cannot verify"
        try {
            assertEquals(1, b.sysfsThenCheck().targets().size());
            assertEquals("native", b.nativeReplayThenCheck().targets().get(0).target());
        } finally {
            b.tearDown();
        }
    }

    @Test
    void checkFloor() {
        CheckFloorBenchmark b = new CheckFloorBenchmark();
        b.guest = "2x2";
        b.setup();
        // CCA (adapter 0) and CCA (adapter 1) words, 2 domains each, twice, + "vfio_ap" x 4
        assertEquals(8L * 0x92800000 + 4 * "vfio_ap".length(), b.touchBothSnapshots());
    }

    @Test
    void checkCasesAreWhatTheySay() {
        for (String guest : List.of("2x2", "16x85")) {
            for (String rules : List.of("doc", "v3")) {
                for (String target : List.of("compatible", "incompatible")) {
                    CheckBenchmark b = new CheckBenchmark();
                    b.guest = guest;
                    b.rules = rules;
                    b.target = target;
                    b.setup(); // throws unless the verdict matches the case
                    TargetReport r = b.check().targets().get(0);
                    assertEquals(target.equals("compatible"), r.compatible(), guest + rules + target);
                }
            }
        }
    }
}
