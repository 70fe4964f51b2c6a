// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.check.CheckReport;
import io.github.ap4j.check.Finding;
import io.github.ap4j.check.Severity;
import io.github.ap4j.check.TargetReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/**
 * The check as an administrator reads it at a terminal: per target the verdict line, then one
 * table row per problem ({@code APQN  problem  fix}), errors first, then warnings, then infos;
 * queues with the same problem and fix share a row. {@code verbose} adds each finding's whole
 * explanation and the kernel's log lines. Lines stay within {@link #WIDTH} columns unless a single
 * word (a sysfs path) is longer than its column.
 */
final class CheckText {
    /** A terminal that is not resized: the default output fits it without wrapping. */
    static final int WIDTH = 100;
    private static final String INDENT = "  ";
    private static final String GAP = "  ";
    /** Two APQNs ({@code 05.0033 05.0034}) per line of the first column. */
    private static final int APQN_WIDTH = 15;
    private static final int PROBLEM_MAX = 38;

    private final Ansi ansi;
    private final boolean verbose;
    private final StringBuilder sb = new StringBuilder();

    private CheckText(Ansi ansi, boolean verbose) {
        this.ansi = ansi;
        this.verbose = verbose;
    }

    /**
     * Colours only on a terminal (picocli's {@link Ansi#AUTO} detection), never when the
     * {@code NO_COLOR} environment variable is set and not empty (no-color.org).
     */
    static Ansi ansi() {
        String noColor = System.getenv("NO_COLOR");
        return noColor != null && !noColor.isEmpty() ? Ansi.OFF : Ansi.AUTO;
    }

    /** Whether the inherited {@code --verbose} option was given to the command. */
    static boolean verbose(picocli.CommandLine.Model.CommandSpec spec) {
        picocli.CommandLine.Model.OptionSpec o = spec.findOption("--verbose");
        return o != null && Boolean.TRUE.equals(o.getValue());
    }

    /** The report as text; {@code ansi} ON colours the verdicts and severities. */
    static String render(CheckReport report, Ansi ansi, boolean verbose) {
        CheckText t = new CheckText(ansi, verbose);
        t.sb.append("mdev ").append(report.mdev()).append(", rules ").append(report.rules().label())
                .append('\n');
        for (TargetReport target : report.targets()) {
            t.target(target);
        }
        return t.sb.toString();
    }

    /** One table row: the problem and its fix, and the queues (none: the host) it is about. */
    private record Row(Severity severity, String problem, String fix, List<String> apqns,
            List<Finding> findings) {
    }

    private void target(TargetReport t) {
        sb.append('\n').append("target ").append(t.target()).append(": ")
                .append(colour(t.verdict().name(), switch (t.verdict()) {
                    case COMPATIBLE -> "bold,green";
                    case INCOMPATIBLE -> "bold,red";
                    case UNVERIFIABLE -> "bold,yellow";
                }));
        if (t.errno() != null) {
            sb.append(" (kernel returns -").append(t.errno().name()).append(')');
        }
        sb.append('\n');
        if (t.error() != null) {
            sb.append(INDENT).append("cannot read the target: ").append(t.error()).append('\n');
        }
        List<Row> rows = rows(t.findings());
        if (!rows.isEmpty()) {
            table(rows);
        }
        if (verbose && !t.kernelLog().isEmpty()) {
            sb.append(INDENT).append("kernel log:\n");
            for (String l : t.kernelLog()) {
                sb.append(INDENT).append(INDENT).append(l).append('\n');
            }
        }
    }

    /** Findings grouped into rows: by severity, then in the order the check found them. */
    static List<Row> rows(List<Finding> findings) {
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            for (Finding f : findings) {
                if (f.severity() != s) {
                    continue;
                }
                // A finding about the host (no APQN) is never merged with another.
                String key = f.apqn() == null ? "#" + byKey.size()
                        : s + "\n" + f.problem() + "\n" + f.fix();
                Row r = byKey.computeIfAbsent(key, k -> new Row(s, f.problem(), f.fix(),
                        new ArrayList<>(), new ArrayList<>()));
                if (f.apqn() != null) {
                    r.apqns().add(f.apqn().toString());
                }
                r.findings().add(f);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private void table(List<Row> rows) {
        int problemWidth = "problem".length();
        for (Row r : rows) {
            problemWidth = Math.max(problemWidth, label(r.severity()).length() + 1 + r.problem().length());
        }
        problemWidth = Math.min(problemWidth, PROBLEM_MAX);
        int fixWidth = WIDTH - INDENT.length() - APQN_WIDTH - GAP.length() - problemWidth - GAP.length();
        line(List.of("APQN"), List.of("problem"), List.of("fix"), problemWidth, null);
        for (Row r : rows) {
            List<String> apqn = r.apqns().isEmpty() ? List.of("-") : wrap(String.join(" ", r.apqns()),
                    APQN_WIDTH);
            List<String> problem = wrap(label(r.severity()) + " " + r.problem(), problemWidth);
            line(apqn, problem, wrap(r.fix(), fixWidth), problemWidth, r.severity());
            if (verbose) {
                for (Finding f : r.findings()) {
                    for (String l : wrap(f.message(), WIDTH - 2 * INDENT.length())) {
                        sb.append(INDENT).append(INDENT).append(l).append('\n');
                    }
                }
            }
        }
    }

    private void line(List<String> apqn, List<String> problem, List<String> fix, int problemWidth,
            Severity severity) {
        int n = Math.max(apqn.size(), Math.max(problem.size(), fix.size()));
        for (int i = 0; i < n; i++) {
            String a = i < apqn.size() ? apqn.get(i) : "";
            String p = i < problem.size() ? problem.get(i) : "";
            String f = i < fix.size() ? fix.get(i) : "";
            StringBuilder l = new StringBuilder(INDENT).append(pad(a, APQN_WIDTH)).append(GAP);
            if (f.isEmpty()) {
                l.append(p);
            } else {
                l.append(pad(p, problemWidth)).append(GAP).append(f);
            }
            String text = stripEnd(l.toString());
            if (i == 0 && severity != null) {
                // Colour only the severity word; the padding was computed on plain text.
                String word = label(severity);
                int at = text.indexOf(word, INDENT.length() + APQN_WIDTH);
                text = text.substring(0, at) + colour(word, style(severity))
                        + text.substring(at + word.length());
            }
            sb.append(text).append('\n');
        }
    }

    private static String label(Severity s) {
        return s.label() + ":";
    }

    private static String style(Severity s) {
        return switch (s) {
            case ERROR -> "bold,red";
            case WARNING -> "yellow";
            case INFO -> "faint";
        };
    }

    private String colour(String text, String style) {
        return ansi.enabled() ? ansi.string("@|" + style + " " + text + "|@") : text;
    }

    /** Words of {@code text} in lines of at most {@code width}; a longer word gets its own line. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String w : text.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            if (cur.length() > 0 && cur.length() + 1 + w.length() > width) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            cur.append(cur.length() == 0 ? "" : " ").append(w);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out.isEmpty() ? List.of("") : out;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String stripEnd(String s) {
        int e = s.length();
        while (e > 0 && s.charAt(e - 1) == ' ') {
            e--;
        }
        return s.substring(0, e);
    }
}
