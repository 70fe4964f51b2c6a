// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ap4j.BadInputException;
import io.github.ap4j.FuzzInput;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.Mkvp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.condition.DisabledOnOs;

/**
 * Every sysfs attribute format of {@link SysfsFormats} (and the fixture marker), fuzzed. The
 * input's first line names the attribute (see {@link FuzzInput}); the seeds in
 * {@code SysfsFormatsFuzzTestInputs} are real attribute files from {@code java/examples}.
 *
 * <p>Properties, beyond "no other exception": a rejection is one {@link BadInputException}
 * line naming the file; an accepted text is the kernel's own printf form of the value parsed
 * (so formatting the value gives the text back, case aside where the parser allows either), and
 * parsing that form again gives the same value.
 */
@DisabledOnOs(architectures = "s390x", disabledReason = FuzzInput.NOT_ON_S390X)
class SysfsFormatsFuzzTest {

    static final String SOURCE = "fuzz/attr";

    enum Format {
        FUNCTIONS("ap_functions", SysfsFormatsFuzzTest::functions),
        INT("hwtype", SysfsFormatsFuzzTest::decimal),
        COUNTER("scans", SysfsFormatsFuzzTest::counter),
        REQUEST_COUNT("request_count", SysfsFormatsFuzzTest::requestCount),
        FLAG("online", SysfsFormatsFuzzTest::flag),
        AP_DOMAIN("ap_domain", SysfsFormatsFuzzTest::apDomain),
        MASK("apmask", SysfsFormatsFuzzTest::mask),
        QCI_MASK("ap_adapter_mask", SysfsFormatsFuzzTest::qciMask),
        BUS_FEATURES("features", SysfsFormatsFuzzTest::busFeatures),
        MATRIX_FEATURES("matrix/features", SysfsFormatsFuzzTest::matrixFeatures),
        WORD("type", SysfsFormatsFuzzTest::word),
        VFIO_STATUS("status", SysfsFormatsFuzzTest::vfioStatus),
        SE_BIND("se_bind", SysfsFormatsFuzzTest::seBind),
        SE_ASSOCIATE("se_associate", SysfsFormatsFuzzTest::seAssociate),
        MKVPS("mkvps", SysfsFormatsFuzzTest::mkvps),
        MATRIX("matrix", SysfsFormatsFuzzTest::matrix),
        CONTROL_DOMAINS("control_domains", SysfsFormatsFuzzTest::controlDomains),
        AP_CONFIG("ap_config", SysfsFormatsFuzzTest::apConfig),
        FIXTURE_MARKER(FixtureMarker.FILE_NAME, SysfsFormatsFuzzTest::fixtureMarker);

        final String attribute;
        final Consumer<String> check;

        Format(String attribute, Consumer<String> check) {
            this.attribute = attribute;
            this.check = check;
        }
    }

    @FuzzTest(maxDuration = "6s")
    void everyAttributeFormat(byte[] input) {
        FuzzInput.Picked<Format> p = FuzzInput.pick(input, List.of(Format.values()), f -> f.attribute);
        try {
            p.format().check.accept(p.text());
        } catch (BadInputException e) {
            FuzzInput.assertOneLineNaming(SOURCE, e);
        }
    }

    private static String line(String text) {
        assertTrue(text.endsWith("\n") && text.indexOf('\n') == text.length() - 1,
                () -> "accepted without being one line: " + FuzzInput.printable(text));
        return text.substring(0, text.length() - 1);
    }

    static void functions(String text) {
        int v = SysfsFormats.parseFunctions(SOURCE, text);
        String form = String.format("0x%08X\n", v);
        assertTrue(form.equalsIgnoreCase(text), () -> "not the kernel's form: " + text);
        assertEquals(v, SysfsFormats.parseFunctions(SOURCE, form));
    }

    static void decimal(String text) {
        int v = SysfsFormats.parseInt(SOURCE, text);
        assertEquals(v, Integer.parseInt(line(text)));
        assertEquals(v, SysfsFormats.parseInt(SOURCE, v + "\n"));
    }

    static void counter(String text) {
        long v = SysfsFormats.parseUnsignedLong(SOURCE, text);
        assertEquals(v, Long.parseUnsignedLong(line(text)));
        assertEquals(v, SysfsFormats.parseUnsignedLong(SOURCE, Long.toUnsignedString(v) + "\n"));
    }

    static void requestCount(String text) {
        Attr<Long> v = SysfsFormats.parseRequestCount(SOURCE, text);
        if (v.isPresent()) {
            counter(text);
        } else {
            assertEquals("-\n", text);
        }
    }

