// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import static io.github.ap4j.check.RuleSet.DOC;
import static io.github.ap4j.check.RuleSet.V3;
import static io.github.ap4j.check.TestHost.CCA_NATIVE;
import static io.github.ap4j.check.TestHost.CCA_STATELESS;
import static io.github.ap4j.check.TestHost.OTHER;
import static io.github.ap4j.check.TestHost.UUID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.QueueStatus;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import io.github.ap4j.snapshot.Mkvp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationCheckTest {
    static final String P = "vfio_ap_mdev " + UUID + ": ";
    static final ApMatrix GUEST = TestHost.matrix(new int[] {5, 6}, new int[] {0x33, 0x34});

    /** Source: cards 05 and 06 (CEX7, CCA, full native), guest 05-06 x 0033-0034, cd 0033. */
    static TestHost source() {
        return TestHost.host().card(5, 13, CCA_NATIVE, 0x33, 0x34).card(6, 13, CCA_NATIVE, 0x33, 0x34)
                .mdev(UUID, GUEST, ApMask.of(0x33));
    }

    /** A target identical in hardware, with an empty mdev of the same UUID. */
    static TestHost target() {
        return TestHost.host().card(5, 13, CCA_NATIVE, 0x33, 0x34).card(6, 13, CCA_NATIVE, 0x33, 0x34)
                .mdev(UUID, ApMatrix.EMPTY, ApMask.EMPTY);
    }

    static TargetReport run(TestHost src, TestHost tgt, RuleSet rules) {
        return run(src, tgt, Map.of(), rules);
    }

    static TargetReport run(TestHost src, TestHost tgt, Map<Apqn, QueueStatus> tapq, RuleSet rules) {
        CheckReport r = MigrationCheck.check(src.build(), UUID,
                List.of(new MigrationCheck.Target("tgt", tgt.build(), tapq)), rules);
        assertEquals(UUID, r.mdev());
        assertEquals(1, r.targets().size());
        TargetReport t = r.targets().get(0);
        assertEquals("tgt", t.target());
        return t;
    }

    static List<FindingCode> codes(TargetReport t, Severity s) {
        return t.findings().stream().filter(f -> f.severity() == s).map(Finding::code).toList();
    }

    static List<Finding> of(TargetReport t, FindingCode c) {
        return t.findings().stream().filter(f -> f.code() == c).toList();
    }

    /** The problems (the table's short phrases) of {@code t}'s findings with code {@code c}. */
    static List<String> problems(TargetReport t, FindingCode c) {
        return of(t, c).stream().map(Finding::problem).toList();
    }

    @ParameterizedTest
    @EnumSource(RuleSet.class)
    void identicalTargetIsCompatible(RuleSet rules) {
        TargetReport t = run(source(), target(), rules);
        assertTrue(t.compatible(), t.findings().toString());
        assertNull(t.errno());
        assertEquals(List.of(), t.kernelLog());
        assertEquals(List.of(), codes(t, Severity.ERROR));
        assertEquals(List.of(FindingCode.MKVP_UNVERIFIED), of(t, FindingCode.MKVP_UNVERIFIED).stream()
                .map(Finding::code).toList());
    }

    @Test
    void missingMdevStopsInLibvirtButStillListsEverythingElse() {
        TestHost tgt = target();
        tgt.mdevs.clear();
        tgt.removeQueue("06.0034");
        TargetReport t = run(source(), tgt, DOC);
        assertFalse(t.compatible());
        assertNull(t.errno());
        assertEquals(List.of("error: device not found: mediated device '" + UUID + "' not found"),
                t.kernelLog());
        assertEquals(List.of(FindingCode.MDEV_MISSING, FindingCode.QUEUE_MISSING), codes(t, Severity.ERROR));
        assertEquals("echo " + UUID
                + " > /sys/devices/vfio_ap/matrix/mdev_supported_types/vfio_ap-passthrough/create",
                of(t, FindingCode.MDEV_MISSING).get(0).fix());
    }

    @ParameterizedTest
    @EnumSource(RuleSet.class)
    void targetWithoutMigratableFeatureIsIncompatibleWithoutKernelLines(RuleSet rules) {
        TestHost tgt = target();
        tgt.vfioFeatures = Attr.of(List.of("guest_matrix", "hotplug", "ap_config"));
        TargetReport t = run(source(), tgt, rules);
        assertFalse(t.compatible());
        assertNull(t.errno());
        assertEquals(List.of(), t.kernelLog());
        assertEquals(List.of(FindingCode.NOT_MIGRATABLE), codes(t, Severity.ERROR));
    }

    @Test
    void vfioApNotLoadedOnTarget() {
        TestHost tgt = target();
        tgt.vfioMissing = true;
        TargetReport t = run(source(), tgt, DOC);
        assertEquals(List.of(KernelLog.libvirtMdevNotFound(UUID)), t.kernelLog());
        assertTrue(codes(t, Severity.ERROR).containsAll(List.of(FindingCode.MDEV_MISSING,
                FindingCode.NOT_MIGRATABLE)));
    }

    @Test
    void secureExecutionTargetDocHasNoMigrationSupport() {
        TargetReport t = run(source(), target().apsb(), DOC);
        assertFalse(t.compatible());
        assertNull(t.errno());
        assertEquals(List.of(), t.kernelLog());
        assertEquals(List.of(FindingCode.SE_GUEST), codes(t, Severity.ERROR));
        assertTrue(of(t, FindingCode.SE_GUEST).get(0).message().contains("registers no migration support"));
    }

    @Test
    void secureExecutionV3FailsWithEperm() {
        for (TargetReport t : List.of(run(source(), target().apsb(), V3),
                run(source().apsb(), target(), V3))) {
            assertFalse(t.compatible());
            assertEquals(Errno.EPERM, t.errno());
            assertEquals(List.of(P + "Migration not allowed from or to a Secure Execution guest"),
                    t.kernelLog());
        }
    }

    @ParameterizedTest
    @EnumSource(RuleSet.class)
    void queuesNotOnVfioApEachLoggedInBlobOrder(RuleSet rules) {
        TestHost tgt = target().removeQueue("05.0034").driver("06.0033", "cex4queue");
        // also incompatible hardware on 06.0034: step 5 stops before step 7 logs anything
        tgt.queueFn("06.0034", CCA_STATELESS);
        TargetReport t = run(source(), tgt, rules);
        assertEquals(Errno.ENODEV, t.errno());
        assertEquals(List.of(
                P + "Queue 05.0034 not available to vfio_ap driver on target host",
                P + "Queue 06.0033 not available to vfio_ap driver on target host"), t.kernelLog());
        assertEquals(List.of(FindingCode.QUEUE_MISSING, FindingCode.QUEUE_NOT_ON_VFIO_AP,
                FindingCode.HWINFO_INCOMPATIBLE), codes(t, Severity.ERROR));
        Finding f = of(t, FindingCode.QUEUE_NOT_ON_VFIO_AP).get(0);
        assertEquals(Apqn.of(6, 0x33), f.apqn());
        assertEquals("echo 06.0033 > /sys/bus/ap/drivers/cex4queue/unbind; "
                + "echo 06.0033 > /sys/bus/ap/drivers/vfio_ap/bind", f.fix());
        assertEquals("bound to cex4queue, not vfio_ap", f.problem());
    }

    @Test
    void controlDomainsCheckedOnlyByDoc() {
        TestHost tgt = target();
        tgt.controlDomains = Attr.of(ApMask.of(0x34));
        TargetReport doc = run(source(), tgt, DOC);
        assertEquals(Errno.ENODEV, doc.errno());
        assertEquals(List.of("vfio_ap_mdev: " + UUID
                + ": Control domain 0033 not available on the destination host"), doc.kernelLog());
        assertEquals(List.of(FindingCode.CONTROL_DOMAIN_MISSING), codes(doc, Severity.ERROR));

        TargetReport v3 = run(source(), tgt, V3);
        assertTrue(v3.compatible());
        assertNull(v3.errno());
        assertEquals(List.of(), v3.kernelLog());
        assertEquals(1, of(v3, FindingCode.CONTROL_DOMAINS_NOT_MIGRATED).size());
        // only the v3/v4 code builds the new matrix in an uninitialised variable
        assertEquals(List.of(Severity.INFO),
                of(v3, FindingCode.V3_UNINITIALISED_MATRIX).stream().map(Finding::severity).toList());
        assertEquals(List.of(), of(doc, FindingCode.V3_UNINITIALISED_MATRIX));
        assertEquals(List.of(), of(doc, FindingCode.CONTROL_DOMAINS_NOT_MIGRATED));
    }

    @Test
    void controlDomainAboveMaxDomainIdOrWithoutQciIsMissing() {
        TestHost src = TestHost.host().card(5, 13, CCA_NATIVE, 0x03).mdev(UUID,
                TestHost.matrix(new int[] {5}, new int[] {3}), ApMask.of(3, 20));
        TestHost tgt = TestHost.host().card(5, 13, CCA_NATIVE, 0x03).mdev(UUID, ApMatrix.EMPTY, ApMask.EMPTY);
        tgt.maxD = Attr.of(15);
        TargetReport t = run(src, tgt, DOC);
        assertEquals(List.of("vfio_ap_mdev: " + UUID + ": Control domain 0014 not available on the destination host"),
                t.kernelLog());
        tgt.controlDomains = Attr.notSupported();
        t = run(src, tgt, DOC);
        assertEquals(2, t.kernelLog().size());
    }

    @Test
    void stepFiveStopsBeforeStepSix() {
        TestHost tgt = target().removeQueue("06.0034");
        tgt.controlDomains = Attr.of(ApMask.EMPTY);
        TargetReport t = run(source(), tgt, DOC);
        assertEquals(List.of(P + "Queue 06.0034 not available to vfio_ap driver on target host"), t.kernelLog());
        assertTrue(codes(t, Severity.ERROR).contains(FindingCode.CONTROL_DOMAIN_MISSING));
    }

    @ParameterizedTest
    @EnumSource(RuleSet.class)
    void multiQueueIncompatibilityReportsInBlobOrder(RuleSet rules) {
        TestHost tgt = TestHost.host().card(5, 12, CCA_NATIVE, 0x33, 0x34).card(6, 13, CCA_NATIVE, 0x33, 0x34)
                .mdev(UUID, ApMatrix.EMPTY, ApMask.EMPTY);
        tgt.queueFn("06.0034", CCA_NATIVE & ~0x01000000);
        TargetReport t = run(source(), tgt, rules);
        assertEquals(rules == DOC ? Errno.EINVAL : Errno.EFAULT, t.errno());
        assertEquals(List.of(
                P + "Migration failed: Source and target queue (05.0033) not compatible",
                P + "AP type of source (0d) not compatible with target (0c)",
                P + "Migration failed: Source and target queue (05.0034) not compatible",
                P + "AP type of source (0d) not compatible with target (0c)",
                P + "Migration failed: Source and target queue (06.0034) not compatible",
                P + "Stateless-command-filtering (SLCF) available in source queue 06.0034",
                P + "Stateless-command-filtering (SLCF) not available in target queue 06.0034"),
                t.kernelLog());
        assertEquals(3, of(t, FindingCode.HWINFO_INCOMPATIBLE).size());
    }

    @Test
    void statelessToFullNativeAllowedByDocRejectedByV3() {
        TestHost src = TestHost.host().card(5, 13, CCA_STATELESS, 0x33, 0x34).card(6, 13, CCA_STATELESS, 0x33, 0x34)
                .mdev(UUID, GUEST, ApMask.of(0x33));
        assertTrue(run(src, target(), DOC).compatible());
        TargetReport v3 = run(src, target(), V3);
        assertEquals(Errno.EFAULT, v3.errno());
        List<String> headers = new ArrayList<>();
        for (Apqn q : GUEST.apqns()) {
            headers.add(P + "Migration failed: Source and target queue (" + q + ") not compatible");
        }
        assertEquals(headers, v3.kernelLog());
        assertTrue(of(v3, FindingCode.HWINFO_INCOMPATIBLE).get(0).message().contains("whole word"));
        // and the reverse is rejected by both
        TargetReport back = run(source(), targetWith(CCA_STATELESS), DOC);
        assertEquals(Errno.EINVAL, back.errno());
    }

    static TestHost targetWith(int fn) {
        return TestHost.host().card(5, 13, fn, 0x33, 0x34).card(6, 13, fn, 0x33, 0x34)
                .mdev(UUID, ApMatrix.EMPTY, ApMask.EMPTY);
    }

    @Test
    void identicalNonZeroBindStateRejectedByDocAcceptedByV3() {
        int bs1 = CCA_NATIVE | 0x4000;
        TestHost src = TestHost.host().card(5, 13, bs1, 0x33, 0x34).card(6, 13, bs1, 0x33, 0x34)
                .mdev(UUID, GUEST, ApMask.of(0x33));
        TargetReport doc = run(src, targetWith(bs1), DOC);
        assertEquals(Errno.EINVAL, doc.errno());
        assertEquals(P + "Bind/associate state for source (1) and target (1) queue 05.0033 must be 0",
                doc.kernelLog().get(1));
        assertEquals(8, doc.kernelLog().size());
        assertTrue(run(src, targetWith(bs1), V3).compatible());
    }

    @Test
    void reservedBitsWithTypeUpgradeOkForDocRejectedByV3() {
        int rsv = CCA_NATIVE | 0x0100;
        TestHost src = TestHost.host().card(5, 13, rsv, 0x33, 0x34).card(6, 13, rsv, 0x33, 0x34)
                .mdev(UUID, GUEST, ApMask.of(0x33));
        TestHost tgt = TestHost.host().card(5, 14, CCA_NATIVE, 0x33, 0x34).card(6, 14, CCA_NATIVE, 0x33, 0x34)
                .mdev(UUID, ApMatrix.EMPTY, ApMask.EMPTY);
        assertTrue(run(src, tgt, DOC).compatible());
        TargetReport v3 = run(src, tgt, V3);
        assertEquals(Errno.EFAULT, v3.errno());
        assertEquals(4, v3.kernelLog().size()); // headers only
    }

    @Test
    void tapqAsyncErrorSemanticsDifferBetweenRuleSets() {
        Map<Apqn, QueueStatus> async = Map.of(Apqn.of(5, 0x33), new QueueStatus(0x00300000 | QueueStatus.ASYNC));
        Map<Apqn, QueueStatus> sync = Map.of(Apqn.of(5, 0x33), QueueStatus.ofResponseCode(0x30));
        String line = P + "Failed to get hwinfo for queue 05.0033: TAPQ rc=48";

        TargetReport docAsync = run(source(), target(), async, DOC);
        assertTrue(docAsync.compatible());
        assertEquals(1, of(docAsync, FindingCode.TAPQ_ERROR_IGNORED).size());
        TargetReport v3Async = run(source(), target(), async, V3);
        assertEquals(Errno.EIO, v3Async.errno());
        assertEquals(List.of(line), v3Async.kernelLog());

        TargetReport docSync = run(source(), target(), sync, DOC);
        assertEquals(Errno.EIO, docSync.errno());
        assertEquals(List.of(line), docSync.kernelLog());
        assertTrue(run(source(), target(), sync, V3).compatible());
    }

    @Test
    void tapqQueueNotAvailableIsEnodevWithVersionText() {
        Map<Apqn, QueueStatus> na = Map.of(Apqn.of(6, 0x34), QueueStatus.ofResponseCode(1));
        TargetReport doc = run(source(), target(), na, DOC);
        assertEquals(Errno.ENODEV, doc.errno());
        assertEquals(List.of(P + "Failed to get hwinfo for queue 06.0034: TAPQ rc=1"), doc.kernelLog());
        TargetReport v3 = run(source(), target(), na, V3);
        assertEquals(List.of(P + "migration failed: Failed to get hwinfo for queue 06.0034 on target host: TAPQ rc=1"),
                v3.kernelLog());
        assertEquals(Errno.ENODEV, v3.errno());
    }

    @Test
    void lastErrorInTheHwinfoLoopWins() {
        TestHost tgt = target().queueFn("06.0034", CCA_STATELESS);
        TargetReport t = run(source(), tgt, Map.of(Apqn.of(5, 0x33), QueueStatus.ofResponseCode(1)), DOC);
        assertEquals(Errno.EINVAL, t.errno());
        assertEquals(P + "Failed to get hwinfo for queue 05.0033: TAPQ rc=1", t.kernelLog().get(0));
        assertEquals(P + "Migration failed: Source and target queue (06.0034) not compatible", t.kernelLog().get(1));

        TestHost tgt2 = target().queueFn("05.0033", CCA_STATELESS);
        TargetReport t2 = run(source(), tgt2, Map.of(Apqn.of(6, 0x34), QueueStatus.ofResponseCode(1)), DOC);
        assertEquals(Errno.ENODEV, t2.errno());
        assertEquals(P + "Failed to get hwinfo for queue 06.0034: TAPQ rc=1", t2.kernelLog().get(t2.kernelLog().size() - 1));
    }

    @Test
    void reservedButBoundToVfioApIsSilentEaddrnotavailAndBeatsEaddrinuse() {
        TestHost tgt = target().mdev(OTHER, TestHost.matrix(new int[] {6}, new int[] {0x34}), ApMask.EMPTY);
        tgt.apmask = Attr.of(ApMask.of(5));
        tgt.aqmask = Attr.of(ApMask.of(0x33)); // no rebind: inconsistent but possible mid-change
        TargetReport t = run(source(), tgt, DOC);
        assertEquals(Errno.EADDRNOTAVAIL, t.errno());
        assertEquals(List.of(), t.kernelLog());
        assertEquals(List.of(FindingCode.APQN_RESERVED_FOR_HOST, FindingCode.APQN_IN_USE_BY_OTHER_MDEV),
                codes(t, Severity.ERROR));
        assertTrue(of(t, FindingCode.APQN_RESERVED_FOR_HOST).get(0).message().contains("EADDRNOTAVAIL"));
    }

    @ParameterizedTest
    @EnumSource(RuleSet.class)
    void sharedApqnsLogOneWarnPerApqnOfTheFirstOtherMdev(RuleSet rules) {
        String third = "33333333-3333-3333-3333-333333333333";
        TestHost tgt = target()
                .mdev(OTHER, TestHost.matrix(new int[] {6, 7}, new int[] {0x33, 0x34, 0x40}), ApMask.EMPTY)
                .mdev(third, TestHost.matrix(new int[] {5}, new int[] {0x33}), ApMask.EMPTY);
        TargetReport t = run(source(), tgt, rules);
        assertEquals(Errno.EADDRINUSE, t.errno());
        assertEquals(List.of(
                P + "Userspace may not assign queue 06.0033 to mdev: already assigned to " + OTHER,
                P + "Userspace may not assign queue 06.0034 to mdev: already assigned to " + OTHER),
                t.kernelLog());
        List<Finding> inUse = of(t, FindingCode.APQN_IN_USE_BY_OTHER_MDEV);
        assertEquals(3, inUse.size());
        // OTHER: unassigning adapter 6 costs 6.0040 (1 queue), domains would cost 07.0033, 07.0034
        assertEquals("echo 0x06 > /sys/devices/vfio_ap/matrix/" + OTHER + "/unassign_adapter",
                inUse.get(0).fix());
        assertTrue(inUse.get(0).message().contains("also loses 1 queue the guest does not need"),
                inUse.get(0).message());
    }

    @Test
    void idsAboveTargetMaximaAreSilentEnodev() {
        TestHost tgt = target();
        tgt.maxD = Attr.of(0x33);
        TargetReport t = run(source(), tgt, DOC);
        assertEquals(Errno.ENODEV, t.errno());
        assertEquals(List.of(), t.kernelLog());
        assertEquals(List.of(FindingCode.ID_ABOVE_MAXIMUM), codes(t, Severity.ERROR));
    }

    @Test
    void reservedQueuesBoundToHostDriversFailStepFiveWithMaskFix() {
        TestHost tgt = target().masks(ApMask.of(5, 6, 7), ApMask.of(0x34));
        TargetReport t = run(source(), tgt, DOC);
        assertEquals(Errno.ENODEV, t.errno());
        assertEquals(List.of(P + "Queue 05.0034 not available to vfio_ap driver on target host",
                P + "Queue 06.0034 not available to vfio_ap driver on target host"), t.kernelLog());
        List<Finding> r = of(t, FindingCode.APQN_RESERVED_FOR_HOST);
        assertEquals(2, r.size());
        assertEquals("echo -52 > /sys/bus/ap/aqmask", r.get(0).fix());
        assertTrue(r.get(0).message().contains("adapter 05 is set in /sys/bus/ap/apmask and domain "
                + "0034 in /sys/bus/ap/aqmask"), r.get(0).message());
        assertTrue(r.get(0).message().contains("no other queue leaves the host's drivers"),
                r.get(0).message());
    }

    @Test
    void masterKeysComparedWhereBothSidesShowThem() {
        TestHost src = source();
        src.queues.replaceAll(q -> q); // keep
        src.mkvps("05.0033", "0x1111111111111111").mkvps("05.0034", "0x3333333333333333");
        TestHost tgt = target().mkvps("05.0033", "0x2222222222222222").mkvps("05.0034", "0x3333333333333333");
        TargetReport t = run(src, tgt, DOC);
        assertTrue(t.compatible());
        List<Finding> mm = of(t, FindingCode.MKVP_MISMATCH);
        assertEquals(1, mm.size());
        assertEquals(Severity.WARNING, mm.get(0).severity());
        assertEquals(Apqn.of(5, 0x33), mm.get(0).apqn());
        Finding u = of(t, FindingCode.MKVP_UNVERIFIED).get(0);
        assertEquals(Severity.INFO, u.severity());
        assertTrue(u.message().startsWith("Master keys of 2 of 4 queues (06.0033, 06.0034)"), u.message());
    }

    @Test
    void masterKeysAreComparedOnlyBetweenValidCurrentPatternsOfOneKeyType() {
        TestHost src = source().mkvps("05.0033", "0x1111111111111111")
                .mkvps("05.0034", "0x3333333333333333").mkvps("06.0033", "0x4444444444444444");
        TestHost tgt = target();
        // 05.0033: the target's current AES key is not valid, so there is no pattern to compare
        withMkvps(tgt, "05.0033", new Mkvp("AES", "CUR", Attr.of("invalid"),
                Attr.of("0x1111111111111111")));
        // 05.0034: the target shows an APKA key only, no key type in common
        withMkvps(tgt, "05.0034", new Mkvp("APKA", "CUR", Attr.of("valid"),
                Attr.of("0x3333333333333333")));
        // 06.0033: the same pattern in other letters is the same key
        withMkvps(tgt, "06.0033", new Mkvp("AES", "CUR", Attr.of("valid"),
                Attr.of("0X4444444444444444")));
        TargetReport t = run(src, tgt, DOC);
        assertTrue(t.compatible(), t.findings().toString());
        assertEquals(List.of(), of(t, FindingCode.MKVP_MISMATCH));
        Finding u = of(t, FindingCode.MKVP_UNVERIFIED).get(0);
        assertTrue(u.message().startsWith("Master keys of 3 of 4 queues (05.0033, 05.0034, "
                + "06.0034) could not be compared"), u.message());
    }

    private static void withMkvps(TestHost h, String apqn, Mkvp... keys) {
        h.replaceQueue(h.find(apqn).toBuilder().mkvps(Attr.of(List.of(keys))).build());
    }

    @Test
    void sourceQueuesAtAdapterAndDomainZeroAreNotedToo() {
        // ids 0 are real ids: the source-note walk must start at them
        TestHost src = TestHost.host().card(0, 13, CCA_NATIVE, 0x00)
                .mdev(UUID, TestHost.matrix(new int[] {0}, new int[] {0}), ApMask.EMPTY);
        ApQueue q = src.find("00.0000");
        src.replaceQueue(q.toBuilder().functions(Attr.missing()).build());
        TestHost tgt = TestHost.host().card(0, 13, CCA_NATIVE, 0x00)
                .mdev(UUID, ApMatrix.EMPTY, ApMask.EMPTY);
        TargetReport t = run(src, tgt, DOC);
        assertEquals(List.of("source card00: card-level ap_functions used"),
                problems(t, FindingCode.CARD_LEVEL_FUNCTIONS));
    }

    @Test
    void hwinfoSourcePitfallsAreWarnedOncePerCard() {
        TestHost tgt = target();
        // queue-level ap_functions missing on 05.xx: the card's value is used
        for (String q : List.of("05.0033", "05.0034")) {
            ApQueue o = tgt.find(q);
            tgt.replaceQueue(TestHost.queue(o.apqn(), Attr.missing(), o.driver(), o.mkvps()));
        }
        // card 06 without raw_hwtype
        tgt.cards.removeIf(c -> c.id() == 6);
        tgt.cards.add(TestHost.card(6, Attr.of(13), Attr.missing(), Attr.of(CCA_NATIVE & 0xFFFF0000)));
        TargetReport t = run(source(), tgt, DOC);
        assertTrue(t.compatible(), t.findings().toString());
        assertEquals(List.of(FindingCode.CARD_LEVEL_FUNCTIONS, FindingCode.MAPPED_HWTYPE),
                codes(t, Severity.WARNING));
        // nothing at all for card 06: no comparison possible
        tgt.cards.removeIf(c -> c.id() == 6);
        TargetReport u = run(source(), tgt, DOC);
        assertFalse(u.compatible());
        assertEquals(2, of(u, FindingCode.HWINFO_UNKNOWN).size());
    }

    @Test
    void guestMatrixFallbackWarns() {
        TestHost src = TestHost.host().card(5, 13, CCA_NATIVE, 0x33, 0x34).card(6, 13, CCA_NATIVE, 0x33, 0x34)
                .mdev(new Mdev(UUID, Attr.of(GUEST), Attr.missing(), Attr.of(ApMask.of(0x33)), Attr.missing()));
        TargetReport t = run(src, target(), DOC);
        assertTrue(t.compatible());
        assertEquals(List.of(FindingCode.GUEST_MATRIX_FALLBACK), codes(t, Severity.WARNING));
    }

    @Test
    void badSourceInputsAreBadInputExceptions() {
        HostSnapshot src = source().build();
        List<MigrationCheck.Target> tg = List.of(new MigrationCheck.Target("t", target().build()));
        BadInputException e = assertThrows(BadInputException.class, () ->
                MigrationCheck.check(src, "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", tg, DOC));
        assertTrue(e.getMessage().contains("no mdev aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee on the source host (mdevs there: "
                + UUID + ")"), e.getMessage());
        // A library error names the value, never a command-line option.
        assertEquals("'nope': not an mdev UUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)",
                assertThrows(BadInputException.class,
                        () -> MigrationCheck.check(src, "nope", tg, DOC)).getMessage());
        TestHost lsz = source();
        lsz.vfioUnknown = true;
        assertThrows(BadInputException.class, () -> MigrationCheck.check(lsz.build(), UUID, tg, DOC));
        // upper-case UUID is the same mdev
        assertEquals(UUID, MigrationCheck.check(src, UUID.toUpperCase(), tg, DOC).mdev());
    }

    @Test
    void lszcryptLikeTargetGivesFindingsNotCrashes() {
        TestHost tgt = target();
        tgt.vfioUnknown = true;
        tgt.apmask = Attr.unknown();
        tgt.aqmask = Attr.unknown();
        tgt.controlDomains = Attr.unknown();
        tgt.maxA = Attr.unknown();
        tgt.maxD = Attr.unknown();
        tgt.queues.replaceAll(q -> TestHost.queue(q.apqn(), Attr.unknown(), Attr.unknown(), Attr.unknown()));
        TargetReport t = run(source(), tgt, DOC);
        assertFalse(t.compatible());
        assertNull(t.errno());
        assertEquals(List.of(), t.kernelLog());
        assertTrue(codes(t, Severity.ERROR).stream().allMatch(c -> c == FindingCode.UNVERIFIABLE),
                t.findings().toString());
        assertTrue(codes(t, Severity.WARNING).contains(FindingCode.CARD_LEVEL_FUNCTIONS));
    }

    @Test
    void sourceTapqFailureStopsBeforeTheTarget() {
        CheckReport r = MigrationCheck.check(source().build(),
                Map.of(Apqn.of(5, 0x34), QueueStatus.ofResponseCode(1)), UUID,
                List.of(new MigrationCheck.Target("a", target().build())), V3);
        TargetReport t = r.targets().get(0);
        assertEquals(Errno.ENODEV, t.errno());
        assertEquals(List.of(P + "migration failed: Failed to get hwinfo for queue 05.0034 on target host: TAPQ rc=1"),
                t.kernelLog());
        assertEquals(List.of(FindingCode.SOURCE_TAPQ_FAILED), codes(t, Severity.ERROR));
    }

    @Test
    void severalTargetsKeepTheirOrder() {
        TestHost bad = target();
        bad.mdevs.clear();
        CheckReport r = MigrationCheck.check(source().build(), UUID, List.of(
                new MigrationCheck.Target("b-bad", bad.build()),
                new MigrationCheck.Target("a-good", target().build())), DOC);
        assertEquals(List.of("b-bad", "a-good"), r.targets().stream().map(TargetReport::target).toList());
        assertFalse(r.targets().get(0).compatible());
        assertTrue(r.targets().get(1).compatible());
        assertFalse(r.allCompatible());
        String text = r.toText();
        assertTrue(text.contains("target b-bad: INCOMPATIBLE\n"), text);
        assertTrue(text.contains("target a-good: COMPATIBLE\n"), text);
    }

    @Test
    void fullMatrixOfEveryAdapterAndDomainIsCompatible() {
        TestHost src = TestHost.host();
        TestHost tgt = TestHost.host();
        int[] all = new int[256];
        for (int i = 0; i < 256; i++) {
            all[i] = i;
        }
        for (int a = 0; a < 256; a++) {
            src.card(a, 13, CCA_NATIVE, all);
            tgt.card(a, 14, CCA_NATIVE, all);
        }
        ApMatrix full = new ApMatrix(ApMask.FULL, ApMask.FULL);
        src.mdev(UUID, full, ApMask.EMPTY);
        tgt.mdev(UUID, ApMatrix.EMPTY, ApMask.EMPTY);
        HostSnapshot s = src.build();
        List<MigrationCheck.Target> t = List.of(new MigrationCheck.Target("t", tgt.build()));
        // Speed is CheckBenchmark's business; this only proves the full matrix is handled.
        CheckReport r = MigrationCheck.check(s, UUID, t, DOC);
        assertTrue(r.allCompatible());
        assertEquals(0, r.targets().get(0).kernelLog().size());
    }
}
