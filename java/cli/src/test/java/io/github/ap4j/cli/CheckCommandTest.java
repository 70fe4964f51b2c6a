// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static io.github.ap4j.cli.CheckHosts.OTHER;
import static io.github.ap4j.cli.CheckHosts.UUID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckCommandTest {
    static final String P = "vfio_ap_mdev " + UUID + ": ";
    static final String MKVP = "Master keys of 2 of 2 queues (05.0033, 05.0034) could not be "
            + "compared: mkvps is shown only for queues bound to a zcrypt driver, and not for "
            + "vfio_ap-bound ones. The kernel never compares master keys.";
    static final String MKVP_FIX = "compare the master-key patterns in the guest (lszcrypt -c) "
            + "or on the TKE";
    static final String RESERVED = "Queue 05.0034 is reserved for the host's default crypto "
            + "drivers: adapter 05 is set in /sys/bus/ap/apmask and domain 0034 in "
            + "/sys/bus/ap/aqmask; it is bound to cex4queue, not vfio_ap, so the kernel logs '" + P
            + "Queue 05.0034 not available to vfio_ap driver on target host' and fails with "
            + "ENODEV. The fix is the smallest edit that frees every reserved guest queue; no "
            + "other queue leaves the host's drivers (ap4j plan lists them).";
    static final String RESERVED_FIX = "echo -5 > /sys/bus/ap/apmask";
    static final String IN_USE = "Queue 05.0033 is assigned to mdev " + OTHER + " on the target, so "
            + "the set-configuration step fails with EADDRINUSE and logs '" + P + "Userspace may not "
            + "assign queue 05.0033 to mdev: already assigned to " + OTHER + "'.";
    static final String IN_USE_FIX = "echo 0x05 > /sys/devices/vfio_ap/matrix/" + OTHER
            + "/unassign_adapter";

    @BeforeEach
    void hosts() {
        CheckHosts.install();
    }

    @AfterEach
    void restore() {
        Snapshots.useOpener(null);
    }

    @Test
    void compatibleTargetExitsZero() {
        CliRun r = CliRun.of("check", "--source", "src", "--target", "ok", "--mdev", UUID);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("mdev " + UUID + ", rules doc\n"
                + "\n"
                + "target ok: COMPATIBLE\n"
                + "  APQN             problem                                 fix\n"
                + "  -                info: master keys of 2 of 2 queues not  compare the master-key patterns in the\n"
                + "                   compared                                guest (lszcrypt -c) or on the TKE\n",
                r.out());
        assertEquals("", r.err());
    }

    @Test
    void jsonKeepsTargetOrderAndExitsOneWhenAnyIsIncompatible() {
        CliRun r = CliRun.of("check", "--source", "src", "--target", "ok", "--target", "bad",
                "--mdev", UUID, "--format", "json");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("{\n"
                + "  \"mdev\" : \"" + UUID + "\",\n"
                + "  \"rules\" : \"doc\",\n"
                + "  \"targets\" : [ {\n"
                + "    \"target\" : \"ok\",\n"
                + "    \"verdict\" : \"compatible\",\n"
                + "    \"compatible\" : true,\n"
                + "    \"error\" : null,\n"
                + "    \"errno\" : null,\n"
                + "    \"kernelLog\" : [ ],\n"
                + "    \"findings\" : [ {\n"
                + "      \"code\" : \"MKVP_UNVERIFIED\",\n"
                + "      \"severity\" : \"info\",\n"
                + "      \"apqn\" : null,\n"
                + "      \"message\" : \"" + MKVP + "\",\n"
                + "      \"fix\" : \"" + MKVP_FIX + "\"\n"
                + "    } ]\n"
                + "  }, {\n"
                + "    \"target\" : \"bad\",\n"
                + "    \"verdict\" : \"incompatible\",\n"
                + "    \"compatible\" : false,\n"
                + "    \"error\" : null,\n"
                + "    \"errno\" : \"ENODEV\",\n"
                + "    \"kernelLog\" : [ \"" + P + "Queue 05.0034 not available to vfio_ap driver on target host\" ],\n"
                + "    \"findings\" : [ {\n"
                + "      \"code\" : \"APQN_RESERVED_FOR_HOST\",\n"
                + "      \"severity\" : \"error\",\n"
                + "      \"apqn\" : \"05.0034\",\n"
                + "      \"message\" : \"" + RESERVED + "\",\n"
                + "      \"fix\" : \"" + RESERVED_FIX + "\"\n"
                + "    }, {\n"
                + "      \"code\" : \"MKVP_UNVERIFIED\",\n"
                + "      \"severity\" : \"info\",\n"
                + "      \"apqn\" : null,\n"
                + "      \"message\" : \"" + MKVP + "\",\n"
                + "      \"fix\" : \"" + MKVP_FIX + "\"\n"
                + "    }, {\n"
                + "      \"code\" : \"APQN_IN_USE_BY_OTHER_MDEV\",\n"
                + "      \"severity\" : \"error\",\n"
                + "      \"apqn\" : \"05.0033\",\n"
                + "      \"message\" : \"" + IN_USE + "\",\n"
                + "      \"fix\" : \"" + IN_USE_FIX + "\"\n"
                + "    } ]\n"
                + "  } ]\n"
                + "}\n", r.out());
    }

    @Test
    void textShowsVerdictLogAndFindings() {
        CliRun r = CliRun.of("check", "--source", "src", "--target", "bad", "--mdev", UUID);
        assertEquals(1, r.exitCode());
        // Errors first (in the kernel's order), then the info; one row each, ids as the
        // kernel prints them; the long fix path gets a line of its own in the fix column.
        assertEquals("mdev " + UUID + ", rules doc\n"
                + "\n"
                + "target bad: INCOMPATIBLE (kernel returns -ENODEV)\n"
                + "  APQN             problem                                 fix\n"
                + "  05.0034          error: reserved for the host            echo -5 > /sys/bus/ap/apmask\n"
                + "                   (apmask/aqmask)\n"
                + "  05.0033          error: assigned to another mdev         echo 0x05 >\n"
                + "                                                           /sys/devices/vfio_ap/matrix/" + OTHER + "/unassign_adapter\n"
                + "  -                info: master keys of 2 of 2 queues not  compare the master-key patterns in the\n"
                + "                   compared                                guest (lszcrypt -c) or on the TKE\n",
                r.out());
        assertEquals("", r.err());
    }

    @Test
    void anUnknownOptionIsReportedBeforeMissingOnes() {
        CliRun typo = CliRun.of("check", "--sourc", "src", "--target", "ok");
        assertEquals(2, typo.exitCode());
        assertEquals("ap4j check: Unknown options: '--sourc', 'src'\n", typo.err());
        CliRun missing = CliRun.of("check", "--source", "src");
        assertEquals(2, missing.exitCode());
        assertEquals("ap4j check: Missing required option: '--target=TGT'\n", missing.err());
    }

    @Test
    void verboseAddsTheExplanationsAndTheKernelLog() {
        CliRun r = CliRun.of("--verbose", "check", "--source", "src", "--target", "bad", "--mdev", UUID);
        assertEquals(1, r.exitCode());
        String out = r.out();
        assertTrue(out.contains("\n    Queue 05.0034 is reserved for the host's default crypto drivers: "
                + "adapter 05 is set in\n"), out);
        assertTrue(out.endsWith("  kernel log:\n    " + P
                + "Queue 05.0034 not available to vfio_ap driver on target host\n"), out);
    }

    @Test
    void v3RulesAreSelectable() {
        CliRun r = CliRun.of("check", "--source", "src", "--target", "old", "--mdev", UUID,
                "--rules", "v3", "--format", "json");
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("\"rules\" : \"v3\""), r.out());
        assertTrue(r.out().contains("\"code\" : \"NOT_MIGRATABLE\""), r.out());
        assertTrue(r.out().contains("\"code\" : \"V3_UNINITIALISED_MATRIX\""), r.out());
    }

    @Test
    void badInputsExitTwo() {
        CliRun rules = CliRun.of("check", "--source", "src", "--target", "ok", "--mdev", UUID,
                "--rules", "v5");
        assertEquals(2, rules.exitCode());
        assertEquals("ap4j check: --rules: unknown rule set 'v5' (expected doc, v3 or its alias v4)\n", rules.err());

        CliRun mdev = CliRun.of("check", "--source", "src", "--target", "ok", "--mdev",
                "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        assertEquals(2, mdev.exitCode());
        assertEquals("ap4j check: src: no mdev aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee on the source "
                + "host (mdevs there: " + UUID + ")\n", mdev.err());

        // The option, not the library, names the argument; no snapshot is read for a typo.
        CliRun typo = CliRun.of("check", "--source", "nope", "--target", "ok", "--mdev", "2b8d-x");
        assertEquals(2, typo.exitCode());
        assertEquals("ap4j check: Invalid value for option '--mdev': not an mdev UUID (expected "
                + "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx): '2b8d-x'\n", typo.err());

        CliRun snap = CliRun.of("check", "--source", "nope", "--target", "ok", "--mdev", UUID);
        assertEquals(2, snap.exitCode());
        assertEquals("ap4j check: nope: no such snapshot\n", snap.err());

        CliRun missing = CliRun.of("check", "--source", "src", "--mdev", UUID);
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--target"), missing.err());
        assertEquals("", missing.out());
    }

    @Test
    void planPrintsCommandsAndExitsZeroWhenSufficient() {
        CliRun r = CliRun.of("plan", "--source", "src", "--target", "bad", "--mdev", UUID);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("# ap4j plan: mdev " + UUID + " on target bad (rules doc)\n"
                + "# mdev " + OTHER + " holds guest APQNs: unassign adapter 05 from it (1 APQN leaves it)\n"
                + "echo 0x05 > /sys/devices/vfio_ap/matrix/" + OTHER + "/unassign_adapter\n"
                + "# hand 1 reserved guest APQN to vfio_ap by clearing adapter 05 in apmask "
                + "(no other queue leaves the host's default drivers)\n"
                + "echo -5 > /sys/bus/ap/apmask\n", r.out());
    }

    @Test
    void planJson() {
        CliRun r = CliRun.of("plan", "--source", "src", "--target", "bad", "--mdev", UUID,
                "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("{\n"
                + "  \"mdev\" : \"" + UUID + "\",\n"
                + "  \"target\" : \"bad\",\n"
                + "  \"rules\" : \"doc\",\n"
                + "  \"sufficient\" : true,\n"
                + "  \"actions\" : [ {\n"
                + "    \"kind\" : \"UNASSIGN_ADAPTER\",\n"
                + "    \"command\" : \"echo 0x05 > /sys/devices/vfio_ap/matrix/" + OTHER + "/unassign_adapter\",\n"
                + "    \"path\" : \"/sys/devices/vfio_ap/matrix/" + OTHER + "/unassign_adapter\",\n"
                + "    \"value\" : \"0x05\",\n"
                + "    \"explanation\" : \"mdev " + OTHER + " holds guest APQNs: unassign adapter 05 from it (1 APQN leaves it)\",\n"
                + "    \"affected\" : [ \"05.0033\" ]\n"
                + "  }, {\n"
                + "    \"kind\" : \"EDIT_APMASK\",\n"
                + "    \"command\" : \"echo -5 > /sys/bus/ap/apmask\",\n"
                + "    \"path\" : \"/sys/bus/ap/apmask\",\n"
                + "    \"value\" : \"-5\",\n"
                + "    \"explanation\" : \"hand 1 reserved guest APQN to vfio_ap by clearing adapter 05 in apmask (no other queue leaves the host's default drivers)\",\n"
                + "    \"affected\" : [ \"05.0034\" ]\n"
                + "  } ],\n"
                + "  \"collateral\" : [ ],\n"
                + "  \"blockers\" : [ ]\n"
                + "}\n", r.out());
    }

    @Test
    void planWithBlockersExitsOne() {
        CliRun r = CliRun.of("plan", "--source", "src", "--target", "old", "--mdev", UUID);
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("# ap4j plan: mdev " + UUID + " on target old (rules doc)\n"
                + "# nothing to change on the target\n"
                + "# NOT ENOUGH: these problems remain after the commands above:\n"
                + "#   NOT_MIGRATABLE: The target host's vfio_ap has no 'migratable' feature"), r.out());
    }

    /** Case 12: one unreadable target is reported in its place; the others keep their verdicts. */
    @Test
    void unreadableTargetIsReportedInItsPlaceAndTheOthersAreChecked() {
        CliRun r = CliRun.of("check", "--source", "src", "--target", "nope", "--target", "ok",
                "--mdev", UUID);
        assertEquals(5, r.exitCode(), r.err());
        assertEquals("mdev " + UUID + ", rules doc\n\ntarget nope: UNVERIFIABLE\n"
                + "  cannot read the target: nope: no such snapshot\n"
                + "\ntarget ok: COMPATIBLE\n"
                + "  APQN             problem                                 fix\n"
                + "  -                info: master keys of 2 of 2 queues not  compare the master-key patterns in the\n"
                + "                   compared                                guest (lszcrypt -c) or on the TKE\n",
                r.out());
        assertEquals("", r.err());

        CliRun bad = CliRun.of("check", "--source", "src", "--target", "bad", "--target", "nope",
                "--mdev", UUID);
        assertEquals(1, bad.exitCode(), "a known incompatibility outweighs an unreadable target");
        assertTrue(bad.out().contains("target bad: INCOMPATIBLE (kernel returns -ENODEV)\n"), bad.out());
        assertTrue(bad.out().endsWith("target nope: UNVERIFIABLE\n"
                + "  cannot read the target: nope: no such snapshot\n"), bad.out());
    }

    /** Case 12: with --format json the unreadable target is an element with its error. */
    @Test
    void unreadableTargetInJsonHasItsError() throws Exception {
        CliRun r = CliRun.of("check", "--source", "src", "--target", "ok", "--target", "nope",
                "--mdev", UUID, "--format", "json");
        assertEquals(5, r.exitCode(), r.err());
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        var ts = tree.get("targets");
        assertEquals(2, ts.size());
        assertEquals("ok", ts.get(0).get("target").asText());
        assertEquals("compatible", ts.get(0).get("verdict").asText());
        assertTrue(ts.get(0).get("error").isNull());
        assertEquals("nope", ts.get(1).get("target").asText());
        assertEquals("unverifiable", ts.get(1).get("verdict").asText());
        assertEquals("nope: no such snapshot", ts.get(1).get("error").asText());
        assertEquals(0, ts.get(1).get("findings").size());
    }

    /** With --format json a failure of the whole run is JSON on stdout too (and a line on stderr). */
    @Test
    void jsonFailureGoesToStdout() throws Exception {
        CliRun r = CliRun.of("check", "--source", "nope", "--target", "ok", "--mdev", UUID,
                "--format", "json");
        assertEquals(2, r.exitCode());
        assertEquals("ap4j check: nope: no such snapshot\n", r.err());
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals("ap4j check: nope: no such snapshot", tree.get("error").asText());
        assertEquals(2, tree.get("exitCode").asInt());
    }
}