    static void flag(String text) {
        boolean v = SysfsFormats.parseFlag(SOURCE, text);
        assertEquals(v ? "1\n" : "0\n", text);
    }

    static void apDomain(String text) {
        Attr<Integer> v = SysfsFormats.parseApDomain(SOURCE, text);
        if (v.isPresent()) {
            assertTrue(v.get() >= 0 && v.get() <= 255, () -> "domain out of range: " + v.get());
            assertEquals(v.get(), Integer.parseInt(line(text)));
        } else {
            assertEquals(-1, Integer.parseInt(line(text)));
        }
    }

    static void mask(String text) {
        ApMask m = SysfsFormats.parseMask(SOURCE, text);
        assertTrue((m + "\n").equalsIgnoreCase(text), () -> "not the kernel's form: " + text);
        assertEquals(m, SysfsFormats.parseMask(SOURCE, m + "\n"));
    }

    static void qciMask(String text) {
        Attr<ApMask> m = SysfsFormats.parseQciMask(SOURCE, text);
        if (m.isPresent()) {
            mask(text);
        } else {
            assertEquals("not supported\n", text);
        }
    }

    static void busFeatures(String text) {
        Attr<List<String>> f = SysfsFormats.parseBusFeatures(SOURCE, text);
        if (!f.isPresent()) {
            assertEquals("-\n", text);
        } else if (f.get().isEmpty()) {
            assertEquals("", text);
        } else {
            assertEquals(text, String.join(" ", f.get()) + "\n");
        }
    }

    static void matrixFeatures(String text) {
        assertEquals(text, String.join(" ", SysfsFormats.parseMatrixFeatures(SOURCE, text)) + "\n");
    }

    static void word(String text) {
        assertEquals(text, SysfsFormats.parseWord(SOURCE, text) + "\n");
    }

    static void vfioStatus(String text) {
        assertEquals(text, SysfsFormats.parseVfioStatus(SOURCE, text) + "\n");
    }

    static void seBind(String text) {
        Attr<String> s = SysfsFormats.parseSeBind(SOURCE, text);
        assertEquals(text, (s.isPresent() ? s.get() : "-") + "\n");
    }

    static void seAssociate(String text) {
        Attr<String> s = SysfsFormats.parseSeAssociate(SOURCE, text);
        assertEquals(text, (s.isPresent() ? s.get() : "-") + "\n");
    }

    static void mkvps(String text) {
        StringBuilder sb = new StringBuilder();
        for (Mkvp m : SysfsFormats.parseMkvps(SOURCE, text)) {
            sb.append(m.keyType()).append(' ').append(m.register()).append(": ")
                    .append(m.state().isPresent() ? m.state().get() : "-").append(' ')
                    .append(m.pattern().isPresent() ? m.pattern().get() : "-").append('\n');
        }
        assertEquals(text, sb.toString());
    }

    static void matrix(String text) {
        Attr<ApMatrix> m = SysfsFormats.parseMatrix(SOURCE, text);
        if (!m.isPresent()) {
            assertTrue(SysfsFormats.isCutAtPage(text), "UNKNOWN only for a text cut at a page");
            return;
        }
        assertTrue(m.get().toString().equalsIgnoreCase(text), () -> "not the kernel's form: " + text);
        assertEquals(m, SysfsFormats.parseMatrix(SOURCE, m.get().toString()));
    }

    static void controlDomains(String text) {
        ApMask m = SysfsFormats.parseControlDomains(SOURCE, text);
        StringBuilder sb = new StringBuilder();
        m.forEachId(d -> sb.append(String.format("%04x\n", d)));
        assertTrue(sb.toString().equalsIgnoreCase(text), () -> "not the kernel's form: " + text);
    }

    static void apConfig(String text) {
        String s = SysfsFormats.parseApConfig(SOURCE, text);
        assertEquals(line(text), s);
        List<String> forms = new ArrayList<>();
        for (ApMask m : SysfsFormats.apConfigMasks(s)) {
            forms.add(m.toString());
        }
        assertEquals(3, forms.size());
        assertEquals(s.toLowerCase(Locale.ROOT), String.join(",", forms).toLowerCase(Locale.ROOT));
    }

    static void fixtureMarker(String text) {
        FixtureMarker m = FixtureMarker.parse(SOURCE, text);
        assertEquals(m, FixtureMarker.parse(SOURCE, m.toText()));
    }
}
