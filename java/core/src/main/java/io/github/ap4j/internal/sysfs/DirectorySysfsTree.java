// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import io.github.ap4j.BadInputException;
import io.github.ap4j.natives.DirectoryReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A sysfs tree rooted at a directory: {@code /sys}, {@code $SYSFS_ROOT}, or a recorded fixture.
 * Every file system call uses {@link LinkOption#NOFOLLOW_LINKS}; links are resolved by
 * {@link AbstractSysfsTree} inside the root, so a link can never make ap4j read outside it.
 * Nothing here writes.
 */
public final class DirectorySysfsTree extends AbstractSysfsTree {

    /** How every attribute file is opened: read only, a link in the last component refused. */
    private static final Set<OpenOption> READ_NOFOLLOW =
            Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    /**
     * One buffer per reading thread, one byte larger than {@link #MAX_FILE_SIZE}: every file
     * is read with one {@code read(2)} into it (direct, so the JDK copies nothing on the way).
     */
    private static final ThreadLocal<ByteBuffer> BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(MAX_FILE_SIZE + 1));

    private final Path root;
    /**
     * What {@code root.resolve(canonical).toString()} starts with: the root's text and a
     * slash (none after {@code /}, nothing for the empty path), for the native calls' paths.
     */
    private final String rootPrefix;
    private final String origin;
    /** Whether the root is a sysfs mount: see {@link #opensWithoutLooking}. */
    private final boolean sysfs;

    private DirectorySysfsTree(Path root, String origin, boolean sysfs) {
        this.root = root;
        String r = root.toString();
        this.rootPrefix = r.isEmpty() || r.endsWith("/") ? r : r + "/";
        this.origin = origin;
        this.sysfs = sysfs;
    }

    /**
     * Opens the tree rooted at {@code root} (the root itself may be reached through a link).
     *
     * @throws BadInputException when {@code root} does not exist or is not a directory
     */
    public static DirectorySysfsTree open(Path root) {
        String origin = root.toString();
        if (!Files.exists(root)) {
            throw new BadInputException(origin, "no such directory");
        }
        if (!Files.isDirectory(root)) {
            throw new BadInputException(origin, "not a directory");
        }
        return new DirectorySysfsTree(root, origin, isSysfsMount(root));
    }

    /** Whether {@code root} is on a sysfs mount, as {@code /sys} is; false when unknown. */
    private static boolean isSysfsMount(Path root) {
        try {
            return "sysfs".equals(Files.getFileStore(root).type());
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * True on a sysfs mount (the live {@code /sys}): kernfs, which backs it, has no FIFOs,
     * sockets or device nodes (it makes only directories, attribute files and links, and
     * refuses mknod: {@code kernfs_dir_iops} in fs/kernfs/dir.c has none), so an attribute can
     * be opened without the {@code lstat} that guards every other tree, a quarter of a read's
     * system calls. A fixture or a copy of sysfs on another file system is looked at first.
     */
    @Override
    boolean opensWithoutLooking() {
        return sysfs;
    }

    @Override
    byte[] primReadUnchecked(String canonical) {
        try {
            return readOnce(canonical);
        } catch (NoSuchFileException e) {
            return NOTHING_THERE;
        } catch (IOException e) {
            return null; // ELOOP (a link), EISDIR, a failed read: the careful path says which
        }
    }

    /**
     * The entries {@code names} of the directory at canonical path {@code dir}, read with one
     * call of {@code reader} (see {@link DeviceDirectory}); empty when the call cannot open
     * the directory, and for a path outside ASCII ({@link #nativePath}).
     */
    Optional<DirectoryReader.Entries> readTogether(String dir, DirectoryReader reader,
            DirectoryReader.Names names) {
        String path = nativePath(dir);
        return path == null ? Optional.empty() : reader.read(path, names, MAX_FILE_SIZE);
    }

    /**
     * The entries of the directory at canonical path {@code dir} with each link's target, from
     * one call of {@code reader}; empty when it cannot be used (see {@link DirectoryReader#list}).
     */
    Optional<List<DirectoryReader.Listed>> listTogether(String dir, DirectoryReader reader) {
        String path = nativePath(dir);
        return path == null ? Optional.empty() : reader.list(path);
    }

    /**
     * The path of {@code dir} for a native call, or null when the call must not have it: when
     * its parent is not a directory already walked and found canonical (a device directory
     * reached through a link above it has a lexical path here, which the call's lexical link
     * targets would take for the real one), and when it is not ASCII (the call would need it
     * in the file system's own encoding, which only the JDK knows). The call opens the last
     * component itself with O_NOFOLLOW.
     */
    private String nativePath(String dir) {
        int slash = dir.lastIndexOf('/');
        if (slash <= 0 || !isKnownDirectory(dir.substring(0, slash))) {
            return null;
        }
        String path = rootPrefix + dir; // as at(dir).toString(), without parsing a Path
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) >= 0x80) {
                return null;
            }
        }
        return path;
    }

    public Path root() {
        return root;
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String describe(String path) {
        String o = origin.endsWith("/") ? origin : origin + "/";
        return path.isEmpty() ? origin : o + path;
    }

    private Path at(String canonical) {
        return root.resolve(canonical);
    }

    @Override
    Type primType(String canonical) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(at(canonical), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new BadInputException(describe(canonical), "cannot stat: " + e.getMessage(), e);
        }
        if (a.isSymbolicLink()) {
            return Type.LINK;
        }
        if (a.isDirectory()) {
            return Type.DIR;
        }
        return a.isRegularFile() ? Type.FILE : Type.OTHER;
    }

    @Override
    String primReadLink(String canonical) {
        try {
            return Files.readSymbolicLink(at(canonical)).toString();
        } catch (IOException e) {
            throw new BadInputException(describe(canonical), "cannot read link: " + e, e);
        }
    }

    @Override
    byte[] primRead(String canonical) {
        try {
            return readOnce(canonical);
        } catch (IOException e) {
            // A live attribute can fail to read, e.g. ap_functions gives EIO when TAPQ's
            // response code is above 0x05 (docs/kernel-rules.md).
            throw new BadInputException(describe(canonical), "read failed: " + e, e);
        }
    }

    /**
     * One open, one read(2), one close. sysfs reports st_size 4096 for every attribute, so the
     * size is only known by reading: one byte more than allowed is asked for, and a file that
     * fills that is too large. One read is the whole file: a regular file hands back everything
     * up to its end at once (no EOF read is needed after a short one), and a sysfs attribute is
     * one show() of at most a page, copied whole to a read of a page or more (fs/kernfs/file.c
     * kernfs_fop_read_iter, fs/seq_file.c seq_read_iter).
     */
    private byte[] readOnce(String canonical) throws IOException {
        ByteBuffer buf = BUFFER.get();
        buf.clear();
        try (FileChannel ch = FileChannel.open(at(canonical), READ_NOFOLLOW)) {
            ch.read(buf);
        }
        buf.flip();
        byte[] b = new byte[buf.remaining()];
        buf.get(b);
        return b;
    }

    @Override
    List<String> primList(String canonical) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(at(canonical))) {
            s.forEach(p -> out.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new BadInputException(describe(canonical), "cannot list: " + e, e);
        }
        return out;
    }
}
