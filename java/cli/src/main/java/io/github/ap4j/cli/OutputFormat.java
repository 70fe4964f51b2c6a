// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json}, shared by the commands that print a value in text or JSON. */
enum OutputFormat {
    text, json;

    /** The option as a picocli mixin: {@code @Mixin OutputFormat.Choice format}. */
    static final class Choice {
        @Option(names = "--format", defaultValue = "text",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        OutputFormat value;

        boolean json() {
            return value == json;
        }
    }
}
