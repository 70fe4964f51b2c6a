// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ap4j.model.Apqn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain-text report and the labels the JSON report uses. */
class CheckReportTest {

    @Test
    void textShowsErrnoLogUnreadableTargetsAndFindingsWithAndWithoutApqn() {
        Finding onQueue = new Finding(FindingCode.QUEUE_MISSING, Severity.ERROR, Apqn.of(5, 0x33),
                "p", "Gone.", "bring it back");
        Finding onHost = new Finding(FindingCode.MKVP_UNVERIFIED, Severity.INFO, null, "p",
                "Not compared.", "compare them");
        TargetReport failing = new TargetReport("a", Errno.ENODEV, List.of("line 1"),
                List.of(onQueue, onHost));
        TargetReport fine = new TargetReport("b", null, List.of(), List.of());
        TargetReport unreadable = TargetReport.unreadable("c", "c: no such file");
        String text = new CheckReport(TestHost.UUID, RuleSet.V3, List.of(failing, fine, unreadable))
                .toText();
        assertEquals("mdev " + TestHost.UUID + ", rules v3\n"
                + "\ntarget a: INCOMPATIBLE (kernel returns -ENODEV)\n"
                + "  log:\n"
                + "    line 1\n"
                + "  error QUEUE_MISSING 05.0033: Gone. Fix: bring it back\n"
                + "  info MKVP_UNVERIFIED: Not compared. Fix: compare them\n"
                + "\ntarget b: COMPATIBLE\n"
                + "\ntarget c: UNVERIFIABLE\n"
                + "  cannot read the target: c: no such file\n", text);
    }

    @Test
    void labelsAndErrnoValues() {
        assertEquals("warning", Severity.WARNING.label());
        assertEquals("unverifiable", Verdict.UNVERIFIABLE.label());
        assertEquals(19, Errno.ENODEV.value());
        assertEquals(99, Errno.EADDRNOTAVAIL.value());
    }

    @Test
    void worstVerdictOrdersIncompatibleOverUnverifiableOverCompatible() {
        assertEquals(Verdict.COMPATIBLE, Verdict.worst(List.of()));
        assertEquals(Verdict.UNVERIFIABLE, Verdict.worst(List.of(Verdict.COMPATIBLE,
                Verdict.UNVERIFIABLE, Verdict.COMPATIBLE)));
        assertEquals(Verdict.INCOMPATIBLE, Verdict.worst(List.of(Verdict.UNVERIFIABLE,
                Verdict.INCOMPATIBLE)));
    }
}
