// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.Apqn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared replay corpus (native/src/test/replay-corpus/README.md) through JNA: every valid
 * table parses, every invalid one is refused with exactly its expected line. The C fuzz harness
 * starts from the same files.
 */
class ReplayCorpusTest {

    static final Path CORPUS = Path.of("../../native/src/test/replay-corpus");

    static Stream<Path> valid() throws IOException {
        return files("valid");
    }

    static Stream<Path> invalid() throws IOException {
        return files("invalid");
    }

    private static Stream<Path> files(String dir) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(CORPUS.resolve(dir))) {
            all = s.filter(p -> p.toString().endsWith(".replay")).sorted().toList();
        }
        assertFalse(all.isEmpty(), "no corpus in " + CORPUS.resolve(dir));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validTablesParseAndFormatBackToAnEqualTable(Path file) throws Exception {
        ReplayTable t = ReplayTable.parse(Files.readAllBytes(file), "f");

        assertEquals(t, ReplayTable.parse(t.format(), "formatted"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidTablesAreRefusedWithTheExpectedLine(Path file) throws Exception {
        String name = file.getFileName().toString();
        Path expected = file.resolveSibling(name.substring(0, name.length() - ".replay".length()) + ".expected");
        String want = Files.readString(expected, StandardCharsets.UTF_8).strip();

        BadInputException e = assertThrows(BadInputException.class,
                () -> ReplayTable.parse(Files.readAllBytes(file), "f"));

        assertEquals(want, e.getMessage());
        assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), "escaped: " + e.getMessage());
    }

    @Test
    void theRecordedHostHasTheFixtureQueuesAndItsQciBlock() throws Exception {
        ReplayTable t = ReplayTable.read(CORPUS.resolve("valid/host-with-qci.replay"));

        assertEquals(Fixtures.table().records(), t.records());
        assertEquals(io.github.ap4j.model.ApMask.of(5), t.qci().orElseThrow().adapters());
        assertEquals(io.github.ap4j.model.ApMask.of(0x33), t.qci().orElseThrow().controlDomains());
        ReplayTable crlf = ReplayTable.read(CORPUS.resolve("valid/crlf-tabs-no-final-newline.replay"));
        assertEquals(List.of(Apqn.parse("05.0033"), Apqn.parse("ff.00ff")),
                crlf.records().stream().map(TapqRecord::apqn).toList());
        assertEquals(Fixtures.CEX7_CCA, crlf.records().get(0));
    }
}
