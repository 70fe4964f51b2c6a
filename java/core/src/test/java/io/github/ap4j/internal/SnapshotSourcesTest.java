// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ap4j.BadInputException;
import io.github.ap4j.UnavailableException;
import io.github.ap4j.internal.io.Fifo;
import io.github.ap4j.internal.lszcrypt.LszcryptFormatter;
import io.github.ap4j.internal.sysfs.DirectorySysfsTree;
import io.github.ap4j.internal.sysfs.FixtureCapture;
import io.github.ap4j.internal.sysfs.TreeBuilder;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotSourcesTest {

    @TempDir
    Path tmp;

    @Test
    void directoryWithoutMarkerIsSysfs() {
        TreeBuilder.standardHost(tmp);
        assertEquals(SourceKind.SYSFS, SnapshotSources.open(tmp.toString(), Map.of()).provenance().kind());
        assertEquals(SourceKind.FIXTURE,
                SnapshotSources.open("fixture:" + tmp, Map.of()).provenance().kind());
    }

    @Test
    void prefixesForceTheKind() {
        Path src = tmp.resolve("s");
        TreeBuilder.standardHost(src);
        Path fix = tmp.resolve("f");
        FixtureCapture.capture(DirectorySysfsTree.open(src), fix,
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        assertEquals(SourceKind.FIXTURE, SnapshotSources.open(fix.toString(), Map.of()).provenance().kind());
        assertEquals(SourceKind.SYSFS, SnapshotSources.open("sysfs:" + fix, Map.of()).provenance().kind());
    }

    @Test
    void liveRootHonoursSysfsRoot() {
        TreeBuilder.standardHost(tmp);
        HostSnapshot s = SnapshotSources.open("sysfs:", Map.of("SYSFS_ROOT", tmp.toString()));
        assertEquals(SourceKind.SYSFS, s.provenance().kind());
        assertEquals(tmp.toString(), s.provenance().origin());
    }

    @Test
    void liveRootWithoutApBusIsUnavailable() {
        UnavailableException e = assertThrows(UnavailableException.class,
                () -> SnapshotSources.open("sysfs:", Map.of("SYSFS_ROOT", tmp.toString())));
        assertEquals(tmp + "/bus/ap: no AP bus on this host (not IBM Z, or the ap module is not "
                + "loaded); name a fixture instead", e.getMessage());
    }

    @Test
    void missingPath() {
        String p = tmp.resolve("nope").toString();
        assertEquals(p + ": no such file or directory",
                assertThrows(BadInputException.class, () -> SnapshotSources.open(p, Map.of())).getMessage());
        assertEquals(p + ".tar.gz: no such file", assertThrows(BadInputException.class,
                () -> SnapshotSources.open(p + ".tar.gz", Map.of())).getMessage());
    }

    @Test
    void textFileGoesToLszcryptImport() throws Exception {
        TreeBuilder.standardHost(tmp.resolve("s"));
        HostSnapshot sysfs = SnapshotSources.open(tmp.resolve("s").toString(), Map.of());
        Path f = tmp.resolve("lszcrypt.txt");
        Files.writeString(f, LszcryptFormatter.format(sysfs));
        HostSnapshot plain = SnapshotSources.open(f.toString(), Map.of());
        assertEquals(SourceKind.LSZCRYPT, plain.provenance().kind());
        assertEquals(f.toString(), plain.provenance().origin());
        HostSnapshot forced = SnapshotSources.open("lszcrypt:" + f, Map.of());
        assertEquals(plain, forced.withProvenance(plain.provenance()));
        assertEquals(sysfs.queues().size(), plain.queues().size());
    }

    @Test
    void missingLszcryptFile() {
        Path f = tmp.resolve("nope.txt");
        assertEquals(f + ": no such file", assertThrows(BadInputException.class,
                () -> SnapshotSources.open("lszcrypt:" + f, Map.of())).getMessage());
    }

    /** Case 1: a never-ending device as lszcrypt text or replay table is refused by its type. */
    @Test
    void devZeroIsRefusedForEverySpec() {
        for (String spec : new String[] {"/dev/zero", "lszcrypt:/dev/zero", "replay:/dev/zero"}) {
            assertEquals("/dev/zero: not a regular file (a character device); ap4j reads only "
                    + "regular files", assertThrows(BadInputException.class,
                            () -> SnapshotSources.open(spec, Map.of())).getMessage(), spec);
        }
    }

    /** Case 3: a FIFO as lszcrypt text or replay table no longer hangs. */
    @Test
    void fifoIsRefusedForEverySpec() throws Exception {
        Path fifo = tmp.resolve("listing");
        Fifo.make(fifo);
        for (String spec : new String[] {fifo.toString(), "lszcrypt:" + fifo, "replay:" + fifo}) {
            assertEquals(fifo + ": not a regular file (a FIFO); ap4j reads only regular files",
                    assertThrows(BadInputException.class,
                            () -> SnapshotSources.open(spec, Map.of())).getMessage(), spec);
        }
        Path tgz = tmp.resolve("fixture.tar.gz");
        Fifo.make(tgz);
        assertEquals(tgz + ": not a regular file (a FIFO); ap4j reads only regular files",
                assertThrows(BadInputException.class,
                        () -> SnapshotSources.open(tgz.toString(), Map.of())).getMessage());
    }

    /** Case 1: a huge sparse file is refused by its size before it is read. */
    @Test
    void hugeSparseFileIsRefusedBySize() throws Exception {
        Path f = tmp.resolve("huge.txt");
        try (var r = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(3L << 30);
        }
        assertEquals(f + ": 3221225472 bytes, more than the 16 MiB allowed for an lszcrypt listing",
                assertThrows(BadInputException.class,
                        () -> SnapshotSources.open(f.toString(), Map.of())).getMessage());
        assertEquals(f + ": 3221225472 bytes, more than the 16 MiB allowed for a replay table",
                assertThrows(BadInputException.class,
                        () -> SnapshotSources.open("replay:" + f, Map.of())).getMessage());
    }

    /** Case 6: /sys is the live tree, so SYSFS_ROOT applies to it as it does to "sysfs:". */
    @Test
    void slashSysHonoursSysfsRootLikeTheLiveSpec() {
        TreeBuilder.standardHost(tmp);
        Map<String, String> env = Map.of("SYSFS_ROOT", tmp.toString());
        for (String spec : new String[] {"sysfs:", "sysfs:/sys", "/sys", "/sys/"}) {
            HostSnapshot s = SnapshotSources.open(spec, env);
            assertEquals(tmp.toString(), s.provenance().origin(), spec);
        }
        assertEquals(tmp.toString(), SnapshotSources.tree("/sys", env).origin());
    }

    /** Case 6: a host without an AP bus is "unavailable" (3) for each way of naming /sys. */
    @Test
    void slashSysWithoutApBusIsUnavailableForEverySpec() {
        Map<String, String> env = Map.of("SYSFS_ROOT", tmp.toString());
        for (String spec : new String[] {"sysfs:", "sysfs:/sys", "/sys"}) {
            assertThrows(UnavailableException.class, () -> SnapshotSources.open(spec, env), spec);
        }
    }
}
