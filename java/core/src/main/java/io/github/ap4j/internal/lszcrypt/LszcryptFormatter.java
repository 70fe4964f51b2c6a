// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.lszcrypt;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMode;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.HostSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a host snapshot as the text {@code lszcrypt -V} of s390-tools 2.43 prints for the
 * sysfs tree the snapshot was read from.
 *
 * <p>Reference: ibm-s390-linux/s390-tools {@code zconf/zcrypt/lszcrypt.c} at
 * {@code a5af5bcf70fe721e92e6e6d8c11a73e8ddb5c6c8} (the newest revision in the search corpus:
 * {@code lszcrypt_cli.h}, SESTAT {@code invalid}, QDEPTH without {@code +1}, the default-domain
 * warning after the table); functions {@code define_rec_default()},
 * {@code define_rec_verbose()}, {@code read_rec_default()}, {@code read_rec_verbose()},
 * {@code read_subdev_rec_default()}, {@code read_subdev_rec_verbose()}, {@code read_driver()},
 * {@code show_device()}, {@code show_subdevices()}, {@code show_devices_all()}; {@code misc.c}
 * {@code ap_bus_has_SB_support()} and {@code check_mask_bit()}; and {@code libutil/util_rec.c}
 * {@code rec_print_wide_hdr()} / {@code rec_print_wide()} (every field, the last one included,
 * is padded to its width with {@code %-*s} or {@code %*s}, one blank between fields, values
 * longer than the width are not cut; the separator is {@code sum(widths) + fields - 1} dashes).
 * Neither the tagged 2.43 source nor a 2.43 binary was available. The released 2.40 binary
 * (Debian 2.40.0, s390x, run under qemu by ci-s390x/run) prints the same bytes as
 * {@link Release#S390_TOOLS_2_40} on the example hosts and an edge-case tree.
 *
 * <h2>Columns and the sysfs attributes they come from</h2>
 * <pre>
 * CARD.DOM  8 left   card: "%02x" of the id; queue: the APQN "%02x.%04x"
 * TYPE      5 left   cardXX/type ({@link ApCard#type()}), "-" when absent
 * MODE     11 left   cardXX/ap_functions: CCA-Coproc (0x10000000) before Accelerator
 *                    (0x08000000) before EP11-Coproc (0x04000000), else Unknown
 * STATUS   10 left   config==0: deconfig; else chkstop&gt;0: chkstop; else online&gt;0: online;
 *                    online==0: offline; else (queue only) the vfio_ap "status" text; else "-"
 *                    (card row: the card's attributes, queue row: the queue's)
 * REQUESTS  8 right  config==0 (of the row's device): "-"; else request_count ("-" when the
 *                    kernel prints "-")
 * PENDING   8 right  card: cardXX/config==0: "-", else pendingq_count+requestq_count of the card;
 *                    queue: cardXX/config==0 or the queue's driver is not cexNqueue: "-", else the
 *                    queue's pendingq_count+requestq_count
 * HWTYPE    6 right  cardXX/hwtype
 * QDEPTH    6 right  "%02d" of cardXX/depth (2.40: depth + 1, see {@link Release})
 * FUNCTIONS 10 left  cardXX/ap_functions as SMCDAXNHFR letters (also on queue rows)
 * DRIVER   11 left   basename of the driver link when it matches cex[0-9](card|queue) or
 *                    vfio.ap, else -no-driver-
 * SESTAT   11 left   only when /sys/bus/ap/features contains APSB; card: "-"; queue: from the
 *                    queue's ap_functions: unreadable: error, 0: invalid, else BS bits 16-17:
 *                    usable, bound, unbound, illicit
 * </pre>
 * Cards are listed in id order, each followed by its queues in domain order (alphasort of
 * {@code cardXX} and {@code XX.YYYY}). After the table, {@code Warning: Default domain 0x%02lx is
 * not available.} follows when {@code ap_domain} is negative or its bit is not set in
 * {@code ap_usage_domain_mask} (also when that mask reads {@code not supported}).
 *
 * <h2>Where the C code reads a missing file</h2>
 * lszcrypt then prints an uninitialised buffer or exits; this class prints {@code -} for
 * REQUESTS, PENDING, HWTYPE and QDEPTH, treats absent {@code ap_functions} as 0, and omits the
 * warning when {@code ap_domain} or the usage mask is MISSING or UNKNOWN (a NOT_SUPPORTED mask
 * still warns, as lszcrypt does). A card without queue devices makes lszcrypt exit
 * ({@code errx "Error - no subdevices found for ..."} on stderr) right after that card's row; the
 * text returned then ends there, as lszcrypt's stdout does.
 */
public final class LszcryptFormatter {

    private LszcryptFormatter() {
    }

    // The drivers lszcrypt's read_driver() names: regex "cex[0-9](card|queue)|vfio.ap", found
    // anywhere in the link's basename (isZcryptDriver, isVfioAp: no regex per row).

    /** A column of {@code define_rec_default()} / {@code define_rec_verbose()} (2.43). */
    private record Column(String header, int width, boolean left) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("CARD.DOM", 8, true),
            new Column("TYPE", 5, true),
            new Column("MODE", 11, true),
            new Column("STATUS", 10, true),
            new Column("REQUESTS", 8, false),
            new Column("PENDING", 8, false),
            new Column("HWTYPE", 6, false),
            new Column("QDEPTH", 6, false),
            new Column("FUNCTIONS", 10, true),
            new Column("DRIVER", 11, true));
    private static final Column SESTAT = new Column("SESTAT", 11, true);

    /** The exact stdout of {@code lszcrypt -V} (s390-tools 2.43) for the snapshot's tree. */
    /**
     * The s390-tools releases whose {@code lszcrypt -V} text ap4j reproduces. They differ in two
     * places. 2.40 adds one to the {@code depth} file, as lszcrypt did while the kernel printed
     * qd there, and prints no default-domain warning. The newer source (a5af5bcf) prints
     * {@code depth} as is (the kernel prints qd+1 since upstream 3317785a8803) and adds the
     * {@code Warning: Default domain ...} line after the table.
     */
    public enum Release {
        /** Checked byte for byte against Debian's s390-tools 2.40.0 binary by ci-s390x/run. */
        S390_TOOLS_2_40("2.40", true, false),
        /** From the newest lszcrypt.c revision available (a5af5bcf); no 2.43 binary was. */
        S390_TOOLS_2_43("2.43", false, true);

        private final String label;
        private final boolean addsOneToDepth;
        private final boolean warnsOfUnavailableDefaultDomain;

        Release(String label, boolean addsOneToDepth, boolean warnsOfUnavailableDefaultDomain) {
            this.label = label;
            this.addsOneToDepth = addsOneToDepth;
            this.warnsOfUnavailableDefaultDomain = warnsOfUnavailableDefaultDomain;
        }

        /** {@code 2.40} or {@code 2.43}. */
        public String label() {
            return label;
        }

        /** The release for {@code 2.40} or {@code 2.43}. */
        public static Release parse(String text) {
            for (Release r : values()) {
                if (r.label.equals(text)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown s390-tools release '" + text
                    + "' (expected 2.40 or 2.43)");
        }
    }

    /** The text of the newest release ap4j reproduces, {@link Release#S390_TOOLS_2_43}. */
    public static String format(HostSnapshot s) {
        return format(s, Release.S390_TOOLS_2_43);
    }

    /** The text {@code lszcrypt -V} of the given s390-tools release prints. */
    public static String format(HostSnapshot s, Release r) {
        StringBuilder out = new StringBuilder(128 * (2 + s.cards().size() + s.queues().size()));
        write(s, r, out);
        return out.toString();
    }

    /**
     * {@link #format(HostSnapshot, Release)}, appended to {@code out} line by line (as
     * lszcrypt prints it): a host of 16,384 queues prints 2 MiB of text, which need not be
     * held whole. An {@link IOException} of {@code out} is rethrown unchecked.
     */
    public static void write(HostSnapshot s, Release r, Appendable out) {
        try {
            table(s, r, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(HostSnapshot s, Release r, Appendable out) throws IOException {
        List<Column> cols = new ArrayList<>(COLUMNS);
        boolean sb = s.bus().hasApsb(); // ap_bus_has_SB_support(): strstr(features, "APSB")
        if (sb) {
            cols.add(SESTAT);
        }
        Line line = new Line(cols, out);
        int width = cols.size() - 1;
        for (Column c : cols) {
            line.cell(c.header());
            width += c.width();
        }
        line.end();
        line.raw("-".repeat(width)).end();

        // Queues are sorted by APQN and cards by id: one walk pairs each card with its queues
        // (a queue without a card device is not listed, as lszcrypt walks the cards).
        List<ApQueue> queues = s.queues();
        int next = 0;
        for (ApCard c : s.cards()) {
            CardCells cc = new CardCells(c, r);
            cardRow(line, c, cc, sb);
            while (next < queues.size() && queues.get(next).apqn().adapter() < c.id()) {
                next++;
            }
            if (next == queues.size() || queues.get(next).apqn().adapter() != c.id()) {
                return; // errx(): "Error - no subdevices found for ..." on stderr
            }
            for (; next < queues.size() && queues.get(next).apqn().adapter() == c.id(); next++) {
                queueRow(line, c, cc, queues.get(next), sb);
            }
        }
        if (r.warnsOfUnavailableDefaultDomain) {
            warning(out, s.bus());
        }
    }

    /** The columns a card's row and its queues' rows share, from the card's attributes. */
    private record CardCells(String type, String mode, String hwtype, String depth,
            String letters) {
        CardCells(ApCard c, Release r) {
            this(c.type().isPresent() ? c.type().get() : "-",
                    LszcryptFormatter.mode(c.functions().orElse(0)),
                    number(c.hwtype()), LszcryptFormatter.depth(c, r),
                    QueueHwInfo.letters(c.functions().orElse(0)));
        }
    }

    private static void cardRow(Line line, ApCard c, CardCells cc, boolean sb) throws IOException {
        long config = flag(c.config());
        long chkstop = flag(c.chkstop());
        long online = flag(c.online());
        line.cell(hex2(c.id()))
                .cell(cc.type())
                .cell(cc.mode())
                .cell(status(config, chkstop, online, "-"))
                .cell(config == 0 ? "-" : count(c.requestCount()))
                .cell(config == 0 ? "-" : sum(c.pendingqCount(), c.requestqCount()))
                .cell(cc.hwtype())
                .cell(cc.depth())
                .cell(cc.letters())
                .cell(driver(c.driver()));
        if (sb) {
            line.cell("-");
        }
        line.end();
    }

    /**
     * The STATUS column from config, chkstop and online (-1 when unreadable), in lszcrypt's
     * order of precedence; {@code otherwise} when none of them decides.
     */
    private static String status(long config, long chkstop, long online, String otherwise) {
        if (config == 0) {
            return "deconfig";
        }
        if (chkstop > 0) {
            return "chkstop";
        }
        if (online > 0) {
            return "online";
        }
        return online == 0 ? "offline" : otherwise;
    }

    private static void queueRow(Line line, ApCard c, CardCells cc, ApQueue q, boolean sb)
            throws IOException {
        long config = flag(q.config());
        long chkstop = flag(q.chkstop());
        long online = flag(q.online());
        boolean zcryptQueue = q.driver().isPresent() && isZcryptDriver(q.driver().get());
        // No online attribute on a vfio_ap queue: lszcrypt shows the vfio_ap "status" file.
        line.cell(q.apqn().toString())
                .cell(cc.type())
                .cell(cc.mode())
                .cell(status(config, chkstop, online, q.vfioStatus().orElse("-")))
                .cell(config == 0 ? "-" : count(q.requestCount()))
                .cell(flag(c.config()) == 0 || !zcryptQueue ? "-"
                        : sum(q.pendingqCount(), q.requestqCount()))
                .cell(cc.hwtype())
                .cell(cc.depth())
                .cell(cc.letters())
                .cell(driver(q.driver()));
        if (sb) {
            line.cell(sestat(q.functions()));
        }
        line.end();
    }

    /** SESTAT from the queue's own ap_functions (EXTRACT_BS_BITS: (f & 0xc000) >> 14). */
    private static String sestat(Attr<Integer> functions) {
        if (!functions.isPresent()) {
            return "error";
        }
        int f = functions.get();
        if (f == 0) {
            return "invalid";
        }
        switch ((f & QueueHwInfo.FN_BS) >>> 14) {
            case 0: return "usable";
            case 1: return "bound";
            case 2: return "unbound";
            default: return "illicit";
        }
    }

    /** The line show_devices_all() prints after the table when the default domain is unusable. */
    private static void warning(Appendable out, BusAttributes bus) throws IOException {
        if (!bus.apDomain().isPresent()) {
            return;
        }
        int domain = bus.apDomain().get();
        Attr<ApMask> mask = bus.usageDomains();
        boolean warn;
        if (domain < 0) {
            warn = true;
        } else if (mask.isPresent()) {
            warn = domain > 255 || !mask.get().contains(domain); // check_mask_bit() < 1
        } else {
            // "not supported" makes check_mask_bit() return -1; a missing file is undefined in C
            warn = mask.absence() == Absence.NOT_SUPPORTED;
        }
        if (warn) {
            out.append("Warning: Default domain 0x").append(String.format("%02x", (long) domain))
                    .append(" is not available.\n");
        }
    }

    /**
     * One line of the table, built cell by cell in a reused buffer: {@code rec_print_wide()}
     * pads every field, the last one included, to its column's width ({@code %-*s} or
     * {@code %*s}), with one blank between fields; a longer value is not cut.
     */
    private static final class Line {
        private final List<Column> cols;
        private final Appendable out;
        private final StringBuilder text = new StringBuilder(160);
        private int col;

        Line(List<Column> cols, Appendable out) {
            this.cols = cols;
            this.out = out;
        }

        Line cell(String v) {
            if (col > 0) {
                text.append(' ');
            }
            Column c = cols.get(col++);
            int pad = Math.max(0, c.width() - v.length());
            if (!c.left()) {
                blanks(pad);
            }
            text.append(v);
            if (c.left()) {
                blanks(pad);
            }
            return this;
        }

        /** Text that is not a cell (the separator line). */
        Line raw(String v) {
            text.append(v);
            return this;
        }

        void end() throws IOException {
            text.append('\n');
            out.append(text);
            text.setLength(0);
            col = 0;
        }

        private void blanks(int n) {
            for (int i = 0; i < n; i++) {
                text.append(' ');
            }
        }
    }

    private static long flag(Attr<Boolean> a) {
        return a.isPresent() ? (a.get() ? 1 : 0) : -1;
    }

    private static String mode(int fac) {
        return LszcryptImport.modeName(ApMode.ofFunctions(fac));
    }

    /** {@code "%02x"} of a card id (0-255). */
    private static String hex2(int id) {
        return new String(new char[] {Character.forDigit((id >> 4) & 15, 16),
            Character.forDigit(id & 15, 16)});
    }

    private static String count(Attr<Long> a) {
        return a.isPresent() ? Long.toUnsignedString(a.get()) : "-";
    }

    private static String sum(Attr<Integer> a, Attr<Integer> b) {
        return a.isPresent() && b.isPresent() ? Long.toString((long) a.get() + b.get()) : "-";
    }

    private static String number(Attr<Integer> a) {
        return a.isPresent() ? Integer.toString(a.get()) : "-";
    }

    private static String depth(ApCard c, Release r) {
        if (!c.depth().isPresent()) {
            return "-";
        }
        int d = c.depth().get() + (r.addsOneToDepth ? 1 : 0);
        return d >= 0 && d < 10 ? "0" + d : Integer.toString(d); // "%02d"
    }

    /** A driver lszcrypt names (cex[0-9](card|queue) or vfio.ap), else {@code -no-driver-}. */
    private static String driver(Attr<String> d) {
        return d.isPresent() && (isZcryptDriver(d.get()) || isVfioAp(d.get())) ? d.get()
                : "-no-driver-";
    }

    /** Whether {@code d} contains {@code cex[0-9](card|queue)} (read_driver()'s regex). */
    static boolean isZcryptDriver(String d) {
        for (int i = d.indexOf("cex"); i >= 0; i = d.indexOf("cex", i + 1)) {
            int j = i + 3;
            if (j < d.length() && d.charAt(j) >= '0' && d.charAt(j) <= '9'
                    && (d.startsWith("card", j + 1) || d.startsWith("queue", j + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code d} contains {@code vfio.ap} (any character between). */
    static boolean isVfioAp(String d) {
        for (int i = d.indexOf("vfio"); i >= 0; i = d.indexOf("vfio", i + 1)) {
            if (i + 5 < d.length() && d.startsWith("ap", i + 5)) {
                return true;
            }
        }
        return false;
    }
}
