// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;

/**
 * A vfio_ap mediated device, {@code /sys/devices/vfio_ap/matrix/<uuid>/} (docs/sysfs-formats.md).
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

    /** The UUID form mdevs are named with: 8-4-4-4-12 hex digits. */
    public static final String UUID_FORMAT = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

    /**
     * Whether {@code s} is a UUID, 8-4-4-4-12 hex digits of either case, as mdevctl and
     * libvirt accept it; a hand-written test because a regex matcher costs a sizeable part of
     * a 4-APQN check.
     *
     * @param s the text to test, may be null
     * @return true when {@code s} has the UUID form
     */
    public static boolean isUuid(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * The APQNs the kernel migrates for this mdev: {@code guest_matrix} (the guest's
     * {@code shadow_apcb}), else the assigned {@code matrix} when the snapshot lacks it;
     * empty when it shows neither.
     *
     * @return the guest's APQNs as far as this snapshot tells them
     */
    public java.util.Optional<ApMatrix> migratedMatrix() {
        if (guestMatrix.isPresent()) {
            return java.util.Optional.of(guestMatrix.get());
        }
        return matrix.isPresent() ? java.util.Optional.of(matrix.get()) : java.util.Optional.empty();
    }
}
