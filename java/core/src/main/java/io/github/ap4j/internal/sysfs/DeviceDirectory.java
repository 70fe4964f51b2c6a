// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import io.github.ap4j.natives.DirectoryReader;
import io.github.ap4j.natives.DirectoryReader.Entries;
import java.util.List;
import java.util.Optional;

/**
 * The entries of one device directory ({@code devices/ap/card05/05.0033}), as the snapshot
 * reader takes them: its attribute files and its {@code driver} link. Every answer is the one
 * the tree gives for {@code dir/name}, errors included. When the directory was read together
 * ({@link #together}: one native call for all its entries), the files and links that call
 * found are answered from it, and everything else (absent from the call's names, a directory,
 * a FIFO, a file over {@link SysfsTree#MAX_FILE_SIZE}, a failed call) is asked of the tree,
 * which looks carefully and reports it as always.
 */
final class DeviceDirectory {

    private final SysfsTree tree;
    private final String prefix;
    /** {@code tree.describe(dir) + "/"}: one concatenation per entry named in a message. */
    private final String describedPrefix;
    private final List<String> names;
    /** What the native call found, or {@code null}: every entry is asked of the tree. */
    private final Entries entries;

    private DeviceDirectory(SysfsTree tree, String dir, List<String> names, Entries entries) {
        this.tree = tree;
        this.prefix = dir + "/";
        this.describedPrefix = tree.describe(dir) + "/";
        this.names = names;
        this.entries = entries;
    }

    /** The directory {@code dir} (canonical, root-relative), each entry asked of the tree. */
    static DeviceDirectory oneByOne(SysfsTree tree, String dir) {
        return new DeviceDirectory(tree, dir, List.of(), null);
    }

    /**
     * The directory {@code dir} (canonical, root-relative), its entries {@code names} read
     * with one call of {@code reader} where the tree is a directory on disk; one by one
     * otherwise, or when the call cannot open the directory.
     */
    static DeviceDirectory together(SysfsTree tree, String dir, DirectoryReader reader,
            DirectoryReader.Names names) {
        DeviceDirectory d = opened(tree, dir, reader, names);
        return d != null ? d : oneByOne(tree, dir);
    }

    /**
     * As {@link #together}, but null instead of one by one when the call cannot open
     * {@code dir} as a directory (or the tree is not a directory on disk).
     */
    static DeviceDirectory opened(SysfsTree tree, String dir, DirectoryReader reader,
            DirectoryReader.Names names) {
        if (tree instanceof DirectorySysfsTree d) {
            Optional<Entries> e = d.readTogether(dir, reader, names);
            if (e.isPresent()) {
                return new DeviceDirectory(tree, dir, names.list(), e.get());
            }
        }
        return null;
    }

    /** {@return the root-relative path of entry {@code name}} */
    String path(String name) {
        return prefix + name;
    }

    /** {@return what {@link SysfsTree#describe} gives for entry {@code name}} */
    String describe(String name) {
        return describedPrefix + name;
    }

    /** {@return what {@link SysfsTree#read} gives for entry {@code name}} */
    Optional<String> read(String name) {
        int i = index(name);
        if (i >= 0) {
            switch (entries.kind(i)) {
                case ABSENT:
                    return Optional.empty();
                case FILE:
                    if (entries.length(i) <= SysfsTree.MAX_FILE_SIZE) {
                        return Optional.of(entries.text(i));
                    }
                    break; // too large: the tree says so
                default:
                    break; // a link (followed inside the root by the tree), or look again
            }
        }
        return tree.read(path(name));
    }

    /** {@return what {@link SysfsTree#linkTarget} gives for entry {@code name}} */
    Optional<String> linkTarget(String name) {
        int i = index(name);
        if (i >= 0) {
            switch (entries.kind(i)) {
                case ABSENT:
                    return Optional.empty();
                case LINK:
                    String p = path(name);
                    AbstractSysfsTree t = (AbstractSysfsTree) tree;
                    return Optional.of(t.lexicalTarget(p, p, entries.text(i)));
                default:
                    break; // not a link: the tree says what it is
            }
        }
        return tree.linkTarget(path(name));
    }

    /** The index of {@code name} in the call's names, or -1 (also when read one by one). */
    private int index(String name) {
        if (entries == null) {
            return -1;
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
