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
     * child process, bounded in time; a test that cannot make its FIFO is skipped with that
     * reason instead of hanging the run.
     */
    public static Path make(Path path) throws IOException, InterruptedException {
        // Under qemu-user the child of a fork from the emulated JVM has been seen to stop in a
        // futex before it execs (ci-s390x/run, twice in BoundedInputTest), and the JVM's
        // thread waits in native code for that exec, where no timeout reaches it. What these
        // tests check is the readers' Java code, the same on every architecture: they run on
        // x86_64 only.
        Assumptions.assumeFalse("s390x".equals(System.getProperty("os.arch")),
                "no child processes from the emulated s390x JVM (qemu-user fork)");
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            Assumptions.abort("mkfifo " + path + " did not finish in 60 s (a stalled fork?)");
        }
        assertEquals(0, p.exitValue(), "mkfifo " + path);
        return path;
    }
}
