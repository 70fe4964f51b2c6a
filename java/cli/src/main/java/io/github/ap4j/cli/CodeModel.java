// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * What the commands whose picocli model is built in code ({@link Ap4j}, {@link DecodeCommand},
 * {@link ShowCommand}) share: the parts an annotated command gets from
 * {@code @Command(mixinStandardHelpOptions = true)}, {@code exitCodeList} and a plain
 * {@code @Option String}. picocli's own {@code CommandSpec.mixinStandardHelpOptions(true)}
 * would read its help mixin's annotations, the cost those commands avoid; the names and texts
 * here are that mixin's ({@code picocli.CommandLine.AutoHelpMixin}, picocli 4.7).
 */
final class CodeModel {

    private CodeModel() {
    }

    /** Adds {@code -h, --help} and {@code -V, --version} to {@code spec}. */
    static void addStandardHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    /** An option that takes one text value, shown in help as {@code name=label}. */
    static OptionSpec textOption(String name, String label, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(String.class)
                .description(description).build();
    }

    /** The {@code "code:text"} lines of an {@code exitCodeList}, as the usage message holds them. */
    static Map<String, String> exitCodes(String... lines) {
        return UsageMessageSpec.keyValuesMap(lines);
    }
}
