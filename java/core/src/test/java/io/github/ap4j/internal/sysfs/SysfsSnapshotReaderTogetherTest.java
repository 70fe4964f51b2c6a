// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.internal.io.Fifo;
import io.github.ap4j.internal.sysfs.SysfsSnapshotReaderParallelTest.Sequential;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.natives.DirectoryReader;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.ReadScope;
import io.github.ap4j.snapshot.SourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Device directories read together by libap4j ({@link DirectoryReader}, through
 * {@link DeviceDirectory}) must give exactly what the tree gives entry by entry: the same
 * snapshot, and on a bad tree the same first error, word for word. The reference is the
 * one-thread read of the same directory through a plain delegate ({@link Sequential}), which
 * never calls the native reader; the reads under test use it from the first device on, one
 * thread (few devices) and two (the bus links listed natively too).
 */
class SysfsSnapshotReaderTogetherTest {

    /** On tmpfs where there is one: each case writes two trees of hundreds of files. */
    @TempDir(factory = Tmpfs.class)
    Path root;

    /**
     * A temporary directory in {@code /dev/shm} (tmpfs, as /sys is a memory file system) when it
     * is writable, else in the default place: building the trees there is many times faster
     * than on a journalled disk, and it does not change what is read.
     */
    static final class Tmpfs implements TempDirFactory {
        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context)
                throws IOException {
            Path shm = Path.of("/dev/shm");
            if (Files.isDirectory(shm) && Files.isWritable(shm)) {
                return Files.createTempDirectory(shm, "ap4j-together-");
            }
            return Files.createTempDirectory("ap4j-together-");
        }
    }

    @BeforeEach
    void nativeReaderLoads() {
        // libap4j is built for linux-x86-64 and linux-s390x, where the suite runs: without it
        // every comparison below would compare the Java reader with itself.
        assertTrue(DirectoryReader.get().isPresent(), "libap4j's directory reader");
    }

    /**
     * A host of {@code queues} queues on each of cards 05..07: 2, read by one thread, or 21,
     * 66 devices, read by two ({@link SysfsSnapshotReader#PARALLEL_MIN}).
     */
    private TreeBuilder host(int queues) {
        TreeBuilder b = new TreeBuilder(root).bus().matrix("guest_matrix migratable");
        for (int c = 5; c <= 7; c++) {
            b.card(c, "CEX8C", 14, 14, "0x92800000", "cex4card");
            for (int d = 0; d < queues; d++) {
                b.queue(c, d, "0x92808000", d % 2 == 0 ? "vfio_ap" : "cex4queue");
            }
        }
        return b;
    }

    private SysfsSnapshotReader reader(SysfsTree t, ReadScope scope) {
        return new SysfsSnapshotReader(t, SourceKind.SYSFS, SysfsSnapshotReaderTest.CLOCK, scope);
    }

    /** What the read gives: the snapshot, or the error's class and message. */
    private static Object outcome(SysfsSnapshotReader r) {
        try {
            return r.read();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /**
     * Reads the tree one entry at a time and together, in both scopes, and requires the same
     * outcome; returns the FULL one-by-one outcome for the caller's own checks.
     */
    private Object sameEitherWay() {
        DirectorySysfsTree t = DirectorySysfsTree.open(root);
        Object full = null;
        for (ReadScope scope : ReadScope.values()) {
            Object one = outcome(reader(new Sequential(t), scope));
            Object together = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> outcome(reader(t, scope).togetherFrom(0)));
            assertEquals(one, together, scope.name());
            if (scope == ReadScope.FULL) {
                full = one;
            }
        }
        return full;
    }

    private void sameOnBothHosts(Consumer<TreeBuilder> change, String expected) {
        for (int queues : new int[] {2, 21}) {
            clear();
            TreeBuilder b = host(queues);
            change.accept(b);
            Object full = sameEitherWay();
            if (expected == null) {
                assertTrue(full instanceof HostSnapshot, String.valueOf(full));
            } else {
                assertTrue(String.valueOf(full).contains(expected), queues + ": " + full);
            }
        }
    }

    @Test
    void sameSnapshot() {
        sameOnBothHosts(b -> { }, null);
        HostSnapshot s = (HostSnapshot) sameEitherWay();
        assertEquals(3 + 3 * 21, s.cards().size() + s.queues().size());
    }

    @Test
    void anAttributeThatIsALinkIsFollowedInsideTheRoot() {
        sameOnBothHosts(b -> b.file("elsewhere/online", "0\n")
                .link("devices/ap/card06/06.0001/online", "../../../../elsewhere/online"), null);
    }

    @Test
    void aFifoWhereAnAttributeBelongsIsRefusedWithoutWaiting() {
        sameOnBothHosts(b -> fifo(delete("devices/ap/card06/06.0001/online")),
                "not a regular file");
    }

    @Test
    void aDirectoryWhereAnAttributeBelongs() {
        sameOnBothHosts(b -> b.dir(delete("devices/ap/card05/config")), "not a regular file");
    }

    @Test
    void aFileOverTheLimit() {
        sameOnBothHosts(b -> b.file("devices/ap/card07/07.0001/mkvps", "x".repeat(70_000)),
                "larger than 64 KiB");
    }

    @Test
    void aBadValue() {
        sameOnBothHosts(b -> b.file("devices/ap/card06/06.0000/ap_functions", "0xZZ\n"), "0xZZ");
    }

    @Test
    void aDriverThatIsAFileOrLeavesTheRoot() {
        sameOnBothHosts(b -> b.link("devices/ap/card06/06.0001/driver",
                "/bus/ap/drivers/cex4queue"), "symlink leads out of the root");
        sameOnBothHosts(b -> b.file(delete("devices/ap/card05/05.0000/driver"), "cex4queue\n"),
                "not a symbolic link");
    }

    @Test
    void aMissingDriverAndMissingAttributes() {
        sameOnBothHosts(b -> {
            delete("devices/ap/card05/05.0001/driver");
            delete("devices/ap/card05/05.0001/config");
        }, null);
    }

    @Test
    void busDeviceLinksThatLeadNowhereOrOutside() {
        sameOnBothHosts(b -> b.link("bus/ap/devices/07.0001", "../../../devices/ap/card07/nothing"),
                "device link leads to no device directory");
        sameOnBothHosts(b -> b.link("bus/ap/devices/07.0001",
                "../../../devices/ap/card07/07.0001/online"),
                "device link leads to no device directory");
        sameOnBothHosts(b -> b.link("bus/ap/devices/07.0001", "/sys/devices/ap/card07/07.0001"),
                "absolute target");
        sameOnBothHosts(b -> b.link("bus/ap/devices/07.0001", "../../../../../../07.0001"),
                "leads out of the root");
    }

    @Test
    void aCardDirectoryReachedThroughALinkInsideTheRoot() {
        // devices/ap/card06 is a link: the device's canonical directory is where it leads, as
        // the careful walk finds, and its driver links are resolved from there; the lexical
        // path through the link would resolve them elsewhere. At the same depth they stay in
        // the root; one level up they leave it.
        sameOnBothHosts(b -> move("devices/ap/card06", "devices/other/card06"), null);
        sameOnBothHosts(b -> move("devices/ap/card06", "moved06"),
                "06.0000/driver: symlink leads out of the root");
    }

    @Test
    void aBusDeviceThatIsADirectoryOrHasABadName() {
        sameOnBothHosts(b -> b.dir("bus/ap/devices/0g.0001"), "not an AP device name");
    }

    @Test
    void theFirstErrorInDeviceOrder() {
        sameOnBothHosts(b -> b.file("devices/ap/card07/07.0001/config", "yes\n")
                .file("devices/ap/card05/05.0001/chkstop", "no\n")
                .link("bus/ap/devices/06.0001", "../../../devices/ap/card06/nothing"),
                "bus/ap/devices/06.0001");
    }

    @Test
    void aGuestOnlyRead() {
        host(21);
        DirectorySysfsTree t = DirectorySysfsTree.open(root);
        ApMatrix m = new ApMatrix(ApMask.of(5, 6),
                ApMask.of(0, 1, 2, 20, 39));
        for (ReadScope scope : ReadScope.values()) {
            HostSnapshot one = reader(new Sequential(t), scope).only(m).read();
            assertEquals(one, reader(t, scope).togetherFrom(0).only(m).read(), scope.name());
            assertTrue(one.queue(Apqn.of(6, 20)).isPresent());
            assertFalse(one.queue(Apqn.of(6, 39)).isPresent());
            assertFalse(one.queue(Apqn.of(7, 0)).isPresent());
        }
    }

    @Test
    void theReaderReadsADeviceDirectoryInOneCall() {
        host(2);
        DirectorySysfsTree t = DirectorySysfsTree.open(root);
        DirectoryReader r = DirectoryReader.get().orElseThrow();
        DirectoryReader.Names names =
                DirectoryReader.Names.of(List.of("config", "driver", "se_bind"));
        // Not before its parent has been walked and found to hold no link.
        assertTrue(t.readTogether("devices/ap/card05/05.0001", r, names).isEmpty());
        t.stat("devices/ap/card05/05.0001");
        Optional<DirectoryReader.Entries> e = t.readTogether("devices/ap/card05/05.0001", r, names);
        assertTrue(e.isPresent());
        assertEquals(DirectoryReader.Kind.FILE, e.get().kind(0));
        assertEquals("1\n", e.get().text(0));
        assertEquals(DirectoryReader.Kind.LINK, e.get().kind(1));
        assertEquals("../../../../bus/ap/drivers/cex4queue", e.get().text(1));
        assertEquals(DirectoryReader.Kind.ABSENT, e.get().kind(2));
        assertTrue(t.readTogether("devices/ap/card05/nothing", r,
                DirectoryReader.Names.of(List.of("config"))).isEmpty());
    }

    /** Deletes the file or link {@code rel} and returns it, to put something else there. */
    private String delete(String rel) {
        try {
            Files.delete(root.resolve(rel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rel;
    }

    /** Moves directory {@code from} to {@code to} and leaves a relative link to it behind. */
    private void move(String from, String to) {
        try {
            Path target = root.resolve(to);
            Files.createDirectories(target.getParent());
            Files.move(root.resolve(from), target);
            Files.createSymbolicLink(root.resolve(from),
                    root.resolve(from).getParent().relativize(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the temporary directory for the next host. */
    private void clear() {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(root)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fifo(String rel) {
        try {
            Fifo.make(root.resolve(rel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badInputStaysBadInput() {
        host(2).file("devices/ap/card05/05.0000/config", "maybe\n");
        DirectorySysfsTree t = DirectorySysfsTree.open(root);
        BadInputException e = assertThrows(BadInputException.class,
                () -> reader(t, ReadScope.FULL).togetherFrom(0).read());
        assertTrue(e.getMessage().contains("devices/ap/card05/05.0000/config"), e.getMessage());
        assertTrue(e.getMessage().contains("'maybe"), e.getMessage());
    }
}
