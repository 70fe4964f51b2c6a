package io.github.ap4j.snapshot;

import io.github.ap4j.model.Apqn;
import java.util.List;

/**
 * An AP queue device, {@code /sys/devices/ap/cardXX/XX.YYYY} (formats in ap-facts 5.2, 4.3).
 *
 * @param apqn          the queue
 * @param functions     queue-level {@code ap_functions}: GR2 bits 0-31 of a fresh TAPQ with the
 *                      T bit, including class and BS: the best input for the migration check
 * @param config        {@code config} (0/1)
 * @param chkstop       {@code chkstop} (0/1)
 * @param online        {@code online} (0/1); MISSING when not bound to a zcrypt driver
 * @param vfioStatus    vfio_ap {@code status}: {@code in use}, {@code assigned}, {@code unassigned}
 * @param driver        bound driver name ({@code cex4queue}, {@code vfio_ap}); MISSING if none
 * @param requestCount  {@code request_count}; NOT_SUPPORTED for {@code -}
 * @param requestqCount {@code requestq_count}
 * @param pendingqCount {@code pendingq_count}
 * @param seBind        {@code se_bind} text ({@code bound}, {@code unbound}); NOT_SUPPORTED for {@code -}
 * @param seAssociate   {@code se_associate} text; NOT_SUPPORTED for {@code -}
 * @param mkvps         parsed {@code mkvps} lines
 */
public record ApQueue(
        Apqn apqn,
        Attr<Integer> functions,
        Attr<Boolean> config,
        Attr<Boolean> chkstop,
        Attr<Boolean> online,
        Attr<String> vfioStatus,
        Attr<String> driver,
        Attr<Long> requestCount,
        Attr<Integer> requestqCount,
        Attr<Integer> pendingqCount,
        Attr<String> seBind,
        Attr<String> seAssociate,
        Attr<List<Mkvp>> mkvps) {
}
