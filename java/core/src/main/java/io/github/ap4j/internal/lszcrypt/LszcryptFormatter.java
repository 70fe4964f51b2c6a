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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

    private static final Pattern KNOWN_DRIVER = Pattern.compile("cex[0-9](card|queue)|vfio.ap");
    private static final Pattern QUEUE_DRIVER = Pattern.compile("cex[0-9](card|queue)");

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
        List<Column> cols = new ArrayList<>(COLUMNS);
        boolean sb = s.bus().hasApsb(); // ap_bus_has_SB_support(): strstr(features, "APSB")
        if (sb) {
            cols.add(SESTAT);
        }
        StringBuilder out = new StringBuilder(128 * (1 + s.cards().size() + s.queues().size()));
        String[] hdr = new String[cols.size()];
        int width = cols.size() - 1;
        for (int i = 0; i < cols.size(); i++) {
            hdr[i] = cols.get(i).header();
            width += cols.get(i).width();
        }
        line(out, cols, hdr);
        out.append("-".repeat(width)).append('\n');

        for (ApCard c : s.cards()) {
            line(out, cols, cardRow(c, sb, r));
            List<ApQueue> qs = s.queues().stream().filter(q -> q.apqn().adapter() == c.id()).toList();
            if (qs.isEmpty()) {
                return out.toString(); // errx(): "Error - no subdevices found for ..." on stderr
            }
            for (ApQueue q : qs) {
                line(out, cols, queueRow(c, q, sb, r));
            }
        }
        if (r.warnsOfUnavailableDefaultDomain) {
            warning(out, s.bus());
        }
        return out.toString();
    }

    private static String[] cardRow(ApCard c, boolean sb, Release r) {
        int fac = c.functions().orElse(0);
        long config = flag(c.config());
        long chkstop = flag(c.chkstop());
        long online = flag(c.online());
        String status = status(config, chkstop, online, "-");
        String requests = config == 0 ? "-" : count(c.requestCount());
        String pending = config == 0 ? "-" : sum(c.pendingqCount(), c.requestqCount());
        List<String> v = new ArrayList<>(List.of(String.format("%02x", c.id()), type(c), mode(fac),
                status, requests, pending, number(c.hwtype()), depth(c, r), letters(fac),
                driver(c.driver(), KNOWN_DRIVER)));
        if (sb) {
            v.add("-");
        }
        return v.toArray(new String[0]);
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

    private static String[] queueRow(ApCard c, ApQueue q, boolean sb, Release r) {
        int fac = c.functions().orElse(0);
        long config = flag(q.config());
        long chkstop = flag(q.chkstop());
        long online = flag(q.online());
        // No online attribute on a vfio_ap queue: lszcrypt shows the vfio_ap "status" file.
        String status = status(config, chkstop, online, q.vfioStatus().orElse("-"));
        String requests = config == 0 ? "-" : count(q.requestCount());
        boolean zcryptQueue = q.driver().isPresent() && QUEUE_DRIVER.matcher(q.driver().get()).find();
        String pending = flag(c.config()) == 0 || !zcryptQueue ? "-"
                : sum(q.pendingqCount(), q.requestqCount());
        List<String> v = new ArrayList<>(List.of(q.apqn().toString(), type(c), mode(fac), status,
                requests, pending, number(c.hwtype()), depth(c, r), letters(fac),
                driver(q.driver(), KNOWN_DRIVER)));
        if (sb) {
            v.add(sestat(q.functions()));
        }
        return v.toArray(new String[0]);
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
    private static void warning(StringBuilder out, BusAttributes bus) {
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

    private static void line(StringBuilder out, List<Column> cols, String[] values) {
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            Column c = cols.get(i);
            String v = values[i];
            int pad = Math.max(0, c.width() - v.length());
            if (c.left()) {
                out.append(v).append(" ".repeat(pad));
            } else {
                out.append(" ".repeat(pad)).append(v);
            }
        }
        out.append('\n');
    }

    private static long flag(Attr<Boolean> a) {
        return a.isPresent() ? (a.get() ? 1 : 0) : -1;
    }

    private static String type(ApCard c) {
        return c.type().isPresent() ? c.type().get() : "-";
    }

    private static String mode(int fac) {
        return LszcryptImport.modeName(ApMode.ofFunctions(fac));
    }

    private static String letters(int fac) {
        return QueueHwInfo.letters(fac);
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
        return c.depth().isPresent()
                ? String.format("%02d", c.depth().get() + (r.addsOneToDepth ? 1 : 0)) : "-";
    }

    private static String driver(Attr<String> d, Pattern known) {
        return d.isPresent() && known.matcher(d.get()).find() ? d.get() : "-no-driver-";
    }
}
