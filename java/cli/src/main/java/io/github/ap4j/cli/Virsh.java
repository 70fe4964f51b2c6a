// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.BadInputException;
import io.github.ap4j.UnavailableException;
import io.github.ap4j.libvirt.DomainXml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code virsh dumpxml NAME}, run by argument vector (no shell, so a domain name is never
 * interpreted), for {@code --guest NAME}. {@code virsh} is found on {@code PATH}; without it the
 * command is unavailable here (exit 3). Its output is bounded by {@link DomainXml#MAX_BYTES}
 * and its run time by {@link #TIMEOUT_SECONDS}. Never used by the libvirt hook (a hook that
 * calls back into libvirt deadlocks the daemon: libvirt {@code docs/hooks.rst}).
 */
final class Virsh {
    static final long TIMEOUT_SECONDS = 30;

    private Virsh() {
    }

    /** The argument vector of {@code virsh [-c URI] dumpxml NAME}. */
    static List<String> dumpxmlCommand(String connect, String name) {
        List<String> cmd = new ArrayList<>(List.of("virsh"));
        if (connect != null) {
            cmd.add("-c");
            cmd.add(connect);
        }
        cmd.add("dumpxml");
        cmd.add("--");
        cmd.add(name);
        return cmd;
    }

    /** The domain XML of {@code name}. */
    static byte[] dumpxml(String connect, String name) {
        List<String> cmd = dumpxmlCommand(connect, name);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UnavailableException("virsh: cannot run it (" + e.getMessage()
                    + "); install libvirt-clients, or give --domain FILE");
        }
        try (InputStream out = p.getInputStream(); InputStream err = p.getErrorStream()) {
            byte[][] errText = new byte[1][];
            Thread t = new Thread(() -> errText[0] = readQuietly(err, 4096), "virsh-stderr");
            t.setDaemon(true);
            t.start();
            byte[] xml = Stdio.readAll(out, DomainXml.MAX_BYTES, "virsh dumpxml");
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UnavailableException("virsh dumpxml: no answer within "
                        + TIMEOUT_SECONDS + " s");
            }
            t.join(1000);
            if (p.exitValue() != 0) {
                String msg = errText[0] == null ? "" : new String(errText[0],
                        java.nio.charset.StandardCharsets.UTF_8).strip();
                throw new BadInputException("--guest " + name, "virsh dumpxml failed (exit "
                        + p.exitValue() + ")" + (msg.isEmpty() ? "" : ": " + msg));
            }
            return xml;
        } catch (IOException e) {
            throw new UnavailableException("virsh dumpxml: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new UnavailableException("virsh dumpxml: interrupted");
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static byte[] readQuietly(InputStream in, int limit) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            byte[] buf = new byte[1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                if (b.size() < limit) {
                    b.write(buf, 0, Math.min(n, limit - b.size()));
                }
            }
        } catch (IOException e) {
            // the process ended; what was read is enough for a message
        }
        return b.toByteArray();
    }
}
