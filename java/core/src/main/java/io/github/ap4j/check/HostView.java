package io.github.ap4j.check;

import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.HostSnapshot;

/**
 * A snapshot indexed for constant-time queue and card lookups (by adapter and domain, and card
 * id). Queues are held in one 256-slot row per adapter that has queues, so a small host costs
 * a few KiB per check rather than a 65,536-slot (256 KiB) table (benchmarks: CheckBenchmark).
 */
final class HostView {
    final HostSnapshot snapshot;
    private final ApQueue[][] queues = new ApQueue[256][];
    private final ApCard[] cards = new ApCard[256];

    HostView(HostSnapshot snapshot) {
        this.snapshot = snapshot;
        for (ApQueue q : snapshot.queues()) {
            Apqn id = q.apqn();
            ApQueue[] row = queues[id.adapter()];
            if (row == null) {
                row = new ApQueue[256];
                queues[id.adapter()] = row;
            }
            row[id.domain()] = q;
        }
        for (ApCard c : snapshot.cards()) {
            if (c.id() >= 0 && c.id() < 256) {
                cards[c.id()] = c;
            }
        }
    }

    ApQueue queue(Apqn q) {
        ApQueue[] row = queues[q.adapter()];
        return row == null ? null : row[q.domain()];
    }

    ApCard card(int id) {
        return cards[id];
    }

    /** Sentinel for "no word known". A real GR2 built from sysfs never has these low bits set. */
    static final long UNKNOWN = 0x00000000000000ffL;

    /**
     * The GR2 word the migration code would see for {@code q}: queue {@code ap_functions} in bits
     * 0-31 and the card's {@code raw_hwtype} in bits 32-39 (ap-facts 4.3), with fallbacks to the
     * card's {@code ap_functions} and the mapped {@code hwtype}. {@code flags} receives
     * {@link #CARD_LEVEL} and {@link #MAPPED_TYPE}. Returns {@link #UNKNOWN} when no word can be
     * built.
     */
    long word(Apqn q, int[] flags) {
        flags[0] = 0;
        ApQueue queue = queue(q);
        ApCard card = card(q.adapter());
        Integer fn = null;
        if (queue != null && queue.functions().isPresent()) {
            fn = queue.functions().get();
        } else if (card != null && card.functions().isPresent()) {
            fn = card.functions().get();
            flags[0] |= CARD_LEVEL;
        }
        Integer at = null;
        if (card != null && card.rawHwtype().isPresent()) {
            at = card.rawHwtype().get();
        } else if (card != null && card.hwtype().isPresent()) {
            at = card.hwtype().get();
            flags[0] |= MAPPED_TYPE;
        }
        if (fn == null || at == null) {
            return UNKNOWN;
        }
        return ((fn & 0xffffffffL) << 32) | ((long) (at & 0xff) << 24);
    }

    static final int CARD_LEVEL = 1;
    static final int MAPPED_TYPE = 2;

    static <T> boolean unknown(Attr<T> a) {
        return !a.isPresent() && a.absence() == io.github.ap4j.snapshot.Absence.UNKNOWN;
    }
}
