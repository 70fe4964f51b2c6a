// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static io.github.ap4j.cli.CheckHosts.UUID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
    static final String P = "vfio_ap_mdev " + UUID + ": ";
    static final String HEADER = "Dec 01 19:04:22 zhost2 kernel: " + P
            + "Migration failed: Source and target queue (05.0033) not compatible";
    static final String TYPE = "Dec 01 19:04:22 zhost2 kernel: " + P
            + "AP type of source (0e) not compatible with target (0d)";

    @TempDir
    Path dir;

    @BeforeEach
    void hosts() {
        CheckHosts.install();
    }

    @AfterEach
    void restore() {
        Snapshots.useOpener(null);
        ExplainCommand.stdin = System.in;
    }

    Path log(String... lines) throws Exception {
        Path p = dir.resolve("pasted-" + System.nanoTime() + ".log");
        Files.writeString(p, String.join("\r\n", lines) + "\r\n");
        return p;
    }

    @Test
    void textIsOneBlockPerDiagnosisPlainWordsFirst() throws Exception {
        Path p = log("[  5.1] systemd[1]: Started Session 3 of user root.", HEADER, TYPE);
        CliRun r = CliRun.of("explain", p.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertEquals("QUEUE_INCOMPATIBLE (queue 05.0033, mdev " + UUID + ", on the destination, "
                + "rules doc/v3)\n"
                + "  The destination's queue 05.0033 does not offer what the guest's source queue "
                + "offers: the source card is of AP type 14, newer than the destination's 13. "
                + "vfio_ap refused the migration because the guest could lose functions it was "
                + "using.\n"
                + "  Fix: Give the guest a destination queue whose card has the same facilities "
                + "and mode and the same or a newer AP type (a different adapter on the "
                + "destination, with the same adapter number on the source guest), or set the "
                + "destination card's mode on the HMC/SE to match.\n"
                + "  Check codes: HWINFO_INCOMPATIBLE\n"
                + "  AP_TYPE: source 14, destination 13\n"
                + "  Lines:\n"
                + "    " + HEADER + "\n"
                + "    " + TYPE + "\n", r.out());
    }

    @Test
    void jsonHasTheDocumentedKeysInOrder() throws Exception {
        CliRun r = CliRun.of("explain", "--format", "json", log(HEADER, TYPE,
                P + "Failed to get hwinfo for queue 05.0034: TAPQ rc=48").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("diagnoses", "unrecognised"), names(j));
        JsonNode d = j.get("diagnoses").get(0);
        assertEquals(List.of("failure", "codes", "mdev", "apqn", "host", "rules", "differences",
                "responseCode", "lines", "explanation", "fix"), names(d));
        assertEquals("{\"feature\":\"AP_TYPE\",\"source\":14,\"target\":13}",
                d.get("differences").get(0).toString());
        assertEquals("[\"doc\",\"v3\"]", d.get("rules").toString());
        assertTrue(d.get("responseCode").isNull());
        JsonNode tapq = j.get("diagnoses").get(1);
        assertEquals("HWINFO_UNAVAILABLE", tapq.get("failure").asText());
        assertEquals("{\"code\":48,\"name\":\"AP_RESPONSE_Q_BIND_ERROR\"}",
                tapq.get("responseCode").toString());
        assertTrue(tapq.get("host").isNull());
        assertEquals(0, j.get("unrecognised").asInt());
    }

    @Test
    void snapshotsNarrowTheCodesAndGiveTheExactFix() throws Exception {
        CliRun r = CliRun.of("explain", "--source", "src", "--target", "bad", "--format", "json",
                log("[ 77.000001] " + P + "Queue 05.0034 not available to vfio_ap driver on target "
                        + "host").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode d = new ObjectMapper().readTree(r.out()).get("diagnoses").get(0);
        assertEquals("[\"APQN_RESERVED_FOR_HOST\"]", d.get("codes").toString());
        assertTrue(d.get("fix").asText().startsWith("echo -5 > /sys/bus/ap/apmask"), d.toString());
        assertTrue(d.get("explanation").asText().contains("The snapshots confirm it (rules doc)"),
                d.toString());
    }

    @Test
    void snapshotsShowingAFineQueueContradictTheLog() throws Exception {
        CliRun r = CliRun.of("explain", "--source", "src", "--target", "ok",
                log(P + "Queue 05.0033 not available to vfio_ap driver on target host").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("But the target snapshot shows queue 05.0033 available to "
                + "vfio_ap now: the configuration changed since the migration"), r.out());
    }

    @Test
    void stdinWhenNoFileOrDash() {
        for (String[] args : new String[][] {{"explain"}, {"explain", "-"}}) {
            ExplainCommand.stdin = stream(P + "Migration not allowed from or to a Secure Execution guest\n");
            CliRun r = CliRun.of(args);
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().startsWith("SE_GUEST (mdev " + UUID + ", rules v3)\n"), r.out());
        }
    }

    @Test
    void unexplainedLinesExitOne() throws Exception {
        CliRun r = CliRun.of("explain", log(P + "Something new about queue 05.0033").toString());
        assertEquals(1, r.exitCode());
        assertEquals("No vfio-ap migration failure explained.\n1 line looked like vfio_ap, "
                + "libvirt or QEMU migration lines but matched no known message.\n", r.out());
        ExplainCommand.stdin = stream("");
        assertEquals(1, CliRun.of("explain").exitCode());
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        Path missing = dir.resolve("nope.log");
        CliRun r = CliRun.of("explain", missing.toString());
        assertEquals(2, r.exitCode());
        assertEquals("ap4j explain: " + missing + ": no such file\n", r.err());
        CliRun d = CliRun.of("explain", dir.toString());
        assertEquals(2, d.exitCode());
        assertEquals("ap4j explain: " + dir + ": not a regular file (a directory); ap4j reads "
                + "only regular files\n", d.err());
        CliRun half = CliRun.of("explain", "--source", "src", log(HEADER).toString());
        assertEquals(2, half.exitCode());
        assertTrue(half.err().contains("--source and --target go together"), half.err());
        CliRun mdev = CliRun.of("explain", "--mdev", "guest\u0007", log(HEADER).toString());
        assertEquals(2, mdev.exitCode());
        assertEquals("ap4j explain: --mdev: not a UUID: 'guest\\x07'\n", mdev.err());
    }

    @Test
    void oddBytesAreReadNotFatal() throws Exception {
        Path p = dir.resolve("binary.log");
        byte[] junk = new byte[4096];
        new java.util.Random(5).nextBytes(junk);
        byte[] line = ("\n" + HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[junk.length + line.length];
        System.arraycopy(junk, 0, all, 0, junk.length);
        System.arraycopy(line, 0, all, junk.length, line.length);
        Files.write(p, all);
        CliRun r = CliRun.of("explain", p.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("QUEUE_INCOMPATIBLE (queue 05.0033"), r.out());
    }

    @Test
    void colouredLinesAreMatchedAndPrintedEscaped() throws Exception {
        String coloured = "\u001b[32m[  5.000001]\u001b[0m \u001b[33mvfio_ap_mdev " + UUID
                + ":\u001b[0m Migration not allowed from or to a Secure Execution guest";
        CliRun r = CliRun.of("explain", log(coloured).toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().endsWith("  Lines:\n    \\x1b[32m[  5.000001]\\x1b[0m \\x1b[33m"
                + "vfio_ap_mdev " + UUID + ":\\x1b[0m Migration not allowed from or to a Secure "
                + "Execution guest\n"), r.out());
    }

    static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
