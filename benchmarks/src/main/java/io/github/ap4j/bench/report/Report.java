// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints the issue-7 table from the JMH JSON files that {@code benchmarks/run} wrote: per
 * figure the target, the measured value with its error, PASS/MISS, and the group whose JMH
 * command (in {@code <group>.cmd} next to {@code <group>.json}) produced it; then every other
 * measured figure, and the whole-process timings ({@code cli.tsv}).
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.ap4j.bench.report.Report RESULTS_DIR}.
 * Exit status 0 when every figure with a target was measured and passed, 1 when one missed,
 * 2 when one was not measured.
 */
public final class Report {

    /**
     * A figure with a target: every result matching benchmark, params and metric is a row.
     * {@code beside}, when not null, names a related benchmark of the same group whose result
     * with the same params is printed in the row for comparison, without a target of its own.
     */
    record Target(String figure, String group, String benchmark, Map<String, String> params,
            String metric, double limit, String unit, String beside) {

        Target(String figure, String group, String benchmark, Map<String, String> params,
                String metric, double limit, String unit) {
            this(figure, group, benchmark, params, metric, limit, unit, null);
        }

        /** The {@code beside} benchmark's result with the same params as {@code r}, or null. */
        Result besideOf(Result r, List<Result> group) {
            if (beside == null) {
                return null;
            }
            for (Result o : group) {
                if (o.benchmark().equals(beside) && o.metric().equals(metric)
                        && o.params().equals(r.params())) {
                    return o;
                }
            }
            return null;
        }

        boolean matches(Result r) {
            if (!r.benchmark().equals(benchmark) || !r.metric().equals(metric)) {
                return false;
            }
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (!e.getValue().equals(r.params().get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The targets of issue 7, on this 2-core machine. */
    static final List<Target> TARGETS = List.of(
            new Target("decode: TAPQ GR2 -> QueueHwInfo, every accessor", "decode",
                    "DecodeBenchmark.gr2Decode", Map.of(), "", 5, "ns/op"),
            new Target("decode: allocation of that path (-prof gc, ~0)", "decode",
                    "DecodeBenchmark.gr2Decode", Map.of(), "gc.alloc.rate.norm", 1, "B/op"),
            new Target("compat check: 4-APQN guest", "check",
                    "CheckBenchmark.check", Map.of("guest", "2x2"), "", 2, "us/op"),
            new Target("compat check: 65,536-APQN guest (256 x 256)", "check",
                    "CheckBenchmark.check", Map.of("guest", "256x256"), "", 2, "ms/op"),
            // The target is for what `check` reads (the MIGRATION scope); the FULL read that
            // `show` and `capture` do is printed beside it.
            new Target("sysfs snapshot of 16 x 85 queues (directory, check's scope)", "snapshot",
                    "SnapshotBenchmark.sysfsDirectoryMigrationScope", Map.of("shape", "16x85"), "",
                    40, "ms/op", "SnapshotBenchmark.sysfsDirectory"),
            new Target("native replay: per APQN in a batch of 1,024", "native",
                    "NativeReplayBenchmark.tapqBatch", Map.of(), "", 200, "ns/op"));

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Report RESULTS_DIR");
            System.exit(2);
        }
        System.exit(print(Path.of(args[0]), System.out));
    }

    /** Prints the report for a results directory; returns the exit status described above. */
    static int print(Path dir, PrintStream out) throws IOException {
        Map<String, List<Result>> byGroup = new LinkedHashMap<>();
        Map<String, String> commands = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".json")) {
                    String group = name.substring(0, name.length() - 5);
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    byGroup.put(group, text.isBlank() ? List.of() : Result.read(text));
                    Path cmd = dir.resolve(group + ".cmd");
                    if (Files.exists(cmd)) {
                        commands.put(group, Files.readString(cmd, StandardCharsets.UTF_8).strip());
                    }
                }
            }
        }
        int status = 0;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"figure", "params", "target", "measured", "result", "cmd"});
        List<Result> used = new ArrayList<>();
        for (Target t : TARGETS) {
            List<Result> hits = new ArrayList<>();
            for (Result r : byGroup.getOrDefault(t.group(), List.of())) {
                if (t.matches(r)) {
                    hits.add(r);
                }
            }
            String target = "<= " + num(t.limit()) + " " + t.unit();
            if (hits.isEmpty()) {
                rows.add(new String[] {t.figure(), "-", target, "not measured", "MISSING", t.group()});
                status = Math.max(status, 2);
                continue;
            }
            for (Result r : hits) {
                used.add(r);
                double v = r.in(t.unit());
                double e = r.errorIn(t.unit());
                boolean pass = v <= t.limit();
                if (!pass) {
                    status = Math.max(status, 1);
                }
                Result b = t.besideOf(r, byGroup.getOrDefault(t.group(), List.of()));
                String beside = b == null ? "" : " (" + b.benchmark().substring(
                        b.benchmark().indexOf('.') + 1) + ": " + num(b.in(t.unit())) + " " + t.unit() + ")";
                rows.add(new String[] {t.figure(), params(r, t), target,
                        num(v) + (Double.isNaN(e) ? "" : " ± " + num(e)) + " " + t.unit() + beside,
                        pass ? "PASS" : "MISS", t.group()});
            }
        }
        out.println("== Figures with a target (issue 7)");
        table(out, rows);

        out.println();
        out.println("== JMH command per group (cmd column)");
        for (Map.Entry<String, String> c : commands.entrySet()) {
            out.println("[" + c.getKey() + "] " + c.getValue());
        }

        out.println();
        out.println("== Every measured figure");
        List<String[]> all = new ArrayList<>();
        all.add(new String[] {"group", "benchmark", "score", "error", "unit"});
        for (Map.Entry<String, List<Result>> g : byGroup.entrySet()) {
            for (Result r : g.getValue()) {
                if (!r.metric().isEmpty() && !r.metric().equals("gc.alloc.rate.norm")) {
                    continue;
                }
                all.add(new String[] {g.getKey(), r.label(), num(r.score()),
                        Double.isNaN(r.error()) ? "" : num(r.error()), r.unit()});
            }
        }
        table(out, all);

        Path cli = dir.resolve("cli.tsv");
        if (Files.exists(cli)) {
            out.println();
            out.println("== Whole process (no JMH; startup included)");
            for (String line : Files.readAllLines(cli, StandardCharsets.UTF_8)) {
                out.println(line);
            }
        }
        return status;
    }

    private static String params(Result r, Target t) {
        Map<String, String> rest = new LinkedHashMap<>(r.params());
        if (rest.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        rest.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }

    /** Three significant digits, plain notation. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : a >= 0.01 ? "%.3f" : "%.4f";
        return String.format(Locale.ROOT, f, v);
    }

    private static void table(PrintStream out, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                sb.append(i == 0 ? "" : "  ");
                sb.append(i == cols - 1 ? r[i] : String.format("%-" + w[i] + "s", r[i]));
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
