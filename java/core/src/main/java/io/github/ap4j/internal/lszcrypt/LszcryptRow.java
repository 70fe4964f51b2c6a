// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.lszcrypt;

import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.HostSnapshot;
import java.util.Optional;

/**
 * One data row of pasted {@code lszcrypt [-V]} text, as the text says it, before it is folded
 * into a {@link HostSnapshot}. It keeps what the snapshot records cannot: the row's line number,
 * the PENDING sum, the QDEPTH as displayed, the SESTAT word and which FUNCTIONS bits the row's
 * form really shows ({@link #knownFunctionBits()}).
 *
 * <p>A column the header does not have is {@link Attr#unknown()}; a {@code -} the tool printed
 * is {@link Attr#notSupported()} (or unknown where the {@code -} only says "not read", see
 * {@link LszcryptImport}); {@code -no-driver-} is {@link Attr#missing()}.
 *
 * @param line          1-based line number in the pasted text
 * @param adapter       card id, from the CARD.DOM(AIN) column ({@code XX} or {@code XX.YYYY})
 * @param queue         the APQN for a queue row, empty for a card row
 * @param type          TYPE as printed ({@code CEX8C}, {@code -}, ...)
 * @param mode          MODE as printed ({@code CCA-Coproc}, {@code Accelerator},
 *                      {@code EP11-Coproc}, {@code Unknown})
 * @param status        STATUS as printed ({@code online}, {@code in use}, {@code -}, ...)
 * @param requests      REQUESTS / REQUEST_CNT
 * @param pending       PENDING ({@code pendingq_count + requestq_count}); unknown in the
 *                      2.0-2.6 layout, which shows the two counts instead
 * @param pendingqCount PENDINGQ_CNT (2.0-2.6 layout only)
 * @param requestqCount REQUESTQ_CNT (2.0-2.6 layout only)
 * @param hwtype        HWTYPE / HW_TYPE
 * @param qdepth        QDEPTH / Q_DEPTH as displayed (the card's {@code depth} file plus one
 *                      in lszcrypt before the 2024/25 change, the file as is afterwards)
 * @param functionsForm how FUNCTIONS was written in this row
 * @param functions     the card {@code ap_functions} bits the FUNCTIONS column encodes (only
 *                      {@link #knownFunctionBits()} are meaningful)
 * @param driver        DRIVER; MISSING for {@code -no-driver-}
 * @param sestat        SESTAT ({@code usable}, {@code bound}, {@code unbound}, {@code illicit},
 *                      {@code invalid}, {@code error}, {@code -})
 */
public record LszcryptRow(
        int line,
        int adapter,
        Optional<Apqn> queue,
        String type,
        String mode,
        String status,
        Attr<Long> requests,
        Attr<Long> pending,
        Attr<Integer> pendingqCount,
        Attr<Integer> requestqCount,
        Attr<Integer> hwtype,
        Attr<Integer> qdepth,
        FunctionsForm functionsForm,
        Attr<Integer> functions,
        Attr<String> driver,
        Attr<String> sestat) {

    /** How a row's FUNCTIONS column is written; detected per row. */
    public enum FunctionsForm {
        /** s390-tools 2.7-2.25: 9 letters {@code SMCDAXNFR} (bits 0-6, 8, 9; no bit 7). */
        LETTERS9(QueueHwInfo.letterBits(QueueHwInfo.LETTERS_BEFORE_SLCF)),
        /** s390-tools 2.26 and later: 10 letters {@code SMCDAXNHFR} (bits 0-9). */
        LETTERS10(QueueHwInfo.letterBits(QueueHwInfo.LETTERS)),
        /** s390-tools 2.0-2.6: the whole card word as {@code 0x%08x}. */
        HEX(0xFFFFFFFF),
        /** No FUNCTIONS column (plain {@code lszcrypt} without {@code -V}). */
        ABSENT(0);

        private final int knownBits;

        FunctionsForm(int knownBits) {
            this.knownBits = knownBits;
        }

        /** The {@code ap_functions} bits (32-bit, IBM bit 0 = MSB) this form shows. */
        public int knownBits() {
            return knownBits;
        }
    }

    /** Whether this is a queue row ({@code XX.YYYY}). */
    public boolean isQueue() {
        return queue.isPresent();
    }

    /** The {@code ap_functions} bits this row really shows; the others are not known. */
    public int knownFunctionBits() {
        return functionsForm.knownBits();
    }

    /** The CARD.DOM column as printed ({@code 05} or {@code 05.0033}). */
    public String id() {
        return queue.map(Apqn::toString).orElseGet(() -> String.format("%02x", adapter));
    }
}
