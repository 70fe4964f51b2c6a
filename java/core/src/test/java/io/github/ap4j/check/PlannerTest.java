// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import static io.github.ap4j.check.TestHost.CCA_NATIVE;
import static io.github.ap4j.check.TestHost.OTHER;
import static io.github.ap4j.check.TestHost.UUID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.HostSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

    static Plan plan(TestHost tgt) {
        return Planner.plan(MigrationCheckTest.source().build(), UUID,
                new MigrationCheck.Target("dest", tgt.build()));
    }

    /** Applies the plan to a copy of the target and checks again under both rule sets. */
    static void assertPlanMakesCheckPass(TestHost tgt, Plan p) {
        HostSnapshot after = TestHost.apply(tgt.build(), p.actions());
        for (RuleSet r : RuleSet.values()) {
            CheckReport c = MigrationCheck.check(MigrationCheckTest.source().build(), UUID,
                    List.of(new MigrationCheck.Target("after", after)), r);
            assertTrue(c.allCompatible(), r + ": " + c.toText());
        }
    }

    @Test
    void createReleaseFreeAndBindThenCheckPasses() {
        TestHost tgt = TestHost.host().card(5, 13, CCA_NATIVE, 0x33, 0x34, 0x35)
                .card(6, 13, CCA_NATIVE, 0x33, 0x34, 0x35, 0x40).card(7, 13, CCA_NATIVE, 0x34)
                .mdev(OTHER, TestHost.matrix(new int[] {6}, new int[] {0x33, 0x40}), ApMask.EMPTY)
                .masks(ApMask.of(5, 6, 7), ApMask.of(0x34, 0x35))
                .driver("05.0033", null);
        assertFalse(MigrationCheck.check(MigrationCheckTest.source().build(), UUID,
                List.of(new MigrationCheck.Target("before", tgt.build())), RuleSet.DOC).allCompatible());
        Plan p = plan(tgt);
        assertEquals(List.of(
                "echo " + UUID + " > /sys/devices/vfio_ap/matrix/mdev_supported_types/vfio_ap-passthrough/create",
                "echo 0x0033 > /sys/devices/vfio_ap/matrix/" + OTHER + "/unassign_domain",
                "echo -52 > /sys/bus/ap/aqmask",
                "echo 05.0033 > /sys/bus/ap/drivers/vfio_ap/bind"), p.commands());
        // clearing domain 52 moves 07.0034 off its host driver; clearing adapters 5,6 would move two
        assertEquals(List.of(Apqn.of(7, 0x34)), p.collateral());
        assertEquals(List.of(Apqn.of(6, 0x33)), p.actions().get(1).affected());
        assertEquals(List.of(Apqn.of(5, 0x34), Apqn.of(6, 0x34)), p.actions().get(2).affected());
        assertTrue(p.sufficient(), p.blockers().toString());
        assertEquals(Verdict.COMPATIBLE, p.verdict());
        assertTrue(p.toText().contains("# collateral: these queues leave the host's default drivers: 07.0034\n"),
                p.toText());
        assertPlanMakesCheckPass(tgt, p);
    }

    @Test
    void clearsAdaptersWhenThatMovesFewerQueues() {
        TestHost tgt = MigrationCheckTest.target().card(7, 13, CCA_NATIVE, 0x33, 0x34)
                .card(8, 13, CCA_NATIVE, 0x33)
                .masks(ApMask.of(5, 6, 7, 8), ApMask.of(0x33, 0x34));
        Plan p = plan(tgt);
        assertEquals(List.of("echo -5-6 > /sys/bus/ap/apmask"), p.commands());
        assertEquals(List.of(), p.collateral());
        assertPlanMakesCheckPass(tgt, p);
    }

    @Test
    void releaseByAdapterWhenCheaper() {
        TestHost tgt = MigrationCheckTest.target()
                .mdev(OTHER, TestHost.matrix(new int[] {6, 9}, new int[] {0x33, 0x34}), ApMask.EMPTY);
        Plan p = plan(tgt);
        assertEquals(List.of("echo 0x06 > /sys/devices/vfio_ap/matrix/" + OTHER + "/unassign_adapter"),
                p.commands());
        assertPlanMakesCheckPass(tgt, p);
    }

    @Test
    void compatibleTargetNeedsNothing() {
        Plan p = plan(MigrationCheckTest.target());
        assertEquals(List.of(), p.actions());
        assertTrue(p.sufficient());
        assertEquals("# ap4j plan: mdev " + UUID + " on target dest (rules doc)\n"
                + "# nothing to change on the target\n", p.toText());
    }

    @Test
    void whatNoCommandFixesIsABlocker() {
        TestHost tgt = MigrationCheckTest.target().removeQueue("06.0034");
        tgt.mdevs.clear();
        Plan p = plan(tgt);
        assertEquals(1, p.actions().size());
        assertFalse(p.sufficient());
        assertEquals(List.of(FindingCode.QUEUE_MISSING), p.blockers().stream().map(Finding::code).toList());
        assertEquals(Verdict.INCOMPATIBLE, p.verdict()); // no command makes the queue appear
        assertTrue(p.toText().contains("# NOT ENOUGH: these problems remain after the commands above:\n"
                + "#   QUEUE_MISSING 06.0034: The target has no queue device 06.0034"), p.toText());
    }

    @Test
    void unknownMasksAreBlockersNotCrashes() {
        TestHost tgt = MigrationCheckTest.target();
        tgt.apmask = io.github.ap4j.snapshot.Attr.unknown();
        Plan p = plan(tgt);
        assertEquals(List.of(), p.actions());
        assertEquals(List.of(FindingCode.UNVERIFIABLE), p.blockers().stream().map(Finding::code).toList());
        assertEquals(Verdict.UNVERIFIABLE, p.verdict()); // nothing known is wrong, facts missing
    }

    @Test
    void adapterZeroIsUnassignedLikeAnyOther() {
        // a guest on adapter 00: the planner's walk over the ids to release starts at 0
        TestHost src = TestHost.host().card(0, 13, CCA_NATIVE, 0x33)
                .mdev(UUID, TestHost.matrix(new int[] {0}, new int[] {0x33}), ApMask.EMPTY);
        TestHost tgt = TestHost.host().card(0, 13, CCA_NATIVE, 0x33)
                .mdev(UUID, io.github.ap4j.model.ApMatrix.EMPTY, ApMask.EMPTY)
                .mdev(OTHER, TestHost.matrix(new int[] {0}, new int[] {0x33}), ApMask.EMPTY);
        Plan p = Planner.plan(src.build(), UUID, new MigrationCheck.Target("dest", tgt.build()));
        assertEquals(1, p.actions().size(), p.toText());
        assertEquals(Plan.Kind.UNASSIGN_ADAPTER, p.actions().get(0).kind());
        assertEquals("0x00", p.actions().get(0).value());
        assertEquals(List.of(Apqn.of(0, 0x33)), p.actions().get(0).affected());
    }

    @Test
    void eachUnassignedAdapterListsOnlyTheQueuesItTakes() {
        TestHost tgt = MigrationCheckTest.target()
                .mdev(OTHER, TestHost.matrix(new int[] {5, 6, 9}, new int[] {0x33, 0x34}), ApMask.EMPTY);
        Plan p = plan(tgt);
        assertEquals(List.of(Apqn.of(5, 0x33), Apqn.of(5, 0x34)), p.actions().get(0).affected());
        assertEquals(List.of(Apqn.of(6, 0x33), Apqn.of(6, 0x34)), p.actions().get(1).affected());
        assertEquals("mdev " + OTHER + " holds guest APQNs: unassign adapter 05 from it "
                + "(2 APQNs leave it)", p.actions().get(0).explanation());
        assertPlanMakesCheckPass(tgt, p);
    }

    @Test
    void unassignExplanationCountsQueuesTheGuestDoesNotNeed() {
        // Adapter 6 or domain 0x33 cost the other mdev one APQN each; the tie goes to adapters.
        TestHost tgt = MigrationCheckTest.target()
                .mdev(OTHER, TestHost.matrix(new int[] {6, 9}, new int[] {0x33, 0x40}), ApMask.EMPTY);
        Plan p = plan(tgt);
        assertEquals("mdev " + OTHER + " holds guest APQNs: unassign adapter 06 from it "
                + "(2 APQNs leave it, 1 of them not needed by this guest)",
                p.actions().get(0).explanation());
    }

    @Test
    void maskEditExplanationNamesTheSideItClears() {
        TestHost tgt = MigrationCheckTest.target().card(7, 13, CCA_NATIVE, 0x33, 0x34)
                .card(8, 13, CCA_NATIVE, 0x33)
                .masks(ApMask.of(5, 6, 7, 8), ApMask.of(0x33, 0x34));
        // ids as the kernel prints them (%02x, %04x), plain plurals
        assertEquals("hand 4 reserved guest APQNs to vfio_ap by clearing adapters 05 06 in apmask "
                + "(no other queue leaves the host's default drivers)",
                plan(tgt).actions().get(0).explanation());
        TestHost byDomain = TestHost.host().card(5, 13, CCA_NATIVE, 0x33, 0x34, 0x35)
                .card(6, 13, CCA_NATIVE, 0x33, 0x34, 0x35).card(7, 13, CCA_NATIVE, 0x34)
                .mdev(UUID, io.github.ap4j.model.ApMatrix.EMPTY, ApMask.EMPTY)
                .masks(ApMask.of(5, 6, 7), ApMask.of(0x34, 0x35));
        assertEquals("hand 2 reserved guest APQNs to vfio_ap by clearing domain 0034 in aqmask "
                + "(1 other queue leaves the host's default drivers)",
                plan(byDomain).actions().get(0).explanation());
    }
}
