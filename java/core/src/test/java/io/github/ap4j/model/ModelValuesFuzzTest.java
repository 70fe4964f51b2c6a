// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ap4j.FuzzInput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.condition.DisabledOnOs;

/**
 * The value parsers of package {@code model} that read text from users and files: {@link ApMask}
 * (strict sysfs form and the kernel's {@code hex2bitmap()}), {@link Apqn}, {@link ApMatrix},
 * {@link ConfigInfo}, {@link QueueStatus}, {@link QueueHwInfo}. The input's first line picks the
 * parser (see {@link FuzzInput}); the text is decoded as UTF-8, as these parsers also read
 * command-line arguments ({@code ap4j decode}).
 *
 * <p>Properties: a rejection is an {@link IllegalArgumentException} (the type these parsers
 * document) whose message is one printable line; an accepted text is a form the value's
 * {@code toString} prints, and {@code parse(toString())} gives the value back.
 */
@DisabledOnOs(architectures = "s390x", disabledReason = FuzzInput.NOT_ON_S390X)
class ModelValuesFuzzTest {

    enum Parser {
        MASK("mask", ModelValuesFuzzTest::mask),
        HEX2BITMAP("hex2bitmap", ModelValuesFuzzTest::hex2bitmap),
        APQN("apqn", ModelValuesFuzzTest::apqn),
        MATRIX("matrix", ModelValuesFuzzTest::matrix),
        QCI("qci", ModelValuesFuzzTest::qci),
        STATUS("status", ModelValuesFuzzTest::status),
        HWINFO("hwinfo", ModelValuesFuzzTest::hwinfo);

        final String label;
        final Consumer<String> check;

        Parser(String label, Consumer<String> check) {
            this.label = label;
            this.check = check;
        }
    }

    @FuzzTest(maxDuration = "6s")
    void everyValueParser(byte[] input) {
        // UTF-8: these parsers also read command-line arguments, which can hold any character.
        FuzzInput.Picked<Parser> p = FuzzInput.pick(input, List.of(Parser.values()), x -> x.label,
                StandardCharsets.UTF_8);
        try {
            p.format().check.accept(p.text());
        } catch (IllegalArgumentException e) {
            FuzzInput.assertPrintableLine(e.getMessage());
            assertTrue(e.getMessage().length() <= FuzzInput.MAX_MESSAGE, e::getMessage);
        }
    }

    static void mask(String text) {
        ApMask m = ApMask.parse(text);
        assertTrue(m.toString().equalsIgnoreCase(Hex.stripNewline(text)), () -> "not 0x+64: " + text);
        assertEquals(m, ApMask.parse(m.toString()));
        assertEquals(m, ApMask.fromBytes(m.toBytes(), 0));
        assertEquals(m, ApMask.of(m.ids().toArray()));
        assertEquals(m.cardinality(), m.ids().count());
        assertEquals(m.isEmpty() ? -1 : m.ids().max().getAsInt(), m.highestId());
    }

    /** {@code hex2bitmap()}: optional 0x or x, up to 64 hex digits from id 0, one optional newline. */
    private static final Pattern HEX2BITMAP = Pattern.compile("(?:0?x)?([0-9a-fA-F]{0,64})\n?");

    static void hex2bitmap(String text) {
        java.util.regex.Matcher k = HEX2BITMAP.matcher(text);
        ApMask m;
        try {
            m = ApMask.parseHex2Bitmap(text);
        } catch (MaskSyntaxException e) {
            assertTrue(!k.matches(), () -> "-EINVAL for a text hex2bitmap() reads: " + text);
            throw e;
        }
        assertTrue(k.matches(), () -> "accepted a text hex2bitmap() rejects: " + text);
        String digits = k.group(1);
        assertEquals(ApMask.parse("0x" + digits + "0".repeat(64 - digits.length())), m);
    }

    static void apqn(String text) {
        Apqn q = Apqn.parse(text);
        assertTrue(q.toString().equalsIgnoreCase(text), () -> "not AA.DDDD: " + text);
        assertEquals(q, Apqn.ofQid(q.qid()));
        assertTrue(q.domain() <= Apqn.MAX_ID);
    }

    static void matrix(String text) {
        ApMatrix m = ApMatrix.parse(text);
        String form = m.toString();
        String given = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        assertTrue(form.equalsIgnoreCase(given), () -> "not the kernel's form: " + text);
        assertEquals(m, ApMatrix.parse(form));
        assertEquals(m.size(), m.apqns().size());
    }

    static void qci(String text) {
        ConfigInfo c = ConfigInfo.parse(text);
        byte[] b = c.toBytes();
        assertEquals(ConfigInfo.SIZE, b.length);
        assertEquals(c, ConfigInfo.of(b));
        StringBuilder hex = new StringBuilder();
        for (byte x : b) {
            hex.append(String.format("%02x", x & 0xff));
        }
        assertEquals(c, ConfigInfo.parse(hex.toString()));
        assertArrayEquals(b, ConfigInfo.parse(hex.toString()).toBytes());
    }

    /** The status word (up to 8 hex digits) or a whole GR1 (16), whose low 32 bits it is. */
    private static final Pattern STATUS = Pattern.compile("(?:0[xX])?([0-9a-fA-F]{1,8}|[0-9a-fA-F]{16})\n?");

    static void status(String text) {
        java.util.regex.Matcher k = STATUS.matcher(text);
        QueueStatus s;
        try {
            s = QueueStatus.parse(text);
        } catch (IllegalArgumentException e) {
            assertTrue(!k.matches(), () -> "rejected a status word: " + FuzzInput.printable(text));
            throw e;
        }
        assertTrue(k.matches(), () -> "accepted digits that are neither form: " + FuzzInput.printable(text));
        assertEquals((int) Long.parseUnsignedLong(k.group(1), 16), s.word());
        assertEquals(s, QueueStatus.parse(s.toString()));
    }

    /** {@code 0x<8 digits>,at=<decimal type>}: the type as ASCII decimal digits. */
    private static final Pattern WITH_TYPE = Pattern.compile("(?:0[xX])?[0-9a-fA-F]{1,8},at=([0-9]{1,3})");

    static void hwinfo(String text) {
        QueueHwInfo h = QueueHwInfo.parse(text);
        assertEquals(h, QueueHwInfo.parse(h.toString()));
        if (text.contains(",at=")) {
            java.util.regex.Matcher k = WITH_TYPE.matcher(text);
            assertTrue(k.matches(), () -> "accepted a type that is not ASCII decimal: " + FuzzInput.printable(text));
            assertEquals(Integer.parseInt(k.group(1)), h.rawType());
        }
    }
}
