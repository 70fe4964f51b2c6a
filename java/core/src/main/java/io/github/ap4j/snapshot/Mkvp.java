// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

/**
 * One line of a queue's {@code mkvps} attribute (docs/sysfs-formats.md), e.g. {@code AES CUR: valid
 * 0x1234567890abcdef} or {@code WK CUR: valid 0x<64 hex>}.
 *
 * @param keyType  {@code AES}, {@code APKA}, {@code ASYM} (CCA) or {@code WK} (EP11)
 * @param register {@code NEW}, {@code CUR} or {@code OLD}
 * @param state    {@code empty}, {@code partial}, {@code full}, {@code valid}, {@code invalid},
 *                 {@code uncommitted}, {@code committed}; NOT_SUPPORTED for {@code -}
 * @param pattern  the verification pattern as printed ({@code 0x...}); NOT_SUPPORTED for {@code -}
 */
public record Mkvp(String keyType, String register, Attr<String> state, Attr<String> pattern) {
}
