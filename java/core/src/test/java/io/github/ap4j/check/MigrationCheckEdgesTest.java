// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import static io.github.ap4j.check.MigrationCheckTest.GUEST;
import static io.github.ap4j.check.MigrationCheckTest.codes;
import static io.github.ap4j.check.MigrationCheckTest.of;
import static io.github.ap4j.check.MigrationCheckTest.problems;
import static io.github.ap4j.check.MigrationCheckTest.run;
import static io.github.ap4j.check.MigrationCheckTest.source;
import static io.github.ap4j.check.MigrationCheckTest.target;
import static io.github.ap4j.check.RuleSet.DOC;
import static io.github.ap4j.check.RuleSet.V3;
import static io.github.ap4j.check.TestHost.CCA_NATIVE;
import static io.github.ap4j.check.TestHost.OTHER;
import static io.github.ap4j.check.TestHost.UUID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.Attr;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The check at the edges of its loops and stages: id 0, a control domain equal to the maximum,
 * queues the fast path of step 5 must not skip, and the order of the sharing mdevs.
 */
class MigrationCheckEdgesTest {

    @Test
    void adapterZeroDomainZeroIsChecked() {
        ApMatrix g = TestHost.matrix(new int[] {0}, new int[] {0});
        TestHost src = TestHost.host().card(0, 13, CCA_NATIVE, 0).mdev(UUID, g, ApMask.EMPTY);
        TestHost missing = TestHost.host().card(0, 13, CCA_NATIVE).mdev(UUID, ApMatrix.EMPTY,
                ApMask.EMPTY);
        TargetReport t = run(src, missing, DOC);
        assertEquals(List.of(FindingCode.QUEUE_MISSING), codes(t, Severity.ERROR));
        assertEquals("00.0000", of(t, FindingCode.QUEUE_MISSING).get(0).apqn().toString());

        TestHost older = TestHost.host().card(0, 12, CCA_NATIVE, 0).mdev(UUID, ApMatrix.EMPTY,
                ApMask.EMPTY);
        assertEquals(List.of(FindingCode.HWINFO_INCOMPATIBLE), codes(run(src, older, DOC), Severity.ERROR));
    }

    @Test
    void everyMissingQueueGetsTheReasonTheTargetShows() {
        TestHost tgt = target();
        tgt.adapters = Attr.of(ApMask.FULL.without(6));
        tgt.usageDomains = Attr.of(ApMask.FULL.without(0x34));
        tgt.removeQueue("06.0033").removeQueue("05.0034");
        TargetReport t = run(source(), tgt, DOC);
        // APID-major, as the kernel walks them.
        assertEquals(List.of("domain 0034 not a usage domain of the target",
                "adapter 06 not configured to the target"),
                problems(t, FindingCode.QUEUE_MISSING));

        TestHost deconfigured = target();
        ApCard c6 = deconfigured.cards.remove(1);
        deconfigured.cards.add(c6.toBuilder().config(Attr.of(false)).build());
        deconfigured.removeQueue("06.0033");
        assertEquals(List.of("card06 is deconfigured"), of(run(source(), deconfigured, DOC),
                FindingCode.QUEUE_MISSING).stream().map(Finding::problem).toList());
    }

    @Test
    void deconfiguredAndCheckStoppedQueuesAreWarnedAbout() {
        TestHost tgt = target();
        tgt.replaceQueue(tgt.find("05.0033").toBuilder().config(Attr.of(false)).build());
        tgt.replaceQueue(tgt.find("06.0034").toBuilder().chkstop(Attr.of(true)).build());
        TargetReport t = run(source(), tgt, DOC);
        assertEquals(List.of("target queue is deconfigured", "target queue is check-stopped"),
                problems(t, FindingCode.QUEUE_NOT_OPERATIONAL));
        assertTrue(t.compatible(), t.findings().toString());
    }

