// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One line to the system log (the journal on systemd hosts) through {@code logger}(1) of
 * util-linux, by argument vector: {@code logger -t ap4j-libvirt-hook -p daemon.PRIORITY --
 * MESSAGE}. Tests name another executable with the environment variable
 * {@value #LOGGER_VARIABLE}; it gets the same arguments. A logger that fails or hangs (bounded
 * by {@value #WAIT_MILLIS} ms) never changes the hook's decision.
 */
final class SystemLog {
    static final String LOGGER_VARIABLE = "AP4J_LOGGER";
    static final String TAG = "ap4j-libvirt-hook";
    static final long WAIT_MILLIS = 2000;

    /** syslog priorities used. */
    enum Priority {
        NOTICE("daemon.notice"), WARNING("daemon.warning"), ERR("daemon.err");

        final String selector;

        Priority(String selector) {
            this.selector = selector;
        }
    }

    private final String logger;

    SystemLog(Map<String, String> env) {
        String l = env.get(LOGGER_VARIABLE);
        this.logger = l == null || l.isEmpty() ? "logger" : l;
    }

    /** The argument vector for one message. */
    List<String> command(Priority p, String message) {
        return List.of(logger, "-t", TAG, "-p", p.selector, "--", printable(message));
    }

    /** Logs {@code message}; returns whether the logger said it did. */
    boolean log(Priority p, String message) {
        try {
            Process proc = new ProcessBuilder(command(p, message))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!proc.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                proc.destroyForcibly();
                return false;
            }
            return proc.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Control characters and non-ASCII escaped, so one decision stays one log line. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format(c > 0xff ? "\\u%04x" : "\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
