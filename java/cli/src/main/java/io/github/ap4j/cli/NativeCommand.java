// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ap4j.model.ConfigInfo;
import io.github.ap4j.model.ResponseCode;
import io.github.ap4j.natives.NativeAp;
import io.github.ap4j.natives.NativeReplay;
import io.github.ap4j.natives.NativeUnavailableException;
import io.github.ap4j.natives.ReplayTable;
import io.github.ap4j.natives.TapqRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ap4j native}: what the native layer can do here, and with {@code --replay} the words a
 * recorded table answers, read back through the C shim and decoded.
 */
@Command(name = "native", mixinStandardHelpOptions = true,
        description = "Report the native layer (libap4j, PQAP) on this machine; with --replay, "
                + "load a recorded table into the shim and decode its QCI block and TAPQ words.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:PQAP usable, or the replay table was answered by the shim",
            "2:bad replay file", "3:native layer unavailable (the reason is printed)"})
final class NativeCommand implements Callable<Integer> {

    @Option(names = "--replay", paramLabel = "FILE",
            description = "Replay table (qci/tapq lines, see docs/native.md).")
    Path replay;

    @Mixin
    OutputFormat.Choice format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<NativeUnavailableException> cause = NativeAp.unavailabilityCause();
        boolean loaded = NativeAp.isLibraryLoaded();

        ObjectNode report = Json.object();
        report.put("arch", System.getProperty("os.arch"));
        report.put("platform", NativeAp.platformPrefix());
        report.put("libraryLoaded", loaded);
        report.put("pqapUsable", cause.isEmpty());
        report.put("unavailableReason", cause.map(c -> c.reason().name()).orElse(null));
        report.put("unavailableMessage", cause.map(Throwable::getMessage).orElse(null));

        if (replay != null) {
            // The shim's parser reads the file (errors name the line), the shim answers.
            ReplayTable table = ReplayTable.read(replay);
            try (NativeReplay shim = NativeAp.shim().replay(table)) {
                report.set("replay", replayJson(shim, table));
            }
        }

        if (format.json()) {
            Json.write(out, report);
        } else {
            text(out, report);
        }
        if (replay == null && cause.isPresent()) {
            err.println("ap4j native: " + cause.get().getMessage());
            err.flush();
            return ExitCode.UNAVAILABLE;
        }
        return ExitCode.OK;
    }

    private static ObjectNode replayJson(NativeReplay shim, ReplayTable table) {
        ObjectNode r = Json.object();
        if (table.qci().isPresent()) {
            ConfigInfo qci = shim.qci();
            r.set("qci", DecodeViews.qciJson(qci));
        } else {
            r.putNull("qci");
        }
        List<TapqRecord> answers = shim.tapq(table.records().stream().map(TapqRecord::apqn).toList());
        ArrayNode queues = Json.array();
        for (TapqRecord a : answers) {
            ObjectNode q = Json.object();
            q.put("apqn", a.apqn().toString());
            q.put("cc", a.conditionCode());
            q.put("gr1", String.format("0x%016X", a.gr1()));
            q.put("gr2", String.format("0x%016X", a.gr2()));
            q.set("status", DecodeViews.statusJson(a.status()));
            if (ResponseCode.tapqInfoValid(a.status().responseCode())) {
                q.set("hwInfo", DecodeViews.hwInfoJson(a.hwInfo()));
            } else {
                q.putNull("hwInfo");
            }
            queues.add(q);
        }
        r.set("queues", queues);
        return r;
    }

    private static void text(PrintWriter out, ObjectNode report) {
        out.printf("architecture      %s (%s)%n", report.get("arch").asText(),
                report.get("platform").asText());
        out.printf("libap4j           %s%n", report.get("libraryLoaded").asBoolean()
                ? "loaded" : "not loaded");
        out.printf("hardware          %s%n", report.get("pqapUsable").asBoolean()
                ? "PQAP usable" : report.get("unavailableMessage").asText());
        if (!report.has("replay")) {
            return;
        }
        ObjectNode r = (ObjectNode) report.get("replay");
        if (!r.get("qci").isNull()) {
            ObjectNode q = (ObjectNode) r.get("qci");
            out.printf("QCI               features %s, adapters %s, usage domains %s, control "
                            + "domains %s%n", q.get("features").asText(), q.get("adapters"),
                    q.get("usageDomains"), q.get("controlDomains"));
        }
        out.printf("%-8s %-3s %-20s %-18s %-6s %-6s %-10s %s%n", "APQN", "CC", "STATUS (RC)",
                "GR2", "MODE", "TYPE", "FUNCTIONS", "BS");
        r.get("queues").forEach(q -> {
            ObjectNode s = (ObjectNode) q.get("status");
            String rc = s.get("responseName").isNull()
                    ? String.format("0x%02X", s.get("responseCode").asInt())
                    : s.get("responseName").asText();
            boolean hw = !q.get("hwInfo").isNull();
            out.printf("%-8s %-3d %-20s %-18s %-6s %-6s %-10s %s%n", q.get("apqn").asText(),
                    q.get("cc").asInt(), rc, q.get("gr2").asText(),
                    hw ? q.get("hwInfo").get("mode").asText() : "-",
                    hw ? nullable(q.get("hwInfo").get("typeName")) : "-",
                    hw ? q.get("hwInfo").get("letters").asText() : "-",
                    hw ? q.get("hwInfo").get("bindStateName").asText() : "-");
        });
    }

    private static String nullable(com.fasterxml.jackson.databind.JsonNode n) {
        return n == null || n.isNull() ? "-" : n.asText();
    }
}
