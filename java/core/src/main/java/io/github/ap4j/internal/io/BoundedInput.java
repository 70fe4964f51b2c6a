// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.io;

import io.github.ap4j.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way ap4j reads a file or stream a user names: only regular files (a FIFO, a device
 * or a socket is refused by its type before it is opened, never by a timeout), never more than
 * the {@link InputLimit} into memory (a regular file's size is checked before reading, and
 * reading stops one byte past the bound, since a file can grow and sysfs reports 4096 for
 * every attribute), and a stream that can block (stdin) waited for at most the limit's
 * timeout. Every failure is one {@link BadInputException} naming the file and the bound.
 */
public final class BoundedInput {

    private BoundedInput() {
    }

    /** The bytes of the regular file {@code file}, at most {@code limit.maxBytes()}. */
    public static byte[] readFile(Path file, InputLimit limit) {
        String name = file.toString();
        BasicFileAttributes a = regularFile(file);
        if (a.size() > limit.maxBytes()) {
            throw tooLarge(name, a.size() + " bytes", limit);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readAtMost(in, name, limit);
        } catch (IOException e) {
            throw readFailed(name, e);
        }
    }

    /** {@link #readFile} decoded strictly as {@code charset}: malformed bytes are bad input. */
    public static String readText(Path file, InputLimit limit, Charset charset) {
        return decode(readFile(file, limit), file.toString(), limit, charset);
    }

    /**
     * Opens the regular file {@code file} for streaming (a tar archive), after the type and
     * size checks of {@link #readFile}; the caller bounds what it keeps of the content.
     */
    public static InputStream openFile(Path file, InputLimit limit) {
        String name = file.toString();
        BasicFileAttributes a = regularFile(file);
        if (a.size() > limit.maxBytes()) {
            throw tooLarge(name, a.size() + " bytes", limit);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw readFailed(name, e);
        }
    }

    /**
     * Reads {@code in} to its end (stdin, a pipe), at most {@code limit.maxBytes()}, waiting at
     * most {@code limit.timeout()}. The read runs on a daemon thread because a blocked read
     * cannot be interrupted; after a timeout that thread stays blocked until the stream ends
     * or the process exits, and the caller gets the error at once.
     */
    public static byte[] readStream(InputStream in, String name, InputLimit limit) {
        FutureTask<byte[]> task = new FutureTask<>(() -> readAtMost(in, name, limit));
        Thread reader = new Thread(task, "ap4j-read " + name);
        reader.setDaemon(true);
        reader.start();
        try {
            return task.get(limit.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reader.interrupt();
            throw new BadInputException(name, "no end of input after "
                    + limit.timeout().toSeconds() + " s (the wait allowed for " + limit.what() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException(name, "interrupted while reading");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof BadInputException) {
                throw (BadInputException) c;
            }
            if (c instanceof IOException) {
                throw readFailed(name, (IOException) c);
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IllegalStateException(c);
        }
    }

    /** {@link #readStream} decoded strictly as {@code charset}. */
    public static String readStreamText(InputStream in, String name, InputLimit limit, Charset charset) {
        return decode(readStream(in, name, limit), name, limit, charset);
    }

    /**
     * The attributes of {@code file} (links followed), checked to be a regular file.
     *
     * @throws BadInputException when it is missing, unreadable or of another type, naming the type
     */
    public static BasicFileAttributes regularFile(Path file) {
        String name = file.toString();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, "no such file");
        } catch (AccessDeniedException e) {
            throw new BadInputException(name, "permission denied");
        } catch (IOException e) {
            throw readFailed(name, e);
        }
        if (!a.isRegularFile()) {
            throw new BadInputException(name, "not a regular file (" + typeName(file, a)
                    + "); ap4j reads only regular files");
        }
        return a;
    }

    /**
     * A name for what a non-regular path is: a FIFO, a device and a socket all look like
     * "other" to {@link BasicFileAttributes}; the {@code unix:mode} view has the {@code S_IFMT}
     * bits of {@code stat(2)} ({@code <sys/stat.h>}).
     */
    static String typeName(Path file, BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "a directory";
        }
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            switch (mode & 0170000) {
                case 0010000: return "a FIFO";
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException
                | ClassCastException e) {
            // no unix view here: fall through to the generic name
        }
        return "a special file";
    }

    private static byte[] readAtMost(InputStream in, String name, InputLimit limit) throws IOException {
        // readNBytes grows its buffer in steps as data arrives, so a short input costs little.
        byte[] b = in.readNBytes((int) limit.maxBytes() + 1);
        if (b.length > limit.maxBytes()) {
            throw tooLarge(name, "more than " + limit.maxBytes() + " bytes", limit);
        }
        return b;
    }

    private static String decode(byte[] b, String name, InputLimit limit, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, "not " + charset.name() + " text, as "
                    + limit.what() + " is");
        }
    }

    private static BadInputException tooLarge(String name, String size, InputLimit limit) {
        return new BadInputException(name, size + ", more than the " + limit.size()
                + " allowed for " + limit.what());
    }

    private static BadInputException readFailed(String name, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new BadInputException(name, "cannot read: " + why, e);
    }
}
