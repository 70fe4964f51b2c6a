// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.ap4j.check.CheckReport;
import io.github.ap4j.check.MigrationCheck;
import io.github.ap4j.check.Planner;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.internal.sysfs.DirectorySysfsTree;
import io.github.ap4j.internal.sysfs.SysfsSnapshotReader;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.ReadScope;
import io.github.ap4j.snapshot.SourceKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The check and the planner answer the same on {@link ReadScope#FULL} and {@link ReadScope#MIGRATION}
 * reads of generated sysfs trees (a compatible target and one with older cards), large enough
 * (16 x 85 queues) that the reader takes its multi-device path.
 */
class CheckScopeSyntheticTest {

    private static HostSnapshot read(Path root, ReadScope scope) {
        return new SysfsSnapshotReader(DirectorySysfsTree.open(root), SourceKind.SYSFS, scope).read();
    }

    @Test
    void sameReportsOnBothScopes() {
        Path dir = SyntheticHost.tempRoot("ap4j-scope-test-");
        try {
            List<Path> roots = new ArrayList<>();
            List<SyntheticHost> hosts = List.of(SyntheticHost.source(16, 85, 16, 85),
                    SyntheticHost.target(16, 85, 16, 85), SyntheticHost.olderCardTarget(16, 85, 16, 85));
            for (int i = 0; i < hosts.size(); i++) {
                Path root = dir.resolve("host" + i);
                hosts.get(i).writeSysfs(root);
                roots.add(root);
            }
            HostSnapshot fs = read(roots.get(0), ReadScope.FULL);
            HostSnapshot ms = read(roots.get(0), ReadScope.MIGRATION);
            List<MigrationCheck.Target> ft = new ArrayList<>();
            List<MigrationCheck.Target> mt = new ArrayList<>();
            for (int i = 1; i < roots.size(); i++) {
                ft.add(new MigrationCheck.Target("t" + i, read(roots.get(i), ReadScope.FULL)));
                mt.add(new MigrationCheck.Target("t" + i, read(roots.get(i), ReadScope.MIGRATION)));
            }
            for (RuleSet rules : RuleSet.values()) {
                CheckReport full = MigrationCheck.check(fs, SyntheticHost.UUID, ft, rules);
                assertEquals(full, MigrationCheck.check(ms, SyntheticHost.UUID, mt, rules), rules.name());
                assertFalse(full.targets().get(1).findings().isEmpty(), "older cards: findings");
            }
            for (int i = 0; i < ft.size(); i++) {
                assertEquals(Planner.plan(fs, SyntheticHost.UUID, ft.get(i)),
                        Planner.plan(ms, SyntheticHost.UUID, mt.get(i)));
            }
        } finally {
            SyntheticHost.delete(dir);
        }
    }
}
