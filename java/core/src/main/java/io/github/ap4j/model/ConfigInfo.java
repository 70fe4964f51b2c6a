// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.model;

import io.github.ap4j.BadInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 128-byte block that PQAP(QCI) stores, {@code struct ap_config_info} in
 * {@code arch/s390/include/asm/ap.h} (docs/bit-layouts.md):
 * <pre>
 *  bytes 0-3     flags: bit 0 apsc, 1 apxa, 2 qact, 3 rc8a, 8 apsb (bit 0 = MSB)
 *  byte  4       na: maximum APID
 *  byte  5       nd: maximum domain index
 *  bytes 16-47   apm: adapter mask, MSB-first
 *  bytes 48-79   aqm: usage-domain mask
 *  bytes 80-111  adm: control-domain mask
 * </pre>
 * Immutable: the block is copied in and out.
 */
public final class ConfigInfo {

    /** Bytes PQAP(QCI) stores. */
    public static final int SIZE = 128;

    /** {@link #flags()} bit 0, {@code apsc}: AP special command facility (bus feature APSC). */
    public static final int FLAG_APSC = 0x80000000;
    /**
     * Flag bit 1, {@code apxa}: AP extended addressing, adapter ids above 63 and domains above 15.
     */
    public static final int FLAG_APXA = 0x40000000;
    /** Flag bit 2, {@code qact}: the query-AP-compatibility-type facility (bus feature QACT). */
    public static final int FLAG_QACT = 0x20000000;
    /** Flag bit 3, {@code rc8a} (bus feature RC8A). */
    public static final int FLAG_RC8A = 0x10000000;
    /**
     * Flag bit 8, {@code apsb}: AP secure binding, set in a Secure Execution guest (bus feature
     * APSB).
     */
    public static final int FLAG_APSB = 0x00800000;

    /** {@code ap_max_adapter_id} without APXA (ap_bus.c). */
    public static final int DEFAULT_MAX_ADAPTER_ID = 63;
    /** {@code ap_max_domain_id} without APXA (ap_bus.c). */
    public static final int DEFAULT_MAX_DOMAIN_ID = 15;

    private final byte[] block;

    private ConfigInfo(byte[] block) {
        this.block = block;
    }

    /**
     * A copy of a stored QCI block.
     *
     * @param block exactly {@link #SIZE} bytes; copied, so later changes do not show
     * @return the block
     * @throws IllegalArgumentException if {@code block} is null or not 128 bytes
     */
    public static ConfigInfo of(byte[] block) {
        if (block == null || block.length != SIZE) {
            throw new IllegalArgumentException("QCI block must be 128 bytes, got "
                    + (block == null ? "null" : block.length));
        }
        return new ConfigInfo(block.clone());
    }

