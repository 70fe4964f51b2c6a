// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Makes named pipes for the tests that hand a FIFO to a reader, with {@code mkfifo(1)}. */
public final class Fifo {

    private Fifo() {
    }

    /**
     * Creates a FIFO at {@code path}. The JDK has no call for it, so {@code mkfifo} runs as a
     * child process, bounded in time: under qemu-user (ci-s390x/run) a fork from the
     * many-threaded emulated JVM can stall, and a test that cannot make its FIFO is then
     * skipped with that reason instead of hanging the run.
     */
    public static Path make(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            Assumptions.abort("mkfifo " + path + " did not finish in 60 s (a stalled fork?)");
        }
        assertEquals(0, p.exitValue(), "mkfifo " + path);
        return path;
    }
}
