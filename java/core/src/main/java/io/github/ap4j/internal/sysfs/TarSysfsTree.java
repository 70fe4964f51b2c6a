// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import static io.github.ap4j.BadInputException.quote;

import io.github.ap4j.BadInputException;
import io.github.ap4j.internal.io.BoundedInput;
import io.github.ap4j.internal.io.InputLimit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A sysfs tree held in memory, loaded from a {@code .tar.gz} fixture (see {@link Tar}). Links
 * stay links and are resolved inside the archive like in {@link DirectorySysfsTree}. An
 * archive whose members all sit under one top-level directory (as {@code tar czf x.tgz dir/}
 * makes) is rooted at that directory.
 */
public final class TarSysfsTree extends AbstractSysfsTree {

    private record Node(Type type, byte[] data, String link) {
    }

    private final String origin;
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, TreeSet<String>> children = new HashMap<>();

    private TarSysfsTree(String origin, List<Tar.Entry> entries) {
        this.origin = origin;
        children.put("", new TreeSet<>());
        for (Tar.Entry e : entries) {
            if (e.path().isEmpty()) {
                continue;
            }
            addParents(e.path());
            Node n = new Node(e.type(), e.data(), e.link());
            Node old = nodes.put(e.path(), n);
            if (old != null && old.type() == Type.DIR && n.type() != Type.DIR) {
                throw new BadInputException(origin, "member " + quote(e.path())
                        + " is both a directory and " + n.type().name().toLowerCase());
            }
            if (n.type() == Type.DIR) {
                children.computeIfAbsent(e.path(), k -> new TreeSet<>());
            }
        }
    }

    private void addParents(String path) {
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "" : path.substring(0, slash);
        children.computeIfAbsent(parent, k -> new TreeSet<>()).add(path.substring(slash + 1));
        if (!parent.isEmpty() && !nodes.containsKey(parent)) {
            nodes.put(parent, new Node(Type.DIR, null, null));
            addParents(parent);
        }
    }

    /** Loads a {@code .tar.gz} file; every failure is a {@link BadInputException}. */
    public static TarSysfsTree load(Path archive) {
        String origin = archive.toString();
        try (InputStream in = BoundedInput.openFile(archive, InputLimit.FIXTURE_ARCHIVE)) {
            return of(origin, Tar.readGz(in, origin));
        } catch (IOException e) {
            throw new BadInputException(origin, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a {@code .tar.gz} stream; {@code origin} names it in messages. */
    public static TarSysfsTree load(InputStream in, String origin) {
        return of(origin, Tar.readGz(in, origin));
    }

    private static TarSysfsTree of(String origin, List<Tar.Entry> entries) {
        TarSysfsTree t = new TarSysfsTree(origin, entries);
        TreeSet<String> top = t.children.get("");
        if (top.size() == 1 && !top.first().equals("bus") && !top.first().equals("devices")
                && t.primType(top.first()) == Type.DIR) {
            String prefix = top.first() + "/";
            List<Tar.Entry> inner = entries.stream()
                    .filter(e -> e.path().startsWith(prefix))
                    .map(e -> new Tar.Entry(e.path().substring(prefix.length()), e.type(),
                            e.data(), e.link()))
                    .toList();
            return new TarSysfsTree(origin, inner);
        }
        return t;
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String describe(String path) {
        return path.isEmpty() ? origin : origin + ":" + path;
    }

    @Override
    Type primType(String canonical) {
        Node n = nodes.get(canonical);
        return n == null ? null : n.type();
    }

    @Override
    String primReadLink(String canonical) {
        return nodes.get(canonical).link();
    }

    @Override
    byte[] primRead(String canonical) {
        return nodes.get(canonical).data().clone();
    }

    @Override
    List<String> primList(String canonical) {
        TreeSet<String> c = children.get(canonical);
        return c == null ? List.of() : List.copyOf(c);
    }
}
