// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

import io.github.ap4j.internal.SnapshotQueues;
import io.github.ap4j.model.Apqn;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A host's whole AP configuration at one moment: bus attributes, cards, queues and the vfio_ap
 * matrix device with its mdevs. Every attribute may be absent, and says why ({@link Attr}).
 * Cards are kept in id order and queues in APQN order.
 *
 * @param provenance where and when it was read
 * @param bus        bus attributes
 * @param cards      card devices, by id
 * @param queues     queue devices, by APQN
 * @param matrix     the vfio_ap matrix device; MISSING when vfio_ap is not loaded
 */
public record HostSnapshot(
        Provenance provenance,
        BusAttributes bus,
        List<ApCard> cards,
        List<ApQueue> queues,
        Attr<VfioApMatrix> matrix) {

    /**
     * Sorts cards and queues; the queue list also carries the check's per-qid index.
     *
     * @param provenance where and when it was read
     * @param bus bus attributes
     * @param cards card devices, in any order
     * @param queues queue devices, in any order; no null element
     * @param matrix the vfio_ap matrix device
     * @throws NullPointerException if an argument or a queue is null
     */
    public HostSnapshot {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(matrix, "matrix");
        cards = cards.stream().sorted(Comparator.comparingInt(ApCard::id)).toList();
        ApQueue[] sorted = queues.toArray(new ApQueue[0]);
        for (ApQueue q : sorted) {
            Objects.requireNonNull(q, "queue");
        }
        Arrays.sort(sorted, Comparator.comparing(ApQueue::apqn));
        queues = new SnapshotQueues(sorted, cards);
    }

    /**
     * The same snapshot with another provenance (to compare snapshots of different sources).
     *
     * @param p the new provenance
     * @return a snapshot with the same contents
     */
    public HostSnapshot withProvenance(Provenance p) {
        return new HostSnapshot(p, bus, cards, queues, matrix);
    }

    /**
     * A card by adapter id.
     *
     * @param id the adapter id 0..255
     * @return the card, or empty when the snapshot has no {@code cardXX} for it
     */
    public Optional<ApCard> card(int id) {
        for (ApCard c : cards) {
            if (c.id() == id) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * A queue device by APQN.
     *
     * @param apqn the queue
     * @return the queue, or empty when the snapshot has no {@code XX.YYYY} device for it
     */
    public Optional<ApQueue> queue(Apqn apqn) {
        int lo = 0;
        int hi = queues.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = queues.get(mid).apqn().compareTo(apqn);
            if (c == 0) {
                return Optional.of(queues.get(mid));
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.empty();
    }

    /**
     * An mdev of the vfio_ap matrix device.
     *
     * @param uuid the mdev UUID, any case
     * @return the mdev, or empty when there is none or the matrix device is absent
     */
    public Optional<Mdev> mdev(String uuid) {
        return matrix.isPresent() ? matrix.get().mdev(uuid) : Optional.empty();
    }
}
