// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.internal.io.Fifo;
import io.github.ap4j.model.ApMode;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.BindState;
import io.github.ap4j.model.ConfigInfo;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.model.QueueStatus;
import io.github.ap4j.model.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay tables through JNA into libap4j, decoded by the model. Runs on every architecture. */
class ReplayEndToEndTest {

    private static final List<Apqn> BATCH = List.of(Apqn.parse("01.0005"), Apqn.parse("05.0033"),
            Apqn.parse("02.0010"), Apqn.parse("07.0077"));

    private ApShim shim;

    @BeforeEach
    void loadShim() {
        shim = NativeAp.shim();
    }

    @Test
    void tableAnswersTapqBatchDecodedByTheModel() {
        try (NativeReplay replay = shim.replay(Fixtures.table())) {
            List<TapqRecord> got = replay.tapq(BATCH);

            assertEquals(4, got.size());
            assertBatch(got);
            assertEquals(Fixtures.table(), replay.table());
        }
    }

    @Test
    void writtenFileIsReadBackByTheCParserToTheSameAnswers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("host.replay");
        Fixtures.table().write(file);

        ReplayTable back = ReplayTable.read(file);

        assertEquals(Fixtures.table(), back);
        try (NativeReplay replay = shim.replay(back)) {
            assertBatch(replay.tapq(BATCH));
            assertEquals(Fixtures.QCI, replay.qci());
        }
    }

    private static void assertBatch(List<TapqRecord> got) {
        // 01.0005: EP11, stateless, BS 3, CEX6
        TapqRecord ep11 = got.get(0);
        assertEquals(Apqn.of(1, 5), ep11.apqn());
        assertEquals(0, ep11.conditionCode());
        assertEquals(0x0000000042000000L, ep11.gr1());
        assertEquals(0x0440C0000C100B07L, ep11.gr2());
        QueueStatus s = ep11.status();
        assertFalse(s.queueEmpty());
        assertTrue(s.repliesWaiting());
        assertTrue(s.async());
        assertFalse(s.irqEnabled());
        assertEquals(ResponseCode.NORMAL, s.responseOrNull());
        QueueHwInfo h = ep11.hwInfo();
        assertEquals(0x0440C000, h.functions());
        assertTrue(h.ep11());
        assertFalse(h.cca());
        assertEquals(ApMode.EP11, h.mode());
        assertEquals(0x40, h.classification());
        assertTrue(h.stateless());
        assertFalse(h.fullNative());
        assertEquals(BindState.UNUSABLE, h.bindState());
        assertEquals(12, h.rawType());
        assertEquals("CEX6", h.typeNameOrNull());
        assertEquals(16, h.domains());
        assertEquals(11, h.mlField());
        assertEquals(11 * 4096, h.maxMessageSize());
        assertEquals(8, h.queueDepth());

        // 05.0033: CCA + APXA, full native, CEX7
        TapqRecord cca = got.get(1);
        assertEquals(Apqn.parse("05.0033"), cca.apqn());
        assertEquals(0, cca.conditionCode());
        assertTrue(cca.status().queueEmpty());
        assertTrue(cca.status().irqEnabled());
        assertFalse(cca.status().async());
        assertEquals(0, cca.status().responseCode());
        QueueHwInfo c = cca.hwInfo();
        assertEquals(0x12800000, c.functions());
        assertEquals("---D--N-F-", c.letters());
        assertEquals(ApMode.CCA, c.mode());
        assertTrue(c.apxa());
        assertTrue(c.fullNative());
        assertEquals(BindState.USABLE, c.bindState());
        assertEquals(13, c.rawType());
        assertEquals("CEX7", c.typeNameOrNull());
        assertEquals(85, c.domains());
        assertEquals(3, c.mlField());
        assertEquals(QueueHwInfo.DEFAULT_MAX_MSG_SIZE, c.maxMessageSize());
        assertEquals(8, c.queueDepth());

        // 02.0010: recorded cc 3, RC 0x03 DECONFIGURED (TAPQ info still counts as valid)
        TapqRecord dec = got.get(2);
        assertEquals(3, dec.conditionCode());
        assertEquals(ResponseCode.DECONFIGURED, dec.status().responseOrNull());
        assertTrue(ResponseCode.tapqInfoValid(dec.status().responseCode()));
        assertEquals(0L, dec.gr2());

        // 07.0077: not recorded -> cc 3, GR1 0x10000 = RC 0x01 Q_NOT_AVAIL, GR2 0 (ap4j.h)
        TapqRecord absent = got.get(3);
        assertEquals(Apqn.parse("07.0077"), absent.apqn());
        assertEquals(3, absent.conditionCode());
        assertEquals(0x10000L, absent.gr1());
        assertEquals(0L, absent.gr2());
        assertEquals(0x00010000, absent.status().word());
        assertEquals(ResponseCode.Q_NOT_AVAIL, absent.status().responseOrNull());
        assertFalse(ResponseCode.tapqInfoValid(absent.status().responseCode()));
    }

    @Test
    void qciBlockComesBackByteForByteAndDecodes() {
        ConfigInfo qci;
        try (NativeReplay replay = shim.replay(Fixtures.table())) {
            qci = replay.qci();
        }

        byte[] b = qci.toBytes();
        assertEquals((byte) 0xC0, b[0]); // flag word bits 0 (APSC) and 1 (APXA), MSB first
        assertEquals(0x3f, b[4]);
        assertEquals((byte) 0xff, b[5]);
        assertEquals(0x04, b[16]); // apm bit 5 (MSB-first): byte 16, mask 0x80 >>> 5
        assertEquals(0x01, b[16 + 7]); // apm bit 63
        assertArrayEquals(Fixtures.QCI.toBytes(), b);
        assertTrue(qci.apsc());
        assertTrue(qci.apxa());
        assertFalse(qci.qact());
        assertEquals(0x3f, qci.maxAdapterId());
        assertEquals(0xff, qci.maxDomainId());
        assertEquals(ApMask.of(5, 63), qci.adapters());
        assertEquals(ApMask.of(0x10, 0x33), qci.usageDomains());
        assertEquals(ApMask.of(0x33), qci.controlDomains());
    }

    @Test
    void emptyTableAnswersEveryQueueNotAvailableAndHasNoQci() {
        try (NativeReplay replay = shim.replay(ReplayTable.of(List.of(), Optional.empty()))) {
            TapqRecord r = replay.tapq(List.of(Apqn.parse("05.0033"))).get(0);
            assertEquals(3, r.conditionCode());
            assertEquals(ResponseCode.Q_NOT_AVAIL, r.status().responseOrNull());
            NativeCallException e = assertThrows(NativeCallException.class, replay::qci);
            assertEquals(NativeError.NO_QCI, e.error());
            assertEquals("replay table holds no qci line", e.failure().message());
        }
    }

    @Test
    void emptyBatchIsAnEmptyAnswer() {
        try (NativeReplay replay = shim.replay(Fixtures.table())) {
            assertEquals(List.of(), replay.tapq(List.of()));
        }
    }

    @Test
    void hardwareCallsNeverAnswerFromAnOpenReplay() {
        try (NativeReplay replay = shim.replay(Fixtures.table())) {
            NativeCallException e = assertThrows(NativeCallException.class,
                    () -> shim.tapq(List.of(Fixtures.CEX7_CCA.apqn())));
            // x86: no PQAP at all; s390x (user space): PQAP traps.
            assertTrue(e.error() == NativeError.UNSUPPORTED_ARCHITECTURE
                    || e.error() == NativeError.PQAP_TRAPPED, e.getMessage());
            assertEquals(Fixtures.CEX7_CCA, replay.tapq(List.of(Fixtures.CEX7_CCA.apqn())).get(0));
        }
    }

    @Test
    void aClosedReplayRefusesQueriesAndClosesOnce() {
        NativeReplay replay = shim.replay(Fixtures.table());
        replay.close();
        replay.close();

        IllegalStateException e = assertThrows(IllegalStateException.class, replay::qci);
        assertEquals("replay closed", e.getMessage());
        assertThrows(IllegalStateException.class, () -> replay.tapq(BATCH));
    }

    @Test
    void missingReplayFileIsBadInputNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.replay");

        BadInputException e = assertThrows(BadInputException.class, () -> ReplayTable.read(missing));

        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void aFifoIsRefusedByTypeNotRead(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo.replay");
        Fifo.make(fifo);

        BadInputException e = assertThrows(BadInputException.class, () -> ReplayTable.read(fifo));

        assertEquals(fifo + ": not a regular file (a FIFO); ap4j reads only regular files", e.getMessage());
    }

    @Test
    void aFileAboveTheBoundIsRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.replay");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: 3 GiB of zeros that take no disk
        }

        BadInputException e = assertThrows(BadInputException.class, () -> ReplayTable.read(big));

        assertEquals(big + ": 3221225472 bytes, more than the 16 MiB allowed for a replay table",
                e.getMessage());
    }

    @Test
    void malformedFileIsBadInputWithTheLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.replay");
        Files.writeString(bad, "# ok\ntapq 05.0033 7 0x0000000000000000 0x0000000000000000\n",
                StandardCharsets.UTF_8);

        BadInputException e = assertThrows(BadInputException.class, () -> ReplayTable.read(bad));

        assertEquals(bad + ":2", e.source());
        assertEquals(bad + ":2: bad condition code '7' (want 0..3)", e.getMessage());
    }

    @Test
    void batchAboveEveryApqnIsRejectedNotOverrun() {
        List<Apqn> tooMany = new ArrayList<>(Collections.nCopies(65537, Apqn.of(0, 0)));

        NativeCallException e = assertThrows(NativeCallException.class, () -> shim.tapq(tooMany));
        assertEquals(NativeError.INVALID_ARGUMENT, e.error());
        assertEquals("count 65537 outside 0..65536", e.failure().message());
        try (NativeReplay replay = shim.replay(Fixtures.table())) {
            NativeCallException r = assertThrows(NativeCallException.class, () -> replay.tapq(tooMany));
            assertEquals("ap4j_replay_tapq: count 65537 outside 0..65536 [INVALID_ARGUMENT]", r.getMessage());
        }
    }

    @Test
    void nullAndNegativeArgumentsAreTypedErrorsAtTheCBoundary() {
        // The public API cannot pass these; drive the C checks directly through the mapping.
        assertEquals(-1, JnaApShim.ap4j_tapq(null, 1, 1, 1000, new int[1], new long[1], new long[1]));
        assertEquals(NativeError.INVALID_ARGUMENT, JnaApShim.lastFailure().error());
        assertEquals(-1, JnaApShim.ap4j_tapq(new short[1], -1, 1, 1000, new int[1], new long[1], new long[1]));
        assertEquals("count -1 outside 0..65536", JnaApShim.lastFailure().message());
        assertEquals(-1, JnaApShim.ap4j_tapq(new short[1], 1, 1, 0, new int[1], new long[1], new long[1]));
        assertEquals("timeout 0 ms outside 1..600000", JnaApShim.lastFailure().message());
        assertEquals(-1, JnaApShim.ap4j_qci(1000, null));
        assertEquals("NULL QCI block", JnaApShim.lastFailure().message());
        assertEquals(-1, JnaApShim.ap4j_replay_new(null, null, null, null, 3, null, new long[1]));
        assertEquals(-1, JnaApShim.ap4j_replay_parse(null, 5, new long[1]));
        assertEquals("NULL replay text", JnaApShim.lastFailure().message());
        assertEquals(-1, JnaApShim.ap4j_replay_tapq(0, new short[1], 1, new int[1], new long[1], new long[1]));
        assertEquals("not a replay table handle", JnaApShim.lastFailure().message());
        long[] handle = {7};
        assertEquals(-1, JnaApShim.ap4j_replay_new(new short[] {0x533}, new int[] {9}, new long[1],
                new long[1], 1, null, handle));
        NativeFailure f = JnaApShim.lastFailure();
        assertEquals(1, f.line());
        assertEquals("entry 1: condition code 9 outside 0..3", f.message());
        assertEquals(0, handle[0]);
        // and a successful call clears the record
        assertEquals(NativeAp.ABI_VERSION, JnaApShim.ap4j_abi_version());
        assertEquals(0, JnaApShim.lastFailure().code());
    }

    /**
     * Replay is per call: two tables that answer the same APQN differently, replayed from eight
     * threads at once, each thread with its own replay, every answer checked. With ABI 1's one
     * process-wide table a thread would see the other table's words.
     */
    @Test
    void twoTablesReplayedFromManyThreadsAtOnceEachGetTheirOwnAnswers() throws Exception {
        Apqn q = Apqn.parse("05.0033");
        ReplayTable a = ReplayTable.of(List.of(new TapqRecord(q, 0, 0x81000000L, 0x128000000D550307L)),
                Optional.of(Fixtures.QCI));
        ReplayTable b = ReplayTable.of(List.of(new TapqRecord(q, 0, 0x42000000L, 0x0440C0000C100B07L)),
                Optional.empty());
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        try {
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ReplayTable mine = t % 2 == 0 ? a : b;
                results.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int i = 0; i < 200; i++) {
                        try (NativeReplay replay = shim.replay(mine)) {
                            assertEquals(mine.records(), replay.tapq(List.of(q)));
                            if (mine.qci().isPresent()) {
                                assertEquals(Fixtures.QCI, replay.qci());
                            } else {
                                assertEquals(NativeError.NO_QCI,
                                        assertThrows(NativeCallException.class, replay::qci).error());
                            }
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            for (java.util.concurrent.Future<Integer> r : results) {
                assertEquals(200, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
