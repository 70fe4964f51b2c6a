// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** struct ap_queue_status (docs/bit-layouts.md) and AP_RESPONSE_* (docs/bit-layouts.md). */
class QueueStatusTest {

    @ParameterizedTest
    @CsvSource({
        // word, E, R, F, async, I, rc
        "0x80000000, true, false, false, false, false, 0",
        "0x40000000, false, true, false, false, false, 0",
        "0x20000000, false, false, true, false, false, 0",
        "0x02000000, false, false, false, true, false, 0",
        "0x01000000, false, false, false, false, true, 0",
        "0x00010000, false, false, false, false, false, 1",
        "0x00FF0000, false, false, false, false, false, 255",
        "0x1C00FFFF, false, false, false, false, false, 0",
        "0xE3420000, true, true, true, true, true, 66",
    })
    void eachBit(String word, boolean e, boolean r, boolean f, boolean async, boolean irq, int rc) {
        QueueStatus s = QueueStatus.parse(word);
        assertEquals(e, s.queueEmpty());
        assertEquals(r, s.repliesWaiting());
        assertEquals(f, s.queueFull());
        assertEquals(async, s.async());
        assertEquals(irq, s.irqEnabled());
        assertEquals(rc, s.responseCode());
        assertEquals(word, s.toString());
    }

    @Test
    void statusIsTheLowWordOfGr1() {
        QueueStatus s = QueueStatus.ofGr1(0xFFFFFFFF_80030000L);
        assertTrue(s.queueEmpty());
        assertEquals(3, s.responseCode());
        assertEquals(ResponseCode.DECONFIGURED, s.responseOrNull());
        assertEquals(s, QueueStatus.parse("0xFFFFFFFF80030000"));
        assertEquals(QueueStatus.ofResponseCode(3).responseCode(), 3);
    }

    /** The whole table of docs/bit-layouts.md, by value. */
    @ParameterizedTest
    @CsvSource({
        "0x00, NORMAL", "0x01, Q_NOT_AVAIL", "0x02, RESET_IN_PROGRESS", "0x03, DECONFIGURED",
        "0x04, CHECKSTOPPED", "0x05, BUSY", "0x06, INVALID_ADDRESS", "0x07, OTHERWISE_CHANGED",
        "0x08, INVALID_GISA", "0x09, Q_BOUND_TO_ANOTHER", "0x0A, STATE_CHANGE_IN_PROGRESS",
        "0x0B, Q_NOT_BOUND", "0x10, Q_FULL", "0x11, INDEX_TOO_BIG", "0x13, NO_FIRST_PART",
        "0x15, MESSAGE_TOO_BIG", "0x16, REQ_FAC_NOT_INST", "0x30, Q_BIND_ERROR",
        "0x31, Q_NOT_AVAIL_FOR_ASSOC", "0x32, Q_NOT_EMPTY", "0x33, BIND_LIMIT_EXCEEDED",
        "0x34, INVALID_ASSOC_SECRET", "0x35, ASSOC_SECRET_NOT_UNIQUE", "0x36, ASSOC_FAILED",
        "0x42, INVALID_DOMAIN",
    })
    void everyResponseCode(String code, ResponseCode expected) {
        int c = Integer.decode(code);
        assertEquals(c, expected.code());
        assertEquals(expected, ResponseCode.byCodeOrNull(c));
        assertEquals(expected, QueueStatus.ofResponseCode(c).responseOrNull());
    }

    @Test
    void tableHasExactlyThe25KernelNames() {
        assertEquals(25, ResponseCode.values().length);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x0C, 0x12, 0x14, 0x37, 0x41, 0xFF})
    void unknownCodesKeepTheirNumber(int code) {
        QueueStatus s = QueueStatus.ofResponseCode(code);
        assertEquals(code, s.responseCode());
        assertNull(s.responseOrNull());
    }

    @Test
    void tapqInfoValidCodes() {
        Set<Integer> valid = Arrays.stream(ResponseCode.values()).map(ResponseCode::code)
                .filter(ResponseCode::tapqInfoValid).collect(Collectors.toSet());
        assertEquals(Set.of(0, 2, 3, 4, 5), valid);
        assertFalse(ResponseCode.tapqInfoValid(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "0xZZ", "0x00000000000000000", "status"})
    void rejectsMalformed(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueueStatus.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"));
    }

    @Test
    void fourteenDigitsAreNeitherFormWithEitherPrefix() {
        String digits = "00000000000001";
        assertThrows(IllegalArgumentException.class, () -> QueueStatus.parse("0x" + digits));
        assertThrows(IllegalArgumentException.class, () -> QueueStatus.parse("0X" + digits));
    }
}
