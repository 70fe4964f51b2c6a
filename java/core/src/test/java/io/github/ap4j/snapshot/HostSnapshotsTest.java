// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.UnavailableException;
import io.github.ap4j.internal.NativeSnapshotReader;
import io.github.ap4j.internal.lszcrypt.LszcryptFormatter;
import io.github.ap4j.internal.sysfs.DirectorySysfsTree;
import io.github.ap4j.internal.sysfs.FixtureCapture;
import io.github.ap4j.internal.sysfs.SysfsSnapshotReader;
import io.github.ap4j.internal.sysfs.TreeBuilder;
import io.github.ap4j.model.Apqn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed entry points: each reads what its name says and agrees with the spec syntax. */
class HostSnapshotsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    private static final List<Apqn> STANDARD = List.of(Apqn.parse("05.0033"),
            Apqn.parse("05.0034"), Apqn.parse("06.0033"), Apqn.parse("07.0033"));

    @TempDir
    Path tmp;

    private static List<Apqn> apqns(HostSnapshot s) {
        return s.queues().stream().map(ApQueue::apqn).toList();
    }

    private Path sysfs() {
        Path root = tmp.resolve("sys");
        TreeBuilder.standardHost(root);
        return root;
    }

    @Test
    void sysfsReadsTheTreeAsSysfs() {
        Path root = sysfs();
        HostSnapshot s = HostSnapshots.sysfs(root);
        assertEquals(SourceKind.SYSFS, s.provenance().kind());
        assertEquals(root.toString(), s.provenance().origin());
        assertEquals(STANDARD, apqns(s));
        assertTrue(s.mdev(TreeBuilder.UUID).isPresent());
        HostSnapshot spec = HostSnapshots.open("sysfs:" + root);
        assertEquals(s, spec.withProvenance(s.provenance()));
    }

    @Test
    void fixtureReadsDirectoriesAndArchivesToTheSameHost() {
        Path root = sysfs();
        HostSnapshot live = HostSnapshots.sysfs(root);
        Path dir = tmp.resolve("fix");
        Path tgz = tmp.resolve("fix.tar.gz");
        FixtureCapture.capture(DirectorySysfsTree.open(root), dir, CLOCK);
        FixtureCapture.capture(DirectorySysfsTree.open(root), tgz, CLOCK);

        for (Path p : List.of(dir, tgz)) {
            HostSnapshot f = HostSnapshots.fixture(p);
            assertEquals(SourceKind.FIXTURE, f.provenance().kind(), p.toString());
            assertEquals(live, f.withProvenance(live.provenance()), p.toString());
            assertEquals(f, HostSnapshots.open(p.toString()).withProvenance(f.provenance()));
        }
    }

    @Test
    void migrationScopeLeavesTheOtherAttributesNotRead() {
        Path root = sysfs();
        ApQueue full = HostSnapshots.sysfs(root, ReadScope.FULL).queues().get(0);
        ApQueue narrow = HostSnapshots.sysfs(root, ReadScope.MIGRATION).queues().get(0);
        assertEquals(0, full.requestqCount().get());
        assertEquals(Absence.NOT_READ, narrow.requestqCount().absence());
        assertEquals(full.functions(), narrow.functions());
        assertEquals(Absence.NOT_READ, HostSnapshots.open(root.toString(), ReadScope.MIGRATION)
                .queues().get(0).requestqCount().absence());
    }

    @Test
    void lszcryptReadsTheText() throws Exception {
        Path f = tmp.resolve("lszcrypt.txt");
        Files.writeString(f, LszcryptFormatter.format(HostSnapshots.sysfs(sysfs())));
        HostSnapshot s = HostSnapshots.lszcrypt(f);
        assertEquals(SourceKind.LSZCRYPT, s.provenance().kind());
        assertEquals(STANDARD, apqns(s));
    }

    @Test
    void replayAnswersTheRecordedTableThroughTheShim() throws Exception {
        HostSnapshot host = HostSnapshots.sysfs(sysfs());
        Path table = tmp.resolve("host.replay");
        NativeSnapshotReader.replayTableOf(host).write(table);

        HostSnapshot replayed = HostSnapshots.replay(table);
        assertEquals(SourceKind.NATIVE, replayed.provenance().kind());
        assertEquals(STANDARD, apqns(replayed));
        for (ApQueue q : replayed.queues()) {
            assertEquals(host.queue(q.apqn()).orElseThrow().functions(), q.functions(),
                    q.apqn().toString());
        }
    }

    @Test
    void badPathsNameTheFile() {
        Path missing = tmp.resolve("nope");
        assertEquals(missing + ": no such directory", assertThrows(BadInputException.class,
                () -> HostSnapshots.sysfs(missing)).getMessage());
        assertEquals(missing + ": no such file or directory", assertThrows(BadInputException.class,
                () -> HostSnapshots.fixture(missing)).getMessage());
        assertEquals(missing + ": no such file", assertThrows(BadInputException.class,
                () -> HostSnapshots.lszcrypt(missing)).getMessage());
        assertEquals(missing + ": no such file", assertThrows(BadInputException.class,
                () -> HostSnapshots.replay(missing)).getMessage());
    }

    @Test
    void fixtureRejectsAPlainFile() throws Exception {
        Path f = Files.writeString(tmp.resolve("notes.txt"), "hello\n");
        assertEquals(f + ": not a sysfs directory or a .tar.gz/.tgz fixture",
                assertThrows(BadInputException.class, () -> HostSnapshots.fixture(f)).getMessage());
    }

    @Test
    void liveIsTheSysfsSpecOfThisProcess() {
        // The live root depends on this machine ($SYSFS_ROOT or /sys); whatever it is, the typed
        // call and the spec must answer alike.
        Path root = SysfsSnapshotReader.defaultRoot(System.getenv());
        if (Files.isDirectory(root.resolve("bus/ap"))) {
            HostSnapshot live = HostSnapshots.live(ReadScope.MIGRATION);
            assertEquals(SourceKind.SYSFS, live.provenance().kind());
            assertEquals(root.toString(), live.provenance().origin());
            assertEquals(root.toString(),
                    HostSnapshots.sysfs(Path.of("/sys"), ReadScope.MIGRATION).provenance().origin());
        } else {
            String expected = root.resolve("bus/ap") + ": no AP bus on this host (not IBM Z, or "
                    + "the ap module is not loaded); name a fixture instead";
            assertEquals(expected, assertThrows(UnavailableException.class,
                    HostSnapshots::live).getMessage());
            assertEquals(expected, assertThrows(UnavailableException.class,
                    () -> HostSnapshots.open("sysfs:")).getMessage());
            // /sys by name is the same live tree, not a directory that happens to lack bus/ap.
            assertEquals(expected, assertThrows(UnavailableException.class,
                    () -> HostSnapshots.sysfs(Path.of("/sys"))).getMessage());
            assertEquals(expected, assertThrows(UnavailableException.class,
                    () -> HostSnapshots.open("/sys")).getMessage());
        }
    }

    @Test
    void openGuestOfAndOpenOnlyReadJustThoseQueues() {
        String spec = "sysfs:" + sysfs();
        assertEquals(List.of(Apqn.parse("05.0033"), Apqn.parse("05.0034")),
                apqns(HostSnapshots.openGuestOf(spec, ReadScope.FULL, TreeBuilder.UUID)));
        io.github.ap4j.model.ApMatrix six = new io.github.ap4j.model.ApMatrix(
                io.github.ap4j.model.ApMask.of(6), io.github.ap4j.model.ApMask.of(0x33));
        assertEquals(List.of(Apqn.parse("06.0033")),
                apqns(HostSnapshots.openOnly(spec, ReadScope.MIGRATION, six)));
    }
}
