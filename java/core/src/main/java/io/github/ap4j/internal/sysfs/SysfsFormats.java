// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import static io.github.ap4j.BadInputException.quote;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.Mkvp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure parsers for the AP sysfs attribute formats, one per format, each beside the kernel's
 * printf format it reads (docs/sysfs-formats.md; kernel files {@code drivers/s390/crypto/ap_bus.c},
 * {@code ap_card.c}, {@code ap_queue.c}, {@code zcrypt_cex4.c}, {@code vfio_ap_ops.c},
 * {@code vfio_ap_drv.c}). They take the file's name (for the message) and its text exactly as
 * read, newline included, and either return a value, return an absence the kernel printed
 * ({@code -}, {@code not supported}), or throw one {@link BadInputException} naming the file
 * and quoting the text. They never touch a file system, so tests call them directly.
 */
public final class SysfsFormats {

    private SysfsFormats() {
    }

    /** Text without its one trailing newline; a file must end with one (sysfs_emit adds it). */
    static String line(String source, String text) {
        if (!text.endsWith("\n")) {
            throw bad(source, text.isEmpty() ? "empty file (expected one line)"
                    : "truncated (no trailing newline)", text);
        }
        String s = text.substring(0, text.length() - 1);
        if (s.indexOf('\n') >= 0) {
            throw bad(source, "expected one line", text);
        }
        return s;
    }

    /**
     * {@code ap_functions} of a card or queue: {@code "0x%08X\n"} ({@code ap_functions_show},
     * ap_card.c and ap_queue.c; docs/kernel-rules.md). Upper case is what the kernel prints; lower
     * case is accepted too.
     */
    public static int parseFunctions(String source, String text) {
        String s = line(source, text);
        if (s.length() != 10 || !s.startsWith("0x") || !isHex(s, 2)) {
            throw bad(source, "not a 32-bit function word (expected 0x and 8 hex digits)", text);
        }
        return (int) Long.parseLong(s.substring(2), 16);
    }

    /**
     * A decimal {@code int}: {@code "%d\n"} ({@code hwtype}, {@code raw_hwtype}, {@code depth},
     * {@code max_msg_size}, {@code requestq_count}, {@code pendingq_count},
     * {@code ap_max_adapter_id}, {@code ap_max_domain_id}, {@code ap_domain}).
     */
    public static int parseInt(String source, String text) {
        String s = line(source, text);
        if (!isDecimal(s, s.startsWith("-") ? 1 : 0, 10)) { // -?[0-9]{1,10}
            throw bad(source, "not a decimal number", text);
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw bad(source, "number out of range", text);
        }
    }

    /**
     * {@link #parseInt} checked against the kernel's own range, never wrapped or clamped: a
     * value outside it is bad input naming the file (for example {@code raw_hwtype} is the
     * 8-bit TAPQ AP type, so 256 or -1 cannot come from a kernel).
     */
    public static int parseInt(String source, String text, int min, int max) {
        int v = parseInt(source, text);
        if (v < min || v > max) {
            throw bad(source, "number out of range " + min + ".." + max, text);
        }
        return v;
    }

    /**
     * An 8-bit value printed as {@code "%d
"}: {@code hwtype} and {@code raw_hwtype} (the
     * TAPQ AP type, GR2 bits 32-39, {@code struct ap_tapq_hwinfo} in arch/s390/include/asm/ap.h),
     * {@code ap_max_adapter_id} and {@code ap_max_domain_id} (QCI Na and Nd, bytes of
     * {@code struct ap_config_info}; 63 and 15 without APXA).
     */
    public static int parseByte(String source, String text) {
        return parseInt(source, text, 0, 255);
    }

    /** A count printed as {@code "%d
"}: {@code requestq_count}, {@code pendingq_count}, ... */
    public static int parseCount(String source, String text) {
        return parseInt(source, text, 0, Integer.MAX_VALUE);
    }

