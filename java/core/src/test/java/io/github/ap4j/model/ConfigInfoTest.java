// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** struct ap_config_info (docs/bit-layouts.md). */
class ConfigInfoTest {

    @ParameterizedTest
    @CsvSource({
        "0x80000000, APSC", "0x40000000, APXA", "0x20000000, QACT", "0x10000000, RC8A",
        "0x00800000, APSB",
    })
    void eachFlag(String flag, String name) {
        ConfigInfo c = ConfigInfo.of(Integer.parseUnsignedInt(flag.substring(2), 16), 0, 0, ApMask.EMPTY, ApMask.EMPTY,
                ApMask.EMPTY);
        assertEquals(List.of(name), c.featureNames());
        assertEquals(c.flags(), ConfigInfo.flagsOf(List.of(name)));
        assertEquals(name.equals("APSC"), c.apsc());
        assertEquals(name.equals("APXA"), c.apxa());
        assertEquals(name.equals("QACT"), c.qact());
        assertEquals(name.equals("RC8A"), c.rc8a());
        assertEquals(name.equals("APSB"), c.apsb());
    }

    @Test
    void flagsOfReadsEveryFeatureTokenAndIgnoresUnknownOnes() {
        assertEquals(0xF0800000, ConfigInfo.flagsOf(List.of("APSC", "APXA", "QACT", "RC8A", "APSB")));
        assertEquals(0x40000000, ConfigInfo.flagsOf(List.of("XYZ", "APXA")));
        assertEquals(0, ConfigInfo.flagsOf(List.of()));
    }

    @Test
    void reservedFlagBitsAreNotFeatures() {
        ConfigInfo c = ConfigInfo.of(0x0F7FFFFF, 0, 0, ApMask.EMPTY, ApMask.EMPTY, ApMask.EMPTY);
        assertEquals(List.of(), c.featureNames());
    }

    @Test
    void fieldsSitAtTheirByteOffsets() {
        ApMask apm = ApMask.of(5, 6, 255);
        ApMask aqm = ApMask.of(0x33, 0x34);
        ApMask adm = ApMask.of(0x33, 0x3a);
        ConfigInfo c = ConfigInfo.of(0xE0000000, 0xff, 0x54, apm, aqm, adm);
        byte[] b = c.toBytes();
        assertEquals(128, b.length);
        assertEquals((byte) 0xE0, b[0]);
        assertEquals((byte) 0xff, b[4]);
        assertEquals((byte) 0x54, b[5]);
        assertEquals((byte) 0x06, b[16]); // adapters 5 and 6: 0000 0110
        assertEquals((byte) 0x01, b[47]); // adapter 255
        assertEquals((byte) 0x18, b[48 + 6]); // domains 0x33 (51) and 0x34 (52): bits 3 and 4 of byte 6
        assertEquals((byte) 0x20, b[80 + 7]); // control domain 0x3a (58) in byte 7
        assertEquals(apm, c.adapters());
        assertEquals(aqm, c.usageDomains());
        assertEquals(adm, c.controlDomains());
        assertEquals(255, c.na());
        assertEquals(0x54, c.nd());
        ConfigInfo back = ConfigInfo.parse(c.toString());
        assertEquals(c, back);
        assertEquals(c.hashCode(), back.hashCode());
        assertEquals(c, ConfigInfo.parse("0x" + c.toString().toUpperCase() + "\n"));
    }

    @Test
    void maximaNeedApxa() {
        ConfigInfo noApxa = ConfigInfo.of(0x80000000, 0xff, 0xff, ApMask.EMPTY, ApMask.EMPTY, ApMask.EMPTY);
        assertEquals(63, noApxa.maxAdapterId());
        assertEquals(15, noApxa.maxDomainId());
        ConfigInfo apxa = ConfigInfo.of(0xC0000000, 0xff, 0x54, ApMask.EMPTY, ApMask.EMPTY, ApMask.EMPTY);
        assertEquals(255, apxa.maxAdapterId());
        assertEquals(84, apxa.maxDomainId());
    }

    @Test
    void reservedBytesRoundTripAndCount() {
        byte[] raw = new byte[128];
        raw[10] = 0x5a;
        raw[127] = 0x11;
        ConfigInfo c = ConfigInfo.of(raw);
        raw[10] = 0; // the value copied the array
        assertEquals(0x5a, c.toBytes()[10]);
        assertNotEquals(ConfigInfo.of(new byte[128]), c);
        assertEquals(c, ConfigInfo.parse(c.toString()));
    }

    @Test
    void rejectsBadBlocks() {
        assertThrows(IllegalArgumentException.class, () -> ConfigInfo.of(new byte[127]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigInfo.parse("00".repeat(127)));
        assertTrue(e.getMessage().contains("254"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConfigInfo.parse("0g" + "00".repeat(127)));
        assertTrue(e.getMessage().contains("offset 0"), e.getMessage());
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void flagsAreBigEndianOverFourBytes() {
        ConfigInfo c = ConfigInfo.of(0x12345678, 0, 0, ApMask.EMPTY, ApMask.EMPTY, ApMask.EMPTY);
        assertEquals(0x12345678, c.flags());
    }

    @Test
    void wrongSizeMessageGivesTheLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigInfo.of(new byte[5]));
        assertTrue(e.getMessage().endsWith("got 5"), e.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> ConfigInfo.of(null));
        assertTrue(n.getMessage().endsWith("got null"), n.getMessage());
    }
}
