// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.internal.sysfs.SysfsSnapshotReader;
import io.github.ap4j.model.Apqn;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workloads the launcher ({@code java/cli/src/main/sh/ap4j}) runs at package time to build
 * its class-data or ahead-of-time caches, one per {@link Cache}: each cache serves a few
 * commands and is trained on their runs, the way users run them, on the example hosts, in one
 * JVM (a JVM records one process per cache: JDK 17 {@code -XX:ArchiveClassesAtExit}, JDK 24+
 * {@code -XX:AOTMode=record}; JEP 483). The output is thrown away; the exit codes are checked,
 * since a cache trained on failing runs would hold the error paths instead.
 *
 * <p>Why several caches: a JDK 24+ cache is mapped, relocated and its classes loaded as a whole
 * when the JVM starts, so every run pays for every class in it, used or not. One cache for all
 * commands was 27 MB and cost a {@code decode} or {@code --version} about 40 ms more than one
 * trained on {@code decode} alone (16 MB); README.md, "Performance", has the figures.
 *
 * <p>{@code java -cp ap4j.jar io.github.ap4j.cli.CacheTraining --list} prints one line per cache:
 * its name, then the commands it serves. {@code ... CacheTraining EXAMPLES_DIR NAME} runs that
 * cache's workload, where the directory holds {@code source-host}, {@code target-ok} and
 * {@code target-bad} ({@code java/examples}).
 */
public final class CacheTraining {

    /** The example guest's mdev ({@code java/examples/README.md}). */
    static final String MDEV = "2b8d0ad5-6c61-4b0e-9c4e-6f1c2d3e4a5b";

    /**
     * The caches, by the classes their commands load: {@code start} the runs without a host
     * (and the runs with no command: {@code --version}, {@code --help}, and a command name the
     * launcher does not know), {@code show} one host read in full, {@code check} two hosts, the
     * guest and the XML of the migration path; and {@code json} every command's
     * {@code --format json}, since Jackson's classes are about 400 of the 2,100 in a cache
     * trained on both forms. {@code --help} is not trained: it builds every command's model, and
     * those classes would be in the cache of every {@code decode}.
     */
    static final List<Cache> CACHES = List.of(
            new Cache("start", List.of("decode", "explain")),
            new Cache("show", List.of("show", "capture", "native")),
            new Cache("check", List.of("check", "plan", "describe", "libvirt-hook")),
            new Cache("json", List.of()));

    private CacheTraining() {
    }

    /**
     * A cache's name (part of its file name) and the subcommands that use it; the launcher
     * ({@code java/cli/src/main/sh/ap4j}) gives {@code json}'s to every run that asks for
     * {@code --format json}, {@code start}'s to a run whose command has no cache.
     */
    record Cache(String name, List<String> commands) {

        /** Whether this cache trains and serves a run of {@code args}. */
        boolean serves(List<String> args) {
            if (Ap4j.jsonRequested(args)) {
                return name.equals("json");
            }
            String command = Ap4j.commandName(args.toArray(String[]::new));
            return command == null ? name.equals("start") : commands.contains(command);
        }
    }

