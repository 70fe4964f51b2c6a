// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.check.MigrationCheck;
import io.github.ap4j.check.Planner;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.internal.SnapshotSources;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.ReadScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code check} and {@code plan} read snapshots in {@link ReadScope#MIGRATION}; on the shipped
 * example hosts their answers must be exactly those a {@link ReadScope#FULL} read gives.
 */
class CheckScopeTest {

    private static HostSnapshot open(String name, ReadScope scope) {
        return SnapshotSources.open(ExampleHostsTest.EXAMPLES.resolve(name).toString(), Map.of(), scope);
    }

    private static List<MigrationCheck.Target> targets(ReadScope scope) {
        List<MigrationCheck.Target> out = new ArrayList<>();
        for (String n : List.of("target-ok", "target-bad", "source-host")) {
            out.add(new MigrationCheck.Target(n, open(n, scope)));
        }
        return out;
    }

    @Test
    void checkAndPlanAreTheSameOnFullAndMigrationReads() {
        HostSnapshot fullSource = open("source-host", ReadScope.FULL);
        HostSnapshot narrowSource = open("source-host", ReadScope.MIGRATION);
        List<MigrationCheck.Target> full = targets(ReadScope.FULL);
        List<MigrationCheck.Target> narrow = targets(ReadScope.MIGRATION);
        for (RuleSet rules : RuleSet.values()) {
            assertEquals(MigrationCheck.check(fullSource, ExampleHosts.UUID, full, rules),
                    MigrationCheck.check(narrowSource, ExampleHosts.UUID, narrow, rules), rules.name());
        }
        for (int i = 0; i < full.size(); i++) {
            assertEquals(Planner.plan(fullSource, ExampleHosts.UUID, full.get(i)),
                    Planner.plan(narrowSource, ExampleHosts.UUID, narrow.get(i)), full.get(i).label());
        }
        // The narrow read did leave things out, as NOT_READ: the equality above is not vacuous.
        assertNotEquals(fullSource.queues(), narrowSource.queues());
        assertEquals(Absence.NOT_READ, narrowSource.queues().get(0).online().absence());
    }

    @Test
    void theCliOpensCheckAndPlanSnapshotsInTheMigrationScope() {
        String spec = ExampleHostsTest.EXAMPLES.resolve("target-bad").toString();
        assertEquals(open("target-bad", ReadScope.MIGRATION).queues(), Snapshots.open(spec).queues());
    }

    @Test
    void checkOnGuestOnlyReadsIsTheSameAsOnFullReads() {
        String src = ExampleHostsTest.EXAMPLES.resolve("source-host").toString();
        HostSnapshot fullSource = open("source-host", ReadScope.FULL);
        HostSnapshot guestSource = Snapshots.openSource(src, ExampleHosts.UUID);
        List<MigrationCheck.Target> full = targets(ReadScope.FULL);
        List<MigrationCheck.Target> guest = new ArrayList<>();
        for (String n : List.of("target-ok", "target-bad", "source-host")) {
            guest.add(new MigrationCheck.Target(n, Snapshots.openTarget(
                    ExampleHostsTest.EXAMPLES.resolve(n).toString(), guestSource, ExampleHosts.UUID, null)));
        }
        for (RuleSet rules : RuleSet.values()) {
            assertEquals(MigrationCheck.check(fullSource, ExampleHosts.UUID, full, rules),
                    MigrationCheck.check(guestSource, ExampleHosts.UUID, guest, rules), rules.name());
        }
        // Not vacuous: the source read left the other devices out, target-ok too; target-bad
        // reserves a guest APQN for the host, so it was read again whole for the fix's choice.
        assertTrue(guestSource.queues().size() < fullSource.queues().size());
        assertTrue(guest.get(0).snapshot().queues().size() < full.get(0).snapshot().queues().size());
        assertEquals(open("target-bad", ReadScope.MIGRATION).queues(), guest.get(1).snapshot().queues());
    }
}
