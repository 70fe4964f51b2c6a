// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.jna.Memory;
import com.sun.jna.Platform;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Facts that only mean something on s390x (run by the s390x CI on the emulated JVM). */
@EnabledIfSystemProperty(named = "os.arch", matches = "s390x")
class S390xPlatformTest {

    @Test
    void nativeMemoryIsBigEndian() {
        assertEquals(ByteOrder.BIG_ENDIAN, ByteOrder.nativeOrder());
        try (Memory m = new Memory(8)) {
            m.setLong(0, 0x0102030405060708L);
            assertEquals(0x01, m.getByte(0));
            assertEquals(0x08, m.getByte(7));
        }
    }

    @Test
    void jnaLoadsTheS390xLibraryResource() {
        assertEquals("linux-s390x", Platform.RESOURCE_PREFIX);
        assertNotNull(NativeAp.class.getClassLoader().getResource("linux-s390x/libap4j.so"));
        assertEquals(NativeAp.ABI_VERSION, NativeAp.shim().abiVersion());
    }

    @Test
    void replayWordsSurviveTheBigEndianBoundary() {
        try (NativeReplay replay = NativeAp.shim().replay(Fixtures.table())) {
            TapqRecord r = replay.tapq(List.of(Fixtures.CEX7_CCA.apqn())).get(0);

            assertEquals(0x128000000D550307L, r.gr2());
            assertEquals(13, r.hwInfo().rawType());
            assertEquals((byte) 0xC0, replay.qci().toBytes()[0]);
        }
    }
}
