// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static io.github.ap4j.cli.QuickStartTest.BAD;
import static io.github.ap4j.cli.QuickStartTest.OK;
import static io.github.ap4j.cli.QuickStartTest.SRC;
import static io.github.ap4j.cli.QuickStartTest.UUID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.check.CheckReport;
import io.github.ap4j.check.Errno;
import io.github.ap4j.check.Finding;
import io.github.ap4j.check.FindingCode;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.check.Severity;
import io.github.ap4j.check.TargetReport;
import io.github.ap4j.model.Apqn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Help.Ansi;

/** The admin's text form of {@code check}, on the shipped examples (java/examples/README.md). */
class CheckTextTest {

    static final String HEADER = "  APQN             problem                                 fix\n";
    static final String MKVP = ""
            + "  -                info: master keys of 4 of 4 queues not  compare the master-key patterns in the\n"
            + "                   compared                                guest (lszcrypt -c) or on the TKE\n";
    /** Both HWINFO rows: the same fix, a different problem, so two rows of two queues each. */
    static final String HWINFO = ""
            + "  05.0033 05.0034  error: CCA mode only on the source;     use a target card of the same mode and\n"
            + "                   EP11 mode only on the target            facilities and the same or a newer type,\n"
            + "                                                           or change the card's mode (HMC/SE)\n"
            + "  06.0033 06.0034  error: source type 13 (CEX7) newer      use a target card of the same mode and\n"
            + "                   than 12 (CEX6)                          facilities and the same or a newer type,\n"
            + "                                                           or change the card's mode (HMC/SE)\n";
    static final String RESERVED = ""
            + "  05.0034          error: reserved for the host            echo -5 > /sys/bus/ap/apmask\n"
            + "                   (apmask/aqmask)\n";

    @Test
    void quickStartDocRules() {
        CliRun r = CliRun.of("check", "--source", SRC, "--target", OK, "--target", BAD, "--mdev", UUID);
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("mdev " + UUID + ", rules doc\n"
                + "\n"
                + "target " + OK + ": COMPATIBLE\n"
                + HEADER
                + MKVP
                + "\n"
                + "target " + BAD + ": INCOMPATIBLE (kernel returns -ENODEV)\n"
                + HEADER
                + RESERVED
                + "  -                error: control domain 0033 not on the   add control domain 0033 to the target\n"
                + "                   target                                  LPAR (HMC image profile)\n"
                + HWINFO
                + MKVP, r.out());
        assertEquals("", r.err());
    }

    /** v3: no control-domain check (a warning that they are lost instead), two v3 infos. */
    @Test
    void quickStartV3Rules() {
        String v3 = ""
                + "  -                warning: v3 drops control domain 0033   assign the control domain 0033 to the\n"
                + "                                                           mdev again on the target after the\n"
                + "                                                           migration\n"
                + "  -                info: v3 builds the new matrix          use a kernel with the later migration\n"
                + "                   uninitialised                           code (rules doc)\n";
        CliRun r = CliRun.of("check", "--source", SRC, "--target", OK, "--target", BAD, "--mdev", UUID,
                "--rules", "v3");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("mdev " + UUID + ", rules v3\n"
                + "\n"
                + "target " + OK + ": COMPATIBLE\n"
                + HEADER
                + v3
                + MKVP
                + "\n"
                + "target " + BAD + ": INCOMPATIBLE (kernel returns -ENODEV)\n"
                + HEADER
                + RESERVED
                + HWINFO
                + v3
                + MKVP, r.out());
        // v4 is the same code under another name.
        CliRun v4 = CliRun.of("check", "--source", SRC, "--target", OK, "--target", BAD, "--mdev", UUID,
                "--rules", "v4");
        assertEquals(r.out(), v4.out());
    }

