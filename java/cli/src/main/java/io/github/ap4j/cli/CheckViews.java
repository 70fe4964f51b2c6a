// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ap4j.check.CheckReport;
import io.github.ap4j.check.Finding;
import io.github.ap4j.check.Plan;
import io.github.ap4j.check.TargetReport;
import io.github.ap4j.model.Apqn;
import java.util.List;

/** JSON views of the check and plan results, keys in their documented order. */
final class CheckViews {
    private CheckViews() {
    }

    static ObjectNode report(CheckReport r) {
        ObjectNode o = Json.object();
        o.put("mdev", r.mdev());
        o.put("rules", r.rules().label());
        ArrayNode ts = o.putArray("targets");
        for (TargetReport t : r.targets()) {
            ObjectNode j = ts.addObject();
            j.put("target", t.target());
            j.put("verdict", t.verdict().label());
            j.put("compatible", t.compatible());
            j.put("error", t.error());
            j.put("errno", t.errno() == null ? null : t.errno().name());
            ArrayNode log = j.putArray("kernelLog");
            t.kernelLog().forEach(log::add);
            j.set("findings", findings(t.findings()));
        }
        return o;
    }

    static ArrayNode findings(List<Finding> fs) {
        ArrayNode a = Json.array();
        for (Finding f : fs) {
            ObjectNode j = a.addObject();
            j.put("code", f.code().name());
            j.put("severity", f.severity().label());
            j.put("apqn", f.apqn() == null ? null : f.apqn().toString());
            j.put("message", f.message());
            j.put("fix", f.fix());
        }
        return a;
    }

    static ObjectNode plan(Plan p) {
        ObjectNode o = Json.object();
        o.put("mdev", p.mdev());
        o.put("target", p.target());
        o.put("rules", p.rules().label());
        o.put("sufficient", p.sufficient());
        ArrayNode acts = o.putArray("actions");
        for (Plan.Action a : p.actions()) {
            ObjectNode j = acts.addObject();
            j.put("kind", a.kind().name());
            j.put("command", a.command());
            j.put("path", a.path());
            j.put("value", a.value());
            j.put("explanation", a.explanation());
            j.set("affected", apqns(a.affected()));
        }
        o.set("collateral", apqns(p.collateral()));
        o.set("blockers", findings(p.blockers()));
        return o;
    }

    private static ArrayNode apqns(List<Apqn> qs) {
        ArrayNode a = Json.array();
        qs.forEach(q -> a.add(q.toString()));
        return a;
    }
}
