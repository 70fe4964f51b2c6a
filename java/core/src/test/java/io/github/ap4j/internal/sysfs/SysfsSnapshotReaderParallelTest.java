// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.ReadScope;
import io.github.ap4j.snapshot.SourceKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory tree with many devices is read by {@link SysfsSnapshotReader#READERS} threads;
 * its snapshot and its first error must be those of the one-thread read, which any other
 * {@link SysfsTree} (here a plain delegate) still gets.
 */
class SysfsSnapshotReaderParallelTest {

    @TempDir
    Path root;

    /** Delegates everything: not a DirectorySysfsTree, so read by one thread. */
    record Sequential(SysfsTree in) implements SysfsTree {
        @Override public String origin() { return in.origin(); }
        @Override public String describe(String path) { return in.describe(path); }
        @Override public Optional<Type> lstat(String path) { return in.lstat(path); }
        @Override public Optional<Type> stat(String path) { return in.stat(path); }
        @Override public Optional<byte[]> readBytes(String path) { return in.readBytes(path); }
        @Override public List<String> list(String path) { return in.list(path); }
        @Override public Optional<String> readLink(String path) { return in.readLink(path); }
        @Override public Optional<String> linkTarget(String path) { return in.linkTarget(path); }
    }

    private TreeBuilder host() {
        TreeBuilder b = new TreeBuilder(root).bus().matrix("guest_matrix migratable");
        for (int c = 5; c <= 7; c++) {
            b.card(c, "CEX8C", 14, 14, "0x92800000", "cex4card");
            for (int d = 0; d < 40; d++) {
                b.queue(c, d, "0x92808000", d % 2 == 0 ? "vfio_ap" : "cex4queue");
            }
        }
        return b;
    }

    private HostSnapshot read(SysfsTree t, ReadScope scope) {
        return new SysfsSnapshotReader(t, SourceKind.SYSFS, SysfsSnapshotReaderTest.CLOCK, scope).read();
    }

    @Test
    void sameSnapshotAsOneThread() {
        host();
        DirectorySysfsTree t = DirectorySysfsTree.open(root);
        for (ReadScope scope : ReadScope.values()) {
            HostSnapshot one = read(new Sequential(t), scope);
            assertEquals(123, one.cards().size() + one.queues().size());
            assertTrue(one.queues().size() >= SysfsSnapshotReader.PARALLEL_MIN);
            for (int i = 0; i < 5; i++) {
                assertEquals(one, read(t, scope), scope.name());
            }
        }
    }

    @Test
    void firstErrorInDeviceOrderAsOneThread() {
        host().file("devices/ap/card07/07.0020/config", "yes\n")
                .file("devices/ap/card05/05.0027/chkstop", "no\n")
                .file("devices/ap/card06/06.0001/ap_functions", "0xZZ\n");
        DirectorySysfsTree t = DirectorySysfsTree.open(root);
        String one = assertThrows(BadInputException.class,
                () -> read(new Sequential(t), ReadScope.FULL)).getMessage();
        assertTrue(one.contains("card05/05.0027/chkstop"), one);
        for (int i = 0; i < 10; i++) {
            assertEquals(one, assertThrows(BadInputException.class,
                    () -> read(t, ReadScope.FULL)).getMessage());
        }
    }

    @Test
    void aBrokenDeviceLinkLaterStillBeatsABadFileEarlier() {
        // One thread resolves every bus/ap/devices link before it reads any device.
        host().file("devices/ap/card05/05.0003/config", "yes\n")
                .link("bus/ap/devices/07.0020", "../../../devices/ap/card07/nothing");
        DirectorySysfsTree t = DirectorySysfsTree.open(root);
        String one = assertThrows(BadInputException.class,
                () -> read(new Sequential(t), ReadScope.FULL)).getMessage();
        assertTrue(one.contains("bus/ap/devices/07.0020"), one);
        for (int i = 0; i < 10; i++) {
            assertEquals(one, assertThrows(BadInputException.class,
                    () -> read(t, ReadScope.FULL)).getMessage());
        }
    }
}
