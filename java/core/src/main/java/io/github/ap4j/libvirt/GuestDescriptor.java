// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.libvirt;

import io.github.ap4j.BadInputException;
import io.github.ap4j.internal.QueueIndex;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Mdev;
import io.github.ap4j.snapshot.Mkvp;
import io.github.ap4j.snapshot.Provenance;
import io.github.ap4j.snapshot.SourceKind;
import io.github.ap4j.snapshot.VfioApMatrix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A guest's AP configuration as the source kernel would migrate it, carried in the guest's own
 * libvirt domain XML ({@code <metadata>}) so the destination can check it without the source
 * host: everything the destination-side check reads about the source, and nothing else.
 * Written and read by {@link GuestDescriptorXml}; the format is in docs/libvirt-hook.md.
 *
 * @param mdev           the mdev UUID (lowercase)
 * @param host           the source host's name
 * @param taken          when the source was read
 * @param ap4jVersion    the ap4j that wrote it
 * @param sourceKind     what the source snapshot was ({@code sysfs}, {@code fixture}, ...)
 * @param features       the source {@code vfio_ap} matrix {@code features} tokens, or null when
 *                       the source did not show them
 * @param busFeatures    the source AP bus {@code features} tokens (APSB: a Secure Execution
 *                       host), or null when unknown
 * @param matrix         the guest's adapters and domains (the kernel migrates
 *                       {@code guest_matrix})
 * @param fromAssigned   true when the source had no {@code guest_matrix} and {@code matrix} was
 *                       taken instead (the check then warns)
 * @param controlDomains the mdev's control domains ({@code adm}), or null when unknown
 * @param queues         per guest APQN, in APQN order, what the kernel compares
 */
