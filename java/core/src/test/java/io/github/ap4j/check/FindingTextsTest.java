// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.Apqn;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The branches of the finding texts: each case picks one wording that a neighbouring case does
 * not have (singular and plural, source and target, logged and silent, known and unknown names).
 */
class FindingTextsTest {
    static final String UUID = TestHost.UUID;
    static final Apqn Q = Apqn.of(5, 0x33);

    /** GR2 bits 0 (APSC), 3 (CCA), 7 (SLCF), 8 (full native), 9 (stateless); type in bits 32-39. */
    static final long APSC = 0x8000000000000000L;
    static final long CCA = 0x1000000000000000L;
    static final long SLCF = 0x0100000000000000L;
    static final long FULL_NATIVE = 0x0080000000000000L;
    static final long STATELESS = 0x0040000000000000L;
    /** Bind state 1 (GR2 bits 16-17). */
    static final long BOUND = 0x0000400000000000L;

    static long type(int t) {
        return (long) t << 24;
    }

    /** APSC and CCA, full native, CEX8 against CCA, stateless, bound, CEX7. */
    static final long SRC1 = APSC | CCA | FULL_NATIVE | type(14);
    static final long TGT1 = CCA | STATELESS | BOUND | type(13);
    /** Only SLCF differs, both unbound, full native and of the same type. */
    static final long SRC2 = CCA | FULL_NATIVE | type(13);
    static final long TGT2 = CCA | SLCF | FULL_NATIVE | type(13);

    @Test
    void incompatibilitiesNameEachDifferenceOnItsSide() {
        String bind = "bind state must be 0 on both sides (source 0, target 1; unbind the SE queue "
                + "with echo 0 > /sys/bus/ap/devices/05.0033/se_bind)";
        List<String> doc = List.of("APSC on the source only",
                "source type 14 (CEX8) is newer than the target's 13 (CEX7)", bind,
                "full native function on the source, only stateless functions on the target");
        assertEquals(doc, FindingTexts.incompatibilities(RuleSet.DOC, Q, SRC1, TGT1));
        // The class byte differs (bit 8 against bit 9): only v3 compares the whole word.
        List<String> v3 = FindingTexts.incompatibilities(RuleSet.V3, Q, SRC1, TGT1);
        assertEquals(doc, v3.subList(0, 4));
        assertEquals(List.of("the 32-bit facility words differ outside bits 0-7 (source 0x90800000, "
                + "target 0x10404000: class byte or reserved bits 18-31), and the v3 code requires "
                + "the whole word to be equal"), v3.subList(4, v3.size()));

        // Equal types, unbound, both full native, and no difference outside bits 0-7.
        for (RuleSet rules : RuleSet.values()) {
            assertEquals(List.of("SLCF on the target only"),
                    FindingTexts.incompatibilities(rules, Q, SRC2, TGT2), rules.label());
        }
    }

    @Test
    void shortIncompatibilitiesAreTheTableProblem() {
        assertEquals("APSC only on the source; source type 14 (CEX8) newer than 13 (CEX7); "
                + "bind state not 0; target only stateless",
                FindingTexts.hwinfoIncompatible(RuleSet.DOC, Q, SRC1, TGT1).problem());
        assertEquals("APSC only on the source; source type 14 (CEX8) newer than 13 (CEX7); "
                + "bind state not 0; target only stateless; facility words differ (v3)",
                FindingTexts.hwinfoIncompatible(RuleSet.V3, Q, SRC1, TGT1).problem());
        for (RuleSet rules : RuleSet.values()) {
            assertEquals("SLCF only on the target",
                    FindingTexts.hwinfoIncompatible(rules, Q, SRC2, TGT2).problem());
            // A type with no name here is shown as the number alone.
            assertEquals("source type 15 newer than 14 (CEX8)", FindingTexts.hwinfoIncompatible(rules,
                    Q, CCA | FULL_NATIVE | type(15), CCA | FULL_NATIVE | type(14)).problem());
            // Words the short list has no reason for still get a problem text.
            assertEquals("hardware not compatible",
                    FindingTexts.hwinfoIncompatible(rules, Q, SRC2, SRC2).problem());
        }
    }

