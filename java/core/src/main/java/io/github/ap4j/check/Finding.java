package io.github.ap4j.check;

import io.github.ap4j.model.Apqn;
import java.util.Objects;

/**
 * One thing the check found: a stable code, a severity, the APQN it is about (or {@code null}),
 * and a plain-English message that ends with the fix.
 */
public record Finding(FindingCode code, Severity severity, Apqn apqn, String message) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Finding error(FindingCode code, Apqn apqn, String message) {
        return new Finding(code, Severity.ERROR, apqn, message);
    }

    public static Finding warning(FindingCode code, Apqn apqn, String message) {
        return new Finding(code, Severity.WARNING, apqn, message);
    }

    public static Finding info(FindingCode code, Apqn apqn, String message) {
        return new Finding(code, Severity.INFO, apqn, message);
    }
}
