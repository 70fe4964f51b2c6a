// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form ap_bus.c's modify_bitmap() accepts or rejects (docs/sysfs-formats.md). */
class MaskEditTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // edit                    | start mask ids | result ids (as range list)
        "+0-15,+32,-128,-0xFF      | 128,255        | 0-15,32",
        "+1,+2,+3,+4,-5,-7-10      | 5-12           | 1-4,6,11-12",
        "-0,-0x14,-22              | 0-31           | 1-19,21,23-31",
        "-010                      | 0-15           | 0-7,9-15",
        "+0x1f                     | ''             | 31",
        "+0X1F                     | ''             | 31",
        "+0-255,-128               | ''             | 0-127,129-255",
        "+7\\n                     | ''             | 7",
        "+1,,+2                    | ''             | 1-2",
        "+1\\n,+2,                 | ''             | 1-2",
        "+0255                     | ''             | 173",
        "+00                       | ''             | 0",
        "+18446744073709551617     | ''             | 1",
        "-3-3                      | 3              | ''",
    })
    void appliesLikeTheKernel(String edit, String start, String expected) {
        String e = edit.replace("\\n", "\n");
        ApMask from = mask(start);
        ApMask result = MaskEdit.parse(e).apply(from);
        assertEquals(expected.equals("''") ? "" : expected, result.toRangeList());
        assertEquals(result, MaskEdit.applyWrite(e, from));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-0,0x14",      // second term has no sign
        "+",            // no number
        "+256",         // id too large
        "-0-255,+1-16,+0x128", // the kernel comment's own example: 0x128 = 296 >= 256
        "+5-3",         // range end below start
        "+1-",          // range without end
        "+1-256",       // range end too large
        "-08",          // 8 is no octal digit: "0" then a term starting with '8'
        "+0x",          // "0x" without hex digit reads octal 0, then 'x' is no sign
        "+x5",          // no digits in base 10
        "+ 5",          // no blank allowed
        "+5 ",          // trailing blank is no separator
        "+5;+6",        // ';' is no separator
        "+1--2",        // double minus
    })
    void rejectsWhatTheKernelRejects(String edit) {
        MaskSyntaxException e = assertThrows(MaskSyntaxException.class, () -> MaskEdit.parse(edit));
        assertTrue(e.getMessage().contains("-EINVAL"), e.getMessage());
    }

    @Test
    void absoluteWritesGoThroughHex2bitmap() {
        ApMask current = ApMask.of(1, 2, 3);
        assertEquals(ApMask.of(0, 1), MaskEdit.applyWrite("0xc0", current));
        assertEquals(ApMask.EMPTY, MaskEdit.applyWrite("0x\n", current));
        assertThrows(MaskSyntaxException.class, () -> MaskEdit.applyWrite(" +1", current));
        assertThrows(MaskSyntaxException.class, () -> MaskEdit.parse("0x1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0-15,32 | 0-3,40     | '+40,-4-15,-32'",
        "''      | 5          | '+5'",
        "7       | ''         | '-7'",
        "1-3     | 1-3        | ''",
    })
    void betweenIsTheSmallestEditAndRoundTrips(String from, String to, String edit) {
        MaskEdit e = MaskEdit.between(mask(from), mask(to));
        assertEquals(edit, e.toString());
        assertEquals(mask(to), e.apply(mask(from)));
        if (!e.isEmpty()) {
            assertEquals(e, MaskEdit.parse(e.toString()));
        }
    }

    @Test
    void termsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new MaskEdit.Term(true, 5, 4));
        assertThrows(IllegalArgumentException.class, () -> new MaskEdit.Term(true, 0, 256));
    }

    /** Builds a mask from a range list such as "0-15,32" ('' = empty). */
    static ApMask mask(String ranges) {
        ApMask m = ApMask.EMPTY;
        if (ranges.equals("''") || ranges.isEmpty()) {
            return m;
        }
        for (String part : ranges.split(",")) {
            String[] ab = part.split("-");
            int a = Integer.parseInt(ab[0].trim());
            int b = ab.length > 1 ? Integer.parseInt(ab[1].trim()) : a;
            m = m.union(ApMask.range(a, b));
        }
        return m;
    }

    @Test
    void betweenCoversIdZeroAndRunsEndingAt255() {
        assertEquals("+0", MaskEdit.between(ApMask.EMPTY, ApMask.of(0)).toString());
        assertEquals("+0-1,+250-255", MaskEdit.between(ApMask.EMPTY,
                ApMask.of(0, 1).union(ApMask.range(250, 255))).toString());
        assertEquals("-255", MaskEdit.between(ApMask.FULL, ApMask.range(0, 254)).toString());
        assertTrue(MaskEdit.between(ApMask.of(3), ApMask.of(3)).isEmpty());
        assertEquals(false, MaskEdit.parse("+1").isEmpty());
    }

    @Test
    void hexPrefixNeedsAHexDigitAndZeroIsOne() {
        assertEquals(ApMask.of(0, 31), MaskEdit.parse("+0x0,+0x1f").apply(ApMask.EMPTY));
    }

    @Test
    void missingSignIsReportedAtItsOffset() {
        MaskSyntaxException e = assertThrows(MaskSyntaxException.class, () -> MaskEdit.parse("+1,2"));
        assertTrue(e.getMessage().contains(" at offset 3, every term needs its own + or - sign"),
                e.getMessage());
    }
}
