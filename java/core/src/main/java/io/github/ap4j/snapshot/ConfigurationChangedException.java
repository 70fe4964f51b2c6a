package io.github.ap4j.snapshot;

import io.github.ap4j.Ap4jException;

/**
 * The AP configuration kept changing while a snapshot was being read: {@code bus/ap/scans}
 * differed before and after every attempt. Retrying later usually works.
 */
public class ConfigurationChangedException extends Ap4jException {
    private static final long serialVersionUID = 1L;

    public ConfigurationChangedException(String message) {
        super(message);
    }
}
