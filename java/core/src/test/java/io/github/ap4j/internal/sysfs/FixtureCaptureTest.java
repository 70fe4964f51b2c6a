// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.internal.SnapshotSources;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.SourceKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureCaptureTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Path host() {
        Path src = tmp.resolve("sys");
        TreeBuilder.standardHost(src);
        return src;
    }

    private static HostSnapshot read(SysfsTree t, SourceKind kind) {
        return new SysfsSnapshotReader(t, kind, CLOCK).read();
    }

    private static void assertSameHost(HostSnapshot expected, HostSnapshot actual) {
        assertEquals(expected, actual.withProvenance(expected.provenance()));
    }

    @Test
    void directoryRoundTrip() throws Exception {
        Path src = host();
        HostSnapshot live = read(DirectorySysfsTree.open(src), SourceKind.SYSFS);
        Path out = tmp.resolve("fix");
        FixtureCapture.Result r = FixtureCapture.capture(DirectorySysfsTree.open(src), out, CLOCK);
        assertEquals(out, r.out());
        HostSnapshot back = SnapshotSources.open(out.toString(), Map.of());
        assertEquals(SourceKind.FIXTURE, back.provenance().kind(), "the marker makes it a fixture");
        assertEquals(CLOCK.instant(), back.provenance().takenAt());
        assertSameHost(live, back);
        // real relative links are kept
        assertEquals("../../../devices/ap/card05",
                Files.readSymbolicLink(out.resolve("bus/ap/devices/card05")).toString());
        assertTrue(Files.isDirectory(out.resolve("devices/ap/card05/driver")), "driver link resolves");
        // action and write-only files are never copied
        assertFalse(Files.exists(out.resolve("devices/ap/card05/05.0033/reset")));
        assertFalse(Files.exists(out.resolve("devices/ap/card05/uevent")));
        assertFalse(Files.exists(out.resolve("devices/vfio_ap/matrix/" + TreeBuilder.UUID + "/assign_adapter")));
        assertFalse(Files.exists(out.resolve("devices/vfio_ap/matrix/" + TreeBuilder.UUID + "/remove")));
        assertTrue(Files.exists(out.resolve("devices/ap/card07/op_modes")));
    }

    @Test
    void archiveRoundTripAndIsDeterministic() throws Exception {
        Path src = host();
        HostSnapshot live = read(DirectorySysfsTree.open(src), SourceKind.SYSFS);
        Path out = tmp.resolve("fix.tar.gz");
        FixtureCapture.capture(DirectorySysfsTree.open(src), out, CLOCK);
        HostSnapshot back = SnapshotSources.open(out.toString(), Map.of());
        assertEquals(SourceKind.FIXTURE, back.provenance().kind());
        assertSameHost(live, back);

        // the same tree gives the same bytes (fixed owner and time, sorted members)
        Path again = tmp.resolve("again.tgz");
        FixtureCapture.capture(DirectorySysfsTree.open(src), again, CLOCK);
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again));
        // and a fixture re-captured from the archive reads back the same
        Path third = tmp.resolve("third");
        FixtureCapture.capture(TarSysfsTree.load(out), third, CLOCK);
        assertSameHost(live, SnapshotSources.open(third.toString(), Map.of()));
    }

    @Test
    void gnuTarCanReadOurArchiveAndWeReadGnuTar() throws Exception {
        Path src = host();
        Path out = tmp.resolve("fix.tar.gz");
        FixtureCapture.capture(DirectorySysfsTree.open(src), out, CLOCK);
        Path x = tmp.resolve("x");
        Files.createDirectories(x);
        Process p = new ProcessBuilder("tar", "-xzf", out.toString(), "-C", x.toString())
                .redirectErrorStream(true).start();
        String err = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), err);
        assertSameHost(read(DirectorySysfsTree.open(src), SourceKind.SYSFS),
                read(DirectorySysfsTree.open(x), SourceKind.FIXTURE));

        // and an archive made by tar czf of a directory (one top-level dir) loads too
        Path gnu = tmp.resolve("gnu.tgz");
        p = new ProcessBuilder("tar", "-czf", gnu.toString(), "-C", tmp.toString(), "x")
                .redirectErrorStream(true).start();
        err = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), err);
        assertSameHost(read(DirectorySysfsTree.open(src), SourceKind.SYSFS),
                read(TarSysfsTree.load(gnu), SourceKind.FIXTURE));
    }

    @Test
    void refusesExistingOutput() throws Exception {
        Path src = host();
        Path out = tmp.resolve("fix");
        Files.createDirectories(out.resolve("something"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> FixtureCapture.capture(DirectorySysfsTree.open(src), out, CLOCK));
        assertEquals(out + ": already exists: not overwritten", e.getMessage());
    }

    @Test
    void neverWritesIntoTheSource() {
        Path src = host();
        Path out = src.resolve("bus/ap/fix.tar.gz");
        BadInputException e = assertThrows(BadInputException.class,
                () -> FixtureCapture.capture(DirectorySysfsTree.open(src), out, CLOCK));
        assertTrue(e.getMessage().contains("output lies inside the source tree"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void captureKeepsBadValuesForBugReports() {
        Path src = host();
        new TreeBuilder(src).file("devices/ap/card06/hwtype", "garbage\n");
        Path out = tmp.resolve("fix");
        FixtureCapture.capture(DirectorySysfsTree.open(src), out, CLOCK);
        BadInputException e = assertThrows(BadInputException.class,
                () -> SnapshotSources.open(out.toString(), Map.of()));
        assertEquals(out + "/devices/ap/card06/hwtype: not a decimal number: 'garbage\\n'", e.getMessage());
    }

    // ------------------------------------------------------------- corrupt archives

    private Path writeArchive(byte[] bytes) throws Exception {
        Path p = tmp.resolve("bad.tar.gz");
        Files.write(p, bytes);
        return p;
    }

    private byte[] goodArchive() throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        Tar.writeGz(bo, List.of(Tar.Entry.dir("bus"), Tar.Entry.dir("bus/ap"),
                Tar.Entry.file("bus/ap/scans", "1\n".getBytes())), 0);
        return bo.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(bo)) {
            g.write(raw);
        }
        return bo.toByteArray();
    }

    private String loadError(byte[] bytes) throws Exception {
        Path p = writeArchive(bytes);
        return assertThrows(BadInputException.class, () -> TarSysfsTree.load(p)).getMessage();
    }

    @Test
    void goodArchiveLoads() throws Exception {
        TarSysfsTree t = TarSysfsTree.load(new ByteArrayInputStream(goodArchive()), "a");
        assertEquals("1\n", t.read("bus/ap/scans").orElseThrow());
        assertEquals(List.of("scans"), t.list("bus/ap"));
    }

    @Test
    void notGzip() throws Exception {
        Path p = writeArchive("hello".getBytes());
        assertEquals(p + ": corrupt or truncated .tar.gz: Not in GZIP format",
                assertThrows(BadInputException.class, () -> TarSysfsTree.load(p)).getMessage());
    }

    @Test
    void truncatedGzip() throws Exception {
        byte[] good = goodArchive();
        byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
        assertEquals(tmp.resolve("bad.tar.gz") + ": corrupt or truncated .tar.gz: the archive ends early",
                loadError(cut));
    }

    @Test
    void gzipOfGarbage() throws Exception {
        byte[] junk = new byte[1024];
        java.util.Arrays.fill(junk, (byte) 'x');
        assertEquals(tmp.resolve("bad.tar.gz") + ": corrupt .tar.gz: member 1 has no ustar header "
                + "(magic 'xxxxxx')", loadError(gzip(junk)));
    }

    @Test
    void tarCutMidMember() throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        Tar.writeGz(bo, List.of(Tar.Entry.file("bus/ap/scans", new byte[2000])), 0);
        byte[] raw = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(bo.toByteArray()))
                .readAllBytes();
        assertEquals(tmp.resolve("bad.tar.gz") + ": corrupt or truncated .tar.gz: the archive ends early",
                loadError(gzip(java.util.Arrays.copyOf(raw, 1024))));
    }

    @Test
    void tarWithoutEndBlock() throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        Tar.writeGz(bo, List.of(Tar.Entry.dir("bus")), 0);
        byte[] raw = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(bo.toByteArray()))
                .readAllBytes();
        assertEquals(tmp.resolve("bad.tar.gz") + ": corrupt or truncated .tar.gz: no end-of-archive block",
                loadError(gzip(java.util.Arrays.copyOf(raw, 512))));
    }

    @Test
    void badChecksum() throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        Tar.writeGz(bo, List.of(Tar.Entry.dir("bus")), 0);
        byte[] raw = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(bo.toByteArray()))
                .readAllBytes();
        raw[0] = 'c';
        assertEquals(tmp.resolve("bad.tar.gz") + ": corrupt .tar.gz: header checksum mismatch in member 1 'cus/'",
                loadError(gzip(raw)));
    }

    @Test
    void memberLeavingTheRoot() throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        Tar.writeGz(bo, List.of(Tar.Entry.file("../etc/passwd", new byte[1])), 0);
        assertEquals(tmp.resolve("bad.tar.gz") + ": member name leaves the archive root: '../etc/passwd'",
                loadError(bo.toByteArray()));
    }

    @Test
    void symlinkInArchiveLeavingTheRoot() throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        Tar.writeGz(bo, List.of(Tar.Entry.dir("bus/ap"), Tar.Entry.symlink("bus/ap/scans", "../../../x")), 0);
        TarSysfsTree t = TarSysfsTree.load(new ByteArrayInputStream(bo.toByteArray()), "a.tgz");
        assertEquals("a.tgz:bus/ap/scans: symlink leads out of the root: '../../../x'",
                assertThrows(BadInputException.class, () -> t.read("bus/ap/scans")).getMessage());
    }

    /**
     * Case 2: 30,000 members of 60 KB zeros (a 9 MB .tar.gz) unpacked to 1.8 GB. Here 3,000
     * (180 MB) are enough: the members' sum is bounded before each is read, so the real bound
     * stops at the 2,237th member and a 1 MiB bound at the 18th.
     */
    @Test
    void unpackedSizeIsBounded() throws Exception {
        byte[] zeros = new byte[60_000];
        List<Tar.Entry> members = new java.util.ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            members.add(Tar.Entry.file("f" + i, zeros)); // one shared array: the test stays small
        }
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        Tar.writeGz(bo, members, 0);
        var limit = io.github.ap4j.internal.io.InputLimit.of("a test archive's members", 1 << 20);
        assertEquals("bomb.tgz: members unpack to more than the 1 MiB allowed for a test archive's "
                + "members (at member 18 'f17')", assertThrows(BadInputException.class,
                        () -> Tar.readGz(new ByteArrayInputStream(bo.toByteArray()), "bomb.tgz", limit))
                .getMessage());
        String real = assertThrows(BadInputException.class,
                () -> TarSysfsTree.load(new ByteArrayInputStream(bo.toByteArray()), "bomb.tgz")).getMessage();
        assertTrue(real.startsWith("bomb.tgz: members unpack to more than the 128 MiB allowed for a "
                + "fixture archive's unpacked members (at member 2237 'f2236')"), real);
    }

    /** Case 7: a member name with terminal escapes is quoted with its control characters escaped. */
    @Test
    void memberNameWithTerminalEscapesIsEscaped() throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        Tar.writeGz(bo, List.of(Tar.Entry.file("../\u001b]0;pwned\u0007\u001b[2J", new byte[1])), 0);
        String m = loadError(bo.toByteArray());
        assertEquals(tmp.resolve("bad.tar.gz") + ": member name leaves the archive root: "
                + "'../\\x1b]0;pwned\\x07\\x1b[2J'", m);
        assertFalse(m.contains("\u001b"));
    }
}