    @Test
    void idListsAreKernelHexSpaceSeparated() {
        assertEquals("00 10 ff", FindingTexts.adapters(ApMask.of(0, 0x10, 255)));
        assertEquals("0033 0034", FindingTexts.domains(ApMask.of(0x33, 0x34)));
        assertEquals("", FindingTexts.domains(ApMask.EMPTY));
        assertEquals("0x03 DECONFIGURED", FindingTexts.rcName(3));
        assertEquals("0x0c", FindingTexts.rcName(0x0c));
        assertEquals("card00", Guest.cardName(0));
        assertEquals("card0f", Guest.cardName(15));
        assertEquals("card10", Guest.cardName(16));
        assertEquals("cardff", Guest.cardName(255));
    }

    @Test
    void secureExecutionNamesTheHostsAndTheRuleSetsEffect() {
        Finding both = FindingTexts.seGuest(RuleSet.DOC, UUID, true, true);
        Finding target = FindingTexts.seGuest(RuleSet.DOC, UUID, true, false);
        Finding source = FindingTexts.seGuest(RuleSet.V3, UUID, false, true);
        assertEquals("both hosts are a Secure Execution guest (APSB)", both.problem());
        assertEquals("target is a Secure Execution guest (APSB)", target.problem());
        assertEquals("source is a Secure Execution guest (APSB)", source.problem());
        assertTrue(both.message().startsWith("Both hosts are a Secure"), both.message());
        assertTrue(target.message().startsWith("The target host is a Secure"), target.message());
        assertTrue(source.message().startsWith("The source host is a Secure"), source.message());
        assertTrue(target.message().contains("registers no migration support at all"));
        assertFalse(target.message().contains("EPERM"));
        assertTrue(source.message().contains("with EPERM and logs '"), source.message());
    }

    @Test
    void queueMissingGivesTheMostSpecificReason() {
        assertEquals("adapter 05 not configured to the target",
                FindingTexts.queueMissing(UUID, Q, true, true, true).problem());
        assertEquals("domain 0033 not a usage domain of the target",
                FindingTexts.queueMissing(UUID, Q, false, true, true).problem());
        Finding deconfigured = FindingTexts.queueMissing(UUID, Q, false, false, true);
        assertEquals("card05 is deconfigured", deconfigured.problem());
        assertEquals("echo 1 > /sys/bus/ap/devices/card05/config", deconfigured.fix());
        assertEquals("no queue device on the target",
                FindingTexts.queueMissing(UUID, Q, false, false, false).problem());
    }

    @Test
    void reservedQueueSaysWhereTheKernelStopsAndWhatElseLeaves() {
        String onVfio = FindingTexts.reservedForHost(UUID, Q, true, null, freeAdapter(0), APMASK).message();
        assertTrue(onVfio.contains("fails with EADDRNOTAVAIL (nothing is logged)"), onVfio);
        assertTrue(onVfio.contains("; no other queue leaves the host's drivers"), onVfio);
        String noDriver = FindingTexts.reservedForHost(UUID, Q, false, null, freeAdapter(1), APMASK).message();
        assertTrue(noDriver.contains("it is bound to a default driver, not vfio_ap"), noDriver);
        assertTrue(noDriver.contains("; 1 other queue leaves the host's drivers"), noDriver);
        Finding cexFinding = FindingTexts.reservedForHost(UUID, Q, false, "cex4queue", freeAdapter(3),
                APMASK);
        String cex = cexFinding.message();
        assertTrue(cex.contains("it is bound to cex4queue, not vfio_ap"), cex);
        assertTrue(cex.contains("; 3 other queues leave the host's drivers"), cex);
        // clearing adapter 05 alone is the relative edit "-5": modify_bitmap() in the kernel's
        // drivers/s390/crypto/ap_bus.c reads decimal ids after the sign
        assertEquals("echo -5 > /sys/bus/ap/apmask", cexFinding.fix());
    }

    /** Adapters 04 and 05 reserved for the host. */
    private static final ApMask APMASK = ApMask.of(4, 5);

    /** Clearing adapter 05 from the apmask frees Q and {@code collateral} other queues. */
    private static Choices.MaskChoice freeAdapter(int collateral) {
        return new Choices.MaskChoice(true, ApMask.of(Q.adapter()),
                java.util.Collections.nCopies(collateral, Apqn.of(5, 0x99)));
    }

