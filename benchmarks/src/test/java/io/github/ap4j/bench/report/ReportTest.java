// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report reads JMH's JSON and compares against the targets in the targets' units. */
class ReportTest {

    @TempDir
    Path dir;

    /** Two results in JMH 1.37's JSON layout, one with a secondary (GC) metric and params. */
    static final String JSON = """
            [
                {
                    "jmhVersion" : "1.37",
                    "benchmark" : "io.github.ap4j.bench.DecodeBenchmark.gr2Decode",
                    "mode" : "avgt",
                    "params" : null,
                    "primaryMetric" : {
                        "score" : 4.25,
                        "scoreError" : 0.5,
                        "scoreUnit" : "ns/op",
                        "rawData" : [ [ 4.1, 4.4 ] ]
                    },
                    "secondaryMetrics" : {
                        "gc.alloc.rate.norm" : {
                            "score" : 1.0E-5,
                            "scoreError" : "NaN",
                            "scoreUnit" : "B/op"
                        }
                    }
                },
                {
                    "benchmark" : "io.github.ap4j.bench.CheckBenchmark.check",
                    "params" : { "guest" : "2x2", "rules" : "doc", "target" : "compatible" },
                    "primaryMetric" : { "score" : 2500.0, "scoreError" : 10.0, "scoreUnit" : "ns/op" },
                    "secondaryMetrics" : { }
                }
            ]
            """;

    @Test
    void readsPrimaryAndSecondaryMetrics() {
        List<Result> rs = Result.read(JSON);
        assertEquals(3, rs.size());
        assertEquals("DecodeBenchmark.gr2Decode", rs.get(0).benchmark());
        assertEquals("gc.alloc.rate.norm", rs.get(1).metric());
        assertTrue(Double.isNaN(rs.get(1).error()));
        assertEquals("2x2", rs.get(2).params().get("guest"));
        assertEquals(2.5, rs.get(2).in("us/op"), 1e-9);
    }

    @Test
    void tableSaysPassMissAndMissing() throws Exception {
        Files.writeString(dir.resolve("decode.json"), JSON);
        Files.writeString(dir.resolve("decode.cmd"), "java -jar benchmarks.jar x\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Report.print(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, "the check and snapshot groups were not measured");
        assertTrue(out.lines().anyMatch(l -> l.startsWith("decode: TAPQ GR2")
                && l.contains("4.25 ± 0.500 ns/op") && l.contains("PASS")), out);
        assertTrue(out.contains("not measured"), out);
        assertTrue(out.contains("[decode] java -jar benchmarks.jar x"), out);
    }

    @Test
    void sysfsTargetIsTheCheckScopeWithTheFullReadBeside() throws Exception {
        Files.writeString(dir.resolve("snapshot.json"), """
                [
                    { "benchmark" : "io.github.ap4j.bench.SnapshotBenchmark.sysfsDirectory",
                      "params" : { "shape" : "16x85" },
                      "primaryMetric" : { "score" : 70.0, "scoreError" : 1.0, "scoreUnit" : "ms/op" } },
                    { "benchmark" : "io.github.ap4j.bench.SnapshotBenchmark.sysfsDirectoryMigrationScope",
                      "params" : { "shape" : "16x85" },
                      "primaryMetric" : { "score" : 30.0, "scoreError" : 1.0, "scoreUnit" : "ms/op" } }
                ]
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report.print(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("sysfs snapshot of 16 x 85")
                && l.contains("30.0 ± 1.00 ms/op (sysfsDirectory: 70.0 ms/op)") && l.contains("PASS")), out);
    }
}
