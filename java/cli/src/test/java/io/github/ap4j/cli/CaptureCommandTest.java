// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.internal.SnapshotSources;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ap4j capture}: a capture shows exactly like its source. */
class CaptureCommandTest {

    static final Path SOURCE = ExampleHostsTest.EXAMPLES.resolve("source-host");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"cap", "cap.tar.gz", "cap.tgz"})
    void captureShowsLikeTheSource(String name) throws IOException {
        Path out = tmp.resolve(name);
        CliRun r = CliRun.of("capture", "--sysfs", SOURCE.toString(), "--out", out.toString());
        assertEquals("", r.err());
        assertEquals(0, r.exitCode());
        assertTrue(r.out().matches("captured \\d+ files and 18 links from " + SOURCE + " to "
                + out + "\\R"), r.out());
        CliRun shown = CliRun.of("show", "--fixture", out.toString(), "--format", "json");
        assertEquals(0, shown.exitCode(), shown.err());
        assertEquals(ShowCommandTest.expected("show-source-host.json"), shown.out());
    }

    @Test
    void helpNamesOnlyOptionsThatExistAndEveryExitCode() {
        CliRun help = CliRun.of("capture", "--help");
        assertEquals(0, help.exitCode(), help.err());
        String text = help.out().replaceAll("\\s+", " ");
        // Every "ap4j CMD --a/--b" the help points to must name options CMD really has.
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("ap4j (\\w+) ((?:--[a-z-]+/?)+)").matcher(text);
        int mentions = 0;
        while (m.find()) {
            picocli.CommandLine cmd = Ap4j.commandLine(new String[] {m.group(1)}, null)
                    .getSubcommands().get(m.group(1));
            assertTrue(cmd != null, "no command " + m.group(1));
            for (String opt : m.group(2).split("/")) {
                assertTrue(cmd.getCommandSpec().findOption(opt) != null, m.group(1) + " " + opt);
                mentions++;
            }
        }
        assertTrue(mentions >= 3, text);
        for (String code : new String[] {"0", "2", "3", "4"}) {
            assertTrue(help.out().matches("(?s).*\\n\\s+" + code + "\\s.*"), "exit code " + code);
        }
    }

    @Test
    void existingOutputIsNotOverwritten() throws IOException {
        Path out = tmp.resolve("cap.tar.gz");
        Files.writeString(out, "keep me");
        CliRun r = CliRun.of("capture", "--sysfs", SOURCE.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertEquals("ap4j capture: " + out + ": already exists: not overwritten"
                + System.lineSeparator(), r.err());
        assertEquals("keep me", Files.readString(out));
    }

    @Test
    void missingSysfsRoot() {
        CliRun r = CliRun.of("capture", "--sysfs", tmp.resolve("nope").toString(), "--out",
                tmp.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertEquals("ap4j capture: " + tmp.resolve("nope") + ": no such file or directory"
                + System.lineSeparator(), r.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void outOrReplayIsRequired() {
        CliRun r = CliRun.of("capture", "--sysfs", SOURCE.toString());
        assertEquals(2, r.exitCode());
        assertEquals("ap4j capture: give --out, --replay or both" + System.lineSeparator(), r.err());
    }

    @Test
    void replayTableRecordsWhatPqapWouldAnswerAndFeedsTheNativeSource() {
        Path table = tmp.resolve("source.replay");
        CliRun r = CliRun.of("capture", "--fixture", SOURCE.toString(), "--replay", table.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("recorded 6 TAPQ answers and a QCI block to " + table + System.lineSeparator(),
                r.out());
        // The recorded words, answered by the C shim, decode to the same queue functions.
        HostSnapshot fixture = SnapshotSources.open(SOURCE.toString());
        HostSnapshot replayed = SnapshotSources.open(SnapshotSources.REPLAY + table);
        assertEquals(SourceKind.NATIVE, replayed.provenance().kind());
        assertEquals(fixture.queues().size(), replayed.queues().size());
        for (ApQueue q : fixture.queues()) {
            assertEquals(q.functions(), replayed.queue(q.apqn()).orElseThrow().functions(),
                    q.apqn().toString());
        }
        assertEquals(fixture.bus().usageDomains(), replayed.bus().usageDomains());

        CliRun again = CliRun.of("capture", "--fixture", SOURCE.toString(), "--replay", table.toString());
        assertEquals(2, again.exitCode());
        assertEquals("ap4j capture: " + table + ": already exists; not overwritten"
                + System.lineSeparator(), again.err());
    }
}
