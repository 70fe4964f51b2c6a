// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.lszcrypt;

import static io.github.ap4j.BadInputException.quote;

import io.github.ap4j.BadInputException;
import io.github.ap4j.internal.lszcrypt.LszcryptRow.FunctionsForm;
import io.github.ap4j.model.ApMode;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Provenance;
import io.github.ap4j.snapshot.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text administrators paste from {@code lszcrypt -V} (and plain {@code lszcrypt}) of
 * every s390-tools era into a partial {@link HostSnapshot} ({@link SourceKind#LSZCRYPT}).
 *
 * <h2>Layouts accepted (ibm-s390-linux/s390-tools {@code zconf/zcrypt/lszcrypt.c})</h2>
 * <pre>
 * 2.0-2.6   b627b8d8e1ab  CARD.DOMAIN TYPE MODE STATUS REQUEST_CNT [PENDINGQ_CNT REQUESTQ_CNT
 *                         HW_TYPE Q_DEPTH FUNCTIONS]; FUNCTIONS "0x%08x"
 * 2.7-2.14  6eddae9a8a52  CARD.DOMAIN TYPE MODE STATUS REQUESTS [PENDING HWTYPE QDEPTH FUNCTIONS
 *                         DRIVER]; FUNCTIONS 9 letters SMCDAXNFR
 * 2.15-2.25 07677668a351  CARD.DOM ... same columns, STATUS width 10, "deconfig"
 * 2.26-     f821f31a51e3  10 letters SMCDAXNHFR, "chkstop", vfio_ap "status" words in STATUS,
 *                         SESTAT column when /sys/bus/ap/features has APSB
 * newest    a5af5bcf70fe  QDEPTH = depth file as is; SESTAT "invalid"; the trailing line
 *                         "Warning: Default domain 0x%02lx is not available."
 * </pre>
 * A file may hold several runs (each with its header); the FUNCTIONS form is detected per row.
 * A shell prompt line ({@code $ lszcrypt -V}, {@code # lszcrypt -V},
 * {@code [root@host ~]# lszcrypt -V}), blank lines, trailing blanks (or their absence) and a
 * missing final newline are accepted. Anything else is a {@link BadInputException} naming
 * {@code "<origin> line N"} and quoting the line.
 *
 * <h2>What each column tells (and what it does not)</h2>
 * <ul>
 * <li>TYPE, HWTYPE, FUNCTIONS (and MODE, checked against FUNCTIONS) are <b>card</b> attributes,
 *     even on queue rows; they go to {@link ApCard}. The FUNCTIONS bits the form cannot show
 *     (bit 7 in 9-letter rows, bits 10-31 in letter rows) are 0 in {@link ApCard#functions()};
 *     {@link LszcryptRow#knownFunctionBits()} says which bits are real.</li>
 * <li>MODE and the last letter of TYPE ({@code CEX6P}: EP11, {@code CEX7C}: CCA,
 *     {@code CEX5A}: accelerator, the type strings of {@code drivers/s390/crypto/zcrypt_cex4.c})
 *     both state the card's mode; they must agree with each other and with FUNCTIONS. Without
 *     FUNCTIONS (plain {@code lszcrypt}) they give {@link ApCard#mode()} while the functions
 *     stay unknown.</li>
 * <li>STATUS: {@code online}/{@code offline} set {@code online}; {@code deconfig} sets
 *     {@code config=false}; {@code chkstop} sets {@code chkstop=true}; {@code in use},
 *     {@code assigned}, {@code unassigned} set the vfio_ap {@code status}; {@code -} means the
 *     {@code online} attribute is MISSING. Everything else stays UNKNOWN.</li>
 * <li>REQUESTS {@code -}: with {@code deconfig} lszcrypt did not read it (UNKNOWN); otherwise the
 *     kernel printed {@code -} (NOT_SUPPORTED).</li>
 * <li>PENDING is a sum and QDEPTH depends on the tool and kernel versions: both stay in
 *     {@link LszcryptRow}; the snapshot's counts and {@code depth} are UNKNOWN.</li>
 * <li>DRIVER {@code -no-driver-} is MISSING (lszcrypt also prints it for a driver other than
 *     {@code cexNcard}/{@code cexNqueue}/{@code vfio_ap}).</li>
 * <li>The Warning line gives {@code ap_domain}; nothing else about the bus is known.</li>
 * </ul>
 */
public final class LszcryptImport {

    private LszcryptImport() {
    }

    /** Columns of every era, by their meaning. */
    enum Col {
        CARD, TYPE, MODE, STATUS, REQUESTS, PENDINGQ, REQUESTQ, PENDING, HWTYPE, QDEPTH, FUNCTIONS,
        DRIVER, SESTAT
    }

    private static final Map<String, Col> HEADER_NAMES = Map.ofEntries(
            Map.entry("CARD.DOMAIN", Col.CARD), Map.entry("CARD.DOM", Col.CARD),
            Map.entry("TYPE", Col.TYPE), Map.entry("MODE", Col.MODE),
            Map.entry("STATUS", Col.STATUS),
            Map.entry("REQUEST_CNT", Col.REQUESTS), Map.entry("REQUESTS", Col.REQUESTS),
            Map.entry("PENDINGQ_CNT", Col.PENDINGQ), Map.entry("REQUESTQ_CNT", Col.REQUESTQ),
            Map.entry("PENDING", Col.PENDING),
            Map.entry("HW_TYPE", Col.HWTYPE), Map.entry("HWTYPE", Col.HWTYPE),
            Map.entry("Q_DEPTH", Col.QDEPTH), Map.entry("QDEPTH", Col.QDEPTH),
            Map.entry("FUNCTIONS", Col.FUNCTIONS), Map.entry("DRIVER", Col.DRIVER),
            Map.entry("SESTAT", Col.SESTAT));

    private static final List<Col> DEFAULT_COLS =
            List.of(Col.CARD, Col.TYPE, Col.MODE, Col.STATUS, Col.REQUESTS);
    /** The verbose tails, in the order define_rec_verbose() adds them. */
    private static final List<List<Col>> VERBOSE_TAILS = List.of(
            List.of(),
            List.of(Col.PENDINGQ, Col.REQUESTQ, Col.HWTYPE, Col.QDEPTH, Col.FUNCTIONS),
            List.of(Col.PENDING, Col.HWTYPE, Col.QDEPTH, Col.FUNCTIONS, Col.DRIVER),
            List.of(Col.PENDING, Col.HWTYPE, Col.QDEPTH, Col.FUNCTIONS, Col.DRIVER, Col.SESTAT));

    private static final Set<String> MODES =
            Set.of("CCA-Coproc", "Accelerator", "EP11-Coproc", "Unknown");
    private static final Set<String> STATUSES = Set.of("online", "offline", "deconfig", "chkstop",
            "-", "in use", "assigned", "unassigned");
    private static final Set<String> VFIO_STATUSES = Set.of("in use", "assigned", "unassigned");
    private static final Set<String> SESTATS =
            Set.of("usable", "bound", "unbound", "illicit", "invalid", "error", "-");

    /** A shell prompt: optional {@code [user@host dir]} or {@code user@host:dir}, then $, # or #&gt;. */
    private static final Pattern PROMPT = Pattern.compile(
            "^(?:\\[[^\\]]*\\]|[\\w.@:~/+-]*)\\s*(?:[$#]>?|>)\\s*(.*)$");
    private static final Pattern LSZCRYPT_CMD = Pattern.compile("^(?:sudo\\s+)?(?:\\S*/)?lszcrypt(?:\\s.*)?$");
    private static final Pattern WARNING = Pattern.compile(
            "^Warning: Default domain 0x([0-9a-f]{2,16}) is not available\\.$");
    private static final Pattern CARD_ID = Pattern.compile("^[0-9a-fA-F]{2}$");
    private static final Pattern QUEUE_ID = Pattern.compile("^[0-9a-fA-F]{2}\\.[0-9a-fA-F]{4}$");
    private static final Pattern TYPE = Pattern.compile("^(?:-|[A-Za-z][A-Za-z0-9_]*)$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,20}$");
    private static final Pattern HEX_FUNCTIONS = Pattern.compile("^0[xX]([0-9a-fA-F]{8})$");
    private static final Pattern DRIVER = Pattern.compile("^[A-Za-z0-9_.-]+$");
    private static final Pattern DASHES = Pattern.compile("^-{4,}$");

    /**
     * Parses pasted lszcrypt text into a partial host snapshot. Fields the text cannot tell are
     * {@link Attr#unknown()}.
     *
     * @param text   the pasted text
     * @param origin where it came from (file name), used in error messages as
     *               {@code "<origin> line N"}
     * @throws BadInputException for text that is not unambiguous lszcrypt output
     */
    public static HostSnapshot parse(String text, String origin) {
        return toSnapshot(parseListing(text, origin), origin, Instant.now());
    }

    /** Parses pasted lszcrypt text into its rows, keeping what the snapshot cannot hold. */
    public static LszcryptListing parseListing(String text, String origin) {
        if (text == null || text.isBlank()) {
            throw new BadInputException(origin, "empty input: expected the output of lszcrypt -V");
        }
        String[] lines = text.split("\r?\n", -1);
        List<LszcryptRow> rows = new ArrayList<>();
        List<Col> cols = null;
        boolean expectSeparator = false;
        boolean anyHeader = false;
        boolean sestat = false;
        Integer warned = null;
        int warnedLine = 0;
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String raw = lines[i];
            String line = stripTrailing(raw);
            if (line.isEmpty()) {
                continue;
            }
            String where = origin + " line " + n;
            if (expectSeparator) {
                if (!DASHES.matcher(line).matches()) {
                    throw new BadInputException(where,
                            "expected the dashed line under the lszcrypt header: " + quote(raw));
                }
                expectSeparator = false;
                continue;
            }
            if (line.startsWith("CARD.DOM")) {
                cols = header(line, where, raw);
                sestat |= cols.contains(Col.SESTAT);
                anyHeader = true;
                expectSeparator = true;
                continue;
            }
            Matcher w = WARNING.matcher(line);
            if (w.matches() && anyHeader) {
                int domain = warnedDomain(w.group(1), where, raw);
                if (warned != null && warned != domain) {
                    throw new BadInputException(where, "default-domain warning disagrees with line "
                            + warnedLine + ": " + quote(raw));
                }
                warned = domain;
                warnedLine = n;
                continue;
            }
            Matcher p = PROMPT.matcher(line);
            if (p.matches() && !CARD_ID.matcher(firstToken(line)).matches()
                    && !QUEUE_ID.matcher(firstToken(line)).matches()) {
                String cmd = p.group(1).trim();
                if (cmd.isEmpty() || LSZCRYPT_CMD.matcher(cmd).matches()) {
                    cols = null; // a new run: its header comes next
                    continue;
                }
                if (!anyHeader) {
                    throw notAListing(where);
                }
                throw new BadInputException(where,
                        "a command other than lszcrypt; expected only lszcrypt -V output: " + quote(raw));
            }
            if (cols == null) {
                if (!anyHeader) {
                    throw notAListing(where);
                }
                throw new BadInputException(where, "row before the lszcrypt header line: " + quote(raw));
            }
            rows.add(row(cols, line, raw, n, where));
        }
        if (!anyHeader) {
            throw new BadInputException(origin, "not lszcrypt -V output: no header line starting "
                    + "with CARD.DOM or CARD.DOMAIN");
        }
        if (expectSeparator) {
            throw new BadInputException(origin + " line " + lines.length,
                    "text ends after the lszcrypt header, without its dashed line");
        }
        return new LszcryptListing(rows, sestat,
                warned == null ? Attr.unknown() : Attr.of(warned));
    }

    /**
     * Text before any lszcrypt header is not known to be a listing at all (a target named by
     * mistake can be {@code /etc/shadow}), so its lines are never quoted: only an lszcrypt
     * listing's own lines are.
     */
    private static BadInputException notAListing(String where) {
        return new BadInputException(where, "not an lszcrypt listing (expected lszcrypt -V "
                + "output: a header line starting with CARD.DOM, or a shell prompt running lszcrypt)");
    }

    private static List<Col> header(String line, String where, String raw) {
        String[] names = line.trim().split("\\s+");
        List<Col> cols = new ArrayList<>(names.length);
        for (String name : names) {
            Col c = HEADER_NAMES.get(name);
            if (c == null) {
                throw new BadInputException(where, "unsupported lszcrypt header (unknown column "
                        + quote(name) + "; only the CARD.DOM listing of lszcrypt [-V] is read): "
                        + quote(raw));
            }
            cols.add(c);
        }
        if (cols.size() >= DEFAULT_COLS.size()
                && cols.subList(0, DEFAULT_COLS.size()).equals(DEFAULT_COLS)
                && VERBOSE_TAILS.contains(cols.subList(DEFAULT_COLS.size(), cols.size()))) {
            return List.copyOf(cols);
        }
        throw new BadInputException(where,
                "lszcrypt header with columns in an order no lszcrypt version prints: " + quote(raw));
    }

    private static int warnedDomain(String hex, String where, String raw) {
        if (hex.equals("ffffffffffffffff")) {
            return -1; // "%02lx" of ap_domain -1 (no default domain set)
        }
        long v = Long.parseUnsignedLong(hex, 16);
        if (v > 255) {
            throw new BadInputException(where, "default domain out of range 0..0xff: " + quote(raw));
        }
        return (int) v;
    }

    private static LszcryptRow row(List<Col> cols, String line, String raw, int n, String where) {
        if (line.startsWith(" ") || line.startsWith("\t")) {
            throw new BadInputException(where, "indented line, not an lszcrypt row: " + quote(raw));
        }
        String[] tok = line.split("\\s+");
        List<String> vals = new ArrayList<>(tok.length);
        int status = cols.indexOf(Col.STATUS);
        for (int i = 0; i < tok.length; i++) {
            if (vals.size() == status && tok[i].equals("in") && i + 1 < tok.length
                    && tok[i + 1].equals("use")) {
                vals.add("in use"); // the only value with a blank: vfio_ap "status"
                i++;
            } else {
                vals.add(tok[i]);
            }
        }
        String id = vals.get(0);
        boolean isQueue = QUEUE_ID.matcher(id).matches();
        if (!isQueue && !CARD_ID.matcher(id).matches()) {
            throw new BadInputException(where, "not an lszcrypt row (expected a card XX or queue "
                    + "XX.YYYY id first): " + quote(raw));
        }
        if (vals.size() != cols.size()) {
            throw new BadInputException(where, "lszcrypt row with " + vals.size()
                    + " fields where the header has " + cols.size() + ": " + quote(raw));
        }
        Map<Col, String> v = new EnumMap<>(Col.class);
        for (int i = 0; i < cols.size(); i++) {
            v.put(cols.get(i), vals.get(i));
        }
        Optional<Apqn> queue = Optional.empty();
        int adapter;
        if (isQueue) {
            try {
                Apqn q = Apqn.parse(id.toLowerCase());
                queue = Optional.of(q);
                adapter = q.adapter();
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where, "bad queue id " + quote(id) + ": " + quote(raw));
            }
        } else {
            adapter = Integer.parseInt(id, 16);
        }
        String type = check(v.get(Col.TYPE), TYPE.matcher(v.get(Col.TYPE)).matches(), "TYPE", where, raw);
        String mode = check(v.get(Col.MODE), MODES.contains(v.get(Col.MODE)), "MODE", where, raw);
        String stat = check(v.get(Col.STATUS), STATUSES.contains(v.get(Col.STATUS)), "STATUS", where, raw);

        Attr<Long> requests = v.get(Col.REQUESTS).equals("-")
                ? (stat.equals("deconfig") ? Attr.unknown() : Attr.notSupported())
                : Attr.of(number(v.get(Col.REQUESTS), "REQUESTS", where, raw));
        Attr<Long> pending = Attr.unknown();
        if (v.containsKey(Col.PENDING)) {
            pending = v.get(Col.PENDING).equals("-") ? Attr.notSupported()
                    : Attr.of(number(v.get(Col.PENDING), "PENDING", where, raw));
        }
        Attr<Integer> pendingq = intCol(v, Col.PENDINGQ, "PENDINGQ_CNT", where, raw);
        Attr<Integer> requestq = intCol(v, Col.REQUESTQ, "REQUESTQ_CNT", where, raw);
        Attr<Integer> hwtype = intCol(v, Col.HWTYPE, "HWTYPE", where, raw);
        if (hwtype.isPresent() && hwtype.get() > 255) {
            // lszcrypt prints the card's hwtype file, an 8-bit AP type ("%d")
            throw new BadInputException(where, "HWTYPE " + quote(v.get(Col.HWTYPE))
                    + " is out of range 0..255: " + quote(raw));
        }
        Attr<Integer> qdepth = intCol(v, Col.QDEPTH, "QDEPTH", where, raw);

        FunctionsForm form = FunctionsForm.ABSENT;
        Attr<Integer> functions = Attr.unknown();
        if (v.containsKey(Col.FUNCTIONS)) {
            String f = v.get(Col.FUNCTIONS);
            Matcher hex = HEX_FUNCTIONS.matcher(f);
            if (hex.matches()) {
                form = FunctionsForm.HEX;
                functions = Attr.of((int) Long.parseLong(hex.group(1), 16));
            } else if (QueueHwInfo.functionsOfLetters(f, QueueHwInfo.LETTERS).isPresent()) {
                form = FunctionsForm.LETTERS10;
                functions = Attr.of(QueueHwInfo.functionsOfLetters(f, QueueHwInfo.LETTERS).getAsInt());
            } else if (QueueHwInfo.functionsOfLetters(f, QueueHwInfo.LETTERS_BEFORE_SLCF).isPresent()) {
                form = FunctionsForm.LETTERS9;
                functions = Attr.of(QueueHwInfo.functionsOfLetters(f,
                        QueueHwInfo.LETTERS_BEFORE_SLCF).getAsInt());
            } else {
                throw new BadInputException(where, "FUNCTIONS " + quote(f) + " is none of "
                        + "SMCDAXNHFR, SMCDAXNFR (letter or '-' each) or 0x%08x: " + quote(raw));
            }
            String expected = modeName(ApMode.ofFunctions(functions.get()));
            if (!expected.equals(mode)) {
                throw new BadInputException(where, "MODE " + quote(mode) + " disagrees with FUNCTIONS "
                        + quote(f) + " (lszcrypt derives both from ap_functions): " + quote(raw));
            }
        }
        ApMode byType = modeOfType(type);
        ApMode byColumn = modeOfColumn(mode);
        // With FUNCTIONS the MODE column was checked against them above; a card whose word has
        // several mode bits shows MODE by lszcrypt's order (CCA first) and TYPE by its driver, so
        // only a row without FUNCTIONS must have TYPE and MODE agree.
        if (form == FunctionsForm.ABSENT && byType != null && byColumn != null && byType != byColumn) {
            throw new BadInputException(where, "MODE " + quote(mode) + " disagrees with the mode "
                    + "letter of TYPE " + quote(type) + " (both name the card's mode): " + quote(raw));
        }
        Attr<String> driver = Attr.unknown();
        if (v.containsKey(Col.DRIVER)) {
            String d = v.get(Col.DRIVER);
            driver = d.equals("-no-driver-") ? Attr.missing()
                    : Attr.of(check(d, DRIVER.matcher(d).matches(), "DRIVER", where, raw));
        }
        Attr<String> sestat = Attr.unknown();
        if (v.containsKey(Col.SESTAT)) {
            sestat = Attr.of(check(v.get(Col.SESTAT), SESTATS.contains(v.get(Col.SESTAT)), "SESTAT",
                    where, raw));
        }
        return new LszcryptRow(n, adapter, queue, type, mode, stat, requests, pending, pendingq,
                requestq, hwtype, qdepth, form, functions, driver, sestat);
    }

    /** Zcrypt type names {@code CEXnC}, {@code CEXnA}, {@code CEXnP} (zcrypt_cex4.c, zcrypt_cex2c.c, ...). */
    private static final Pattern MODE_LETTER_TYPE = Pattern.compile("^CEX[0-9]+([CAP])$");

    /**
     * The mode the last letter of a zcrypt type name states: C a CCA coprocessor, A an
     * accelerator, P an EP11 coprocessor (the {@code cexNc}/{@code cexNa}/{@code cexNp} names
     * the zcrypt card drivers give in {@code drivers/s390/crypto/zcrypt_cex4.c}); null for other
     * names ({@code -}, {@code PCICA}, ...).
     */
    static ApMode modeOfType(String type) {
        Matcher m = MODE_LETTER_TYPE.matcher(type);
        if (!m.matches()) {
            return null;
        }
        switch (m.group(1)) {
            case "C": return ApMode.CCA;
            case "A": return ApMode.ACCEL;
            default: return ApMode.EP11;
        }
    }

    /**
     * The mode the MODE column states; null for {@code Unknown}, which lszcrypt prints when it
     * could not tell (no mode bit in ap_functions, or no ap_functions file at all).
     */
    static ApMode modeOfColumn(String mode) {
        switch (mode) {
            case "CCA-Coproc": return ApMode.CCA;
            case "Accelerator": return ApMode.ACCEL;
            case "EP11-Coproc": return ApMode.EP11;
            default: return null;
        }
    }

    /** What a row says about its card's mode apart from FUNCTIONS: the MODE column, else TYPE. */
    static ApMode statedMode(LszcryptRow r) {
        ApMode m = modeOfColumn(r.mode());
        return m != null ? m : modeOfType(r.type());
    }

    /** MODE as lszcrypt derives it from ap_functions (COPRO before ACCEL before EP11). */
    static String modeName(ApMode m) {
        switch (m) {
            case CCA: return "CCA-Coproc";
            case ACCEL: return "Accelerator";
            case EP11: return "EP11-Coproc";
            default: return "Unknown";
        }
    }

    private static String check(String value, boolean ok, String col, String where, String raw) {
        if (!ok) {
            throw new BadInputException(where, col + " " + quote(value)
                    + " is not a value lszcrypt prints: " + quote(raw));
        }
        return value;
    }

    private static long number(String s, String col, String where, String raw) {
        if (!DIGITS.matcher(s).matches()) {
            throw new BadInputException(where, col + " " + quote(s) + " is not a number: " + quote(raw));
        }
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new BadInputException(where, col + " " + quote(s) + " is out of range: " + quote(raw));
        }
    }

    private static Attr<Integer> intCol(Map<Col, String> v, Col c, String name, String where,
            String raw) {
        if (!v.containsKey(c)) {
            return Attr.unknown();
        }
        long n = number(v.get(c), name, where, raw);
        if (n > Integer.MAX_VALUE) {
            throw new BadInputException(where, name + " " + quote(v.get(c)) + " is out of range: "
                    + quote(raw));
        }
        return Attr.of((int) n);
    }

    // ---------------------------------------------------------------- rows -> snapshot

    /** Card-level facts gathered from every row of one adapter. */
    private static final class CardFacts {
        LszcryptRow cardRow;
        LszcryptRow first;
        String type;
        Integer hwtype;
        ApMode mode;
        int bits;
        int known;
    }

    static HostSnapshot toSnapshot(LszcryptListing listing, String origin, Instant takenAt) {
        Map<Integer, CardFacts> cards = new LinkedHashMap<>();
        Map<Apqn, LszcryptRow> queues = new HashMap<>();
        for (LszcryptRow r : listing.rows()) {
            String where = origin + " line " + r.line();
            CardFacts f = cards.computeIfAbsent(r.adapter(), k -> new CardFacts());
            if (r.isQueue()) {
                LszcryptRow prev = queues.putIfAbsent(r.queue().get(), r);
                if (prev != null) {
                    throw new BadInputException(where, "queue " + r.id() + " listed again (first on line "
                            + prev.line() + ")");
                }
            } else {
                if (f.cardRow != null) {
                    throw new BadInputException(where, "card " + r.id() + " listed again (first on line "
                            + f.cardRow.line() + ")");
                }
                f.cardRow = r;
            }
            merge(f, r, where);
        }
        List<ApCard> cardList = new ArrayList<>();
        for (Map.Entry<Integer, CardFacts> e : cards.entrySet()) {
            cardList.add(card(e.getKey(), e.getValue()));
        }
        List<ApQueue> queueList = new ArrayList<>();
        for (LszcryptRow r : queues.values()) {
            Status s = status(r.status(), true);
            queueList.add(ApQueue.builder(r.queue().get())
                    .config(s.config).chkstop(s.chkstop).online(s.online).vfioStatus(s.vfio)
                    .driver(r.driver()).requestCount(r.requests())
                    .requestqCount(r.requestqCount()).pendingqCount(r.pendingqCount())
                    .build());
        }
        BusAttributes unknown = BusAttributes.unknown();
        BusAttributes bus = new BusAttributes(unknown.features(), unknown.adapters(),
                unknown.usageDomains(), unknown.controlDomains(), unknown.apmask(), unknown.aqmask(),
                listing.defaultDomain(), unknown.maxAdapterId(), unknown.maxDomainId());
        return new HostSnapshot(new Provenance(SourceKind.LSZCRYPT, origin, takenAt), bus, cardList,
                queueList, Attr.unknown());
    }

    private static void merge(CardFacts f, LszcryptRow r, String where) {
        if (f.first == null) {
            f.first = r;
        }
        String rowType = r.type().equals("-") ? null : r.type();
        if (f.type != null && rowType != null && !f.type.equals(rowType)) {
            throw new BadInputException(where, "card " + String.format("%02x", r.adapter()) + " TYPE "
                    + quote(r.type()) + " disagrees with " + quote(f.type) + " on an earlier line");
        }
        if (rowType != null) {
            f.type = rowType;
        }
        ApMode m = statedMode(r);
        if (m != null) {
            if (f.mode != null && f.mode != m) {
                throw new BadInputException(where, "card " + String.format("%02x", r.adapter())
                        + " mode " + quote(r.mode()) + " (TYPE " + quote(r.type()) + ") disagrees "
                        + "with an earlier line of the same card");
            }
            f.mode = m;
        }
        if (r.hwtype().isPresent()) {
            if (f.hwtype != null && !f.hwtype.equals(r.hwtype().get())) {
                throw new BadInputException(where, "card " + String.format("%02x", r.adapter())
                        + " HWTYPE " + r.hwtype().get() + " disagrees with " + f.hwtype
                        + " on an earlier line");
            }
            f.hwtype = r.hwtype().get();
        }
        if (r.functions().isPresent()) {
            int common = f.known & r.knownFunctionBits();
            if ((f.bits & common) != (r.functions().get() & common)) {
                throw new BadInputException(where, "card " + String.format("%02x", r.adapter())
                        + " FUNCTIONS disagree with an earlier line of the same card");
            }
            f.bits |= r.functions().get() & r.knownFunctionBits();
            f.known |= r.knownFunctionBits();
        }
    }

    private static ApCard card(int id, CardFacts f) {
        LszcryptRow c = f.cardRow;
        boolean anyType = f.type != null;
        // "-" in TYPE means lszcrypt could not read cardXX/type: no zcrypt card driver bound.
        Attr<String> type = anyType ? Attr.of(f.type)
                : f.first.type().equals("-") ? Attr.missing() : Attr.unknown();
        Attr<Integer> hwtype = f.hwtype == null ? Attr.unknown() : Attr.of(f.hwtype);
        Attr<Integer> functions = f.known == 0 ? Attr.unknown() : Attr.of(f.bits);
        ApCard.Builder card = ApCard.builder(id).type(type).hwtype(hwtype).functions(functions);
        if (!functions.isPresent() && f.mode != null) {
            // Without FUNCTIONS (plain lszcrypt, or a row of no verbose era) the mode is still
            // stated twice: by the MODE column and by the last letter of TYPE.
            card.mode(Attr.of(f.mode));
        }
        if (c == null) {
            return card.build();
        }
        Status s = status(c.status(), false);
        return card.config(s.config).chkstop(s.chkstop).online(s.online).driver(c.driver())
                .requestCount(c.requests()).requestqCount(c.requestqCount())
                .pendingqCount(c.pendingqCount())
                .build();
    }

    /** What a STATUS word says about config, chkstop, online and the vfio_ap status. */
    private record Status(Attr<Boolean> config, Attr<Boolean> chkstop, Attr<Boolean> online,
            Attr<String> vfio) {
    }

    private static Status status(String s, boolean queue) {
        Attr<Boolean> u = Attr.unknown();
        Attr<String> vu = queue ? Attr.unknown() : Attr.missing();
        switch (s) {
            case "online": return new Status(u, u, Attr.of(true), vu);
            case "offline": return new Status(u, u, Attr.of(false), vu);
            case "deconfig": return new Status(Attr.of(false), u, u, vu);
            case "chkstop": return new Status(u, Attr.of(true), u, vu);
            case "-": return new Status(u, u, Attr.missing(), vu);
            default:
                if (queue && VFIO_STATUSES.contains(s)) {
                    return new Status(u, u, Attr.missing(), Attr.of(s));
                }
                return new Status(u, u, u, vu);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String firstToken(String line) {
        int sp = 0;
        while (sp < line.length() && !Character.isWhitespace(line.charAt(sp))) {
            sp++;
        }
        return line.substring(0, sp);
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
