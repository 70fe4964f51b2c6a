package io.github.ap4j.natives;

import static io.github.ap4j.BadInputException.quote;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.ConfigInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A recorded set of PQAP answers for the shim's replay mode, and its text file format (the same
 * format the C parser in {@code native/src/main/c/replay.c} reads; native/README.md):
 * <pre>
 * # comment (first non-blank character '#'); blank lines are ignored
 * qci &lt;256 hex digits: the 128-byte QCI block, byte 0 first&gt;
 * tapq AA.DDDD &lt;cc 0..3&gt; 0x&lt;16 hex digits GR1&gt; 0x&lt;16 hex digits GR2&gt;
 * </pre>
 * Fields are separated by spaces or tabs; lines end in {@code \n} or {@code \r\n} and are at most
 * 318 characters; at most one {@code qci} line; each APQN at most once, at most 65536. This parser
 * accepts and rejects exactly what the C parser does, so a table checked here loads there.
 */
public final class ReplayTable {

    /** Longest line the C parser accepts (its 320-byte buffer minus newline and NUL). */
    public static final int MAX_LINE = 318;
    /** Every APQN once: 256 adapters x 256 domains ({@code AP4J_MAX_APQNS}). */
    public static final int MAX_RECORDS = 65536;

    private static final Pattern BLANKS = Pattern.compile("[ \t]+");
    private static final Pattern BLANKS_AT_ENDS = Pattern.compile("^[ \t]+|[ \t]+$");

    private final List<TapqRecord> records; // sorted by APQN, unique
    private final ConfigInfo qci; // null: no qci line

    private ReplayTable(List<TapqRecord> records, ConfigInfo qci) {
        this.records = records;
        this.qci = qci;
    }

    /** A table of these answers (any order, each APQN once) and an optional QCI block. */
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

    /** The records, sorted by APQN. */
    public List<TapqRecord> records() {
        return records;
    }

    public Optional<ConfigInfo> qci() {
        return Optional.ofNullable(qci);
    }

    /** The recorded answer for {@code apqn}, if any. */
    public Optional<TapqRecord> find(Apqn apqn) {
        int i = Collections.binarySearch(records, new TapqRecord(apqn, 0, 0, 0),
                (a, b) -> a.apqn().compareTo(b.apqn()));
        return i >= 0 ? Optional.of(records.get(i)) : Optional.empty();
    }

    public static ReplayTable read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, format(), StandardCharsets.UTF_8);
    }

    /** The file text; {@link #parse(String, String)} reads it back to an equal table. */
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
     * Parses the file text. {@code source} names it in errors, which are
     * {@link BadInputException}s with source {@code <source>:<line>} quoting the bad field.
     */
    public static ReplayTable parse(String text, String source) {
        TreeMap<Apqn, TapqRecord> byApqn = new TreeMap<>();
        ConfigInfo qci = null;
        String[] lines = text.split("\n", -1);
        // A final "\n" ends the last line; it does not start another one.
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            String where = source + ":" + (i + 1);
            String line = lines[i];
            // the C parser counts bytes
            if (line.length() > MAX_LINE || line.getBytes(StandardCharsets.UTF_8).length > MAX_LINE) {
                throw new BadInputException(where, "longer than " + MAX_LINE + " characters");
            }
            line = stripCarriageReturns(line);
            // Only spaces and tabs separate fields, as in the C tokenizer (not String.strip()'s set).
            String trimmed = BLANKS_AT_ENDS.matcher(line).replaceAll("");
            String[] tok = trimmed.isEmpty() ? new String[0] : BLANKS.split(trimmed);
            if (tok.length == 0 || tok[0].startsWith("#")) {
                continue;
            }
            switch (tok[0]) {
                case "qci":
                    if (tok.length != 2) {
                        throw new BadInputException(where, "qci needs exactly one hex block");
                    }
                    if (qci != null) {
                        throw new BadInputException(where, "second qci line");
                    }
                    qci = parseQci(tok[1], where);
                    break;
                case "tapq":
                    TapqRecord r = parseTapq(tok, where);
                    if (byApqn.containsKey(r.apqn())) {
                        throw new BadInputException(where, "APQN " + r.apqn() + " appears twice");
                    }
                    if (byApqn.size() == MAX_RECORDS) {
                        throw new BadInputException(where, "more than " + MAX_RECORDS + " tapq lines");
                    }
                    byApqn.put(r.apqn(), r);
                    break;
                default:
                    throw new BadInputException(where, "unknown keyword " + quote(tok[0]));
            }
        }
        return new ReplayTable(List.copyOf(byApqn.values()), qci);
    }

    private static String stripCarriageReturns(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }

    private static ConfigInfo parseQci(String hex, String where) {
        // Exactly 256 hex digits, no 0x prefix (ConfigInfo.parse alone would allow one).
        if (hex.length() != 2 * ConfigInfo.SIZE) {
            throw new BadInputException(where, "qci block has " + hex.length() + " hex digits, not "
                    + 2 * ConfigInfo.SIZE);
        }
        for (int i = 0; i < hex.length(); i++) {
            if (!isHexDigit(hex.charAt(i))) {
                throw new BadInputException(where, "qci block: bad hex digit at " + (i + 1));
            }
        }
        return ConfigInfo.parse(hex);
    }

    private static TapqRecord parseTapq(String[] tok, String where) {
        if (tok.length != 5) {
            throw new BadInputException(where, "expected 'tapq AA.DDDD <cc> 0x<gr1> 0x<gr2>'");
        }
        Apqn apqn;
        try {
            apqn = Apqn.parse(tok[1]);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where, "bad APQN " + quote(tok[1])
                    + " (want AA.DDDD, domain <= 00ff)", e);
        }
        String cc = tok[2];
        if (cc.length() != 1 || cc.charAt(0) < '0' || cc.charAt(0) > '3') {
            throw new BadInputException(where, "bad condition code " + quote(cc) + " (want 0..3)");
        }
        return new TapqRecord(apqn, cc.charAt(0) - '0', parseWord(tok[3], "gr1", where),
                parseWord(tok[4], "gr2", where));
    }

    /** {@code 0x} + exactly 16 hex digits, as an unsigned 64-bit register value. */
    private static long parseWord(String s, String what, String where) {
        boolean ok = s.length() == 18 && s.charAt(0) == '0'
                && (s.charAt(1) == 'x' || s.charAt(1) == 'X');
        for (int i = 2; ok && i < s.length(); i++) {
            ok = isHexDigit(s.charAt(i));
        }
        if (!ok) {
            throw new BadInputException(where, "bad " + what + " " + quote(s)
                    + " (want 0x + 16 hex digits)");
        }
        return Long.parseUnsignedLong(s.substring(2), 16);
    }

    /** ASCII only, like the C parser ({@code Character.digit} would take any script's digits). */
    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
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
