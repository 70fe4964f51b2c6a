// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.BadInputException;
import io.github.ap4j.UnavailableException;
import io.github.ap4j.check.Verdict;
import io.github.ap4j.natives.NativeCallException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

/**
 * The CLI's exit codes and the one place that maps a failure to one of them. Every command
 * ({@code check}, {@code plan}, {@code explain}, the libvirt hook) follows this table; it is
 * documented once in docs/exit-codes.md and, through the {@code HELP_*} lines, in
 * {@code ap4j --help}.
 *
 * <p>The mapping goes by the exception's type, never by its message:
 * <ul>
 *   <li>{@link BadInputException} (malformed, missing, oversized or non-regular input; always
 *       names the file or option): {@link #BAD_INPUT};
 *   <li>{@link UnavailableException} (no native layer, PQAP trapped, no AP bus, a configuration
 *       that kept changing while it was read): {@link #UNAVAILABLE};
 *   <li>a {@link FileSystemException} that escaped a reader names its file, so it is bad input;
 *       any other {@link IOException} is a failure of this machine (a disk, a closed pipe), not
 *       of ap4j: {@link #UNAVAILABLE};
 *   <li>everything else, {@link IllegalArgumentException} included (a library precondition
 *       ap4j's own code broke) and every {@link VirtualMachineError} (an OutOfMemoryError means a
 *       bound that should have stopped the input first is missing): {@link #BUG}.
 * </ul>
 */
public final class ExitCode {
    /** Success; {@code check}: every target is compatible; {@code explain}: a diagnosis. */
    public static final int OK = 0;
    /** {@code check}: a target is incompatible; {@code plan}: the commands are not enough. */
    public static final int INCOMPATIBLE = 1;
    /** Usage error or bad input (malformed word, sysfs file, fixture, lszcrypt text, APQN). */
    public static final int BAD_INPUT = 2;
    /** Unavailable here (native layer, PQAP, no AP bus, missing virsh, changing configuration). */
    public static final int UNAVAILABLE = 3;
    /** A bug in ap4j, {@link VirtualMachineError} included. */
    public static final int BUG = 4;
    /** {@code check}: no target is incompatible, but at least one could not be verified. */
    public static final int UNVERIFIABLE = 5;

    /** {@code exitCodeList} lines for {@code --help}, one per code (picocli's "code:text"). */
    public static final String HELP_OK = "0:success; check: every target is compatible; "
            + "explain: a failure explained";
    public static final String HELP_INCOMPATIBLE = "1:check: some target is incompatible; "
            + "plan: the commands are not enough; explain: failure lines not explained";
    public static final String HELP_BAD_INPUT = "2:usage error or bad input (names the file)";
    public static final String HELP_UNAVAILABLE = "3:unavailable here (native layer, PQAP, no AP "
            + "bus, configuration changing while read, I/O error)";
    public static final String HELP_BUG = "4:a bug in ap4j (out of memory included)";
    public static final String HELP_UNVERIFIABLE = "5:check: some target unverifiable, none "
            + "incompatible";

    private ExitCode() {
    }

    /** The exit code of a check over all targets. */
    public static int of(Verdict v) {
        switch (v) {
            case COMPATIBLE:
                return OK;
            case INCOMPATIBLE:
                return INCOMPATIBLE;
            default:
                return UNVERIFIABLE;
        }
    }

    /** The exit code of a failure. */
    public static int of(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof BadInputException) {
            return BAD_INPUT;
        }
        if (t instanceof UnavailableException) {
            return UNAVAILABLE;
        }
        if (t instanceof NativeCallException) {
            // A call the shim refused: a bad replay table is bad input; a trap, a missing
            // architecture or a failed fork means the layer is unavailable here.
            switch (((NativeCallException) t).error()) {
                case PARSE: case INVALID_ARGUMENT: case IO: case NO_QCI:
                    return BAD_INPUT;
                default:
                    return UNAVAILABLE;
            }
        }
        if (t instanceof FileSystemException) {
            return BAD_INPUT;
        }
        if (t instanceof IOException) {
            return UNAVAILABLE;
        }
        return BUG;
    }

    /**
     * The one line to print for a failure (without the command prefix): ap4j's own messages as
     * they are, a file system error as {@code FILE: reason}, anything else as a bug report.
     */
    public static String message(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        int code = of(t);
        if (t instanceof VirtualMachineError) {
            // No string building beyond this: the heap may be nearly exhausted.
            return "internal error: " + t.getClass().getName() + " (an input bound is missing; "
                    + "run with --verbose for details)";
        }
        if (code == BUG) {
            return "internal error: " + t + " (run with --verbose for details)";
        }
        if (t instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) t;
            String reason = f.getReason() != null ? f.getReason()
                    : f instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : f.getClass().getSimpleName();
            return f.getFile() == null ? reason : BadInputException.escape(f.getFile()) + ": " + reason;
        }
        if (t instanceof IOException) {
            return "I/O error: " + t.getMessage();
        }
        return t.getMessage();
    }
}
