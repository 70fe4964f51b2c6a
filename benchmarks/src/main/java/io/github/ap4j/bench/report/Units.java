// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench.report;

/** Conversions between JMH's time-per-op units. */
final class Units {
    private Units() {
    }

    static double factor(String from, String to) {
        if (from.equals(to)) {
            return 1;
        }
        return nanos(from) / nanos(to);
    }

    private static double nanos(String unit) {
        switch (unit) {
            case "ns/op": return 1;
            case "us/op": return 1e3;
            case "ms/op": return 1e6;
            case "s/op": return 1e9;
            default: throw new IllegalArgumentException("no conversion for unit " + unit);
        }
    }
}
