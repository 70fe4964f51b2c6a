// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import static io.github.ap4j.BadInputException.quote;

import io.github.ap4j.BadInputException;
import io.github.ap4j.internal.io.BoundedInput;
import io.github.ap4j.internal.io.InputLimit;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.ConfigInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A recorded set of PQAP answers for {@link ApShim#replay(ReplayTable)}, and its text format
 * (docs/native.md, "Replay text"):
 * <pre>
 * # comment (first non-blank character '#'); blank lines are ignored
 * qci &lt;256 hex digits: the 128-byte QCI block, byte 0 first&gt;
 * tapq AA.DDDD &lt;cc 0..3&gt; 0x&lt;16 hex digits GR1&gt; 0x&lt;16 hex digits GR2&gt;
 * </pre>
 * Fields are separated by spaces or tabs; lines end in {@code \n} or {@code \r\n} and are at
 * most 318 bytes; at most one {@code qci} line; each APQN at most once, at most 65536. The text
 * is bytes, not characters: any byte but NUL may appear in a comment.
 *
 * <p>ap4j has one parser of this text, the C shim's ({@code native/src/main/c/replay.c}):
 * {@link #parse(byte[], String)} goes through it, so what Java accepts is exactly what the
 * shim replays. Parsing therefore needs the native library ({@link NativeAp#shim()}).
 */
public final class ReplayTable {

    /** Longest line in bytes, without its newline ({@code AP4J_MAX_REPLAY_LINE}). */
    public static final int MAX_LINE = 318;
    /** Every APQN once: 256 adapters x 256 domains ({@code AP4J_MAX_APQNS}). */
    public static final int MAX_RECORDS = 65536;
    /** Largest replay text, in bytes ({@code AP4J_MAX_REPLAY_BYTES}): 65536 full tapq lines
     *  take 3.7 MB, the rest is room for comments. */
    public static final int MAX_BYTES = JnaApShim.MAX_REPLAY_BYTES;


    private final List<TapqRecord> records; // sorted by APQN, unique
    private final ConfigInfo qci; // null: no qci line

    private ReplayTable(List<TapqRecord> records, ConfigInfo qci) {
        this.records = records;
        this.qci = qci;
    }

    /**
     * A table of these answers and an optional QCI block.
     *
     * @param records TAPQ answers, any order, each APQN once, at most {@link #MAX_RECORDS}
     * @param qci the QCI block, or empty for a table without a {@code qci} line
     * @return the table, records sorted by APQN
     * @throws IllegalArgumentException if an APQN appears twice or there are too many records
     */
    public static ReplayTable of(Collection<TapqRecord> records, Optional<ConfigInfo> qci) {
        TreeMap<Apqn, TapqRecord> byApqn = new TreeMap<>();
        for (TapqRecord r : records) {
            if (byApqn.put(r.apqn(), r) != null) {
                throw new IllegalArgumentException("APQN " + r.apqn() + " appears twice");
            }
        }
        if (byApqn.size() > MAX_RECORDS) {
            throw new IllegalArgumentException("more than " + MAX_RECORDS + " records");
        }
        return new ReplayTable(List.copyOf(byApqn.values()), qci.orElse(null));
    }

    /** {@return the records, sorted by APQN} */
    public List<TapqRecord> records() {
        return records;
    }

    /** {@return the QCI block, or empty when the table has no {@code qci} line} */
    public Optional<ConfigInfo> qci() {
        return Optional.ofNullable(qci);
    }

    /**
     * The recorded answer for a queue.
     *
     * @param apqn the queue
     * @return its record, or empty when the table has none
     */
    public Optional<TapqRecord> find(Apqn apqn) {
        int i = Collections.binarySearch(records, new TapqRecord(apqn, 0, 0, 0),
                (a, b) -> a.apqn().compareTo(b.apqn()));
        return i >= 0 ? Optional.of(records.get(i)) : Optional.empty();
    }

    /**
     * Reads and parses a replay file: a regular file of at most {@link #MAX_BYTES} bytes, read
     * as bytes (the shared bounded reader: a FIFO or device is refused by type, never read; the
     * size is checked before and while reading).
     *
     * @param file the replay file
     * @return the parsed table
     * @throws BadInputException naming the file (and {@code file:line} for malformed text)
     * @throws NativeUnavailableException when the native library cannot be loaded
     */
    public static ReplayTable read(Path file) {
        return parse(BoundedInput.readFile(file, InputLimit.REPLAY_TABLE), file.toString());
    }

    /**
     * Writes {@link #format()} to a file as UTF-8, replacing it.
     *
     * @param file where to write
     * @throws IOException when the file cannot be written
     */
    public void write(Path file) throws IOException {
        Files.writeString(file, format(), StandardCharsets.UTF_8);
    }

    /** {@return the file text; {@link #parse(String, String)} reads it back to an equal table} */
    public String format() {
        StringBuilder sb = new StringBuilder(64 + 60 * records.size());
        sb.append("# ap4j replay table: qci <256 hex>, tapq AA.DDDD <cc> 0x<gr1> 0x<gr2>\n");
        if (qci != null) {
            sb.append("qci ");
            for (byte b : qci.toBytes()) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            sb.append('\n');
        }
        for (TapqRecord r : records) {
            sb.append(String.format("tapq %s %d 0x%016x 0x%016x\n", r.apqn(), r.conditionCode(),
                    r.gr1(), r.gr2()));
        }
        return sb.toString();
    }

    /**
     * Parses replay text with the shim's parser. {@code source} names it in errors, which are
     * {@link BadInputException}s with source {@code <source>:<line>} quoting the bad field
     * (control characters and bytes outside ASCII escaped as {@code \xNN}).
     *
     * @param text the replay text as bytes
     * @param source the file name or label for error messages
     * @return the parsed table
     * @throws BadInputException for malformed text
     * @throws NativeUnavailableException when the native library cannot be loaded
     */
    public static ReplayTable parse(byte[] text, String source) {
        return NativeAp.shim().parseReplay(text, source);
    }

    /**
     * {@link #parse(byte[], String)} of the text's UTF-8 bytes.
     *
     * @param text the replay text
     * @param source the file name or label for error messages
     * @return the parsed table
     * @throws BadInputException for malformed text
     * @throws NativeUnavailableException when the native library cannot be loaded
     */
    public static ReplayTable parse(String text, String source) {
        return parse(text.getBytes(StandardCharsets.UTF_8), source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplayTable t && records.equals(t.records) && qci().equals(t.qci());
    }

    @Override
    public int hashCode() {
        return records.hashCode() * 31 + qci().hashCode();
    }

    @Override
    public String toString() {
        return "ReplayTable[" + records.size() + " tapq" + (qci != null ? ", qci" : "") + "]";
    }
}
