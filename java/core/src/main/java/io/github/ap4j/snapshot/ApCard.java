package io.github.ap4j.snapshot;

/**
 * An AP card device, {@code /sys/devices/ap/cardXX} (formats in ap-facts 5.2 and 4.3).
 *
 * @param id            adapter id 0..255
 * @param type          zcrypt {@code type}, e.g. {@code CEX8C} (only with a zcrypt driver)
 * @param hwtype        {@code hwtype}: the compatibility-mapped type
 * @param rawHwtype     {@code raw_hwtype}: the raw TAPQ type the migration check compares
 * @param functions     card {@code ap_functions} ({@code "0x%08X"}), masked with
 *                      {@code TAPQ_CARD_HWINFO_MASK}: BS always 0, SLCF 0 on older kernels
 * @param depth         {@code depth} as the file says it
 * @param config        {@code config} (0/1)
 * @param chkstop       {@code chkstop} (0/1)
 * @param online        {@code online} (0/1, only with a zcrypt driver)
 * @param driver        the bound driver's name (basename of the {@code driver} link);
 *                      MISSING when no driver is bound
 * @param requestCount  {@code request_count}
 * @param requestqCount {@code requestq_count}
 * @param pendingqCount {@code pendingq_count}
 * @param maxMsgSize    {@code max_msg_size}
 */
public record ApCard(
        int id,
        Attr<String> type,
        Attr<Integer> hwtype,
        Attr<Integer> rawHwtype,
        Attr<Integer> functions,
        Attr<Integer> depth,
        Attr<Boolean> config,
        Attr<Boolean> chkstop,
        Attr<Boolean> online,
        Attr<String> driver,
        Attr<Long> requestCount,
        Attr<Integer> requestqCount,
        Attr<Integer> pendingqCount,
        Attr<Integer> maxMsgSize) {

    /** The card's name in sysfs, {@code cardXX}. */
    public String name() {
        return String.format("card%02x", id);
    }
}
