// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ap4j.BadInputException;
import io.github.ap4j.FuzzInput;
import java.util.Optional;
import org.junit.jupiter.api.condition.DisabledOnOs;

/**
 * The replay table text format ({@link ReplayTable}, docs/native.md), fuzzed through the
 * shim's parser, the only one: the bytes go to {@link ReplayTable#parse(byte[], String)} as they
 * are, so NUL, non-UTF-8 bytes and CR reach it unchanged. Seeds: the good and malformed tables of the C tests
 * ({@code native/src/test/c/test_ap4j.c}) and the non-UTF-8 and NUL comments of issue 12.
 *
 * <p>Properties: a rejection is one {@link BadInputException} line naming the file (and line);
 * an accepted table holds at most {@link ReplayTable#MAX_RECORDS} records sorted by APQN, finds
 * each of them, and {@link ReplayTable#format()} parses back to an equal table.
 */
@DisabledOnOs(architectures = "s390x", disabledReason = FuzzInput.NOT_ON_S390X)
class ReplayTableFuzzTest {

    static final String SOURCE = "fuzz.replay";

    @FuzzTest(maxDuration = "6s")
    void parseTable(byte[] input) {
        ReplayTable t;
        try {
            t = ReplayTable.parse(input, SOURCE);
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
