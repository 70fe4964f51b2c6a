// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

import io.github.ap4j.model.ApMask;
import java.util.List;

/**
 * The AP bus attributes under {@code /sys/bus/ap/} (formats in docs/sysfs-formats.md).
 *
 * @param features       {@code features}: tokens from {@code APSC APXA QACT RC8A APSB};
 *                       NOT_SUPPORTED when the kernel prints {@code -} (no QCI)
 * @param adapters       {@code ap_adapter_mask} (QCI apm); NOT_SUPPORTED for {@code not supported}
 * @param usageDomains   {@code ap_usage_domain_mask} (QCI aqm)
 * @param controlDomains {@code ap_control_domain_mask} (QCI adm)
 * @param apmask         {@code apmask}: adapters reserved for the host's default drivers
 * @param aqmask         {@code aqmask}: domains reserved for the host's default drivers
 * @param apDomain       {@code ap_domain}, the default domain
 * @param maxAdapterId   {@code ap_max_adapter_id}
 * @param maxDomainId    {@code ap_max_domain_id}
 */
public record BusAttributes(
        Attr<List<String>> features,
        Attr<ApMask> adapters,
        Attr<ApMask> usageDomains,
        Attr<ApMask> controlDomains,
        Attr<ApMask> apmask,
        Attr<ApMask> aqmask,
        Attr<Integer> apDomain,
        Attr<Integer> maxAdapterId,
        Attr<Integer> maxDomainId) {

    /** {@return bus attributes of which nothing is known (every one {@link Absence#UNKNOWN})} */
    public static BusAttributes unknown() {
        return new BusAttributes(Attr.unknown(), Attr.unknown(), Attr.unknown(), Attr.unknown(),
                Attr.unknown(), Attr.unknown(), Attr.unknown(), Attr.unknown(), Attr.unknown());
    }

    /**
     * {@return whether the host is an SE guest with AP secure binding ({@code APSB} in features)}
     */
    public boolean hasApsb() {
        return features.isPresent() && features.get().contains("APSB");
    }
}
