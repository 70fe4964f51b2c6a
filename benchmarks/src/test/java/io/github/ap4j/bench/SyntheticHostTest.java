// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.snapshot.HostSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated hosts the benchmarks run on: shape and kernel formats, no timing. */
class SyntheticHostTest {

    @TempDir
    Path root;

    @Test
    void snapshotHasTheRequestedShape() {
        HostSnapshot s = SyntheticHost.source(16, 85, 16, 85).snapshot();
        assertEquals(16, s.cards().size());
        assertEquals(1360, s.queues().size());
        assertEquals(1360, s.mdev(SyntheticHost.UUID).orElseThrow().guestMatrix().get().size());
        assertEquals("vfio_ap", s.queue(Apqn.of(15, 84)).orElseThrow().driver().get());
    }

    @Test
    void gr2WordIsARealisticCex8CcaWord() {
        SyntheticHost h = SyntheticHost.target(4, 4, 4, 4);
        assertEquals(0x928000000E550007L, h.gr2(0, 0));
        QueueHwInfo w = QueueHwInfo.ofGr2(h.gr2(3, 0));
        assertTrue(w.accel());
        assertEquals(14, w.rawType());
        assertEquals(13, QueueHwInfo.ofGr2(SyntheticHost.olderCardTarget(4, 4, 4, 4).gr2(3, 0)).rawType());
    }

    @Test
    void sysfsTreeUsesKernelFormatsAndLinks() throws Exception {
        int files = SyntheticHost.source(2, 3, 1, 2).writeSysfs(root);
        assertTrue(files > 2 * 3 * 9, "files: " + files);
        assertEquals("0x92800000\n", Files.readString(root.resolve("devices/ap/card00/00.0002/ap_functions")));
        assertEquals("0x92800000\n", Files.readString(root.resolve("devices/ap/card01/ap_functions")));
        assertEquals("CEX8C\n", Files.readString(root.resolve("devices/ap/card01/type")));
        assertTrue(Files.isSymbolicLink(root.resolve("bus/ap/devices/01.0002")));
        assertEquals(root.resolve("devices/ap/card01/01.0002").toRealPath(),
                root.resolve("bus/ap/devices/01.0002").toRealPath());
        assertTrue(root.resolve("devices/ap/card00/00.0001/driver").toRealPath().endsWith("vfio_ap"));
        assertTrue(root.resolve("devices/ap/card00/00.0002/driver").toRealPath().endsWith("cex4queue"));
        assertEquals("00.0000\n00.0001\n",
                Files.readString(root.resolve("devices/vfio_ap/matrix/" + SyntheticHost.UUID + "/matrix")));
        assertFalse(Files.exists(root.resolve("devices/ap/card00/00.0000/online")), "vfio_ap queue");
    }

    @Test
    void longMatrixIsCutAtAPageLikeSysfs() throws Exception {
        Path tmp = SyntheticHost.tempRoot("ap4j-bench-test-");
        try {
            SyntheticHost.source(16, 85, 16, 85).writeSysfs(tmp);
            String m = Files.readString(tmp.resolve("devices/vfio_ap/matrix/" + SyntheticHost.UUID + "/matrix"));
            assertEquals(4095, m.length());
            assertFalse(m.endsWith("\n"));
            assertTrue(m.startsWith("00.0000\n00.0001\n"));
        } finally {
            SyntheticHost.delete(tmp);
        }
        assertFalse(Files.exists(tmp));
    }
}
