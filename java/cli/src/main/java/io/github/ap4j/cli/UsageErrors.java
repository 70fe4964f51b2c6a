// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The usage error to report. picocli checks required options before it reports arguments it
 * did not match, so {@code check --sourc x} would say "Missing required options"; a typo is the
 * likelier cause, so the unknown option is reported first.
 */
final class UsageErrors {
    private UsageErrors() {
    }

    static ParameterException firstOf(ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        if (ex instanceof MissingParameterException && cl != null) {
            List<String> unmatched = cl.getUnmatchedArguments();
            if (!unmatched.isEmpty()) {
                return new UnmatchedArgumentException(cl, unmatched);
            }
        }
        return ex;
    }
}
