// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import io.github.ap4j.check.KernelLog;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.explain.MessageForm.Kind;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.QueueHwInfo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every message {@code ap4j explain} recognises. The kernel and libvirt texts are not typed here:
 * each is produced by {@link KernelLog} (the texts {@code ap4j check} predicts) with sentinel
 * arguments, and the sentinels become capture groups, so a text fixed in {@code KernelLog} is
 * fixed for both. The incompatibility report's lines come from
 * {@link KernelLog#reportIncompatibilities} fed with word pairs that differ in exactly one
 * feature, once per rule set. Only texts {@code KernelLog} does not print are written here: the
 * INT snapshot's TAPQ variant, the vfio-ap.rst example, and the libvirt/QEMU console lines of the
 * vfio-ap.rst failure tables ({@code [PATCH v4 15/15]}).
 */
final class MessageForms {

    private static final String UUID_RE = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
            + "-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String APQN_RE = "[0-9a-fA-F]{2}\\.[0-9a-fA-F]{4}";

    /** Sentinel arguments: none can occur in a kernel text. */
    private static final String U = "\u0001mdev\u0001";
    private static final String OTHER = "\u0001other\u0001";
    private static final Apqn Q = Apqn.of(0xfe, 0xfd);
    private static final String QS = Q.toString();

    private static final String QEMU = "(?:qemu-system-[\\w-]+: )?";

    private static final List<MessageForm> FORMS = build();

    private MessageForms() {
    }

    /** All forms, kernel texts first. */
    static List<MessageForm> all() {
        return FORMS;
    }

    /** A form and its match on one message text. */
    record Match(MessageForm form, Matcher matcher) {
        String group(String name) {
            try {
                return matcher.group(name);
            } catch (IllegalArgumentException noSuchGroup) {
                return null;
            }
        }
    }

    /**
     * Words one of which every recognised message contains; a line with none of them (most of a
     * kernel log) is passed over without running a pattern.
     */
    private static final String[] ANCHORS = {"vfio_ap_mdev", "mediated device", "operation failed",
        "migration", "Sibling indicated", "shutting down", "terminating on signal",
        "callbacks suppressed", "error while loading state", "AP type of source"};

    private static boolean anchored(String body) {
        for (String a : ANCHORS) {
            if (body.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** The first form whose pattern matches all of {@code body}, or null. */
    static Match match(String body) {
        if (!anchored(body)) {
            return null;
        }
        for (MessageForm f : FORMS) {
            Matcher m = f.pattern().matcher(body);
            if (m.matches()) {
                return new Match(f, m);
            }
        }
        return null;
    }

    /** Whether {@code body} could be the start of some form's text (it ends too early to match). */
    static boolean couldContinue(String body) {
        for (MessageForm f : FORMS) {
            Matcher m = f.pattern().matcher(body);
            if (!m.matches() && m.hitEnd()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern LOOKS_RELEVANT = Pattern.compile(
            "(?i)vfio[_-]ap|qemu-system-|job 'migration|migration failed|load of migration"
            + "|mediated device");

    /** A shell prompt ({@code root@zhost2:~# journalctl -k | grep vfio_ap}) pasted with the logs. */
    private static final Pattern PROMPT = Pattern.compile("^[\\w.@:~/\\[\\]-]*[#$] ");

    /** Whether an unmatched text looks like a vfio_ap, libvirt or QEMU migration line. */
    static boolean looksRelevant(String body) {
        return LOOKS_RELEVANT.matcher(body).find() && !PROMPT.matcher(body).find();
    }

    // ---------------------------------------------------------------------------------------

    private static List<MessageForm> build() {
        // Forms with the same pattern and meaning are merged; their rule sets are united.
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (RuleSet r : RuleSet.values()) {
            EnumSet<RuleSet> one = EnumSet.of(r);
            add(drafts, Kind.MDEV_NOT_FOUND, KernelLog.libvirtMdevNotFound(U), bothRules(), Host.SOURCE,
                    null);
            // The libvirt daemon's journal has the same error without the client's "error: ".
            String daemon = KernelLog.libvirtMdevNotFound(U);
            daemon = daemon.substring(daemon.indexOf(": ") + 2);
            add(drafts, Kind.MDEV_NOT_FOUND, daemon, bothRules(), null, null);
            if (!r.seMeansNoMigrationSupport()) {
                // doc: an SE host registers no migration support, so nothing is ever logged.
                add(drafts, Kind.SE, KernelLog.seNotAllowed(U), one, null, null);
            }
            add(drafts, Kind.QUEUE_NOT_AVAILABLE, KernelLog.queueNotAvailable(U, Q), one,
                    Host.DESTINATION, null);
            if (r.checksControlDomains()) {
                add(drafts, Kind.CONTROL_DOMAIN, KernelLog.controlDomainMissing(U, 0xfd), one,
                        Host.DESTINATION, null);
            }
            // TAPQ failures: the same function runs on the source's STOP_COPY read, so either host.
            for (int rc : new int[] {0x01, 0x30}) {
                add(drafts, Kind.TAPQ, KernelLog.tapqFailed(r, U, Q, rc), one, null, null);
            }
            add(drafts, Kind.SHARING, KernelLog.sharingError(U, Q, OTHER), one, null, null);
            reportForms(drafts, r);
        }
        // Texts KernelLog does not print, each derived from the nearest KernelLog text.
        String late = KernelLog.tapqFailed(RuleSet.DOC, U, Q, 0x30);
        add(drafts, Kind.TAPQ, late.replace(U + ": ", U + ":"), EnumSet.of(RuleSet.DOC), null,
                "INT snapshot, failing response code without the async bit");
        String v34 = KernelLog.tapqFailed(RuleSet.V3, U, Q, 0x01);
        add(drafts, Kind.TAPQ, v34.replace("TAPQ rc=", "rc="), EnumSet.of(RuleSet.DOC), null,
                "vfio-ap.rst example");

        List<MessageForm> out = new ArrayList<>();
        for (Draft d : drafts.values()) {
            out.add(new MessageForm(d.kind, Pattern.compile(d.regex), List.copyOf(d.rules), d.host,
                    d.feature, d.side, d.value, d.variant));
        }
        // libvirt and QEMU (vfio-ap.rst failure tables); independent of the kernel's rule set.
        out.add(form(Kind.CONSOLE, "(?:error: )?operation failed: .*?job 'migration (?:in|out)'"
                + " failed: .*", Host.SOURCE));
        out.add(form(Kind.QEMU_LOAD_FAILED, QEMU + "load of migration failed: (?<why>.*)",
                Host.DESTINATION));
        out.add(form(Kind.QEMU_CONTEXT, QEMU + "Sibling indicated error \\d+", Host.SOURCE));
        out.add(form(Kind.QEMU_CONTEXT, QEMU + "error while loading state (?:section id|for instance)"
                + ".*", Host.DESTINATION));
        out.add(form(Kind.QEMU_CONTEXT, QEMU + "shutting down, reason=failed", Host.DESTINATION));
        out.add(form(Kind.QEMU_CONTEXT, QEMU + "terminating on signal \\d+ from pid \\d+.*",
                Host.DESTINATION));
        out.add(form(Kind.QEMU_CONTEXT, QEMU + "initiating migration", null));
        // printk's rate limit: "%s: %d callbacks suppressed" (lib/ratelimit.c, ___ratelimit()).
        out.add(form(Kind.SUPPRESSED, "[A-Za-z_][\\w.]*: (?<a>\\d+) callbacks suppressed", null));
        return List.copyOf(out);
    }

    private static MessageForm form(Kind kind, String regex, Host host) {
        return new MessageForm(kind, Pattern.compile(regex), List.of(RuleSet.values()), host, null,
                null, null, null);
    }

    private static EnumSet<RuleSet> bothRules() {
        return EnumSet.allOf(RuleSet.class);
    }

    /**
     * The report's header and feature lines under rule set {@code r}: the source and target words
     * of each pair differ in one feature only, so the report has the header and that feature's
     * line or lines.
     */
    private static void reportForms(Map<String, Draft> drafts, RuleSet r) {
        EnumSet<RuleSet> one = EnumSet.of(r);
        int type = 0x0e;
        for (Feature f : Feature.values()) {
            if (!f.isFacility()) {
                continue;
            }
            for (boolean onSource : new boolean[] {true, false}) {
                long src = word(onSource ? f.functionBit() : 0, type);
                long tgt = word(onSource ? 0 : f.functionBit(), type);
                List<String> lines = report(r, src, tgt, 3);
                add(drafts, Kind.REPORT_HEADER, lines.get(0), one, Host.DESTINATION, null);
                addLine(drafts, lines.get(1), one, f, Host.SOURCE, onSource);
                addLine(drafts, lines.get(2), one, f, Host.DESTINATION, !onSource);
            }
        }
        // AP type: source newer than target. Sentinel types 0xee and 0xdd print as (ee), (dd).
        List<String> t = report(r, word(0, 0xee), word(0, 0xdd), 2);
        addLine(drafts, t.get(1), one, Feature.AP_TYPE, null, null);
        // vfio-ap.rst shows this line without the "vfio_ap_mdev %s: " prefix.
        String bare = t.get(1).substring(t.get(1).indexOf(U + ": ") + U.length() + 2);
        addLine(drafts, bare, one, Feature.AP_TYPE, null, null);
        // Bind state 3 and 2 print as (3), (2).
        List<String> bs = report(r, word(3 << 14, type), word(2 << 14, type), 2);
        addLine(drafts, bs.get(1), one, Feature.BIND_STATE, null, null);
        // Class: full native source, stateless target.
        List<String> c = report(r, word(QueueHwInfo.FN_CLASS_FULL_NATIVE, type),
                word(QueueHwInfo.FN_CLASS_STATELESS, type), 3);
        addLine(drafts, c.get(1), one, Feature.CLASS, Host.SOURCE, "FULL_NATIVE");
        addLine(drafts, c.get(2), one, Feature.CLASS, Host.DESTINATION, "STATELESS");
    }

    private static long word(int functions, int type) {
        return QueueHwInfo.ofFunctions(functions, type).word();
    }

    private static List<String> report(RuleSet r, long src, long tgt, int expected) {
        List<String> out = new ArrayList<>();
        KernelLog.reportIncompatibilities(r, U, Q, src, tgt, out);
        if (out.size() != expected) {
            throw new IllegalStateException("KernelLog.reportIncompatibilities printed "
                    + out.size() + " lines for one difference, expected " + expected + ": " + out);
        }
        return out;
    }

    private static void addLine(Map<String, Draft> drafts, String text, Set<RuleSet> rules,
            Feature f, Host side, Object value) {
        Draft d = draft(drafts, Kind.REPORT_LINE, text, rules, Host.DESTINATION, null);
        d.feature = f;
        d.side = side;
        d.value = value;
    }

    private static void add(Map<String, Draft> drafts, Kind kind, String text, Set<RuleSet> rules,
            Host host, String variant) {
        draft(drafts, kind, text, rules, host, variant);
    }

    private static Draft draft(Map<String, Draft> drafts, Kind kind, String text,
            Set<RuleSet> rules, Host host, String variant) {
        String regex = regex(text);
        Draft d = drafts.computeIfAbsent(kind + " " + regex, k -> new Draft(kind, regex, host, variant));
        d.rules.addAll(rules);
        return d;
    }

    /**
     * The text as a regular expression: literal everywhere except the sentinels, each of which
     * must occur at most once and becomes a named group.
     */
    static String regex(String text) {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put(U, "(?<uuid>" + UUID_RE + ")");
        groups.put(OTHER, "(?<other>" + UUID_RE + ")");
        groups.put(QS, "(?<apqn>" + APQN_RE + ")");
        groups.put("(ee)", "\\((?<a>[0-9a-fA-F]{2})\\)");
        groups.put("(dd)", "\\((?<b>[0-9a-fA-F]{2})\\)");
        groups.put("(3)", "\\((?<a>[0-9a-fA-F])\\)");
        groups.put("(2)", "\\((?<b>[0-9a-fA-F])\\)");
        groups.put("rc=1", "rc=(?<a>\\d+)");
        groups.put("rc=48", "rc=(?<a>\\d+)");
        groups.put("domain 00fd", "domain (?<a>[0-9a-fA-F]{4})");
        TreeMap<Integer, String> at = new TreeMap<>();
        for (String s : groups.keySet()) {
            int i = text.indexOf(s);
            if (i >= 0) {
                if (text.indexOf(s, i + 1) >= 0) {
                    throw new IllegalStateException("sentinel twice in " + text);
                }
                at.put(i, s);
            }
        }
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (Map.Entry<Integer, String> e : at.entrySet()) {
            if (e.getKey() < pos) {
                throw new IllegalStateException("overlapping sentinels in " + text);
            }
            sb.append(Pattern.quote(text.substring(pos, e.getKey()))).append(groups.get(e.getValue()));
            pos = e.getKey() + e.getValue().length();
        }
        String rest = text.substring(pos);
        if (rest.indexOf('\u0001') >= 0) {
            throw new IllegalStateException("unplaced sentinel in " + text);
        }
        return sb.append(Pattern.quote(rest)).toString().replace("\\Q\\E", "");
    }

    private static final class Draft {
        final Kind kind;
        final String regex;
        final Host host;
        final String variant;
        final EnumSet<RuleSet> rules = EnumSet.noneOf(RuleSet.class);
        Feature feature;
        Host side;
        Object value;

        Draft(Kind kind, String regex, Host host, String variant) {
            this.kind = Objects.requireNonNull(kind);
            this.regex = regex;
            this.host = host;
            this.variant = variant;
        }
    }
}
