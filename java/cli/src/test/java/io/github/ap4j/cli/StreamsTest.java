// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The ssh pipelines of the README: {@code ssh dst ap4j capture --out - | ap4j check --target -}
 * gives exactly what checking the destination's tree directly gives.
 */
class StreamsTest {
    static final String NL = System.lineSeparator();

    @Test
    void captureToStdoutThenCheckFromStdin() {
        CliRun cap = CliRun.of("capture", "--sysfs", QuickStartTest.BAD, "--out", "-");
        assertEquals(0, cap.exitCode(), cap.err());
        assertEquals(0x1f, cap.rawOut()[0] & 0xff); // gzip magic: the archive, nothing before it
        assertEquals(0x8b, cap.rawOut()[1] & 0xff);
        assertTrue(cap.err().matches("captured \\d+ files and \\d+ links from " + QuickStartTest.BAD
                + " to stdout\\R"), cap.err());
        CliRun viaPipe = CliRun.withStdin(cap.rawOut(), "check", "--source", QuickStartTest.SRC,
                "--target", "-", "--mdev", QuickStartTest.UUID, "--format", "json");
        CliRun direct = CliRun.of("check", "--source", QuickStartTest.SRC, "--target",
                QuickStartTest.BAD, "--mdev", QuickStartTest.UUID, "--format", "json");
        assertEquals(1, viaPipe.exitCode(), viaPipe.err());
        assertEquals(direct.out().replace("\"" + QuickStartTest.BAD + "\"", "\"stdin\""), viaPipe.out());
    }

    @Test
    void lszcryptTextFromStdin() throws Exception {
        byte[] text = Files.readAllBytes(Path.of("../core/src/test/resources/lszcrypt-2.40/target-ok.txt"));
        CliRun viaPipe = CliRun.withStdin(text, "check", "--source", QuickStartTest.SRC,
                "--target", "-", "--mdev", QuickStartTest.UUID);
        CliRun direct = CliRun.of("check", "--source", QuickStartTest.SRC, "--target",
                "lszcrypt:../core/src/test/resources/lszcrypt-2.40/target-ok.txt", "--mdev",
                QuickStartTest.UUID);
        assertEquals(direct.exitCode(), viaPipe.exitCode());
        assertEquals(direct.out().replace("lszcrypt:../core/src/test/resources/lszcrypt-2.40/target-ok.txt",
                "stdin").replace("../core/src/test/resources/lszcrypt-2.40/target-ok.txt", "stdin"),
                viaPipe.out());
    }

    @Test
    void emptyStdin() {
        CliRun r = CliRun.of("check", "--source", QuickStartTest.SRC, "--target", "-", "--mdev",
                QuickStartTest.UUID);
        assertEquals(5, r.exitCode()); // the target could not be read: unverifiable
        assertTrue(r.out().contains("stdin"), r.out());
    }
}
