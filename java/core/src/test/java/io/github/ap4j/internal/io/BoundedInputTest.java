// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ap4j.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 cases 1 and 3: every input bounded by size, type and (for streams) time. */
class BoundedInputTest {

    static final InputLimit SMALL = InputLimit.of("a test input", 1024);

    @TempDir
    Path tmp;

    @Test
    void readsARegularFileUpToTheBound() throws IOException {
        Path f = tmp.resolve("ok");
        byte[] data = new byte[1024];
        data[1023] = 7;
        Files.write(f, data);
        assertArrayEquals(data, BoundedInput.readFile(f, SMALL));
    }

    @Test
    void aFileOverTheBoundIsRefusedBeforeReading() throws IOException {
        // Case 1: a 3 GB sparse file used to be read whole (OutOfMemoryError, exit 1).
        Path f = tmp.resolve("sparse");
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(3L << 30);
        }
        assertEquals(f + ": 3221225472 bytes, more than the 16 MiB allowed for an lszcrypt listing",
                assertThrows(BadInputException.class,
                        () -> BoundedInput.readFile(f, InputLimit.LSZCRYPT)).getMessage());
        Path g = tmp.resolve("g");
        Files.write(g, new byte[1025]);
        assertEquals(g + ": 1025 bytes, more than the 1 KiB allowed for a test input",
                assertThrows(BadInputException.class, () -> BoundedInput.readFile(g, SMALL)).getMessage());
    }

    @Test
    void aCharacterDeviceIsRefusedByType() {
        // Case 1: /dev/zero never ends; it is refused before it is opened.
        assertEquals("/dev/zero: not a regular file (a character device); ap4j reads only regular files",
                assertThrows(BadInputException.class,
                        () -> BoundedInput.readFile(Path.of("/dev/zero"), InputLimit.LSZCRYPT)).getMessage());
    }

    @Test
    void aFifoIsRefusedByTypeNotByTimeout() throws Exception {
        // Case 3: a FIFO nobody writes to used to hang forever.
        Path fifo = tmp.resolve("fifo");
        Fifo.make(fifo);
        assertEquals(fifo + ": not a regular file (a FIFO); ap4j reads only regular files",
                assertThrows(BadInputException.class,
                        () -> BoundedInput.readFile(fifo, InputLimit.REPLAY_TABLE)).getMessage());
        assertThrows(BadInputException.class, () -> BoundedInput.openFile(fifo, InputLimit.FIXTURE_ARCHIVE));
    }

    @Test
    void directoryAndMissingFile() {
        assertEquals(tmp + ": not a regular file (a directory); ap4j reads only regular files",
                assertThrows(BadInputException.class, () -> BoundedInput.readFile(tmp, SMALL)).getMessage());
        Path none = tmp.resolve("none");
        assertEquals(none + ": no such file",
                assertThrows(BadInputException.class, () -> BoundedInput.readFile(none, SMALL)).getMessage());
    }

    @Test
    void textIsDecodedStrictly() throws IOException {
        Path f = tmp.resolve("latin1");
        Files.write(f, new byte[] {'a', (byte) 0xe9, '\n'});
        assertEquals(f + ": not UTF-8 text, as a test input is", assertThrows(BadInputException.class,
                () -> BoundedInput.readText(f, SMALL, StandardCharsets.UTF_8)).getMessage());
        assertEquals("a\u00e9\n", BoundedInput.readText(f, SMALL, StandardCharsets.ISO_8859_1));
    }

    @Test
    void aStreamIsBoundedBySize() {
        InputStream in = new ByteArrayInputStream(new byte[2000]);
        assertEquals("<stdin>: more than 1024 bytes, more than the 1 KiB allowed for a test input",
                assertThrows(BadInputException.class,
                        () -> BoundedInput.readStream(in, "<stdin>", SMALL)).getMessage());
        assertEquals("x\n", BoundedInput.readStreamText(new ByteArrayInputStream(new byte[] {'x', '\n'}),
                "<stdin>", SMALL, StandardCharsets.UTF_8));
    }

    @Test
    void aStreamThatNeverEndsIsBoundedByTime() throws IOException {
        // A writer that never closes: the read blocks; the bound turns that into an error.
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(writer);
        writer.write('x');
        InputLimit l = SMALL.withTimeout(Duration.ofMillis(200));
        assertEquals("<stdin>: no end of input after 0 s (the wait allowed for a test input)",
                assertThrows(BadInputException.class,
                        () -> BoundedInput.readStream(in, "<stdin>", l)).getMessage());
        writer.close();
    }

    @Test
    void limitsSayTheirSize() {
        assertEquals("16 MiB", InputLimit.LSZCRYPT.size());
        assertEquals("1 KiB", SMALL.size());
        assertEquals("100 bytes", InputLimit.of("x", 100).size());
        assertThrows(IllegalArgumentException.class, () -> InputLimit.of("x", -1));
    }
}
