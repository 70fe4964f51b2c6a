// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.model.QueueStatus;

/**
 * One PQAP(TAPQ) answer for one queue: the condition code, GR1 (status word in the low 32
 * bits, {@code struct ap_queue_status}) and GR2 (hardware info, {@code struct ap_tapq_hwinfo};
 * both in the kernel's arch/s390/include/asm/ap.h). It is both what
 * {@link Pqap#tapq(java.util.List)} returns and one {@code tapq} line of a {@link ReplayTable}.
 *
 * @param apqn the queue, never null
 * @param conditionCode the PQAP condition code, 0..3 (0: GR1 and GR2 are set)
 * @param gr1 GR1 after PQAP; its low 32 bits are the queue status word
 * @param gr2 GR2 after PQAP, the hardware information
 */
public record TapqRecord(Apqn apqn, int conditionCode, long gr1, long gr2) {

    /**
     * Checks the fields.
     *
     * @param apqn the queue
     * @param conditionCode the condition code
     * @param gr1 GR1
     * @param gr2 GR2
     * @throws IllegalArgumentException if {@code apqn} is null or the condition code is outside
     *     0..3
     */
    public TapqRecord {
        if (apqn == null) {
            throw new IllegalArgumentException("apqn must not be null");
        }
        if (conditionCode < 0 || conditionCode > 3) {
            throw new IllegalArgumentException("condition code outside 0..3: " + conditionCode);
        }
    }

    /** {@return the queue status word decoded from GR1} */
    public QueueStatus status() {
        return QueueStatus.ofGr1(gr1);
    }

    /**
     * GR2 decoded as hardware info.
     *
     * @return the full GR2 word; meaningful only when the response code says so
     *     ({@link io.github.ap4j.model.ResponseCode#tapqInfoValid(int)})
     */
    public QueueHwInfo hwInfo() {
        return QueueHwInfo.ofGr2(gr2);
    }
}
