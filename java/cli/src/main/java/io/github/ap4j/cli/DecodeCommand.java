// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.model.ConfigInfo;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.model.QueueStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code ap4j decode}: one AP hardware word, every bit named.
 *
 * <p>Its picocli model is built in code, not read from annotations as most commands' are:
 * reading annotations makes the JVM generate a proxy class per annotation type, which an
 * ahead-of-time cache cannot hold, and for a run as short as a decode that was about a third
 * of its time (README.md, "Performance"). {@link Ap4j} and {@link ShowCommand} build theirs the
 * same way ({@link CodeModel}).
 */
final class DecodeCommand implements Callable<Integer> {

    private final OptionSpec gr2 = CodeModel.textOption("--gr2", "WORD",
            "64-bit TAPQ GR2 hardware info, 0x + 16 hex digits.");
    private final OptionSpec functions = CodeModel.textOption("--functions", "WORD",
            "32-bit ap_functions word (GR2 bits 0-31), 0x + 8 hex digits.");
    private final OptionSpec status = CodeModel.textOption("--status", "WORD",
            "Queue status word (GR1 bits 32-63), 0x + up to 8 hex digits.");
    private final OptionSpec qci = CodeModel.textOption("--qci", "HEX",
            "128-byte QCI block as 256 hex digits.");
    private final OptionSpec rawHwtype = OptionSpec.builder("--raw-hwtype")
            .paramLabel("N").type(Integer.class)
            .description("Raw AP type (sysfs raw_hwtype, decimal) to go with --functions.")
            .build();
    private final OptionSpec format = OutputFormat.option();

    /** The command's model; {@link #call} runs when picocli has parsed into it. */
    final CommandSpec spec = CommandSpec.wrapWithoutInspection(this)
            .name("decode")
            .addArgGroup(ArgGroupSpec.builder().exclusive(true).multiplicity("1")
                    .addArg(gr2).addArg(functions).addArg(status).addArg(qci).build())
            .addOption(rawHwtype)
            .addOption(format);

    DecodeCommand() {
        CodeModel.addStandardHelp(spec);
        spec.usageMessage()
                .description("Decode a TAPQ GR2 word, an ap_functions word, a queue status word "
                        + "or a QCI block, bit by bit as the kernel's asm/ap.h defines them.")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(CodeModel.exitCodes("0:decoded", "2:bad word or usage",
                        ExitCode.HELP_BUG));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String gr2 = this.gr2.getValue();
        String functions = this.functions.getValue();
        String status = this.status.getValue();
        String qci = this.qci.getValue();
        Integer rawHwtype = this.rawHwtype.getValue();
        if (rawHwtype != null && functions == null) {
            throw new ParameterException(spec.commandLine(), "--raw-hwtype goes with --functions");
        }
        boolean json = format.getValue() == OutputFormat.json;
        if (gr2 != null) {
            QueueHwInfo h = value("--gr2", () -> parseGr2(gr2));
            if (json) {
                Json.write(out, DecodeViews.hwInfoJson(h));
            } else {
                DecodeViews.hwInfoText(out, "GR2 " + h + " (TAPQ hardware info)", h);
            }
        } else if (functions != null) {
            QueueHwInfo h = value("--functions", () -> parseFunctions(functions, rawHwtype));
            if (json) {
                Json.write(out, DecodeViews.hwInfoJson(h));
            } else {
                DecodeViews.hwInfoText(out, "ap_functions " + h + " (GR2 bits 0-31"
                        + (h.hasType() ? " + raw AP type" : "") + ")", h);
            }
        } else if (status != null) {
            QueueStatus s = value("--status", () -> QueueStatus.parse(status));
            if (json) {
                Json.write(out, DecodeViews.statusJson(s));
            } else {
                DecodeViews.statusText(out, s);
            }
        } else {
            ConfigInfo c = value("--qci", () -> ConfigInfo.parse(qci));
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
