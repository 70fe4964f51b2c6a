// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.check;

import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.model.ResponseCode;
import java.util.Locale;

/**
 * The two versions of the vfio_ap migration code ap4j can predict (docs/kernel-rules.md). Every
 * difference between them lives here.
 *
 * <ul>
 *   <li>{@link #DOC}: the documented behaviour, identical to the newest driver code (LATE):
 *       control domains migrated and checked, per-field hwinfo comparison (stateless source may
 *       go to a full-native target), bind state must be 00 on both sides, LATE message texts,
 *       TAPQ errors treated as success only with the async bit, SE hosts register no migration
 *       support at all, incompatible queue gives {@code -EINVAL}.</li>
 *   <li>{@link #V3}: the posted v3/v4 patch code (V34): full-word equality short cut (so equal
 *       non-zero BS passes), whole 32-bit facility word equality in the fallback (so the class
 *       and reserved bits must match exactly), no control-domain check, message typos, TAPQ
 *       errors treated as success only <em>without</em> the async bit, SE state change fails
 *       with {@code -EPERM}, incompatible queue gives {@code -EFAULT}.</li>
 * </ul>
 *
 * The comparator ({@link #compatible(long, long)}) works on two raw GR2 words and allocates
 * nothing.
 */
public enum RuleSet {
    /** The documented behaviour and the newest driver code; the default. */
    DOC,
    /** The code posted as v3 and, unchanged, as v4 ({@code --rules v3} or {@code v4}). */
    V3;

    /**
     * {@code QINFO_DATA_MASK} of the migration code: GR2 bits 0-17 (facilities, class, bind
     * state) and the AP type, bits 32-39. The bit layout itself is {@link QueueHwInfo}'s.
     */
    public static final long QINFO_DATA_MASK = 0xffffc000ff000000L;

    /**
     * {@return the lower-case name used on the command line and in reports: {@code doc}, {@code
     * v3}}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code doc} or {@code v3}, any case; {@code v4} is {@link #V3} too, because the v4 posting
     * carries the v3 code (docs/kernel-rules.md).
     *
     * @param text the {@code --rules} value
     * @return the rule set
     * @throws IllegalArgumentException if {@code text} names none
     */
    public static RuleSet parse(String text) {
        if ("v4".equalsIgnoreCase(text)) {
            return V3;
        }
        for (RuleSet r : values()) {
            if (r.label().equalsIgnoreCase(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rule set '" + text
                + "' (expected doc, v3 or its alias v4)");
    }

    /**
     * {@code queue_hardware_info_is_compatible()} on a source and a target GR2 word
     * (docs/kernel-rules.md, "The hardware comparison"). Only the upper 40 bits matter; nd, ml, qd
     * and the reserved low bits never do.
     *
     * @param src the GR2 word the source saved in the migration blob
     * @param tgt a fresh TAPQ GR2 word on the target
     * @return whether the kernel accepts the target queue
     */
    public boolean compatible(long src, long tgt) {
        boolean bsZero = ((src | tgt) & QueueHwInfo.GR2_BS) == 0;
        boolean typeOk = QueueHwInfo.typeOf(src) <= QueueHwInfo.typeOf(tgt);
        // classes_compatible(): (sn != tn) ? !sn : true
        boolean classOk = !QueueHwInfo.fullNativeOf(src) || QueueHwInfo.fullNativeOf(tgt);
        boolean maskedEqual = ((src ^ tgt) & QINFO_DATA_MASK) == 0;
        if (this == DOC) {
            if (maskedEqual && bsZero) {
                return true;
            }
            return ((src ^ tgt) & QueueHwInfo.GR2_FACILITIES) == 0 && typeOk && classOk && bsZero;
        }
        if (maskedEqual) {
            return true;
        }
        return ((src ^ tgt) & QueueHwInfo.GR2_FAC) == 0 && typeOk && classOk && bsZero;
    }

    /**
     * Compares {@code n} word pairs and returns how many are incompatible; allocation-free, for
     * a whole guest (up to 65,536 APQNs) at once.
     *
     * @param src source GR2 words
     * @param tgt target GR2 words, paired with {@code src} by index
     * @param n how many pairs to compare, from index 0
     * @return the number of pairs {@link #compatible(long, long)} rejects
     */
    public int countIncompatible(long[] src, long[] tgt, int n) {
        int bad = 0;
        for (int i = 0; i < n; i++) {
            if (!compatible(src[i], tgt[i])) {
                bad++;
            }
        }
        return bad;
    }

    /**
     * {@return what an incompatible queue makes the post-copy validation return: {@code EINVAL}
     * (doc) or {@code EFAULT} (v3)}
     */
    public Errno incompatibleErrno() {
        return this == DOC ? Errno.EINVAL : Errno.EFAULT;
    }

    /** {@return whether control domains are migrated and checked (stage 6)} */
    public boolean checksControlDomains() {
        return this == DOC;
    }

    /**
     * Whether an SE host registers no migration ops at all (doc), rather than failing every state
     * change with {@code -EPERM} and a {@code dev_err} line (v3).
     *
     * @return true for {@link #DOC}
     */
    public boolean seMeansNoMigrationSupport() {
        return this == DOC;
    }

    /**
     * {@code get_hardware_info_for_queue()}: whether TAPQ with this response code and async bit
     * counts as success, so the returned hwinfo is used.
     *
     * @param responseCode the TAPQ response code
     * @param async the status word's asynchronous-error bit
     * @return true for 0x00 and 0x02-0x05; false for 0x01; otherwise by rule set and async bit
     */
    public boolean tapqUsable(int responseCode, boolean async) {
        if (ResponseCode.tapqInfoValid(responseCode)) {
            return true;
        }
        if (responseCode == 0x01) {
            return false;
        }
        return this == DOC ? async : !async;
    }

    /**
     * The errno of a TAPQ failure ({@link #tapqUsable} false).
     *
     * @param responseCode the TAPQ response code
     * @return {@code ENODEV} for 0x01 (Q_NOT_AVAIL), else {@code EIO}
     */
    public static Errno tapqErrno(int responseCode) {
        return responseCode == 0x01 ? Errno.ENODEV : Errno.EIO;
    }
}
