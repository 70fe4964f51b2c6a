// SPDX-License-Identifier: Apache-2.0
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

/** {@code ap4j show} on the shipped example hosts and on bad input. */
class ShowCommandTest {

    static final Path EXAMPLES = ExampleHostsTest.EXAMPLES;

    @TempDir
    Path tmp;

    static String expected(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/expected", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"source-host", "target-ok", "target-bad"})
    void textOfEachExample(String host) throws IOException {
        CliRun r = CliRun.of("show", "--fixture", EXAMPLES.resolve(host).toString());
        assertEquals("", r.err());
        assertEquals(0, r.exitCode());
        assertEquals(expected("show-" + host + ".txt"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"source-host", "target-ok", "target-bad"})
    void jsonOfEachExample(String host) throws IOException {
        CliRun r = CliRun.of("show", "--fixture", EXAMPLES.resolve(host).toString(), "--format", "json");
        assertEquals("", r.err());
        assertEquals(0, r.exitCode());
        assertEquals(expected("show-" + host + ".json"), r.out());
    }

    @Test
    void sysfsOptionReadsTheSameTreeAsSysfs() {
        CliRun r = CliRun.of("show", "--sysfs", EXAMPLES.resolve("source-host").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("source   SYSFS " + EXAMPLES.resolve("source-host")), r.out());
    }

    @Test
    void sysfsSlashSysIsTheLiveTreeAsWithoutOptions() {
        // Issue 12 case 6: "show" and "show --sysfs /sys" name one tree ($SYSFS_ROOT or /sys), so
        // they answer alike on every machine: the same host, or the same "no AP bus" (exit 3).
        CliRun live = CliRun.of("show");
        CliRun named = CliRun.of("show", "--sysfs", "/sys");
        assertEquals(live.exitCode(), named.exitCode(), named.err());
        assertEquals(live.err(), named.err());
        assertEquals(live.out(), named.out());
        if (live.exitCode() != 0) {
            assertEquals(ExitCode.UNAVAILABLE, live.exitCode(), live.err());
        }
    }

    /** A copy of source-host (links kept) with one file replaced. */
    private Path brokenCopy(String rel, String text) throws IOException {
        Path dst = tmp.resolve("host");
        Process p = new ProcessBuilder("cp", "-a", EXAMPLES.resolve("source-host").toString(),
                dst.toString()).inheritIO().start();
        try {
            assertEquals(0, p.waitFor());
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        Files.writeString(dst.resolve(rel), text);
        return dst;
    }

    @Test
    void badAttributeIsOneLineExit2() throws IOException {
        Path host = brokenCopy("devices/ap/card05/05.0033/ap_functions", "0x9280\n");
        CliRun r = CliRun.of("show", "--fixture", host.toString());
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals("ap4j show: " + host + "/devices/ap/card05/05.0033/ap_functions: not a 32-bit "
                + "function word (expected 0x and 8 hex digits): '0x9280\\n'" + System.lineSeparator(),
                r.err());
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path host = brokenCopy("devices/ap/card06/raw_hwtype", "thirteen\n");
        CliRun r = CliRun.of("show", "--verbose", "--fixture", host.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("ap4j show: " + host + "/devices/ap/card06/raw_hwtype: not a "
                + "decimal number: 'thirteen\\n'" + System.lineSeparator()), r.err());
        assertTrue(r.err().contains("at io.github.ap4j.internal.sysfs.SysfsFormats.parseInt"), r.err());
    }

    @Test
    void corruptArchiveIsOneLineExit2() throws IOException {
        Path bad = tmp.resolve("host.tar.gz");
        Files.writeString(bad, "not gzip");
        CliRun r = CliRun.of("show", "--fixture", bad.toString());
        assertEquals(2, r.exitCode());
        assertEquals("ap4j show: " + bad + ": corrupt or truncated .tar.gz: Not in GZIP format"
                + System.lineSeparator(), r.err());
    }

    @Test
    void missingFixture() {
        CliRun r = CliRun.of("show", "--fixture", tmp.resolve("nope").toString());
        assertEquals(2, r.exitCode());
        assertEquals("ap4j show: " + tmp.resolve("nope") + ": no such file or directory"
                + System.lineSeparator(), r.err());
    }

    @Test
    void sourcesAreExclusive() {
        CliRun r = CliRun.of("show", "--fixture", "a", "--sysfs", "b");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("mutually exclusive"), r.err());
    }

    @Test
    void lszcryptFormatIsTheFormattersText() {
        Path host = EXAMPLES.resolve("source-host");
        CliRun r = CliRun.of("show", "--fixture", host.toString(), "--format", "lszcrypt");
        assertEquals("", r.err());
        assertEquals(0, r.exitCode());
        assertEquals(io.github.ap4j.internal.lszcrypt.LszcryptFormatter.format(
                io.github.ap4j.internal.SnapshotSources.open(host.toString())), r.out());
        assertTrue(r.out().startsWith("CARD.DOM TYPE  MODE"), r.out());
    }

    @Test
    void nativeIsUnavailableWherePqapTraps() {
        // x86 (unsupported architecture) and s390x under qemu-user (SIGILL in the probe child)
        // alike: a user process cannot execute PQAP (docs/s390x-emulation.md).
        String reason = io.github.ap4j.natives.NativeAp.unavailabilityCause().orElseThrow()
                .getMessage();
        CliRun r = CliRun.of("show", "--native");
        assertEquals(3, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals("ap4j show: " + reason + System.lineSeparator(), r.err());
    }

    /**
     * Case 14: a published plain-lszcrypt capture (core's lszcrypt-captures/README.md names the
     * source) shows the mode its MODE column and TYPE state; the functions it does not show
     * stay null.
     */
    @Test
    void lszcryptCaptureShowsTheStatedMode() throws Exception {
        CliRun r = CliRun.of("show", "--lszcrypt",
                "../core/src/test/resources/lszcrypt-captures/cex6p-ep11-request-cnt.txt",
                "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        var card = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out())
                .get("cards").get(0);
        assertEquals("08", card.get("id").asText());
        assertEquals("CEX6P", card.get("type").asText());
        assertEquals("EP11", card.get("mode").asText());
        assertTrue(card.get("functions").isNull());
    }

    /** Case 8: a file that is not a listing is never echoed, not even in part. */
    @Test
    void aTargetThatIsNotAListingIsNotEchoed(@TempDir Path tmp)
            throws Exception {
        Path shadow = tmp.resolve("shadow");
        Files.writeString(shadow, "root:$y$j9T$secrethash:19700:0:99999:7:::\n");
        CliRun r = CliRun.of("check", "--source", "../examples/source-host", "--target",
                shadow.toString(), "--mdev", ExampleHosts.UUID);
        assertEquals(5, r.exitCode(), r.err());
        assertFalse(r.out().contains("secrethash"), r.out());
        assertTrue(r.out().contains("cannot read the target: " + shadow + " line 1: not an lszcrypt "
                + "listing"), r.out());
    }
}
