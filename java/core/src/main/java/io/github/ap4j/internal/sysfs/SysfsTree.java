// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import java.util.List;
import java.util.Optional;

/**
 * A read-only view of a sysfs-like tree: a live {@code /sys}, a directory holding a recorded
 * fixture, or a fixture loaded from a {@code .tar.gz}. Paths are relative to the tree's root,
 * separated by {@code /} (for example {@code devices/ap/card05/05.0033/ap_functions}).
 *
 * <p>Symbolic links are resolved by the tree itself, component by component, and never lead
 * out of the root: a relative target is resolved inside the root, an absolute target or one
 * that climbs above the root is a {@link io.github.ap4j.BadInputException}, and so is a link
 * loop. This is how a fixture directory can hold the kernel's real relative links
 * ({@code bus/ap/devices/card05 -> ../../../devices/ap/card05}) and be read like {@code /sys}.
 *
 * <p>Missing paths are a normal result (empty {@link Optional}); a path that exists but cannot
 * be read as asked (a directory or FIFO where a file is expected, a file over
 * {@link #MAX_FILE_SIZE}) is a {@link io.github.ap4j.BadInputException} naming it.
 */
public interface SysfsTree {

    /** Largest attribute file read: sysfs shows at most a page, 64 KiB leaves ample room. */
    int MAX_FILE_SIZE = 64 * 1024;

    /** What a path is, without following a link in its last component. */
    enum Type { FILE, DIR, LINK, OTHER }

    /** Where the tree comes from (a directory or archive path), for messages and provenance. */
    String origin();

    /** The name to use in messages for a root-relative path (origin plus path). */
    String describe(String path);

    /** The type of {@code path}, links followed in all components but the last. */
    Optional<Type> lstat(String path);

    /** The type of {@code path} with every link followed; never {@link Type#LINK}. */
    Optional<Type> stat(String path);

    /** The bytes of a regular file (links followed), or empty when the path does not exist. */
    Optional<byte[]> readBytes(String path);

    /** A file's text (ISO-8859-1, so every byte maps to one char), or empty when missing. */
    default Optional<String> read(String path) {
        return readBytes(path).map(b -> new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** Names in a directory (links followed), sorted; empty when the path does not exist. */
    List<String> list(String path);

    /** The raw target text of the link at {@code path}, or empty when there is no such path. */
    Optional<String> readLink(String path);

    /**
     * The root-relative path a link points to, computed lexically (the target need not
     * exist), or empty when there is no such path. Fails when the target leaves the root.
     */
    Optional<String> linkTarget(String path);

    /**
     * {@link #linkTarget} of {@code path} when it is a link, {@code path} itself when it is
     * anything else, empty when there is no such path: what {@link #lstat} and then
     * {@link #linkTarget} say, which a tree may find with one lookup instead of two.
     */
    default Optional<String> linkTargetOrSelf(String path) {
        Optional<Type> t = lstat(path);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        return t.get() == Type.LINK ? linkTarget(path) : Optional.of(path);
    }
}
