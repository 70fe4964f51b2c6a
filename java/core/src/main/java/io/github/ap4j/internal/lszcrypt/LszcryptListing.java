// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.lszcrypt;

import io.github.ap4j.snapshot.Attr;
import java.util.List;

/**
 * Pasted {@code lszcrypt [-V]} text as parsed rows ({@link LszcryptImport#parseListing}).
 *
 * @param rows          data rows in text order
 * @param sestat        whether a header had the SESTAT column (the host's AP bus
 *                      {@code features} contained {@code APSB} when lszcrypt ran)
 * @param defaultDomain the domain of a {@code Warning: Default domain 0x%02lx is not
 *                      available.} line (-1 for {@code 0xffffffffffffffff}, i.e. not set);
 *                      unknown when the text has no such line
 */
public record LszcryptListing(List<LszcryptRow> rows, boolean sestat, Attr<Integer> defaultDomain) {
    public LszcryptListing {
        rows = List.copyOf(rows);
    }
}
