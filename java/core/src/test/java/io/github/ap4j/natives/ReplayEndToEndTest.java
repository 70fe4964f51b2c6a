package io.github.ap4j.natives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay backend through JNA into libap4j, decoded by the model. Runs on every architecture. */
class ReplayEndToEndTest {

    private static final List<Apqn> BATCH = List.of(Apqn.parse("01.0005"), Apqn.parse("05.0033"),
            Apqn.parse("02.0010"), Apqn.parse("07.0077"));

    private ApShim shim;

    @BeforeEach
    void loadShim() {
        shim = NativeAp.shim();
    }

    @AfterEach
    void backToHardwareMode() {
        shim.replayClear();
    }

    @Test
    void arrayLoadedTableAnswersTapqBatchDecodedByTheModel() {
        shim.replayLoad(Fixtures.table());
        assertTrue(shim.replayActive());

        List<TapqRecord> got = shim.tapq(BATCH);

        assertEquals(4, got.size());
        assertBatch(got);
    }

    @Test
    void javaWrittenFileIsParsedByTheCParserToTheSameAnswers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("host.replay");
        Fixtures.table().write(file);

        shim.replayLoadFile(file);

        assertBatch(shim.tapq(BATCH));
        assertEquals(Fixtures.QCI, shim.qci());
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
        shim.replayLoad(Fixtures.table());

        ConfigInfo qci = shim.qci();

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
        shim.replayLoad(ReplayTable.of(List.of(), Optional.empty()));

        TapqRecord r = shim.tapq(List.of(Apqn.parse("05.0033"))).get(0);
        assertEquals(3, r.conditionCode());
        assertEquals(ResponseCode.Q_NOT_AVAIL, r.status().responseOrNull());
        NativeCallException e = assertThrows(NativeCallException.class, shim::qci);
        assertEquals(NativeError.NO_QCI, e.error());
        assertEquals("replay table holds no qci line", e.failure().message());
    }

    @Test
    void emptyBatchIsAnEmptyAnswer() {
        assertEquals(List.of(), shim.tapq(List.of()));
    }

    @Test
    void clearReturnsToHardwareMode() {
        shim.replayLoad(Fixtures.table());
        shim.replayClear();

        assertFalse(shim.replayActive());
        NativeCallException e = assertThrows(NativeCallException.class,
                () -> shim.tapq(List.of(Apqn.parse("05.0033"))));
        // x86: no PQAP at all; s390x (user space): PQAP traps.
        assertTrue(e.error() == NativeError.UNSUPPORTED_ARCHITECTURE
                || e.error() == NativeError.PQAP_TRAPPED, e.getMessage());
    }

    @Test
    void missingReplayFileIsAnIoErrorWithErrno(@TempDir Path dir) {
        Path missing = dir.resolve("nope.replay");

        NativeCallException e = assertThrows(NativeCallException.class, () -> shim.replayLoadFile(missing));

        assertEquals(NativeError.IO, e.error());
        assertEquals(2, e.failure().errno()); // ENOENT
        assertTrue(e.failure().message().startsWith("cannot open " + missing), e.failure().message());
        assertFalse(shim.replayActive());
    }

    @Test
    void malformedFileIsAParseErrorWithLineAndKeepsThePreviousTable(@TempDir Path dir) throws Exception {
        shim.replayLoad(Fixtures.table());
        Path bad = dir.resolve("bad.replay");
        Files.writeString(bad, "# ok\ntapq 05.0033 7 0x0000000000000000 0x0000000000000000\n",
                StandardCharsets.UTF_8);

        NativeCallException e = assertThrows(NativeCallException.class, () -> shim.replayLoadFile(bad));

        assertEquals(NativeError.PARSE, e.error());
        assertEquals(2, e.failure().line());
        assertEquals("line 2: bad condition code '7' (want 0..3)", e.failure().message());
        assertEquals(Fixtures.CEX7_CCA, shim.tapq(List.of(Fixtures.CEX7_CCA.apqn())).get(0));
    }

    @Test
    void batchAboveEveryApqnIsRejectedNotOverrun() {
        List<Apqn> tooMany = new ArrayList<>(Collections.nCopies(65537, Apqn.of(0, 0)));

        NativeCallException e = assertThrows(NativeCallException.class, () -> shim.tapq(tooMany));

        assertEquals(NativeError.INVALID_ARGUMENT, e.error());
        assertEquals("count 65537 outside 0..65536", e.failure().message());
    }

    @Test
    void nullAndNegativeArgumentsAreTypedErrorsAtTheCBoundary() {
        // The public API cannot pass these; drive the C checks directly through the mapping.
        assertEquals(-1, JnaApShim.ap4j_tapq(null, 1, new int[1], new long[1], new long[1]));
        assertEquals(NativeError.INVALID_ARGUMENT, JnaApShim.lastFailure().error());
        assertEquals(-1, JnaApShim.ap4j_tapq(new short[1], -1, new int[1], new long[1], new long[1]));
        assertEquals("count -1 outside 0..65536", JnaApShim.lastFailure().message());
        assertEquals(-1, JnaApShim.ap4j_qci(null));
        assertEquals("NULL QCI block", JnaApShim.lastFailure().message());
        assertEquals(-1, JnaApShim.ap4j_replay_load(null, null, null, null, 3, null));
        assertEquals(-1, JnaApShim.ap4j_replay_load_file(null));
        assertEquals("NULL path", JnaApShim.lastFailure().message());
        assertEquals(-1, JnaApShim.ap4j_replay_load(new short[] {0x533}, new int[] {9}, new long[1],
                new long[1], 1, null));
        NativeFailure f = JnaApShim.lastFailure();
        assertEquals(1, f.line());
        assertEquals("entry 1: condition code 9 outside 0..3", f.message());
        assertFalse(shim.replayActive());
        // and a successful call clears the record
        assertEquals(1, JnaApShim.ap4j_abi_version());
        assertEquals(0, JnaApShim.lastFailure().code());
    }
}
