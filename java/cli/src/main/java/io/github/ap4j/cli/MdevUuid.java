// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.BadInputException;
import io.github.ap4j.snapshot.Mdev;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --mdev UUID} option's converter: checks the UUID form while the command line is
 * parsed, so the error names the option ({@code Invalid value for option '--mdev': ...}) and no
 * snapshot is read for a typo. The library checks again for its own callers, naming no option.
 */
final class MdevUuid implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        if (!Mdev.isUuid(value)) {
            throw new TypeConversionException("not an mdev UUID (expected " + Mdev.UUID_FORMAT
                    + "): " + BadInputException.quote(value));
        }
        return value;
    }
}
