// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal;

import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.HostSnapshot;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The immutable queue list of a {@link HostSnapshot}, which also holds the snapshot's
 * {@link QueueIndex}: a record cannot have a field that is not a component, and the index is
 * derived from the queues (and cards), so it lives with them. Equality is the list's, by content,
 * so snapshots compare as before.
 */
public final class SnapshotQueues extends AbstractList<ApQueue> implements RandomAccess {
    private final ApQueue[] queues;
    private final List<ApCard> cards;
    /** Built on first use; racing builders make equal, immutable indexes, so any one may win. */
    private volatile QueueIndex index;

    /** Wraps {@code sortedQueues} (APQN order, owned from now on) of a snapshot with {@code cards}. */
    public SnapshotQueues(ApQueue[] sortedQueues, List<ApCard> cards) {
        this.queues = sortedQueues;
        this.cards = cards;
    }

    @Override
    public ApQueue get(int i) {
        return queues[i];
    }

    @Override
    public int size() {
        return queues.length;
    }

    QueueIndex index() {
        QueueIndex i = index;
        if (i == null) {
            i = new QueueIndex(cards, this);
            index = i;
        }
        return i;
    }
}
