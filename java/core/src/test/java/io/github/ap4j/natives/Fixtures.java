// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.ConfigInfo;
import java.util.List;
import java.util.Optional;

/** Recorded words shared by the native tests; each field is spelled out in the tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** 05.0033: GR1 queue empty + irq enabled, RC 0; GR2 CCA+APXA, full native, CEX7, nd 85, ml 3, qd 7. */
    static final TapqRecord CEX7_CCA = new TapqRecord(Apqn.parse("05.0033"), 0,
            0x0000000081000000L, 0x128000000D550307L);
    /** 01.0005: GR1 replies waiting + async, RC 0; GR2 EP11, stateless class, BS 3, CEX6, nd 16, ml 11, qd 7. */
    static final TapqRecord CEX6_EP11 = new TapqRecord(Apqn.parse("01.0005"), 0,
            0x0000000042000000L, 0x0440C0000C100B07L);
    /** 02.0010: cc 3, RC 0x03 DECONFIGURED, GR2 0. */
    static final TapqRecord DECONFIGURED = new TapqRecord(Apqn.parse("02.0010"), 3,
            0x0000000000030000L, 0L);

    /** QCI: APSC+APXA, na 0x3f, nd 0xff, adapters 5 and 63, usage domains 0x10 and 0x33, control 0x33. */
    static final ConfigInfo QCI = ConfigInfo.of(ConfigInfo.FLAG_APSC | ConfigInfo.FLAG_APXA, 0x3f,
            0xff, ApMask.of(5, 63), ApMask.of(0x10, 0x33), ApMask.of(0x33));

    static ReplayTable table() {
        return ReplayTable.of(List.of(CEX7_CCA, CEX6_EP11, DECONFIGURED), Optional.of(QCI));
    }
}
