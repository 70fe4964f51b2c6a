// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.model.Apqn;
import org.junit.jupiter.api.Test;

/** The words in the hardware-mismatch finding keep the {@code "0x%08X"} form. */
class IncompatibleMessageTest {

    @Test
    void hex8IsUpperCaseZeroPaddedEightDigits() {
        assertEquals("0x92800000", FindingTexts.hex8(0x92800000));
        assertEquals("0x6A800000", FindingTexts.hex8(0x6A800000));
        assertEquals("0x0000000A", FindingTexts.hex8(10));
        assertEquals("0x00000000", FindingTexts.hex8(0));
        assertEquals("0xFFFFFFFF", FindingTexts.hex8(-1));
    }

    @Test
    void messageQuotesBothWords() {
        long src = 0x928000000E000000L;
        long tgt = 0x868000000D000000L;
        String m = FindingTexts.hwinfoIncompatible(RuleSet.DOC, Apqn.of(5, 0x33), src, tgt).message();
        assertTrue(m.startsWith("Source queue 05.0033 (ap_functions 0x92800000, type 14) and target "
                + "queue (0x86800000, type 13) are not compatible under rules doc: "), m);
    }
}