    /** What a 100-column terminal shows without wrapping: every example, both rule sets. */
    @ParameterizedTest
    @ValueSource(strings = {"doc", "v3"})
    void defaultOutputOfTheExamplesFitsOneHundredColumns(String rules) {
        List<List<String>> targetSets = List.of(List.of(OK), List.of(BAD), List.of(OK, BAD),
                List.of(SRC));
        for (List<String> targets : targetSets) {
            List<String> args = new ArrayList<>(List.of("check", "--source", SRC, "--mdev", UUID,
                    "--rules", rules));
            targets.forEach(t -> args.addAll(List.of("--target", t)));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertTrue(r.exitCode() <= 1, r.err());
            for (String line : r.out().lines().toList()) {
                assertTrue(line.length() <= CheckText.WIDTH, line.length() + " columns: " + line);
            }
        }
    }

    @Test
    void verboseAddsTheKernelLogAfterTheTable() {
        CliRun r = CliRun.of("--verbose", "check", "--source", SRC, "--target", BAD, "--mdev", UUID);
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().endsWith("  kernel log:\n    vfio_ap_mdev " + UUID
                + ": Queue 05.0034 not available to vfio_ap driver on target host\n"), r.out());
        assertTrue(r.out().contains("\n    Source queue 06.0033 (ap_functions 0x6A800000, type 13) and "
                + "target queue (0x6A800000, type 12)\n"), r.out());
    }

    private static Finding f(Severity s, Apqn q, String problem, String fix) {
        return new Finding(FindingCode.HWINFO_INCOMPATIBLE, s, q, problem, "why " + problem, fix);
    }

    @Test
    void rowsMergeQueuesWithTheSameProblemAndFixAndSortBySeverity() {
        Apqn a = Apqn.parse("05.0033");
        Apqn b = Apqn.parse("05.0034");
        List<Finding> fs = List.of(
                f(Severity.INFO, null, "note", "none"),
                f(Severity.ERROR, a, "broken", "fix it"),
                f(Severity.WARNING, a, "odd", "look"),
                f(Severity.ERROR, b, "broken", "fix it"),
                f(Severity.ERROR, b, "broken", "fix it differently"),
                f(Severity.INFO, null, "note", "none"));
        TargetReport t = new TargetReport("t", Errno.EINVAL, List.of(), fs);
        String out = CheckText.render(new CheckReport(UUID, RuleSet.DOC, List.of(t)), Ansi.OFF, false);
        assertEquals("mdev " + UUID + ", rules doc\n"
                + "\n"
                + "target t: INCOMPATIBLE (kernel returns -EINVAL)\n"
                // the problem column is as wide as its widest cell, "error: broken"
                + "  APQN             problem        fix\n"
                + "  05.0033 05.0034  error: broken  fix it\n"
                + "  05.0034          error: broken  fix it differently\n"
                + "  05.0033          warning: odd   look\n"
                + "  -                info: note     none\n"
                + "  -                info: note     none\n", out);
    }

    @Test
    void colourMarksOnlyTheVerdictAndTheSeverityWords() {
        Finding e = f(Severity.ERROR, Apqn.parse("05.0033"), "broken", "fix it");
        TargetReport t = new TargetReport("t", null, List.of(), List.of(e));
        CheckReport report = new CheckReport(UUID, RuleSet.DOC, List.of(t));
        String plain = CheckText.render(report, Ansi.OFF, false);
        String coloured = CheckText.render(report, Ansi.ON, false);
        assertTrue(coloured.contains("\u001b["), coloured);
        assertEquals(plain, coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
        assertTrue(plain.contains("target t: INCOMPATIBLE\n  APQN "), plain);
    }

    @Test
    void wrapKeepsWordsAndGivesALongWordItsOwnLine() {
        assertEquals(List.of("echo 0x05 >", "/sys/devices/vfio_ap/matrix/x/unassign_adapter"),
                CheckText.wrap("echo 0x05 > /sys/devices/vfio_ap/matrix/x/unassign_adapter", 20));
        assertEquals(List.of("a b", "c"), CheckText.wrap("a b c", 3));
        assertEquals(List.of(""), CheckText.wrap("", 10));
    }
}
