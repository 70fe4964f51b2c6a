// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.snapshot;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * One attribute of a host snapshot: a value, or the reason there is none ({@link Absence}).
 *
 * @param <T> the value type
 */
public sealed interface Attr<T> permits Attr.Present, Attr.Absent {

    /**
     * An attribute with a value.
     *
     * @param <T> the value type
     * @param value the value, never null
     */
    record Present<T>(T value) implements Attr<T> {
        /**
         * Checks the value.
         *
         * @param value the value
         * @throws NullPointerException if {@code value} is null
         */
        public Present {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An attribute without a value.
     *
     * @param <T> the value type it would have
     * @param why the reason there is no value
     */
    record Absent<T>(Absence why) implements Attr<T> {
        /**
         * Checks the reason.
         *
         * @param why the reason
         * @throws NullPointerException if {@code why} is null
         */
        public Absent {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * A present value.
     *
     * @param <T> the value type
     * @param value the value, never null
     * @return the attribute
     * @throws NullPointerException if {@code value} is null
     */
    static <T> Attr<T> of(T value) {
        return new Present<>(value);
    }

    /**
     * An absent value, one shared instance per reason.
     *
     * @param <T> the value type it would have
     * @param why the reason there is no value
     * @return the attribute
     */
    @SuppressWarnings("unchecked")
    static <T> Attr<T> absent(Absence why) {
        switch (why) {
            case MISSING: return (Attr<T>) Shared.MISSING;
            case NOT_SUPPORTED: return (Attr<T>) Shared.NOT_SUPPORTED;
            case NOT_READ: return (Attr<T>) Shared.NOT_READ;
            default: return (Attr<T>) Shared.UNKNOWN;
        }
    }

    /**
     * The attribute does not exist on this host.
     *
     * @param <T> the value type it would have
     * @return {@link Absence#MISSING}
     */
    static <T> Attr<T> missing() {
        return absent(Absence.MISSING);
    }

    /**
     * The kernel prints no value ({@code not supported}, {@code -}).
     *
     * @param <T> the value type it would have
     * @return {@link Absence#NOT_SUPPORTED}
     */
    static <T> Attr<T> notSupported() {
        return absent(Absence.NOT_SUPPORTED);
    }

    /**
     * The source cannot know the value.
     *
     * @param <T> the value type it would have
     * @return {@link Absence#UNKNOWN}
     */
    static <T> Attr<T> unknown() {
        return absent(Absence.UNKNOWN);
    }

    /**
     * The value was not read (a narrowed sysfs read).
     *
     * @param <T> the value type it would have
     * @return {@link Absence#NOT_READ}
     */
    static <T> Attr<T> notRead() {
        return absent(Absence.NOT_READ);
    }

    /**
     * A value when non-null, else the given absence.
     *
     * @param <T> the value type
     * @param value the value, may be null
     * @param whenNull the reason to record when {@code value} is null
     * @return the attribute
     */
    static <T> Attr<T> ofNullable(T value, Absence whenNull) {
        return value == null ? absent(whenNull) : of(value);
    }

    /** {@return whether there is a value} */
    default boolean isPresent() {
        return this instanceof Present;
    }

    /**
     * The value.
     *
     * @return the value, never null
     * @throws NoSuchElementException if the attribute is absent; the message names the reason
     */
    default T get() {
        if (this instanceof Present) {
            return ((Present<T>) this).value();
        }
        throw new NoSuchElementException("attribute absent: " + ((Absent<T>) this).why());
    }

    /**
     * The value, or a fallback.
     *
     * @param other what to return when absent; may be null
     * @return the value when present, else {@code other}
     */
    default T orElse(T other) {
        return this instanceof Present ? ((Present<T>) this).value() : other;
    }

    /** {@return the value or {@code null}: for renderers (JSON null), not for logic} */
    default T orNull() {
        return orElse(null);
    }

    /**
     * Converts a present value; an absent one keeps its reason.
     *
     * @param <U> the new value type
     * @param f the conversion; must not return null
     * @return the converted attribute
     */
    default <U> Attr<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Present) {
            return of(f.apply(((Present<T>) this).value()));
        }
        return absent(((Absent<T>) this).why());
    }

    /** {@return the absence reason, or {@code null} when present} */
    default Absence absence() {
        return this instanceof Absent ? ((Absent<T>) this).why() : null;
    }

    /** Shared absent instances, so absence allocates nothing. */
    final class Shared {
        static final Attr<?> MISSING = new Absent<>(Absence.MISSING);
        static final Attr<?> NOT_SUPPORTED = new Absent<>(Absence.NOT_SUPPORTED);
        static final Attr<?> UNKNOWN = new Absent<>(Absence.UNKNOWN);
        static final Attr<?> NOT_READ = new Absent<>(Absence.NOT_READ);

        private Shared() {
        }
    }
}