    @Test
    void unknownDriversAreCountedOnce() {
        TestHost tgt = target();
        tgt.driver("05.0033", null);
        tgt.replaceQueue(tgt.find("05.0034").toBuilder().driver(Attr.unknown()).build());
        tgt.replaceQueue(tgt.find("06.0034").toBuilder().driver(Attr.unknown()).build());
        // Not operational: step 5 looks at this one closely, and still counts its driver.
        tgt.replaceQueue(tgt.find("06.0033").toBuilder().driver(Attr.unknown())
                .config(Attr.of(false)).build());
        TargetReport t = run(source(), tgt, DOC);
        assertEquals(List.of("target snapshot lacks the drivers of 3 queues"),
                problems(t, FindingCode.UNVERIFIABLE));
        assertEquals(List.of("bound to no driver"),
                problems(t, FindingCode.QUEUE_NOT_ON_VFIO_AP));
    }

    @Test
    void reservedQueueOnVfioApFailsOnlyAtSetConfiguration() {
        TestHost tgt = target();
        // Masks written without the AP bus rebinding: the queues stay on vfio_ap.
        tgt.apmask = Attr.of(ApMask.of(5));
        tgt.aqmask = Attr.of(ApMask.of(0x33));
        TargetReport t = run(source(), tgt, DOC);
        assertEquals(List.of(FindingCode.APQN_RESERVED_FOR_HOST), codes(t, Severity.ERROR));
        assertEquals(Errno.EADDRNOTAVAIL, t.errno());
        assertEquals(List.of(), t.kernelLog());
    }

    @Test
    void controlDomainEqualToTheMaximumIsAvailable() {
        TestHost src = sourceWithControlDomains(ApMask.of(0x34));
        TestHost tgt = target();
        tgt.maxD = Attr.of(0x34);
        TargetReport t = run(src, tgt, DOC);
        assertTrue(t.compatible(), t.findings().toString());
    }

    @ParameterizedTest
    @EnumSource(RuleSet.class)
    void controlDomainAboveTheMaximumCountsOnlyWhereControlDomainsAreChecked(RuleSet rules) {
        TestHost src = sourceWithControlDomains(ApMask.of(0x40));
        TestHost tgt = target();
        tgt.maxD = Attr.of(0x3f);
        TargetReport t = run(src, tgt, rules);
        List<String> above = problems(t, FindingCode.ID_ABOVE_MAXIMUM);
        if (rules == DOC) {
            assertEquals(List.of("1 domain 0040 above ap_max_domain_id 003f"), above);
            assertTrue(of(t, FindingCode.CONTROL_DOMAIN_MISSING).get(0).message()
                    .contains("it is above the target's ap_max_domain_id 003f"));
            assertEquals(Errno.ENODEV, t.errno());
        } else {
            assertEquals(List.of(), above);
            assertEquals(List.of(), of(t, FindingCode.CONTROL_DOMAIN_MISSING));
            assertNull(t.errno());
        }
    }

    @Test
    void controlDomainOutsideTheMaskIsNamedSo() {
        TestHost tgt = target();
        tgt.controlDomains = Attr.of(ApMask.FULL.without(0x33));
        TargetReport t = run(source(), tgt, DOC);
        assertTrue(of(t, FindingCode.CONTROL_DOMAIN_MISSING).get(0).message()
                .contains("it is not in the target's /sys/bus/ap/ap_control_domain_mask"));
    }

    @Test
    void masterKeysComparedOnEveryQueueLeaveNothingUnverified() {
        TestHost src = source();
        TestHost tgt = target();
        for (String q : List.of("05.0033", "05.0034", "06.0033", "06.0034")) {
            src.mkvps(q, "0x1111111111111111");
            tgt.mkvps(q, "0x1111111111111111");
        }
        TargetReport t = run(src, tgt, DOC);
        assertEquals(List.of(), of(t, FindingCode.MKVP_UNVERIFIED));
        assertEquals(List.of(), of(t, FindingCode.MKVP_MISMATCH));
    }

