// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

import io.github.ap4j.model.ApMode;
import java.util.Objects;

/**
 * An AP card device, {@code /sys/devices/ap/cardXX} (formats in docs/sysfs-formats.md).
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
 * @param mode          the card's mode (GR2 bits 3-5: CCA, accelerator, EP11): from
 *                      {@code functions} when they are known, else what a listing says (the
 *                      lszcrypt MODE column, the mode letter of a TYPE such as {@code CEX6P});
 *                      unknown when neither tells
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
        Attr<Integer> maxMsgSize,
        Attr<ApMode> mode) {

    /**
     * Checks that a stated mode agrees with known functions.
     *
     * @param id adapter id 0..255
     * @param type zcrypt {@code type}
     * @param hwtype {@code hwtype}
     * @param rawHwtype {@code raw_hwtype}
     * @param functions card-level {@code ap_functions}
     * @param depth {@code depth}
     * @param config {@code config}
     * @param chkstop {@code chkstop}
     * @param online {@code online}
     * @param driver the bound driver's name
     * @param requestCount {@code request_count}
     * @param requestqCount {@code requestq_count}
     * @param pendingqCount {@code pendingq_count}
     * @param maxMsgSize {@code max_msg_size}
     * @param mode the card's mode, never null
     * @throws IllegalArgumentException if {@code mode} and {@code functions} are both present
     *     and disagree
     */
    public ApCard {
        Objects.requireNonNull(mode, "mode");
        if (functions.isPresent() && mode.isPresent()
                && mode.get() != ApMode.ofFunctions(functions.get())) {
            throw new IllegalArgumentException("mode " + mode.get() + " disagrees with functions "
                    + String.format("0x%08X", functions.get()));
        }
    }

    /** {@return the card's name in sysfs, {@code cardXX} with two lowercase hex digits} */
    public String name() {
        return String.format("card%02x", id);
    }

    /**
     * A builder for a card; every attribute not set is {@link Absence#UNKNOWN}.
     *
     * @param id adapter id 0..255
     * @return a new builder
     */
    public static Builder builder(int id) {
        return new Builder(id);
    }

    /** {@return a builder holding this record's values, to change some of them} */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.type = type;
        b.hwtype = hwtype;
        b.rawHwtype = rawHwtype;
        b.functions = functions;
        b.depth = depth;
        b.config = config;
        b.chkstop = chkstop;
        b.online = online;
        b.driver = driver;
        b.requestCount = requestCount;
        b.requestqCount = requestqCount;
        b.pendingqCount = pendingqCount;
        b.maxMsgSize = maxMsgSize;
        b.mode = functions.isPresent() ? null : mode; // a mode stated apart from the functions
        return b;
    }

    /**
     * Builds an {@link ApCard} by attribute name, so a new attribute touches only the readers
     * that know it. Setters are applied in the order called; {@link #build()} may be called
     * more than once.
     */
    public static final class Builder {
        private final int id;
        private Attr<String> type = Attr.unknown();
        private Attr<Integer> hwtype = Attr.unknown();
        private Attr<Integer> rawHwtype = Attr.unknown();
        private Attr<Integer> functions = Attr.unknown();
        private Attr<Integer> depth = Attr.unknown();
        private Attr<Boolean> config = Attr.unknown();
        private Attr<Boolean> chkstop = Attr.unknown();
        private Attr<Boolean> online = Attr.unknown();
        private Attr<String> driver = Attr.unknown();
        private Attr<Long> requestCount = Attr.unknown();
        private Attr<Integer> requestqCount = Attr.unknown();
        private Attr<Integer> pendingqCount = Attr.unknown();
        private Attr<Integer> maxMsgSize = Attr.unknown();
        private Attr<ApMode> mode;

        private Builder(int id) {
            this.id = id;
        }

        /**
         * Sets the zcrypt {@code type}, e.g. {@code CEX8C}.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder type(Attr<String> value) {
            this.type = Objects.requireNonNull(value, "type");
            return this;
        }

        /**
         * Sets {@code hwtype}, the compatibility-mapped type.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder hwtype(Attr<Integer> value) {
            this.hwtype = Objects.requireNonNull(value, "hwtype");
            return this;
        }

        /**
         * Sets {@code raw_hwtype}, the raw TAPQ type the migration check compares.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder rawHwtype(Attr<Integer> value) {
            this.rawHwtype = Objects.requireNonNull(value, "rawHwtype");
            return this;
        }

        /**
         * Sets the card-level {@code ap_functions} word (bind state always 0).
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder functions(Attr<Integer> value) {
            this.functions = Objects.requireNonNull(value, "functions");
            return this;
        }

        /**
         * Sets {@code depth} as the file says it.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder depth(Attr<Integer> value) {
            this.depth = Objects.requireNonNull(value, "depth");
            return this;
        }

        /**
         * Sets {@code config}: whether the card is configured.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder config(Attr<Boolean> value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /**
         * Sets {@code chkstop}: whether the card is checkstopped.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder chkstop(Attr<Boolean> value) {
            this.chkstop = Objects.requireNonNull(value, "chkstop");
            return this;
        }

        /**
         * Sets {@code online}, present only with a zcrypt driver.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder online(Attr<Boolean> value) {
            this.online = Objects.requireNonNull(value, "online");
            return this;
        }

        /**
         * Sets the bound driver's name, {@link Absence#MISSING} when none is bound.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder driver(Attr<String> value) {
            this.driver = Objects.requireNonNull(value, "driver");
            return this;
        }

        /**
         * Sets {@code request_count}, the number of requests the card processed.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder requestCount(Attr<Long> value) {
            this.requestCount = Objects.requireNonNull(value, "requestCount");
            return this;
        }

        /**
         * Sets {@code requestq_count}, requests waiting to be sent.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder requestqCount(Attr<Integer> value) {
            this.requestqCount = Objects.requireNonNull(value, "requestqCount");
            return this;
        }

        /**
         * Sets {@code pendingq_count}, requests sent and not yet answered.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder pendingqCount(Attr<Integer> value) {
            this.pendingqCount = Objects.requireNonNull(value, "pendingqCount");
            return this;
        }

        /**
         * Sets {@code max_msg_size} in bytes.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder maxMsgSize(Attr<Integer> value) {
            this.maxMsgSize = Objects.requireNonNull(value, "maxMsgSize");
            return this;
        }

        /**
         * The mode as a listing states it, for a card whose {@code functions} are not known;
         * known functions always decide the mode.
         *
         * @param value the mode, or the reason there is none
         * @return this builder
         */
        public Builder mode(Attr<ApMode> value) {
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /** {@return the card; the mode comes from the functions when they are known} */
        public ApCard build() {
            Attr<ApMode> m = functions.isPresent() || mode == null
                    ? functions.map(ApMode::ofFunctions) : mode;
            return new ApCard(id, type, hwtype, rawHwtype, functions, depth, config, chkstop,
                    online, driver, requestCount, requestqCount, pendingqCount, maxMsgSize, m);
        }
    }
}
