// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.Mkvp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every format, good and bad, straight on the pure parsers. */
class SysfsFormatsTest {

    static final String F = "f";

    static String bad(Executable e) {
        return assertThrows(BadInputException.class, e).getMessage();
    }

    @ParameterizedTest
    @CsvSource({"0x92800000, -1837105152", "0x00000000, 0", "0xFFFFFFFF, -1", "0x88800000, -2004877312",
            "0xabcdef01, -1412567295"})
    void functions(String text, int value) {
        assertEquals(value, SysfsFormats.parseFunctions(F, text + "\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0x9280000|f: not a 32-bit function word (expected 0x and 8 hex digits): '0x9280000\\n'",
            "92800000|f: not a 32-bit function word (expected 0x and 8 hex digits): '92800000\\n'",
            "0x928000000|f: not a 32-bit function word (expected 0x and 8 hex digits): '0x928000000\\n'",
            "0x9280000g|f: not a 32-bit function word (expected 0x and 8 hex digits): '0x9280000g\\n'"})
    void badFunctions(String text, String message) {
        assertEquals(message, bad(() -> SysfsFormats.parseFunctions(F, text + "\n")));
    }

    @Test
    void functionsNeedTheNewline() {
        assertEquals("f: truncated (no trailing newline): '0x92800000'",
                bad(() -> SysfsFormats.parseFunctions(F, "0x92800000")));
        assertEquals("f: expected one line: '0x92800000\\n0x1\\n'",
                bad(() -> SysfsFormats.parseFunctions(F, "0x92800000\n0x1\n")));
    }

    @Test
    void decimal() {
        assertEquals(14, SysfsFormats.parseInt(F, "14\n"));
        assertEquals(-1, SysfsFormats.parseInt(F, "-1\n"));
        assertEquals("f: not a decimal number: ' 14\\n'", bad(() -> SysfsFormats.parseInt(F, " 14\n")));
        assertEquals("f: not a decimal number: '0x0e\\n'", bad(() -> SysfsFormats.parseInt(F, "0x0e\n")));
        assertEquals("f: number out of range: '9999999999\\n'",
                bad(() -> SysfsFormats.parseInt(F, "9999999999\n")));
    }

    @Test
    void unsignedCountersAndDash() {
        assertEquals(-1L, SysfsFormats.parseUnsignedLong(F, "18446744073709551615\n"));
        assertEquals(Attr.of(42L), SysfsFormats.parseRequestCount(F, "42\n"));
        assertEquals(Attr.notSupported(), SysfsFormats.parseRequestCount(F, "-\n"));
        assertEquals("f: not an unsigned decimal number: '-5\\n'",
                bad(() -> SysfsFormats.parseRequestCount(F, "-5\n")));
    }

    @Test
    void flags() {
        assertTrue(SysfsFormats.parseFlag(F, "1\n"));
        assertFalse(SysfsFormats.parseFlag(F, "0\n"));
        assertEquals("f: not a flag (expected 0 or 1): '2\\n'", bad(() -> SysfsFormats.parseFlag(F, "2\n")));
    }

    @Test
    void apDomain() {
        assertEquals(Attr.of(51), SysfsFormats.parseApDomain(F, "51\n"));
        assertEquals(Attr.notSupported(), SysfsFormats.parseApDomain(F, "-1\n"));
        assertEquals("f: domain out of range 0..255: '256\\n'",
                bad(() -> SysfsFormats.parseApDomain(F, "256\n")));
    }

    @Test
    void masks() {
        String m = "0x0000000000001020000000000000000000000000000000000000000000000000\n";
        assertEquals(ApMask.of(51, 58), SysfsFormats.parseMask(F, m));
        assertEquals(Attr.of(ApMask.of(51, 58)), SysfsFormats.parseQciMask(F, m));
        assertEquals(Attr.notSupported(), SysfsFormats.parseQciMask(F, "not supported\n"));
        assertEquals("f: not a 256-bit mask (expected 0x and 64 hex digits): '0x00\\n'",
                bad(() -> SysfsFormats.parseMask(F, "0x00\n")));
        assertEquals("f: truncated (no trailing newline): '" + m.trim() + "'",
                bad(() -> SysfsFormats.parseMask(F, m.trim())));
    }

    @Test
    void busFeatures() {
        assertEquals(Attr.of(List.of("APSC", "APXA", "QACT", "RC8A", "APSB")),
                SysfsFormats.parseBusFeatures(F, "APSC APXA QACT RC8A APSB\n"));
        assertEquals(Attr.notSupported(), SysfsFormats.parseBusFeatures(F, "-\n"));
        assertEquals(Attr.of(List.of()), SysfsFormats.parseBusFeatures(F, ""),
                "QCI without any flag reads as empty (docs/sysfs-formats.md)");
        assertEquals("f: not a space-separated feature list: 'APSC  APXA\\n'",
                bad(() -> SysfsFormats.parseBusFeatures(F, "APSC  APXA\n")));
    }

    @Test
    void matrixFeatures() {
        assertEquals(List.of("guest_matrix", "hotplug", "ap_config", "migratable"),
                SysfsFormats.parseMatrixFeatures(F, "guest_matrix hotplug ap_config migratable\n"));
        assertEquals("f: not a space-separated feature list: 'guest matrix!\\n'",
                bad(() -> SysfsFormats.parseMatrixFeatures(F, "guest matrix!\n")));
    }

    @Test
    void words() {
        assertEquals("CEX8C", SysfsFormats.parseWord(F, "CEX8C\n"));
        assertEquals("f: expected one word: 'CEX 8C\\n'", bad(() -> SysfsFormats.parseWord(F, "CEX 8C\n")));
        assertEquals("in use", SysfsFormats.parseVfioStatus(F, "in use\n"));
        assertEquals("unassigned", SysfsFormats.parseVfioStatus(F, "unassigned\n"));
        assertEquals("f: not a vfio_ap queue status: '42\\n'", bad(() -> SysfsFormats.parseVfioStatus(F, "42\n")));
    }

    @Test
    void seBindAndAssociate() {
        assertEquals(Attr.of("bound"), SysfsFormats.parseSeBind(F, "bound\n"));
        assertEquals(Attr.notSupported(), SysfsFormats.parseSeBind(F, "-\n"));
        assertEquals("f: not an SE bind state (bound, unbound or -): 'yes\\n'",
                bad(() -> SysfsFormats.parseSeBind(F, "yes\n")));
        assertEquals(Attr.of("associated 7"), SysfsFormats.parseSeAssociate(F, "associated 7\n"));
        assertEquals(Attr.of("association pending"), SysfsFormats.parseSeAssociate(F, "association pending\n"));
        assertEquals(Attr.notSupported(), SysfsFormats.parseSeAssociate(F, "-\n"));
        assertEquals("f: not an SE association state: 'associated x\\n'",
                bad(() -> SysfsFormats.parseSeAssociate(F, "associated x\n")));
    }

    @Test
    void ccaMkvps() {
        String t = "AES NEW: empty 0x0000000000000000\nAES CUR: valid 0x1234567890abcdef\n"
                + "AES OLD: invalid 0x0000000000000000\nAPKA NEW: - -\nAPKA CUR: valid 0xfedcba0987654321\n"
                + "APKA OLD: - -\nASYM CUR: valid 0x00112233445566778899aabbccddeeff\n";
        List<Mkvp> m = SysfsFormats.parseMkvps(F, t);
        assertEquals(7, m.size());
        assertEquals(new Mkvp("AES", "CUR", Attr.of("valid"), Attr.of("0x1234567890abcdef")), m.get(1));
        assertEquals(new Mkvp("APKA", "NEW", Attr.notSupported(), Attr.notSupported()), m.get(3));
        assertEquals("0x00112233445566778899aabbccddeeff", m.get(6).pattern().get());
    }

    @Test
    void ep11Mkvps() {
        String wk = "0x" + "0123456789abcdef".repeat(4);
        List<Mkvp> m = SysfsFormats.parseMkvps(F, "WK CUR: valid " + wk + "\nWK NEW: committed " + wk + "\n");
        assertEquals(new Mkvp("WK", "NEW", Attr.of("committed"), Attr.of(wk)), m.get(1));
        assertEquals(new Mkvp("WK", "CUR", Attr.of("invalid"), Attr.notSupported()),
                SysfsFormats.parseMkvps(F, "WK CUR: invalid -\n").get(0));
    }

    @Test
    void badMkvps() {
        assertEquals("f:2: not an mkvps line ('<TYPE> NEW|CUR|OLD: <state> <0x pattern>'): 'AES CUR valid 0x12'",
                bad(() -> SysfsFormats.parseMkvps(F, "AES NEW: - -\nAES CUR valid 0x12\n")));
        assertEquals("f: truncated (no trailing newline): 'AES NEW: - -'",
                bad(() -> SysfsFormats.parseMkvps(F, "AES NEW: - -")));
    }

    @Test
    void matrixForms() {
        assertEquals(Attr.of(ApMatrix.EMPTY), SysfsFormats.parseMatrix(F, ""));
        assertEquals(Attr.of(new ApMatrix(ApMask.of(5, 6), ApMask.of(0x33, 0x34))),
                SysfsFormats.parseMatrix(F, "05.0033\n05.0034\n06.0033\n06.0034\n"));
        assertEquals(Attr.of(new ApMatrix(ApMask.of(5, 6), ApMask.EMPTY)),
                SysfsFormats.parseMatrix(F, "05.\n06.\n"));
        assertEquals(Attr.of(new ApMatrix(ApMask.EMPTY, ApMask.of(0x33))),
                SysfsFormats.parseMatrix(F, ".0033\n"));
    }

    @Test
    void badMatrix() {
        assertEquals("f: truncated (no trailing newline): '05.00'",
                bad(() -> SysfsFormats.parseMatrix(F, "05.0033\n05.00")));
        assertEquals("f: matrix lines are not the full adapter x domain product in kernel order "
                + "(3 lines for 4 APQNs)",
                bad(() -> SysfsFormats.parseMatrix(F, "05.0033\n05.0034\n06.0033\n")));
    }

    @Test
    void matrixCutAtAPageIsUnknown() {
        String full = new ApMatrix(ApMask.range(0, 63), ApMask.range(0, 8)).toString();
        String cut = full.substring(0, SysfsFormats.PAGE_CUT);
        assertTrue(SysfsFormats.isCutAtPage(cut));
        assertFalse(SysfsFormats.isCutAtPage(full));
        assertEquals(Attr.unknown(), SysfsFormats.parseMatrix(F, cut));
    }

    @Test
    void controlDomains() {
        assertEquals(ApMask.of(0x33, 0x34), SysfsFormats.parseControlDomains(F, "0033\n0034\n"));
        assertEquals(ApMask.EMPTY, SysfsFormats.parseControlDomains(F, ""));
        assertEquals("f:2: not a control domain (expected 4 hex digits): '34'",
                bad(() -> SysfsFormats.parseControlDomains(F, "0033\n34\n")));
        assertEquals("f:2: control domain out of range or out of order: '0033'",
                bad(() -> SysfsFormats.parseControlDomains(F, "0034\n0033\n")));
        assertEquals("f:1: control domain out of range or out of order: '0100'",
                bad(() -> SysfsFormats.parseControlDomains(F, "0100\n")));
    }

    @Test
    void apConfig() {
        String a = ApMask.of(5) + "," + ApMask.of(0x33) + "," + ApMask.of(0x33);
        assertEquals(a, SysfsFormats.parseApConfig(F, a + "\n"));
        assertEquals(List.of(ApMask.of(5), ApMask.of(0x33), ApMask.of(0x33)), SysfsFormats.apConfigMasks(a));
        assertEquals("f: not three comma-separated masks (apm,aqm,adm): '0x00,0x00\\n'",
                bad(() -> SysfsFormats.parseApConfig(F, "0x00,0x00\n")));
        assertEquals("f: not a 256-bit mask (expected 0x and 64 hex digits): '0x00'",
                bad(() -> SysfsFormats.parseApConfig(F, ApMask.EMPTY + ",0x00," + ApMask.EMPTY + "\n")));
    }

    @Test
    void quoteEscapesControlAndNonAscii() {
        assertEquals("'a\\tb\\x00\\xff\\n\\u20ac'", BadInputException.quote("a\tb\0\u00ff\n\u20ac"));
        assertEquals("'" + "x".repeat(120) + "...'", BadInputException.quote("x".repeat(121)));
        assertEquals("'" + "x".repeat(120) + "'", BadInputException.quote("x".repeat(120)));
        // 200 NUL bytes: the excerpt is cut by its escaped length (30 escapes of 4), not after
        // 120 input characters (480), a length LszcryptImportFuzzTest found.
        assertEquals("'" + "\\x00".repeat(30) + "...'", BadInputException.quote("\0".repeat(200)));
        assertEquals("null", BadInputException.quote(null));
    }
}