    @Test
    void fourUnverifiedQueuesAreListedWithoutEllipsis() {
        TargetReport t = run(source(), target(), DOC);
        String m = of(t, FindingCode.MKVP_UNVERIFIED).get(0).message();
        assertTrue(m.contains(" (05.0033, 05.0034, 06.0033, 06.0034) could not"), m);
    }

    @Test
    void anMdevSharingNothingDoesNotTakeTheLoggedPlace() {
        String third = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
        TestHost tgt = target();
        tgt.mdev(OTHER, TestHost.matrix(new int[] {7}, new int[] {0x33}), ApMask.EMPTY);
        tgt.mdev(third, TestHost.matrix(new int[] {5}, new int[] {0x33}), ApMask.EMPTY);
        TargetReport t = run(source(), tgt, DOC);
        assertEquals(Errno.EADDRINUSE, t.errno());
        assertEquals(List.of(KernelLog.sharingError(UUID, io.github.ap4j.model.Apqn.of(5, 0x33), third)),
                t.kernelLog());
        assertFalse(of(t, FindingCode.APQN_IN_USE_BY_OTHER_MDEV).isEmpty());
    }

    @Test
    void maximaUnknownIsUnverifiable() {
        TestHost tgt = target();
        tgt.maxD = Attr.missing();
        TargetReport t = run(source(), tgt, V3);
        assertEquals(List.of("target snapshot lacks ap_max_adapter_id/ap_max_domain_id"),
                problems(t, FindingCode.UNVERIFIABLE));
        assertEquals(Verdict.UNVERIFIABLE, t.verdict());
    }

    @Test
    void controlDomainZeroIsChecked() {
        TestHost src = sourceWithControlDomains(ApMask.of(0));
        TestHost tgt = target();
        tgt.controlDomains = Attr.of(ApMask.FULL.without(0));
        TargetReport t = run(src, tgt, DOC);
        assertEquals(List.of("control domain 0000 not on the target"),
                problems(t, FindingCode.CONTROL_DOMAIN_MISSING));
    }

    @Test
    void anotherMdevWithoutAKnownMatrixIsUnverifiable() {
        TestHost tgt = target();
        tgt.mdev(new io.github.ap4j.snapshot.Mdev(OTHER, Attr.unknown(), Attr.unknown(), Attr.unknown(),
                Attr.unknown()));
        TargetReport t = run(source(), tgt, DOC);
        assertEquals(List.of("target snapshot lacks mdev " + OTHER + "'s matrix"),
                problems(t, FindingCode.UNVERIFIABLE));
        TestHost missing = target();
        missing.mdev(new io.github.ap4j.snapshot.Mdev(OTHER, Attr.missing(), Attr.missing(),
                Attr.missing(), Attr.missing()));
        assertTrue(run(source(), missing, DOC).compatible());
        // Nor does it take the logged place of a sharing mdev after it.
        String third = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
        missing.mdev(third, TestHost.matrix(new int[] {5}, new int[] {0x33}), ApMask.EMPTY);
        assertEquals(List.of(KernelLog.sharingError(UUID, io.github.ap4j.model.Apqn.of(5, 0x33), third)),
                run(source(), missing, DOC).kernelLog());
    }

    @Test
    void anAbsentTargetQueueGetsNoHardwareNotes() {
        // Step 7 skips it: the card's own ap_functions are no stand-in for a queue that is not there.
        TargetReport t = run(source(), target().removeQueue("06.0034"), DOC);
        assertEquals(List.of(FindingCode.QUEUE_MISSING), codes(t, Severity.ERROR));
        assertEquals(List.of(), of(t, FindingCode.CARD_LEVEL_FUNCTIONS));
    }

    /** The example source with its guest given control domains {@code cds}. */
    private static TestHost sourceWithControlDomains(ApMask cds) {
        TestHost src = source();
        src.mdevs.clear();
        return src.mdev(UUID, GUEST, cds);
    }
}
