// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ap4j.FuzzInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.condition.DisabledOnOs;

/**
 * A write to {@code apmask}/{@code aqmask} as {@code ap_parse_bitmap_str()} reads it: the input's
 * first line is the mask's current value, the rest is what is written (a relative
 * {@link MaskEdit} or an absolute mask).
 *
 * <p>Properties: a rejection is a {@link MaskSyntaxException} (the kernel's {@code -EINVAL})
 * with a printable one-line message; an accepted edit prints (decimal ids) as a text that parses
 * to the same terms, each term only touches its own range, and the edit
 * {@link MaskEdit#between} two masks turns the one into the other.
 */
@DisabledOnOs(architectures = "s390x", disabledReason = FuzzInput.NOT_ON_S390X)
class MaskEditFuzzTest {

    @FuzzTest(maxDuration = "6s")
    void maskWrite(byte[] input) {
        int nl = 0;
        while (nl < input.length && input[nl] != '\n') {
            nl++;
        }
        ApMask current = currentMask(Arrays.copyOf(input, nl));
        String written = nl < input.length
                ? new String(input, nl + 1, input.length - nl - 1, StandardCharsets.ISO_8859_1) : "";

        ApMask after;
        try {
            after = MaskEdit.applyWrite(written, current);
        } catch (MaskSyntaxException e) {
            FuzzInput.assertPrintableLine(e.getMessage());
            assertTrue(e.getMessage().length() <= FuzzInput.MAX_MESSAGE, e::getMessage);
            return;
        }
        if (MaskEdit.isRelative(written)) {
            MaskEdit edit = MaskEdit.parse(written);
            MaskEdit again = MaskEdit.parse(edit.isEmpty() ? "+0" : edit.toString());
            if (!edit.isEmpty()) {
                assertEquals(edit, again, "toString() reparses to other terms");
            }
            ApMask touched = ApMask.EMPTY;
            for (MaskEdit.Term t : edit.terms()) {
                touched = touched.union(ApMask.range(t.from(), t.to()));
            }
            // Outside the terms' ranges nothing changes.
            assertEquals(current.minus(touched), after.minus(touched));
        }
        MaskEdit back = MaskEdit.between(after, current);
        assertEquals(current, back.apply(after));
        if (!back.isEmpty()) {
            assertEquals(current, MaskEdit.parse(back.toString()).apply(after));
        }
    }

    /** The current mask: the first line as hex2bitmap() reads it, else its bytes as 32 mask bytes. */
    private static ApMask currentMask(byte[] line) {
        try {
            return ApMask.parseHex2Bitmap(new String(line, StandardCharsets.ISO_8859_1));
        } catch (MaskSyntaxException e) {
            return ApMask.fromBytes(Arrays.copyOf(line, 32), 0);
        }
    }
}
