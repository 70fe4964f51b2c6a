// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal;

import io.github.ap4j.BadInputException;
import io.github.ap4j.UnavailableException;
import io.github.ap4j.libvirt.DomainXml;
import io.github.ap4j.internal.io.BoundedInput;
import io.github.ap4j.internal.io.InputLimit;
import io.github.ap4j.internal.lszcrypt.LszcryptImport;
import io.github.ap4j.internal.sysfs.DirectorySysfsTree;
import io.github.ap4j.internal.sysfs.FixtureCapture;
import io.github.ap4j.internal.sysfs.FixtureMarker;
import io.github.ap4j.internal.sysfs.SysfsSnapshotReader;
import io.github.ap4j.internal.sysfs.SysfsTree;
import io.github.ap4j.internal.sysfs.TarSysfsTree;
import io.github.ap4j.natives.NativeAp;
import io.github.ap4j.natives.NativeReplay;
import io.github.ap4j.natives.ReplayTable;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.HostSnapshots;
import io.github.ap4j.snapshot.ReadScope;
import io.github.ap4j.snapshot.SourceKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The spec parser behind {@link HostSnapshots#open(String)}: turns the source a user names into
 * a snapshot.
 *
 * <ul>
 *   <li>a directory: a sysfs tree, {@link SourceKind#FIXTURE} when it holds the
 *       {@value FixtureMarker#FILE_NAME} marker a capture writes, else {@link SourceKind#SYSFS};
 *   <li>a {@code .tar.gz} or {@code .tgz} file: a fixture archive;
 *   <li>a file whose first non-blank character is {@code <}: a libvirt domain XML holding
 *       ap4j's guest descriptor, or the bare descriptor ({@code ap4j describe}): the source
 *       side of one guest ({@link SourceKind#DESCRIPTOR});
 *   <li>any other file: {@code lszcrypt} text;
 *   <li>prefixes force the kind: {@code sysfs:DIR}, {@code fixture:DIR|ARCHIVE},
 *       {@code lszcrypt:FILE}; {@code sysfs:} alone is the live root;
 *   <li>{@code native}: PQAP(QCI) and PQAP(TAPQ) on this machine through the shim (an
 *       {@link UnavailableException} where PQAP is not usable, that is everywhere but a
 *       privileged context);
 *   <li>{@code replay:FILE}: the same native path answered by the shim's replay backend from a
 *       recorded table.
 * </ul>
 * The live root is {@code $SYSFS_ROOT} or {@code /sys}; a live root without an AP bus is an
 * {@link UnavailableException} (not IBM Z, or no {@code ap} module), while a named directory
 * without one is bad input.
 *
 * <p>Sysfs trees and fixtures are read in the {@link ReadScope} asked for
 * ({@link ReadScope#FULL} unless said otherwise); the other sources have no per-file cost and
 * ignore it.
 */
public final class SnapshotSources {

    public static final String SYSFS = "sysfs:";
    public static final String FIXTURE = "fixture:";
    public static final String LSZCRYPT = "lszcrypt:";
    public static final String NATIVE = "native";
    public static final String REPLAY = "replay:";


    private SnapshotSources() {
    }

    /** Opens {@code spec} with the process environment, reading everything. */
    public static HostSnapshot open(String spec) {
        return open(spec, System.getenv());
    }

    /** Opens {@code spec} with the process environment, reading what {@code scope} covers. */
    public static HostSnapshot open(String spec, ReadScope scope) {
        return open(spec, System.getenv(), scope);
    }

    /** Opens {@code spec}, reading everything. */
    public static HostSnapshot open(String spec, Map<String, String> env) {
        return open(spec, env, ReadScope.FULL);
    }

    public static HostSnapshot open(String spec, Map<String, String> env,
            ReadScope scope) {
        return open(spec, env, scope, r -> r);
    }

    /**
     * Opens {@code spec}; a sysfs tree or fixture is read by {@code narrow} applied to its
     * reader ({@link SysfsSnapshotReader#only}, {@link SysfsSnapshotReader#onlyGuestOf}); the
     * other sources are read whole, having no per-file cost.
     */
    public static HostSnapshot open(String spec, Map<String, String> env, ReadScope scope,
            UnaryOperator<SysfsSnapshotReader> narrow) {
        if (spec.equals(NATIVE)) {
            return nativeHost();
        }
        if (spec.startsWith(REPLAY)) {
            return replay(Path.of(spec.substring(REPLAY.length())));
        }
        if (spec.startsWith(LSZCRYPT)) {
            return lszcrypt(Path.of(spec.substring(LSZCRYPT.length())));
        }
        if (spec.equals(SYSFS)) {
            return narrow.apply(new SysfsSnapshotReader(liveTree(env), SourceKind.SYSFS, scope)).read();
        }
        if (spec.startsWith(SYSFS)) {
            Path root = Path.of(spec.substring(SYSFS.length()));
            SysfsTree t = isLiveRoot(root) ? liveTree(env) : DirectorySysfsTree.open(root);
            return narrow.apply(new SysfsSnapshotReader(t, SourceKind.SYSFS, scope)).read();
        }
        if (spec.startsWith(FIXTURE)) {
            return narrow.apply(new SysfsSnapshotReader(tree(Path.of(spec.substring(FIXTURE.length()))),
                    SourceKind.FIXTURE, scope)).read();
        }
        Path p = Path.of(spec);
        if (isLiveRoot(p)) {
            return narrow.apply(new SysfsSnapshotReader(liveTree(env), SourceKind.SYSFS, scope)).read();
        }
        if (Files.isDirectory(p)) {
            DirectorySysfsTree t = DirectorySysfsTree.open(p);
            boolean fixture = Files.exists(p.resolve(FixtureMarker.FILE_NAME));
            return narrow.apply(new SysfsSnapshotReader(t, fixture ? SourceKind.FIXTURE : SourceKind.SYSFS, scope)).read();
        }
        if (FixtureCapture.isArchiveName(p)) {
            return narrow.apply(new SysfsSnapshotReader(TarSysfsTree.load(p), SourceKind.FIXTURE, scope)).read();
        }
        if (Files.exists(p)) {
            // An XML file is a domain XML or guest descriptor; any other file is lszcrypt text.
            // A FIFO, device or socket is refused by its type in BoundedInput, before reading.
            return looksLikeXml(p) ? descriptor(BoundedInput.readFile(p, InputLimit.DOMAIN_XML), spec)
                    : lszcrypt(p);
        }
        throw new BadInputException(spec, "no such file or directory");
    }

    /**
     * A source given as bytes (stdin, {@code -}), told apart by content: gzip magic
     * {@code 1f 8b} is a fixture archive, a first non-blank {@code <} a libvirt domain XML or
     * guest descriptor, anything else {@code lszcrypt} text.
     */
    public static HostSnapshot open(byte[] data, String origin, ReadScope scope) {
        if (data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
            return new SysfsSnapshotReader(TarSysfsTree.load(new java.io.ByteArrayInputStream(data),
                    origin), SourceKind.FIXTURE, scope).read();
        }
        if (DomainXml.looksLikeXml(data)) {
            return descriptor(data, origin);
        }
        return LszcryptImport.parse(new String(data, StandardCharsets.UTF_8), origin);
    }

    /** The source side that a domain XML's (or a bare) ap4j guest descriptor describes. */
    static HostSnapshot descriptor(byte[] xml, String origin) {
        DomainXml d = DomainXml.parse(xml, origin);
        return d.descriptor().orElseThrow(() -> new BadInputException(origin, "this domain XML "
                + "holds no ap4j guest descriptor in <metadata>; store one with the command "
                + "'ap4j describe' prints on the source host")).toSnapshot(origin);
    }

    private static boolean looksLikeXml(Path p) {
        try (java.io.InputStream in = BoundedInput.openFile(p, InputLimit.LSZCRYPT)) {
            return DomainXml.looksLikeXml(in.readNBytes(64));
        } catch (IOException e) {
            throw new BadInputException(p.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * True for {@code /sys} itself: like s390-tools' {@code util_path}, ap4j reads the live
     * sysfs under {@code $SYSFS_ROOT} when it is set, so {@code /sys}, {@code sysfs:/sys} and
     * {@code sysfs:} name the same tree (and a host without an AP bus is "unavailable" for all
     * three, not bad input for some).
     */
    public static boolean isLiveRoot(Path p) {
        return p.isAbsolute() && p.normalize().equals(Path.of("/sys"));
    }

    /** The live snapshot: {@code $SYSFS_ROOT} or {@code /sys}. */
    public static HostSnapshot live(Map<String, String> env) {
        return new SysfsSnapshotReader(liveTree(env), SourceKind.SYSFS).read();
    }

    /** The live tree, checked to have an AP bus. */
    public static SysfsTree liveTree(Map<String, String> env) {
        Path root = SysfsSnapshotReader.defaultRoot(env);
        if (!Files.isDirectory(root.resolve("bus/ap"))) {
            throw new UnavailableException(root.resolve("bus/ap") + ": no AP bus on this host "
                    + "(not IBM Z, or the ap module is not loaded); name a fixture instead");
        }
        return DirectorySysfsTree.open(root);
    }

    /**
     * The tree a sysfs or fixture spec names, for capture: {@code sysfs:DIR}, {@code fixture:X},
     * a directory or an archive; {@code sysfs:} alone is the live tree.
     */
    public static SysfsTree tree(String spec, Map<String, String> env) {
        String path = spec.startsWith(SYSFS) ? spec.substring(SYSFS.length()) : spec;
        if (spec.equals(SYSFS) || isLiveRoot(Path.of(path))) {
            return liveTree(env);
        }
        if (spec.startsWith(SYSFS)) {
            return tree(Path.of(spec.substring(SYSFS.length())));
        }
        if (spec.startsWith(FIXTURE)) {
            return tree(Path.of(spec.substring(FIXTURE.length())));
        }
        return tree(Path.of(spec));
    }

    /** A sysfs or fixture directory, or a fixture archive. */
    public static SysfsTree tree(Path p) {
        if (Files.isDirectory(p)) {
            return DirectorySysfsTree.open(p);
        }
        if (FixtureCapture.isArchiveName(p)) {
            return TarSysfsTree.load(p);
        }
        if (!Files.exists(p)) {
            throw new BadInputException(p.toString(), "no such file or directory");
        }
        throw new BadInputException(p.toString(), "not a sysfs directory or a .tar.gz/.tgz fixture");
    }

    /** PQAP(QCI) and PQAP(TAPQ) on this machine. */
    public static HostSnapshot nativeHost() {
        NativeAp.ensureAvailable();
        return NativeSnapshotReader.read(NativeAp.shim(), "native PQAP");
    }

    /**
     * The native source on a recorded table: parsed by the C shim's replay parser (errors name
     * the line), then answered by the shim from this call's own copy of the table, so
     * concurrent replays of different tables never see each other's answers.
     */
    public static HostSnapshot replay(Path file) {
        ReplayTable table = ReplayTable.read(file);
        try (NativeReplay replay = NativeAp.shim().replay(table)) {
            return NativeSnapshotReader.read(replay, REPLAY + file);
        }
    }

    /** lszcrypt text, parsed by {@link LszcryptImport#parse(String, String)}. */
    public static HostSnapshot lszcrypt(Path file) {
        String text = BoundedInput.readText(file, InputLimit.LSZCRYPT, StandardCharsets.UTF_8);
        return LszcryptImport.parse(text, file.toString());
    }
}
