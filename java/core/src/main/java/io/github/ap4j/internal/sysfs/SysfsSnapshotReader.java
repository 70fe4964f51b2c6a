// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.natives.DirectoryReader;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.ConfigurationChangedException;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import io.github.ap4j.snapshot.Provenance;
import io.github.ap4j.snapshot.ReadScope;
import io.github.ap4j.snapshot.SourceKind;
import io.github.ap4j.snapshot.VfioApMatrix;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads a {@link HostSnapshot} from a sysfs tree: the live {@code /sys} (or
 * {@code $SYSFS_ROOT}, as s390-tools honour it) and recorded fixtures alike, since a fixture
 * is the same layout under another root.
 *
 * <p>Layout read (the kernel's, docs/sysfs-formats.md): {@code bus/ap/*} bus attributes;
 * {@code bus/ap/devices/cardXX} and {@code bus/ap/devices/XX.YYYY}, links to
 * {@code devices/ap/cardXX} and {@code devices/ap/cardXX/XX.YYYY} (when {@code bus/ap/devices}
 * is absent, {@code devices/ap} is walked instead); each device's {@code driver} link, whose
 * last component is the driver's name ({@code cex4card}, {@code cex4queue}, {@code vfio_ap},
 * or anything else, kept as text); {@code devices/vfio_ap/matrix/features} and each
 * {@code devices/vfio_ap/matrix/<uuid>/}.
 *
 * <p>A missing attribute file is {@link Absence#MISSING}; what the kernel prints for "no
 * value" is {@link Absence#NOT_SUPPORTED}; malformed text is a {@link BadInputException}
 * naming the file ({@link SysfsFormats} holds the parsers).
 *
 * <p>Consistency: {@code bus/ap/scans} counts the bus's configuration scans; it is read before
 * and after; if it moved, the whole tree is read again, up to {@value #MAX_ATTEMPTS} times,
 * then a {@link ConfigurationChangedException} is thrown. A tree without {@code scans} (older
 * kernels, hand-made fixtures) is read once.
 *
 * <p>Scope: {@link ReadScope#FULL} reads every attribute above; {@link ReadScope#MIGRATION}
 * reads only what the migration check and planner use, about a third of the files of a queue.
 */
public final class SysfsSnapshotReader {

    /** Environment variable naming another sysfs root, as in s390-tools' {@code util_path}. */
    public static final String ENV_SYSFS_ROOT = "SYSFS_ROOT";
    public static final Path DEFAULT_ROOT = Path.of("/sys");
    public static final int MAX_ATTEMPTS = 3;

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static final String BUS = "bus/ap";
    static final String BUS_DEVICES = "bus/ap/devices";
    static final String DEVICES = "devices/ap";
    static final String MATRIX = "devices/vfio_ap/matrix";

    /**
     * Threads reading device directories at once (the caller included): 2 at most, since the
     * gain is per core and ap4j runs beside other work; 1 on a single CPU (no helper thread).
     */
    static final int READERS = Math.min(2, Runtime.getRuntime().availableProcessors());

    /** Below this many devices a second reader costs more to start than it saves. */
    static final int PARALLEL_MIN = 64;

    /** Below this many devices, loading the native directory reader costs more than it saves. */
    public static final int TOGETHER_MIN = 256;


    private final SysfsTree tree;
    private final SourceKind kind;
    private final Clock clock;
    private final ReadScope scope;
    /** The devices to read (see {@link #only}); {@code null}: every device of the host. */
    private final Devices devices;
    /** From how many devices on the native reader reads them ({@link #togetherFor}). */
    private final int togetherMin;

    /** A reader of everything ({@link ReadScope#FULL}). */
    public SysfsSnapshotReader(SysfsTree tree, SourceKind kind) {
        this(tree, kind, Clock.systemUTC(), ReadScope.FULL);
    }

    public SysfsSnapshotReader(SysfsTree tree, SourceKind kind, ReadScope scope) {
        this(tree, kind, Clock.systemUTC(), scope);
    }

    /** A reader of everything ({@link ReadScope#FULL}). */
    public SysfsSnapshotReader(SysfsTree tree, SourceKind kind, Clock clock) {
        this(tree, kind, clock, ReadScope.FULL);
    }

    public SysfsSnapshotReader(SysfsTree tree, SourceKind kind, Clock clock, ReadScope scope) {
        this(tree, kind, clock, scope, null, TOGETHER_MIN);
    }

    private SysfsSnapshotReader(SysfsTree tree, SourceKind kind, Clock clock, ReadScope scope,
            Devices devices, int togetherMin) {
        this.tree = tree;
        this.kind = kind;
        this.clock = clock;
        this.scope = java.util.Objects.requireNonNull(scope, "scope");
        this.devices = devices;
        this.togetherMin = togetherMin;
    }

    /**
     * This reader with the native directory reader used from {@code devices} devices on
     * instead of {@value #TOGETHER_MIN}: for tests, which compare both ways of reading on
     * small trees.
     */
    SysfsSnapshotReader togetherFrom(int devices) {
        return new SysfsSnapshotReader(tree, kind, clock, scope, this.devices, devices);
    }

    /**
     * Which cards and queues a reader restricted by {@link #only(ApMatrix)} or
     * {@link #onlyGuestOf(String)} reads: the matrix's adapters and APQNs, or those of the
     * named mdev, found once the vfio_ap matrix device has been read.
     */
    private record Devices(ApMatrix matrix, String mdevUuid) {
    }

    /**
     * This reader restricted to the cards of {@code m}'s adapters and the queues of its APQNs
     * (those the host has; the others are absent from the snapshot, as on a host without
     * them). The bus attributes and the vfio_ap matrix device are read whole. What it costs
     * depends on the size of {@code m}, not of the host: the snapshot is for a check of a guest
     * with those APQNs ({@code ap4j check}, the libvirt hook), and lacks every other device.
     */
    public SysfsSnapshotReader only(ApMatrix m) {
        return new SysfsSnapshotReader(tree, kind, clock, scope,
                new Devices(java.util.Objects.requireNonNull(m, "matrix"), null), togetherMin);
    }

    /**
     * As {@link #only(ApMatrix)}, with the APQNs of the guest of mdev {@code uuid}: its
     * {@code guest_matrix} (what the kernel migrates), else its {@code matrix}. Without such
     * an mdev, or with neither attribute, no card or queue is read (the check then says why).
     */
    public SysfsSnapshotReader onlyGuestOf(String uuid) {
        return new SysfsSnapshotReader(tree, kind, clock, scope,
                new Devices(null, java.util.Objects.requireNonNull(uuid, "uuid")), togetherMin);
    }

    /** {@code $SYSFS_ROOT} when set and non-empty, else {@code /sys}. */
    public static Path defaultRoot(Map<String, String> env) {
        String r = env.get(ENV_SYSFS_ROOT);
        return r == null || r.isEmpty() ? DEFAULT_ROOT : Path.of(r);
    }

    public SysfsTree tree() {
        return tree;
    }

    /** Reads the snapshot, retrying while {@code bus/ap/scans} changes under it. */
    public HostSnapshot read() {
        requireApBus(tree);
        Optional<Long> before = scans(tree);
        for (int attempt = 1; ; attempt++) {
            HostSnapshot s = readOnce();
            Optional<Long> after = scans(tree);
            if (after.equals(before)) {
                return s;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new ConfigurationChangedException(tree.describe("bus/ap/scans")
                        + ": AP configuration changed while reading (scans moved on each of "
                        + MAX_ATTEMPTS + " attempts, last " + before.orElse(null) + " -> "
                        + after.orElse(null) + "); try again");
            }
            before = after;
        }
    }

    /** Fails unless the tree has {@code bus/ap}: without it there is no AP bus to read. */
    static void requireApBus(SysfsTree tree) {
        if (tree.stat(BUS).orElse(null) != SysfsTree.Type.DIR) {
            throw new BadInputException(tree.describe(BUS), "no AP bus here (not an s390 sysfs "
                    + "tree or fixture, or the ap module is not loaded)");
        }
    }

    /**
     * {@code bus/ap/scans}: {@code "%llu\n"} (ap_bus.c {@code scans_show}; docs/sysfs-formats.md).
     */
    static Optional<Long> scans(SysfsTree tree) {
        String p = BUS + "/scans";
        return tree.read(p).map(t -> SysfsFormats.parseUnsignedLong(tree.describe(p), t));
    }

    HostSnapshot readOnce() {
        if (tree instanceof AbstractSysfsTree) {
            ((AbstractSysfsTree) tree).forgetDirectories(); // each pass sees the tree anew
        }
        Instant takenAt = clock.instant();
        if (kind == SourceKind.FIXTURE) {
            Optional<String> m = tree.read(FixtureMarker.FILE_NAME);
            if (m.isPresent()) {
                takenAt = FixtureMarker.parse(tree.describe(FixtureMarker.FILE_NAME), m.get())
                        .captured();
            }
        }
        BusAttributes bus = readBus();
        List<ApCard> cards = new ArrayList<>();
        List<ApQueue> queues = new ArrayList<>();
        Attr<VfioApMatrix> matrix;
        List<Object> read;
        if (devices == null) {
            read = readDevices();
            matrix = readMatrix();
        } else {
            matrix = readMatrix(); // first: it names the guest's APQNs
            read = readDevicesOf(devices.matrix() != null ? devices.matrix()
                    : guestMatrix(matrix, devices.mdevUuid()));
        }
        for (Object d : read) {
            if (d instanceof ApCard c) {
                cards.add(c);
            } else if (d != null) {
                queues.add((ApQueue) d);
            }
        }
        return new HostSnapshot(new Provenance(kind, tree.origin(), takenAt), bus, cards, queues,
                matrix);
    }

    /** The APQNs of mdev {@code uuid}'s guest ({@link Mdev#migratedMatrix}); empty without it. */
    private static ApMatrix guestMatrix(Attr<VfioApMatrix> matrix, String uuid) {
        if (!matrix.isPresent()) {
            return ApMatrix.EMPTY;
        }
        return matrix.get().mdev(uuid).flatMap(Mdev::migratedMatrix).orElse(ApMatrix.EMPTY);
    }

    /**
     * The cards of {@code m}'s adapters and the queues of its APQNs that the host has, looked up
     * by name ({@code bus/ap/devices/cardXX}, {@code XX.YYYY}; or under {@code devices/ap}
     * without it): no directory listing, so the cost follows the size of {@code m}. Cards
     * first, then queues, adapter-major; the snapshot sorts them anyway.
     */
    private List<Object> readDevicesOf(ApMatrix m) {
        boolean viaBus = tree.lstat(BUS_DEVICES).isPresent();
        List<String> names = new ArrayList<>();
        ApMask as = m.adapters();
        ApMask ds = m.domains();
        for (int a = as.nextSetId(0); a >= 0; a = as.nextSetId(a + 1)) {
            names.add(cardName(a));
        }
        for (int a = as.nextSetId(0); a >= 0; a = as.nextSetId(a + 1)) {
            for (int d = ds.nextSetId(0); d >= 0; d = ds.nextSetId(d + 1)) {
                names.add(Apqn.of(a, d).toString());
            }
        }
        DirectoryReader together = togetherFor(names.size());
        if (viaBus) {
            if (READERS > 1 && tree instanceof DirectorySysfsTree && names.size() >= PARALLEL_MIN) {
                return readDevicesInParallel(names, true, together, null);
            }
            List<Object> out = new ArrayList<>(names.size());
            for (String name : names) {
                if (tree.lstat(BUS_DEVICES + "/" + name).isPresent()) {
                    out.add(readDevice(busDeviceDir(name), together));
                }
            }
            return out;
        }
        List<Object> out = new ArrayList<>(names.size());
        for (String name : names) {
            String dir = name.startsWith("card") ? DEVICES + "/" + name
                    : DEVICES + "/" + cardName(Integer.parseInt(name.substring(0, 2), 16)) + "/" + name;
            if (tree.stat(dir).isPresent()) {
                out.add(readDevice(dir, together));
            }
        }
        return out;
    }

    /** {@code cardXX}, the kernel's card device name ({@code "card%02x"}, ap_bus.c). */
    private static String cardName(int adapter) {
        return "card" + Character.forDigit(adapter >> 4, 16) + Character.forDigit(adapter & 15, 16);
    }

    /**
     * A card or queue from its device directory, read with one call of {@code together} when
     * it is not null ({@link #togetherFor}), else file by file.
     */
    private Object readDevice(String dir, DirectoryReader together) {
        String name = dir.substring(dir.lastIndexOf('/') + 1);
        DeviceDirectory d = together == null ? DeviceDirectory.oneByOne(tree, dir)
                : DeviceDirectory.together(tree, dir, together, entriesOf(name));
        return readDevice(d, name);
    }

    /** The card or queue {@code name} (a device name) from its directory. */
    private Object readDevice(DeviceDirectory d, String name) {
        if (isCardName(name)) {
            return readCard(d, Integer.parseInt(name.substring(4), 16));
        }
        return readQueue(d, Apqn.parse(name));
    }

    /** The entries {@link #readCard} or {@link #readQueue} takes, in this reader's scope. */
    private DirectoryReader.Names entriesOf(String deviceName) {
        boolean full = scope == ReadScope.FULL;
        if (isCardName(deviceName)) {
            return full ? CARD_FULL : CARD_MIGRATION;
        }
        return full ? QUEUE_FULL : QUEUE_MIGRATION;
    }

    /**
     * The link targets of the entries {@code names} of {@code bus/ap/devices}, from one native
     * listing of it with every link's target ({@link DirectoryReader#list}) instead of an lstat,
     * a readlink and a stat per entry: entry {@code i}'s target text, or null where it is not a
     * link. Null as a whole when the listing cannot be used (bus/ap/devices reached through a
     * link, or not listable by the call). The readers turn each into a directory
     * ({@link LinkedDirs#dir}), on both cores: on a host of 16,384 queues that is about 40 ms of
     * Java, which the calling thread alone would spend before the second reader starts.
     */
    private LinkedDirs linkedDirs(List<String> names, DirectoryReader reader) {
        DirectorySysfsTree d = (DirectorySysfsTree) tree;
        AbstractSysfsTree.Resolved bus = d.resolve(BUS_DEVICES, true);
        if (bus == null || !bus.path().equals(BUS_DEVICES) || bus.type() != SysfsTree.Type.DIR) {
            return null;
        }
        Optional<List<DirectoryReader.Listed>> listing = d.listTogether(BUS_DEVICES, reader);
        if (listing.isEmpty()) {
            return null;
        }
        java.util.Map<String, String> targets = new java.util.HashMap<>();
        for (DirectoryReader.Listed e : listing.get()) {
            if (e.kind() == DirectoryReader.Kind.LINK) {
                targets.put(e.name(), e.target());
            }
        }
        String[] byIndex = new String[names.size()];
        for (int i = 0; i < byIndex.length; i++) {
            byIndex[i] = targets.get(names.get(i));
        }
        return new LinkedDirs(d, names, byIndex);
    }

    /**
     * The device directories that the entries of {@code bus/ap/devices} link to, resolved by
     * whichever reader reaches an entry ({@link #readDevicesInParallel}); thread-safe.
     */
    private static final class LinkedDirs {
        private final DirectorySysfsTree tree;
        private final List<String> names;
        private final String[] targets;
        /** Whether a parent directory of a target is a plain directory of the tree. */
        private final java.util.Map<String, Boolean> plainParents =
                new java.util.concurrent.ConcurrentHashMap<>();

        LinkedDirs(DirectorySysfsTree tree, List<String> names, String[] targets) {
            this.tree = tree;
            this.names = names;
            this.targets = targets;
        }

        /**
         * Entry {@code i}'s root-relative directory, or null where the careful way must look
         * ({@link #busDeviceDir}: not a link, a target that leaves the root, a parent directory
         * that is not a plain directory of the tree). A directory found here is only a
         * candidate until {@link #readLinkedDevice} opens it as one.
         */
        String dir(int i) {
            String target = targets[i];
            if (target == null || target.startsWith("/")) {
                return null;
            }
            String p = BUS_DEVICES + "/" + names.get(i);
            String dir;
            try {
                dir = tree.lexicalTarget(p, p, target);
            } catch (BadInputException e) {
                return null; // leaves the root: busDeviceDir reports it
            }
            int slash = dir.lastIndexOf('/');
            if (slash <= 0) {
                return null;
            }
            String parent = dir.substring(0, slash);
            return plainParents.computeIfAbsent(parent, q -> {
                AbstractSysfsTree.Resolved r = tree.resolve(q, true);
                return r != null && r.path().equals(q) && r.type() == SysfsTree.Type.DIR;
            }) ? dir : null;
        }
    }

    /**
     * The card or queue in {@code dir}, a candidate of {@link #linkedDirs}, read with one call
     * of {@code together}; null when the call cannot open {@code dir} as a directory (O_NOFOLLOW,
     * O_DIRECTORY), which the careful way then looks into.
     */
    private Object readLinkedDevice(String dir, DirectoryReader together) {
        String name = dir.substring(dir.lastIndexOf('/') + 1);
        if (!isCardName(name) && !isQueueName(name)) {
            return null; // a directory of another name: busDeviceDir and readDevice decide
        }
        DeviceDirectory d = DeviceDirectory.opened(tree, dir, together, entriesOf(name));
        return d == null ? null : readDevice(d, name);
    }

    /**
     * The native directory reader, when {@code devices} device directories of a directory tree
     * are to be read: libap4j reads a directory's dozen entries in one call, where Java takes
     * a file channel and a stat per entry (docs/native.md, "Reading a directory"). Loading it
     * costs more than a few dozen devices' reads save, hence {@value #TOGETHER_MIN}. Null when
     * not worth it or not available: every entry is then read by the tree.
     */
    private DirectoryReader togetherFor(int devices) {
        if (devices < togetherMin || !(tree instanceof DirectorySysfsTree)) {
            return null;
        }
        return DirectoryReader.get().orElse(null);
    }

    /** Every card and queue, in {@link #deviceDirs()} order. */
    private List<Object> readDevices() {
        if (READERS > 1 && tree instanceof DirectorySysfsTree && tree.lstat(BUS_DEVICES).isPresent()) {
            List<String> names = tree.list(BUS_DEVICES);
            if (names.size() >= PARALLEL_MIN) {
                DirectoryReader together = togetherFor(names.size());
                return readDevicesInParallel(names, false, together,
                        together == null ? null : linkedDirs(names, together));
            }
        }
        List<String> dirs = deviceDirs();
        DirectoryReader together = togetherFor(dirs.size());
        List<Object> out = new ArrayList<>();
        for (String dir : dirs) {
            out.add(readDevice(dir, together));
        }
        return out;
    }

    /**
     * Reads the devices of {@code bus/ap/devices}, {@value #READERS} at a time: on a directory tree
     * the cost is the kernel's per-file lstat/open/read/close
     * (SnapshotBenchmark.readEveryFileOnce), which a free second core shares (16 x 85 in the
     * MIGRATION scope: about 40 ms instead of 65). Only DirectorySysfsTree is read this way:
     * archives are in memory, and other trees need not be thread-safe. Workers take the next unread
     * entry from a shared counter, resolve its link ({@link #busDeviceDir}, a third of a queue's
     * system calls) and read the device; results land at the entry's index, so the snapshot is the
     * same as a sequential read's. Failures are kept per entry and rethrown as a sequential read
     * meets them: the lowest-indexed link failure first ({@link #deviceDirs} resolves every link
     * before any device is read), else the lowest-indexed device failure. Entries are independent.
     */
    private List<Object> readDevicesInParallel(List<String> names, boolean skipMissing,
            DirectoryReader together, LinkedDirs linked) {
        Object[] out = new Object[names.size()];
        Throwable[] linkFailed = new Throwable[names.size()];
        Throwable[] failed = new Throwable[names.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
                String linkedDir;
                try {
                    linkedDir = linked == null ? null : linked.dir(i);
                } catch (RuntimeException | Error e) {
                    linkFailed[i] = e;
                    continue;
                }
                if (linkedDir != null) {
                    try {
                        checkDeviceName(BUS_DEVICES + "/" + names.get(i), names.get(i));
                    } catch (RuntimeException | Error e) {
                        linkFailed[i] = e;
                        continue;
                    }
                    try {
                        out[i] = readLinkedDevice(linkedDir, together);
                    } catch (RuntimeException | Error e) {
                        failed[i] = e;
                        continue;
                    }
                    if (out[i] != null) {
                        continue;
                    }
                    // not a directory after all: the careful way below says what it is
                }
                String dir;
                try {
                    if (skipMissing && tree.lstat(BUS_DEVICES + "/" + names.get(i)).isEmpty()) {
                        continue; // not on this host: absent from the snapshot
                    }
                    dir = busDeviceDir(names.get(i));
                } catch (RuntimeException | Error e) {
                    linkFailed[i] = e;
                    continue;
                }
                try {
                    out[i] = readDevice(dir, together);
                } catch (RuntimeException | Error e) {
                    failed[i] = e;
                }
            }
        };
        // Helper threads of this call only: started here and joined before it returns, so the
        // library keeps no thread between calls (a start costs about what reading two queues
        // does).
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < READERS; t++) {
            Thread h = new Thread(worker, "ap4j-sysfs-reader");
            h.setDaemon(true);
            h.start();
            helpers.add(h);
        }
        worker.run(); // the calling thread is a reader too
        // Workers catch everything per device. An interrupt does not end the wait (a helper is
        // still filling this call's arrays); it is re-asserted afterwards.
        boolean interrupted = false;
        for (Thread h : helpers) {
            while (true) {
                try {
                    h.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrowFirst(linkFailed);
        rethrowFirst(failed);
        return java.util.Arrays.asList(out);
    }

    private static void rethrowFirst(Throwable[] failed) {
        for (Throwable e : failed) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
        }
    }

    private BusAttributes readBus() {
        return new BusAttributes(
                attrA(BUS + "/features", SysfsFormats::parseBusFeatures),
                attrA(BUS + "/ap_adapter_mask", SysfsFormats::parseQciMask),
                attrA(BUS + "/ap_usage_domain_mask", SysfsFormats::parseQciMask),
                attrA(BUS + "/ap_control_domain_mask", SysfsFormats::parseQciMask),
                attr(BUS + "/apmask", SysfsFormats::parseMask),
                attr(BUS + "/aqmask", SysfsFormats::parseMask),
                attrA(BUS + "/ap_domain", SysfsFormats::parseApDomain),
                attr(BUS + "/ap_max_adapter_id", SysfsFormats::parseByte),
                attr(BUS + "/ap_max_domain_id", SysfsFormats::parseByte));
    }

    /**
     * The device directories (root-relative, canonical {@code devices/ap/...} form), cards
     * and queues, found through {@code bus/ap/devices} or, without it, {@code devices/ap}.
     */
    List<String> deviceDirs() {
        List<String> out = new ArrayList<>();
        if (tree.lstat(BUS_DEVICES).isPresent()) {
            for (String name : tree.list(BUS_DEVICES)) {
                out.add(busDeviceDir(name));
            }
            return out;
        }
        for (String card : tree.list(DEVICES)) {
            if (!card.startsWith("card")) {
                continue; // uevent, power and other files of the ap root device
            }
            String cp = DEVICES + "/" + card;
            checkDeviceName(cp, card);
            out.add(cp);
            for (String q : tree.list(cp)) {
                if (isQueueName(q)) {
                    out.add(cp + "/" + q);
                }
            }
        }
        return out;
    }

    /** The device directory an entry of {@code bus/ap/devices} leads to (checked to be one). */
    private String busDeviceDir(String name) {
        String p = BUS_DEVICES + "/" + name;
        checkDeviceName(p, name);
        String dir = tree.linkTargetOrSelf(p).orElseThrow();
        if (tree.stat(dir).orElse(null) != SysfsTree.Type.DIR) {
            throw new BadInputException(tree.describe(p), "device link leads to no device"
                    + " directory: " + BadInputException.quote(tree.readLink(p).orElse(dir)));
        }
        return dir;
    }

    private void checkDeviceName(String path, String name) {
        if (!isCardName(name) && !isQueueName(name)) {
            throw new BadInputException(tree.describe(path),
                    "not an AP device name (cardXX or XX.YYYY): " + BadInputException.quote(name));
        }
    }

    /** {@code card[0-9a-f]{2}}: a card device's name (checked per device: no regex). */
    static boolean isCardName(String name) {
        return name.length() == 6 && name.startsWith("card") && isLowerHex(name, 4, 6);
    }

    /** {@code [0-9a-f]{2}\.[0-9a-f]{4}}: a queue device's name. */
    static boolean isQueueName(String name) {
        return name.length() == 7 && name.charAt(2) == '.' && isLowerHex(name, 0, 2)
                && isLowerHex(name, 3, 7);
    }

    private static boolean isLowerHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    // ReadScope.FULL reads every line below; ReadScope.MIGRATION skips the full*(...) ones. The
    // builder calls run in the order written, so FULL reads (and fails on) the files in this
    // order.

    private ApCard readCard(DeviceDirectory d, int id) {
        return ApCard.builder(id)
                .type(fullAttr(d, "type", SysfsFormats::parseWord))
                .hwtype(attr(d, "hwtype", SysfsFormats::parseByte))
                .rawHwtype(attr(d, "raw_hwtype", SysfsFormats::parseByte))
                .functions(attr(d, "ap_functions", SysfsFormats::parseFunctions))
                .depth(fullAttr(d, "depth", SysfsFormats::parseByte))
                .config(attr(d, "config", SysfsFormats::parseFlag))
                .chkstop(fullAttr(d, "chkstop", SysfsFormats::parseFlag))
                .online(fullAttr(d, "online", SysfsFormats::parseFlag))
                .driver(scope == ReadScope.FULL ? driver(d) : Attr.notRead())
                .requestCount(fullAttrA(d, "request_count", SysfsFormats::parseRequestCount))
                .requestqCount(fullAttr(d, "requestq_count", SysfsFormats::parseCount))
                .pendingqCount(fullAttr(d, "pendingq_count", SysfsFormats::parseCount))
                .maxMsgSize(fullAttr(d, "max_msg_size", SysfsFormats::parseCount))
                .build();
    }

    private ApQueue readQueue(DeviceDirectory d, Apqn apqn) {
        return ApQueue.builder(apqn)
                .functions(attr(d, "ap_functions", SysfsFormats::parseFunctions))
                .config(attr(d, "config", SysfsFormats::parseFlag))
                .chkstop(attr(d, "chkstop", SysfsFormats::parseFlag))
                .online(fullAttr(d, "online", SysfsFormats::parseFlag))
                .vfioStatus(fullAttr(d, "status", SysfsFormats::parseVfioStatus))
                .driver(driver(d))
                .requestCount(fullAttrA(d, "request_count", SysfsFormats::parseRequestCount))
                .requestqCount(fullAttr(d, "requestq_count", SysfsFormats::parseCount))
                .pendingqCount(fullAttr(d, "pendingq_count", SysfsFormats::parseCount))
                .seBind(fullAttrA(d, "se_bind", SysfsFormats::parseSeBind))
                .seAssociate(fullAttrA(d, "se_associate", SysfsFormats::parseSeAssociate))
                .mkvps(attr(d, "mkvps", SysfsFormats::parseMkvps))
                .build();
    }

    /**
     * The entries readCard and readQueue take from a device directory, in each scope: the names
     * one native call looks for when the directories are read together ({@link #togetherFor}).
     */
    private static final DirectoryReader.Names CARD_FULL = DirectoryReader.Names.of(List.of(
            "type", "hwtype", "raw_hwtype", "ap_functions", "depth", "config", "chkstop",
            "online", "driver", "request_count", "requestq_count", "pendingq_count",
            "max_msg_size"));
    private static final DirectoryReader.Names CARD_MIGRATION = DirectoryReader.Names.of(
            List.of("hwtype", "raw_hwtype", "ap_functions", "config"));
    private static final DirectoryReader.Names QUEUE_FULL = DirectoryReader.Names.of(List.of(
            "ap_functions", "config", "chkstop", "online", "status", "driver", "request_count",
            "requestq_count", "pendingq_count", "se_bind", "se_associate", "mkvps"));
    private static final DirectoryReader.Names QUEUE_MIGRATION = DirectoryReader.Names.of(
            List.of("ap_functions", "config", "chkstop", "driver", "mkvps"));

    /**
     * The driver bound to a device: the last component of its {@code driver} link
     * ({@code ../../../bus/ap/drivers/cex4queue}). The link is read, not followed, so a
     * fixture needs no {@code bus/ap/drivers}; it must still stay inside the root.
     */
    private Attr<String> driver(DeviceDirectory d) {
        // linkTarget is empty exactly when lstat would be: no separate lstat (one per device).
        Optional<String> link = d.linkTarget("driver");
        if (link.isEmpty()) {
            return Attr.missing();
        }
        String target = link.get();
        String name = target.substring(target.lastIndexOf('/') + 1);
        if (!SysfsFormats.isWord(name)) { // printable ASCII, no blank
            String path = d.path("driver");
            throw new BadInputException(tree.describe(path), "not a driver link: "
                    + BadInputException.quote(tree.readLink(path).orElse("")));
        }
        return SysfsFormats.sharedAttr(name, DRIVERS);
    }

    /** The drivers of AP devices, one shared value each instead of one per device. */
    private static final List<Attr<String>> DRIVERS = List.of("cex4card", "cex4queue", "vfio_ap")
            .stream().map(Attr::of).toList();

    private Attr<VfioApMatrix> readMatrix() {
        if (tree.stat(MATRIX).isEmpty()) {
            return Attr.missing();
        }
        Attr<List<String>> features = attr(MATRIX + "/features", SysfsFormats::parseMatrixFeatures);
        List<Mdev> mdevs = new ArrayList<>();
        for (String name : tree.list(MATRIX)) {
            String p = MATRIX + "/" + name;
            if (UUID.matcher(name).matches() && tree.stat(p).orElse(null) == SysfsTree.Type.DIR) {
                mdevs.add(readMdev(p, name));
            }
        }
        return Attr.of(new VfioApMatrix(features, mdevs));
    }

    private Mdev readMdev(String dir, String uuid) {
        String p = dir + "/";
        Attr<String> apConfig = attr(p + "ap_config", SysfsFormats::parseApConfig);
        Attr<ApMatrix> matrix = attrA(p + "matrix", SysfsFormats::parseMatrix);
        if (matrix.absence() == Absence.UNKNOWN && apConfig.isPresent()) {
            matrix = fromApConfig(p + "matrix", apConfig.get());
        }
        return new Mdev(uuid, matrix,
                attrA(p + "guest_matrix", SysfsFormats::parseMatrix),
                attr(p + "control_domains", SysfsFormats::parseControlDomains),
                apConfig);
    }

    /**
     * Rebuilds a {@code matrix} the kernel cut at a page from {@code ap_config}'s apm and aqm,
     * after checking that every complete line of the cut text agrees with it.
     */
    private Attr<ApMatrix> fromApConfig(String matrixPath, String apConfig) {
        List<ApMask> masks = SysfsFormats.apConfigMasks(apConfig);
        ApMatrix full = new ApMatrix(masks.get(0), masks.get(1));
        String cut = tree.read(matrixPath).orElseThrow();
        String complete = cut.substring(0, cut.lastIndexOf('\n') + 1);
        if (!full.toString().startsWith(complete)) {
            throw new BadInputException(tree.describe(matrixPath), "cut at a page and does not "
                    + "agree with ap_config " + BadInputException.quote(apConfig));
        }
        return Attr.of(full);
    }

    private <T> Attr<T> attr(String path, BiFunction<String, String, T> parse) {
        Optional<String> text = tree.read(path);
        return text.isEmpty() ? Attr.missing() : Attr.of(parse.apply(tree.describe(path), text.get()));
    }

    private <T> Attr<T> attrA(String path, BiFunction<String, String, Attr<T>> parse) {
        Optional<String> text = tree.read(path);
        return text.isEmpty() ? Attr.missing() : parse.apply(tree.describe(path), text.get());
    }

    /** {@link #attr} of entry {@code name} of a device directory. */
    private <T> Attr<T> attr(DeviceDirectory d, String name, BiFunction<String, String, T> parse) {
        Optional<String> text = d.read(name);
        return text.isEmpty() ? Attr.missing() : Attr.of(parse(d, name, text.get(), parse));
    }

    /** {@link #attrA} of entry {@code name} of a device directory. */
    private <T> Attr<T> attrA(DeviceDirectory d, String name,
            BiFunction<String, String, Attr<T>> parse) {
        Optional<String> text = d.read(name);
        return text.isEmpty() ? Attr.missing() : parse(d, name, text.get(), parse);
    }

    /**
     * Entry {@code name}'s text parsed, its path named in full ({@link DeviceDirectory#describe})
     * only when it is bad: the path for each of the 140,000 attributes of a 16,384-queue host
     * was a fifth of what reading it allocated.
     */
    private static <T> T parse(DeviceDirectory d, String name, String text,
            BiFunction<String, String, T> parse) {
        try {
            return parse.apply(name, text);
        } catch (BadInputException e) {
            throw e.withSourcePrefix(d.describe(""));
        }
    }

    /** {@link #attr} in {@link ReadScope#FULL}; not read, so UNKNOWN, in a narrower scope. */
    private <T> Attr<T> fullAttr(DeviceDirectory d, String name,
            BiFunction<String, String, T> parse) {
        return scope == ReadScope.FULL ? attr(d, name, parse) : Attr.notRead();
    }

    /** {@link #attrA} in {@link ReadScope#FULL}; not read, so UNKNOWN, in a narrower scope. */
    private <T> Attr<T> fullAttrA(DeviceDirectory d, String name,
            BiFunction<String, String, Attr<T>> parse) {
        return scope == ReadScope.FULL ? attrA(d, name, parse) : Attr.notRead();
    }
}
