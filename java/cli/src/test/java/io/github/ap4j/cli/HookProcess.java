// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs ap4j as its own process, the way libvirt's {@code virHookCall} runs a hook script: an
 * argument vector, the domain XML written to stdin, stdout and stderr captured, the exit code.
 * The system log goes to a recording stand-in for {@code logger}(1) ({@code AP4J_LOGGER}).
 */
record HookProcess(int exitCode, byte[] stdout, String stderr, List<String> log) {

    /** A process that has not finished after this long is a failure, not a result. */
    static final long GIVE_UP_SECONDS = 120;

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code ap4j ARGS} with {@code env} added, writing {@code stdin} (or keeping stdin open
     * without writing when {@code holdStdin}) and recording the log lines in {@code tmp}.
     */
    static HookProcess run(Path tmp, Map<String, String> env, byte[] stdin, boolean holdStdin,
            String... args) throws IOException, InterruptedException {
        Path logFile = Files.createTempFile(tmp, "log", ".txt");
        Path logger = tmp.resolve("logger.sh");
        if (!Files.exists(logger)) {
            Files.writeString(logger, "#!/bin/sh\n# stands in for logger(1): one line per call\n"
                    + "printf '%s\\n' \"$*\" >> \"$AP4J_TEST_LOG\"\n");
            logger.toFile().setExecutable(true);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"),
                Ap4j.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("SYSFS_ROOT");
        pb.environment().put("AP4J_LOGGER", logger.toString());
        pb.environment().put("AP4J_TEST_LOG", logFile.toString());
        pb.environment().put("AP4J_HOOK_CONFIG", tmp.resolve("no-such.conf").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread to = pump(p.getInputStream(), out);
        Thread te = pump(p.getErrorStream(), err);
        OutputStream in = p.getOutputStream();
        Thread writer = new Thread(() -> {
            try {
                in.write(stdin);
                if (!holdStdin) {
                    in.close();
                }
            } catch (IOException e) {
                // the hook may close its stdin early, as libvirt allows
            }
        });
        writer.setDaemon(true);
        writer.start();
        if (!p.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("ap4j " + String.join(" ", args) + " did not finish");
        }
        to.join();
        te.join();
        try {
            in.close();
        } catch (IOException e) {
            // already closed by the process's exit
        }
        return new HookProcess(p.exitValue(), out.toByteArray(),
                err.toString(StandardCharsets.UTF_8), Files.readAllLines(logFile));
    }

    private static Thread pump(InputStream from, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                // process gone
            }
        });
        t.start();
        return t;
    }

    /** Copies an example tree, symbolic links as links. */
    static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(dest, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        assertTrue(Files.isDirectory(to.resolve("bus/ap")));
        return to;
    }

    /**
     * Runs one virsh session on libvirt's test driver ({@code test:///default}: no daemon, its
     * state lives only as long as this virsh process), {@code commands} separated by
     * {@code ;} as virsh's own command-line parser reads them (no shell involved).
     */
    static String virsh(String commands) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("virsh", "-q", "-c", "test:///default", commands).start();
        } catch (IOException e) {
            throw new AssertionError("virsh is needed for these tests: run .ci/install-deps "
                    + "(Debian package libvirt-clients)", e);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0 || !err.isEmpty()) {
            throw new AssertionError("virsh failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
