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

    public static final int SIZE = 128;

    public static final int FLAG_APSC = 0x80000000;
    public static final int FLAG_APXA = 0x40000000;
    public static final int FLAG_QACT = 0x20000000;
    public static final int FLAG_RC8A = 0x10000000;
    public static final int FLAG_APSB = 0x00800000;

    /** {@code ap_max_adapter_id}/{@code ap_max_domain_id} without APXA (ap_bus.c). */
    public static final int DEFAULT_MAX_ADAPTER_ID = 63;
    public static final int DEFAULT_MAX_DOMAIN_ID = 15;

    private final byte[] block;

    private ConfigInfo(byte[] block) {
        this.block = block;
    }

    public static ConfigInfo of(byte[] block) {
        if (block == null || block.length != SIZE) {
            throw new IllegalArgumentException("QCI block must be 128 bytes, got "
                    + (block == null ? "null" : block.length));
        }
        return new ConfigInfo(block.clone());
    }

    /** Builds a block from its fields (reserved bytes zero). */
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

    /** Parses 256 hex digits (optionally with a {@code 0x} prefix) in storage order. */
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

    public byte[] toBytes() {
        return block.clone();
    }

    /** Bytes 0-3 as a big-endian word. */
    public int flags() {
        return (block[0] & 0xff) << 24 | (block[1] & 0xff) << 16 | (block[2] & 0xff) << 8
                | (block[3] & 0xff);
    }

    public boolean apsc() {
        return (flags() & FLAG_APSC) != 0;
    }

    public boolean apxa() {
        return (flags() & FLAG_APXA) != 0;
    }

    public boolean qact() {
        return (flags() & FLAG_QACT) != 0;
    }

    public boolean rc8a() {
        return (flags() & FLAG_RC8A) != 0;
    }

    /** Flag bit 8: AP secure binding (Secure Execution). */
    public boolean apsb() {
        return (flags() & FLAG_APSB) != 0;
    }

    /** Byte 4: the maximum APID. */
    public int na() {
        return block[4] & 0xff;
    }

    /** Byte 5: the maximum domain index. */
    public int nd() {
        return block[5] & 0xff;
    }

    public ApMask adapters() {
        return ApMask.fromBytes(block, 16);
    }

    public ApMask usageDomains() {
        return ApMask.fromBytes(block, 48);
    }

    public ApMask controlDomains() {
        return ApMask.fromBytes(block, 80);
    }

    /**
     * {@code ap_max_adapter_id}: QCI na only when APXA is set, else 63 ({@code ap_init_qci_info}).
     */
    public int maxAdapterId() {
        return apxa() ? na() : DEFAULT_MAX_ADAPTER_ID;
    }

    /** {@code ap_max_domain_id}: QCI nd only when APXA is set, else 15. */
    public int maxDomainId() {
        return apxa() ? nd() : DEFAULT_MAX_DOMAIN_ID;
    }

    /** The bus {@code features} tokens in the order {@code features_show()} prints them. */
    private static final String[] FEATURE_NAMES = {"APSC", "APXA", "QACT", "RC8A", "APSB"};
    private static final int[] FEATURE_FLAGS = {FLAG_APSC, FLAG_APXA, FLAG_QACT, FLAG_RC8A, FLAG_APSB};

    /**
     * The bus {@code features} attribute for this block: names from
     * {@code APSC APXA QACT RC8A APSB} in that order ({@code features_show()}, ap_bus.c).
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

    /** The inverse of {@link #featureNames()}: the flag word for bus {@code features} tokens. */
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

    /** The 256 lowercase hex digits of the block, which {@link #parse(String)} reads back. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(2 * SIZE);
        for (byte x : block) {
            Hex.append(sb, x & 0xff, 2, Hex.LOWER);
        }
        return sb.toString();
    }
}