    @Test
    void queueOnAnotherDriverGetsTheCommandsItNeeds() {
        Finding none = FindingTexts.notOnVfioAp(UUID, Q, null, true);
        assertEquals("bound to no driver", none.problem());
        assertEquals("echo 05.0033 > /sys/bus/ap/drivers/vfio_ap/bind", none.fix());
        Finding cex = FindingTexts.notOnVfioAp(UUID, Q, "cex4queue", false);
        assertEquals("bound to cex4queue, not vfio_ap", cex.problem());
        assertTrue(cex.message().startsWith("Queue 05.0033 is bound to cex4queue on the target"));
        assertEquals("modprobe vfio_ap; echo 05.0033 > /sys/bus/ap/drivers/cex4queue/unbind; "
                + "echo 05.0033 > /sys/bus/ap/drivers/vfio_ap/bind", cex.fix());
    }

    @Test
    void notOperationalQueueNamesItsState() {
        Finding stopped = FindingTexts.notOperational(Q, true);
        assertEquals("target queue is check-stopped", stopped.problem());
        assertEquals("repair the card", stopped.fix());
        Finding deconfigured = FindingTexts.notOperational(Q, false);
        assertEquals("target queue is deconfigured", deconfigured.problem());
        assertEquals("echo 1 > /sys/bus/ap/devices/card05/config", deconfigured.fix());
    }

    @Test
    void controlDomainTextsNameTheReason() {
        assertTrue(FindingTexts.controlDomainMissing(UUID, 0x33, true, null).message()
                .contains(": the target has no QCI, so its kernel reports no control domains"));
        assertTrue(FindingTexts.controlDomainMissing(UUID, 0x33, false, null).message()
                .contains(": it is not in the target's /sys/bus/ap/ap_control_domain_mask."));
        assertTrue(FindingTexts.controlDomainMissing(UUID, 0x33, false, 0x1f).message()
                .contains(": it is above the target's ap_max_domain_id 001f."));

        Finding one = FindingTexts.controlDomainsNotMigrated(UUID, ApMask.of(0x33));
        assertEquals("v3 drops control domain 0033", one.problem());
        assertTrue(one.message().contains("echo 0x0033 > /sys/devices/vfio_ap/matrix/" + UUID
                + "/assign_control_domain."), one.message());
        assertEquals("v3 drops control domains 0033 0034",
                FindingTexts.controlDomainsNotMigrated(UUID, ApMask.of(0x33, 0x34)).problem());
    }

    @Test
    void tapqTextsMentionAPendingAsynchronousError() {
        String pending = " with an asynchronous error pending";
        assertTrue(FindingTexts.tapqFailed(RuleSet.DOC, UUID, Q, 1, true).message().contains(pending));
        assertFalse(FindingTexts.tapqFailed(RuleSet.DOC, UUID, Q, 1, false).message().contains(pending));
        assertTrue(FindingTexts.tapqErrorIgnored(RuleSet.DOC, Q, 3, true).message().contains(pending));
        assertFalse(FindingTexts.tapqErrorIgnored(RuleSet.DOC, Q, 3, false).message().contains(pending));
    }

    @Test
    void sharingTextSaysWhetherTheKernelLogsItAndWhatTheOtherMdevLoses() {
        Finding loggedFinding = FindingTexts.inUseByOtherMdev(UUID, Q, TestHost.OTHER, true,
                release(true, 0));
        String logged = loggedFinding.message();
        assertEquals("echo 0x05 > /sys/devices/vfio_ap/matrix/" + TestHost.OTHER + "/unassign_adapter",
                loggedFinding.fix());
        assertTrue(logged.contains("fails with EADDRINUSE and logs '"), logged);
        assertFalse(logged.contains("also loses"), logged);
        Finding silentFinding = FindingTexts.inUseByOtherMdev(UUID, Q, TestHost.OTHER, false,
                release(false, 2));
        assertEquals("echo 0x0033 > /sys/devices/vfio_ap/matrix/" + TestHost.OTHER
                + "/unassign_domain", silentFinding.fix());
        String silent = silentFinding.message();
        assertTrue(silent.contains("EADDRINUSE (once the mdevs listed before it release theirs)."), silent);
        assertTrue(silent.contains(" also loses 2 queues the guest does not need"), silent);
    }

    /** The other mdev gives up Q's adapter (or domain) and {@code collateral} other queues. */
    private static Choices.ReleaseChoice release(boolean adapters, int collateral) {
        return new Choices.ReleaseChoice(TestHost.OTHER, adapters,
                adapters ? ApMask.of(Q.adapter()) : ApMask.of(Q.domain()), List.of(Q),
                java.util.Collections.nCopies(collateral, Apqn.of(5, 0x99)));
    }

