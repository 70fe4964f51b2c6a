// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link SyntheticHost} as a sysfs tree for whole-process measurements
 * ({@code benchmarks/compare-lszcrypt}):
 * {@code java -cp benchmarks.jar io.github.ap4j.bench.WriteTree DIR source|target ADAPTERS DOMAINS
 * GUEST_ADAPTERS GUEST_DOMAINS}. {@code DIR} must not exist yet; it then holds
 * {@code bus/}, {@code devices/} as {@code SYSFS_ROOT} for lszcrypt and as a source for ap4j.
 */
public final class WriteTree {

    private WriteTree() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6 || !(args[1].equals("source") || args[1].equals("target"))) {
            System.err.println("usage: WriteTree DIR source|target ADAPTERS DOMAINS GUEST_ADAPTERS"
                    + " GUEST_DOMAINS");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (Files.exists(dir)) {
            System.err.println(dir + ": exists already; WriteTree only writes a new tree");
            System.exit(2);
        }
        int a = Integer.parseInt(args[2]);
        int d = Integer.parseInt(args[3]);
        int ga = Integer.parseInt(args[4]);
        int gd = Integer.parseInt(args[5]);
        SyntheticHost host = args[1].equals("source") ? SyntheticHost.source(a, d, ga, gd)
                : SyntheticHost.target(a, d, ga, gd);
        Files.createDirectories(dir);
        int files = host.writeSysfs(dir);
        System.out.println(dir + ": " + host.queueCount() + " queues, " + files + " files");
    }
}
