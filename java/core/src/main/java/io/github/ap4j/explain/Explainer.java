// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import io.github.ap4j.check.Errno;
import io.github.ap4j.check.FindingCode;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.explain.MessageForm.Kind;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.HostSnapshot;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ap4j explain}: from the log lines of a failed migration to what went wrong, on which
 * queue, under which rule, and what to change. The steps, in order:
 * <ol>
 *   <li>{@link LogNormaliser}: take stamps, host names and tags off each line;</li>
 *   <li>{@link LogJoiner}: put wrapped lines back together;</li>
 *   <li>{@link MessageForms}: recognise each message (or count it as unrecognised when it looks
 *       like a migration line);</li>
 *   <li>group: one diagnosis per failure; an incompatibility report's header and feature lines
 *       for one APQN are one diagnosis, the same report pasted twice (dmesg and journal) too;</li>
 *   <li>{@link SnapshotEvidence}: with snapshots of both hosts, the check's own findings narrow
 *       the codes, confirm or contradict the logs and give the exact fix;</li>
 *   <li>{@link Wording}: the explanation and fix texts.</li>
 * </ol>
 */
public final class Explainer {

    private Explainer() {
    }

    /**
     * Explains pasted log lines without snapshots.
     *
     * @param lines physical lines as given (dmesg, journal, libvirt or QEMU output), without
     *     newlines
     * @return one diagnosis per failure found
     */
    public static ExplainReport explain(List<String> lines) {
        return explain(lines, null, null, null);
    }

    /**
     * As {@link #explain(List)}; {@code mdev}, when given, keeps only the lines about that mdev
     * (and the lines that name none); {@code source} and {@code target}, when both are given,
     * are snapshots of the two hosts used to narrow and confirm each diagnosis.
     *
     * @param lines physical lines as given, without newlines
     * @param mdev the mdev UUID to keep, or null for all
     * @param source the source host's snapshot, or null
     * @param target the destination's snapshot, or null
     * @return one diagnosis per failure found
     * @throws io.github.ap4j.BadInputException when {@code mdev} is not a UUID, or the snapshots
     *         do not hold the mdev the logs name
     */
    public static ExplainReport explain(List<String> lines, String mdev, HostSnapshot source,
            HostSnapshot target) {
        List<LogLine> normal = new ArrayList<>(lines.size());
        for (String l : lines) {
            normal.add(LogNormaliser.normalise(l));
        }
        String only = mdev == null ? null : mdev.toLowerCase(Locale.ROOT);
        Grouping g = new Grouping();
        int unrecognised = 0;
        List<LogJoiner.Entry> entries = LogJoiner.join(normal);
        for (int i = 0; i < entries.size(); i++) {
            LogJoiner.Entry e = entries.get(i);
            List<Map.Entry<Integer, String>> raw = new ArrayList<>();
            for (String l : e.raw()) {
                raw.add(Map.entry(i, l));
            }
            MessageForms.Match m = MessageForms.match(e.body());
            if (m == null) {
                if (MessageForms.looksRelevant(e.body())) {
                    unrecognised++;
                }
                continue;
            }
            String uuid = m.group("uuid");
            if (only != null && uuid != null && !uuid.equalsIgnoreCase(only)) {
                continue;
            }
            try {
                g.add(m, raw);
            } catch (IllegalArgumentException notAnApqn) {
                // A text of the right shape with a domain above 0x00ff: not a kernel line.
                unrecognised++;
            }
        }
        List<Draft> drafts = g.finish();
        List<Diagnosis> out = new ArrayList<>(drafts.size());
        SnapshotEvidence evidence = source != null && target != null
                ? new SnapshotEvidence(source, target, mdev) : null;
        for (Draft d : drafts) {
            out.add(evidence == null ? d.toDiagnosis(null) : evidence.judge(d));
        }
        return new ExplainReport(out, unrecognised);
    }

    /** A diagnosis being assembled from its lines. */
    static final class Draft {
        final Failure failure;
        String mdev;
        final Apqn apqn;
        Host host;
        boolean hostSet;
        final EnumSet<RuleSet> rules = EnumSet.allOf(RuleSet.class);
        final EnumSet<RuleSet> anyRules = EnumSet.noneOf(RuleSet.class);
        final Map<Feature, Difference> differences = new LinkedHashMap<>();
        Integer responseCode;
        Integer domain;
        String otherMdev;
        boolean destinationTapq;
        Errno errno;
        int suppressed;
        final List<String> variants = new ArrayList<>();
        /** The lines used, each with the index of its message in the input. */
        final List<Map.Entry<Integer, String>> lines = new ArrayList<>();

        Draft(Failure failure, String mdev, Apqn apqn) {
            this.failure = failure;
            this.mdev = mdev;
            this.apqn = apqn;
        }

        void take(MessageForm f, List<Map.Entry<Integer, String>> raw) {
            if (f.isKernel() || f.kind() == Kind.MDEV_NOT_FOUND) {
                rules.retainAll(f.rules());
                anyRules.addAll(f.rules());
            }
            if (f.variant() != null && !variants.contains(f.variant())) {
                variants.add(f.variant());
            }
            seenOn(f.host());
            lines.addAll(raw);
        }

