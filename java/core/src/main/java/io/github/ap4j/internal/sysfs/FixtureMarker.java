// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.sysfs;

import io.github.ap4j.BadInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * The small file at the root of a recorded fixture that tells it apart from a live sysfs
 * tree: {@value #FILE_NAME}, a Java properties file with {@code format=1}, the capture time
 * ({@code captured}, ISO-8601 instant) and the tree it was captured from ({@code origin}).
 *
 * @param captured when the capture was taken
 * @param origin   the source tree's origin, as given to the capture
 */
public record FixtureMarker(Instant captured, String origin) {

    public static final String FILE_NAME = "ap4j-fixture.properties";
    public static final String FORMAT = "1";

    /** Parses the marker text; {@code source} names the file in messages. */
    public static FixtureMarker parse(String source, String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(source, "not a properties file: " + e.getMessage());
        }
        String format = p.getProperty("format");
        if (!FORMAT.equals(format)) {
            throw new BadInputException(source, "unsupported fixture format (expected format="
                    + FORMAT + "): " + BadInputException.quote(String.valueOf(format)));
        }
        String captured = p.getProperty("captured", "");
        try {
            return new FixtureMarker(Instant.parse(captured), p.getProperty("origin", ""));
        } catch (DateTimeParseException e) {
            throw new BadInputException(source, "captured is not an ISO-8601 instant: "
                    + BadInputException.quote(captured));
        }
    }

    /** The file's text (stable: no date comment, fixed key order). */
    public String toText() {
        StringWriter w = new StringWriter();
        w.write("# ap4j recorded fixture: the AP part of a sysfs tree, read-only copy\n");
        w.write("format=" + FORMAT + "\n");
        w.write("captured=" + captured + "\n");
        w.write("origin=" + escape(origin) + "\n");
        return w.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!') {
                sb.append('\\');
            }
            if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
