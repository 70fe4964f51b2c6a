// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JMH result row: benchmark (class.method, package stripped), parameters, and the primary
 * or a secondary metric ({@code gc.alloc.rate.norm}) with its error and unit.
 */
record Result(String benchmark, Map<String, String> params, String metric, double score,
        double error, String unit) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every primary and secondary metric of a JMH JSON result file ({@code -rf json}). */
    static List<Result> read(String json) {
        JsonNode rows;
        try {
            rows = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JMH JSON result: " + e.getOriginalMessage(), e);
        }
        List<Result> out = new ArrayList<>();
        for (JsonNode r : rows) {
            String full = r.path("benchmark").asText();
            String name = full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
            Map<String, String> params = new TreeMap<>();
            r.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            out.add(metric(name, params, "", r.path("primaryMetric")));
            r.path("secondaryMetrics").fields().forEachRemaining(e ->
                    out.add(metric(name, params, e.getKey(), e.getValue())));
        }
        return out;
    }

    private static Result metric(String name, Map<String, String> params, String metric, JsonNode m) {
        return new Result(name, params, metric, number(m.path("score")), number(m.path("scoreError")),
                m.path("scoreUnit").asText(null));
    }

    /** A JSON number, else NaN: JMH writes the error of a single measurement as {@code "NaN"}. */
    private static double number(JsonNode n) {
        return n.isNumber() ? n.doubleValue() : Double.NaN;
    }

    /** {@code Class.method [p=v,...] :metric}, the row's label in the "all figures" list. */
    String label() {
        StringBuilder sb = new StringBuilder(benchmark);
        if (!params.isEmpty()) {
            sb.append(' ').append(params.toString().replace(", ", ",").replace("{", "[").replace("}", "]"));
        }
        if (!metric.isEmpty()) {
            sb.append(" :").append(metric);
        }
        return sb.toString();
    }

    /** The score in {@code unit} (ns/us/ms/s per op, B/op kept as is). */
    double in(String targetUnit) {
        return score * Units.factor(unit, targetUnit);
    }

    /** The error in {@code unit}. */
    double errorIn(String targetUnit) {
        return Double.isNaN(error) ? Double.NaN : error * Units.factor(unit, targetUnit);
    }
}
