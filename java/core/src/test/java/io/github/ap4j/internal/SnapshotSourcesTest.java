package io.github.ap4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ap4j.BadInputException;
import io.github.ap4j.UnavailableException;
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
}
