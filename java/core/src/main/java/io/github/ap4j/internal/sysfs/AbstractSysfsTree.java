// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import static io.github.ap4j.BadInputException.quote;

import io.github.ap4j.BadInputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Link resolution shared by the directory and archive trees. Subclasses provide primitives on
 * canonical paths (no link in any component, no {@code .} or {@code ..}); this class walks a
 * path component by component like the kernel's path walk, but keeps every step inside the
 * root and counts links (Linux gives up after 40: {@code ELOOP}).
 */
abstract class AbstractSysfsTree implements SysfsTree {

    /** {@code MAXSYMLINKS} in {@code include/linux/namei.h}. */
    static final int MAX_LINKS = 40;

    /**
     * Canonical paths already walked and found to be real directories (no link anywhere in
     * them). A path whose parent is one of these needs only its last component looked at, so
     * reading the 12 attributes of {@code devices/ap/card05/05.0033} costs one {@code lstat}
     * each instead of one per component (5). Entries only ever name directories that existed;
     * if one vanishes, its files are simply missing, as a fresh walk would also find.
     */
    private final Set<String> knownDirs = ConcurrentHashMap.newKeySet();

    /**
     * Forgets what was learnt about directories, so the next walk sees the tree as it is now.
     * The snapshot reader calls this at the start of every pass over the tree.
     */
    final void forgetDirectories() {
        knownDirs.clear();
    }

    /**
     * Whether {@code path} was walked and found to be a real directory with no link anywhere
     * in it, since the last {@link #forgetDirectories}: then it is canonical, and a path in it
     * reaches the file system's entry of that name without following any link.
     */
    final boolean isKnownDirectory(String path) {
        return knownDirs.contains(path);
    }

    /** Type of a canonical path, or {@code null} when it does not exist. */
    abstract Type primType(String canonical);

    /** Target text of the link at a canonical path. */
    abstract String primReadLink(String canonical);

    /** Contents of the regular file at a canonical path (at most MAX_FILE_SIZE + 1 bytes). */
    abstract byte[] primRead(String canonical);

    /** Names in the directory at a canonical path. */
    abstract List<String> primList(String canonical);

    /**
     * Whether {@link #primReadUnchecked} may open a file without looking at its type first: only
     * in a tree where no FIFO, socket or device node can exist, so that an open can neither
     * block nor reach a device. False unless a subclass knows better.
     */
    boolean opensWithoutLooking() {
        return false;
    }

    /**
     * What {@link #primReadUnchecked} returns when nothing is at the path; compared by identity,
     * so an empty file (its own empty array) is never taken for it.
     */
    static final byte[] NOTHING_THERE = new byte[0];

    /**
     * The contents of the file at a canonical path, opened without an {@code lstat} first
     * (called only when {@link #opensWithoutLooking}): {@link #NOTHING_THERE} when nothing is
     * there, or {@code null} when the careful way must decide (a link, a directory, a failed
     * read; it looks, and reads again or reports what it finds, as for any other tree).
     */
    byte[] primReadUnchecked(String canonical) {
        return null;
    }

