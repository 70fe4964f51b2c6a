// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Byte-order facts that ap4j relies on, checked on whatever JVM runs the tests.
 *
 * <p>On x86_64 CI this runs little-endian; under {@code ci-s390x/run} surefire forks an emulated
 * s390x JVM (qemu-user), which is big-endian like IBM Z. Every test asserts something on both:
 * native-order behaviour must follow the architecture, while decoding of IBM register images
 * (always big-endian, MSB-first) must not.
 */
class PlatformByteOrderTest {

    /** {@code os.arch} values of big-endian 64-bit JVMs; IBM Z reports {@code s390x}. */
    private static final Set<String> BIG_ENDIAN_ARCHES = Set.of("s390x", "ppc64", "sparcv9");

    /** Bytes of {@code 0x0102030405060708L} in big-endian (network, IBM Z) order. */
    private static final byte[] BE_BYTES = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08};

    private static final long VALUE = 0x0102030405060708L;

    private static String arch() {
        return System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    }

    @Test
    void nativeOrderIsBigEndianExactlyOnBigEndianArches() {
        String arch = arch();
        ByteOrder nativeOrder = ByteOrder.nativeOrder();
        // The CI log greps for this line to show which JVM really ran the suite.
        System.out.println("os.arch=" + arch + " byteOrder=" + nativeOrder
                + " sun.cpu.endian=" + System.getProperty("sun.cpu.endian"));

        ByteOrder expected = BIG_ENDIAN_ARCHES.contains(arch) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        assertEquals(expected, nativeOrder, "native byte order for os.arch=" + arch);
        // The JVM's own endianness property must agree with nativeOrder().
        assertEquals(nativeOrder == ByteOrder.BIG_ENDIAN ? "big" : "little", System.getProperty("sun.cpu.endian"));
        if (arch.equals("s390x")) {
            assertEquals(ByteOrder.BIG_ENDIAN, nativeOrder, "IBM Z is big-endian");
        }
    }

    @Test
    void nativeOrderBufferLaysOutBytesForThisArchitecture() {
        byte[] written = new byte[Long.BYTES];
        ByteBuffer.wrap(written).order(ByteOrder.nativeOrder()).putLong(VALUE);

        byte[] expected = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? BE_BYTES : reversed(BE_BYTES);
        assertArrayEquals(expected, written, "bytes of 0x0102030405060708 in " + ByteOrder.nativeOrder());
        // Reading back in native order is the identity; reading the other way swaps the bytes.
        assertEquals(VALUE, ByteBuffer.wrap(written).order(ByteOrder.nativeOrder()).getLong());
        assertEquals(Long.reverseBytes(VALUE), ByteBuffer.wrap(written).order(opposite(ByteOrder.nativeOrder())).getLong());
    }

    @Test
    void bigEndianRegisterImageDecodesTheSameOnEveryArchitecture() {
        // A 64-bit general register image as IBM Z stores it: most significant byte first.
        // The low word is a PQAP-style AP queue status word 0x80030000: bit 0 (MSB-first) set,
        // bits 8-15 = 0x03 (z/Architecture numbers bits from the left, bit 0 = 2^31 of the word).
        byte[] image = {0x00, 0x00, 0x00, 0x2a, (byte) 0x80, 0x03, 0x00, 0x00};

        long gr = ByteBuffer.wrap(image).getLong(); // ByteBuffer defaults to BIG_ENDIAN on every JVM
        assertEquals(0x0000002a_80030000L, gr);
        int low = (int) gr;
        assertEquals(0x2a, (int) (gr >>> 32), "high word");
        assertEquals(1, low >>> 31, "bit 0 of the low word (MSB-first)");
        assertEquals(0x03, (low >>> 16) & 0xff, "bits 8-15 of the low word");

        // The same bytes read in native order only match on a big-endian machine: this is the
        // bug class that x86 CI exposes and s390x hides (docs/s390x-emulation.md).
        long asNative = ByteBuffer.wrap(image).order(ByteOrder.nativeOrder()).getLong();
        long expectedNative = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? gr : Long.reverseBytes(gr);
        assertEquals(expectedNative, asNative);
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    private static ByteOrder opposite(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    }
}
