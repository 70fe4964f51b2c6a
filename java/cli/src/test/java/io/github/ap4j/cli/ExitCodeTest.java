// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static io.github.ap4j.cli.CheckHosts.UUID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.UnavailableException;
import io.github.ap4j.check.Verdict;
import io.github.ap4j.snapshot.ConfigurationChangedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Case 10: one mapper from the failure's type to the exit code, the table in docs/exit-codes.md. */
class ExitCodeTest {

    @AfterEach
    void restore() {
        Snapshots.useOpener(null);
    }

    @Test
    void failuresMapByType() {
        assertEquals(2, ExitCode.of(new BadInputException("f", "bad")));
        assertEquals(3, ExitCode.of(new UnavailableException("no AP bus")));
        assertEquals(3, ExitCode.of(new ConfigurationChangedException("scans kept changing")),
                "a configuration that keeps changing is neither bad input nor a bug");
        assertEquals(2, ExitCode.of(new NoSuchFileException("/x/y")), "names its file");
        assertEquals(2, ExitCode.of(new UncheckedIOException(new AccessDeniedException("/x"))));
        assertEquals(3, ExitCode.of(new IOException("Input/output error")),
                "an I/O failure of this machine is not a bug in ap4j");
        assertEquals(4, ExitCode.of(new IllegalArgumentException("precondition")),
                "an IllegalArgumentException that escapes is ap4j's own bug, not bad input");
        assertEquals(4, ExitCode.of(new NullPointerException()));
        assertEquals(4, ExitCode.of(new OutOfMemoryError("Java heap space")));
        assertEquals(4, ExitCode.of(new StackOverflowError()));
    }

    @Test
    void verdictsMapToZeroOneFive() {
        assertEquals(0, ExitCode.of(Verdict.COMPATIBLE));
        assertEquals(1, ExitCode.of(Verdict.INCOMPATIBLE));
        assertEquals(5, ExitCode.of(Verdict.UNVERIFIABLE));
    }

    @Test
    void fileSystemErrorsNameTheFileEscaped() {
        assertEquals("/tmp/a\\x1b]0;x\\x07: no such file or directory",
                ExitCode.message(new NoSuchFileException("/tmp/a\u001b]0;x\u0007")));
        assertEquals("/etc/x: permission denied",
                ExitCode.message(new UncheckedIOException(new AccessDeniedException("/etc/x"))));
    }

    /** Case 10: an Error used to escape picocli and the JVM exited with 1. */
    @Test
    void outOfMemoryIsExitFourInOneLine() {
        CheckHosts.install();
        Snapshots.useOpener(spec -> {
            throw new OutOfMemoryError("Java heap space");
        });
        CliRun r = CliRun.of("check", "--source", "src", "--target", "ok", "--mdev", UUID);
        assertEquals(4, r.exitCode());
        assertEquals("ap4j check: internal error: java.lang.OutOfMemoryError (an input bound is "
                + "missing; run with --verbose for details)\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aBugIsExitFourWithTheStackTraceOnlyWhenVerbose() {
        Snapshots.useOpener(spec -> {
            throw new IllegalStateException("oops");
        });
        CliRun r = CliRun.of("check", "--source", "src", "--target", "ok", "--mdev", UUID);
        assertEquals(4, r.exitCode());
        assertEquals("ap4j check: internal error: java.lang.IllegalStateException: oops (run with "
                + "--verbose for details)\n", r.err());
        CliRun v = CliRun.of("check", "--source", "src", "--target", "ok", "--mdev", UUID, "--verbose");
        assertEquals(4, v.exitCode());
        assertTrue(v.err().contains("\tat "), v.err());
    }

    @Test
    void controlCharactersInMessagesAreEscaped() {
        Snapshots.useOpener(spec -> {
            throw new UnavailableException("x\u001b[2Jy\u009bz");
        });
        CliRun r = CliRun.of("check", "--source", "src", "--target", "ok", "--mdev", UUID);
        assertEquals(3, r.exitCode());
        assertEquals("ap4j check: x\\x1b[2Jy\\x9bz\n", r.err());
        assertFalse(r.err().contains("\u001b"));
    }

    /** Case 13: an lszcrypt listing lacks facts the kernel compares: unverifiable, exit 5, not 1. */
    @Test
    void lszcryptOnlyTargetIsUnverifiable(@TempDir Path tmp) throws IOException {
        Path listing = tmp.resolve("target-ok.lszcrypt");
        CliRun show = CliRun.of("show", "--sysfs", "../examples/target-ok", "--format", "lszcrypt");
        assertEquals(0, show.exitCode(), show.err());
        java.nio.file.Files.writeString(listing, show.out());
        CliRun r = CliRun.of("check", "--source", "../examples/source-host", "--target",
                listing.toString(), "--mdev", ExampleHosts.UUID);
        assertEquals(5, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("target " + listing + ": UNVERIFIABLE\n"), r.out());
        assertFalse(r.out().contains("INCOMPATIBLE"), r.out());
    }
}
