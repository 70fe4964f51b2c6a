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

    record Present<T>(T value) implements Attr<T> {
        public Present {
            Objects.requireNonNull(value, "value");
        }
    }

    record Absent<T>(Absence why) implements Attr<T> {
        public Absent {
            Objects.requireNonNull(why, "why");
        }
    }

    static <T> Attr<T> of(T value) {
        return new Present<>(value);
    }

    @SuppressWarnings("unchecked")
    static <T> Attr<T> absent(Absence why) {
        switch (why) {
            case MISSING: return (Attr<T>) Shared.MISSING;
            case NOT_SUPPORTED: return (Attr<T>) Shared.NOT_SUPPORTED;
            case NOT_READ: return (Attr<T>) Shared.NOT_READ;
            default: return (Attr<T>) Shared.UNKNOWN;
        }
    }

    static <T> Attr<T> missing() {
        return absent(Absence.MISSING);
    }

    static <T> Attr<T> notSupported() {
        return absent(Absence.NOT_SUPPORTED);
    }

    static <T> Attr<T> unknown() {
        return absent(Absence.UNKNOWN);
    }

    static <T> Attr<T> notRead() {
        return absent(Absence.NOT_READ);
    }

    /** A value when non-null, else the given absence. */
    static <T> Attr<T> ofNullable(T value, Absence whenNull) {
        return value == null ? absent(whenNull) : of(value);
    }

    default boolean isPresent() {
        return this instanceof Present;
    }

    default T get() {
        if (this instanceof Present) {
            return ((Present<T>) this).value();
        }
        throw new NoSuchElementException("attribute absent: " + ((Absent<T>) this).why());
    }

    default T orElse(T other) {
        return this instanceof Present ? ((Present<T>) this).value() : other;
    }

    /** The value or {@code null}: for renderers (JSON null), not for logic. */
    default T orNull() {
        return orElse(null);
    }

    default <U> Attr<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Present) {
            return of(f.apply(((Present<T>) this).value()));
        }
        return absent(((Absent<T>) this).why());
    }

    /** The absence reason, or {@code null} when present. */
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