    /**
     * Builds a block from its fields (reserved bytes zero), as a fixture or test would.
     *
     * @param flags bytes 0-3, a combination of the {@code FLAG_*} constants
     * @param na byte 4, the maximum adapter id (only its low 8 bits are stored)
     * @param nd byte 5, the maximum domain id (only its low 8 bits are stored)
     * @param apm the adapter mask, bytes 16-47
     * @param aqm the usage-domain mask, bytes 48-79
     * @param adm the control-domain mask, bytes 80-111
     * @return the block
     */
    public static ConfigInfo of(int flags, int na, int nd, ApMask apm, ApMask aqm, ApMask adm) {
        byte[] b = new byte[SIZE];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) (flags >>> (24 - 8 * i));
        }
        b[4] = (byte) na;
        b[5] = (byte) nd;
        System.arraycopy(apm.toBytes(), 0, b, 16, 32);
        System.arraycopy(aqm.toBytes(), 0, b, 48, 32);
        System.arraycopy(adm.toBytes(), 0, b, 80, 32);
        return new ConfigInfo(b);
    }

    /**
     * Parses 256 hex digits (optionally with a {@code 0x} prefix and one trailing newline) in
     * storage order, the form {@link #toString()} writes.
     *
     * @param text the hex text; null is rejected like any bad text
     * @return the block
     * @throws IllegalArgumentException if {@code text} is not 256 hex digits
     */
    public static ConfigInfo parse(String text) {
        String s = text == null ? "" : Hex.stripNewline(text);
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        if (s.length() != 2 * SIZE) {
            throw new IllegalArgumentException("a QCI block is 256 hex digits, got " + s.length()
                    + ": " + BadInputException.quote(text));
        }
        byte[] b = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            int hi = Hex.digit(s.charAt(2 * i));
            int lo = Hex.digit(s.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex digit at offset " + (2 * i)
                        + " of the QCI block: " + BadInputException.quote(text));
            }
            b[i] = (byte) (hi << 4 | lo);
        }
        return new ConfigInfo(b);
    }

    /** {@return a copy of the 128 bytes in storage order} */
    public byte[] toBytes() {
        return block.clone();
    }

    /** {@return bytes 0-3 as a big-endian word, to test with the {@code FLAG_*} masks} */
    public int flags() {
        return (block[0] & 0xff) << 24 | (block[1] & 0xff) << 16 | (block[2] & 0xff) << 8
                | (block[3] & 0xff);
    }

    /** {@return whether flag bit 0, AP special command facility, is set} */
    public boolean apsc() {
        return (flags() & FLAG_APSC) != 0;
    }

    /**
     * {@return whether flag bit 1, AP extended addressing, is set: then {@link #na()} and {@link
     * #nd()} bound the ids}
     */
    public boolean apxa() {
        return (flags() & FLAG_APXA) != 0;
    }

    /** {@return whether flag bit 2, {@code qact}, is set} */
    public boolean qact() {
        return (flags() & FLAG_QACT) != 0;
    }

    /** {@return whether flag bit 3, {@code rc8a}, is set} */
    public boolean rc8a() {
        return (flags() & FLAG_RC8A) != 0;
    }

    /**
     * {@return whether flag bit 8, AP secure binding, is set: this system is a Secure Execution
     * guest}
     */
    public boolean apsb() {
        return (flags() & FLAG_APSB) != 0;
    }

    /** {@return byte 4, {@code na}: the maximum adapter id, 0..255; meaningful with APXA} */
    public int na() {
        return block[4] & 0xff;
    }

    /** {@return byte 5, {@code nd}: the maximum domain id, 0..255; meaningful with APXA} */
    public int nd() {
        return block[5] & 0xff;
    }

    /**
     * {@return bytes 16-47, {@code apm}: the adapters in the configuration (sysfs {@code
     * ap_adapter_mask})}
     */
    public ApMask adapters() {
        return ApMask.fromBytes(block, 16);
    }

    /**
     * {@return bytes 48-79, {@code aqm}: the usage domains (sysfs {@code ap_usage_domain_mask})}
     */
    public ApMask usageDomains() {
        return ApMask.fromBytes(block, 48);
    }

    /**
     * {@return bytes 80-111, {@code adm}: the control domains (sysfs {@code
     * ap_control_domain_mask})}
     */
    public ApMask controlDomains() {
        return ApMask.fromBytes(block, 80);
    }

    /**
     * {@code ap_max_adapter_id}: QCI na only when APXA is set, else 63 ({@code ap_init_qci_info}).
     *
     * @return the highest adapter id the kernel accepts, 0..255
     */
    public int maxAdapterId() {
        return apxa() ? na() : DEFAULT_MAX_ADAPTER_ID;
    }

    /** {@return {@code ap_max_domain_id}: QCI nd only when APXA is set, else 15} */
    public int maxDomainId() {
        return apxa() ? nd() : DEFAULT_MAX_DOMAIN_ID;
    }

    /** The bus {@code features} tokens in the order {@code features_show()} prints them. */
    private static final String[] FEATURE_NAMES = {"APSC", "APXA", "QACT", "RC8A", "APSB"};
    private static final int[] FEATURE_FLAGS = {FLAG_APSC, FLAG_APXA, FLAG_QACT, FLAG_RC8A, FLAG_APSB};

    /**
     * The bus {@code features} attribute for this block: names from
     * {@code APSC APXA QACT RC8A APSB} in that order ({@code features_show()}, ap_bus.c).
     *
     * @return the tokens of the set flags; empty when none is set
     */
    public List<String> featureNames() {
        List<String> f = new ArrayList<>(FEATURE_NAMES.length);
        int flags = flags();
        for (int i = 0; i < FEATURE_NAMES.length; i++) {
            if ((flags & FEATURE_FLAGS[i]) != 0) {
                f.add(FEATURE_NAMES[i]);
            }
        }
        return f;
    }

    /**
     * The inverse of {@link #featureNames()}: the flag word for bus {@code features} tokens.
     *
     * @param featureNames tokens as {@code /sys/bus/ap/features} lists them; unknown tokens
     *     are ignored
     * @return the {@code FLAG_*} bits of the known tokens
     */
    public static int flagsOf(List<String> featureNames) {
        int flags = 0;
        for (int i = 0; i < FEATURE_NAMES.length; i++) {
            if (featureNames.contains(FEATURE_NAMES[i])) {
                flags |= FEATURE_FLAGS[i];
            }
        }
        return flags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigInfo && Arrays.equals(block, ((ConfigInfo) o).block);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(block);
    }

    /**
     * The block as hex.
     *
     * @return the 256 lowercase hex digits of the block, which {@link #parse(String)} reads back
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(2 * SIZE);
        for (byte x : block) {
            Hex.append(sb, x & 0xff, 2, Hex.LOWER);
        }
        return sb.toString();
    }
}
