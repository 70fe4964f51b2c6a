// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ap4j.internal.lszcrypt.LszcryptFormatter;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.ApMode;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import io.github.ap4j.snapshot.VfioApMatrix;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code ap4j show}: a host's AP configuration, decoded.
 *
 * <p>Its picocli model is built in code, as {@link DecodeCommand}'s is, because reading
 * annotations makes the JVM define a proxy class per annotation type at run time, which an
 * ahead-of-time cache cannot hold: 40-45 ms of a show of a 1,360-queue host, for which
 * lszcrypt takes about 0.12 s in all (README.md, "Performance").
 */
final class ShowCommand implements Callable<Integer> {

    enum Format { text, lszcrypt, json }

    private final SnapshotOptions source = new SnapshotOptions();
    private final OptionSpec format = OptionSpec.builder("--format")
            .paramLabel("<format>").type(Format.class).defaultValue("text")
            .description(OutputFormat.DESCRIPTION).build();
    private final OptionSpec lszcryptRelease = OptionSpec.builder("--lszcrypt-release")
            .paramLabel("VERSION").type(String.class).defaultValue("2.43")
            .description("With --format lszcrypt: the s390-tools release whose lszcrypt -V text "
                    + "to print, 2.43 or 2.40 (they differ in QDEPTH and the default-domain "
                    + "warning; default: ${DEFAULT-VALUE}).")
            .build();