    @Test
    void sourceSideAndHardwareTextsNameTheFilesToLookAt() {
        assertEquals("take the source snapshot on a kernel that shows /sys/devices/vfio_ap/matrix/"
                + UUID + "/guest_matrix", FindingTexts.guestMatrixFallback(UUID).fix());
        Finding empty = FindingTexts.emptyGuestMatrix(UUID);
        assertEquals("the guest has no APQNs", empty.problem());
        assertTrue(empty.fix().endsWith("assign adapters and domains to mdev " + UUID
                + " on the source"), empty.fix());
        Finding hw = FindingTexts.hwinfoUnknown("target", Q);
        assertEquals("no hardware information on the target", hw.problem());
        assertTrue(hw.fix().endsWith("/sys/bus/ap/devices/card05/05.0033/ap_functions and "
                + "card05/raw_hwtype"), hw.fix());
        Finding tapq = FindingTexts.sourceTapqFailed(Q, 0x02);
        assertTrue(tapq.message().startsWith("TAPQ on source queue 05.0033 fails with response "
                + "code 0x02"), tapq.message());
        assertTrue(tapq.fix().endsWith("echo 1 > /sys/bus/ap/devices/05.0033/reset)"), tapq.fix());
        assertTrue(FindingTexts.vfioApNotLoaded().fix().startsWith("modprobe vfio_ap"));
    }

    @Test
    void masterKeyMismatchQuotesBothPatternsAndTheDomainToLoad() {
        Finding f = FindingTexts.mkvpMismatch(Q, "AES", "0x1111111111111111", "0x2222222222222222");
        assertEquals("current AES master key differs", f.problem());
        assertTrue(f.message().contains("source pattern 0x1111111111111111, target "
                + "0x2222222222222222"), f.message());
        assertTrue(f.fix().startsWith("load the source's AES master key into domain 0033 "),
                f.fix());
    }

    @Test
    void textsBuiltLaterShowTheFeaturesAsTheyWereWhenTheCheckRan() {
        List<String> features = new java.util.ArrayList<>(List.of("guest_matrix", "hotplug"));
        Finding f = FindingTexts.notMigratable("target", features);
        features.add("migratable");
        assertTrue(f.message().contains("no 'migratable' feature ('guest_matrix hotplug')"),
                f.message());
    }

    @Test
    void idsAboveTheMaximaAreCountedInWords() {
        Finding oneA = FindingTexts.adaptersAboveMaximum(ApMask.of(0x10), 0x0f);
        assertEquals("1 adapter 10 above ap_max_adapter_id 0f", oneA.problem());
        assertTrue(oneA.message().startsWith("1 adapter 10 lies above the target's"), oneA.message());
        assertTrue(oneA.message().endsWith("the target cannot address it."), oneA.message());
        Finding twoA = FindingTexts.adaptersAboveMaximum(ApMask.of(0x10, 0xff), 0x0f);
        assertEquals("2 adapters 10 ff above ap_max_adapter_id 0f", twoA.problem());
        assertTrue(twoA.message().startsWith("2 adapters 10 ff lie above"), twoA.message());
        assertTrue(twoA.message().endsWith("the target cannot address them."), twoA.message());

        Finding oneD = FindingTexts.domainsAboveMaximum(ApMask.of(0x20), 0x1f);
        assertEquals("1 domain 0020 above ap_max_domain_id 001f", oneD.problem());
        assertTrue(oneD.message().startsWith("1 domain 0020 lies above"), oneD.message());
        assertTrue(FindingTexts.domainsAboveMaximum(ApMask.of(0x20, 0x21), 0x1f).message()
                .startsWith("2 domains 0020 0021 lie above"));
    }

    @Test
    void featureTextsNameTheSide() {
        assertTrue(FindingTexts.notMigratable("target", null).message()
                .contains("no 'migratable' feature (no features attribute)"));
        assertTrue(FindingTexts.notMigratable("source", List.of("guest_matrix", "hotplug")).message()
                .contains("no 'migratable' feature ('guest_matrix hotplug')"));
        assertEquals("source snapshot lacks vfio_ap's features",
                FindingTexts.featuresUnknown("source").problem());
        assertEquals("target snapshot lacks mdev " + TestHost.OTHER + "'s matrix",
                FindingTexts.otherMatrixUnknown(TestHost.OTHER).problem());
    }
}
