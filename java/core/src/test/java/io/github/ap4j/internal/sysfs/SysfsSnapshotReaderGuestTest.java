// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.ReadScope;
import io.github.ap4j.snapshot.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SysfsSnapshotReader#only} and {@link SysfsSnapshotReader#onlyGuestOf}: the bus and
 * every mdev as a whole read gives them, the named devices as a whole read gives them, and no
 * other device read at all (a malformed file elsewhere goes unnoticed).
 */
class SysfsSnapshotReaderGuestTest {

    @TempDir
    Path root;

    /** Cards 05-07 with domains 0-39 each; the mdev holds 05,06 x 0x21,0x22 (4 APQNs). */
    private void host() {
        TreeBuilder b = new TreeBuilder(root).bus().matrix("guest_matrix migratable");
        for (int c = 5; c <= 7; c++) {
            b.card(c, "CEX8C", 14, 14, "0x92800000", "cex4card");
            for (int d = 0; d < 40; d++) {
                boolean guest = c <= 6 && (d == 0x21 || d == 0x22);
                b.queue(c, d, "0x92800000", guest ? "vfio_ap" : "cex4queue");
            }
        }
        String lines = "05.0021\n05.0022\n06.0021\n06.0022\n";
        b.mdev(TreeBuilder.UUID, lines, lines, "0021\n",
                ApMask.of(5, 6) + "," + ApMask.of(0x21, 0x22) + "," + ApMask.of(0x21) + "\n");
    }

    private SysfsSnapshotReader reader(ReadScope scope) {
        return new SysfsSnapshotReader(DirectorySysfsTree.open(root), SourceKind.SYSFS,
                SysfsSnapshotReaderTest.CLOCK, scope);
    }

    private static final ApMatrix GUEST = new ApMatrix(ApMask.of(5, 6), ApMask.of(0x21, 0x22));

    /** What the whole read has of the guest's devices. */
    private static void assertGuestPartOf(HostSnapshot whole, HostSnapshot part, ApMatrix m) {
        assertEquals(whole.bus(), part.bus());
        assertEquals(whole.matrix(), part.matrix());
        List<ApCard> cards = new ArrayList<>();
        for (ApCard c : whole.cards()) {
            if (m.adapters().contains(c.id())) {
                cards.add(c);
            }
        }
        List<ApQueue> queues = new ArrayList<>();
        for (ApQueue q : whole.queues()) {
            if (m.contains(q.apqn())) {
                queues.add(q);
            }
        }
        assertEquals(cards, part.cards());
        assertEquals(queues, part.queues());
    }

    @Test
    void theGuestsDevicesExactlyAsAWholeReadHasThem() {
        host();
        for (ReadScope scope : ReadScope.values()) {
            HostSnapshot whole = reader(scope).read();
            HostSnapshot byUuid = reader(scope).onlyGuestOf(TreeBuilder.UUID).read();
            assertGuestPartOf(whole, byUuid, GUEST);
            assertEquals(2, byUuid.cards().size());
            assertEquals(4, byUuid.queues().size());
            assertGuestPartOf(whole, reader(scope).only(GUEST).read(), GUEST);
        }
    }

    @Test
    void aLargeMatrixIsReadByTheParallelPathWithTheSameResult() {
        host();
        ApMatrix big = new ApMatrix(ApMask.of(5, 6, 7, 9), ApMask.range(0, 39));
        HostSnapshot part = reader(ReadScope.MIGRATION).only(big).read();
        assertTrue(big.size() >= SysfsSnapshotReader.PARALLEL_MIN);
        // Card 09 is not on the host: neither it nor its queues are in the snapshot.
        assertEquals(3, part.cards().size());
        assertEquals(120, part.queues().size());
        assertGuestPartOf(reader(ReadScope.MIGRATION).read(), part, big);
    }

    @Test
    void otherDevicesAreNotReadAtAll() {
        host();
        new TreeBuilder(root).file("devices/ap/card07/07.0021/ap_functions", "0xZZ\n")
                .file("devices/ap/card05/05.0003/config", "yes\n");
        assertThrows(BadInputException.class, () -> reader(ReadScope.MIGRATION).read());
        HostSnapshot g = reader(ReadScope.MIGRATION).onlyGuestOf(TreeBuilder.UUID).read();
        assertEquals(List.of(Apqn.parse("05.0021"), Apqn.parse("05.0022"), Apqn.parse("06.0021"),
                Apqn.parse("06.0022")), g.queues().stream().map(ApQueue::apqn).toList());
        // ... but a malformed file of the guest's own devices is still an error naming it.
        new TreeBuilder(root).file("devices/ap/card06/06.0022/config", "yes\n");
        String msg = assertThrows(BadInputException.class,
                () -> reader(ReadScope.MIGRATION).onlyGuestOf(TreeBuilder.UUID).read()).getMessage();
        assertTrue(msg.contains("card06/06.0022/config"), msg);
    }

    @Test
    void withoutTheMdevNoDeviceIsRead() {
        host();
        HostSnapshot g = reader(ReadScope.MIGRATION)
                .onlyGuestOf("00000000-0000-0000-0000-000000000000").read();
        assertEquals(List.of(), g.cards());
        assertEquals(List.of(), g.queues());
        assertEquals(1, g.matrix().get().mdevs().size());
    }

    @Test
    void withoutBusDevicesTheCardDirectoriesAreLookedUp() throws Exception {
        host();
        // Older fixtures: no bus/ap/devices, devices found under devices/ap.
        HostSnapshot whole = reader(ReadScope.FULL).read();
        try (var s = Files.list(root.resolve("bus/ap/devices"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(root.resolve("bus/ap/devices"));
        assertGuestPartOf(whole, reader(ReadScope.FULL).onlyGuestOf(TreeBuilder.UUID).read(), GUEST);
    }
}
