// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import io.github.ap4j.BadInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * An AP matrix: the adapters and usage domains of an mdev (or of a guest's
 * {@code shadow_apcb}); its APQNs are the cartesian product adapters x domains.
 *
 * <p>Text form is what vfio_ap's {@code matrix} and {@code guest_matrix} attributes print
 * ({@code vfio_ap_mdev_matrix_show}, docs/sysfs-formats.md): with adapters and domains, one
 * {@code "%02lx.%04lx\n"} line per APQN, APID-major and ascending; adapters only,
 * {@code "%02lx.\n"}; domains only, {@code ".%04lx\n"}; nothing assigned, empty.
 *
 * @param adapters the assigned adapters (APIDs)
 * @param domains the assigned usage domains (APQIs)
 */
public record ApMatrix(ApMask adapters, ApMask domains) {

    /** Nothing assigned: the {@code matrix} attribute of a fresh mdev, an empty file. */
    public static final ApMatrix EMPTY = new ApMatrix(ApMask.EMPTY, ApMask.EMPTY);

    /**
     * The smallest matrix holding every APQN in {@code apqns} (as the kernel rebuilds one).
     *
     * @param apqns the queues, in any order; duplicates are harmless
     * @return the adapters and domains those queues use; may hold APQNs not in {@code apqns}
     */
    public static ApMatrix covering(Iterable<Apqn> apqns) {
        ApMask a = ApMask.EMPTY;
        ApMask d = ApMask.EMPTY;
        for (Apqn q : apqns) {
            a = a.with(q.adapter());
            d = d.with(q.domain());
        }
        return new ApMatrix(a, d);
    }

    /**
     * Parses the sysfs text. The lines must form the full cartesian product in the kernel's
     * order; anything else (a line of another form, a gap, a duplicate) is rejected with the
     * line quoted.
     *
     * @param text the content of {@code matrix} or {@code guest_matrix}
     * @return the matrix; {@link #EMPTY} for an empty text
     * @throws IllegalArgumentException if {@code text} is not what the kernel prints
     */
    public static ApMatrix parse(String text) {
        if (text.isEmpty()) {
            return EMPTY;
        }
        String[] lines = text.split("\n", -1);
        int count = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        ApMask a = ApMask.EMPTY;
        ApMask d = ApMask.EMPTY;
        List<Apqn> seen = new ArrayList<>(count);
        int kind = -1; // 0 = APQN lines, 1 = adapter-only, 2 = domain-only
        int last = -1; // adapter-only and domain-only lines: the id of the line before
        for (int i = 0; i < count; i++) {
            String l = lines[i];
            int k;
            if (l.length() == 7 && l.charAt(2) == '.') {
                Apqn q = Apqn.parse(l);
                a = a.with(q.adapter());
                d = d.with(q.domain());
                seen.add(q);
                k = 0;
            } else if (l.length() == 3 && l.charAt(2) == '.') {
                // "%02lx.": exactly two hex digits, no 0x (vfio_ap_mdev_matrix_show)
                int id = (int) Hex.parseDigits(l.substring(0, 2), "adapter");
                last = ascending(i, l, last, id);
                a = a.with(id);
                k = 1;
            } else if (l.length() == 5 && l.charAt(0) == '.') {
                // ".%04lx": exactly four hex digits, no 0x
                long dom = Hex.parseDigits(l.substring(1), "domain");
                if (dom > Apqn.MAX_ID) {
                    throw bad(i, l);
                }
                last = ascending(i, l, last, (int) dom);
                d = d.with((int) dom);
                k = 2;
            } else {
                throw bad(i, l);
            }
            if (kind >= 0 && k != kind) {
                throw bad(i, l);
            }
            kind = k;
        }
        ApMatrix m = new ApMatrix(a, d);
        if (kind == 0 && !m.apqns().equals(seen)) {
            throw new IllegalArgumentException("matrix lines are not the full adapter x domain "
                    + "product in kernel order (" + seen.size() + " lines for " + m.size()
                    + " APQNs)");
        }
        return m;
    }

    /**
     * The kernel walks the mask with {@code for_each_set_bit_inv}, so adapter-only and
     * domain-only lines come strictly ascending; a repeat or a step back is not its text.
     */
    private static int ascending(int index, String line, int last, int id) {
        if (id <= last) {
            throw new IllegalArgumentException("matrix line " + (index + 1)
                    + " repeats or is out of ascending order: " + BadInputException.quote(line));
        }
        return id;
    }

    private static IllegalArgumentException bad(int index, String line) {
        return new IllegalArgumentException("matrix line " + (index + 1)
                + " is not AA.DDDD, AA. or .DDDD: " + BadInputException.quote(line));
    }

    /**
     * Whether the matrix holds a queue.
     *
     * @param q the queue
     * @return whether both its adapter and its domain are assigned
     */
    public boolean contains(Apqn q) {
        return adapters.contains(q.adapter()) && domains.contains(q.domain());
    }

    /** {@return the number of APQNs, adapters x domains; 0 when either is empty} */
    public int size() {
        return adapters.cardinality() * domains.cardinality();
    }

    /** {@return whether the matrix holds no APQN (it may still have adapters or domains alone)} */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** {@return the APQNs, APID-major then APQI, as the kernel lists them} */
    public List<Apqn> apqns() {
        List<Apqn> out = new ArrayList<>(size());
        for (int a = adapters.nextSetId(0); a >= 0; a = adapters.nextSetId(a + 1)) {
            for (int d = domains.nextSetId(0); d >= 0; d = domains.nextSetId(d + 1)) {
                out.add(new Apqn(a, d));
            }
        }
        return out;
    }

    /** {@return the sysfs text, byte for byte as the kernel prints it} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        boolean hasA = !adapters.isEmpty();
        boolean hasD = !domains.isEmpty();
        if (hasA && hasD) {
            for (Apqn q : apqns()) {
                sb.append(q).append('\n');
            }
        } else if (hasA) {
            adapters.forEachId(id -> Hex.append(sb, id, 2, Hex.LOWER).append(".\n"));
        } else if (hasD) {
            domains.forEachId(id -> Hex.append(sb.append('.'), id, 4, Hex.LOWER).append('\n'));
        }
        return sb.toString();
    }
}
