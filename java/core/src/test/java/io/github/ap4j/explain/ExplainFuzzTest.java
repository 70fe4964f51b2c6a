// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ap4j.FuzzInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.condition.DisabledOnOs;

/**
 * Pasted log text, fuzzed through {@link LogInput} and {@link Explainer} (the parser of
 * {@code ap4j explain}: prefixes, wrapped lines, every kernel, libvirt and QEMU message form).
 * Seeds: the vfio-ap.rst failure tables' messages and other kernel texts of
 * {@link ExplainerTest}, pasted as dmesg, journal and syslog lines, CRLF and wrapped at 80
 * columns.
 *
 * <p>Properties: any bytes are explained without an exception (only an mdev filter or snapshots
 * can be bad input, and none is given); each diagnosis uses only lines of the input, names a
 * UUID or nothing, and has an explanation and a fix that are printable text (no byte of the log
 * reaches the terminal unescaped); the same lines give the same report.
 */
@DisabledOnOs(architectures = "s390x", disabledReason = FuzzInput.NOT_ON_S390X)
class ExplainFuzzTest {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @FuzzTest(maxDuration = "6s")
    void explainLog(byte[] input) throws IOException {
        List<String> lines = LogInput.read(new ByteArrayInputStream(input), "fuzz.log");
        ExplainReport r = Explainer.explain(lines);
        // A diagnosis quotes its lines as given, without the CR of a CRLF line end.
        Set<String> given = new HashSet<>();
        for (String l : lines) {
            given.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        }
        assertTrue(r.unrecognised() >= 0 && r.unrecognised() <= lines.size());
        for (Diagnosis d : r.diagnoses()) {
            assertFalse(d.lines().isEmpty(), "a diagnosis without lines");
            for (String l : d.lines()) {
                assertTrue(given.contains(l), () -> "not an input line: " + FuzzInput.printable(l));
            }
            assertTrue(d.mdev() == null || UUID.matcher(d.mdev()).matches(),
                    () -> "mdev " + FuzzInput.printable(d.mdev()));
            assertFalse(d.explanation().isBlank());
            assertFalse(d.fix().isBlank());
            printable(d.explanation());
            printable(d.fix());
        }
        assertEquals(r, Explainer.explain(lines));
    }

    /** Printable text: lines of printable ASCII or the typographic characters Wording uses. */
    private static void printable(String text) {
        for (String l : text.split("\n", -1)) {
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                assertTrue(c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0),
                        () -> "control character in: " + FuzzInput.printable(text));
            }
        }
    }
}
