package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void outIsRequired() {
        CliRun r = CliRun.of("capture", "--sysfs", SOURCE.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Missing required option: '--out=PATH'"), r.err());
    }
}