public record GuestDescriptor(String mdev, String host, Instant taken, String ap4jVersion,
        String sourceKind, List<String> features, List<String> busFeatures, ApMatrix matrix,
        boolean fromAssigned, ApMask controlDomains, List<Queue> queues) {

    /** The descriptor format this ap4j writes and reads. */
    public static final int FORMAT = 1;

    /**
     * Copies the lists; features, busFeatures and controlDomains may be null (unknown).
     *
     * @param mdev the mdev UUID
     * @param host the source host's name
     * @param taken when the source was read
     * @param ap4jVersion the ap4j that wrote it
     * @param sourceKind what the source snapshot was
     * @param features the vfio_ap {@code features} tokens, or null
     * @param busFeatures the AP bus {@code features} tokens, or null
     * @param matrix the guest's adapters and domains
     * @param fromAssigned whether {@code matrix} stands in for a missing {@code guest_matrix}
     * @param controlDomains the control domains, or null
     * @param queues per guest APQN, what the kernel compares
     * @throws NullPointerException if a required field is null
     */
    public GuestDescriptor {
        Objects.requireNonNull(mdev, "mdev");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(taken, "taken");
        Objects.requireNonNull(ap4jVersion, "ap4jVersion");
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(matrix, "matrix");
        features = features == null ? null : List.copyOf(features);
        busFeatures = busFeatures == null ? null : List.copyOf(busFeatures);
        queues = List.copyOf(queues);
    }

    /**
     * The hardware information of one guest APQN on the source, as the kernel's comparison sees
     * it: the facility bits 0-31 of TAPQ GR2 ({@code ap_functions}) and the raw AP type
     * (GR2 bits 32-39, {@code raw_hwtype}); either may be unknown (null).
     *
     * @param apqn         the queue
     * @param functions    {@code ap_functions} of the queue (or of its card, see cardLevel)
     * @param type         the card's {@code raw_hwtype} (or its mapped {@code hwtype})
     * @param cardLevel    the functions are the card's masked value, not the queue's
     * @param mappedType   the type is the card's compatibility-mapped {@code hwtype}
     * @param mkvps        the queue's master-key verification patterns, or null when unknown
     */
    public record Queue(Apqn apqn, Integer functions, Integer type, boolean cardLevel,
            boolean mappedType, List<Mkvp> mkvps) {
        /**
         * Copies the patterns.
         *
         * @param apqn the queue, never null
         * @param functions {@code ap_functions}, or null
         * @param type the AP type, or null
         * @param cardLevel whether the functions are the card's
         * @param mappedType whether the type is the mapped {@code hwtype}
         * @param mkvps the patterns, or null
         */
        public Queue {
            Objects.requireNonNull(apqn, "apqn");
            mkvps = mkvps == null ? null : List.copyOf(mkvps);
        }
    }

    /**
     * The descriptor of mdev {@code uuid} of {@code source}.
     *
     * @throws BadInputException when the UUID is not an mdev of the source, or the source cannot
     *         say which APQNs the guest has
     *
     * @param source the source host's snapshot
     * @param uuid the mdev UUID, any case
     * @param host the source host's name to record
     * @param version the ap4j version to record
     * @return the descriptor, UUID lowercase, queues in APQN order
     */
    public static GuestDescriptor of(HostSnapshot source, String uuid, String host, String version) {
        String origin = source.provenance().origin();
        Attr<VfioApMatrix> vm = source.matrix();
        if (!vm.isPresent()) {
            throw new BadInputException(origin, vm.absence() == Absence.UNKNOWN
                    ? "the source (" + kind(source) + ") does not describe vfio_ap; describe a "
                    + "sysfs tree or fixture of the source host"
                    : "vfio_ap is not loaded on the source host, so it has no mdev "
                    + uuid.toLowerCase(Locale.ROOT));
        }
        Mdev m = vm.get().mdev(uuid).orElseThrow(() -> new BadInputException(origin, "no mdev "
                + BadInputException.quote(uuid) + " on the source host (mdevs there: "
                + (vm.get().mdevs().isEmpty() ? "none"
                : String.join(", ", vm.get().mdevs().stream().map(Mdev::uuid).toList())) + ")"));
        ApMatrix matrix;
        boolean fromAssigned = false;
        if (m.guestMatrix().isPresent()) {
            matrix = m.guestMatrix().get();
        } else if (m.matrix().isPresent()) {
            matrix = m.matrix().get();
            fromAssigned = true;
        } else {
            throw new BadInputException(origin, "mdev " + m.uuid()
                    + " has neither guest_matrix nor matrix: cannot tell which APQNs the guest has");
        }
        QueueIndex index = QueueIndex.of(source);
        List<Queue> queues = new ArrayList<>(matrix.size());
        for (Apqn q : matrix.apqns()) {
            long w = index.word(q.qid());
            int fl = index.flags(q.qid());
            Integer fn = w == QueueIndex.UNKNOWN ? null : (int) (w >>> 32);
            Integer type = w == QueueIndex.UNKNOWN ? null : (int) (w >>> 24) & 0xff;
            ApQueue aq = index.queue(q.qid());
            List<Mkvp> mk = aq != null && aq.mkvps().isPresent() ? aq.mkvps().get() : null;
            queues.add(new Queue(q, fn, type, fn != null && (fl & QueueIndex.CARD_LEVEL) != 0,
                    type != null && (fl & QueueIndex.MAPPED_TYPE) != 0, mk));
        }
        BusAttributes bus = source.bus();
        return new GuestDescriptor(m.uuid().toLowerCase(Locale.ROOT), host,
                source.provenance().takenAt(), version, kind(source),
                vm.get().features().orNull(), bus.features().orNull(), matrix, fromAssigned,
                m.controlDomains().orNull(), queues);
    }

    private static String kind(HostSnapshot s) {
        return s.provenance().kind().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The source host as far as this descriptor tells it: a snapshot with the one mdev, its
     * queues and cards holding exactly the words the check compares, the {@code vfio_ap}
     * features and the bus features; everything else unknown. Checking it gives the same
     * findings as checking the source snapshot it was made from.
     *
     * @param origin the descriptor's file or domain, recorded as the snapshot's origin
     * @return a {@link io.github.ap4j.snapshot.SourceKind#DESCRIPTOR} snapshot
     */
    public HostSnapshot toSnapshot(String origin) {
        Map<Integer, Queue> cardSeen = new LinkedHashMap<>();
        List<ApQueue> qs = new ArrayList<>(queues.size());
        for (Queue q : queues) {
            cardSeen.putIfAbsent(q.apqn().adapter(), q);
            qs.add(new ApQueue(q.apqn(),
                    q.functions() != null && !q.cardLevel() ? Attr.of(q.functions()) : Attr.unknown(),
                    Attr.unknown(), Attr.unknown(), Attr.unknown(), Attr.unknown(), Attr.unknown(),
                    Attr.unknown(), Attr.unknown(), Attr.unknown(), Attr.unknown(), Attr.unknown(),
                    q.mkvps() == null ? Attr.unknown() : Attr.of(q.mkvps())));
        }
        List<ApCard> cards = new ArrayList<>();
        for (Queue q : cardSeen.values()) {
            Attr<Integer> type = q.type() == null ? Attr.unknown() : Attr.of(q.type());
            cards.add(new ApCard(q.apqn().adapter(), Attr.unknown(),
                    q.mappedType() ? type : Attr.unknown(), q.mappedType() ? Attr.unknown() : type,
                    q.cardLevel() ? Attr.of(q.functions()) : Attr.unknown(), Attr.unknown(),
                    Attr.unknown(), Attr.unknown(), Attr.unknown(), Attr.unknown(), Attr.unknown(),
                    Attr.unknown(), Attr.unknown(), Attr.unknown(),
                    q.cardLevel() ? Attr.of(io.github.ap4j.model.ApMode.ofFunctions(q.functions()))
                            : Attr.unknown()));
        }
        BusAttributes b = BusAttributes.unknown();
        BusAttributes bus = new BusAttributes(busFeatures == null ? Attr.unknown() : Attr.of(busFeatures),
                b.adapters(), b.usageDomains(), b.controlDomains(), b.apmask(), b.aqmask(),
                b.apDomain(), b.maxAdapterId(), b.maxDomainId());
        Mdev m = new Mdev(mdev, fromAssigned ? Attr.of(matrix) : Attr.unknown(),
                fromAssigned ? Attr.unknown() : Attr.of(matrix),
                controlDomains == null ? Attr.unknown() : Attr.of(controlDomains), Attr.unknown());
        VfioApMatrix vm = new VfioApMatrix(features == null ? Attr.unknown() : Attr.of(features),
                List.of(m));
        return new HostSnapshot(new Provenance(SourceKind.DESCRIPTOR, origin, taken), bus, cards,
                qs, Attr.of(vm));
    }
}
