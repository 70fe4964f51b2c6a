// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The README's main job, end to end through the real snapshot reader: the shipped example guest
 * against the shipped example destinations (java/examples/README.md states the verdicts).
 */
class QuickStartTest {

    static final String UUID = "2b8d0ad5-6c61-4b0e-9c4e-6f1c2d3e4a5b";
    static final String SRC = ExampleHostsTest.EXAMPLES.resolve("source-host").toString();
    static final String OK = ExampleHostsTest.EXAMPLES.resolve("target-ok").toString();
    static final String BAD = ExampleHostsTest.EXAMPLES.resolve("target-bad").toString();

    /** The arguments of the README's check command, relative to the repository root. */
    static final List<String> README_CHECK = List.of("check", "--source", "java/examples/source-host",
            "--target", "java/examples/target-ok", "--target", "java/examples/target-bad", "--mdev", UUID);

    /**
     * The two Quick start commands as the README prints them: each starts with the project's
     * installer (so a fresh machine gets the compilers, both architectures), the first runs the
     * check this class runs, the second the whole test suite.
     */
    @Test
    void readmeQuickStartCommandsAreTheOnesTestedHere() throws Exception {
        String readme = Files.readString(Path.of("../../README.md"));
        int section = readme.indexOf("## Quick start");
        int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
        List<String> commands = readme.substring(start, readme.indexOf("```", start)).lines().toList();

        assertEquals(2, commands.size(), commands.toString());
        String install = ".ci/install-deps && ";
        // The launcher the package build installs beside the jar (java/cli/src/main/sh/ap4j).
        String launcher = "java/cli/target/bin/ap4j ";
        assertTrue(commands.get(0).startsWith(install + "mvn -B -q package -DskipTests && "
                + launcher), commands.get(0));
        List<String> args = Arrays.asList(commands.get(0).substring(commands.get(0)
                .indexOf(launcher) + launcher.length()).split(" "));
        assertEquals(README_CHECK, args);
        // ... and the same command the tests below run from java/cli.
        assertEquals(List.of("check", "--source", SRC, "--target", OK, "--target", BAD, "--mdev", UUID),
                README_CHECK.stream().map(a -> a.replace("java/examples/", "../examples/")).toList());
        assertEquals(install + "mvn -B verify", commands.get(1));
        assertTrue(Files.isExecutable(Path.of("../../.ci/install-deps")));
        assertTrue(readme.contains("-Dap4j.native.hostOnly"), "README says how to build host-only");
    }

    @Test
    void readmeCheckCommand() throws Exception {
        CliRun r = CliRun.of("check", "--source", SRC, "--target", OK, "--target", BAD, "--mdev",
                UUID, "--format", "json");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("", r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(UUID, j.get("mdev").asText());
        assertEquals("doc", j.get("rules").asText());
        JsonNode ok = j.get("targets").get(0);
        assertEquals(OK, ok.get("target").asText());
        assertTrue(ok.get("compatible").asBoolean());
        assertTrue(ok.get("errno").isNull());
        assertEquals(0, ok.get("kernelLog").size());

        JsonNode bad = j.get("targets").get(1);
        assertEquals(BAD, bad.get("target").asText());
        assertEquals(false, bad.get("compatible").asBoolean());
        // Step 5 of the post-copy validation stops the kernel: one line, -ENODEV.
        assertEquals("ENODEV", bad.get("errno").asText());
        assertEquals(List.of("vfio_ap_mdev " + UUID
                + ": Queue 05.0034 not available to vfio_ap driver on target host"),
                texts(bad.get("kernelLog")));
        TreeSet<String> codes = new TreeSet<>();
        bad.get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("error")) {
                codes.add(f.get("code").asText() + " " + f.get("apqn").asText());
            }
        });
        // The four reasons the examples README gives: a reserved queue, a missing control
        // domain, EP11 mode where the source has CCA, an older accelerator type.
        assertEquals(new TreeSet<>(List.of("APQN_RESERVED_FOR_HOST 05.0034",
                "CONTROL_DOMAIN_MISSING null", "HWINFO_INCOMPATIBLE 05.0033",
                "HWINFO_INCOMPATIBLE 05.0034", "HWINFO_INCOMPATIBLE 06.0033",
                "HWINFO_INCOMPATIBLE 06.0034")), codes);
    }

    @Test
    void readmeCheckCommandText() {
        CliRun r = CliRun.of("check", "--source", SRC, "--target", OK, "--target", BAD, "--mdev", UUID);
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("target " + OK + ": COMPATIBLE"), r.out());
        assertTrue(r.out().contains("target " + BAD + ": INCOMPATIBLE (kernel returns -ENODEV)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  05.0034 ")
                && l.endsWith("  echo -5 > /sys/bus/ap/apmask")), r.out());
    }

    @Test
    void planOnTheBadTargetFreesTheReservedQueueAndNamesWhatNoCommandFixes() {
        CliRun r = CliRun.of("plan", "--source", SRC, "--target", BAD, "--mdev", UUID);
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch("echo -5 > /sys/bus/ap/apmask"::equals), r.out());
        assertTrue(r.out().contains("# NOT ENOUGH"), r.out());
        CliRun ok = CliRun.of("plan", "--source", SRC, "--target", OK, "--mdev", UUID);
        assertEquals(0, ok.exitCode(), ok.out() + ok.err());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
