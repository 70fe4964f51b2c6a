// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan --format mdevctl|script}, the mdevctl form checked by the real mdevctl. */
class PlanFormsTest {
    static final String NL = System.lineSeparator();

    @TempDir
    Path tmp;

    static final String MDEVCTL = """
            {
              "mdev_type" : "vfio_ap-passthrough",
              "start" : "auto",
              "attrs" : [ {
                "assign_adapter" : "0x05"
              }, {
                "assign_adapter" : "0x06"
              }, {
                "assign_domain" : "0x0033"
              }, {
                "assign_domain" : "0x0034"
              }, {
                "assign_control_domain" : "0x0033"
              } ]
            }
            """;

    @Test
    void mdevctlDefinitionOfTheExampleGuest() {
        CliRun r = CliRun.of("plan", "--source", QuickStartTest.SRC, "--target", QuickStartTest.OK,
                "--mdev", QuickStartTest.UUID, "--format", "mdevctl");
        assertEquals(0, r.exitCode(), r.err());
        // java/examples/README.md: the guest has adapters 05, 06, domains 0033, 0034 and
        // control domain 0033.
        assertEquals(MDEVCTL, r.out());
        assertEquals("define it with: mdevctl define --uuid " + QuickStartTest.UUID
                + " --parent matrix --jsonfile FILE" + NL, r.err());
    }

    /**
     * The real mdevctl reads the definition back unchanged (mdevctl 1.2.0 runs define, list and
     * undefine without an AP bus; start needs the matrix parent device). A fresh UUID, removed
     * again, so no existing definition is touched.
     */
    @Test
    void realMdevctlAcceptsTheDefinition() throws Exception {
        Path json = tmp.resolve("mdev.json");
        Files.writeString(json, MDEVCTL);
        String uuid = UUID.randomUUID().toString();
        try {
            assertEquals("", run("mdevctl", "define", "--uuid", uuid, "--parent", "matrix",
                    "--jsonfile", json.toString()));
            String listed = run("mdevctl", "list", "--defined", "--dumpjson", "--uuid", uuid);
            ObjectMapper m = new ObjectMapper();
            JsonNode back = m.readTree(listed);
            // mdevctl 1.2 prints the definition itself for one --uuid; newer ones wrap it.
            JsonNode def = back.has("mdev_type") ? back : back.findParent("mdev_type");
            assertEquals(m.readTree(MDEVCTL), def);
        } finally {
            run("mdevctl", "undefine", "--uuid", uuid);
        }
    }

    static String run(String... cmd) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("mdevctl is needed for this test: run .ci/install-deps", e);
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    @Test
    void scriptForTheBadTarget() {
        CliRun r = CliRun.of("plan", "--source", QuickStartTest.SRC, "--target", QuickStartTest.BAD,
                "--mdev", QuickStartTest.UUID, "--format", "script");
        assertEquals(1, r.exitCode());
        assertEquals("", r.err());
        String s = r.out();
        assertTrue(s.startsWith("#!/bin/sh\n# ap4j plan: mdev " + QuickStartTest.UUID + " on target "
                + QuickStartTest.BAD + " (rules doc).\n# Run as root on the target, after reading "
                + "it; ap4j itself never writes sysfs.\nset -e\n"), s);
        assertTrue(s.contains("\necho -5 > /sys/bus/ap/apmask\n# persistent form (s390-tools chzdev; "
                + "keeps the edit across reboots):\n# chzdev --type ap --persistent apmask=-5\n"), s);
        assertTrue(s.contains("\n# NOT ENOUGH: these problems remain after the commands above:\n"), s);
        // Every line is a comment, a command or blank: the script runs as printed.
        for (String line : s.split("\n")) {
            assertTrue(line.isEmpty() || line.startsWith("#") || line.equals("set -e")
                    || line.startsWith("echo "), line);
        }
    }

    /**
     * Taking an adapter or domain away from another mdev whose guest_matrix is not empty takes
     * devices from a running guest: plan says so loudly, on stderr and in the script.
     */
    @Test
    void warnsBeforeTakingDevicesFromARunningGuest() throws Exception {
        Path t = HookProcess.copyTree(Path.of(QuickStartTest.OK), tmp.resolve("busy"));
        String other = "7f5c3a1e-0000-4c2b-9d3e-5a6b7c8d9e0f";
        Path m = Files.createDirectories(t.resolve("devices/vfio_ap/matrix/" + other));
        Files.writeString(m.resolve("matrix"), "05.0033\n05.0034\n");
        Files.writeString(m.resolve("guest_matrix"), "05.0033\n05.0034\n");
        Files.writeString(m.resolve("control_domains"), "");
        CliRun r = CliRun.of("plan", "--source", QuickStartTest.SRC, "--target", t.toString(),
                "--mdev", QuickStartTest.UUID, "--format", "script");
        String warning = "WARNING: 'echo 0x05 > /sys/devices/vfio_ap/matrix/" + other
                + "/unassign_adapter' takes adapter 0x05 away from mdev " + other + ", whose "
                + "guest_matrix is not empty: a running guest loses 2 APQNs (05.0033 05.0034)";
        assertEquals(warning + NL, r.err());
        assertTrue(r.out().contains("\n# " + warning + "\necho 0x05 > /sys/devices/vfio_ap/matrix/"
                + other + "/unassign_adapter\n"), r.out());
    }
}
