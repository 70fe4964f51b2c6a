// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ap4j.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live sysfs of the machine running the tests (no AP bus needed): on a sysfs mount the tree
 * opens attributes without an {@code lstat} first, and must still answer as the careful path
 * does for files, absent names, links and directories.
 */
class DirectorySysfsTreeLiveTest {
    private static final Path SYS = Path.of("/sys");
    /** In every Linux sysfs since 2.6.x (drivers/base/cpu.c). */
    private static final String CPU = "devices/system/cpu";

    private static DirectorySysfsTree liveSys() throws IOException {
        assumeTrue(Files.isDirectory(SYS.resolve(CPU))
                && "sysfs".equals(Files.getFileStore(SYS).type()), "/sys is not a sysfs mount here");
        return DirectorySysfsTree.open(SYS);
    }

    @Test
    void onSysfsAnAttributeReadsTheSameWithoutLookingFirst() throws IOException {
        DirectorySysfsTree t = liveSys();
        assertTrue(t.opensWithoutLooking());
        byte[] want = Files.readAllBytes(SYS.resolve(CPU + "/online"));
        // the first read walks the path; the second, in a directory now known, opens directly
        assertArrayEquals(want, t.readBytes(CPU + "/online").orElseThrow());
        assertArrayEquals(want, t.readBytes(CPU + "/online").orElseThrow());
        assertTrue(t.readBytes(CPU + "/ap4j-no-such-attribute").isEmpty());
        assertTrue(t.readBytes(CPU + "/ap4j-no-such-attribute").isEmpty());
    }

    @Test
    void onSysfsLinksAndDirectoriesStillTakeTheCarefulPath() throws IOException {
        DirectorySysfsTree t = liveSys();
        t.readBytes(CPU + "/online"); // CPU is now a known directory
        String cpu0 = CPU + "/cpu0";
        assumeTrue(Files.isDirectory(SYS.resolve(cpu0)), "no cpu0 directory");
        BadInputException dir = assertThrows(BadInputException.class, () -> t.readBytes(cpu0));
        assertEquals("/sys/" + cpu0 + ": not a regular file (a directory where an attribute "
                + "file is expected)", dir.getMessage());
        // cpu0/subsystem is a link to bus/cpu: followed inside the root, it is a directory
        t.list(cpu0);
        assumeTrue(Files.isSymbolicLink(SYS.resolve(cpu0 + "/subsystem")), "no subsystem link");
        BadInputException link = assertThrows(BadInputException.class,
                () -> t.readBytes(cpu0 + "/subsystem"));
        assertTrue(link.getMessage().contains("not a regular file (a directory"), link.getMessage());
    }

    @Test
    void elsewhereEveryFileIsLookedAtBeforeItIsOpened(@TempDir Path dir) throws IOException {
        assumeTrue(!"sysfs".equals(Files.getFileStore(dir).type()));
        Files.writeString(dir.resolve("online"), "1\n");
        DirectorySysfsTree t = DirectorySysfsTree.open(dir);
        assertFalse(t.opensWithoutLooking());
        assertArrayEquals("1\n".getBytes(), t.readBytes("online").orElseThrow());
    }
}
