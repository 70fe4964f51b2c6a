package io.github.ap4j.explain;

import io.github.ap4j.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pasted log text, bounded: at most {@link #MAX_BYTES} per input, regular files only, any
 * bytes (invalid UTF-8 becomes U+FFFD), lines split at LF with a CR of a CRLF kept for
 * {@link LogNormaliser}, lines longer than {@link #MAX_LINE} cut (no message is that long).
 */
public final class LogInput {

    /** 16 MiB: hours of a busy host's kernel log; pass the lines around the migration. */
    public static final int MAX_BYTES = 16 << 20;
    /** The longest message (a console error) is about 330 characters. */
    public static final int MAX_LINE = 8192;

    private LogInput() {
    }

    /** The lines of a file. */
    public static List<String> read(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new BadInputException(name, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(name, "not a regular file");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, "no such file");
        } catch (IOException e) {
            throw new BadInputException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The lines of a stream named {@code name} in messages (for example {@code <stdin>}). */
    public static List<String> read(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(name, "more than " + (MAX_BYTES >> 20) + " MiB of log text; "
                    + "pass only the lines around the migration");
        }
        return lines(new String(bytes, StandardCharsets.UTF_8));
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
