package io.github.ap4j.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ap4j.BadInputException;
import io.github.ap4j.FuzzInput;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The replay table text format ({@link ReplayTable}, native/README.md), fuzzed. The bytes are
 * decoded one byte per character (ISO-8859-1), so NUL, non-UTF-8 bytes and CR reach the parser
 * as they are. Seeds: the good and malformed tables of the C tests
 * ({@code native/src/test/c/test_ap4j.c}) and the non-UTF-8 and NUL comments of issue 12.
 *
 * <p>Properties: a rejection is one {@link BadInputException} line naming the file (and line);
 * an accepted table holds at most {@link ReplayTable#MAX_RECORDS} records sorted by APQN, finds
 * each of them, and {@link ReplayTable#format()} parses back to an equal table.
 */
class ReplayTableFuzzTest {

    static final String SOURCE = "fuzz.replay";

    @FuzzTest(maxDuration = "6s")
    void parseTable(byte[] input) {
        ReplayTable t;
        try {
            t = ReplayTable.parse(new String(input, StandardCharsets.ISO_8859_1), SOURCE);
        } catch (BadInputException e) {
            FuzzInput.assertOneLineNaming(SOURCE, e);
            return;
        }
        assertTrue(t.records().size() <= ReplayTable.MAX_RECORDS);
        TapqRecord previous = null;
        for (TapqRecord r : t.records()) {
            if (previous != null) {
                assertTrue(previous.apqn().compareTo(r.apqn()) < 0, "records sorted, each APQN once");
            }
            assertTrue(r.conditionCode() >= 0 && r.conditionCode() <= 3);
            assertEquals(Optional.of(r), t.find(r.apqn()));
            previous = r;
        }
        assertEquals(t, ReplayTable.parse(t.format(), "formatted"));
    }
}
