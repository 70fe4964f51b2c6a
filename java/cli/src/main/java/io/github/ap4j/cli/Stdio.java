// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The process's standard streams as one command run sees them: {@code -} as a source reads
 * stdin (once: only one argument may be {@code -}); {@code capture --out -} writes bytes to
 * stdout. One instance per run, no global state.
 */
final class Stdio {
    /** The most bytes {@code -} reads: a fixture archive of a large host is a few MiB. */
    static final int MAX_STDIN = 64 * 1024 * 1024;
    /** How stdin is named in messages. */
    static final String NAME = "stdin";

    private final InputStream in;
    private final OutputStream rawOut;
    private final PrintWriter out;
    private boolean stdinTaken;

    Stdio(InputStream in, OutputStream rawOut, PrintWriter out) {
        this.in = in;
        this.rawOut = rawOut;
        this.out = out;
    }

    /**
     * All of stdin, at most {@link #MAX_STDIN} bytes; {@code what} names the argument for the
     * error when a second argument also asks for stdin.
     */
    byte[] readStdin(String what) {
        if (stdinTaken) {
            throw new BadInputException(what, "'-' (stdin) is already read by another argument: "
                    + "only one of them may be '-'");
        }
        stdinTaken = true;
        return readAll(in, MAX_STDIN, NAME);
    }

    /** At most {@code limit} bytes of {@code s}; more is bad input naming {@code origin}. */
    static byte[] readAll(InputStream s, int limit, String origin) {
        try {
            byte[] b = s.readNBytes(limit + 1);
            if (b.length > limit) {
                throw new BadInputException(origin, "more than " + limit + " bytes: not read");
            }
            return b;
        } catch (IOException e) {
            throw new BadInputException(origin, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The raw stdin, for the libvirt hook (which bounds its reading itself). */
    InputStream stdin() {
        stdinTaken = true;
        return in;
    }

    /** Binary stdout; text written so far is flushed first. */
    OutputStream binaryOut() {
        out.flush();
        return rawOut;
    }
}