    /**
     * An unsigned 64-bit counter: {@code "%llu\n"} ({@code bus/ap/scans}, {@code request_count}).
     */
    public static long parseUnsignedLong(String source, String text) {
        String s = line(source, text);
        if (!isDecimal(s, 0, 20)) { // [0-9]{1,20}
            throw bad(source, "not an unsigned decimal number", text);
        }
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw bad(source, "number out of range", text);
        }
    }

    /**
     * {@code request_count}: {@code "%llu\n"}, or {@code "-\n"} when the queue's counters are
     * not initiated (ap_card.c, ap_queue.c; docs/sysfs-formats.md).
     */
    public static Attr<Long> parseRequestCount(String source, String text) {
        if (text.equals("-\n")) {
            return Attr.notSupported();
        }
        return Attr.of(parseUnsignedLong(source, text));
    }

    /** A flag: {@code "%d\n"} with 0 or 1 ({@code config}, {@code chkstop}, {@code online}). */
    public static boolean parseFlag(String source, String text) {
        String s = line(source, text);
        if (s.equals("0")) {
            return false;
        }
        if (s.equals("1")) {
            return true;
        }
        throw bad(source, "not a flag (expected 0 or 1)", text);
    }

    /**
     * {@code ap_domain}: {@code "%d\n"} of {@code ap_domain_index}, which is -1 while no default
     * domain is chosen; that is reported as NOT_SUPPORTED rather than as a number.
     */
    public static Attr<Integer> parseApDomain(String source, String text) {
        int v = parseInt(source, text);
        if (v == -1) {
            return Attr.notSupported();
        }
        if (v < 0 || v > 255) {
            throw bad(source, "domain out of range 0..255", text);
        }
        return Attr.of(v);
    }

    /**
     * {@code apmask}, {@code aqmask}: {@code "0x%016lx%016lx%016lx%016lx\n"}, 64 lowercase hex
     * digits, MSB-first (ap_bus.c {@code apmask_show}; docs/sysfs-formats.md).
     */
    public static ApMask parseMask(String source, String text) {
        line(source, text);
        try {
            return ApMask.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, e.getMessage());
        }
    }

    /**
     * The QCI masks {@code ap_adapter_mask}, {@code ap_usage_domain_mask},
     * {@code ap_control_domain_mask}: {@code "0x%08x%08x%08x%08x%08x%08x%08x%08x\n"}, or
     * {@code "not supported\n"} without QCI (ap_bus.c; docs/sysfs-formats.md).
     */
    public static Attr<ApMask> parseQciMask(String source, String text) {
        if (text.equals(ApMask.NOT_SUPPORTED + "\n")) {
            return Attr.notSupported();
        }
        return Attr.of(parseMask(source, text));
    }

    private static final Pattern BUS_FEATURE = Pattern.compile("[A-Z0-9]+");
    private static final Pattern MATRIX_FEATURE = Pattern.compile("[a-z0-9_]+");

    /**
     * {@code bus/ap/features}: tokens from {@code APSC APXA QACT RC8A APSB}, each followed by a
     * space, the last space replaced by {@code \n}; {@code "-\n"} without QCI; an empty read
     * when QCI has no flag set (ap_bus.c {@code features_show}; docs/sysfs-formats.md). Tokens this
     * version does not know are kept.
     */
    public static Attr<List<String>> parseBusFeatures(String source, String text) {
        if (text.isEmpty()) {
            return Attr.of(List.of());
        }
        if (text.equals("-\n")) {
            return Attr.notSupported();
        }
        return Attr.of(tokens(source, text, BUS_FEATURE));
    }

    /**
     * {@code devices/vfio_ap/matrix/features}: the constant {@code "guest_matrix hotplug
     * ap_config\n"}, plus {@code migratable} with the migration series (vfio_ap_drv.c
     * {@code features_show}; docs/sysfs-formats.md). Unknown tokens are kept.
     */
    public static List<String> parseMatrixFeatures(String source, String text) {
        return tokens(source, text, MATRIX_FEATURE);
    }

    private static List<String> tokens(String source, String text, Pattern token) {
        String s = line(source, text);
        List<String> out = new ArrayList<>();
        for (String t : s.split(" ", -1)) {
            if (!token.matcher(t).matches()) {
                throw bad(source, "not a space-separated feature list", text);
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    /** Card {@code type} (zcrypt, e.g. {@code CEX8C}): {@code "%s\n"}. */
    public static String parseWord(String source, String text) {
        String s = line(source, text);
        if (!isWord(s)) {
            throw bad(source, "expected one word", text);
        }
        return s;
    }

    /** The vfio_ap queue states, shared by every queue instead of one copy each. */
    private static final List<String> VFIO_STATUSES = List.of("in use", "assigned", "unassigned");

    /**
     * vfio_ap queue {@code status}: {@code "in use\n"}, {@code "assigned\n"} or
     * {@code "unassigned\n"} (vfio_ap_ops.c {@code status_show}; docs/sysfs-formats.md). Other
     * words are kept as text for newer kernels.
     */
    public static String parseVfioStatus(String source, String text) {
        String s = line(source, text);
        if (!isVfioStatus(s)) {
            throw bad(source, "not a vfio_ap queue status", text);
        }
        return shared(s, VFIO_STATUSES);
    }

    /**
     * {@code se_bind}: {@code "bound\n"}, {@code "unbound\n"} or {@code "-\n"} when binding is
     * not supported (ap_queue.c {@code se_bind_show}; docs/sysfs-formats.md).
     */
    public static Attr<String> parseSeBind(String source, String text) {
        String s = line(source, text);
        if (s.equals("-")) {
            return Attr.notSupported();
        }
        if (s.equals("bound") || s.equals("unbound")) {
            return Attr.of(s);
        }
        throw bad(source, "not an SE bind state (bound, unbound or -)", text);
    }

    /**
     * {@code se_associate}: {@code "associated %u\n"}, {@code "association pending\n"},
     * {@code "unassociated\n"} or {@code "-\n"} (ap_queue.c {@code se_associate_show}).
     */
    public static Attr<String> parseSeAssociate(String source, String text) {
        String s = line(source, text);
        if (s.equals("-")) {
            return Attr.notSupported();
        }
        if (s.equals("association pending") || s.equals("unassociated")
                || s.startsWith("associated ") && isDecimal(s, "associated ".length(), 10)) {
            return Attr.of(s);
        }
        throw bad(source, "not an SE association state", text);
    }

    private static final Pattern MKVP = Pattern.compile(
            "([A-Z][A-Z0-9]*) (NEW|CUR|OLD): ([a-z]+|-) (0x[0-9a-fA-F]{16,64}|-)");

    /**
     * {@code mkvps} of a CCA or EP11 queue (zcrypt_cex4.c; docs/sysfs-formats.md). CCA:
     * {@code "AES NEW: %s 0x%016llx\n"} (state empty/partial/full), {@code "AES CUR: %s
     * 0x%016llx\n"} and OLD (valid/invalid), the same for APKA, and ASYM with
     * {@code 0x%016llx%016llx}; unknown state {@code "<T> NEW: - -\n"}. EP11:
     * {@code "WK CUR: valid 0x<64 hex>\n"}, {@code "WK CUR: invalid -\n"},
     * {@code "WK NEW: empty -\n"}, {@code "WK NEW: uncommitted|committed 0x<64 hex>\n"},
     * {@code "WK CUR: - -\n"}. Key types and states a newer kernel adds are kept as text.
     */
    public static List<Mkvp> parseMkvps(String source, String text) {
        if (!text.endsWith("\n")) {
            throw bad(source, text.isEmpty() ? "empty file" : "truncated (no trailing newline)", text);
        }
        List<Mkvp> out = new ArrayList<>();
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MKVP.matcher(lines[i]);
            if (!m.matches()) {
                throw new BadInputException(source + ":" + (i + 1),
                        "not an mkvps line ('<TYPE> NEW|CUR|OLD: <state> <0x pattern>'): "
                                + quote(lines[i]));
            }
            String state = m.group(3);
            String pattern = m.group(4);
            out.add(new Mkvp(shared(m.group(1), MKVP_KEY_TYPES), shared(m.group(2), MKVP_REGISTERS),
                    state.equals("-") ? Attr.notSupported() : sharedAttr(state, MKVP_STATES),
                    pattern.equals("-") ? Attr.notSupported() : Attr.of(pattern)));
        }
        return List.copyOf(out);
    }

    // The words of mkvps lines the kernel prints, shared by every queue of a snapshot instead of
    // one copy per line (a CCA queue has three lines, a host up to 16,384 queues). Other words
    // are kept as read.
    private static final List<String> MKVP_KEY_TYPES = List.of("AES", "APKA", "ASYM", "WK");
    private static final List<String> MKVP_REGISTERS = List.of("NEW", "CUR", "OLD");
    private static final List<Attr<String>> MKVP_STATES = List.of("empty", "partial", "full",
            "valid", "invalid", "uncommitted", "committed").stream().map(Attr::of).toList();

    /** {@code s}, or the equal string of {@code known}. */
    private static String shared(String s, List<String> known) {
        for (String k : known) {
            if (k.equals(s)) {
                return k;
            }
        }
        return s;
    }

    /** {@code Attr.of(s)}, or the equal value of {@code known} (attributes are immutable). */
    static Attr<String> sharedAttr(String s, List<Attr<String>> known) {
        for (Attr<String> k : known) {
            if (k.get().equals(s)) {
                return k;
            }
        }
        return Attr.of(s);
    }

    /**
     * An mdev's {@code matrix} or {@code guest_matrix} ({@code vfio_ap_mdev_matrix_show},
     * vfio_ap_ops.c; docs/sysfs-formats.md): {@code "%02lx.%04lx\n"} per APQN, APID-major; or
     * {@code "%02lx.\n"} per adapter; or {@code ".%04lx\n"} per domain; or nothing.
     *
     * <p>The kernel fills the page with plain {@code sprintf}, so with more than 511 APQNs
     * (8 bytes each) the text runs past PAGE_SIZE and sysfs hands back only the first
     * {@value #PAGE_CUT} bytes, without a final newline. Such a cut text is never parsed as if
     * it were complete: this returns {@link Absence#UNKNOWN} for it (see
     * {@link #isCutAtPage(String)}), and the reader then rebuilds {@code matrix} from
     * {@code ap_config}, which holds the same masks and always fits.
     */
    public static Attr<ApMatrix> parseMatrix(String source, String text) {
        if (isCutAtPage(text)) {
            return Attr.unknown();
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw bad(source, "truncated (no trailing newline)", tail(text));
        }
        try {
            return Attr.of(ApMatrix.parse(text));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, e.getMessage());
        }
    }

    /** What sysfs returns of an over-long show: PAGE_SIZE - 1 bytes ({@code sysfs_kf_seq_show}). */
    public static final int PAGE_CUT = 4095;

    /** Whether a matrix text is the kernel's cut-at-a-page form (long and no final newline). */
    public static boolean isCutAtPage(String text) {
        return text.length() >= PAGE_CUT && !text.endsWith("\n");
    }

    /**
     * {@code control_domains}: one {@code "%04lx\n"} line per control domain, ascending
     * (vfio_ap_ops.c {@code control_domains_show}; docs/sysfs-formats.md); empty when none.
     */
    public static ApMask parseControlDomains(String source, String text) {
        if (text.isEmpty()) {
            return ApMask.EMPTY;
        }
        if (!text.endsWith("\n")) {
            throw bad(source, "truncated (no trailing newline)", text);
        }
        ApMask m = ApMask.EMPTY;
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        int last = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.length() != 4 || !isHex(l, 0)) {
                throw new BadInputException(source + ":" + (i + 1),
                        "not a control domain (expected 4 hex digits): " + quote(l));
            }
            int d = Integer.parseInt(l, 16);
            if (d > 255 || d <= last) {
                throw new BadInputException(source + ":" + (i + 1),
                        "control domain out of range or out of order: " + quote(l));
            }
            last = d;
            m = m.with(d);
        }
        return m;
    }

    /**
     * An mdev's {@code ap_config}: {@code "0x%016lx%016lx%016lx%016lx,0x...,0x...\n"}, the
     * apm, aqm and adm masks (vfio_ap_ops.c {@code ap_config_show}; docs/sysfs-formats.md). Returns
     * the text without the newline after checking each mask.
     */
    public static String parseApConfig(String source, String text) {
        String s = line(source, text);
        String[] parts = s.split(",", -1);
        if (parts.length != 3) {
            throw bad(source, "not three comma-separated masks (apm,aqm,adm)", text);
        }
        for (String p : parts) {
            try {
                ApMask.parse(p);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(source, e.getMessage());
            }
        }
        return s;
    }

    /** The three masks of a checked {@code ap_config} text: apm, aqm, adm. */
    public static List<ApMask> apConfigMasks(String apConfig) {
        return Arrays.stream(apConfig.split(",")).map(ApMask::parse).toList();
    }

    // Character checks instead of String.matches, which compiles its pattern on every call:
    // these run for every attribute of every queue.

    /** Whether {@code s} from {@code from} on is 1 to {@code maxDigits} ASCII digits. */
    static boolean isDecimal(String s, int from, int maxDigits) {
        int n = s.length() - from;
        if (n < 1 || n > maxDigits) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} is one or more printable ASCII characters, no blank: [\x21-\x7e]+. */
    static boolean isWord(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** [a-z][a-z ]*: a lower-case word, then lower-case words and blanks. */
    private static boolean isVfioStatus(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == ' ' && i > 0)) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean isHex(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return s.length() > from;
    }

    private static String tail(String text) {
        int nl = text.lastIndexOf('\n');
        return nl < 0 ? text : text.substring(nl + 1);
    }

    private static BadInputException bad(String source, String what, String text) {
        return new BadInputException(source, what + ": " + quote(text));
    }
}
