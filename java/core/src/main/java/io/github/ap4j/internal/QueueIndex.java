// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal;

import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.HostSnapshot;
import java.util.List;

/**
 * A compact, immutable per-qid table of what the migration check reads for every APQN: the
 * rebuilt GR2 word and a few flag bits, plus the {@link ApQueue} and {@link ApCard} records for
 * the rare queues that need a finding. Built once per snapshot ({@link #of(HostSnapshot)})
 * so that a check of a 65,536-APQN guest is a loop over {@code long} and {@code byte} arrays
 * rather than several passes over ~15 MB of {@code Attr} records (benchmarks: CheckBenchmark).
 *
 * <p>Queues are held in one 256-slot row per adapter that has queues, so a small host costs a
 * few KiB. A qid without a queue reports the card-level word and flags of its adapter (what the
 * check uses for a source APQN that has no queue device).
 */
public final class QueueIndex {

    /** Sentinel for "no word known". A real GR2 built from sysfs never has these low bits set. */
    public static final long UNKNOWN = 0x00000000000000ffL;

    /**
     * The index of {@code s}: built from its cards and queues on first use, then cached with them
     * (thread-safe), so checking one snapshot against many others builds it once.
     */
    public static QueueIndex of(HostSnapshot s) {
        return ((SnapshotQueues) s.queues()).index();
    }

    /** A queue device exists for the qid. */
    public static final int PRESENT = 1;
    /** The queue is bound to vfio_ap. */
    public static final int VFIO_AP = 2;
    /** The snapshot does not say which driver the queue is bound to. */
    public static final int DRIVER_UNKNOWN = 4;
    /** The word's functions are the card's {@code ap_functions}: no queue-level value. */
    public static final int CARD_LEVEL = 8;
    /** The word's type is the card's mapped {@code hwtype}: no {@code raw_hwtype}. */
    public static final int MAPPED_TYPE = 16;
    /** The queue is deconfigured or check-stopped. */
    public static final int NOT_OPERATIONAL = 32;
    /** The queue shows {@code mkvps}. */
    public static final int MKVPS = 64;

    private final ApQueue[][] queues = new ApQueue[256][];
    private final long[][] words = new long[256][];
    private final byte[][] flags = new byte[256][];
    private final ApCard[] cards = new ApCard[256];
    /** Per adapter, the word and flags of a qid without a queue device (card level or unknown). */
    private final long[] absentWord = new long[256];
    private final byte[] absentFlags = new byte[256];

    QueueIndex(List<ApCard> cardList, List<ApQueue> queueList) {
        for (ApCard c : cardList) {
            if (c.id() >= 0 && c.id() < 256) {
                cards[c.id()] = c;
            }
        }
        int[] fl = new int[1];
        for (int a = 0; a < 256; a++) {
            absentWord[a] = word(null, cards[a], fl);
            absentFlags[a] = (byte) fl[0];
        }
        for (ApQueue q : queueList) {
            int a = q.apqn().adapter();
            int d = q.apqn().domain();
            if (queues[a] == null) {
                queues[a] = new ApQueue[256];
                words[a] = new long[256];
                flags[a] = new byte[256];
                java.util.Arrays.fill(words[a], absentWord[a]);
                java.util.Arrays.fill(flags[a], absentFlags[a]);
            }
            queues[a][d] = q;
            words[a][d] = word(q, cards[a], fl);
            int f = fl[0] | PRESENT;
            Attr<String> drv = q.driver();
            if (!drv.isPresent() && drv.absence() == Absence.UNKNOWN) {
                f |= DRIVER_UNKNOWN;
            } else if (drv.isPresent() && drv.get().equals("vfio_ap")) {
                f |= VFIO_AP;
            }
            if (q.config().isPresent() && !q.config().get()
                    || q.chkstop().isPresent() && q.chkstop().get()) {
                f |= NOT_OPERATIONAL;
            }
            if (q.mkvps().isPresent()) {
                f |= MKVPS;
            }
            flags[a][d] = (byte) f;
        }
    }

    /**
     * The GR2 word the migration code would see: queue {@code ap_functions} in bits 0-31 and the
     * card's {@code raw_hwtype} in bits 32-39 (docs/kernel-rules.md), with fallbacks to the card's
     * {@code ap_functions} and the mapped {@code hwtype}, noted in {@code fl[0]} as
     * {@link #CARD_LEVEL} and {@link #MAPPED_TYPE}; {@link #UNKNOWN} when no word can be built.
     */
    private static long word(ApQueue queue, ApCard card, int[] fl) {
        fl[0] = 0;
        Integer fn = null;
        if (queue != null && queue.functions().isPresent()) {
            fn = queue.functions().get();
        } else if (card != null && card.functions().isPresent()) {
            fn = card.functions().get();
            fl[0] |= CARD_LEVEL;
        }
        Integer at = null;
        if (card != null && card.rawHwtype().isPresent()) {
            at = card.rawHwtype().get();
        } else if (card != null && card.hwtype().isPresent()) {
            at = card.hwtype().get();
            fl[0] |= MAPPED_TYPE;
        }
        if (fn == null || at == null) {
            return UNKNOWN;
        }
        return ((fn & 0xffffffffL) << 32) | ((long) (at & 0xff) << 24);
    }

    /** The GR2 word of {@code qid} ({@code adapter << 8 | domain}), or {@link #UNKNOWN}. */
    public long word(int qid) {
        long[] row = words[qid >>> 8];
        return row == null ? absentWord[qid >>> 8] : row[qid & 0xff];
    }

    /** The flag bits of {@code qid}: {@link #PRESENT}, {@link #VFIO_AP}, ... */
    public int flags(int qid) {
        byte[] row = flags[qid >>> 8];
        return row == null ? absentFlags[qid >>> 8] : row[qid & 0xff];
    }

    /** The queue device of {@code qid}, or null. */
    public ApQueue queue(int qid) {
        ApQueue[] row = queues[qid >>> 8];
        return row == null ? null : row[qid & 0xff];
    }

    /** The card device {@code id}, or null. */
    public ApCard card(int id) {
        return cards[id];
    }
}
