// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ap4j.check.FindingCode;
import io.github.ap4j.check.RuleSet;
import io.github.ap4j.explain.Diagnosis;
import io.github.ap4j.explain.Difference;
import io.github.ap4j.explain.ExplainReport;
import java.util.ArrayList;
import java.util.List;

/** The text and JSON views of {@code ap4j explain}; JSON keys in their documented order. */
final class ExplainViews {
    private ExplainViews() {
    }

    static ObjectNode json(ExplainReport r) {
        ObjectNode o = Json.object();
        ArrayNode ds = o.putArray("diagnoses");
        for (Diagnosis d : r.diagnoses()) {
            ObjectNode j = ds.addObject();
            j.put("failure", d.failure().name());
            ArrayNode codes = j.putArray("codes");
            d.codes().forEach(c -> codes.add(c.name()));
            j.put("mdev", d.mdev());
            j.put("apqn", d.apqn() == null ? null : d.apqn().toString());
            j.put("host", d.host() == null ? null : d.host().label());
            ArrayNode rules = j.putArray("rules");
            d.rules().forEach(x -> rules.add(x.label()));
            ArrayNode diffs = j.putArray("differences");
            for (Difference x : d.differences()) {
                ObjectNode dj = diffs.addObject();
                dj.put("feature", x.feature().name());
                dj.putPOJO("source", x.source());
                dj.putPOJO("target", x.target());
            }
            if (d.responseCode() == null) {
                j.putNull("responseCode");
            } else {
                ObjectNode rc = j.putObject("responseCode");
                rc.put("code", d.responseCode());
                rc.put("name", d.responseCodeName());
            }
            ArrayNode lines = j.putArray("lines");
            d.lines().forEach(lines::add);
            j.put("explanation", d.explanation());
            j.put("fix", d.fix());
        }
        o.put("unrecognised", r.unrecognised());
        return o;
    }

    /** A short block per diagnosis: plain words first, the lines after. */
    static String text(ExplainReport r) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Diagnosis d : r.diagnoses()) {
            sb.append(n++ == 0 ? "" : "\n");
            sb.append(d.failure().name());
            List<String> about = new ArrayList<>();
            if (d.apqn() != null) {
                about.add("queue " + d.apqn());
            }
            if (d.mdev() != null) {
                about.add("mdev " + d.mdev());
            }
            if (d.host() != null) {
                about.add("on the " + d.host().label());
            }
            about.add("rules " + String.join("/", d.rules().stream().map(RuleSet::label).toList()));
            sb.append(" (").append(String.join(", ", about)).append(")\n");
            sb.append("  ").append(d.explanation()).append('\n');
            sb.append("  Fix: ").append(d.fix()).append('\n');
            if (!d.codes().isEmpty()) {
                sb.append("  Check codes: ").append(String.join(", ",
                        d.codes().stream().map(FindingCode::name).toList())).append('\n');
            }
            if (d.responseCode() != null) {
                sb.append("  TAPQ response code: ").append(d.responseCode())
                        .append(d.responseCodeName() == null ? "" : " " + d.responseCodeName())
                        .append('\n');
            }
            for (Difference x : d.differences()) {
                sb.append("  ").append(x.feature().name()).append(": source ")
                        .append(value(x.source())).append(", destination ")
                        .append(value(x.target())).append('\n');
            }
            sb.append("  Lines:\n");
            for (String l : d.lines()) {
                sb.append("    ").append(printable(l)).append('\n');
            }
        }
        if (r.diagnoses().isEmpty()) {
            sb.append("No vfio-ap migration failure explained.\n");
        }
        if (r.unrecognised() > 0) {
            sb.append(n > 0 ? "\n" : "").append(r.unrecognised())
                    .append(r.unrecognised() == 1 ? " line looked like " : " lines looked like ")
                    .append("vfio_ap, libvirt or QEMU migration lines but matched no known "
                            + "message.\n");
        }
        return sb.toString();
    }

    /**
     * A pasted line as it can go to a terminal: control characters (colour codes, a stray CR)
     * escaped as {@code \xNN}, as in ap4j's error messages; JSON escapes them itself.
     */
    static String printable(String line) {
        StringBuilder sb = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(line.length() + 8).append(line, 0, i);
                }
                sb.append(String.format("\\x%02x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? line : sb.toString();
    }

    private static String value(Object v) {
        return v == null ? "(not in the lines)" : v.toString();
    }
}
