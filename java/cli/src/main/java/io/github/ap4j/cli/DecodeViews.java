// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ap4j.model.ConfigInfo;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.model.QueueStatus;
import io.github.ap4j.model.ResponseCode;
import java.io.PrintWriter;

/** JSON and text renderings of the decoded words; both show the same fields. */
final class DecodeViews {
    private DecodeViews() {
    }

    /** Hardware info with the documented keys; fields the input does not carry are null. */
    static ObjectNode hwInfoJson(QueueHwInfo h) {
        ObjectNode n = Json.object();
        n.put("apsc", h.apsc());
        n.put("ap4km", h.ap4km());
        n.put("ap4kc", h.ap4kc());
        n.put("mode", h.mode().name());
        n.put("apxa", h.apxa());
        n.put("slcf", h.slcf());
        n.put("classification", h.classification());
        n.put("fullNative", h.fullNative());
        n.put("stateless", h.stateless());
        n.put("bindState", h.bindStateCode());
        n.put("bindStateName", h.bindState().name());
        if (h.hasType()) {
            n.put("rawType", h.rawType());
        } else {
            n.putNull("rawType");
        }
        n.put("typeName", h.typeNameOrNull());
        if (h.hasApInfo()) {
            n.put("domains", h.domains());
            n.put("maxMessageSize", h.maxMessageSize());
            n.put("queueDepth", h.queueDepth());
        } else {
            n.putNull("domains");
            n.putNull("maxMessageSize");
            n.putNull("queueDepth");
        }
        n.put("letters", h.letters());
        return n;
    }

    static void hwInfoText(PrintWriter out, String title, QueueHwInfo h) {
        out.println(title);
        row(out, "bit 0     APSC", yes(h.apsc()), "AP special command facility");
        row(out, "bit 1     AP4KM", yes(h.ap4km()), "4096-bit modular exponentiation");
        row(out, "bit 2     AP4KC", yes(h.ap4kc()), "4096-bit CRT");
        row(out, "bits 3-5  mode", h.mode().name(), modeText(h));
        row(out, "bit 6     APXA", yes(h.apxa()), "AP extended addressing");
        row(out, "bit 7     SLCF", yes(h.slcf()), "stateless command filtering");
        row(out, "bits 8-15 class", String.format("0x%02x", h.classification()), classText(h));
        row(out, "bits16-17 bind state", Integer.toString(h.bindStateCode()), h.bindState().name());
        if (h.reservedFunctionBits() != 0) {
            row(out, "bits18-31 reserved", String.format("0x%04x", h.reservedFunctionBits()),
                    "reserved bits set");
        }
        if (h.hasType()) {
            String name = h.typeNameOrNull();
            row(out, "bits32-39 AP type", Integer.toString(h.rawType()),
                    name == null ? "unknown type" : name);
        } else {
            row(out, "bits32-39 AP type", "-", "unknown: not in an ap_functions word");
        }
        if (h.hasApInfo()) {
            row(out, "bits40-47 domains", Integer.toString(h.domains()), "number of domains (nd)");
            row(out, "bits52-55 max msg", Integer.toString(h.maxMessageSize()),
                    "bytes (ml=" + h.mlField() + ")");
            row(out, "bits60-63 depth", Integer.toString(h.queueDepth()), "request slots (qd+1)");
        } else {
            row(out, "bits40-63", "-", "nd, ml, qd unknown: not a TAPQ GR2 word");
        }
        row(out, "lszcrypt FUNCTIONS", h.letters(), QueueHwInfo.LETTERS);
    }

    private static String modeText(QueueHwInfo h) {
        switch (h.mode()) {
            case CCA: return "CCA coprocessor";
            case ACCEL: return "accelerator";
            case EP11: return "EP11 coprocessor";
            default: return "no mode bit set";
        }
    }

    private static String classText(QueueHwInfo h) {
        if (h.fullNative() && h.stateless()) {
            return "full native and stateless bits both set";
        }
        if (h.fullNative()) {
            return "full native card function";
        }
        if (h.stateless()) {
            return "only stateless functions";
        }
        return "no class bit set";
    }

    static ObjectNode statusJson(QueueStatus s) {
        ObjectNode n = Json.object();
        n.put("queueEmpty", s.queueEmpty());
        n.put("repliesWaiting", s.repliesWaiting());
        n.put("queueFull", s.queueFull());
        n.put("async", s.async());
        n.put("irqEnabled", s.irqEnabled());
        n.put("responseCode", s.responseCode());
        ResponseCode rc = s.responseOrNull();
        n.put("responseName", rc == null ? null : rc.name());
        return n;
    }

    static void statusText(PrintWriter out, QueueStatus s) {
        out.println("APQSW " + s + " (GR1 bits 32-63)");
        row(out, "bit 0     E", yes(s.queueEmpty()), "queue empty");
        row(out, "bit 1     R", yes(s.repliesWaiting()), "replies waiting");
        row(out, "bit 2     F", yes(s.queueFull()), "queue full");
        row(out, "bit 6     async", yes(s.async()), "asynchronous error pending");
        row(out, "bit 7     I", yes(s.irqEnabled()), "interrupts enabled");
        ResponseCode rc = s.responseOrNull();
        row(out, "bits 8-15 RC", String.format("0x%02x", s.responseCode()),
                rc == null ? "unknown response code" : "AP_RESPONSE_" + rc.name());
    }

    static ObjectNode qciJson(ConfigInfo c) {
        ObjectNode n = Json.object();
        n.put("apsc", c.apsc());
        n.put("apxa", c.apxa());
        n.put("qact", c.qact());
        n.put("rc8a", c.rc8a());
        n.put("apsb", c.apsb());
        n.put("na", c.na());
        n.put("nd", c.nd());
        n.put("maxAdapterId", c.maxAdapterId());
        n.put("maxDomainId", c.maxDomainId());
        n.set("adapters", Json.ids(c.adapters()));
        n.set("usageDomains", Json.ids(c.usageDomains()));
        n.set("controlDomains", Json.ids(c.controlDomains()));
        n.put("features", String.join(" ", c.featureNames()));
        return n;
    }

    static void qciText(PrintWriter out, ConfigInfo c) {
        out.println("QCI block (struct ap_config_info, 128 bytes)");
        row(out, "flag bit 0 APSC", yes(c.apsc()), "AP special command facility");
        row(out, "flag bit 1 APXA", yes(c.apxa()), "AP extended addressing");
        row(out, "flag bit 2 QACT", yes(c.qact()), "query AP compatibility type");
        row(out, "flag bit 3 RC8A", yes(c.rc8a()), "response code 8A");
        row(out, "flag bit 8 APSB", yes(c.apsb()), "AP secure binding (Secure Execution)");
        row(out, "byte 4    Na", Integer.toString(c.na()),
                "ap_max_adapter_id " + c.maxAdapterId());
        row(out, "byte 5    Nd", Integer.toString(c.nd()),
                "ap_max_domain_id " + c.maxDomainId());
        row(out, "apm", c.adapters().toString(), ids(c.adapters().toRangeList()));
        row(out, "aqm", c.usageDomains().toString(), ids(c.usageDomains().toRangeList()));
        row(out, "adm", c.controlDomains().toString(), ids(c.controlDomains().toRangeList()));
    }

    private static String ids(String ranges) {
        return ranges.isEmpty() ? "none" : ranges;
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    private static void row(PrintWriter out, String label, String value, String note) {
        out.printf("  %-22s %-10s %s%n", label, value, note);
    }
}
