// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.Apqn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay text format: written by Java, read by the shim's parser (the only one). */
class ReplayTableTest {

    private static final String Z16 = "0x0000000000000000";

    @Test
    void formatIsTheDocumentedTextAndParsesBack() {
        ReplayTable t = ReplayTable.of(List.of(Fixtures.CEX7_CCA, Fixtures.DECONFIGURED), Optional.empty());

        String text = t.format();

        assertEquals("# ap4j replay table: qci <256 hex>, tapq AA.DDDD <cc> 0x<gr1> 0x<gr2>\n"
                + "tapq 02.0010 3 0x0000000000030000 0x0000000000000000\n"
                + "tapq 05.0033 0 0x0000000081000000 0x128000000d550307\n", text);
        assertEquals(t, ReplayTable.parse(text, "t"));
    }

    @Test
    void qciLineIsTheBlockInStorageOrder() {
        String text = Fixtures.table().format();
        String qciLine = text.lines().filter(l -> l.startsWith("qci ")).findFirst().orElseThrow();

        assertEquals(4 + 256, qciLine.length());
        assertTrue(qciLine.startsWith("qci c00000003fff"), qciLine);
        assertEquals(Fixtures.table(), ReplayTable.parse(text, "t"));
    }

    @Test
    void commentsBlankLinesTabsCrLfAndNoFinalNewlineAreAccepted() {
        ReplayTable t = ReplayTable.parse("# c\n\n   # indented\r\n"
                + "tapq\t05.0033  0\t0x0000000081000000 0X128000000D550307  \r\n"
                + "tapq ff.00ff 3 0x0000000000030000 " + Z16, "t");

        assertEquals(List.of(Apqn.parse("05.0033"), Apqn.parse("ff.00ff")),
                t.records().stream().map(TapqRecord::apqn).toList());
        assertEquals(Optional.of(Fixtures.CEX7_CCA), t.find(Apqn.parse("05.0033")));
        assertEquals(Optional.empty(), t.find(Apqn.parse("05.0034")));
        assertEquals(Optional.empty(), t.qci());
    }

    @Test
    void duplicateApqnIsRejectedByOfAndByParse() {
        assertThrows(IllegalArgumentException.class,
                () -> ReplayTable.of(List.of(Fixtures.CEX7_CCA, Fixtures.CEX7_CCA), Optional.empty()));
        String line = "tapq 05.0033 0 " + Z16 + " " + Z16 + "\n";
        BadInputException e = assertThrows(BadInputException.class,
                () -> ReplayTable.parse(line + line, "f"));
        assertEquals("f:2", e.source());
        assertEquals("f:2: APQN 05.0033 appears twice (first on line 1)", e.getMessage());
    }

    @Test
    void readAndWriteUseTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.replay");
        Fixtures.table().write(f);

        assertEquals(Fixtures.table(), ReplayTable.read(f));
        assertEquals(Fixtures.table().format(), Files.readString(f, StandardCharsets.UTF_8));
    }

    /** Issue 12 case 9: a comment that is not UTF-8 is accepted (the text is bytes). */
    @Test
    void aCommentThatIsNotUtf8IsAccepted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.replay");
        byte[] comment = {'#', ' ', 'c', 'a', 'f', (byte) 0xe9, ' ', (byte) 0x80, (byte) 0xff, '\n'};
        byte[] line = ("tapq 05.0033 0 0x0000000081000000 0x128000000d550307\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[comment.length + line.length];
        System.arraycopy(comment, 0, all, 0, comment.length);
        System.arraycopy(line, 0, all, comment.length, line.length);
        Files.write(f, all);

        assertEquals(List.of(Fixtures.CEX7_CCA), ReplayTable.read(f).records());
    }

    /** Issue 12 case 9: a NUL byte is refused everywhere, also in a comment, with its line. */
    @Test
    void aNulByteIsRefusedWithItsLine() {
        byte[] text = "# one\n# two \0 hidden\n".getBytes(StandardCharsets.US_ASCII);

        BadInputException e = assertThrows(BadInputException.class, () -> ReplayTable.parse(text, "f"));

        assertEquals("f:2: NUL byte", e.getMessage());
    }

    @Test
    void theFileReadersBoundIsTheShimsBound() {
        assertEquals(io.github.ap4j.internal.io.InputLimit.REPLAY_TABLE.maxBytes(), ReplayTable.MAX_BYTES);
    }

    @Test
    void aTextAboveTheBoundIsRefusedBeforeTheShimSeesIt() {
        byte[] text = new byte[ReplayTable.MAX_BYTES + 1];

        BadInputException e = assertThrows(BadInputException.class, () -> ReplayTable.parse(text, "f"));

        assertEquals("f: replay table of 16777217 bytes is larger than the limit of 16777216", e.getMessage());
    }

    @Test
    void overlongLineIsRejectedAndOneByteLessIsFine() {
        String text = "# ok\n#" + "x".repeat(ReplayTable.MAX_LINE) + "\n";

        BadInputException e = assertThrows(BadInputException.class, () -> ReplayTable.parse(text, "f"));
        assertEquals("f:2: longer than 318 bytes", e.getMessage());

        String ok = "#" + "x".repeat(ReplayTable.MAX_LINE - 1) + "\n";
        assertEquals(0, ReplayTable.parse(ok, "f").records().size());
        // bytes, not characters: 106 three-byte characters are 318 bytes, 107 are 321
        assertEquals(0, ReplayTable.parse("#" + "\u2713".repeat(105) + "xx", "f").records().size());
        assertEquals("f:1: longer than 318 bytes", assertThrows(BadInputException.class,
                () -> ReplayTable.parse("#" + "\u2713".repeat(106), "f")).getMessage());
    }

    @Test
    void everyApqnOnceIsTheLargestTable() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ReplayTable.MAX_RECORDS; i++) {
            sb.append(String.format("tapq %02x.%04x 0 0x%016x 0x0000000000000000%n", i >> 8, i & 0xff, i));
        }
        ReplayTable all = ReplayTable.parse(sb.toString(), "f");
        assertEquals(ReplayTable.MAX_RECORDS, all.records().size());
        assertEquals(0xfe12L, all.find(Apqn.parse("fe.0012")).orElseThrow().gr1());

        sb.append("tapq 00.0000 0 0x0000000000000000 0x0000000000000000\n");
        assertEquals("f:65537: more than 65536 tapq lines",
                assertThrows(BadInputException.class, () -> ReplayTable.parse(sb.toString(), "f")).getMessage());
    }
}
