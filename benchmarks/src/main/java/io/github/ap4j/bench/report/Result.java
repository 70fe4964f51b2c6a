package io.github.ap4j.bench.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JMH result row: benchmark (class.method, package stripped), parameters, and the primary
 * or a secondary metric ({@code gc.alloc.rate.norm}) with its error and unit.
 */
record Result(String benchmark, Map<String, String> params, String metric, double score,
        double error, String unit) {

    /** Every primary and secondary metric of a JMH JSON result file. */
    @SuppressWarnings("unchecked")
    static List<Result> read(String json) {
        List<Result> out = new java.util.ArrayList<>();
        for (Object o : (List<Object>) Json.parse(json)) {
            Map<String, Object> r = (Map<String, Object>) o;
            String full = (String) r.get("benchmark");
            String name = full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
            Map<String, String> params = new TreeMap<>();
            Object p = r.get("params");
            if (p instanceof Map) {
                ((Map<String, Object>) p).forEach((k, v) -> params.put(k, String.valueOf(v)));
            }
            out.add(metric(name, params, "", (Map<String, Object>) r.get("primaryMetric")));
            Object sec = r.get("secondaryMetrics");
            if (sec instanceof Map) {
                ((Map<String, Object>) sec).forEach((k, v) ->
                        out.add(metric(name, params, k, (Map<String, Object>) v)));
            }
        }
        return out;
    }

    private static Result metric(String name, Map<String, String> params, String metric,
            Map<String, Object> m) {
        return new Result(name, params, metric, number(m.get("score")), number(m.get("scoreError")),
                (String) m.get("scoreUnit"));
    }

    private static double number(Object o) {
        return o instanceof Double ? (Double) o : Double.NaN;
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
