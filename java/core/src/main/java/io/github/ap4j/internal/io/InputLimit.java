// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.io;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of one kind of input ap4j reads, and for how long it waits for it. Every reader
 * names its limit, so an error can say both the file and the bound it broke.
 *
 * @param what     the input, as the error says it ("an lszcrypt listing")
 * @param maxBytes the most bytes read into memory
 * @param timeout  the longest wait for the end of a stream that can block (stdin, a pipe);
 *                 regular files never block and ignore it
 */
public record InputLimit(String what, long maxBytes, Duration timeout) {

    // First: the limits below are built with it.
    /** The wait for a stream's end when nothing else is said: a paste ends with Ctrl-D well before. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * {@code lszcrypt -V} text. The largest real listing, a full 256 x 256 matrix, is 65,792
     * lines of under 100 characters (6.5 MB); the bound leaves room for wider columns.
     */
    public static final InputLimit LSZCRYPT = of("an lszcrypt listing", 16 << 20);
    /** A replay table: one {@code qci} line and at most 65,536 {@code tapq} lines of ~50 bytes. */
    public static final InputLimit REPLAY_TABLE = of("a replay table", 16 << 20);
    /** A libvirt domain XML ({@code virsh dumpxml}): a few KiB; 4 MiB is generous. */
    public static final InputLimit DOMAIN_XML = of("a domain XML", 4 << 20);
    /** Pasted kernel or libvirt log text: hours of a busy host's kernel log. */
    public static final InputLimit LOG = of("log text", 16 << 20);
    /** A fixture archive file as stored ({@code .tar.gz}), before decompression. */
    public static final InputLimit FIXTURE_ARCHIVE = of("a fixture archive", 256 << 20);
    /**
     * The member data a fixture archive unpacks to, all members together. A capture of the
     * full 256 x 256 matrix holds about 850,000 members of a few to a few hundred bytes
     * (a queue's {@code mkvps} is the largest, about 300 bytes), well under 64 MiB.
     */
    public static final InputLimit FIXTURE_UNPACKED = of("a fixture archive's unpacked members", 128 << 20);

    public InputLimit {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(timeout, "timeout");
        if (maxBytes < 0 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes out of range 0.." + (Integer.MAX_VALUE - 8)
                    + ": " + maxBytes);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** A limit of {@code maxBytes} with the {@link #DEFAULT_TIMEOUT}. */
    public static InputLimit of(String what, long maxBytes) {
        return new InputLimit(what, maxBytes, DEFAULT_TIMEOUT);
    }

    /** The same limit with another wait for streams. */
    public InputLimit withTimeout(Duration t) {
        return new InputLimit(what, maxBytes, t);
    }

    /** The bound as people say it: {@code 16 MiB}, {@code 64 KiB}, {@code 100 bytes}. */
    public String size() {
        if (maxBytes >= 1 << 20 && maxBytes % (1 << 20) == 0) {
            return (maxBytes >> 20) + " MiB";
        }
        if (maxBytes >= 1 << 10 && maxBytes % (1 << 10) == 0) {
            return (maxBytes >> 10) + " KiB";
        }
        return maxBytes + " bytes";
    }
}
