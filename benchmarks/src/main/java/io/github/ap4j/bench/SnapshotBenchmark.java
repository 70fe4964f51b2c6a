// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench;

import io.github.ap4j.internal.NativeSnapshotReader;
import io.github.ap4j.internal.sysfs.DirectorySysfsTree;
import io.github.ap4j.internal.sysfs.FixtureCapture;
import io.github.ap4j.internal.sysfs.SysfsSnapshotReader;
import io.github.ap4j.internal.sysfs.TarSysfsTree;
import io.github.ap4j.natives.DirectoryReader;
import io.github.ap4j.natives.NativeAp;
import io.github.ap4j.natives.NativeReplay;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.ReadScope;
import io.github.ap4j.snapshot.SourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Snapshot acquisition, per source, on generated hosts of 16 x 85 (1,360) and 64 x 256 (16,384)
 * queues ({@link SyntheticHost}), each op a whole {@link HostSnapshot}:
 * <ul>
 *   <li>{@link #sysfsDirectory}: the sysfs reader on the tree written at setup, in the kernel's
 *       formats with its symlinks (on tmpfs when there is one, see
 *       {@link SyntheticHost#tempRoot}; sysfs is memory-backed too), every attribute
 *       ({@link ReadScope#FULL}, as {@code show} and {@code capture} read); with
 *       {@code -p shape=64x256} the FULL read of 16,384 queues.</li>
 *   <li>{@link #sysfsDirectoryMigrationScope}: the same tree in the scope {@code check} and
 *       {@code plan} read ({@link ReadScope#MIGRATION}). Target for 16 x 85:
 *       40 ms.</li>
 *   <li>{@link #readEveryFileOnce}: the floor under that on this machine, no parsing: each
 *       file opened and read once, on as many threads as the reader. Target:
 *       sysfsDirectory / readEveryFileOnce at most 1.2.</li>
 *   <li>{@link #readEveryFileTogether}: the lower floor, the same files read a directory at a
 *       time by libap4j, as the reader reads device directories on large hosts.</li>
 *   <li>{@link #fixtureTarGz}: the same tree recorded by {@link FixtureCapture} as a
 *       {@code .tar.gz}, loaded and read (gunzip, tar, then the same reader).</li>
 *   <li>{@link #nativeReplay}: the native source on the shim's replay backend (one QCI, one
 *       TAPQ batch for every APQN, through JNA).</li>
 * </ul>
 * Each benchmark takes only the states it needs, so its fork builds only its own input.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SnapshotBenchmark {

    /** The generated host; the guest's mdev holds 16 x 85 of its queues. */
    @State(Scope.Benchmark)
    public static class Host {
        /** Adapters x domains. */
        @Param({"16x85", "64x256"})
        public String shape;

        SyntheticHost host;

        @Setup(Level.Trial)
        public void setup() {
            String[] ad = shape.split("x");
            host = SyntheticHost.target(Integer.parseInt(ad[0]), Integer.parseInt(ad[1]), 16, 85);
        }
    }

    /** The host as a sysfs tree in a temporary directory, and the list of its regular files. */
    @State(Scope.Benchmark)
    public static class Tree {
        Path dir;
        Path root;
        List<Path> files;
        /** The same files by directory, as {@link #readEveryFileTogether} asks for them. */
        List<String> dirs;
        List<DirectoryReader.Names> names;
        int queues;

        @Setup(Level.Trial)
        public void setup(Host h) {
            dir = SyntheticHost.tempRoot("ap4j-bench-" + h.shape + "-");
            root = dir.resolve("sys");
            h.host.writeSysfs(root);
            queues = h.host.queueCount();
            files = new ArrayList<>();
            try (Stream<Path> all = Files.walk(root)) {
                all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            java.util.Map<Path, List<String>> byDir = new java.util.TreeMap<>();
            for (Path f : files) {
                byDir.computeIfAbsent(f.getParent(), k -> new ArrayList<>())
                        .add(f.getFileName().toString());
            }
            dirs = new ArrayList<>();
            names = new ArrayList<>();
            byDir.forEach((d, list) -> {
                for (int i = 0; i < list.size(); i += DirectoryReader.MAX_NAMES) {
                    dirs.add(d.toString());
                    names.add(DirectoryReader.Names.of(
                            list.subList(i, Math.min(list.size(), i + DirectoryReader.MAX_NAMES))));
                }
            });
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            SyntheticHost.delete(dir);
        }
    }

    /** The tree recorded as a {@code .tar.gz} fixture by {@link FixtureCapture}. */
    @State(Scope.Benchmark)
    public static class Archive {
        Path dir;
        Path archive;
        int queues;

        @Setup(Level.Trial)
        public void setup(Tree t) {
            dir = SyntheticHost.tempRoot("ap4j-bench-fixture-");
            archive = dir.resolve("host.tar.gz");
            FixtureCapture.capture(DirectorySysfsTree.open(t.root), archive, Clock.systemUTC());
            queues = t.queues;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            SyntheticHost.delete(dir);
        }
    }

    /** The host's words loaded into the native shim's replay backend. */
    @State(Scope.Benchmark)
    public static class Replay {
        NativeReplay shim;
        int queues;

        @Setup(Level.Trial)
        public void setup(Host h) {
            shim = NativeAp.shim().replay(h.host.replayTable());
            queues = h.host.queueCount();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            shim.close();
        }
    }

    /**
     * The floor under {@link #sysfsDirectory} on this machine: every regular file of the tree
     * (paths listed at setup, no parsing, no link handling, no stat) opened, read with one
     * {@code read(2)} into a reused direct buffer and closed, the way the reader reads an
     * attribute, by as many threads as the reader uses (2 on two or more CPUs, taking the next
     * file from a shared counter). No reader that reads each attribute file can be faster.
     */
    @Benchmark
    public long readEveryFileOnce(Tree t) {
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        Runnable reader = () -> {
            ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024 + 1);
            long n = 0;
            for (int i = next.getAndIncrement(); i < t.files.size(); i = next.getAndIncrement()) {
                buf.clear();
                try (FileChannel ch = FileChannel.open(t.files.get(i), READ_NOFOLLOW)) {
                    n += Math.max(0, ch.read(buf));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            bytes.addAndGet(n);
        };
        onReaderThreads(threads, reader);
        return bytes.get();
    }

    /**
     * The lower floor, the way libap4j reads a device directory ({@code ap4j_read_dir},
     * docs/native.md): every regular file of the tree again, each directory's files with one
     * call (one listing, then per file an {@code openat} relative to the directory, a
     * {@code read} and a {@code close}; no stat), on as many threads as the reader, taking the
     * next directory from a shared counter. What a reader that reads every attribute file
     * through that call costs at least.
     */
    @Benchmark
    public long readEveryFileTogether(Tree t) {
        DirectoryReader r = DirectoryReader.get().orElseThrow(
                () -> new IllegalStateException("libap4j's directory reader is not available"));
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        Runnable reader = () -> {
            long n = 0;
            for (int i = next.getAndIncrement(); i < t.dirs.size(); i = next.getAndIncrement()) {
                DirectoryReader.Entries e = r.read(t.dirs.get(i), t.names.get(i), 64 * 1024)
                        .orElseThrow(() -> new IllegalStateException("cannot read a directory"));
                for (int k = 0; k < t.names.get(i).list().size(); k++) {
                    n += e.length(k);
                }
            }
            bytes.addAndGet(n);
        };
        onReaderThreads(threads, reader);
        return bytes.get();
    }

    /** Runs {@code reader} on {@code threads} threads, this one included, until all end. */
    private static void onReaderThreads(int threads, Runnable reader) {
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            Thread h = new Thread(reader, "floor-reader");
            h.start();
            helpers.add(h);
        }
        reader.run();
        for (Thread h : helpers) {
            try {
                h.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a floor reader ran", e);
            }
        }
    }

    private static final Set<OpenOption> READ_NOFOLLOW =
            Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    /** The sysfs reader on a directory tree: every attribute file, link and mdev. */
    @Benchmark
    public HostSnapshot sysfsDirectory(Tree t) {
        return new SysfsSnapshotReader(DirectorySysfsTree.open(t.root), SourceKind.SYSFS).read();
    }

    /** The sysfs reader as {@code check} and {@code plan} use it: only what the check reads. */
    @Benchmark
    public HostSnapshot sysfsDirectoryMigrationScope(Tree t) {
        return new SysfsSnapshotReader(DirectorySysfsTree.open(t.root), SourceKind.SYSFS,
                ReadScope.MIGRATION).read();
    }

    /** The same tree from a recorded {@code .tar.gz} fixture: load the archive, then read it. */
    @Benchmark
    public HostSnapshot fixtureTarGz(Archive a) {
        return new SysfsSnapshotReader(TarSysfsTree.load(a.archive), SourceKind.FIXTURE).read();
    }

    /** The native source on the replay backend: QCI, TAPQ of adapters x domains, decode. */
    @Benchmark
    public HostSnapshot nativeReplay(Replay r) {
        return NativeSnapshotReader.read(r.shim, "replay");
    }
}
