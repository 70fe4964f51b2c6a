// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.model.ConfigInfo;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.model.QueueStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ap4j decode}: one AP hardware word, every bit named. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode a TAPQ GR2 word, an ap_functions word, a queue status word or a "
                + "QCI block, bit by bit as the kernel's asm/ap.h defines them.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:decoded", "2:bad word or usage", ExitCode.HELP_BUG})
final class DecodeCommand implements Callable<Integer> {

    static final class Word {
        @Option(names = "--gr2", paramLabel = "WORD",
                description = "64-bit TAPQ GR2 hardware info, 0x + 16 hex digits.")
        String gr2;

        @Option(names = "--functions", paramLabel = "WORD",
                description = "32-bit ap_functions word (GR2 bits 0-31), 0x + 8 hex digits.")
        String functions;

        @Option(names = "--status", paramLabel = "WORD",
                description = "Queue status word (GR1 bits 32-63), 0x + up to 8 hex digits.")
        String status;

        @Option(names = "--qci", paramLabel = "HEX",
                description = "128-byte QCI block as 256 hex digits.")
        String qci;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Word word;

    @Option(names = "--raw-hwtype", paramLabel = "N",
            description = "Raw AP type (sysfs raw_hwtype, decimal) to go with --functions.")
    Integer rawHwtype;

    @Mixin
    OutputFormat.Choice format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (rawHwtype != null && word.functions == null) {
            throw new ParameterException(spec.commandLine(), "--raw-hwtype goes with --functions");
        }
        boolean json = format.json();
        if (word.gr2 != null) {
            QueueHwInfo h = value("--gr2", () -> parseGr2(word.gr2));
            if (json) {
                Json.write(out, DecodeViews.hwInfoJson(h));
            } else {
                DecodeViews.hwInfoText(out, "GR2 " + h + " (TAPQ hardware info)", h);
            }
        } else if (word.functions != null) {
            QueueHwInfo h = value("--functions", () -> parseFunctions(word.functions, rawHwtype));
            if (json) {
                Json.write(out, DecodeViews.hwInfoJson(h));
            } else {
                DecodeViews.hwInfoText(out, "ap_functions " + h + " (GR2 bits 0-31"
                        + (h.hasType() ? " + raw AP type" : "") + ")", h);
            }
        } else if (word.status != null) {
            QueueStatus s = value("--status", () -> QueueStatus.parse(word.status));
            if (json) {
                Json.write(out, DecodeViews.statusJson(s));
            } else {
                DecodeViews.statusText(out, s);
            }
        } else {
            ConfigInfo c = value("--qci", () -> ConfigInfo.parse(word.qci));
            if (json) {
                Json.write(out, DecodeViews.qciJson(c));
            } else {
                DecodeViews.qciText(out, c);
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /**
     * A word parsed from an option: the model's parsers throw IllegalArgumentException quoting
     * the text, which here is a usage error (exit 2) naming the option, not a bug.
     */
    private <T> T value(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new ParameterException(spec.commandLine(),
                    m.startsWith("--") ? m : option + ": " + m, e);
        }
    }

    private static QueueHwInfo parseGr2(String text) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (digits.length() != 16) {
            throw new IllegalArgumentException("--gr2: a GR2 word is 0x + 16 hex digits, got '"
                    + text + "'");
        }
        return QueueHwInfo.parse(text);
    }

    private static QueueHwInfo parseFunctions(String text, Integer rawType) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (digits.length() != 8) {
            throw new IllegalArgumentException(
                    "--functions: an ap_functions word is 0x + 8 hex digits, got '" + text + "'");
        }
        QueueHwInfo fac = QueueHwInfo.parse(text);
        if (rawType == null) {
            return fac;
        }
        if (rawType < 0 || rawType > 255) {
            throw new IllegalArgumentException("--raw-hwtype: raw AP type out of range 0..255: "
                    + rawType);
        }
        return QueueHwInfo.ofFunctions(fac.functions(), rawType);
    }
}
