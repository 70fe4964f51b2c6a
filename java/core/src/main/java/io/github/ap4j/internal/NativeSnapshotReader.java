// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.ConfigInfo;
import io.github.ap4j.model.QueueHwInfo;
import io.github.ap4j.model.QueueStatus;
import io.github.ap4j.model.ResponseCode;
import io.github.ap4j.natives.Pqap;
import io.github.ap4j.natives.ReplayTable;
import io.github.ap4j.natives.TapqRecord;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.Provenance;
import io.github.ap4j.snapshot.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host snapshot from the AP instructions themselves: PQAP(QCI) for the bus masks, then one
 * batch of PQAP(TAPQ) with the T bit for every APQN in adapters x usage domains. Works the same
 * on hardware (where PQAP is usable) and on the shim's replay backend.
 *
 * <p>What the instructions cannot tell stays {@link Absence#UNKNOWN}: host-driver masks
 * ({@code apmask}/{@code aqmask}), drivers, zcrypt types, the compatibility-mapped {@code hwtype}
 * (needs QACT), counters and the vfio_ap matrix device (sysfs only).
 *
 * <p>The reverse, {@link #replayTableOf(HostSnapshot)}, records the words the kernel would
 * return for each queue of a snapshot, so {@code ap4j capture --replay} can feed the replay
 * backend.
 */
public final class NativeSnapshotReader {

    /** GR1 of an idle, normal queue: queue empty (E), response code 0 (docs/bit-layouts.md). */
    static final long GR1_IDLE = QueueStatus.QUEUE_EMPTY & 0xFFFFFFFFL;

    private NativeSnapshotReader() {
    }

    /** Reads QCI and TAPQ through {@code shim} (the hardware or a replay); {@code origin}
     *  names the source in provenance. */
    public static HostSnapshot read(Pqap shim, String origin) {
        ConfigInfo qci = shim.qci();
        List<Apqn> apqns = new ApMatrix(qci.adapters(), qci.usageDomains()).apqns();
        List<TapqRecord> answers = shim.tapq(apqns);

        List<ApQueue> queues = new ArrayList<>();
        Map<Integer, QueueHwInfo> firstInfoPerCard = new LinkedHashMap<>();
        for (TapqRecord r : answers) {
            int rc = r.status().responseCode();
            // Only these codes leave GR2 valid (ap_queue_info(), docs/bit-layouts.md); any other
            // code, 0x01 Q_NOT_AVAIL first of all, means there is no usable queue device.
            if (!ResponseCode.tapqInfoValid(rc)) {
                continue;
            }
            QueueHwInfo hw = r.hwInfo();
            queues.add(ApQueue.builder(r.apqn())
                    .functions(Attr.of(hw.functions()))
                    .config(Attr.of(rc != ResponseCode.DECONFIGURED.code()))
                    .chkstop(Attr.of(rc == ResponseCode.CHECKSTOPPED.code()))
                    .build());
            firstInfoPerCard.putIfAbsent(r.apqn().adapter(), hw);
        }
        List<ApCard> cards = new ArrayList<>();
        firstInfoPerCard.forEach((id, hw) -> {
            // The kernel stores card hwinfo masked with TAPQ_CARD_HWINFO_MASK
            // (docs/bit-layouts.md).
            QueueHwInfo card = hw.cardLevel();
            cards.add(ApCard.builder(id)
                    .rawHwtype(Attr.of(hw.rawType()))
                    .functions(Attr.of(card.functions()))
                    .maxMsgSize(Attr.of(hw.maxMessageSize()))
                    .build());
        });
        BusAttributes bus = new BusAttributes(Attr.of(qci.featureNames()),
                Attr.of(qci.adapters()), Attr.of(qci.usageDomains()),
                Attr.of(qci.controlDomains()), Attr.unknown(), Attr.unknown(), Attr.unknown(),
                Attr.of(qci.maxAdapterId()), Attr.of(qci.maxDomainId()));
        return new HostSnapshot(new Provenance(SourceKind.NATIVE, origin, Instant.now()), bus,
                cards, queues, Attr.unknown());
    }

    /**
     * The replay table of the words PQAP would return on the host a snapshot describes: a QCI
     * block from the bus attributes, and per queue GR2 = queue {@code ap_functions} << 32 | card
     * {@code raw_hwtype} << 24 (docs/kernel-rules.md; nd, ml and qd are left 0, the migration check
     * ignores them), GR1 = idle, or RC 0x03/0x04 with cc 3 for a deconfigured or checkstopped
     * queue. A queue whose functions or type are unknown is left out, so replay answers it
     * Q_NOT_AVAIL, as for a queue that does not exist.
     *
     * @throws BadInputException when the snapshot lacks the bus masks a QCI block needs
     */
    public static ReplayTable replayTableOf(HostSnapshot s) {
        BusAttributes bus = s.bus();
        if (!bus.adapters().isPresent() || !bus.usageDomains().isPresent()) {
            throw new BadInputException(s.provenance().origin(), "no adapter/usage domain "
                    + "masks (QCI not supported or unknown): cannot record a replay table");
        }
        int flags = ConfigInfo.flagsOf(bus.features().orElse(List.of()));
        ConfigInfo qci = ConfigInfo.of(flags,
                bus.maxAdapterId().orElse(ConfigInfo.DEFAULT_MAX_ADAPTER_ID),
                bus.maxDomainId().orElse(ConfigInfo.DEFAULT_MAX_DOMAIN_ID),
                bus.adapters().get(), bus.usageDomains().get(),
                bus.controlDomains().orElse(ApMask.EMPTY));

        List<TapqRecord> records = new ArrayList<>();
        for (ApQueue q : s.queues()) {
            Optional<ApCard> card = s.card(q.apqn().adapter());
            Attr<Integer> rawType = card.map(ApCard::rawHwtype).orElse(Attr.missing());
            if (!q.functions().isPresent() || !rawType.isPresent()) {
                continue;
            }
            long gr2 = QueueHwInfo.ofFunctions(q.functions().get(), rawType.get()).word();
            int rc = !q.config().orElse(true) ? ResponseCode.DECONFIGURED.code()
                    : q.chkstop().orElse(false) ? ResponseCode.CHECKSTOPPED.code()
                    : ResponseCode.NORMAL.code();
            long gr1 = rc == 0 ? GR1_IDLE : (long) rc << 16;
            records.add(new TapqRecord(q.apqn(), rc == 0 ? 0 : 3, gr1, gr2));
        }
        return ReplayTable.of(records, Optional.of(qci));
    }
}
