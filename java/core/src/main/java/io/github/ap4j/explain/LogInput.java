// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.explain;

import io.github.ap4j.internal.io.BoundedInput;
import io.github.ap4j.internal.io.InputLimit;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pasted log text through {@link BoundedInput} with the {@link InputLimit#LOG} bound
 * (regular files only, stdin waited for at most the limit's timeout). Decoding is lenient, unlike
 * the sysfs readers: a log is the user's paste, and a stray non-UTF-8 byte in an unrelated line
 * must not hide the vfio_ap lines, so it becomes U+FFFD. Lines are split at LF (the CR of a CRLF
 * is kept for {@link LogNormaliser}) and cut after {@link #MAX_LINE} characters: no message is
 * that long, and the matchers then never see an unbounded line.
 */
public final class LogInput {

    /** The longest message (a console error) is about 330 characters. */
    public static final int MAX_LINE = 8192;

    private LogInput() {
    }

    /**
     * The lines of a regular file.
     *
     * @param file the log file
     * @return its lines, each at most {@link #MAX_LINE} characters
     * @throws io.github.ap4j.BadInputException when the file is missing, not regular or too big
     */
    public static List<String> read(Path file) {
        return lines(new String(BoundedInput.readFile(file, InputLimit.LOG), StandardCharsets.UTF_8));
    }

    /**
     * The lines of a stream.
     *
     * @param in the stream, read to its end
     * @param name the stream's name in messages, for example {@code <stdin>}
     * @return its lines, each at most {@link #MAX_LINE} characters
     * @throws io.github.ap4j.BadInputException when the stream is too big or too slow
     */
    public static List<String> read(InputStream in, String name) {
        return lines(new String(BoundedInput.readStream(in, name, InputLimit.LOG),
                StandardCharsets.UTF_8));
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            out.add(text.substring(start, Math.min(end, start + MAX_LINE)));
            start = end + 1;
        }
        return out;
    }
}
