// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

import io.github.ap4j.model.Apqn;
import java.util.List;
import java.util.Objects;

/**
 * An AP queue device, {@code /sys/devices/ap/cardXX/XX.YYYY} (formats in docs/sysfs-formats.md and
 * docs/kernel-rules.md).
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
 * @param seBind        {@code se_bind} text ({@code bound}, {@code unbound}); NOT_SUPPORTED for
 * {@code -}
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

    /**
     * A builder for a queue; every attribute not set is {@link Absence#UNKNOWN}.
     *
     * @param apqn the queue
     * @return a new builder
     */
    public static Builder builder(Apqn apqn) {
        return new Builder(apqn);
    }

    /** {@return a builder holding this record's values, to change some of them} */
    public Builder toBuilder() {
        Builder b = new Builder(apqn);
        b.functions = functions;
        b.config = config;
        b.chkstop = chkstop;
        b.online = online;
        b.vfioStatus = vfioStatus;
        b.driver = driver;
        b.requestCount = requestCount;
        b.requestqCount = requestqCount;
        b.pendingqCount = pendingqCount;
        b.seBind = seBind;
        b.seAssociate = seAssociate;
        b.mkvps = mkvps;
        return b;
    }

    /**
     * Builds an {@link ApQueue} by attribute name, so a new attribute touches only the readers
     * that know it. Setters are applied in the order called; {@link #build()} may be called
     * more than once.
     */
    public static final class Builder {
        private final Apqn apqn;
        private Attr<Integer> functions = Attr.unknown();
        private Attr<Boolean> config = Attr.unknown();
        private Attr<Boolean> chkstop = Attr.unknown();
        private Attr<Boolean> online = Attr.unknown();
        private Attr<String> vfioStatus = Attr.unknown();
        private Attr<String> driver = Attr.unknown();
        private Attr<Long> requestCount = Attr.unknown();
        private Attr<Integer> requestqCount = Attr.unknown();
        private Attr<Integer> pendingqCount = Attr.unknown();
        private Attr<String> seBind = Attr.unknown();
        private Attr<String> seAssociate = Attr.unknown();
        private Attr<List<Mkvp>> mkvps = Attr.unknown();

        private Builder(Apqn apqn) {
            this.apqn = apqn;
        }

        /**
         * Sets the queue-level {@code ap_functions} word (a fresh TAPQ with the T bit, bind state
         * included).
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder functions(Attr<Integer> value) {
            this.functions = Objects.requireNonNull(value, "functions");
            return this;
        }

        /**
         * Sets {@code config}: whether the queue is configured.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder config(Attr<Boolean> value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /**
         * Sets {@code chkstop}: whether the queue is checkstopped.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder chkstop(Attr<Boolean> value) {
            this.chkstop = Objects.requireNonNull(value, "chkstop");
            return this;
        }

        /**
         * Sets {@code online}; {@link Absence#MISSING} when not bound to a zcrypt driver.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder online(Attr<Boolean> value) {
            this.online = Objects.requireNonNull(value, "online");
            return this;
        }

        /**
         * Sets the vfio_ap {@code status}: {@code in use}, {@code assigned} or {@code unassigned}.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder vfioStatus(Attr<String> value) {
            this.vfioStatus = Objects.requireNonNull(value, "vfioStatus");
            return this;
        }

        /**
         * Sets the bound driver's name ({@code cex4queue}, {@code vfio_ap}), {@link
         * Absence#MISSING} when none.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder driver(Attr<String> value) {
            this.driver = Objects.requireNonNull(value, "driver");
            return this;
        }

        /**
         * Sets {@code request_count}; {@link Absence#NOT_SUPPORTED} for {@code -}.
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
         * Sets the {@code se_bind} text; {@link Absence#NOT_SUPPORTED} for {@code -}.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder seBind(Attr<String> value) {
            this.seBind = Objects.requireNonNull(value, "seBind");
            return this;
        }

        /**
         * Sets the {@code se_associate} text; {@link Absence#NOT_SUPPORTED} for {@code -}.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder seAssociate(Attr<String> value) {
            this.seAssociate = Objects.requireNonNull(value, "seAssociate");
            return this;
        }

        /**
         * Sets the parsed {@code mkvps} lines.
         *
         * @param value the value, or the reason there is none
         * @return this builder
         */
        public Builder mkvps(Attr<List<Mkvp>> value) {
            this.mkvps = Objects.requireNonNull(value, "mkvps");
            return this;
        }

        /** {@return the queue} */
        public ApQueue build() {
            return new ApQueue(apqn, functions, config, chkstop, online, vfioStatus, driver,
                    requestCount, requestqCount, pendingqCount, seBind, seAssociate, mkvps);
        }
    }
}
