// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.internal.io.Fifo;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.ConfigurationChangedException;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import io.github.ap4j.snapshot.Mkvp;
import io.github.ap4j.snapshot.Provenance;
import io.github.ap4j.snapshot.SourceKind;
import io.github.ap4j.snapshot.VfioApMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysfsSnapshotReaderTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private HostSnapshot read() {
        return new SysfsSnapshotReader(DirectorySysfsTree.open(root), SourceKind.SYSFS, CLOCK).read();
    }

    private String badMessage() {
        return assertThrows(BadInputException.class, this::read).getMessage();
    }

    @Test
    void readsAStandardHost() {
        TreeBuilder.standardHost(root);
        HostSnapshot s = read();
        assertEquals(new Provenance(SourceKind.SYSFS, root.toString(), CLOCK.instant()), s.provenance());

        BusAttributes bus = s.bus();
        assertEquals(List.of("APSC", "APXA", "QACT", "RC8A"), bus.features().get());
        assertEquals(ApMask.of(5, 6, 7), bus.adapters().get());
        assertEquals(ApMask.of(0x33, 0x34), bus.usageDomains().get());
        assertEquals(ApMask.FULL, bus.apmask().get());
        assertEquals(51, bus.apDomain().get());
        assertEquals(255, bus.maxDomainId().get());

        assertEquals(3, s.cards().size());
        ApCard c5 = s.card(5).orElseThrow();
        assertEquals("CEX8C", c5.type().get());
        assertEquals(14, c5.rawHwtype().get());
        assertEquals(0x92800000, c5.functions().get());
        assertEquals("cex4card", c5.driver().get());
        assertEquals(12288, c5.maxMsgSize().get());
        assertTrue(c5.online().get());

        assertEquals(4, s.queues().size());
        ApQueue q = s.queue(Apqn.parse("05.0033")).orElseThrow();
        assertEquals(0x92808000, q.functions().get());
        assertEquals("vfio_ap", q.driver().get());
        assertEquals("in use", q.vfioStatus().get());
        assertEquals(Absence.MISSING, q.online().absence(), "vfio_ap queues have no online");
        assertEquals(Absence.NOT_SUPPORTED, q.requestCount().absence(), "'-' is not supported");
        assertEquals(Absence.MISSING, q.seBind().absence());

        ApQueue ep11 = s.queue(Apqn.parse("07.0033")).orElseThrow();
        assertEquals("cex4queue", ep11.driver().get());
        List<Mkvp> mk = ep11.mkvps().get();
        assertEquals(new Mkvp("WK", "CUR", Attr.of("valid"), Attr.of("0x" + "ab".repeat(32))), mk.get(0));
        assertEquals(new Mkvp("WK", "NEW", Attr.of("empty"), Attr.notSupported()), mk.get(1));

        VfioApMatrix m = s.matrix().get();
        assertTrue(m.migratable());
        Mdev md = s.mdev(TreeBuilder.UUID).orElseThrow();
        assertEquals(new ApMatrix(ApMask.of(5), ApMask.of(0x33, 0x34)), md.matrix().get());
        assertEquals(md.matrix(), md.guestMatrix());
        assertEquals(ApMask.of(0x33), md.controlDomains().get());
        assertTrue(md.apConfig().get().startsWith("0x0400"));
    }

    @Test
    void fallsBackToDevicesApWithoutBusDevices() {
        TreeBuilder.standardHost(root);
        TreeBuilder b = new TreeBuilder(root);
        HostSnapshot viaLinks = read();
        deleteTree(root.resolve("bus/ap/devices"));
        b.file("devices/ap/uevent", "");
        assertEquals(viaLinks, read());
    }

    @Test
    void missingOptionalFilesAreAbsence() {
        new TreeBuilder(root).bus().card(5, "CEX8C", 14, 14, "0x92800000", "cex4card")
                .queue(5, 0x33, "0x92800000", null);
        delete("devices/ap/card05/type");
        delete("bus/ap/features");
        HostSnapshot s = read();
        assertEquals(Absence.MISSING, s.card(5).orElseThrow().type().absence());
        assertEquals(Absence.MISSING, s.bus().features().absence());
        assertEquals(Absence.MISSING, s.queue(Apqn.of(5, 0x33)).orElseThrow().driver().absence(),
                "no driver link: unbound");
        assertEquals(Absence.MISSING, s.matrix().absence(), "no vfio_ap module");
    }

    @Test
    void kernelAbsencesAreNotSupported() {
        new TreeBuilder(root).bus().file("bus/ap/ap_adapter_mask", "not supported\n")
                .file("bus/ap/features", "-\n").file("bus/ap/ap_domain", "-1\n");
        HostSnapshot s = read();
        assertEquals(Absence.NOT_SUPPORTED, s.bus().adapters().absence());
        assertEquals(Absence.NOT_SUPPORTED, s.bus().features().absence());
        assertEquals(Absence.NOT_SUPPORTED, s.bus().apDomain().absence());
    }

    @Test
    void unknownDriverIsKeptAsText() {
        new TreeBuilder(root).bus().card(9, "CEX9C", 14, 15, "0x92800000", "cex9card");
        assertEquals("cex9card", read().card(9).orElseThrow().driver().get());
    }

    @Test
    void missingRoot() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> DirectorySysfsTree.open(root.resolve("nope")));
        assertEquals(root.resolve("nope") + ": no such directory", e.getMessage());
    }

    @Test
    void rootWithoutApBus() {
        new TreeBuilder(root).dir("devices");
        assertEquals(root + "/bus/ap: no AP bus here (not an s390 sysfs tree or fixture, or the ap "
                + "module is not loaded)", badMessage());
    }

    @Test
    void garbageFunctionWordNamesFileAndValue() {
        TreeBuilder.standardHost(root).file("devices/ap/card05/05.0033/ap_functions", "0x9280zz00\n");
        assertEquals(root + "/devices/ap/card05/05.0033/ap_functions: not a 32-bit function word "
                + "(expected 0x and 8 hex digits): '0x9280zz00\\n'", badMessage());
    }

    @Test
    void truncatedAttribute() {
        TreeBuilder.standardHost(root).file("devices/ap/card06/raw_hwtype", "1");
        assertEquals(root + "/devices/ap/card06/raw_hwtype: truncated (no trailing newline): '1'",
                badMessage());
    }

    @Test
    void textWhereANumberBelongs() {
        TreeBuilder.standardHost(root).file("devices/ap/card06/hwtype", "CEX7A\n");
        assertEquals(root + "/devices/ap/card06/hwtype: not a decimal number: 'CEX7A\\n'", badMessage());
    }

    /**
     * Cases 4 and 5: numbers outside the kernel's own range are bad input naming the file; they
     * used to wrap (raw_hwtype 256 became type 0, 270 or -1 passed as compatible) or fail later
     * without a file name (ap_max_adapter_id -5).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "devices/ap/card06/raw_hwtype, 270",
        "devices/ap/card06/raw_hwtype, 256",
        "devices/ap/card06/raw_hwtype, -1",
        "devices/ap/card06/hwtype, -2",
        "bus/ap/ap_max_adapter_id, 300",
        "bus/ap/ap_max_adapter_id, -5",
        "bus/ap/ap_max_domain_id, 256",
    })
    void numbersOutOfTheKernelsRangeNameTheFile(String file, String value) {
        TreeBuilder.standardHost(root).file(file, value + "\n");
        assertEquals(root + "/" + file + ": number out of range 0..255: '" + value + "\\n'",
                badMessage());
    }

    @Test
    void negativeCountIsOutOfRange() {
        TreeBuilder.standardHost(root).file("devices/ap/card05/requestq_count", "-3\n");
        assertEquals(root + "/devices/ap/card05/requestq_count: number out of range 0..2147483647: "
                + "'-3\\n'", badMessage());
    }

    @Test
    void maskOfTheWrongLength() {
        TreeBuilder.standardHost(root).file("bus/ap/apmask", "0xffff\n");
        assertEquals(root + "/bus/ap/apmask: not a 256-bit mask (expected 0x and 64 hex digits): "
                + "'0xffff\\n'", badMessage());
    }

    @Test
    void emptyAttribute() {
        TreeBuilder.standardHost(root).file("devices/ap/card05/config", "");
        assertEquals(root + "/devices/ap/card05/config: empty file (expected one line): ''",
                badMessage());
    }

    @Test
    void badMatrixLine() {
        TreeBuilder.standardHost(root).file("devices/vfio_ap/matrix/" + TreeBuilder.UUID + "/matrix",
                "05.0033\n5.33\n");
        assertEquals(root + "/devices/vfio_ap/matrix/" + TreeBuilder.UUID + "/matrix: matrix line 2 "
                + "is not AA.DDDD, AA. or .DDDD: '5.33'", badMessage());
    }

    @Test
    void badMkvpsLineNamesTheLine() {
        TreeBuilder.standardHost(root).file("devices/ap/card07/07.0033/mkvps", "WK CUR: valid 0xab\nhello\n");
        assertEquals(root + "/devices/ap/card07/07.0033/mkvps:1: not an mkvps line ('<TYPE> "
                + "NEW|CUR|OLD: <state> <0x pattern>'): 'WK CUR: valid 0xab'", badMessage());
    }

    @Test
    void badDeviceName() {
        TreeBuilder.standardHost(root).link("bus/ap/devices/queue5", "../../../devices/ap/card05");
        assertEquals(root + "/bus/ap/devices/queue5: not an AP device name (cardXX or XX.YYYY): "
                + "'queue5'", badMessage());
    }

    @Test
    void danglingDeviceLink() {
        TreeBuilder.standardHost(root).link("bus/ap/devices/card0a", "../../../devices/ap/card0a");
        assertEquals(root + "/bus/ap/devices/card0a: device link leads to no device directory: "
                + "'../../../devices/ap/card0a'", badMessage());
    }

    @Test
    void driverLinkEscapingTheRoot() {
        TreeBuilder.standardHost(root).link("devices/ap/card05/driver", "../../../../../etc/cex4card");
        assertEquals(root + "/devices/ap/card05/driver: symlink leads out of the root: "
                + "'../../../../../etc/cex4card'", badMessage());
    }

    @Test
    void deviceLinkEscapingTheRoot() {
        TreeBuilder.standardHost(root).link("bus/ap/devices/card05", "/sys/devices/ap/card05");
        assertEquals(root + "/bus/ap/devices/card05: symlink leads out of the root (absolute "
                + "target): '/sys/devices/ap/card05'", badMessage());
    }

    @Test
    void symlinkLoop() {
        TreeBuilder.standardHost(root).link("devices/ap/card05/type", "type2")
                .link("devices/ap/card05/type2", "type");
        assertEquals(root + "/devices/ap/card05/type: too many levels of symbolic links (a loop?) "
                + "at 'devices/ap/card05/type'", badMessage());
    }

    @Test
    void directoryWhereAFileBelongs() {
        TreeBuilder.standardHost(root);
        delete("devices/ap/card05/depth");
        new TreeBuilder(root).dir("devices/ap/card05/depth");
        assertEquals(root + "/devices/ap/card05/depth: not a regular file (a directory where an "
                + "attribute file is expected)", badMessage());
    }

    @Test
    void fifoWhereAFileBelongs() throws Exception {
        TreeBuilder.standardHost(root);
        delete("devices/ap/card05/depth");
        Fifo.make(root.resolve("devices/ap/card05/depth"));
        assertEquals(root + "/devices/ap/card05/depth: not a regular file (a FIFO, socket or device "
                + "where an attribute file is expected)", badMessage());
    }

    @Test
    void oversizedFile() {
        TreeBuilder.standardHost(root).file("devices/ap/card05/type", "x".repeat(70_000));
        assertEquals(root + "/devices/ap/card05/type: larger than 64 KiB: not a sysfs attribute",
                badMessage());
    }

    @Test
    void scansChangingOnEveryAttemptFails() {
        TreeBuilder.standardHost(root);
        SysfsTree moving = new ScansBumpingTree(DirectorySysfsTree.open(root), 100);
        ConfigurationChangedException e = assertThrows(ConfigurationChangedException.class,
                () -> new SysfsSnapshotReader(moving, SourceKind.SYSFS, CLOCK).read());
        assertTrue(e.getMessage().startsWith(root + "/bus/ap/scans: AP configuration changed while "
                + "reading (scans moved on each of 3 attempts"), e.getMessage());
    }

    @Test
    void scansChangingOnceIsRetried() {
        TreeBuilder.standardHost(root);
        SysfsTree moving = new ScansBumpingTree(DirectorySysfsTree.open(root), 1);
        HostSnapshot s = new SysfsSnapshotReader(moving, SourceKind.SYSFS, CLOCK).read();
        assertEquals(read(), s);
    }

    @Test
    void matrixCutAtAPageIsRebuiltFromApConfig() {
        // 64 adapters x 9 domains = 576 APQNs > 511: the kernel's text is cut at 4095 bytes.
        ApMatrix big = new ApMatrix(ApMask.range(0, 63), ApMask.range(0, 8));
        String full = big.toString();
        String cut = full.substring(0, SysfsFormats.PAGE_CUT);
        String apConfig = big.adapters() + "," + big.domains() + "," + ApMask.EMPTY + "\n";
        TreeBuilder.standardHost(root).mdev(TreeBuilder.UUID, cut, cut, "", apConfig);
        Mdev md = read().mdev(TreeBuilder.UUID).orElseThrow();
        assertEquals(big, md.matrix().get());
        assertEquals(Absence.UNKNOWN, md.guestMatrix().absence(),
                "a cut guest_matrix cannot be rebuilt: unknown, never a wrong matrix");
        assertEquals(ApMask.EMPTY, md.controlDomains().get());
    }

    @Test
    void matrixCutAtAPageMustAgreeWithApConfig() {
        ApMatrix big = new ApMatrix(ApMask.range(0, 63), ApMask.range(0, 8));
        String cut = big.toString().substring(0, SysfsFormats.PAGE_CUT);
        String apConfig = ApMask.range(1, 63) + "," + big.domains() + "," + ApMask.EMPTY + "\n";
        TreeBuilder.standardHost(root).mdev(TreeBuilder.UUID, cut, cut, "", apConfig);
        String msg = badMessage();
        assertTrue(msg.startsWith(root + "/devices/vfio_ap/matrix/" + TreeBuilder.UUID
                + "/matrix: cut at a page and does not agree with ap_config '0x7fff"), msg);
    }

    @Test
    void fixtureMarkerGivesCaptureTime() throws Exception {
        TreeBuilder.standardHost(root).file(FixtureMarker.FILE_NAME,
                new FixtureMarker(Instant.parse("2026-01-02T03:04:05Z"), "/sys").toText());
        HostSnapshot s = new SysfsSnapshotReader(DirectorySysfsTree.open(root), SourceKind.FIXTURE,
                CLOCK).read();
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), s.provenance().takenAt());
        assertFalse(Files.exists(root.resolve("nothing-written")));
    }

    private void delete(String rel) {
        try {
            Files.delete(root.resolve(rel));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void deleteTree(Path p) {
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A tree whose {@code bus/ap/scans} moves on each of its first {@code bumps} reads. */
    static final class ScansBumpingTree implements SysfsTree {
        private final SysfsTree inner;
        private int bumps;
        private long scans = 7;

        ScansBumpingTree(SysfsTree inner, int bumps) {
            this.inner = inner;
            this.bumps = bumps;
        }

        @Override public String origin() { return inner.origin(); }
        @Override public String describe(String path) { return inner.describe(path); }
        @Override public Optional<Type> lstat(String path) { return inner.lstat(path); }
        @Override public Optional<Type> stat(String path) { return inner.stat(path); }
        @Override public List<String> list(String path) { return inner.list(path); }
        @Override public Optional<String> readLink(String path) { return inner.readLink(path); }
        @Override public Optional<String> linkTarget(String path) { return inner.linkTarget(path); }

        @Override
        public Optional<byte[]> readBytes(String path) {
            if (path.equals("bus/ap/scans")) {
                long v = bumps-- > 0 ? scans++ : scans;
                return Optional.of((v + "\n").getBytes());
            }
            return inner.readBytes(path);
        }
    }
}