    /** The command's model; {@link #call} runs when picocli has parsed into it. */
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this)
            .name("show")
            .addArgGroup(source.group())
            .addOption(format)
            .addOption(lszcryptRelease);

    ShowCommand() {
        CodeModel.addStandardHelp(spec);
        spec.usageMessage()
                .description("Show a host's AP bus, cards, queues (capabilities decoded) and "
                        + "vfio_ap mdevs, from the live sysfs, a fixture, lszcrypt text or the "
                        + "native shim.")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(CodeModel.exitCodes("0:shown",
                        "2:bad input (malformed sysfs file, fixture, usage)",
                        "3:source unavailable here (no AP bus, native layer)"));
    }

    @Override
    public Integer call() {
        LszcryptFormatter.Release release;
        try {
            release = LszcryptFormatter.Release.parse(lszcryptRelease.getValue());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--lszcrypt-release: " + e.getMessage());
        }
        HostSnapshot s = source.open();
        PrintWriter out = spec.commandLine().getOut();
        Format format = this.format.getValue();
        if (format == Format.lszcrypt) {
            LszcryptFormatter.write(s, release, out); // line by line, not held whole
        } else if (format == Format.json) {
            Json.write(out, json(s));
        } else {
            text(out, s);
        }
        out.flush();
        return ExitCode.OK;
    }

    // ------------------------------------------------------------------ JSON

    static ObjectNode json(HostSnapshot s) {
        ObjectNode root = Json.object();
        BusAttributes b = s.bus();
        ObjectNode bus = root.putObject("bus");
        bus.set("adapters", ids(b.adapters()));
        bus.set("usageDomains", ids(b.usageDomains()));
        bus.set("controlDomains", ids(b.controlDomains()));
        bus.put("apmask", b.apmask().map(ApMask::toString).orNull());
        bus.put("aqmask", b.aqmask().map(ApMask::toString).orNull());
        bus.set("features", strings(b.features()));
        ArrayNode cards = root.putArray("cards");
        for (ApCard c : s.cards()) {
            ObjectNode n = cards.addObject();
            n.put("id", String.format("%02x", c.id()));
            n.put("type", c.type().orNull());
            n.put("hwtype", c.hwtype().orNull());
            n.put("rawHwtype", c.rawHwtype().orNull());
            n.put("functions", c.functions().map(ShowCommand::word).orNull());
            n.put("mode", c.mode().map(ApMode::name).orNull());
            n.put("letters", c.functions().map(QueueHwInfo::letters).orNull());
            n.put("driver", c.driver().orNull());
            n.put("status", cardStatus(c));
        }
        ArrayNode queues = root.putArray("queues");
        for (ApQueue q : s.queues()) {
            ObjectNode n = queues.addObject();
            n.put("apqn", q.apqn().toString());
            n.put("functions", q.functions().map(ShowCommand::word).orNull());
            n.put("driver", q.driver().orNull());
            n.put("status", queueStatus(q));
            n.put("bindState", q.functions().map(f -> QueueHwInfo.ofFunctions(f).bindState().name())
                    .orNull());
        }
        ArrayNode mdevs = root.putArray("mdevs");
        List<Mdev> list = s.matrix().isPresent() ? s.matrix().get().mdevs() : List.of();
        for (Mdev m : list) {
            ObjectNode n = mdevs.addObject();
            n.put("uuid", m.uuid());
            n.set("matrix", matrix(m.matrix()));
            n.set("guestMatrix", matrix(m.guestMatrix()));
            n.set("controlDomains", ids(m.controlDomains()));
        }
        root.set("matrixFeatures", s.matrix().isPresent()
                ? strings(s.matrix().get().features()) : null);
        return root;
    }

    private static ArrayNode ids(Attr<ApMask> m) {
        return m.isPresent() ? Json.ids(m.get()) : null;
    }

    private static ArrayNode strings(Attr<List<String>> l) {
        if (!l.isPresent()) {
            return null;
        }
        ArrayNode a = Json.array();
        l.get().forEach(a::add);
        return a;
    }

    private static ObjectNode matrix(Attr<ApMatrix> m) {
        if (!m.isPresent()) {
            return null;
        }
        ObjectNode n = Json.object();
        n.set("adapters", Json.ids(m.get().adapters()));
        n.set("domains", Json.ids(m.get().domains()));
        return n;
    }

    /** {@code "0x%08X"}, the form sysfs prints. */
    static String word(int functions) {
        return String.format("0x%08X", functions);
    }

    /** lszcrypt's STATUS words: deconfig, checkstop, online, offline; null when unknown. */
    static String cardStatus(ApCard c) {
        return status(c.config(), c.chkstop(), c.online());
    }

    /** vfio_ap's status for a passed-through queue, else as for a card. */
    static String queueStatus(ApQueue q) {
        if (q.vfioStatus().isPresent()) {
            return q.vfioStatus().get();
        }
        return status(q.config(), q.chkstop(), q.online());
    }

    private static String status(Attr<Boolean> config, Attr<Boolean> chkstop, Attr<Boolean> online) {
        if (config.isPresent() && !config.get()) {
            return "deconfig";
        }
        if (chkstop.isPresent() && chkstop.get()) {
            return "checkstop";
        }
        if (online.isPresent()) {
            return online.get() ? "online" : "offline";
        }
        return null;
    }

    // ------------------------------------------------------------------ text

    static void text(PrintWriter out, HostSnapshot s) {
        out.printf("source   %s %s (taken %s)%n", s.provenance().kind(), s.provenance().origin(),
                s.provenance().takenAt());
        BusAttributes b = s.bus();
        out.printf("bus      adapters %s; usage domains %s; control domains %s%n",
                ranges(b.adapters(), 2), ranges(b.usageDomains(), 4), ranges(b.controlDomains(), 4));
        out.printf("         apmask %s; aqmask %s; features %s%n", ranges(b.apmask(), 2),
                ranges(b.aqmask(), 4), words(b.features()));
        out.println();
        out.println("CARD TYPE   HWTYPE RAW FUNCTIONS  MODE  LETTERS    DRIVER     STATUS");
        for (ApCard c : s.cards()) {
            out.println(String.format("%-4s %-6s %6s %3s %-10s %-5s %-10s %-10s %s",
                    String.format("%02x", c.id()), orDash(c.type()), orDash(c.hwtype()),
                    orDash(c.rawHwtype()), orDash(c.functions().map(ShowCommand::word)),
                    orDash(c.mode().map(ApMode::name)),
                    orDash(c.functions().map(QueueHwInfo::letters)), orDash(c.driver()),
                    dash(cardStatus(c))).stripTrailing());
        }
        out.println();
        out.println("QUEUE   FUNCTIONS  MODE  LETTERS    CLASS       BIND      DRIVER     STATUS");
        for (ApQueue q : s.queues()) {
            Attr<QueueHwInfo> h = q.functions().map(QueueHwInfo::ofFunctions);
            out.println(String.format("%-7s %-10s %-5s %-10s %-11s %-9s %-10s %s",
                    q.apqn(), orDash(q.functions().map(ShowCommand::word)),
                    orDash(h.map(x -> x.mode().name())), orDash(h.map(QueueHwInfo::letters)),
                    orDash(h.map(ShowCommand::classText)),
                    orDash(h.map(x -> x.bindState().name().toLowerCase().replace('_', '-'))),
                    orDash(q.driver()), dash(queueStatus(q))).stripTrailing());
        }
        out.println();
        if (!s.matrix().isPresent()) {
            out.printf("vfio_ap  %s%n", s.matrix().absence() == null ? "" : "not loaded ("
                    + s.matrix().absence().name().toLowerCase().replace('_', ' ') + ")");
            return;
        }
        VfioApMatrix m = s.matrix().get();
        out.printf("vfio_ap  features %s%n", words(m.features()));
        if (m.mdevs().isEmpty()) {
            out.println("         no mdevs");
        }
        for (Mdev d : m.mdevs()) {
            out.printf("mdev     %s%n", d.uuid());
            out.printf("         matrix          %s%n", matrixText(d.matrix()));
            out.printf("         guest_matrix    %s%n", matrixText(d.guestMatrix()));
            out.printf("         control domains %s%n", ranges(d.controlDomains(), 4));
        }
    }

    private static String words(Attr<List<String>> l) {
        if (!l.isPresent()) {
            return absent(l);
        }
        return l.get().isEmpty() ? "(none)" : String.join(" ", l.get());
    }

    private static String classText(QueueHwInfo h) {
        if (h.fullNative()) {
            return "full-native";
        }
        return h.stateless() ? "stateless" : String.format("0x%02x", h.classification());
    }

    private static String matrixText(Attr<ApMatrix> m) {
        if (!m.isPresent()) {
            return absent(m);
        }
        ApMatrix x = m.get();
        if (x.isEmpty() && x.adapters().isEmpty() && x.domains().isEmpty()) {
            return "(empty)";
        }
        return hexRanges(x.adapters(), 2) + " x " + hexRanges(x.domains(), 4) + " ("
                + x.size() + " APQNs)";
    }

    private static String ranges(Attr<ApMask> m, int width) {
        return m.isPresent() ? hexRanges(m.get(), width) : absent(m);
    }

    /** Ids as hex ranges, e.g. {@code 05-07,0a} (width 2) or {@code 0033-0034} (width 4). */
    static String hexRanges(ApMask m, int width) {
        if (m.isEmpty()) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder();
        String f = "%0" + width + "x";
        int id = m.nextSetId(0);
        while (id >= 0) {
            int end = id;
            while (end < 255 && m.contains(end + 1)) {
                end++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(String.format(f, id));
            if (end > id) {
                sb.append('-').append(String.format(f, end));
            }
            id = end < 255 ? m.nextSetId(end + 1) : -1;
        }
        return sb.toString();
    }

    private static String orDash(Attr<?> a) {
        return a.isPresent() ? String.valueOf(a.get()) : "-";
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static String absent(Attr<?> a) {
        switch (a.absence()) {
            case NOT_SUPPORTED: return "(not supported)";
            case UNKNOWN: return "(unknown)";
            case NOT_READ: return "(not read)";
            default: return "(missing)";
        }
    }
}
