// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.natives.NativeAp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies this machine's two native libraries out of the jar into a directory, once, at package
 * time: JNA's {@code libjnidispatch.so} and ap4j's {@code libap4j.so}. Otherwise every run that
 * reads a large host copies both to a temporary file before it can load them, most of what
 * loading them costs; the launcher ({@code java/cli/src/main/sh/ap4j}) points JNA and ap4j at
 * this copy instead ({@code -Djna.boot.library.path}, {@code -Dap4j.native.library.path}), and
 * only while it is newer than the jar.
 *
 * <p>{@code java -cp ap4j.jar io.github.ap4j.cli.NativeFiles DIR}; exit 0 when both were
 * copied, 1 when this platform has no libap4j in the jar (the launcher then passes nothing).
 */
public final class NativeFiles {

    private NativeFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: NativeFiles DIR");
            System.exit(ExitCode.BAD_INPUT);
        }
        Path dir = Path.of(args[0]);
        String lib = NativeAp.libraryResource();
        // JNA's own library, where JNA's jar keeps it (com/sun/jna/<prefix>/)
        String jna = System.mapLibraryName("jnidispatch");
        if (!copy("/" + lib, dir.resolve(lib.substring(lib.lastIndexOf('/') + 1)))
                || !copy("/com/sun/jna/" + NativeAp.platformPrefix() + "/" + jna,
                        dir.resolve(jna))) {
            System.exit(1);
        }
    }

    private static boolean copy(String resource, Path to) throws IOException {
        try (InputStream in = NativeFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                System.err.println("NativeFiles: no " + resource + " in the jar");
                return false;
            }
            Files.createDirectories(to.getParent());
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
    }
}
