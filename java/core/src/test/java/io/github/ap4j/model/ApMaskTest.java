// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApMaskTest {

    /** docs/sysfs-formats.md example: ids 51 (0x33) and 58 (0x3a). */
    static final String EXAMPLE = "0x0000000000001020000000000000000000000000000000000000000000000000";

    @Test
    void parsesSysfsFormMsbFirst() {
        ApMask m = ApMask.parse(EXAMPLE + "\n");
        assertEquals(List.of(51, 58), ids(m));
        assertEquals(EXAMPLE, m.toString());
        assertEquals(2, m.cardinality());
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0x8000000000000000000000000000000000000000000000000000000000000000",
        "63, 0x0000000000000001000000000000000000000000000000000000000000000000",
        "64, 0x0000000000000000800000000000000000000000000000000000000000000000",
        "255, 0x0000000000000000000000000000000000000000000000000000000000000001",
    })
    void eachWordBoundary(int id, String text) {
        assertEquals(text, ApMask.of(id).toString());
        assertEquals(ApMask.of(id), ApMask.parse(text));
        assertTrue(ApMask.parse(text).contains(id));
    }

    @Test
    void notSupportedIsEmptyOptional() {
        assertEquals(Optional.empty(), ApMask.parseSysfs("not supported\n"));
        assertEquals(Optional.of(ApMask.of(51, 58)), ApMask.parseSysfs(EXAMPLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x00", "0000000000001020000000000000000000000000000000000000000000000000",
        "0x00000000000010200000000000000000000000000000000000000000000000000",
        "0x000000000000102000000000000000000000000000000000000000000000000g", " 0x00", ""})
    void strictParseRejectsOtherLengthsAndDigits(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApMask.parse(text));
        assertTrue(e.getMessage().contains("'" + text), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // input | ids set, as the kernel's hex2bitmap reads it
        "0x8|0",
        "x8|0",
        "8|0",
        "0xc0|0,1",
        "0xF|0,1,2,3",
        "0x00000000000010200000000000000000000000000000000000000000000000000001|51,58",
        "''|''",
        "0x|''",
    })
    void hex2bitmapReadsShortAbsoluteForms(String text, String idList) {
        String t = text.equals("''") ? "" : text;
        ApMask m = ApMask.parseHex2Bitmap(t.length() > 66 ? t.substring(0, 66) : t);
        assertEquals(idList.equals("''") ? "" : idList, ids(m).stream().map(String::valueOf)
                .reduce((a, b) -> a + "," + b).orElse(""));
        assertEquals(m, ApMask.parseHex2Bitmap(t.length() > 66 ? t.substring(0, 66) : t + "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {" 0x1", "0x1 ", "0x1\n\n", "0X1", "0xg", "0x1,2", "0x"
        + "00000000000000000000000000000000000000000000000000000000000000001"})
    void hex2bitmapRejectsWhatTheKernelRejects(String text) {
        assertThrows(MaskSyntaxException.class, () -> ApMask.parseHex2Bitmap(text));
    }

    @Test
    void setAlgebra() {
        ApMask a = ApMask.of(1, 2, 3, 200);
        ApMask b = ApMask.of(3, 4, 200, 255);
        assertEquals(ApMask.of(1, 2, 3, 4, 200, 255), a.union(b));
        assertEquals(ApMask.of(3, 200), a.intersect(b));
        assertEquals(ApMask.of(1, 2), a.minus(b));
        assertTrue(a.intersects(b));
        assertFalse(ApMask.of(1).intersects(ApMask.of(2)));
        assertTrue(a.containsAll(ApMask.of(1, 200)));
        assertFalse(a.containsAll(b));
        assertEquals(256 - 4, a.complement().cardinality());
        assertEquals(ApMask.of(1, 3, 200), a.without(2));
        assertEquals(ApMask.of(1, 2, 3, 64, 200), a.with(64));
        assertTrue(ApMask.EMPTY.isEmpty());
        assertEquals(256, ApMask.FULL.cardinality());
        assertEquals(ApMask.FULL, ApMask.range(0, 255));
    }

    @Test
    void iteratesInIdOrderAcrossWords() {
        ApMask m = ApMask.of(255, 0, 64, 63, 128, 127, 191, 192);
        assertEquals(List.of(0, 63, 64, 127, 128, 191, 192, 255), ids(m));
        List<Integer> viaIterator = new ArrayList<>();
        m.forEach(viaIterator::add);
        assertEquals(ids(m), viaIterator);
        assertEquals(ids(m), m.ids().boxed().toList());
        assertEquals(255, m.highestId());
        assertEquals(-1, ApMask.EMPTY.highestId());
        assertEquals(-1, ApMask.EMPTY.nextSetId(0));
        assertEquals(64, m.nextSetId(64));
        assertEquals(-1, m.nextSetId(256));
    }

    @Test
    void bytesAreStorageOrder() {
        ApMask m = ApMask.of(0, 9, 255);
        byte[] b = m.toBytes();
        assertEquals((byte) 0x80, b[0]);
        assertEquals((byte) 0x40, b[1]);
        assertEquals((byte) 0x01, b[31]);
        assertEquals(m, ApMask.fromBytes(b, 0));
        byte[] padded = new byte[40];
        System.arraycopy(b, 0, padded, 8, 32);
        assertArrayEquals(b, ApMask.fromBytes(padded, 8).toBytes());
    }

    @Test
    void rangeListIsReadable() {
        assertEquals("0-15,32,51,254-255", ApMask.range(0, 15).union(ApMask.of(32, 51, 254, 255))
                .toRangeList());
        assertEquals("", ApMask.EMPTY.toRangeList());
    }

    @Test
    void rejectsIdsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> ApMask.of(256));
        assertThrows(IllegalArgumentException.class, () -> ApMask.EMPTY.contains(-1));
        assertThrows(IllegalArgumentException.class, () -> ApMask.range(5, 4));
    }

    static List<Integer> ids(ApMask m) {
        List<Integer> out = new ArrayList<>();
        m.forEachId(out::add);
        return out;
    }

    @Test
    void withAndWithoutReachEveryWord() {
        ApMask m = ApMask.of(1, 70, 130, 200);
        assertEquals(ApMask.of(1, 2, 70, 130, 200), m.with(2));
        assertEquals(ApMask.of(1, 70, 71, 130, 200), m.with(71));
        assertEquals(ApMask.of(1, 70, 130, 131, 200), m.with(131));
        assertEquals(ApMask.of(1, 70, 130, 200, 255), m.with(255));
        assertEquals(ApMask.of(70, 130, 200), m.without(1));
        assertEquals(ApMask.of(1, 130, 200), m.without(70));
        assertEquals(ApMask.of(1, 70, 200), m.without(130));
        assertEquals(ApMask.of(1, 70, 130), m.without(200));
        assertThrows(IllegalArgumentException.class, () -> m.with(256));
        assertThrows(IllegalArgumentException.class, () -> m.without(-1));
    }

    @Test
    void intersectKeepsOnlyCommonIdsInEveryWord() {
        assertEquals(ApMask.of(65, 130), ApMask.of(0, 64, 65, 130, 131).intersect(ApMask.of(65, 129, 130, 200)));
    }

    @Test
    void highestIdInTheFirstWord() {
        assertEquals(10, ApMask.of(5, 10).highestId());
        assertEquals(0, ApMask.of(0).highestId());
    }

    @Test
    void rangeRejectsEndsOutsideTheIds() {
        assertThrows(IllegalArgumentException.class, () -> ApMask.range(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> ApMask.range(250, 256));
        assertEquals(ApMask.of(255), ApMask.range(255, 255));
    }

    @Test
    void badDigitMessageGivesItsOffset() {
        String text = "0x0000000000g" + "0".repeat(53);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApMask.parse(text));
        assertTrue(e.getMessage().startsWith("not a 256-bit mask (bad hex digit at 12): "), e.getMessage());
    }
}
