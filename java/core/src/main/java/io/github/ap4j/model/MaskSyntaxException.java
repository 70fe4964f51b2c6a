package io.github.ap4j.model;

/**
 * A mask string that the kernel's {@code apmask}/{@code aqmask} store would reject with
 * {@code -EINVAL} (ap-facts 5.1).
 */
public final class MaskSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MaskSyntaxException(String message) {
        super(message);
    }
}
