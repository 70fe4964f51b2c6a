// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.internal.io.Fifo;
import io.github.ap4j.natives.DirectoryReader.Entries;
import io.github.ap4j.natives.DirectoryReader.Kind;
import io.github.ap4j.natives.DirectoryReader.Listed;
import io.github.ap4j.natives.DirectoryReader.Names;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DirectoryReader} through JNA on this machine's libap4j: what each kind of entry
 * reads as, the bytes as they are on disk, and the cases it leaves to the caller. The sysfs
 * reader's use of it is checked against the Java reader in SysfsSnapshotReaderTogetherTest.
 */
class DirectoryReaderTest {

    @TempDir
    Path dir;

    private DirectoryReader reader() {
        return DirectoryReader.get().orElseThrow(() -> new AssertionError(
                "libap4j's directory reader did not load on " + NativeAp.platformPrefix()));
    }

    @Test
    void readsFilesAndLinksAndLeavesTheRestToTheCaller() throws Exception {
        Files.write(dir.resolve("online"), "1\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("bytes"), new byte[] {(byte) 0xff, 0, 'a', '\n'});
        Files.write(dir.resolve("big"), new byte[70_000]);
        Files.createSymbolicLink(dir.resolve("driver"), Path.of("../../bus/ap/drivers/vfio_ap"));
        Files.createDirectory(dir.resolve("power"));
        Names names = Names.of(List.of("online", "bytes", "big", "driver", "power", "gone"));
        Entries e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> reader().read(dir.toString(), names, 64 * 1024)).orElseThrow();
        assertEquals(Kind.FILE, e.kind(0));
        assertEquals("1\n", e.text(0));
        assertEquals(Kind.FILE, e.kind(1));
        assertEquals("\u00ff\u0000a\n", e.text(1), "one char per byte, NUL and 0xff included");
        assertEquals(Kind.FILE, e.kind(2));
        assertEquals(64 * 1024 + 1, e.length(2), "a file over the limit reads one byte over it");
        assertEquals(Kind.LINK, e.kind(3));
        assertEquals("../../bus/ap/drivers/vfio_ap", e.text(3));
        assertEquals(Kind.ASK, e.kind(4));
        assertEquals(Kind.ABSENT, e.kind(5));
    }

    @Test
    void aFifoIsLeftToTheCallerWithoutWaitingForAWriter() throws Exception {
        Fifo.make(dir.resolve("fifo"));
        Files.write(dir.resolve("online"), "1\n".getBytes(StandardCharsets.US_ASCII));
        Entries e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> reader().read(dir.toString(), Names.of(List.of("fifo", "online")), 16))
                .orElseThrow();
        assertEquals(Kind.ASK, e.kind(0));
        assertEquals(Kind.FILE, e.kind(1));
    }

    @Test
    void aDirectoryItCannotOpenIsNoAnswer() throws Exception {
        Files.createDirectory(dir.resolve("real"));
        Files.createSymbolicLink(dir.resolve("via-link"), Path.of("real"));
        Names names = Names.of(List.of("x"));
        assertTrue(reader().read(dir.resolve("via-link").toString(), names, 16).isEmpty());
        assertTrue(reader().read(dir.resolve("absent").toString(), names, 16).isEmpty());
        assertTrue(reader().read(dir.resolve("real").toString(), names, 16).isPresent());
        assertTrue(reader().list(dir.resolve("via-link").toString()).isEmpty());
    }

    @Test
    void listsEveryEntryWithItsLinkTarget() throws Exception {
        for (int i = 0; i < 300; i++) {
            Files.createSymbolicLink(dir.resolve(String.format("05.%04x", i)),
                    Path.of(String.format("../../../devices/ap/card05/05.%04x", i)));
        }
        Files.write(dir.resolve("uevent"), new byte[0]);
        Files.createDirectory(dir.resolve("power"));
        List<Listed> l = reader().list(dir.toString()).orElseThrow();
        assertEquals(302, l.size());
        List<Listed> sorted = l.stream().sorted(Comparator.comparing(Listed::name)).toList();
        assertEquals(new Listed("05.0000", Kind.LINK, "../../../devices/ap/card05/05.0000"),
                sorted.get(0));
        assertEquals(new Listed("05.012b", Kind.LINK, "../../../devices/ap/card05/05.012b"),
                sorted.get(299));
        assertEquals(new Listed("power", Kind.ASK, ""), sorted.get(300));
        assertEquals(new Listed("uevent", Kind.FILE, ""), sorted.get(301));
    }

    @Test
    void aNameOutsideAsciiLeavesTheListingToTheCaller() throws Exception {
        Files.write(dir.resolve("ok"), new byte[0]);
        Path odd;
        try {
            odd = dir.resolve("caf\u00e9");
        } catch (java.nio.file.InvalidPathException e) {
            // sun.jnu.encoding is ASCII here (a POSIX locale, as ci-s390x runs the JVM)
            org.junit.jupiter.api.Assumptions.abort("this JVM cannot name a file outside ASCII");
            return;
        }
        Files.write(odd, new byte[0]);
        assertTrue(reader().list(dir.toString()).isEmpty());
    }

    @Test
    void namesAreRefusedUnlessPlainAscii() {
        for (String bad : new String[] {"", ".", "..", "a/b", "nul\0", "caf\u00e9"}) {
            assertThrows(IllegalArgumentException.class, () -> Names.of(List.of(bad)), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Names.of(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Names.of(java.util.Collections.nCopies(DirectoryReader.MAX_NAMES + 1, "a")));
        assertEquals(List.of("online", "driver"), Names.of(List.of("online", "driver")).list());
    }
}
