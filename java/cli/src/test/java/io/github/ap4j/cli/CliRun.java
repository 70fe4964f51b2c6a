// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process and captures what it printed. */
record CliRun(int exitCode, String out, String err, byte[] rawOut) {

    static CliRun of(String... args) {
        return withStdin(new byte[0], args);
    }

    /** With {@code stdin} as standard input; stdout is captured as bytes too. */
    static CliRun withStdin(byte[] stdin, String... args) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(raw, false, StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        int code = Ap4j.run(args, new ByteArrayInputStream(stdin), raw, out, new PrintWriter(err));
        out.flush();
        return new CliRun(code, raw.toString(StandardCharsets.UTF_8), err.toString(), raw.toByteArray());
    }
}
