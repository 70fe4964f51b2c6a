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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The replay text format in Java, and its agreement with the C parser. */
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
        assertEquals("f:2: APQN 05.0033 appears twice", e.getMessage());
    }

    @Test
    void readAndWriteUseTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.replay");
        Fixtures.table().write(f);

        assertEquals(Fixtures.table(), ReplayTable.read(f));
        assertEquals(Fixtures.table().format(), Files.readString(f, StandardCharsets.UTF_8));
    }

    /**
     * The same malformed text is rejected by the Java parser and by the C parser, at the same
     * line. {@code |} stands for a newline. C message first word(s) follow "line N: ".
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "apqn too short; tapq 5.0033 0 " + Z16 + " " + Z16 + "; 1; bad APQN '5.0033' (want AA.DDDD, domain <= 00ff)",
        "domain above 00ff; #|tapq 05.0100 0 " + Z16 + " " + Z16 + "; 2; bad APQN '05.0100' (want AA.DDDD, domain <= 00ff)",
        "cc 4; tapq 05.0033 4 " + Z16 + " " + Z16 + "; 1; bad condition code '4' (want 0..3)",
        "gr1 without 0x; tapq 05.0033 0 0000000000000000 " + Z16 + "; 1; bad gr1 '0000000000000000' (want 0x + 16 hex digits)",
        "gr2 15 digits; tapq 05.0033 0 " + Z16 + " 0x000000000000000; 1; bad gr2 '0x000000000000000' (want 0x + 16 hex digits)",
        "non-ASCII digit; tapq 05.0033 0 " + Z16 + " 0x000000000000000\uFF11; 1; bad gr2 '0x000000000000000\\uff11' (want 0x + 16 hex digits)",
        "extra token; tapq 05.0033 0 " + Z16 + " " + Z16 + " x; 1; expected 'tapq AA.DDDD <cc> 0x<gr1> 0x<gr2>'",
        "missing token; ||tapq 05.0033 0 " + Z16 + "; 3; expected 'tapq AA.DDDD <cc> 0x<gr1> 0x<gr2>'",
        "unknown keyword; nqap 05.0033; 1; unknown keyword 'nqap'",
        "short qci; qci c000; 1; qci block has 4 hex digits, not 256",
        "qci with 0x; qci 0x" + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000; 1; qci block: bad hex digit at 2",
    })
    void javaAndCRejectTheSameLines(String name, String content, int line, String message,
            @TempDir Path dir) throws Exception {
        String text = content.replace('|', '\n') + "\n";

        BadInputException java = assertThrows(BadInputException.class, () -> ReplayTable.parse(text, "f"));
        assertEquals("f:" + line, java.source(), name);

        Path file = dir.resolve("bad.replay");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        ApShim shim = NativeAp.shim();
        NativeCallException c = assertThrows(NativeCallException.class, () -> shim.replayLoadFile(file));
        assertEquals(NativeError.PARSE, c.error(), name);
        assertEquals(line, c.failure().line(), name);
        assertTrue(c.failure().message().startsWith("line " + line + ": "), c.failure().message());
        assertTrue(java.getMessage().endsWith(message), java.getMessage());
    }

    @Test
    void overlongLineIsRejectedByBoth(@TempDir Path dir) throws Exception {
        String text = "# ok\n#" + "x".repeat(ReplayTable.MAX_LINE) + "\n";

        BadInputException java = assertThrows(BadInputException.class, () -> ReplayTable.parse(text, "f"));
        assertEquals("f:2: longer than 318 characters", java.getMessage());
        Path file = dir.resolve("long.replay");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        NativeCallException c = assertThrows(NativeCallException.class,
                () -> NativeAp.shim().replayLoadFile(file));
        assertEquals("line 2: longer than 318 characters", c.failure().message());

        // one character less is fine for both
        String ok = "#" + "x".repeat(ReplayTable.MAX_LINE - 1) + "\n";
        assertEquals(0, ReplayTable.parse(ok, "f").records().size());
        Files.writeString(file, ok, StandardCharsets.UTF_8);
        NativeAp.shim().replayLoadFile(file);
        NativeAp.shim().replayClear();
    }
}
