// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** {@code --format text|json}, shared by the commands that print a value in text or JSON. */
enum OutputFormat {
    text, json;

    /** The option's help text; {@link ShowCommand}'s own {@code --format} says the same. */
    static final String DESCRIPTION =
            "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).";

    /** The option as a picocli mixin: {@code @Mixin OutputFormat.Choice format}. */
    static final class Choice {
        @Option(names = "--format", defaultValue = "text", description = DESCRIPTION)
        OutputFormat value;

        boolean json() {
            return value == json;
        }
    }

    /**
     * The same option for a command whose model is built in code ({@link DecodeCommand}); its
     * value is an {@code OutputFormat}. The label is the one picocli gives {@link Choice#value}.
     */
    static OptionSpec option() {
        return OptionSpec.builder("--format").paramLabel("<value>").type(OutputFormat.class)
                .defaultValue("text").description(DESCRIPTION).build();
    }
}
