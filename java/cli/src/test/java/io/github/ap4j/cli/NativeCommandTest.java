// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.ConfigInfo;
import io.github.ap4j.natives.NativeAp;
import io.github.ap4j.natives.ReplayTable;
import io.github.ap4j.natives.TapqRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeCommandTest {

    @Test
    void withoutPqapItReportsWhyAndExits3() {
        // No machine this suite runs on (x86, or s390x under qemu-user) lets a user process
        // execute PQAP (docs/s390x-emulation.md), so the layer is unavailable with a reason.
        String reason = NativeAp.unavailabilityCause().orElseThrow().getMessage();
        CliRun r = CliRun.of("native");
        assertEquals(3, r.exitCode());
        assertEquals("ap4j native: " + reason + System.lineSeparator(), r.err());
        assertTrue(r.out().contains("architecture      " + System.getProperty("os.arch") + " ("
                + NativeAp.platformPrefix() + ")"), r.out());
        assertTrue(r.out().contains("libap4j           loaded"), r.out());
        assertTrue(r.out().contains("hardware          " + reason), r.out());
    }

    @Test
    void replayTableIsAnsweredThroughTheShim(@TempDir Path dir) throws Exception {
        ConfigInfo qci = ConfigInfo.of(0xE0000000, 0xff, 0x54, ApMask.of(5), ApMask.of(0x33, 0x34),
                ApMask.of(0x33));
        ReplayTable t = ReplayTable.of(List.of(
                new TapqRecord(Apqn.parse("05.0033"), 0, 0x80000000L, 0xF28000000E550007L),
                new TapqRecord(Apqn.parse("05.0034"), 3, 0x00030000L, 0x928000000E550007L)),
                Optional.of(qci));
        Path file = dir.resolve("host.replay");
        t.write(file);

        CliRun json = CliRun.of("native", "--replay", file.toString(), "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"usageDomains\" : [ 51, 52 ]"), json.out());
        assertTrue(json.out().contains("\"gr2\" : \"0xF28000000E550007\""), json.out());
        assertTrue(json.out().contains("\"responseName\" : \"DECONFIGURED\""), json.out());
        assertTrue(json.out().contains("\"typeName\" : \"CEX8\""), json.out());
        assertTrue(json.out().contains("\"queueDepth\" : 8"), json.out());

        CliRun text = CliRun.of("native", "--replay", file.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains(
                "05.0033  0   NORMAL               0xF28000000E550007 CCA    CEX8   SMCD--N-F- USABLE"),
                text.out());
        assertTrue(text.out().contains(
                "05.0034  3   DECONFIGURED         0x928000000E550007 CCA    CEX8   S--D--N-F- USABLE"),
                text.out());
        assertTrue(text.out().contains("QCI               features APSC APXA QACT, adapters [5]"),
                text.out());
    }

    @Test
    void badReplayFileIsOneLineExit2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.replay");
        Files.writeString(file, "tapq 05.0033 0 0x0 0xZZ\n");
        CliRun r = CliRun.of("native", "--replay", file.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("ap4j native: " + file + ":1: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());

        CliRun missing = CliRun.of("native", "--replay", dir.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("ap4j native: " + dir.resolve("nope") + ": no such file"
                + System.lineSeparator(), missing.err());

        // Case 3: a FIFO is refused by its type instead of hanging.
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliRun f = CliRun.of("native", "--replay", fifo.toString());
        assertEquals(2, f.exitCode());
        assertEquals("ap4j native: " + fifo + ": not a regular file (a FIFO); ap4j reads only "
                + "regular files" + System.lineSeparator(), f.err());
    }
}