        void seenOn(Host h) {
            if (!hostSet) {
                host = h;
                hostSet = true;
            } else if (host != h) {
                host = null;
            }
        }

        /** The rule sets every kernel line fits; when lines of both are mixed, those of any. */
        List<RuleSet> rules() {
            EnumSet<RuleSet> r = rules.isEmpty() ? anyRules : rules;
            return List.copyOf(r.isEmpty() ? EnumSet.allOf(RuleSet.class) : r);
        }

        String key() {
            return failure + " " + apqn + " " + domain + " " + otherMdev;
        }

        /** Folds a duplicate (the same report pasted twice, or told by console and kernel). */
        void absorb(Draft o) {
            if (mdev == null) {
                mdev = o.mdev;
            }
            if (o.hostSet) {
                seenOn(o.host);
            }
            rules.retainAll(o.rules);
            anyRules.addAll(o.anyRules);
            for (Difference d : o.differences.values()) {
                differences.merge(d.feature(), d, Difference::merge);
            }
            responseCode = responseCode != null ? responseCode : o.responseCode;
            destinationTapq |= o.destinationTapq;
            errno = errno != null ? errno : o.errno;
            suppressed += o.suppressed;
            for (String v : o.variants) {
                if (!variants.contains(v)) {
                    variants.add(v);
                }
            }
            lines.addAll(o.lines);
        }

        List<FindingCode> defaultCodes() {
            return Causes.of(failure, destinationTapq || host == Host.DESTINATION, errno);
        }

        Diagnosis toDiagnosis(SnapshotEvidence.Verdict v) {
            List<FindingCode> codes = v == null ? defaultCodes() : v.codes();
            String explanation = Wording.explanation(this);
            String fix = Wording.fix(this);
            if (v != null) {
                explanation = explanation + " " + v.note();
                if (v.fix() != null) {
                    fix = v.fix();
                }
            }
            List<Map.Entry<Integer, String>> sorted = new ArrayList<>(lines);
            sorted.sort(Map.Entry.comparingByKey());
            List<String> used = new ArrayList<>(sorted.size());
            for (Map.Entry<Integer, String> l : sorted) {
                used.add(l.getValue());
            }
            return new Diagnosis(failure, codes, mdev, apqn, host, rules(),
                    List.copyOf(differences.values()), responseCode, used, explanation, fix);
        }
    }

    /** Step 4: lines to drafts, in the order of their first line. */
    private static final class Grouping {
        private final List<Draft> drafts = new ArrayList<>();
        /** The report each mdev's lines currently add to. */
        private final Map<String, Draft> openReport = new HashMap<>();
        private Draft lastKernel;
        private final List<Map.Entry<Integer, String>> pendingSuppressed = new ArrayList<>();
        private int pendingCount;
        private final List<MessageForm> contextForms = new ArrayList<>();
        private final List<List<Map.Entry<Integer, String>>> context = new ArrayList<>();
        private Errno contextErrno;

        private static final Pattern WHY = Pattern.compile("load of migration failed: (.*)$");
        private static final Pattern HW_QUEUE = Pattern.compile(
                "failed to get hardware information for queue device ([0-9a-fA-F]{2}\\.[0-9a-fA-F]{4})");

