// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import io.github.ap4j.BadInputException;
import io.github.ap4j.UnavailableException;
import io.github.ap4j.snapshot.ConfigurationChangedException;
import io.github.ap4j.snapshot.SourceKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Records the AP part of a sysfs tree as a fixture: a directory or a {@code .tar.gz} (chosen
 * by the output's name) that {@link SysfsSnapshotReader} reads back to an equal snapshot
 * (provenance aside). Only readable text attributes the reader uses (plus a few informative
 * ones) and the {@code bus/ap/devices} and {@code driver} links are copied, byte for byte,
 * so a capture also preserves odd or malformed values for a bug report. Write-only and
 * action files ({@code assign_*}, {@code unassign_*}, {@code remove}, {@code uevent},
 * {@code rescan}, {@code reset}) are never opened. Nothing is ever written to the source
 * tree; the output is written beside its final name and moved into place.
 */
public final class FixtureCapture {

    /** Bus attributes recorded (docs/sysfs-formats.md). */
    static final List<String> BUS_FILES = List.of("ap_adapter_mask", "ap_usage_domain_mask",
            "ap_control_domain_mask", "apmask", "aqmask", "ap_domain", "ap_max_adapter_id",
            "ap_max_domain_id", "features", "scans", "ap_interrupts", "config_time",
            "poll_thread", "poll_timeout", "bindings");
    /** Card attributes recorded (docs/sysfs-formats.md and docs/kernel-rules.md). */
    static final List<String> CARD_FILES = List.of("type", "hwtype", "raw_hwtype",
            "ap_functions", "depth", "config", "chkstop", "online", "request_count",
            "requestq_count", "pendingq_count", "max_msg_size", "op_modes");
    /** Queue attributes recorded (docs/sysfs-formats.md). */
    static final List<String> QUEUE_FILES = List.of("ap_functions", "config", "chkstop",
            "online", "status", "request_count", "requestq_count", "pendingq_count", "se_bind",
            "se_associate", "mkvps", "op_modes", "interrupt");
    /** mdev attributes recorded (docs/sysfs-formats.md). */
    static final List<String> MDEV_FILES = List.of("matrix", "guest_matrix", "control_domains",
            "ap_config");
    /** Files never touched, whatever a future list says: they act when written. */
    static final Set<String> NEVER = Set.of("assign_adapter", "unassign_adapter",
            "assign_domain", "unassign_domain", "assign_control_domain",
            "unassign_control_domain", "remove", "uevent", "rescan", "reset");

    /**
     * What was written.
     *
     * @param out   the fixture written
     * @param files attribute files recorded
     * @param links symbolic links recorded
     */
    public record Result(Path out, int files, int links) {
    }

    private FixtureCapture() {
    }

    /** Whether a path names a {@code .tar.gz} (or {@code .tgz}) fixture rather than a directory. */
    public static boolean isArchiveName(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString();
        return n.endsWith(".tar.gz") || n.endsWith(".tgz");
    }

    /**
     * Captures {@code source} into {@code out} (a {@code .tar.gz}/{@code .tgz} name writes an
     * archive, anything else a directory). {@code out} must not exist yet, or be an empty
     * directory.
     */
    public static Result capture(SysfsTree source, Path out, Clock clock) {
        checkOutput(source, out);
        List<Tar.Entry> list = consistentEntries(source, clock);
        try {
            if (isArchiveName(out)) {
                writeArchive(list, out, clock.instant());
            } else {
                writeDirectory(list, out);
            }
        } catch (IOException e) {
            throw new UnavailableException(out + ": cannot write the fixture: " + e, e);
        }
        return result(out, list);
    }

    /**
     * Captures {@code source} as a {@code .tar.gz} written to {@code out} (stdout for
     * {@code capture --out -}); the stream is not closed.
     */
    public static Result captureArchive(SysfsTree source, OutputStream out, Clock clock) {
        List<Tar.Entry> list = consistentEntries(source, clock);
        try {
            Tar.writeGz(new java.io.FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // finish the archive, keep stdout open
                }
            }, list, clock.instant().getEpochSecond());
        } catch (IOException e) {
            throw new UnavailableException("stdout: cannot write the fixture: " + e, e);
        }
        return result(null, list);
    }

    private static Result result(Path out, List<Tar.Entry> list) {
        int files = (int) list.stream().filter(e -> e.type() == SysfsTree.Type.FILE).count();
        int links = (int) list.stream().filter(e -> e.type() == SysfsTree.Type.LINK).count();
        return new Result(out, files, links);
    }

    /** The fixture's entries, read again until the AP configuration held still. */
    private static List<Tar.Entry> consistentEntries(SysfsTree source, Clock clock) {
        SysfsSnapshotReader.requireApBus(source);
        TreeMap<String, Tar.Entry> entries = null;
        Optional<Long> before = SysfsSnapshotReader.scans(source);
        for (int attempt = 1; attempt <= SysfsSnapshotReader.MAX_ATTEMPTS; attempt++) {
            entries = collect(source, clock.instant());
            Optional<Long> after = SysfsSnapshotReader.scans(source);
            if (after.equals(before)) {
                break;
            }
            if (attempt == SysfsSnapshotReader.MAX_ATTEMPTS) {
                throw new ConfigurationChangedException(source.describe("bus/ap/scans")
                        + ": AP configuration changed while capturing (scans moved on each of "
                        + SysfsSnapshotReader.MAX_ATTEMPTS + " attempts); try again");
            }
            before = after;
        }
        return new ArrayList<>(entries.values());
    }

    private static void checkOutput(SysfsTree source, Path out) {
        Path abs = out.toAbsolutePath().normalize();
        if (source instanceof DirectorySysfsTree) {
            try {
                Path root = ((DirectorySysfsTree) source).root().toRealPath();
                Path parent = abs.getParent();
                Path realParent = parent != null && Files.exists(parent) ? parent.toRealPath() : abs;
                if (abs.startsWith(root) || realParent.startsWith(root)) {
                    throw new BadInputException(out.toString(),
                            "output lies inside the source tree " + root + ": ap4j never writes there");
                }
            } catch (IOException e) {
                throw new BadInputException(out.toString(), "cannot check the output path: " + e);
            }
        }
        if (Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            boolean emptyDir = false;
            if (Files.isDirectory(out) && !isArchiveName(out)) {
                try (Stream<Path> s = Files.list(out)) {
                    emptyDir = s.findAny().isEmpty();
                } catch (IOException e) {
                    emptyDir = false;
                }
            }
            if (!emptyDir) {
                throw new BadInputException(out.toString(), "already exists: not overwritten");
            }
        }
    }

    /** The fixture's members, keyed and ordered by path (parents before children). */
    static TreeMap<String, Tar.Entry> collect(SysfsTree src, Instant capturedAt) {
        TreeMap<String, Tar.Entry> m = new TreeMap<>();
        put(m, Tar.Entry.file(FixtureMarker.FILE_NAME, new FixtureMarker(capturedAt, src.origin())
                .toText().getBytes(StandardCharsets.ISO_8859_1)));
        copyFiles(src, m, SysfsSnapshotReader.BUS, BUS_FILES);
        List<String> deviceDirs = new SysfsSnapshotReader(src, SourceKind.FIXTURE).deviceDirs();
        if (src.lstat(SysfsSnapshotReader.BUS_DEVICES).isPresent()) {
            addDir(m, SysfsSnapshotReader.BUS_DEVICES);
            for (String name : src.list(SysfsSnapshotReader.BUS_DEVICES)) {
                String p = SysfsSnapshotReader.BUS_DEVICES + "/" + name;
                if (src.lstat(p).orElseThrow() == SysfsTree.Type.LINK) {
                    src.linkTarget(p); // checks it stays in the root
                    put(m, Tar.Entry.symlink(p, src.readLink(p).orElseThrow()));
                }
            }
        }
        for (String dir : deviceDirs) {
            addDir(m, dir);
            boolean card = dir.substring(dir.lastIndexOf('/') + 1).startsWith("card");
            copyFiles(src, m, dir, card ? CARD_FILES : QUEUE_FILES);
            String drv = dir + "/driver";
            if (src.lstat(drv).isPresent()) {
                String target = src.linkTarget(drv).orElseThrow();
                put(m, Tar.Entry.symlink(drv, src.readLink(drv).orElseThrow()));
                addDir(m, target); // so the link resolves in the fixture too
            }
        }
        String mx = SysfsSnapshotReader.MATRIX;
        if (src.stat(mx).isPresent()) {
            addDir(m, mx);
            copyFiles(src, m, mx, List.of("features"));
            for (String name : src.list(mx)) {
                String p = mx + "/" + name;
                if (name.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                        && src.stat(p).orElse(null) == SysfsTree.Type.DIR) {
                    addDir(m, p);
                    copyFiles(src, m, p, MDEV_FILES);
                }
            }
        }
        return m;
    }

    private static void copyFiles(SysfsTree src, TreeMap<String, Tar.Entry> m, String dir,
            List<String> names) {
        for (String n : names) {
            if (NEVER.contains(n)) {
                throw new IllegalStateException("refusing to read action file " + n);
            }
            String p = dir + "/" + n;
            Optional<byte[]> b = src.readBytes(p);
            if (b.isPresent()) {
                addDir(m, dir);
                put(m, Tar.Entry.file(p, b.get()));
            }
        }
    }

    private static void addDir(TreeMap<String, Tar.Entry> m, String dir) {
        List<String> parts = AbstractSysfsTree.components(dir);
        for (int i = 1; i <= parts.size(); i++) {
            String p = AbstractSysfsTree.join(parts.subList(0, i));
            m.putIfAbsent(p, Tar.Entry.dir(p));
        }
    }

    private static void put(TreeMap<String, Tar.Entry> m, Tar.Entry e) {
        int slash = e.path().lastIndexOf('/');
        if (slash > 0) {
            addDir(m, e.path().substring(0, slash));
        }
        m.put(e.path(), e);
    }

    private static void writeArchive(List<Tar.Entry> entries, Path out, Instant mtime)
            throws IOException {
        Path abs = out.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            Tar.writeGz(os, entries, mtime.getEpochSecond());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeDirectory(List<Tar.Entry> entries, Path out) throws IOException {
        Path abs = out.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        if (Files.exists(tmp)) {
            throw new BadInputException(tmp.toString(), "already exists: a capture in progress?");
        }
        try {
            Files.createDirectories(tmp);
            for (Tar.Entry e : entries) {
                Path p = tmp.resolve(e.path());
                switch (e.type()) {
                    case DIR:
                        Files.createDirectories(p);
                        break;
                    case LINK:
                        Files.createSymbolicLink(p, Path.of(e.link()));
                        break;
                    default:
                        Files.write(p, e.data());
                        break;
                }
            }
            if (Files.isDirectory(abs)) {
                Files.delete(abs); // the empty directory checkOutput allowed
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.delete(x);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: the temporary directory is named after the output
        }
    }
}