    /** The cache called {@code name} in {@link #CACHES}, or null. */
    static Cache named(String name) {
        for (Cache c : CACHES) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** One command line and the exit code it must end with. */
    record Run(int exitCode, List<String> args) {
    }

    /**
     * The runs, on the example hosts in {@code examples} and on {@code large}, a copy of the
     * source host as large as {@link #writeLargeHost} makes it.
     */
    static List<Run> runs(Path examples, Path large) {
        String src = examples.resolve("source-host").toString();
        String ok = examples.resolve("target-ok").toString();
        String bad = examples.resolve("target-bad").toString();
        return List.of(
                new Run(ExitCode.OK, List.of("--version")),
                new Run(ExitCode.OK, List.of("decode", "--gr2", "0x928000000E550007")),
                new Run(ExitCode.OK, List.of("decode", "--functions", "0x86800000", "--raw-hwtype", "14")),
                new Run(ExitCode.OK, List.of("decode", "--status", "0x81000000")),
                new Run(ExitCode.OK, List.of("decode", "--gr2", "0x6A8000000E550007", "--format", "json")),
                new Run(ExitCode.BAD_INPUT, List.of("decode", "--gr2", "0xZZ")),
                new Run(ExitCode.OK, List.of("show", "--fixture", src)),
                new Run(ExitCode.OK, List.of("show", "--fixture", src, "--format", "lszcrypt")),
                new Run(ExitCode.OK, List.of("show", "--fixture", large.toString(), "--format",
                        "lszcrypt")),
                new Run(ExitCode.OK, List.of("show", "--fixture", src, "--format", "json")),
                new Run(ExitCode.OK, List.of("check", "--source", src, "--target", ok, "--mdev", MDEV)),
                new Run(ExitCode.INCOMPATIBLE, List.of("check", "--source", src, "--target", ok,
                        "--target", bad, "--mdev", MDEV)),
                new Run(ExitCode.INCOMPATIBLE, List.of("check", "--source", src, "--target", bad,
                        "--mdev", MDEV, "--format", "json")),
                new Run(ExitCode.OK, List.of("plan", "--source", src, "--target", ok, "--mdev", MDEV)),
                new Run(ExitCode.OK, List.of("describe", "--source", src, "--mdev", MDEV,
                        "--host", "source-host")));
    }

    /**
     * Writes into the new directory {@code to} a copy of the example source host with each
     * card's first queue copied to every domain from 0 to {@value #LARGE_DOMAINS} - 1: 3 cards and
     * 255 queues, at least {@value SysfsSnapshotReader#TOGETHER_MIN} devices, so that a show of
     * it reads each device directory with one call of libap4j as a show of a large host does,
     * and the show cache holds those classes (the example hosts have 9 devices). The copies keep
     * the kernel's formats (java/examples/README.md); their values are the copied queue's.
     */
    static void writeLargeHost(Path examples, Path to) throws IOException {
        Path from = examples.resolve("source-host");
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = walk.toList();
        }
        for (Path p : all) {
            copy(p, to.resolve(from.relativize(p).toString()));
        }
        Path devices = to.resolve("devices/ap");
        List<Path> cards;
        try (Stream<Path> list = Files.list(devices)) {
            cards = list.sorted().toList();
        }
        for (Path card : cards) {
            Path queue;
            try (Stream<Path> list = Files.list(card)) {
                queue = list.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(queue)) {
                files = list.toList();
            }
            int adapter = Apqn.parse(queue.getFileName().toString()).adapter();
            for (int domain = 0; domain < LARGE_DOMAINS; domain++) {
                String name = Apqn.of(adapter, domain).toString();
                Path copy = card.resolve(name);
                if (Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Files.createDirectory(copy);
                for (Path f : files) {
                    copy(f, copy.resolve(f.getFileName().toString()));
                }
                Files.createSymbolicLink(to.resolve("bus/ap/devices/" + name),
                        Path.of("../../../devices/ap/" + card.getFileName() + "/" + name));
            }
        }
    }

    /** The domains {@link #writeLargeHost} gives each card: CEX8's 85 (0x00 to 0x54). */
    static final int LARGE_DOMAINS = 85;

    private static void copy(Path from, Path to) throws IOException {
        if (Files.isSymbolicLink(from)) {
            Files.createSymbolicLink(to, Files.readSymbolicLink(from));
        } else if (Files.isDirectory(from)) {
            Files.createDirectories(to);
        } else {
            Files.copy(from, to);
        }
    }

    private static void delete(Path root) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            Files.delete(p);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--list")) {
            for (Cache c : CACHES) {
                System.out.println(c.name() + " " + String.join(" ", c.commands()));
            }
            return;
        }
        Cache cache = args.length != 2 ? null : named(args[1]);
        if (cache == null || !Files.isDirectory(Path.of(args[0], "source-host"))) {
            System.err.println("usage: CacheTraining --list | CacheTraining EXAMPLES_DIR NAME"
                    + " (a directory with source-host, target-ok, target-bad; a name --list prints)");
            System.exit(ExitCode.BAD_INPUT);
        }
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Path examples = Path.of(args[0]);
        // Every class this JVM loads goes into the cache: only a cache with a run on the large
        // host loads the classes that write it, and the rest no more than the loop below.
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "ap4j-training-" + System.nanoTime());
        Path large = tmp.resolve("host");
        List<Run> served = new ArrayList<>();
        boolean writeLarge = false;
        for (Run r : runs(examples, large)) {
            if (cache.serves(r.args())) {
                served.add(r);
                writeLarge |= r.args().contains(large.toString());
            }
        }
        int failed = 0;
        try {
            if (writeLarge) {
                Files.createDirectory(tmp);
                writeLargeHost(examples, large);
            }
            for (Run r : served) {
                int code = Ap4j.run(r.args().toArray(String[]::new), sink, sink);
                if (code != r.exitCode()) {
                    System.err.println("CacheTraining: ap4j " + String.join(" ", r.args())
                            + " exited " + code + ", expected " + r.exitCode());
                    failed++;
                }
            }
        } finally {
            if (writeLarge) {
                delete(tmp);
            }
        }
        System.exit(failed == 0 ? ExitCode.OK : ExitCode.BUG);
    }
}
