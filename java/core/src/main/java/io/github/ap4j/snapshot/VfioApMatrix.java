// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * The vfio_ap matrix device, {@code /sys/devices/vfio_ap/matrix} (docs/sysfs-formats.md).
 *
 * @param features {@code features} tokens, e.g. {@code guest_matrix hotplug ap_config migratable}
 * @param mdevs    the mediated devices, by UUID
 */
public record VfioApMatrix(Attr<List<String>> features, List<Mdev> mdevs) {
    /**
     * Copies the mdev list.
     *
     * @param features {@code features} tokens
     * @param mdevs the mediated devices
     */
    public VfioApMatrix {
        mdevs = List.copyOf(mdevs);
    }

    /**
     * The mdev named {@code uuid} (any case). A loop, not a stream: the check calls it twice.
     *
     * @param uuid the mdev UUID
     * @return the mdev, or empty when there is none
     */
    public Optional<Mdev> mdev(String uuid) {
        for (Mdev m : mdevs) {
            if (m.uuid().equalsIgnoreCase(uuid)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the kernel's vfio_ap has the migration code (the static {@code migratable} token;
     * the kernel prints it even where it then refuses migration).
     *
     * @return true when {@code features} is present and lists {@code migratable}
     */
    public boolean migratable() {
        return features.isPresent() && features.get().contains("migratable");
    }
}