        void add(MessageForms.Match m, List<Map.Entry<Integer, String>> raw) {
            MessageForm f = m.form();
            String uuid = lower(m.group("uuid"));
            Apqn q = apqn(m.group("apqn"));
            switch (f.kind()) {
                case MDEV_NOT_FOUND -> draft(Failure.MDEV_MISSING, uuid, null, f, raw);
                case SE -> kernel(draft(Failure.SE_GUEST, uuid, null, f, raw));
                case QUEUE_NOT_AVAILABLE -> kernel(draft(Failure.QUEUE_NOT_AVAILABLE, uuid, q, f, raw));
                case CONTROL_DOMAIN -> {
                    Draft d = new Draft(Failure.CONTROL_DOMAIN_MISSING, uuid, null);
                    d.domain = Integer.parseInt(m.group("a"), 16);
                    d.take(f, raw);
                    drafts.add(d);
                    kernel(d);
                }
                case TAPQ -> {
                    Draft d = new Draft(Failure.HWINFO_UNAVAILABLE, uuid, q);
                    d.responseCode = parseInt(m.group("a"), 10);
                    d.take(f, raw);
                    drafts.add(d);
                    kernel(d);
                }
                case SHARING -> {
                    Draft d = new Draft(Failure.APQN_IN_USE, uuid, q);
                    d.otherMdev = lower(m.group("other"));
                    d.take(f, raw);
                    drafts.add(d);
                    kernel(d);
                }
                case REPORT_HEADER -> {
                    Draft d = draft(Failure.QUEUE_INCOMPATIBLE, uuid, q, f, raw);
                    openReport.put(uuid, d);
                    kernel(d);
                }
                case REPORT_LINE -> {
                    Draft d = uuid != null ? openReport.get(uuid)
                            : lastKernel != null && lastKernel.failure == Failure.QUEUE_INCOMPATIBLE
                            ? lastKernel : null;
                    if (d == null || (q != null && !q.equals(d.apqn))) {
                        // The header was dropped (rate limit) or not pasted.
                        d = draft(Failure.QUEUE_INCOMPATIBLE, uuid, q, f, List.of());
                        openReport.put(uuid, d);
                    }
                    d.take(f, raw);
                    d.differences.merge(f.feature(), difference(f, m), Difference::merge);
                    kernel(d);
                }
                case SUPPRESSED -> {
                    int n = parseInt(m.group("a"), 10);
                    if (lastKernel != null) {
                        lastKernel.suppressed += n;
                        lastKernel.lines.addAll(raw);
                    } else {
                        pendingSuppressed.addAll(raw);
                        pendingCount += n;
                    }
                }
                case CONSOLE, QEMU_LOAD_FAILED -> {
                    Matcher w = WHY.matcher(m.matcher().group());
                    String why = w.find() ? w.group(1) : null;
                    Matcher hw = why == null ? null : HW_QUEUE.matcher(why);
                    if (hw != null && hw.find()) {
                        // The destination's failure, relayed to the source's console.
                        Draft d = draft(Failure.HWINFO_UNAVAILABLE, null, Apqn.parse(hw.group(1)
                                .toLowerCase(Locale.ROOT)), f, raw);
                        d.destinationTapq = true;
                    } else {
                        Errno e = Causes.errnoIn(why);
                        contextErrno = contextErrno != null ? contextErrno : e;
                        contextForms.add(f);
                        context.add(raw);
                    }
                }
                case QEMU_CONTEXT -> {
                    contextForms.add(f);
                    context.add(raw);
                }
            }
        }

        private void kernel(Draft d) {
            lastKernel = d;
            if (!pendingSuppressed.isEmpty()) {
                d.suppressed += pendingCount;
                d.lines.addAll(pendingSuppressed);
                pendingSuppressed.clear();
                pendingCount = 0;
            }
        }

        private Draft draft(Failure failure, String uuid, Apqn q, MessageForm f,
                List<Map.Entry<Integer, String>> raw) {
            Draft d = new Draft(failure, uuid, q);
            d.take(f, raw);
            drafts.add(d);
            return d;
        }

        /** Merges duplicates and adds the console/QEMU lines. */
        List<Draft> finish() {
            List<Draft> merged = new ArrayList<>();
            for (Draft d : drafts) {
                Draft same = null;
                for (Draft m : merged) {
                    if (m.key().equals(d.key()) && (m.mdev == null || d.mdev == null
                            || m.mdev.equals(d.mdev))) {
                        same = m;
                        break;
                    }
                }
                if (same == null) {
                    merged.add(d);
                } else {
                    same.absorb(d);
                }
            }
            if (!context.isEmpty()) {
                Draft holder;
                if (merged.isEmpty()) {
                    holder = new Draft(Failure.MIGRATION_FAILED_UNSPECIFIED, null, null);
                    holder.errno = contextErrno;
                    merged.add(holder);
                } else {
                    holder = merged.get(0);
                }
                for (int i = 0; i < context.size(); i++) {
                    MessageForm f = contextForms.get(i);
                    if (holder.failure == Failure.MIGRATION_FAILED_UNSPECIFIED) {
                        holder.take(f, context.get(i));
                    } else {
                        // Corroborating lines: kept with the diagnosis, they say nothing of its host.
                        holder.lines.addAll(context.get(i));
                    }
                }
            }
            if (!pendingSuppressed.isEmpty() && !merged.isEmpty()) {
                merged.get(merged.size() - 1).suppressed += pendingCount;
                merged.get(merged.size() - 1).lines.addAll(pendingSuppressed);
            }
            return merged;
        }

        private static Difference difference(MessageForm f, MessageForms.Match m) {
            if (f.side() == Host.SOURCE) {
                return new Difference(f.feature(), f.value(), null);
            }
            if (f.side() == Host.DESTINATION) {
                return new Difference(f.feature(), null, f.value());
            }
            return new Difference(f.feature(), parseInt(m.group("a"), 16), parseInt(m.group("b"), 16));
        }

        private static Apqn apqn(String text) {
            return text == null ? null : Apqn.parse(text.toLowerCase(Locale.ROOT));
        }

        private static String lower(String s) {
            return s == null ? null : s.toLowerCase(Locale.ROOT);
        }

        /** A number the pattern bounded to a few digits; {@code Integer.MAX_VALUE} if huge. */
        private static Integer parseInt(String s, int radix) {
            Objects.requireNonNull(s, "group");
            try {
                return Integer.parseInt(s, radix);
            } catch (NumberFormatException tooLong) {
                return Integer.MAX_VALUE;
            }
        }
    }
}