    static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("/")) {
            if (!c.isEmpty() && !c.equals(".")) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether {@code path} from {@code from} on is one plain component (not empty, . or ..). */
    private static boolean isPlainName(String path, int from) {
        int n = path.length() - from;
        return n > 0 && !(n == 1 && path.charAt(from) == '.')
                && !(n == 2 && path.charAt(from) == '.' && path.charAt(from + 1) == '.');
    }

    static String join(List<String> parts) {
        return String.join("/", parts);
    }

    /** A resolved path: its canonical form and the type found there (never LINK if followed). */
    record Resolved(String path, Type type) {
    }

    /**
     * The canonical form of {@code path}, or {@code null} when some component does not exist
     * (or is not a directory where one is needed).
     */
    final String canonical(String path, boolean followLast) {
        Resolved r = resolve(path, followLast);
        return r == null ? null : r.path();
    }

    /**
     * {@link #canonical} plus the type of what it names, from the same walk: callers need not
     * {@code lstat} the path a second time.
     */
    final Resolved resolve(String path, boolean followLast) {
        if (path.startsWith("/")) {
            throw new IllegalArgumentException("tree paths are relative to the root: " + path);
        }
        int slash = path.lastIndexOf('/');
        String parent = slash > 0 ? path.substring(0, slash) : null;
        if (parent != null && knownDirs.contains(parent) && isPlainName(path, slash + 1)) {
            Type t = primType(path);
            if (t == null) {
                return null;
            }
            if (t != Type.LINK || !followLast) {
                if (t == Type.DIR) {
                    knownDirs.add(path);
                }
                return new Resolved(path, t);
            }
            // A link to follow: the full walk below resolves it inside the root.
        }
        Deque<String> todo = new ArrayDeque<>(components(path));
        List<String> done = new ArrayList<>();
        String viaLink = null;
        int links = 0;
        Type last = Type.DIR; // the root
        while (!todo.isEmpty()) {
            String c = todo.removeFirst();
            if (c.equals("..")) {
                if (done.isEmpty()) {
                    if (viaLink == null) {
                        throw new IllegalArgumentException("path leaves the root: " + path);
                    }
                    throw new BadInputException(describe(viaLink), "symlink leads out of the root: "
                            + quote(primReadLink(viaLink)));
                }
                done.remove(done.size() - 1);
                last = null; // a directory we walked through: looked up again below
                continue;
            }
            done.add(c);
            String cur = join(done);
            Type t = primType(cur);
            last = t;
            if (t == null) {
                return null;
            }
            if (t == Type.LINK && (followLast || !todo.isEmpty())) {
                if (++links > MAX_LINKS) {
                    throw new BadInputException(describe(path),
                            "too many levels of symbolic links (a loop?) at " + quote(cur));
                }
                String target = primReadLink(cur);
                if (target.startsWith("/")) {
                    throw new BadInputException(describe(cur),
                            "symlink leads out of the root (absolute target): " + quote(target));
                }
                viaLink = cur;
                done.remove(done.size() - 1);
                List<String> tc = components(target);
                for (int i = tc.size() - 1; i >= 0; i--) {
                    todo.addFirst(tc.get(i));
                }
            } else if (t == Type.DIR) {
                knownDirs.add(cur);
            } else if (!todo.isEmpty()) {
                return null; // ENOTDIR: treated as absent, like a missing attribute
            }
        }
        String c = join(done);
        if (last == null || last == Type.LINK && followLast) {
            last = c.isEmpty() ? Type.DIR : primType(c);
        }
        return new Resolved(c, last);
    }

    @Override
    public Optional<Type> lstat(String path) {
        Resolved r = resolve(path, false);
        return r == null ? Optional.empty() : Optional.of(r.type());
    }

    @Override
    public Optional<Type> stat(String path) {
        Resolved r = resolve(path, true);
        return r == null ? Optional.empty() : Optional.of(r.type());
    }

    @Override
    public Optional<byte[]> readBytes(String path) {
        if (opensWithoutLooking()) {
            // An attribute of a directory already walked (no link above it): one open, no lstat.
            int slash = path.lastIndexOf('/');
            if (slash > 0 && isPlainName(path, slash + 1)
                    && knownDirs.contains(path.substring(0, slash))) {
                byte[] b = primReadUnchecked(path);
                if (b == NOTHING_THERE) {
                    return Optional.empty();
                }
                if (b != null) {
                    return Optional.of(withinLimit(path, b));
                }
            }
        }
        Resolved r = resolve(path, true);
        if (r == null) {
            return Optional.empty();
        }
        String c = r.path();
        Type t = r.type();
        if (t != Type.FILE) {
            throw new BadInputException(describe(path), "not a regular file (" + what(t)
                    + " where an attribute file is expected)");
        }
        return Optional.of(withinLimit(path, primRead(c)));
    }

    /** {@code b}, read from {@code path}, unless it is larger than an attribute can be. */
    private byte[] withinLimit(String path, byte[] b) {
        if (b.length > MAX_FILE_SIZE) {
            throw new BadInputException(describe(path),
                    "larger than " + (MAX_FILE_SIZE / 1024) + " KiB: not a sysfs attribute");
        }
        return b;
    }

    @Override
    public List<String> list(String path) {
        Resolved r = resolve(path, true);
        if (r == null) {
            return List.of();
        }
        String c = r.path();
        Type t = r.type();
        if (t != Type.DIR) {
            throw new BadInputException(describe(path), "not a directory (" + what(t) + ")");
        }
        List<String> names = new ArrayList<>(primList(c));
        names.sort(null);
        return names;
    }

    @Override
    public Optional<String> readLink(String path) {
        Resolved r = resolve(path, false);
        if (r == null) {
            return Optional.empty();
        }
        String c = r.path();
        Type t = r.type();
        if (t != Type.LINK) {
            throw new BadInputException(describe(path), "not a symbolic link (" + what(t) + ")");
        }
        return Optional.of(primReadLink(c));
    }

    @Override
    public Optional<String> linkTarget(String path) {
        Resolved r = resolve(path, false);
        if (r == null) {
            return Optional.empty();
        }
        if (r.type() != Type.LINK) {
            throw new BadInputException(describe(path), "not a symbolic link (" + what(r.type()) + ")");
        }
        return Optional.of(lexicalTarget(path, r.path()));
    }

    /** One lookup of {@code path} (its walk), not the two of the interface's default. */
    @Override
    public Optional<String> linkTargetOrSelf(String path) {
        Resolved r = resolve(path, false);
        if (r == null) {
            return Optional.empty();
        }
        return Optional.of(r.type() == Type.LINK ? lexicalTarget(path, r.path()) : path);
    }

    /** The root-relative path the link {@code path} (canonical form {@code c}) points to. */
    private String lexicalTarget(String path, String c) {
        return lexicalTarget(path, c, primReadLink(c));
    }

    /**
     * The root-relative path a link points to, from its target text already read: the link
     * {@code path}, canonical form {@code c}, holds {@code target}. The components of
     * {@code c} but its last, then those of {@code target} on top (as {@link #components}
     * splits them), where {@code ..} takes the last one off and may not climb above the root.
     * Built in one buffer: a large host has two of these per queue (its bus link and its
     * driver link).
     */
    final String lexicalTarget(String path, String c, String target) {
        if (target.startsWith("/")) {
            throw new BadInputException(describe(path),
                    "symlink leads out of the root (absolute target): " + quote(target));
        }
        StringBuilder out = new StringBuilder(c.length() + target.length());
        for (int i = 0; i <= c.length(); ) {
            int j = componentEnd(c, i);
            if (!isEmptyOrDot(c, i, j)) {
                push(out, c, i, j); // ".." here is a name: c is canonical
            }
            i = j + 1;
        }
        pop(out); // the link itself
        for (int i = 0; i <= target.length(); ) {
            int j = componentEnd(target, i);
            if (j - i == 2 && target.charAt(i) == '.' && target.charAt(i + 1) == '.') {
                if (out.length() == 0) {
                    throw new BadInputException(describe(path),
                            "symlink leads out of the root: " + quote(target));
                }
                pop(out);
            } else if (!isEmptyOrDot(target, i, j)) {
                push(out, target, i, j);
            }
            i = j + 1;
        }
        return out.toString();
    }

    /** Where the component of {@code s} that starts at {@code from} ends (a '/' or the end). */
    private static int componentEnd(String s, int from) {
        int j = s.indexOf('/', from);
        return j < 0 ? s.length() : j;
    }

    private static boolean isEmptyOrDot(String s, int from, int to) {
        return to == from || to - from == 1 && s.charAt(from) == '.';
    }

    /** Appends component {@code s[from, to)} to the path in {@code out}. */
    private static void push(StringBuilder out, String s, int from, int to) {
        if (out.length() > 0) {
            out.append('/');
        }
        out.append(s, from, to);
    }

    /** Takes the last component off the path in {@code out} (nothing when it is empty). */
    private static void pop(StringBuilder out) {
        out.setLength(Math.max(out.lastIndexOf("/"), 0));
    }

    private static String what(Type t) {
        switch (t) {
            case DIR: return "a directory";
            case LINK: return "a symbolic link";
            case OTHER: return "a FIFO, socket or device";
            default: return "a regular file";
        }
    }
}
