package io.github.ap4j.snapshot;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;

/**
 * A vfio_ap mediated device, {@code /sys/devices/vfio_ap/matrix/<uuid>/} (ap-facts 5.3).
 *
 * @param uuid           the mdev UUID (lowercase, as the directory is named)
 * @param matrix         {@code matrix}: the assigned adapters x domains
 * @param guestMatrix    {@code guest_matrix}: what the guest really has ({@code shadow_apcb})
 * @param controlDomains {@code control_domains}, one {@code %04lx} line per domain
 * @param apConfig       {@code ap_config} text (apm,aqm,adm), as printed without the newline
 */
public record Mdev(
        String uuid,
        Attr<ApMatrix> matrix,
        Attr<ApMatrix> guestMatrix,
        Attr<ApMask> controlDomains,
        Attr<String> apConfig) {
}
